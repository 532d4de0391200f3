"""When each reminder happens: the timing rules of the prevention calendar.

This module only computes instants; the wording comes from templates
(:mod:`amends.export.wording`). Rules, from the product brief: confirm 24 hours
before and on the morning of; a tech check 30-60 minutes before a video (or
phone) interview; for in person, a travel block that lands 15 minutes early;
a preparation block the day before; alarms 24 h, 1 h and 15 min before the
interview. The follow-through dates come from the plan's checklist
(:mod:`amends.plan.steps`), which owns that rule.

Every reminder the user acts on falls inside their waking hours (``my_hours``):
the morning-of confirmation is the start of their waking day (dropped when the
interview comes too early for it, the day-before confirmation covers it), the
day-before confirmation, preparation and thank-you move to the nearest waking
time that still comes before (or, for the thank-you, soon after) the interview.
The interview's own 1-hour and 15-minute alarms are never moved: they belong to
attending it. The 24-hour alarm is written as ``-PT24H``, exactly 24 hours
even across a DST change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import next_waking, previous_waking
from amends.dates.zones import wall_time
from amends.export.confirmed import Confirmed

INTERVIEW_ALARMS = (timedelta(hours=24), timedelta(hours=1), timedelta(minutes=15))
AT_START = (timedelta(0),)
CONFIRM_MINUTES = 15
TECH_CHECK_BEFORE = timedelta(minutes=45)
TECH_CHECK_MINUTES = 15
ARRIVE_EARLY = timedelta(minutes=15)
PREP_AT = time(18, 0)
PREP_MINUTES = 60
PREP_LATEST_BEFORE = timedelta(hours=2)
MORNING_AT = time(8, 0)
MORNING_LATEST_BEFORE = timedelta(hours=2)
THANK_YOU_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Timed:
    """One calendar entry before wording: its kind, instants, zone and alarm offsets."""

    kind: str
    start: datetime
    end: datetime
    tz: str
    alarms: tuple[timedelta, ...] = ()
    key: str = ""
    tentative: bool = False
    busy: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def uid_key(self) -> str:
        return self.key or self.kind

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.tz))

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(ZoneInfo(self.tz))


def _next_quarter(moment: datetime) -> datetime:
    base = moment.replace(second=0, microsecond=0)
    if base < moment:
        base += timedelta(minutes=1)
    return base + timedelta(minutes=(-base.minute) % 15)


def _fit_before(moment: datetime, latest: datetime, c: Confirmed, length: timedelta) -> datetime:
    """``moment`` moved into the user's waking hours: the next waking time if it still comes
    by ``latest``, else the last waking stretch before ``moment``."""
    hours, mine = c.waking_hours, c.candidate_tz
    later = next_waking(moment, mine, hours)
    return later if later <= latest else previous_waking(moment, mine, hours, length)


def _interview_alarms(c: Confirmed) -> tuple[timedelta, ...]:
    """24 hours, 1 hour and 15 minutes before; the day-before one moved into waking hours."""
    day_before = c.start.astimezone(UTC) - INTERVIEW_ALARMS[0]  # exact hours, not wall time
    length = timedelta(minutes=CONFIRM_MINUTES)
    fitted = previous_waking(day_before, c.candidate_tz, c.waking_hours, length)
    return (c.start.astimezone(UTC) - fitted.astimezone(UTC), *INTERVIEW_ALARMS[1:])


def _morning(c: Confirmed, local_day: date) -> datetime | None:
    """The start of the user's waking day of the interview, if it comes early enough."""
    hours, mine = c.waking_hours, c.candidate_tz
    first = next_waking(wall_time(local_day, time(0, 0), mine), mine, hours)
    morning = min(first, c.start - MORNING_LATEST_BEFORE)
    return morning if next_waking(morning, mine, hours) == morning else None


def preparation_entries(c: Confirmed, now: datetime) -> tuple[list[Timed], list[str]]:
    """Every reminder for a confirmed interview, and the kinds skipped because they are past."""
    start = c.start.astimezone(UTC)  # arithmetic on instants: 24 hours are 24 hours
    end = start + timedelta(minutes=c.minutes)
    mine = c.candidate_tz
    local_day = start.astimezone(ZoneInfo(mine)).date()
    confirm = timedelta(minutes=CONFIRM_MINUTES)
    entries: list[Timed] = [
        Timed("interview", start, end, c.interviewer_tz, _interview_alarms(c), busy=True)
    ]
    day_before = _fit_before(start - timedelta(hours=24), start - timedelta(hours=12), c, confirm)
    entries.append(Timed("confirm-day-before", day_before, day_before + confirm, mine, AT_START))
    morning = _morning(c, local_day)
    if morning is not None:
        entries.append(Timed("confirm-morning", morning, morning + confirm, mine, AT_START))
    if c.mode in ("video", "phone"):
        check = start - TECH_CHECK_BEFORE
        entries.append(
            Timed(
                "tech-check",
                check,
                check + timedelta(minutes=TECH_CHECK_MINUTES),
                mine,
                AT_START,
                busy=True,
            )
        )
    elif c.travel_minutes > 0:
        arrive = start - ARRIVE_EARLY
        leave = arrive - timedelta(minutes=c.travel_minutes)
        entries.append(Timed("travel", leave, arrive, mine, AT_START, busy=True))
    entries.append(_preparation(c, now, local_day))
    thanks = next_waking(end + THANK_YOU_AFTER, mine, c.waking_hours)
    entries.append(Timed("thank-you", thanks, thanks + timedelta(minutes=15), mine, AT_START))
    kept = [e for e in entries if e.start >= now or e.kind == "interview"]
    skipped = [e.kind for e in entries if e.start < now and e.kind != "interview"]
    return sorted(kept, key=lambda e: (e.start, e.kind)), skipped


def _preparation(c: Confirmed, now: datetime, local_day: date) -> Timed:
    """The day before at 18:00 (in waking hours), or as soon as possible when that has passed."""
    mine = c.candidate_tz
    length = timedelta(minutes=PREP_MINUTES)
    latest = c.start - PREP_LATEST_BEFORE - length
    planned = _fit_before(
        wall_time(local_day - timedelta(days=1), PREP_AT, mine), latest, c, length
    )
    if planned < now:
        soonest = next_waking(_next_quarter(now), mine, c.waking_hours)
        if soonest <= latest:
            planned = soonest
    return Timed("preparation", planned, planned + length, mine, AT_START, busy=True)


def follow_up_entries(
    slots: tuple[tuple[datetime, datetime], ...],
    their_tz: str,
    follow_up: tuple[datetime, str],
    move_on: tuple[datetime, str],
) -> list[Timed]:
    """Holds for the offered times, the one follow-up and the move-on check.

    The follow-up and move-on instants are the plan checklist's own (each with the
    zone it is shown in), so the checklist and the calendar can never disagree.
    """
    entries = [
        Timed(
            "slot-hold",
            s,
            e,
            their_tz,
            (),
            key=f"slot-hold-{n}",
            tentative=True,
            busy=True,
            extra={"number": n},
        )
        for n, (s, e) in enumerate(slots, start=1)
    ]
    for kind, (at, tz) in (("follow-up", follow_up), ("move-on", move_on)):
        entries.append(Timed(kind, at, at + timedelta(minutes=15), tz, AT_START))
    return sorted(entries, key=lambda e: (e.start, e.uid_key))
