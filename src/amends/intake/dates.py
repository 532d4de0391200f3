"""Turning a written day ("tmrw", "on thursday", "3rd of dec", "the 5th") into a date.

A day is read against today *on the clock the story speaks of* and the tense
of the story: "on thursday" is the coming Thursday when the interview is
ahead and the last one when it was missed. Calendar phrases go to
``dateparser``, which also tells an
impossible date ("30 feb") from a real one.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import dateparser

from amends.intake.timewords import Day

Tense = str | None  # "past", "future" or None when the story does not tell


class BadDate(ValueError):
    """A calendar date that does not exist (e.g. 30 February)."""


def resolve_day(day: Day, today: date, tense: Tense, month_first: bool) -> date | None:
    """The date ``day`` means, ``None`` when the story leaves it open; ``BadDate`` if impossible."""
    if day.kind == "relative":
        return today + timedelta(days=day.offset)
    if day.kind == "weekday":
        return _weekday(day, today, tense)
    if day.kind == "day-of-month":
        return _day_of_month(day.offset, today, tense)
    return _calendar(day.phrase, today, tense, month_first, day.named_weekday)


def told_today(
    theirs: date,
    mine: date,
    wall: tuple[int, int],
    tz: ZoneInfo,
    now: datetime,
    tense: Tense,
    told_past: bool = False,
    again: bool = False,
) -> date:
    """The day of "4am Sydney time today", a time on another place's clock said to be today.

    "Today" is the story teller's today or the named place's (which may already be another
    date there); the one the tense fits (within a slack: tense words can mislead by an hour
    or two) is meant: a missed interview is not ahead, one to be late for not hours behind.
    If both fit, the named place's today, unless the start is told as past ("I missed the
    4am Sydney time interview today", ``told_past``): then the later of the two already
    gone by. With no tense to go by, the named place's today.

    ``again``: the story says the interview is still to come, on a clock other than the
    teller's. When neither today fits, that time comes round again: the next one, the day
    after ("9am New York time today, I'll be late", told at 23:00 in London, is tomorrow's
    9am in New York, the first 9am there still ahead).
    """
    if tense not in ("past", "future"):
        return theirs

    def fits(day: date) -> bool:
        moment = _moment(day, wall, tz)
        return moment <= now + _SLACK if tense == "past" else moment >= now - _SLACK

    if told_past and tense == "past":
        gone = [d for d in sorted({theirs, mine}) if _moment(d, wall, tz) <= now]
        if gone:
            return gone[-1]
    if fits(theirs):
        return theirs
    if fits(mine):
        return mine
    if again and tense == "future":
        return max(theirs, mine) + timedelta(days=1)
    return theirs


def _moment(day: date, wall: tuple[int, int], tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, *wall, tzinfo=tz)


_SLACK = timedelta(hours=3)


def _weekday(day: Day, today: date, tense: Tense) -> date | None:
    ahead = (day.weekday - today.weekday()) % 7
    behind = (today.weekday() - day.weekday) % 7
    if day.modifier in ("next week", "last week"):  # weeks start on Monday
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=(7 if day.modifier == "next week" else -7) + day.weekday)
    # A weekday with no tense to go by ("I'm interviewing on Thursday") is the coming one.
    direction = {"next": "future", "last": "past"}.get(day.modifier) or tense or "future"
    if day.modifier == "this" and ahead == 0:
        return today
    if direction == "future":
        return today + timedelta(days=ahead or 7)
    if direction == "past":
        # "noticed on tuesday" said on a Tuesday is today; "last tuesday" is a week ago.
        return today - timedelta(days=behind or (7 if day.modifier == "last" else 0))
    return None


def _day_of_month(number: int, today: date, tense: Tense) -> date | None:
    if tense is None:
        return None
    year, month = today.year, today.month
    if tense == "future" and number < today.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if tense == "past" and number > today.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    if number > calendar.monthrange(year, month)[1] or number < 1:
        raise BadDate(f"the {number}")
    return date(year, month, number)


def _calendar(
    phrase: str, today: date, tense: Tense, month_first: bool, weekday: int | None = None
) -> date | None:
    settings: dict[str, Any] = {
        "DATE_ORDER": "MDY" if month_first else "DMY",
        "PREFER_DATES_FROM": {"future": "future", "past": "past"}.get(
            tense or "", "current_period"
        ),
        "RELATIVE_BASE": datetime(today.year, today.month, today.day, 12, 0),
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DAY_OF_MONTH": "first",
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    if parsed is None:
        raise BadDate(phrase)
    found: date = (
        parsed.date() if weekday is None else _on_its_weekday(parsed.date(), weekday, today)
    )
    if tense is None and abs((found - today).days) > 183:
        return None
    return found


def _on_its_weekday(found: date, weekday: int, today: date) -> date:
    """ "Wednesday 24 June": the year in which 24 June is a Wednesday, nearest to today
    (the tense alone would put a date already arranged in the past a year back)."""
    if found.weekday() == weekday:
        return found
    for year in (today.year, today.year + 1, today.year - 1):
        try:
            candidate = found.replace(year=year)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return candidate
    return found
