"""Triage: the first action, the reason for it, and the 60-minute respond-by clock.

Rules protected (PRODUCT "Timing and channel", issue 2 item 4): call first with a
direct number on the same working day (then voicemail and email); email first with
no number, outside the contact's business hours (judged on the contact's clock) or
on a later day; go through the recruiter when one arranged it; before the start,
call (or write) before it begins; respond by realised + 60 minutes. Also the JSON
output contract of `amends plan --format json` (issue 2 item 8) and Markdown output.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from amends.plan import make_plan
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest
from amends.plan.situation import Situation
from amends.plan.triage import first_action, in_business_hours
from tests.conftest import CliRun
from tests.zones_edge import EU_WEST, FAR_EAST, NO_DST

LA = "America/Los_Angeles"
PHONE = "+44 20 7946 0000"


def situation(**changes: Any) -> Situation:
    """A missed London interview on Monday 23 November 2026 at 10:00, noticed at 10:40."""
    values: dict[str, Any] = {
        "name": "Sam Patel",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "contact_phone": PHONE,
        "at": "2026-11-23 10:00",
        "tz": EU_WEST,
        "scenario": "missed",
        "reason": "overslept",
        "now": "2026-11-23T10:40Z",
    }
    values.update(changes)
    return PlanRequest.from_values(values).to_situation()


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


# --- missed -----------------------------------------------------------------------------


def test_direct_number_same_working_day_calls_then_voicemail_then_email() -> None:
    action = first_action(situation())
    assert action.channel == "call-voicemail-email"
    assert "Dana Lee" in action.why
    assert PHONE in action.summary


def test_no_direct_number_emails_first() -> None:
    assert first_action(situation(contact_phone=None)).channel == "email"


@pytest.mark.parametrize(
    ("at", "now"),
    [
        ("2026-11-23 16:00", "2026-11-23T18:30Z"),  # Monday evening
        ("2026-11-23 16:00", "2026-11-23T17:30Z"),  # closing time exactly
        ("2026-11-21 10:00", "2026-11-21T10:40Z"),  # Saturday
        ("2026-11-22 10:00", "2026-11-22T10:40Z"),  # Sunday
        ("2026-11-23 07:30", "2026-11-23T08:15Z"),  # before opening
    ],
)
def test_outside_the_contacts_business_hours_emails_first(at: str, now: str) -> None:
    action = first_action(situation(at=at, now=now))
    assert action.channel == "email"
    assert "business hours" in action.why


def test_opening_time_counts_as_business_hours() -> None:
    assert first_action(situation(at="2026-11-23 08:30", now="2026-11-23T09:00Z")).channel == (
        "call-voicemail-email"
    )


def test_missed_on_an_earlier_day_emails_first_even_with_a_number() -> None:
    action = first_action(situation(at="2026-11-20 10:00", now="2026-11-23T10:40Z"))
    assert action.channel == "email"


def test_same_day_is_judged_on_the_interviewers_calendar() -> None:
    # 23:30 in London on Monday is already Tuesday 12:30 in Auckland: not the same day there.
    s = situation(tz=FAR_EAST, my_tz=EU_WEST, at="2026-11-23 16:00", now="2026-11-23T23:30Z")
    assert in_business_hours(s.now, FAR_EAST)
    assert first_action(s).channel == "email"


def test_business_hours_are_judged_on_the_contacts_clock_not_the_candidates() -> None:
    # Tokyo Tuesday 10:40 (their office is open) is Monday 17:40 in Los Angeles.
    s = situation(tz=NO_DST, my_tz=LA, at="2026-11-24 10:00", now="2026-11-24T01:40Z")
    assert not in_business_hours(s.now, LA)
    assert first_action(s).channel == "call-voicemail-email"


def test_candidates_working_hours_do_not_open_the_contacts_office() -> None:
    # Tokyo Tuesday 08:15 (before their office opens) is Monday 15:15 in Los Angeles.
    s = situation(tz=NO_DST, my_tz=LA, at="2026-11-24 07:30", now="2026-11-23T23:15Z")
    assert in_business_hours(s.now, LA)
    assert first_action(s).channel == "email"


@pytest.mark.parametrize(
    "changes",
    [
        {"recruiter": "Riley Jones"},
        {"contact_role": "recruiter", "contact_name": "Riley Jones"},
        {"recruiter": "Riley Jones", "contact_phone": None},
        {"recruiter": "Riley Jones", "at": "2026-11-20 10:00"},
    ],
)
def test_recruiter_arranged_interview_goes_through_the_recruiter_first(
    changes: dict[str, Any],
) -> None:
    action = first_action(situation(**changes))
    assert action.channel == "recruiter"
    assert "Riley Jones" in action.why


def test_coordinator_contact_is_not_treated_as_a_recruiter() -> None:
    s = situation(contact_role="coordinator", contact_name="Kim Ode")
    assert first_action(s).channel == "call-voicemail-email"


# --- late and conflict ------------------------------------------------------------------


@pytest.mark.parametrize("minutes_ahead", [5, 20, 59, 60, 61, 180])
def test_late_with_a_number_calls_and_respond_by_is_never_after_the_start(
    minutes_ahead: int,
) -> None:
    now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC) - timedelta(minutes=minutes_ahead)
    s = situation(scenario="late", reason="transit", now=now.isoformat())
    action = first_action(s)
    assert action.channel == "call"
    assert action.respond_by <= s.interview.start
    assert action.respond_by == min(s.interview.start, now + timedelta(minutes=60))
    assert action.minutes_left == min(minutes_ahead, 60)


def test_late_without_a_number_emails() -> None:
    s = situation(scenario="late", reason="transit", contact_phone=None, now="2026-11-23T09:30Z")
    action = first_action(s)
    assert action.channel == "email"
    assert action.respond_by <= s.interview.start


def test_conflict_more_than_a_day_ahead_is_written() -> None:
    s = situation(scenario="conflict", reason=None, at="2026-11-25 10:00")
    assert first_action(s).channel == "email"


def test_conflict_within_a_day_during_office_hours_calls() -> None:
    s = situation(scenario="conflict", reason=None, at="2026-11-24 10:00")
    action = first_action(s)
    assert action.channel == "call"
    assert action.respond_by <= s.interview.start


def test_conflict_within_a_day_but_out_of_hours_is_written() -> None:
    s = situation(scenario="conflict", reason=None, at="2026-11-24 10:00", now="2026-11-23T20:00Z")
    assert first_action(s).channel == "email"


# --- tech failure -------------------------------------------------------------------------


def test_tech_failure_with_a_number_calls_straight_away() -> None:
    assert first_action(situation(scenario="tech-failure", reason=None)).channel == "call"


def test_tech_failure_without_a_number_emails() -> None:
    s = situation(scenario="tech-failure", reason=None, contact_phone=None)
    assert first_action(s).channel == "email"


# --- the clock -----------------------------------------------------------------------------


def test_respond_by_is_realised_plus_sixty_minutes_and_the_clock_counts_from_realised() -> None:
    s = situation(realised="2026-11-23T10:10Z", now="2026-11-23T10:40Z")
    action = first_action(s)
    assert action.respond_by == utc("2026-11-23T11:10Z")
    assert action.minutes_used == 30
    assert action.minutes_left == 30


def test_realised_defaults_to_now() -> None:
    action = first_action(situation())
    assert action.respond_by == utc("2026-11-23T11:40Z")
    assert (action.minutes_used, action.minutes_left) == (0, 60)


def test_an_overrun_clock_shows_no_time_left_rather_than_negative() -> None:
    action = first_action(situation(realised="2026-11-23T10:05Z", now="2026-11-23T11:30Z"))
    assert action.respond_by == utc("2026-11-23T11:05Z")
    assert action.minutes_used == 85
    assert action.minutes_left == 0


def test_respond_by_is_aware_and_shown_on_the_candidates_clock() -> None:
    s = situation(tz=NO_DST, my_tz=LA, at="2026-11-24 10:00", now="2026-11-24T01:40Z")
    action = first_action(s)
    assert action.respond_by.utcoffset() is not None
    assert "PST" in action.summary or "UTC−8" in action.summary or "UTC-8" in action.summary


def test_build_plan_carries_the_triage_result() -> None:
    s = situation(contact_phone=None)
    assert build_plan(s).first_action == first_action(s)


# --- output contract -------------------------------------------------------------------------

CLI_ARGS = [
    "plan",
    "--name", "Sam Patel",
    "--company", "Acme",
    "--role", "Data Analyst",
    "--interviewer", "Dana Lee",
    "--contact-email", "dana@acme.example",
    "--contact-phone", PHONE,
    "--at", "2026-11-23 10:00",
    "--tz", EU_WEST,
    "--my-tz", "America/New_York",
    "--scenario", "missed",
    "--reason", "overslept",
    "--slot", "2026-11-25 14:00",
    "--slot", "2026-11-26 10:00",
    "--now", "2026-11-23T10:40Z",
]  # fmt: skip


def _iso_with_offset(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() is not None, text
    assert text.endswith("Z") or text[-6] in "+-", text
    return moment


def test_json_output_follows_the_documented_contract(cli: CliRun) -> None:
    result = cli([*CLI_ARGS, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)

    action = data["first_action"]
    assert {"channel", "why", "respond_by"} <= set(action)
    assert action["channel"] == "call-voicemail-email"
    assert isinstance(action["why"], str) and action["why"]
    assert _iso_with_offset(action["respond_by"]) == utc("2026-11-23T11:40Z")

    kinds = [m["kind"] for m in data["messages"]]
    assert {"phone-script", "voicemail", "email", "email-with-reason"} <= set(kinds)
    for message in data["messages"]:
        assert {"kind", "subject", "body", "words", "speaking_seconds"} <= set(message)
        assert message["words"] == len(message["body"].split())
        if message["kind"] in ("phone-script", "voicemail"):
            assert isinstance(message["speaking_seconds"], int)
        if message["kind"].startswith("email"):
            assert message["subject"]
    phone_script = next(m for m in data["messages"] if m["kind"] == "phone-script")
    assert phone_script["speaking_seconds"] <= 60

    assert len(data["slots"]) == 2
    for slot in data["slots"]:
        assert {"start", "interviewer_local", "candidate_local"} <= set(slot)
        _iso_with_offset(slot["start"])
    first = data["slots"][0]
    assert _iso_with_offset(first["start"]) == utc("2026-11-25T14:00Z")
    assert "14:00" in first["interviewer_local"]
    assert "09:00" in first["candidate_local"]  # New York, five hours behind London

    phases = [step["phase"] for step in data["steps"]]
    assert set(phases) == {"contain", "correct", "consolidate"}
    for step in data["steps"]:
        assert {"phase", "at", "text"} <= set(step)
        _iso_with_offset(step["at"])
        assert step["text"]


def test_recruiter_plan_includes_the_recruiter_email(cli: CliRun) -> None:
    result = cli([*CLI_ARGS, "--recruiter", "Riley Jones", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["first_action"]["channel"] == "recruiter"
    assert "recruiter-email" in [m["kind"] for m in data["messages"]]


def test_markdown_output_is_markdown(cli: CliRun) -> None:
    result = cli([*CLI_ARGS, "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# ")
    assert any(line.startswith("## ") for line in lines)
    assert any(line.startswith(("- ", "* ", "| ")) for line in lines)
    assert "\x1b[" not in result.stdout  # no terminal colour codes
    assert "Dana Lee" in result.stdout


def test_text_output_names_the_first_action(cli: CliRun) -> None:
    result = cli(CLI_ARGS)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "Dana Lee" in result.stdout


# --- one business calendar ------------------------------------------------------------
# Saudi Arabia works Sunday to Thursday; its weekend is Friday and Saturday.
RIYADH = "Asia/Riyadh"


def test_a_sunday_in_riyadh_is_a_working_day_so_a_same_day_miss_is_a_call() -> None:
    # Sunday 6 December 2026, 10:00 in Riyadh (07:00 UTC), noticed at 10:40.
    s = situation(tz=RIYADH, my_tz=RIYADH, at="2026-12-06 10:00", now="2026-12-06T07:40Z")
    assert first_action(s).channel == "call-voicemail-email"


def test_a_friday_in_riyadh_is_the_weekend_so_a_same_day_miss_is_an_email() -> None:
    # Friday 4 December 2026, 10:00 in Riyadh: the office is closed for the weekend.
    s = situation(tz=RIYADH, my_tz=RIYADH, at="2026-12-04 10:00", now="2026-12-04T07:40Z")
    assert first_action(s).channel == "email"
    assert "missed_email_after_hours" not in first_action(s).why


def test_triage_and_the_slot_finder_ask_the_same_calendar() -> None:
    s = situation(tz=RIYADH, my_tz=RIYADH, at="2026-12-06 10:00", now="2026-12-06T07:40Z")
    plan = make_plan(
        PlanRequest(
            name="Sam Patel",
            company="Acme",
            role="Data Analyst",
            contact_email="dana@acme.example",
            contact_phone=PHONE,
            at="2026-12-06 10:00",
            tz=RIYADH,
            scenario="missed",
            reason="overslept",
            now="2026-12-06T07:40Z",
        )
    )
    calendar = s.interviewer_calendar
    days = [slot.start.astimezone(ZoneInfo(RIYADH)).date() for slot in plan.slots]
    assert days
    assert all(calendar.is_business_day(day) for day in days)
    assert all(day.weekday() not in (4, 5) for day in days)
    assert plan.first_action.channel == "call-voicemail-email"


def test_the_country_option_reaches_triage_as_well_as_the_slot_finder() -> None:
    # A Sunday in London is not a working day; told the office runs on the Saudi week, it is.
    sunday = {"at": "2026-12-06 10:00", "now": "2026-12-06T10:40Z"}
    assert first_action(situation(**sunday)).channel == "email"
    assert first_action(situation(country="SA", **sunday)).channel == "call-voicemail-email"


def test_the_hours_option_decides_whether_the_office_is_open_for_a_call() -> None:
    late = {"at": "2026-11-23 15:00", "now": "2026-11-23T16:10Z"}
    assert first_action(situation(**late)).channel == "call-voicemail-email"
    assert first_action(situation(hours="08:00-16:00", **late)).channel == "email"
