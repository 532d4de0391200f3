"""Business days on the interviewer's calendar, shared by the plan, the case engine
and the calendar export so they all name the same follow-up day.

A business day is one that is neither a weekend day nor a public holiday in the
country of the interviewer's zone (the slot finder's rules: weekends are not
Saturday–Sunday everywhere, and observed/substitute holidays count). Zones
without a country (``Etc/*``, ``UTC``) use Monday–Friday with no holidays.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from amends.dates.calendar import BusinessCalendar
from amends.dates.country import country_for_zone, parse_country
from amends.errors import InputError

FOLLOW_UP_LOCAL_TIME = time(10, 0)
_MAX_SCAN_DAYS = 400  # a bound even for a calendar full of holidays


@cache
def business_calendar(tz: str) -> BusinessCalendar:
    """Weekend and holidays of the country ``tz`` serves (Monday–Friday if none)."""
    code = country_for_zone(tz)
    try:
        return BusinessCalendar.for_country(parse_country(code) if code else None)
    except InputError:
        return BusinessCalendar.for_country(None)


def is_business_day(day: date, tz: str) -> bool:
    """True when ``day`` is a working day in the country of ``tz``."""
    return business_calendar(tz).is_business_day(day)


def wall_time(day: date, clock: time, tz: str) -> datetime:
    """``clock`` on ``day`` in ``tz``; a time inside a DST gap moves forward past it."""
    zone = ZoneInfo(tz)
    naive = datetime.combine(day, clock)
    return datetime.fromtimestamp(naive.replace(tzinfo=zone).timestamp(), zone)


def add_business_days(
    moment: datetime, days: int, tz: str, at: time = FOLLOW_UP_LOCAL_TIME
) -> datetime:
    """``at`` (default 10:00) on the ``days``-th business day after ``moment``, on ``tz``'s clock.

    Follow-ups are timed for the recipient's morning, when they are most likely read.
    """
    day = moment.astimezone(ZoneInfo(tz)).date()
    counted = 0
    for _ in range(_MAX_SCAN_DAYS):
        if counted >= days:
            break
        day += timedelta(days=1)
        if is_business_day(day, tz):
            counted += 1
    return wall_time(day, at, tz)
