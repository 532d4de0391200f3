"""The checklist: contain, correct, consolidate — timed from "now", on business days.

Rules protected (PRODUCT "Prevention" three-phase frame, issue 2 item 6): phases come
in order; every step has an aware clock time that is not before now; the follow-up is
3 business days (Mon–Fri) out, at 10:00 on the interviewer's clock, skipping weekends
as the interviewer's calendar sees them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import pytest

from amends.plan import Step
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest
from amends.plan.steps import FOLLOW_UP_AFTER_BUSINESS_DAYS, add_business_days
from amends.texts import snippet
from tests.zones_edge import (
    ALL_EDGE_ZONES,
    EU_WEST,
    FAR_EAST,
    FIXED_OFFSET,
    FRI_SAT_WEEKEND,
    HALF_HOUR_DST,
    US_EAST,
)

PHASES = ("contain", "correct", "consolidate")
FOLLOW_UP = snippet("steps", "consolidate.follow_up", cli=True)


def plan_steps(**changes: Any) -> tuple[list[Step], datetime]:
    values: dict[str, Any] = {
        "name": "Sam Patel",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "contact_phone": "+44 20 7946 0000",
        "at": "2026-11-23 10:00",
        "tz": EU_WEST,
        "scenario": "missed",
        "reason": "overslept",
        "now": "2026-11-23T10:40Z",
    }
    values.update(changes)
    s = PlanRequest.from_values(values).to_situation()
    return list(build_plan(s).steps), s.now


def follow_up(steps: list[Step]) -> Step:
    matches = [step for step in steps if step.text == FOLLOW_UP]
    assert len(matches) == 1
    return matches[0]


SITUATIONS: list[dict[str, Any]] = [
    {},
    {"contact_phone": None},
    {"recruiter": "Riley Jones"},
    {"scenario": "tech-failure", "reason": None},
    {"scenario": "late", "reason": "transit", "now": "2026-11-23T09:55Z"},
    {"scenario": "late", "reason": "transit", "now": "2026-11-23T07:00Z", "contact_phone": None},
    {"scenario": "conflict", "reason": None, "at": "2026-11-24 10:00"},
    {"scenario": "conflict", "reason": None, "at": "2026-12-02 10:00"},
    {"realised": "2026-11-23T10:01Z", "now": "2026-11-23T13:00Z"},  # clock already overrun
    {"at": "2026-11-20 10:00", "tz": FAR_EAST, "my_tz": US_EAST},
]


@pytest.mark.parametrize("changes", SITUATIONS)
def test_phases_come_in_order_contain_correct_consolidate(changes: dict[str, Any]) -> None:
    steps, _ = plan_steps(**changes)
    phases = [step.phase for step in steps]
    assert set(phases) == set(PHASES)
    indices = [PHASES.index(p) for p in phases]
    assert indices == sorted(indices)


@pytest.mark.parametrize("changes", SITUATIONS)
def test_every_step_time_is_aware_and_not_before_now(changes: dict[str, Any]) -> None:
    steps, now = plan_steps(**changes)
    for step in steps:
        assert step.at.utcoffset() is not None, step
        assert step.at >= now, step


@pytest.mark.parametrize("changes", SITUATIONS)
def test_contain_steps_fit_in_the_first_hour_and_come_first(changes: dict[str, Any]) -> None:
    steps, now = plan_steps(**changes)
    contain = [step for step in steps if step.phase == "contain"]
    later = [step for step in steps if step.phase != "contain"]
    assert contain[0].at == now  # something to do straight away
    assert max(step.at for step in contain) <= now + timedelta(minutes=60)
    assert max(step.at for step in contain) <= min(step.at for step in later)


def test_late_contain_steps_all_happen_before_the_start() -> None:
    steps, _ = plan_steps(scenario="late", reason="transit", now="2026-11-23T09:55Z")
    start = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert all(step.at <= start for step in steps if step.phase == "contain")


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-23T10:40Z", "2026-11-26T10:00Z"),  # Monday -> Thursday
        ("2026-11-25T10:40Z", "2026-11-30T10:00Z"),  # Wednesday -> Monday
        ("2026-11-27T10:40Z", "2026-12-02T10:00Z"),  # Friday -> Wednesday
        ("2026-11-28T10:40Z", "2026-12-02T10:00Z"),  # Saturday -> Wednesday
        ("2026-11-29T10:40Z", "2026-12-02T10:00Z"),  # Sunday -> Wednesday
    ],
)
def test_follow_up_is_three_business_days_out_at_ten_their_time(now: str, expected: str) -> None:
    day = datetime.fromisoformat(now).date().isoformat()
    steps, _ = plan_steps(at=f"{day} 10:00", now=now)
    step = follow_up(steps)
    assert step.phase == "consolidate"
    assert step.at == datetime.fromisoformat(expected)


def test_follow_up_counts_days_on_the_interviewers_calendar_not_the_candidates() -> None:
    # Friday 20:00 UTC: still Friday in New York, already Saturday 09:00 in Auckland.
    steps, _ = plan_steps(
        tz=FAR_EAST, my_tz=US_EAST, at="2026-11-27 16:00", now="2026-11-27T20:00Z"
    )
    local = follow_up(steps).at.astimezone(ZoneInfo(FAR_EAST))
    assert local.date().isoformat() == "2026-12-02"  # Mon, Tue, Wed in Auckland
    assert local.time() == time(10, 0)


def test_follow_up_at_ten_survives_a_dst_change_in_between() -> None:
    # London clocks go back on Sunday 25 October 2026; Friday + 3 business days = Wednesday.
    steps, _ = plan_steps(at="2026-10-23 10:00", now="2026-10-23T10:40Z")
    at = follow_up(steps).at
    assert at == datetime(2026, 10, 28, 10, 0, tzinfo=UTC)  # 10:00 GMT after the change
    assert at.astimezone(ZoneInfo(EU_WEST)).time() == time(10, 0)


@pytest.mark.parametrize("tz", ALL_EDGE_ZONES)
@pytest.mark.parametrize("weekday_offset", range(7))
def test_add_business_days_lands_on_a_business_day_at_ten_local(
    tz: str, weekday_offset: int
) -> None:
    moment = datetime(2026, 11, 23, 12, 0, tzinfo=UTC) + timedelta(days=weekday_offset)
    result = add_business_days(moment, FOLLOW_UP_AFTER_BUSINESS_DAYS, tz)
    local = result.astimezone(ZoneInfo(tz))
    assert local.time() == time(10, 0)
    # Independent of amends: a hand-written weekend table and the holidays package itself.
    country = {"America/New_York": "US", "Europe/London": "GB", "Europe/Berlin": "DE",
               "Europe/Dublin": "IE", "Asia/Riyadh": "SA", "Asia/Tokyo": "JP"}.get(tz)  # fmt: skip
    weekend = {4, 5} if country == "SA" else {5, 6}
    public = holidays.country_holidays(country, years=[2026, 2027]) if country else {}
    # Customary closures, by hand: the day after Thanksgiving (US), 24 and 31 December (DE).
    closed = {"US": {date(2026, 11, 27)}, "DE": {date(2026, 12, 24), date(2026, 12, 31)}}

    def working(day: date) -> bool:
        return (
            day.weekday() not in weekend
            and day not in public
            and day not in closed.get(country or "", set())
        )

    assert working(local.date())
    start_day = moment.astimezone(ZoneInfo(tz)).date()
    between = [start_day + timedelta(days=n) for n in range(1, (local.date() - start_day).days + 1)]
    if country or tz in (FIXED_OFFSET,):
        assert sum(1 for day in between if working(day)) == FOLLOW_UP_AFTER_BUSINESS_DAYS


def test_follow_up_skips_a_friday_saturday_weekend_thanksgiving_and_the_day_after() -> None:
    thursday = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    riyadh = add_business_days(thursday, 1, FRI_SAT_WEEKEND).astimezone(ZoneInfo(FRI_SAT_WEEKEND))
    assert riyadh.date() == date(2026, 11, 29)  # Sunday is a working day there
    wednesday = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
    new_york = add_business_days(wednesday, 1, US_EAST).astimezone(ZoneInfo(US_EAST))
    # Thanksgiving (Thursday) is a holiday, the Friday after a customary closure.
    assert new_york.date() == date(2026, 11, 30)


def test_add_business_days_on_a_half_hour_dst_change() -> None:
    # Lord Howe moves 30 minutes on Sunday 4 October 2026; 10:00 still means 10:00 there.
    # The island is part of New South Wales, whose Labour Day is Monday 5 October.
    result = add_business_days(datetime(2026, 10, 2, 1, 0, tzinfo=UTC), 1, HALF_HOUR_DST)
    local = result.astimezone(ZoneInfo(HALF_HOUR_DST))
    assert (local.date().isoformat(), local.time()) == ("2026-10-06", time(10, 0))
    assert local.utcoffset() == timedelta(hours=11)


def test_consolidate_ends_with_move_on_after_the_follow_up() -> None:
    steps, _ = plan_steps()
    consolidate = [step for step in steps if step.phase == "consolidate"]
    move_on = snippet("steps", "consolidate.move_on")
    assert consolidate[-1].text == move_on
    assert consolidate[-1].at > follow_up(steps).at


def test_reason_safeguards_appear_in_the_correct_phase() -> None:
    from amends.plan.reasons import get_reason

    steps, _ = plan_steps(reason="timezone-mistake")
    correct = [step.text for step in steps if step.phase == "correct"]
    for guard in get_reason("timezone-mistake").safeguards:
        assert guard.checklist in correct
