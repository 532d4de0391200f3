"""The user's own clock: every task after the first hour falls inside their waking hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates.calendar import Hours, in_hours
from amends.export.ics import follow_up_calendar, prepare_calendar
from amends.plan import Plan
from tests.export_support import confirmed, plan
from tests.zones_edge import ALL_EDGE_ZONES

WAKING = Hours.parse("08:00-20:00", "my_hours")


def _plan(**overrides: Any) -> Plan:
    """The shared export-test plan, with no offered slots (they belong to other tests)."""
    return plan(**{"slot": [], "reason": "forgot", **overrides})


def _local(moment: datetime, tz: str) -> str:
    return moment.astimezone(ZoneInfo(tz)).strftime("%a %d %b %H:%M")


def test_realising_at_0140_in_new_york_keeps_the_first_hour_and_moves_the_rest_to_0800() -> None:
    plan = _plan(
        my_tz="America/New_York", tz="Europe/London", at="2026-11-30 06:00",
        now="2026-11-30T06:40Z",
    )  # fmt: skip
    contain = [s for s in plan.steps if s.phase == "contain"]
    assert _local(contain[0].at, "America/New_York") == "Mon 30 Nov 01:40", "first hour: now"
    later = [s for s in plan.steps if s.phase != "contain"]
    assert min(_local(s.at, "America/New_York") for s in later[:1]) == "Mon 30 Nov 08:00"
    assert all(in_hours(s.at, "America/New_York", WAKING) for s in later)
    follow = next(s for s in plan.steps if s.key == "follow_up")
    # Thursday 08:00 EST is 13:00 GMT: inside London's working day too.
    assert _local(follow.at, "Europe/London") == "Thu 03 Dec 13:00"


def test_an_auckland_candidate_for_a_chicago_interview_gets_no_task_at_0500() -> None:
    plan = _plan(
        my_tz="Pacific/Auckland", tz="America/Chicago", at="2026-11-30 09:00",
        now="2026-11-30T15:30Z",
    )  # fmt: skip
    for step in (s for s in plan.steps if s.phase != "contain"):
        assert in_hours(step.at, "Pacific/Auckland", WAKING), (step.key, step.at)


def test_when_the_two_days_never_meet_the_follow_up_is_written_by_day_and_scheduled() -> None:
    plan = _plan(
        my_tz="Europe/London", tz="Pacific/Auckland", at="2026-11-30 09:00",
        now="2026-11-29T20:40Z",
    )  # fmt: skip
    follow = next(s for s in plan.steps if s.key == "follow_up_scheduled")
    assert "never meet" in follow.text and "schedule it" in follow.text
    assert "10:00 NZDT" in follow.text
    assert in_hours(follow.at, "Europe/London", WAKING)
    send = datetime(2026, 12, 2, 21, 0, tzinfo=UTC)  # Thursday 10:00 NZDT
    assert follow.at < send, "written before the scheduled send"


def test_my_hours_narrow_the_day_for_every_later_step() -> None:
    plan = _plan(
        my_tz="Europe/London", tz="Europe/London", at="2026-11-30 09:00",
        now="2026-11-30T19:00Z", my_hours="10:00-16:00",
    )  # fmt: skip
    tight = Hours.parse("10:00-16:00", "my_hours")
    for step in plan.steps:
        if step.phase != "contain":
            assert in_hours(step.at, "Europe/London", tight), (step.key, step.at)


def test_the_checklist_and_its_calendar_give_the_same_follow_up_and_move_on_dates() -> None:
    plan = _plan(
        my_tz="America/New_York", tz="Europe/London", at="2026-11-23 10:00",
        now="2026-11-23T10:40Z", slot=["2026-11-25 14:00"],
    )  # fmt: skip
    export = follow_up_calendar(plan, plan.situation.now)
    by_kind = {e.kind: e.start for e in export.events}
    steps = {s.key: s.at for s in plan.steps}
    assert by_kind["follow-up"] == steps["follow_up"]
    assert by_kind["move-on"] == steps["move_on"]


ZONES = st.sampled_from(
    [*ALL_EDGE_ZONES, "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Riyadh"]
)
# Realisation moments across the day, in ordinary weeks and in the DST-change weeks.
WEEKS = [datetime(2026, 3, 6, tzinfo=UTC), datetime(2026, 3, 27, tzinfo=UTC),
         datetime(2026, 10, 2, tzinfo=UTC), datetime(2026, 10, 23, tzinfo=UTC),
         datetime(2026, 11, 18, tzinfo=UTC)]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    their=ZONES,
    mine=ZONES,
    week=st.sampled_from(WEEKS),
    minutes=st.integers(0, 7 * 24 * 60 - 1),
    wide=st.booleans(),
)
def test_no_step_after_the_first_hour_and_no_reminder_falls_outside_my_waking_hours(
    their: str, mine: str, week: datetime, minutes: int, wide: bool
) -> None:
    now = week + timedelta(minutes=minutes)
    start = (now - timedelta(minutes=40)).astimezone(ZoneInfo(their))
    hours_text = "07:00-23:00" if wide else "08:00-20:00"
    hours = Hours.parse(hours_text, "my_hours")
    plan = _plan(
        my_tz=mine, tz=their, at=start.strftime("%Y-%m-%d %H:%M"), now=now.isoformat(),
        my_hours=hours_text, fold="earlier",
    )  # fmt: skip
    for step in plan.steps:
        if step.phase != "contain":
            assert in_hours(step.at, mine, hours), (step.key, step.at.isoformat())
    for event in follow_up_calendar(plan, now).events:
        if event.kind != "slot-hold":
            assert in_hours(event.start, mine, hours), (event.kind, event.start.isoformat())
    interview = (now + timedelta(days=3)).replace(second=0, microsecond=0)
    slot = confirmed(
        start=interview.astimezone(ZoneInfo(their)), interviewer_tz=their, candidate_tz=mine,
        my_hours=hours_text,
    )  # fmt: skip
    tied = {"interview", "tech-check", "travel"}
    for event in prepare_calendar(slot, now).events:
        if event.kind not in tied:
            assert in_hours(event.start, mine, hours), (event.kind, event.start.isoformat())
        if event.kind == "interview":
            day_before = event.start.astimezone(UTC) - event.alarms[0][0]
            assert in_hours(day_before, mine, hours), day_before.isoformat()


def test_the_24_hour_alarm_is_exactly_24_hours_across_a_dst_change() -> None:
    # Interview Monday 2 November 2026 10:00 in New York: the US clocks went back on Sunday.
    slot = confirmed(
        start=datetime(2026, 11, 2, 10, 0, tzinfo=ZoneInfo("America/New_York")),
        candidate_tz="America/New_York",
    )
    data = prepare_calendar(slot, datetime(2026, 10, 20, tzinfo=UTC)).data
    assert b"TRIGGER:-PT24H" in data and b"P1D" not in data
