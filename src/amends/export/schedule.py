"""When each reminder happens: the timing rules of the prevention calendar.

This module only computes instants; the wording comes from templates
(:mod:`amends.export.wording`). Rules, from the product brief: confirm 24 hours
before and on the morning of; a tech check 30-60 minutes before a video (or
phone) interview; for in person, a travel block that lands 15 minutes early;
a preparation block the day before; alarms 24 h, 1 h and 15 min before the
interview. The follow-through rule: one follow-up a few business days (of the
interviewer's country: weekend and public holidays) after the first-hour
messages, then move on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import BusinessCalendar
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
FOLLOW_UP_BUSINESS_DAYS = 3
MOVE_ON_BUSINESS_DAYS = 5
FOLLOW_UP_AT = time(10, 0)


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


def preparation_entries(c: Confirmed, now: datetime) -> tuple[list[Timed], list[str]]:
    """Every reminder for a confirmed interview, and the kinds skipped because they are past."""
    start = c.start
    end = start + timedelta(minutes=c.minutes)
    mine = c.candidate_tz
    local_day = start.astimezone(ZoneInfo(mine)).date()
    entries: list[Timed] = [
        Timed("interview", start, end, c.interviewer_tz, INTERVIEW_ALARMS, busy=True)
    ]
    day_before = start - timedelta(hours=24)
    entries.append(
        Timed(
            "confirm-day-before",
            day_before,
            day_before + timedelta(minutes=CONFIRM_MINUTES),
            mine,
            AT_START,
        )
    )
    morning = min(wall_time(local_day, MORNING_AT, mine), start - MORNING_LATEST_BEFORE)
    entries.append(
        Timed(
            "confirm-morning", morning, morning + timedelta(minutes=CONFIRM_MINUTES), mine, AT_START
        )
    )
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
    entries.append(
        Timed(
            "thank-you",
            end + THANK_YOU_AFTER,
            end + THANK_YOU_AFTER + timedelta(minutes=15),
            mine,
            AT_START,
        )
    )
    kept = [e for e in entries if e.start >= now or e.kind == "interview"]
    skipped = [e.kind for e in entries if e.start < now and e.kind != "interview"]
    return sorted(kept, key=lambda e: (e.start, e.kind)), skipped


def _preparation(c: Confirmed, now: datetime, local_day: date) -> Timed:
    """The day before at 18:00, or as soon as possible when that has already passed."""
    mine = c.candidate_tz
    length = timedelta(minutes=PREP_MINUTES)
    planned = wall_time(local_day - timedelta(days=1), PREP_AT, mine)
    if planned < now:
        soonest = _next_quarter(now)
        if soonest + length <= c.start - PREP_LATEST_BEFORE:
            planned = soonest
    return Timed("preparation", planned, planned + length, mine, AT_START, busy=True)


def follow_up_entries(
    sent_by: datetime,
    their_tz: str,
    slots: tuple[tuple[datetime, datetime], ...],
    calendar: BusinessCalendar,
) -> list[Timed]:
    """Holds for the offered times, the one follow-up, and the move-on check."""
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
    follow = calendar.add_business_days(sent_by, FOLLOW_UP_BUSINESS_DAYS, their_tz, FOLLOW_UP_AT)
    entries.append(Timed("follow-up", follow, follow + timedelta(minutes=15), their_tz, AT_START))
    move = calendar.add_business_days(follow, MOVE_ON_BUSINESS_DAYS, their_tz, FOLLOW_UP_AT)
    entries.append(Timed("move-on", move, move + timedelta(minutes=15), their_tz, AT_START))
    return sorted(entries, key=lambda e: (e.start, e.uid_key))
