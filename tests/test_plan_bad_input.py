"""Bad input to `amends plan`: one clear line naming the field, exit 2, nothing on stdout.

Rules protected (issue 2, "Bad input"; ARCHITECTURE "Bad input"): scenario and
times must agree, reason codes come from the catalogue, slots are in the future
and few, names are present, one-line fields stay one line and short, contact
details and links are well-formed, --now/--realised are real instants, and
usage errors (unknown option, bad --format) look the same as input errors.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.errors import InputError
from amends.plan.reasons import reason_codes
from amends.plan.request import PlanRequest
from tests.conftest import CliResult, CliRun

NOW = "2026-11-23T10:40Z"  # a Monday; the interview was at 10:00 London time
BASE: dict[str, str] = {
    "--name": "Sam Patel",
    "--company": "Acme",
    "--role": "Data Analyst",
    "--interviewer": "Dana Lee",
    "--contact-email": "dana@acme.example",
    "--contact-phone": "+44 20 7946 0000",
    "--at": "2026-11-23 10:00",
    "--tz": "Europe/London",
    "--scenario": "missed",
    "--reason": "overslept",
    "--now": NOW,
    "--format": "json",
}
ONE_LINE_OPTIONS = [
    "--name",
    "--company",
    "--role",
    "--interviewer",
    "--contact-name",
    "--recruiter",
    "--platform",
    "--address",
    "--detail",
]
BREAKS = ["\n", "\r", "\r\n", "\t", "\x00", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\x0b"]


def args_with(**changes: str | None) -> list[str]:
    """The valid BASE plan with options changed (``contact_phone="x"``) or dropped (None)."""
    options = dict(BASE)
    for key, value in changes.items():
        option = "--" + key.replace("_", "-")
        if value is None:
            options.pop(option, None)
        else:
            options[option] = value
    args = ["plan"]
    for option, value in options.items():
        args += [option, value]
    return args


def assert_refused(result: CliResult, field: str) -> str:
    """Exit 2, stdout empty, exactly one stderr line naming ``field``, no traceback."""
    assert result.exit_code == 2, result
    assert result.stdout == "", result.stdout[:200]
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("amends: error: "), result.stderr
    assert field in result.stderr.split(":", 3)[2], result.stderr
    return result.stderr


def request(**changes: object) -> PlanRequest:
    values: dict[str, object] = {
        "name": "Sam Patel",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "at": "2026-11-23 10:00",
        "tz": "Europe/London",
        "scenario": "missed",
        "reason": "overslept",
        "now": NOW,
    }
    values.update(changes)
    return PlanRequest.from_values(values)


def test_the_base_plan_is_valid(cli: CliRun) -> None:
    result = cli(args_with())
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


# --- scenario against the clock --------------------------------------------------------


@pytest.mark.parametrize("scenario", ["missed", "tech-failure"])
def test_missed_interview_cannot_start_in_the_future(cli: CliRun, scenario: str) -> None:
    line = assert_refused(cli(args_with(scenario=scenario, at="2026-11-23 11:00")), "--at")
    assert "--scenario late" in line


@pytest.mark.parametrize("scenario", ["late", "conflict"])
def test_late_or_conflict_cannot_have_started_already(cli: CliRun, scenario: str) -> None:
    line = assert_refused(cli(args_with(scenario=scenario, reason="transit")), "--at")
    assert "--scenario missed" in line


def test_start_exactly_now_is_not_late_any_more(cli: CliRun) -> None:
    args = args_with(scenario="late", reason="transit", at="2026-11-23 10:40")
    assert_refused(cli(args), "--at")


def test_interview_more_than_60_days_ago_is_refused(cli: CliRun) -> None:
    assert "60 days" in assert_refused(cli(args_with(at="2026-09-01 10:00")), "--at")


@pytest.mark.parametrize(
    "at", ["", "tomorrow", "2026-11-23", "23/11/2026 10:00", "2026-11-31 10:00"]
)
def test_unparseable_start_is_refused(cli: CliRun, at: str) -> None:
    assert_refused(cli(args_with(at=at)), "--at")


@pytest.mark.parametrize("scenario", ["", "oops", "MISSED-IT", "late;rm -rf"])
def test_unknown_scenario_lists_the_valid_ones(cli: CliRun, scenario: str) -> None:
    line = assert_refused(cli(args_with(scenario=scenario)), "--scenario")
    assert "late, conflict, missed, tech-failure" in line


def test_scenario_is_case_insensitive(cli: CliRun) -> None:
    assert cli(args_with(scenario="Missed")).exit_code == 0


# --- reasons ----------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["dog-ate-it", "Overslept!", " ", "a" * 300])
def test_unknown_reason_lists_every_valid_code(cli: CliRun, reason: str) -> None:
    line = assert_refused(cli(args_with(reason=reason)), "--reason")
    for code in reason_codes():
        assert code in line
    assert len(line) < 400


def test_missed_without_a_reason_asks_for_one(cli: CliRun) -> None:
    assert "overslept" in assert_refused(cli(args_with(reason=None)), "--reason")


@pytest.mark.parametrize(("scenario", "at"), [("conflict", "2026-11-25 10:00")])
def test_scenarios_with_an_obvious_reason_need_none(cli: CliRun, scenario: str, at: str) -> None:
    assert cli(args_with(scenario=scenario, at=at, reason=None)).exit_code == 0


def test_tech_failure_defaults_to_the_technical_reason(cli: CliRun) -> None:
    assert cli(args_with(scenario="tech-failure", reason=None)).exit_code == 0


# --- slots ------------------------------------------------------------------------------


@pytest.mark.parametrize("slot", ["2026-11-23 10:30", "2026-11-20 14:00", "2026-11-23 10:40"])
def test_slot_not_in_the_future_is_refused(cli: CliRun, slot: str) -> None:
    assert "in the past" in assert_refused(cli([*args_with(), "--slot", slot]), "--slot")


def test_more_than_five_slots_is_refused(cli: CliRun) -> None:
    args = args_with()
    for day in range(24, 30):
        args += ["--slot", f"2026-11-{day} 14:00"]
    assert "at most 5" in assert_refused(cli(args), "--slot")


def test_five_slots_are_accepted(cli: CliRun) -> None:
    args = args_with()
    for day in (24, 25, 26, 27, 30):
        args += ["--slot", f"2026-11-{day} 14:00"]
    assert cli(args).exit_code == 0


@pytest.mark.parametrize("slot", ["", "next tuesday", "2026-11-24", "2026-11-24 14:00 London"])
def test_unparseable_slot_is_refused(cli: CliRun, slot: str) -> None:
    assert_refused(cli([*args_with(), "--slot", slot]), "--slot")


# --- names and one-line fields ----------------------------------------------------------


@pytest.mark.parametrize("option", ["--name", "--company", "--role"])
@pytest.mark.parametrize("value", ["", " ", "\u3000 "])
def test_required_names_cannot_be_empty(cli: CliRun, option: str, value: str) -> None:
    line = assert_refused(cli(args_with(**{option[2:].replace("-", "_"): value})), option)
    assert "empty" in line


def test_missing_name_without_a_profile_is_refused(cli: CliRun) -> None:
    assert_refused(cli(args_with(name=None)), "--name")


@pytest.mark.parametrize("option", ONE_LINE_OPTIONS)
@pytest.mark.parametrize("brk", BREAKS, ids=[repr(b) for b in BREAKS])
def test_one_line_fields_refuse_line_breaks_and_control_characters(
    cli: CliRun, option: str, brk: str
) -> None:
    key = option[2:].replace("-", "_")
    for value in (f"Dana{brk}Lee", f"Dana Lee{brk}", f"{brk}Dana Lee"):
        line = assert_refused(cli(args_with(**{key: value})), option)
        assert "single line" in line


@pytest.mark.parametrize("option", [*ONE_LINE_OPTIONS, "--link", "--email", "--contact-email"])
def test_absurdly_long_fields_are_refused(cli: CliRun, option: str) -> None:
    key = option[2:].replace("-", "_")
    line = assert_refused(cli(args_with(**{key: "x" * 10_000})), option)
    assert "x" * 100 not in line  # the value is not echoed back


@pytest.mark.parametrize(
    ("option", "limit"),
    [("--name", 100), ("--company", 120), ("--role", 120), ("--interviewer", 100)],
)
def test_names_over_their_limit_are_refused_and_at_the_limit_accepted(
    cli: CliRun, option: str, limit: int
) -> None:
    key = option[2:].replace("-", "_")
    line = assert_refused(cli(args_with(**{key: "a" * (limit + 1)})), option)
    assert str(limit) in line
    assert cli(args_with(**{key: "a" * limit})).exit_code == 0


def test_detail_over_300_characters_is_refused(cli: CliRun) -> None:
    assert "300" in assert_refused(cli(args_with(detail="d" * 301)), "--detail")


def test_invalid_utf8_from_the_command_line_is_refused_without_traceback(cli: CliRun) -> None:
    # Bytes that are not UTF-8 reach Python as lone surrogates (surrogateescape).
    assert_refused(cli(args_with(name="Sam\udcff")), "--name")


_ONE_LINE_KEYS = [o[2:].replace("-", "_") for o in ONE_LINE_OPTIONS]
_CONTROL = st.characters(categories=("Cc", "Zl", "Zp"))
_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
_WITH_BREAK = st.tuples(_TEXT, _CONTROL, _TEXT).map("".join)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(key=st.sampled_from(_ONE_LINE_KEYS), value=_WITH_BREAK)
def test_any_control_character_in_a_one_line_field_is_refused_on_the_cli(
    cli: CliRun, key: str, value: str
) -> None:
    assert_refused(cli(args_with(**{key: value})), "--" + key.replace("_", "-"))


@settings(max_examples=100, deadline=None)
@given(key=st.sampled_from(_ONE_LINE_KEYS), value=_WITH_BREAK)
def test_any_control_character_in_a_one_line_field_is_refused_by_the_request(
    key: str, value: str
) -> None:
    with pytest.raises(InputError) as err:
        request(**{key: value}).to_situation()
    assert err.value.field == key


@settings(max_examples=100, deadline=None)
@given(
    key=st.sampled_from(_ONE_LINE_KEYS),
    value=st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=60),
)
def test_printable_text_in_a_optional_field_never_crashes(key: str, value: str) -> None:
    """Ordinary text is either accepted or refused with an InputError naming the field."""
    try:
        situation = request(**{key: value}).to_situation()
    except InputError as err:
        assert err.field == key
    else:
        assert situation.interview.company


# --- contact details and links -----------------------------------------------------------


BAD_EMAILS = [
    "dana",
    "dana@",
    "@acme.example",
    "dana@acme",
    "dana @acme.example",
    "dana@acme..example",
    "<dana@acme.example>",
    "dana@acme.example, eve@evil.example",
    "dana@acme.example\nBcc: eve@evil.example",
]


@pytest.mark.parametrize("value", BAD_EMAILS)
@pytest.mark.parametrize("option", ["--contact-email", "--email"])
def test_invalid_email_address_is_refused(cli: CliRun, option: str, value: str) -> None:
    assert_refused(cli(args_with(**{option[2:].replace("-", "_"): value})), option)


BAD_PHONES = [
    "call me",
    "12",
    "+999 123",
    "1234567890123456",
    "++44 20 7946 0000",
    "44+20 7946 0000",
    "+44\n20 7946 0000",
    "tel:+442079460000",
]


@pytest.mark.parametrize("value", BAD_PHONES)
@pytest.mark.parametrize("option", ["--contact-phone", "--phone"])
def test_invalid_phone_number_is_refused(cli: CliRun, option: str, value: str) -> None:
    assert_refused(cli(args_with(**{option[2:].replace("-", "_"): value})), option)


@pytest.mark.parametrize("value", ["+44 (20) 7946-0000", "020 7946 0000", "+1 212.555.0100"])
def test_usual_phone_spellings_are_accepted(cli: CliRun, value: str) -> None:
    assert cli(args_with(contact_phone=value, phone=value)).exit_code == 0


@pytest.mark.parametrize(
    "value",
    [
        "ftp://sam.example/cv",
        "javascript:alert(1)",
        "sam.example",
        "https://sam.example/my cv",
        "file:///etc/passwd",
    ],
)
def test_link_must_be_a_web_address(cli: CliRun, value: str) -> None:
    assert "https://" in assert_refused(cli(args_with(link=value)), "--link")


# --- --now and --realised ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2026-11-23 10:40", "2026-11-23T10:40", "now", "yesterday", "2026-13-45T10:00Z", ""]
)
def test_now_must_be_an_iso_instant_with_offset(cli: CliRun, value: str) -> None:
    assert_refused(cli(args_with(now=value)), "--now")


def test_realised_after_now_is_refused(cli: CliRun) -> None:
    line = assert_refused(cli(args_with(realised="2026-11-23T10:41Z")), "--realised")
    assert "later than now" in line


def test_realised_before_a_missed_interview_started_is_refused(cli: CliRun) -> None:
    assert_refused(cli(args_with(realised="2026-11-23T09:59Z")), "--realised")


@pytest.mark.parametrize("value", ["2026-11-23 10:20", "soon", "10:20"])
def test_realised_must_be_an_iso_instant_with_offset(cli: CliRun, value: str) -> None:
    assert_refused(cli(args_with(realised=value)), "--realised")


def test_request_without_now_and_without_a_clock_is_refused() -> None:
    with pytest.raises(InputError) as err:
        request(now=None).to_situation()
    assert err.value.field == "now"


# --- choices and usage errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "valid"),
    [
        ("--mode", "hologram", "in-person, video, phone"),
        ("--mode", "", "in-person, video, phone"),
        ("--contact-role", "boss", "interviewer, recruiter, coordinator"),
        ("--contact-role", "", "interviewer, recruiter, coordinator"),
    ],
)
def test_invalid_choice_lists_the_valid_ones(
    cli: CliRun, option: str, value: str, valid: str
) -> None:
    key = option[2:].replace("-", "_")
    assert valid in assert_refused(cli(args_with(**{key: value})), option)


@pytest.mark.parametrize("value", ["yaml", "JSON ", ""])
def test_unknown_output_format_is_a_one_line_usage_error(cli: CliRun, value: str) -> None:
    line = assert_refused(cli(args_with(format=value)), "--format")
    assert "json" in line


@pytest.mark.parametrize("extra", [["--colour", "red"], ["--slots", "x"], ["stray-argument"]])
def test_unknown_option_is_a_one_line_usage_error(cli: CliRun, extra: list[str]) -> None:
    result = cli([*args_with(), *extra])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("amends: error: ")
    assert "Traceback" not in result.stderr


def test_option_without_its_value_is_a_one_line_usage_error(cli: CliRun) -> None:
    result = cli([*args_with(), "--tz"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--tz" in result.stderr


# --- no partial output --------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "markdown", "json"])
def test_late_error_leaves_no_partial_output_in_any_format(cli: CliRun, output_format: str) -> None:
    # The slot is the last thing validated: nothing may have been printed before it.
    args = [*args_with(format=output_format), "--slot", "2026-11-20 10:00"]
    assert_refused(cli(args), "--slot")


# --- slot-finder options are validated even when --slot gives the times -------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [("--duration", "0"), ("--duration", "99999999999"), ("--days", "0"), ("--count", "9"),
     ("--hours", "17:00-09:00"), ("--country", "XX")],
)  # fmt: skip
def test_slot_options_are_refused_with_or_without_explicit_slots(
    cli: CliRun, option: str, value: str
) -> None:
    for extra in ([], ["--slot", "2026-11-25 14:00"]):
        result = cli([*args_with(), *extra, option, value])
        assert_refused(result, option)


def test_a_future_start_for_a_missed_interview_points_at_the_scenario_in_cli_terms(
    cli: CliRun,
) -> None:
    message = assert_refused(cli(args_with(at="2026-12-05 10:00")), "--at")
    assert "use --scenario late or --scenario conflict" in message


def test_every_bad_field_is_reported_at_once_for_forms() -> None:
    request = PlanRequest(name="", company="", role="", at="", tz="", scenario="")
    situation, errors = request.validate_all(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    assert situation is None
    fields = [e.field for e in errors]
    assert {"tz", "scenario", "reason", "name", "company", "role"} <= set(fields)
    assert len(fields) == len(set(fields))  # one message per field
    assert all("--" not in e.message for e in errors)
