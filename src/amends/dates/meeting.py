"""The first moment the user's waking hours meet the interviewer's working hours.

A message to the interviewer (the follow-up of a plan, a case's reminder to
write) goes out at the first quarter hour that is inside both: the user awake
on their own clock, the interviewer at work on theirs, on one of their business
days. :func:`shared_moment` answers what a scan of every quarter hour would
answer, without reading each quarter on both clocks: a zone's UTC offset is
steady for weeks at a time, and while both offsets are steady each clock's
minute of the day is plain arithmetic on the instant, so the search jumps
straight to the next quarter hour at which either side can change (a window
opening or closing, the interviewer's next day, an offset change). Only the
skip over the user's night reads the clock itself (:func:`next_waking`, which
resolves DST gaps), once a night.

When the two windows never meet within two weeks (a night shift against an
office twelve zones away) the answer is ``None``: the message is best written
by day and sent on a schedule.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import BusinessCalendar, Hours, in_hours, next_waking
from amends.dates.zone_offsets import SPAN_BITS, table

SHARED_SCAN_DAYS = 14
_UTC = ZoneInfo("UTC")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_SECOND = timedelta(seconds=1)
_MICROSECOND = timedelta(microseconds=1)
_DAY = 86_400
_QUARTER = 900
_MINUTES_PER_DAY = 1440


def next_quarter(moment: datetime) -> datetime:
    """``moment`` rounded up to a whole quarter hour (in UTC, so on every clock but 45-minute
    zones a round time)."""
    return datetime.fromtimestamp(_quarter_seconds(moment), _UTC)


def _quarter_seconds(moment: datetime) -> int:
    """:func:`next_quarter` as whole seconds after 1970 UTC: quarter hours of UTC are whole
    multiples of 900 seconds after 1970, so rounding up is integer arithmetic."""
    return -(-((moment - _EPOCH) // _MICROSECOND) // (_QUARTER * 1_000_000)) * _QUARTER


def _seconds(moment: datetime) -> int:
    """Whole seconds after 1970 UTC, rounded down."""
    return (moment - _EPOCH) // _SECOND


class _Offsets:
    """One zone's UTC offset as a search moves forward in time, read from the zone's table of
    changes (:mod:`amends.dates.zone_offsets`, checked against the clock when built): each
    reading gives the offset and the next instant at which it changes, so a search steps
    from one change to the next instead of reading the clock a day apart."""

    def __init__(self, tz: ZoneInfo, start: int) -> None:
        self.tz = tz
        self.offset = 0
        self.until = start  # the offset is self.offset at every instant before self.until
        self.since = start + 1  # ... and from self.since on (nothing read yet)

    def read(self, seconds: int) -> tuple[int, int]:
        """The offset at ``seconds`` and an instant after it before which the offset does not
        change."""
        if not self.since <= seconds < self.until:
            index = seconds >> SPAN_BITS
            found = table(self.tz, index)
            i = bisect_right(found.changes, seconds)
            self.offset = found.offsets[i]
            self.since = found.changes[i - 1] if i else found.start
            self.until = found.changes[i] if i < len(found.changes) else (index + 1) << SPAN_BITS
        return self.offset, self.until


def _inside(minute: int, hours: Hours) -> bool:
    """:func:`in_hours` of a wall-clock minute of the day."""
    if hours.overnight:
        return minute >= hours.start or minute < hours.end
    return hours.start <= minute < hours.end


def _minutes_to_change(minute: int, hours: Hours, *, midnight: bool = False) -> int:
    """Whole minutes from wall-clock ``minute`` to the next minute at which being inside
    ``hours`` can change (their start or end; with ``midnight``, also the next day)."""
    bounds = (hours.start, hours.end, 0) if midnight else (hours.start, hours.end)
    return min((bound - minute - 1) % _MINUTES_PER_DAY + 1 for bound in bounds)


def shared_moment(
    after: datetime,
    mine: tuple[str, Hours],
    theirs: tuple[str, Hours, BusinessCalendar],
    within: timedelta = timedelta(days=SHARED_SCAN_DAYS),
) -> datetime | None:
    """The first quarter hour from ``after`` inside both the user's waking hours and the
    interviewer's working hours on one of their business days; ``None`` when the two never
    meet within ``within`` (then a message is best written by day and sent on a schedule).

    ``after`` itself when it already is such a moment; otherwise a UTC time on a quarter hour.
    """
    my_tz, my_hours = mine
    their_tz, their_hours, calendar = theirs
    if in_hours(after, my_tz, my_hours) and calendar.is_working_time(after, their_tz, their_hours):
        return after
    moment = _quarter_seconds(after)
    last = _seconds(after + within)  # a whole-second moment is at most ``after + within``
    my_offsets = _Offsets(ZoneInfo(my_tz), moment)
    their_offsets = _Offsets(ZoneInfo(their_tz), moment)
    open_days: dict[int, bool] = {}  # one holiday lookup per day, not per quarter hour
    while moment <= last:
        my_offset, my_steady = my_offsets.read(moment)
        my_local = moment + my_offset
        my_minute = my_local // 60 % _MINUTES_PER_DAY
        if not _inside(my_minute, my_hours):
            now = datetime.fromtimestamp(moment, _UTC)
            woken = _quarter_seconds(next_waking(now, my_tz, my_hours))  # skip my night
            moment = woken if woken > moment else moment + _QUARTER
            continue
        their_offset, their_steady = their_offsets.read(moment)
        their_local = moment + their_offset
        their_minute = their_local // 60 % _MINUTES_PER_DAY
        if _inside(their_minute, their_hours):
            day = their_local // _DAY + _EPOCH_ORDINAL
            if day not in open_days:
                open_days[day] = calendar.is_business_day(date.fromordinal(day))
            if open_days[day]:
                return datetime.fromtimestamp(moment, _UTC)
        # Every quarter hour before the first change on either side reads the same.
        # (``moment - local % 60`` is when the minute shown on that clock began.)
        change = min(
            my_steady,
            their_steady,
            moment - my_local % 60 + 60 * _minutes_to_change(my_minute, my_hours),
            moment
            - their_local % 60
            + 60 * _minutes_to_change(their_minute, their_hours, midnight=True),
        )
        moment = change + (-change) % _QUARTER
    return None
