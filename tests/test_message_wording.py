"""Messages read as a coach would send them: facts, names, English and zones right.

These rules are read off the rendered text as the recipient reads it (issue 11):
no "I now <verb>", never a title alone as a greeting, no 24-hour time to an
American reader, ambiguous zone abbreviations with their place, safeguards that
fit the cause and the mode, and sentences true for when and to whom.
"""

from __future__ import annotations

import itertools
import json
import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from amends.cases import write
from amends.dates.format import moment_text, zone_label
from amends.plan import Plan
from amends.plan.builder import make_plan
from amends.plan.english import localise
from amends.plan.names import parse_name
from amends.plan.reasons import catalogue, reason_codes
from amends.plan.request import PlanRequest
from amends.plan.situation import MODES, SCENARIOS
from amends.store import SQLiteStore
from tests.case_factory import apply, at, new_case
from tests.conftest import CliRun
from tests.plan_cases import MATRIX, plan_for, request_fields

I_NOW_VERB = re.compile(r"\bI now [a-z]+\b")
TITLE_ALONE = re.compile(r"^(?:Dear|Hello) (?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor)\.?,", re.M)
TWENTY_FOUR_HOUR = re.compile(r"\b\d{1,2}:\d{2}\b(?! [AP]M)")
BRITISH_SPELLING = re.compile(r"\b(apologis\w*|realis\w*|organis\w*|reach me on|Kind regards)\b")

EMAIL = ("contacted", "2026-11-23T11:00+00:00", {"via": "email"})
US_CONTACT: dict[str, Any] = {
    "tz": "America/Chicago",
    "interviewer": "Dr. Ruth Okafor",
    "contact_email": "rokafor@lakeshore.example",
    "contact_phone": "+1 312 555 0142",
    "slot": ["2026-11-24 14:00", "2026-11-25 10:30"],
}


_plan = plan_for


def _us_fields(scenario: str, reason: str, mode: str) -> dict[str, Any]:
    fields = request_fields(scenario, reason, mode, "interviewer-phone")
    start = (
        datetime.fromisoformat(fields["now"])
        + {
            "missed": timedelta(minutes=-40),
            "tech-failure": timedelta(minutes=-10),
            "late": timedelta(minutes=30),
            "conflict": timedelta(days=2),
        }[scenario]
    )
    local = start.astimezone(ZoneInfo("America/Chicago"))
    return {**fields, **US_CONTACT, "at": local.strftime("%Y-%m-%d %H:%M")}


US_MATRIX = list(itertools.product(SCENARIOS, reason_codes(), MODES))


@pytest.fixture(scope="module")
def gb_plans() -> list[Plan]:
    return [_plan(request_fields(*case)) for case in MATRIX]


@pytest.fixture(scope="module")
def us_plans() -> list[Plan]:
    return [_plan(_us_fields(*case)) for case in US_MATRIX]


def test_no_message_says_i_now_and_a_verb(gb_plans: list[Plan], us_plans: list[Plan]) -> None:
    found = [
        (p.situation.happening.scenario, m.kind, hit.group(0))
        for p in gb_plans + us_plans
        for m in p.messages
        if (hit := I_NOW_VERB.search(m.body))
    ]
    assert not found, found[:5]


def test_no_greeting_is_a_title_alone(gb_plans: list[Plan], us_plans: list[Plan]) -> None:
    bodies = [m.body for p in gb_plans + us_plans for m in p.messages]
    assert not [b for b in bodies if TITLE_ALONE.search(b)]
    assert any(b.startswith("Dear Dr. Okafor,") for b in bodies)
    assert any(b.startswith("Hello Dr. Okafor, this is") for b in bodies)


def test_no_us_recipient_reads_a_24_hour_time_or_british_spelling(us_plans: list[Plan]) -> None:
    for plan in us_plans:
        for m in plan.messages:
            text = f"{m.subject or ''}\n{m.body}"
            assert not TWENTY_FOUR_HOUR.search(text), (m.kind, text)
            assert not BRITISH_SPELLING.search(text), (m.kind, text)
            assert "CST (UTC−6, Chicago)" in text or m.kind == "alternative-mode"


def test_british_recipients_read_british_english_on_a_24_hour_clock(
    gb_plans: list[Plan],
) -> None:
    for plan in gb_plans:
        email = plan.message("email")
        assert email is not None
        assert " AM " not in email.body and " PM " not in email.body
        assert "Kind regards," in email.body


def test_english_option_overrides_the_recipients_country() -> None:
    us_read_in_gb = _plan({**_us_fields("missed", "forgot", "video"), "english": "gb"})
    email = us_read_in_gb.message("email")
    assert email is not None and "04:00 CST" in email.body and "Kind regards," in email.body
    gb_read_in_us = _plan({**request_fields("missed", "forgot", "video", "interviewer-phone"),
                           "english": "us"})  # fmt: skip
    email = gb_read_in_us.message("email")
    assert email is not None and "10:00 AM GMT" in email.body and "Best regards," in email.body


def test_american_wording_never_changes_what_the_user_typed() -> None:
    plan = _plan({**_us_fields("missed", "forgot", "video"), "company": "Realise Analytics",
                  "role": "Organisational Psychologist"})  # fmt: skip
    email = plan.message("email")
    assert email is not None
    assert "Organisational Psychologist" in email.body
    assert localise("I apologise; I realised it.", "us") == "I apologize; I realized it."
    assert localise("Apologise", "us") == "Apologize"


@pytest.mark.parametrize(
    ("typed", "greeting", "english", "expected"),
    [
        ("Dana Whitfield", "first-name", "gb", "Dana"),
        ("Dr. Ruth Okafor", "first-name", "gb", "Dr Okafor"),
        ("Dr. Ruth Okafor", "first-name", "us", "Dr. Okafor"),
        ("Dr Moore", "first-name", "gb", "Dr Moore"),
        ("Ms Dana Whitfield", "first-name", "gb", "Dana"),
        ("Ms Dana Whitfield", "formal", "gb", "Ms Whitfield"),
        ("Ms Dana Whitfield", "formal", "us", "Ms. Whitfield"),
        ("Prof. Dr. Hans Müller", "first-name", "gb", "Professor Müller"),
        ("Priya Raman, PhD", "first-name", "gb", "Dr Raman"),
        ("Tom (Hays)", "first-name", "gb", "Tom"),
        ("Zoë Núñez", "first-name", "gb", "Zoë"),
        ("Mrs. O'Neil", "first-name", "gb", "Mrs O'Neil"),
    ],
)
def test_names_greet_by_first_name_or_title_and_surname(
    typed: str, greeting: Any, english: Any, expected: str
) -> None:
    name = parse_name(typed)
    assert name is not None
    assert name.address(english, greeting) == expected


def test_a_title_with_no_name_is_never_a_greeting() -> None:
    name = parse_name("Dr.")
    assert name is None or name.address("gb") is None


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("Asia/Shanghai", "CST (UTC+8, Shanghai)"),
        ("America/Chicago", "CST (UTC−6, Chicago)"),
        ("Asia/Kolkata", "IST (UTC+5:30, Kolkata)"),
        ("America/New_York", "EST (UTC−5)"),
        ("Europe/London", "GMT"),
    ],
)
def test_shared_zone_abbreviations_carry_offset_and_place(tz: str, expected: str) -> None:
    moment = datetime(2026, 11, 24, 10, tzinfo=ZoneInfo(tz))
    assert zone_label(moment) == expected


def test_british_summer_time_names_its_place() -> None:
    summer = datetime(2026, 7, 1, 10, tzinfo=ZoneInfo("Europe/London"))
    assert zone_label(summer) == "BST (UTC+1, London)"
    assert moment_text(summer, "Europe/London", "us") == (
        "Wednesday, July 1, 2026 at 10:00 AM BST (UTC+1, London)"
    )


def _missed(**overrides: Any) -> Plan:
    return _plan({**request_fields("missed", "overslept", "video", "interviewer-phone"),
                  **overrides})  # fmt: skip


def test_an_interview_missed_yesterday_is_yesterday_not_later_in_the_day() -> None:
    plan = _missed(at="2026-11-22 10:00", now="2026-11-23T09:00:00+00:00", slot=[])
    email = plan.message("email")
    assert email is not None
    assert "yesterday at 10:00 GMT" in email.body
    assert "later in the day" not in email.body and "later that day" not in email.body
    assert "I only realised my mistake this morning" in email.body


def test_realised_the_same_day_but_written_the_next_says_later_that_day() -> None:
    plan = _missed(
        at="2026-11-22 10:00", realised="2026-11-22T16:00:00+00:00",
        now="2026-11-23T09:00:00+00:00", slot=[],
    )  # fmt: skip
    email = plan.message("email")
    assert email is not None and "I realised my mistake later that day" in email.body


def test_an_interview_earlier_in_the_week_is_named_by_its_day() -> None:
    plan = _missed(at="2026-11-23 10:00", now="2026-11-25T09:00:00+00:00", slot=[])
    email = plan.message("email")
    assert email is not None and "on Monday 23 November at 10:00 GMT" in email.body


def test_no_route_planning_after_a_video_call_and_no_safeguard_after_illness() -> None:
    video = _plan(request_fields("missed", "transit", "video", "interviewer-phone"))
    in_person = _plan(request_fields("missed", "transit", "in-person", "interviewer-phone"))
    ill = _plan(request_fields("missed", "illness", "video", "interviewer-phone"))
    assert (
        "journey" not in video.messages[2].body and "set up well before" in video.messages[2].body
    )
    assert "journey" in in_person.messages[2].body
    lines = {g.email_line(m) for g in catalogue()["illness"].safeguards for m in MODES}
    assert not any(line and line in ill.messages[2].body for line in lines)


def test_taken_ill_before_the_start_never_talks_about_arriving_late() -> None:
    plan = _plan(request_fields("late", "illness", "in-person", "interviewer-phone"))
    text = "\n".join(m.body for m in plan.messages) + plan.first_action.why
    assert "late" not in text.lower()
    assert "will not be able to attend" in text


def test_live_failure_script_offers_to_carry_on_on_this_call() -> None:
    plan = _plan(request_fields("tech-failure", "technical", "video", "interviewer-phone"))
    script = plan.message("phone-script")
    assert script is not None
    assert "carry on now on this call" in script.body and "by phone" not in script.body
    assert plan.message("voicemail") is not None


def test_a_clash_raised_ahead_is_a_polite_request_without_grovelling() -> None:
    plan = _plan(request_fields("conflict", "conflict", "video", "interviewer-phone"))
    for m in plan.messages:
        assert "disruption" not in m.body and "take responsibility" not in m.body
        assert "This is not how I work" not in m.body


def test_no_time_is_proposed_on_the_day_of_a_clash(cli: CliRun) -> None:
    result = cli([
        "plan", "--name", "Ana Ruiz", "--company", "Atlas", "--role", "Editor",
        "--interviewer", "Rachel Green", "--contact-email", "r@atlas.example",
        "--at", "2026-11-25 11:00", "--tz", "America/New_York", "--scenario", "conflict",
        "--now", "2026-11-23T14:00:00+00:00", "--format", "json",
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    starts = [s["start"] for s in json.loads(result.stdout)["slots"]]
    assert starts and not [s for s in starts if s.startswith("2026-11-25")]


def test_recruiter_only_path_writes_to_the_recruiter_and_claims_nothing_else() -> None:
    plan = make_plan(PlanRequest.from_values({
        **request_fields("missed", "family-emergency", "in-person", "interviewer-phone"),
        "contact_role": "recruiter", "recruiter": "Amy (Reed)", "interviewer": "James Holt",
        "contact_email": "amy.cole@reed.example", "contact_phone": None,
    }))  # fmt: skip
    assert plan.message("recruiter-email") is None  # the email already goes to her
    email = plan.message("email")
    assert email is not None and email.to_email == "amy.cole@reed.example"
    assert email.body.startswith("Dear Amy,") and "pass this on to James Holt" in email.body
    for m in plan.messages:
        assert "I have written" not in m.body and "I am also writing" not in m.body


def test_phone_script_and_voicemail_are_there_without_a_direct_number() -> None:
    plan = _plan(request_fields("missed", "forgot", "video", "coordinator-no-phone"))
    assert plan.first_action.channel == "email"
    for kind in ("phone-script", "voicemail"):
        m = plan.message(kind)  # type: ignore[arg-type]
        assert m is not None and m.to_phone is None and m.note
    script = plan.message("phone-script")
    assert script is not None and script.note and "switchboard" in script.note


def test_follow_up_offers_fresh_times_not_past_or_hours_away(store: SQLiteStore) -> None:
    case = apply(store, new_case(store, slot=["2026-11-25 14:00", "2026-11-26 10:00"]), EMAIL)
    now = at("2026-11-26T08:00+00:00")  # one offered time has passed, the other is 2 h away
    body = write(case, "follow-up", now).body
    assert "25 November" not in body and "Thursday 26 November at 10:00" not in body
    offered = re.findall(r"^- (.+)$", body, re.M)
    assert len(offered) >= 2, body


@pytest.mark.parametrize("option", ["--greeting", "--english"])
def test_greeting_and_english_options_refuse_unknown_values(cli: CliRun, option: str) -> None:
    result = cli([
        "plan", "--name", "Sam", "--company", "Acme", "--role", "Analyst",
        "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
        "--reason", "forgot", "--now", "2026-11-23T10:40Z", option, "fancy",
    ])  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and option in result.stderr


def test_availability_windows_use_the_readers_clock() -> None:
    fields = {**_us_fields("missed", "forgot", "video"), "slot": [], "windows": True}
    plan = make_plan(PlanRequest.from_values(fields))
    email = plan.message("email")
    assert email is not None and plan.windows
    listed = re.findall(r"^- (.+)$", email.body, re.M)
    assert listed and all(" AM" in line or " PM" in line for line in listed)
    assert not TWENTY_FOUR_HOUR.search(email.body), email.body


def test_where_family_names_often_come_first_the_full_name_is_used() -> None:
    name = parse_name("Li Wei")
    assert name is not None
    assert name.address("gb", family_first=True) == "Li Wei"
    assert name.address("gb") == "Li"


def test_recruiter_email_goes_to_the_recruiters_address_when_given(cli: CliRun) -> None:
    result = cli([
        "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Analyst",
        "--interviewer", "Dana Lee", "--contact-email", "dana@acme.example",
        "--recruiter", "Tom (Hays)", "--recruiter-email", "tom@hays.example",
        "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
        "--reason", "forgot", "--now", "2026-11-23T10:40Z", "--format", "json",
    ])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    messages = {m["kind"]: m for m in json.loads(result.stdout)["messages"]}
    recruiter = messages["recruiter-email"]
    assert recruiter["to"]["email"] == "tom@hays.example"
    assert recruiter["body"].startswith("Dear Tom,")
    assert "I am also writing to Dana Lee directly" in recruiter["body"]
