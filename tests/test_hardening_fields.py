"""Text and dates that would be stored or shown as something else are refused, naming the field."""

from __future__ import annotations

import json

import pytest

from amends.errors import InputError
from amends.fields import one_line, web_link
from tests.conftest import CliRun

NOW = "2026-11-23T10:40Z"
PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Analyst",
    "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
    "--reason", "forgot", "--now", NOW, "--format", "json",
]  # fmt: skip


def _refused(result: object, flag: str, fragment: str) -> None:
    assert result.exit_code == 2, result.stdout  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith(f"amends: error: {flag}: ") and fragment in stderr, stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr


def _saved_case(cli: CliRun) -> str:
    result = cli([*PLAN, "--save"])
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["case_id"])


def test_text_that_is_not_utf8_is_refused_before_it_reaches_the_database(cli: CliRun) -> None:
    case = _saved_case(cli)
    not_utf8 = b"caf\xff".decode("utf-8", "surrogateescape")  # what argv holds for $'caf\xff'
    _refused(
        cli(["case", "record", case, "note", "--text", not_utf8, "--now", NOW]), "--text", "UTF-8"
    )
    result = cli(["write", "thank-you", "--case", case, "--topic", not_utf8])
    assert result.exit_code == 2 and result.stdout == ""


def test_a_javascript_link_is_refused_when_recording_a_reply(cli: CliRun) -> None:
    case = _saved_case(cli)
    sent = cli(
        ["case", "record", case, "contacted", "--via", "email", "--now", "2026-11-23T11:00Z"]
    )
    assert sent.exit_code == 0, sent.stderr
    result = cli(
        ["case", "record", case, "reply", "yes", "--slot", "2026-11-26 10:00",
         "--link", "javascript:alert(1)", "--now", "2026-11-23T12:00Z"]
    )  # fmt: skip
    _refused(result, "--link", "https://")


@pytest.mark.parametrize("text", ["\u200b", "\u200b\u200c\u200d", " \ufeff ", "\u2060"])
def test_a_name_of_only_invisible_characters_is_refused(text: str, cli: CliRun) -> None:
    with pytest.raises(InputError, match="no visible text"):
        one_line(text, "name")
    _refused(cli([*PLAN[:2], text, *PLAN[3:]]), "--name", "no visible text")


@pytest.mark.parametrize("override", ["\u202e", "\u202d", "\u2066", "\u2069"])
def test_text_direction_overrides_never_reach_a_display_name(override: str, cli: CliRun) -> None:
    _refused(cli([*PLAN[:2], f"Sam {override}letaP", *PLAN[3:]]), "--name", "text-direction")
    _refused(cli([*PLAN, "--interviewer", f"Dana{override}"]), "--interviewer", "text-direction")


def test_right_to_left_names_themselves_are_welcome() -> None:
    assert one_line("سارة أحمد", "name") == "سارة أحمد"
    assert one_line("דנה לוי", "name") == "דנה לוי"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,x", "https://", "file:///etc"]
)
def test_only_web_addresses_are_links(link: str) -> None:
    with pytest.raises(InputError):
        web_link(link)


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["--slot", "9999-12-31 23:59"], "--slot"),
        (["--at", "0001-01-01 10:00"], "--at"),
        (["--now", "9999-12-30T10:00Z"], "--now"),
        (["--realised", "0001-01-01T00:00Z"], "--realised"),
    ],
)
def test_dates_at_the_edge_of_the_calendar_are_clean_errors(
    args: list[str], flag: str, cli: CliRun
) -> None:
    _refused(cli([*PLAN, *args]), flag, "outside the years")


def test_slots_and_prepare_refuse_edge_dates_cleanly(cli: CliRun) -> None:
    _refused(
        cli(["slots", "--tz", "Europe/London", "--now", "9999-12-30T10:00Z"]), "--now", "outside"
    )
    result = cli(
        ["prepare", "--at", "9999-12-31 23:00", "--tz", "America/New_York", "--company", "Acme",
         "--role", "Analyst", "--ics", "x.ics", "--now", NOW]
    )  # fmt: skip
    _refused(result, "--at", "outside the years")


def test_an_interview_years_ahead_is_not_accepted_as_late(cli: CliRun) -> None:
    args = [a if a != "missed" else "late" for a in PLAN]
    args[args.index("2026-11-23 10:00")] = "2199-01-01 10:00"
    _refused(cli(args), "--at", "more than a year ahead")


@pytest.mark.parametrize("flag", ["--interviewer", "--role", "--company", "--contact-name"])
def test_an_encoded_word_is_reported_on_the_field_that_holds_it(flag: str, cli: CliRun) -> None:
    args = [*PLAN, "--contact-email", "dana@acme.example", flag, "=?utf-8?q?Dana?="]
    _refused(cli(args), flag, "encoded-word")


def test_twelve_hour_hours_say_what_they_were_read_as(cli: CliRun) -> None:
    _refused(cli([*PLAN, "--hours", "9 to 5"]), "--hours", "24-hour clock, e.g. 09:00-17:00")


def test_an_event_far_ahead_of_the_real_clock_is_refused(cli: CliRun) -> None:
    case = _saved_case(cli)
    far = "2062-11-23T11:00Z"
    _refused(cli(["case", "record", case, "note", "--text", "x", "--now", far]), "--now", "ahead")
    later = cli(["case", "record", case, "note", "--text", "still fine", "--now", NOW])
    assert later.exit_code == 0, later.stderr


def test_a_case_cannot_be_saved_far_ahead_of_the_real_clock(cli: CliRun) -> None:
    args = [a if a != NOW else "2062-11-23T10:40Z" for a in PLAN]
    args[args.index("2026-11-23 10:00")] = "2062-11-23 10:00"
    _refused(cli([*args, "--save"]), "--now", "more than a day ahead")


def test_utf8_typed_under_an_ascii_locale_is_read_as_utf8(cli: CliRun) -> None:
    """``café`` under ``LC_ALL=C`` reaches Python as surrogates of valid UTF-8 bytes."""
    case = _saved_case(cli)
    as_ascii_locale = "caf\udcc3\udca9"  # b"caf\xc3\xa9" decoded as ASCII with surrogateescape
    result = cli(["case", "record", case, "note", "--text", as_ascii_locale, "--now", NOW])
    assert result.exit_code == 0, result.stderr
    shown = json.loads(cli(["case", "show", case, "--format", "json"]).stdout)
    assert shown["events"][-1]["data"] == {"text": "café"}
