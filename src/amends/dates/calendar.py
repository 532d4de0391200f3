"""The one business calendar: working hours, the country's weekend and holidays, business days.

Triage ("is the office open now?"), the checklist and the case engine ("the
second business day after"), the slot finder ("which days may be proposed?")
and the calendar export all ask :func:`calendar_for`, so they can never disagree.

Working hours are wall-clock minutes of a day in one zone (``09:00-17:00``).
Weekends are the interviewer country's (Friday-Saturday in Saudi Arabia,
Saturday-Sunday in most places), with the country's official weekend working
days honoured, and public holidays include observed and substitute days
(a UK bank holiday on a Saturday moves to the Monday). All of it comes from the
``holidays`` package so the data can be updated without touching code, read
through a per-country table cached on disk (:mod:`amends.dates.holiday_table`)
so that the package itself is loaded only when a table is first built.
Customary closures that are not public holidays (24 December in Germany, the
day after Thanksgiving in the US) come from ``data/closures.toml`` and close the
day just as a holiday does; :meth:`BusinessCalendar.closed_reason` says which.
When no ``--country`` is given, the zone's country and, where the zone implies
one, its holiday region are used (``Europe/London`` -> England); the table is
kept per country and region.

The user's own waking hours (``my_hours``, default 08:00-20:00) are a window of
the same kind: :func:`next_waking` moves a task that would fall outside them to
the next waking moment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo

from amends.dates.closures import closure_days, closure_on
from amends.dates.country import Country, country_of_zone, parse_country
from amends.dates.holiday_table import HolidayTable, holiday_table, supported_countries
from amends.dates.zones import wall_time
from amends.errors import InputError

MINUTES_PER_DAY = 24 * 60
DEFAULT_WEEKEND = frozenset({5, 6})
WORKING_HOURS = "09:00-17:00"
"""The interviewer's working hours when nobody says otherwise (``--hours``)."""
WAKING_HOURS = "08:00-20:00"
"""The user's own waking hours when nobody says otherwise (``--my-hours``, profile ``my_hours``)."""
FOLLOW_UP_LOCAL_TIME = time(10, 0)
"""Follow-ups are timed for the recipient's morning, when they are most likely read."""
_MAX_SCAN_DAYS = 400  # a bound even for a calendar full of holidays
_HOURS = re.compile(
    r"^\s*(\d{1,2})(?::?(\d{2}))?\s*(?:-|–|—|to)\s*(\d{1,2})(?::?(\d{2}))?\s*$", re.IGNORECASE
)


def clock_text(minute: int) -> str:
    """``09:00`` for 540; ``24:00`` for the end of the day."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True)
class Hours:
    """A daily wall-clock window ``[start, end)`` in minutes after midnight.

    ``end`` may be 1440 (``24:00``). When ``overnight`` allows it, ``start > end``
    means the window runs past midnight (``20:00-01:00``).
    """

    start: int
    end: int

    @property
    def overnight(self) -> bool:
        """True when the window runs past midnight into the next day."""
        return self.start > self.end

    @property
    def length(self) -> int:
        """Length of the window in minutes."""
        return (
            self.end - self.start if not self.overnight else MINUTES_PER_DAY - self.start + self.end
        )

    @property
    def text(self) -> str:
        """``09:00–17:00``."""
        return f"{clock_text(self.start)}–{clock_text(self.end)}"

    @classmethod
    def parse(cls, text: str, field: str, *, overnight: bool = False) -> Hours:
        """Parse ``09:00-17:00`` (also ``9-17``, ``0900-1730``, ``9:00 to 17:00``)."""
        return _parse_hours(text if isinstance(text, str) else "", field, overnight)

    def require_fits(self, minutes: int, field: str) -> None:
        """Refuse a window too short for an interview of ``minutes``."""
        if self.length < minutes:
            raise InputError(
                field,
                f"{self.text} is shorter than the {minutes}-minute interview; widen the hours",
            )


@lru_cache(maxsize=256)
def _parse_hours(text: str, field: str, overnight: bool) -> Hours:
    """:meth:`Hours.parse`; pure, and asked for the same few texts on every plan."""
    raw = text if isinstance(text, str) else ""
    match = _HOURS.match(raw) if len(raw) <= 30 else None
    example = "09:00-17:00"
    if not match:
        raise InputError(field, f"{raw[:30]!r} is not a range of hours like {example}")
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
        raise InputError(field, f"{raw.strip()!r} has an impossible time; use 00:00 to 24:00")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    start = 0 if start == MINUTES_PER_DAY else start
    if start == end:
        raise InputError(field, f"{raw.strip()} is an empty window; give a start and a later end")
    if start > end and not overnight:
        if h2 < 12 and h2 + 12 > h1:  # "9 to 5": a 12-hour clock read as 24-hour
            raise InputError(
                field,
                f"{raw.strip()!r} reads as {clock_text(start)} to {clock_text(end)}; "
                f"write the hours on the 24-hour clock, e.g. {clock_text(start)}-"
                f"{clock_text(end + 12 * 60)}",
            )
        raise InputError(field, f"{raw.strip()} ends before it starts; give hours like {example}")
    return Hours(start, end)


@dataclass
class BusinessCalendar:
    """Which dates are working days for the interviewer's country (or a plain default)."""

    country: Country | None
    weekend: frozenset[int] = DEFAULT_WEEKEND
    _data: HolidayTable | None = field(default=None, repr=False)
    # Answers per date, kept because one calendar per country serves the whole process
    # and a search asks about the same few weeks again and again (bounded, see _remember).
    _closed: dict[date, tuple[str, str] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    _closed_days: dict[int, frozenset[int]] = field(default_factory=dict, repr=False, compare=False)
    _reason_days: dict[int, tuple[int, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def for_country(cls, country: Country | None) -> BusinessCalendar:
        """Load weekend and holiday rules; unsupported countries keep the plain default."""
        return _calendar(country)

    @classmethod
    def _load(cls, country: Country | None) -> BusinessCalendar:
        if country is None or country.code not in supported_countries():
            return cls(country)
        try:
            data = holiday_table(country.code, country.subdiv)
        except NotImplementedError as exc:  # pragma: no cover - parse_country checks first
            raise InputError("country", str(exc)) from None
        return cls(country, data.weekend, data)

    @property
    def has_holiday_data(self) -> bool:
        """False when no public holidays are known for this country."""
        return self._data is not None

    def is_weekend(self, day: date) -> bool:
        """True on the country's weekend days (unless officially made a working day)."""
        if self._data is None:
            return day.weekday() in self.weekend
        return self._data.is_weekend(day) and not self._data.is_weekend_workday(day)

    def holiday_name(self, day: date) -> str | None:
        """The public holiday (or observed substitute day) on ``day``, if any."""
        if self._data is None:
            return None
        return self._data.holiday_name(day)

    def closure_name(self, day: date) -> str | None:
        """A customary closure on ``day`` (``data/closures.toml``) that is not a public holiday."""
        if self.country is None or self.holiday_name(day):
            return None
        return closure_on(self.country.code, day)

    def closed_reason(self, day: date) -> tuple[str, str] | None:
        """``("holiday", name)`` or ``("closure", name)`` for a weekday the office is shut."""
        if day in self._closed:
            return self._closed[day]
        holiday = self.holiday_name(day)
        closure = None if holiday else self.closure_name(day)
        reason = ("holiday", holiday) if holiday else ("closure", closure) if closure else None
        return _remember(self._closed, day, reason)

    def closed_days(self, first: date, last: date) -> list[date]:
        """The days from ``first`` to ``last`` with a :meth:`closed_reason`, in order."""
        low, high = first.toordinal(), last.toordinal()
        out: list[date] = []
        for year in range(first.year, last.year + 1):
            found = self._reason_days.get(year)
            if found is None:
                days = self._data.holiday_ordinals(year) if self._data else set()
                if self.country is not None:
                    days.update(d.toordinal() for d in closure_days(self.country.code, year))
                if len(self._reason_days) >= _MEMO_YEARS:
                    self._reason_days.clear()
                found = self._reason_days[year] = tuple(sorted(days))
            # Sorted ordinals: the days in range are one slice, found by bisection.
            out.extend(
                map(date.fromordinal, found[bisect_left(found, low) : bisect_right(found, high)])
            )
        return out

    def is_business_day(self, day: date) -> bool:
        """A working day: not weekend (or a declared weekend working day), not a holiday,
        not a customary closure."""
        return day.toordinal() not in self.closed_ordinals(day.year)

    def closed_ordinals(self, year: int) -> frozenset[int]:
        """The ordinals (``date.toordinal``) of every day of ``year`` that is not a business
        day: a scan of many days asks for the set once per year, not once per day."""
        closed = self._closed_days.get(year)
        return self._closed_in(year) if closed is None else closed

    def _closed_in(self, year: int) -> frozenset[int]:
        """The ordinals of every day of ``year`` that is not a business day, found once.

        A search asks about a few weeks of one country; reading the whole year at
        once (its weekend flags, holidays, weekend working days and closures) costs
        about as much as a dozen single days and answers every later day of it.
        """
        if self._data is None:
            first = date(year, 1, 1)
            size = date(year + 1, 1, 1).toordinal() - first.toordinal()
            start, weekday = first.toordinal(), first.weekday()
            shut = {start + n for n in range(size) if (weekday + n) % 7 in self.weekend}
        else:
            shut = set(self._data.closed_ordinals(year))
        if self.country is not None:
            shut.update(d.toordinal() for d in closure_days(self.country.code, year))
        if len(self._closed_days) >= _MEMO_YEARS:
            self._closed_days.clear()
        found = self._closed_days[year] = frozenset(shut)
        return found

    def is_working_time(self, moment: datetime, tz: str, hours: Hours | None = None) -> bool:
        """True when ``moment`` falls on a business day inside ``hours`` on ``tz``'s clock."""
        window = hours or Hours.parse(WORKING_HOURS, "hours")
        local = moment.astimezone(ZoneInfo(tz))
        minute = local.hour * 60 + local.minute
        return self.is_business_day(local.date()) and window.start <= minute < window.end

    def add_business_days(
        self, moment: datetime, days: int, tz: str, at: time = FOLLOW_UP_LOCAL_TIME
    ) -> datetime:
        """``at`` (default 10:00) on the ``days``-th business day after ``moment``, on ``tz``."""
        day = moment.astimezone(ZoneInfo(tz)).date()
        # Days as ordinals against each year's set of closed days (is_business_day's rule).
        ordinal, year = day.toordinal(), day.year
        closed, next_year = self.closed_ordinals(year), date(year + 1, 1, 1).toordinal()
        counted = 0
        for _ in range(_MAX_SCAN_DAYS):
            if counted >= days:
                break
            ordinal += 1
            if ordinal >= next_year:
                year += 1
                closed, next_year = self.closed_ordinals(year), date(year + 1, 1, 1).toordinal()
            if ordinal not in closed:
                counted += 1
        return wall_time(date.fromordinal(ordinal), at, tz)


_MEMO_DAYS = 20_000  # about fifty years of answers per calendar, then start again
_MEMO_YEARS = 60

_T = TypeVar("_T")


def _remember(memo: dict[date, _T], day: date, answer: _T) -> _T:
    """Keep ``answer`` for ``day`` in ``memo``, emptied when it grows past its bound."""
    if len(memo) >= _MEMO_DAYS:
        memo.clear()
    memo[day] = answer
    return answer


@lru_cache(maxsize=1024)  # every country and holiday region (about 300) fits
def _calendar(country: Country | None) -> BusinessCalendar:
    """One calendar per country and process; its holiday table is extended by year."""
    return BusinessCalendar._load(country)


def calendar_for(tz: str, country: str | Country | None = None) -> BusinessCalendar:
    """The calendar of the interviewer in ``tz``: ``country`` when given, else the zone's.

    Zones that serve no country (``Etc/*``, ``UTC``) and countries without holiday
    data get Monday to Friday with no holidays, and say so through ``has_holiday_data``.
    """
    if isinstance(country, Country):
        return BusinessCalendar.for_country(country)
    if country is not None and country.strip():
        return BusinessCalendar.for_country(parse_country(country))
    return _zone_calendar(tz)


@lru_cache(maxsize=1024)  # every zone (about 600) fits
def _zone_calendar(tz: str) -> BusinessCalendar:
    try:
        return BusinessCalendar.for_country(country_of_zone(tz))
    except InputError:
        return BusinessCalendar.for_country(None)


def in_hours(moment: datetime, tz: str, hours: Hours) -> bool:
    """True when ``moment`` shows a wall time inside ``hours`` on ``tz``'s clock."""
    local = moment.astimezone(ZoneInfo(tz))
    minute = local.hour * 60 + local.minute
    if hours.overnight:
        return minute >= hours.start or minute < hours.end
    return hours.start <= minute < hours.end


def next_waking(moment: datetime, tz: str, hours: Hours) -> datetime:
    """``moment`` when it is inside ``hours`` on ``tz``'s clock, else the next start of them.

    A task the user is asked to do at 03:10 moves to 08:00 that morning; one at
    21:00 to 08:00 the next day. DST gaps resolve through :func:`wall_time`.
    """
    if in_hours(moment, tz, hours):
        return moment
    day = moment.astimezone(ZoneInfo(tz)).date()
    start = time(hours.start // 60, hours.start % 60)
    for offset in range(3):
        candidate = wall_time(day + timedelta(days=offset), start, tz)
        if candidate > moment:
            return candidate
    return moment  # pragma: no cover - a start always comes within two days


def previous_waking(moment: datetime, tz: str, hours: Hours, length: timedelta) -> datetime:
    """The latest start at or before ``moment`` from which ``length`` fits inside ``hours``.

    Used for reminders that must come before something (the morning-of
    confirmation before an early interview): moving them later would be too late.
    """
    if in_hours(moment, tz, hours) and in_hours(moment + length - timedelta(minutes=1), tz, hours):
        return moment
    day = moment.astimezone(ZoneInfo(tz)).date()
    for offset in range(0, -3, -1):
        end_day = day + timedelta(days=offset + (1 if hours.overnight or hours.end == 1440 else 0))
        end = wall_time(end_day, time((hours.end % MINUTES_PER_DAY) // 60, hours.end % 60), tz)
        candidate = end - length
        if candidate <= moment and in_hours(candidate, tz, hours):
            return candidate
    return moment  # pragma: no cover - a window always ends within two days


def add_business_days(
    moment: datetime,
    days: int,
    tz: str,
    at: time = FOLLOW_UP_LOCAL_TIME,
    country: str | None = None,
) -> datetime:
    """``at`` on the ``days``-th business day after ``moment`` on the calendar of ``tz``."""
    return calendar_for(tz, country).add_business_days(moment, days, tz, at)
