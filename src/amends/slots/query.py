"""What the slot finder is asked for, validated once with field-named errors.

Every limit here protects a person from a silly proposal or the program from
an absurd search: at most 60 business days ahead, one to five times, an
interview between 5 minutes and 8 hours, hours that leave room for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import BusinessCalendar, Hours, calendar_for
from amends.dates.country import Country, country_of_zone, parse_country
from amends.dates.zones import zone
from amends.errors import InputError
from amends.slots.busy import BusyCalendar
from amends.slots.clock import Interval

MAX_DAYS = 60
MAX_COUNT = 5
MIN_DURATION = timedelta(minutes=5)
MAX_DURATION = timedelta(hours=8)
MAX_NOTICE = timedelta(days=30)
DEFAULT_HOURS = "09:00-17:00"
DEFAULT_MY_HOURS = "08:00-20:00"
DEFAULT_MINUTES = 45
DEFAULT_DAYS = 5
DEFAULT_COUNT = 3


@dataclass(frozen=True)
class SlotRequest:
    """Everything the finder needs; ``now`` is always given, never read from a clock.

    ``hours`` are the interviewer's working hours on their clock, ``my_hours``
    the candidate's acceptable hours on theirs (may run past midnight, e.g.
    ``20:00-01:00``). ``busy`` holds explicit busy spans; ``calendars`` parsed
    ``.ics`` files, expanded over the search period. ``min_notice=None`` means
    "not before the interviewer's next working morning" (never the same day).
    ``windows=True`` asks for availability windows instead of single times.
    """

    now: datetime
    interviewer_tz: str
    candidate_tz: str | None = None
    country: str | None = None
    hours: str | Hours = DEFAULT_HOURS
    my_hours: str | Hours = DEFAULT_MY_HOURS
    duration: timedelta = timedelta(minutes=DEFAULT_MINUTES)
    days: int = DEFAULT_DAYS
    count: int = DEFAULT_COUNT
    busy: Sequence[Interval] = ()
    calendars: Sequence[BusyCalendar] = ()
    min_notice: timedelta | None = None
    windows: bool = False
    # The validated form is kept outside ``__dict__``, so copying a request's fields
    # (``SlotRequest(**request.__dict__)``) still copies exactly its fields.
    __slots__ = ("__dict__", "_prepared")

    def __post_init__(self) -> None:
        object.__setattr__(self, "_prepared", prepare(self))

    def prepared(self) -> Prepared:
        """The request validated and resolved (done once, when it was made)."""
        prepared: Prepared = object.__getattribute__(self, "_prepared")
        return prepared


@dataclass(frozen=True)
class Prepared:
    """A validated request with zones, hours and the interviewer's calendar resolved."""

    request: SlotRequest
    their_tz: ZoneInfo
    my_tz: ZoneInfo
    hours: Hours
    my_hours: Hours
    country: Country | None
    country_inferred: bool
    calendar: BusinessCalendar
    busy: tuple[Interval, ...] = field(default=())
    length: int = 0
    """The interview's length in microseconds (the finder's unit of time)."""

    @property
    def minutes(self) -> int:
        """Interview length in whole minutes."""
        return int(self.request.duration.total_seconds() // 60)


def _hours(value: str | Hours, name: str, overnight: bool) -> Hours:
    if isinstance(value, Hours):
        if value.start == value.end or (value.overnight and not overnight):
            raise InputError(name, f"{value.text} is an empty window; give hours like 09:00-17:00")
        return value
    return Hours.parse(value, name, overnight=overnight)


def _check_numbers(req: SlotRequest) -> None:
    if req.now.tzinfo is None or req.now.utcoffset() is None:
        raise InputError("now", "the current time must carry its UTC offset")
    if isinstance(req.days, bool) or not isinstance(req.days, int) or not 1 <= req.days <= MAX_DAYS:
        raise InputError("days", f"look ahead between 1 and {MAX_DAYS} business days")
    if (
        isinstance(req.count, bool)
        or not isinstance(req.count, int)
        or not 1 <= req.count <= MAX_COUNT
    ):
        raise InputError("count", f"ask for between 1 and {MAX_COUNT} times (two or three is best)")
    duration = req.duration
    if (
        not isinstance(duration, timedelta)
        or not MIN_DURATION <= duration <= MAX_DURATION
        or duration % timedelta(minutes=1)
    ):
        raise InputError("duration", "give the interview length in whole minutes, from 5 to 480")
    notice = req.min_notice
    if notice is not None and not timedelta(0) <= notice <= MAX_NOTICE:
        raise InputError("min_notice", "minimum notice must be between 0 and 30 days")


def _busy(spans: Sequence[Interval]) -> tuple[Interval, ...]:
    out = []
    for start, end in spans:
        if start.tzinfo is None or end.tzinfo is None:
            raise InputError("busy", "busy times must carry their time zone")
        if end > start:
            out.append((start, end))
    return tuple(out)


def prepare(req: SlotRequest) -> Prepared:
    """Validate ``req`` and resolve zones, hours and the country's working days."""
    _check_numbers(req)
    their_tz = zone(req.interviewer_tz, "tz")
    my_tz = zone(req.candidate_tz, "my_tz") if req.candidate_tz else their_tz
    hours = _hours(req.hours, "hours", overnight=False)
    my_hours = _hours(req.my_hours, "my_hours", overnight=True)
    minutes = int(req.duration.total_seconds() // 60)
    hours.require_fits(minutes, "hours")
    my_hours.require_fits(minutes, "my_hours")
    if req.country is not None and req.country.strip():
        country: Country | None = parse_country(req.country)
        inferred = False
    else:
        country = country_of_zone(their_tz.key)
        inferred = True
    return Prepared(
        request=req,
        their_tz=their_tz,
        my_tz=my_tz,
        hours=hours,
        my_hours=my_hours,
        country=country,
        country_inferred=inferred,
        calendar=calendar_for(their_tz.key, country),
        busy=_busy(req.busy),
        length=req.duration // timedelta(microseconds=1),
    )
