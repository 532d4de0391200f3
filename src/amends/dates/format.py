"""Human-readable dates and times that always carry their time zone.

Every time amends writes for a person says which zone it is in, and shows the
UTC offset too, because many zones have only numeric abbreviations. Where an
abbreviation names more than one zone (CST is Chicago, Shanghai and Havana;
IST is India, Ireland and Israel; BST is British and Bangladesh time) the place
is written too: ``CST (UTC+8, Shanghai)`` never reads as US Central.

Dates are written in one of two English variants: British (``Tuesday 24
November 2026 at 14:30``) and American (``Tuesday, November 24, 2026 at 2:30
PM``), so a message never mixes the two. The day and month names and the
places of shared abbreviations are Babel's, read once per Babel version into a
small table in the cache folder (:mod:`amends.dates.cached`): Babel itself loads
only to build a missing table or for a date pattern the table does not cover.
"""

from __future__ import annotations

import importlib
import re
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from amends.dates.cached import babel_folder, cached, tz_folder
from amends.dates.country import canonical_zones
from amends.dates.zones import zone_names

English = Literal["gb", "us"]
ENGLISH_VARIANTS: tuple[English, ...] = get_args(English)
LOCALE = "en_GB"
_LOCALES: dict[English, str] = {"gb": "en_GB", "us": "en_US"}
_LONG_DATE: dict[English, str] = {"gb": "EEEE d MMMM y", "us": "EEEE, MMMM d, y"}
_SHORT_DATE: dict[English, str] = {"gb": "EEE d MMM", "us": "EEE, MMM d"}
_DAY_MONTH: dict[English, str] = {"gb": "EEEE d MMMM", "us": "EEEE, MMMM d"}
# Abbreviations the tz database gives one zone but people use for another too
# (Bangladesh, Arabia, the Gulf and Singapore are numeric there).
_SHARED_OUTSIDE_TZDATA = frozenset({"BST", "AST", "GST", "SST"})


def utc_offset_label(offset: timedelta) -> str:
    """``UTC+5:30``, ``UTC−5``, ``UTC+0`` (a true minus sign, no padding)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def _babel_dates() -> Any:
    """``babel.dates``, imported only to build a missing table (or for an unusual pattern)."""
    return importlib.import_module("babel.dates")


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


@cache
def shared_abbreviations() -> frozenset[str]:
    """Zone abbreviations that stand for more than one UTC offset somewhere today.

    Read from the tz database (winter and summer of the current year), so a
    future tzdata release that reuses an abbreviation is picked up by itself;
    kept per year in the cache folder of the installed zone data.
    """
    year = datetime.now(UTC).year
    found = cached(
        tz_folder(), f"shared-abbreviations-{year}.json", lambda: _shared(year), _is_texts
    )
    return frozenset(found) | _SHARED_OUTSIDE_TZDATA


def _shared(year: int) -> list[str]:
    offsets: dict[str, set[timedelta | None]] = {}
    for name in canonical_zones():
        for month in (1, 7):
            local = datetime(year, month, 15, 12, tzinfo=ZoneInfo(name))
            abbr = local.tzname() or ""
            if abbr and abbr[0] not in "+-":
                offsets.setdefault(abbr, set()).add(local.utcoffset())
    return sorted(abbr for abbr, seen in offsets.items() if len(seen) > 1)


def _city(key: str) -> str:
    return str(_babel_dates().get_timezone_location(key, locale="en", return_city=True))


def _is_cities(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


@cache
def _cities() -> dict[str, str]:
    """The city Babel names for every zone, kept per Babel version (built all at once, so
    the file says nothing about which zones this user's plans touched)."""
    build = lambda: {name: _city(name) for name in sorted(zone_names())}  # noqa: E731
    return dict(cached(babel_folder(), "zone-cities-en.json", build, _is_cities))


@lru_cache(maxsize=1024)
def _place(key: str | None) -> str | None:
    """The city Babel names for a zone (``Shanghai``)."""
    if not key:
        return None
    return _cities().get(key) or _city(key)


def zone_label(moment: datetime) -> str:
    """The zone as people read it: ``EST (UTC−5)``, ``UTC+4``, ``IST (UTC+5:30, Kolkata)``."""
    offset = moment.utcoffset()
    assert offset is not None, "zone_label needs an aware datetime"
    return _zone_label(moment.tzname() or "", offset, getattr(moment.tzinfo, "key", None))


@lru_cache(maxsize=4096)
def _zone_label(abbr: str, offset: timedelta, key: str | None) -> str:
    """The label of a zone's abbreviation and offset; pure, and asked for again and again."""
    utc = utc_offset_label(offset)
    if not abbr or abbr[0] in "+-" or (abbr.upper() in {"UTC", "GMT"} and offset):
        return utc
    if abbr.upper() in {"UTC", "GMT"}:
        return abbr
    place = _place(key) if abbr in shared_abbreviations() else None
    return f"{abbr} ({utc}, {place})" if place else f"{abbr} ({utc})"


# A date pattern in Babel's (CLDR) syntax: runs of one field letter, or literal text.
_PATTERN_PIECES = re.compile(r"E+|M+|d+|y+|[A-Za-z]+|[^A-Za-z]+")
_NAMED = {"EEEE": ("days", "wide"), "EEE": ("days", "abbreviated"),
          "MMMM": ("months", "wide"), "MMM": ("months", "abbreviated")}  # fmt: skip


def _babel_names(locale: str) -> dict[str, list[str]]:
    """Babel's day names (Monday first) and month names (January first) of ``locale``."""
    babel = _babel_dates()
    names: dict[str, list[str]] = {}
    for piece, (kind, width) in _NAMED.items():
        if kind == "days":
            found = babel.get_day_names(width, "format", locale)
            names[piece] = [str(found[weekday]) for weekday in range(7)]
        else:
            found = babel.get_month_names(width, "format", locale)
            names[piece] = [str(found[month]) for month in range(1, 13)]
    return names


def _are_names(value: Any) -> bool:
    return isinstance(value, dict) and all(
        _is_texts(value.get(piece)) and len(value[piece]) == (7 if kind == "days" else 12)
        for piece, (kind, _) in _NAMED.items()
    )


@cache
def _names(locale: str) -> dict[str, list[str]]:
    return dict(
        cached(babel_folder(), f"names-{locale}.json", lambda: _babel_names(locale), _are_names)
    )


@cache
def _pattern(pattern: str) -> tuple[str, ...] | None:
    """The pieces of a date ``pattern`` the cached names table can write, or ``None``."""
    pieces = tuple(_PATTERN_PIECES.findall(pattern))
    simple = all(p in _NAMED or p in ("d", "y") or not p[0].isalpha() for p in pieces)
    return pieces if simple and "'" not in pattern else None


@lru_cache(maxsize=4096)
def date_text(day: date, pattern: str, locale: str = LOCALE) -> str:
    """``day`` written with a CLDR ``pattern`` (``EEEE d MMMM y``), exactly as Babel writes it.

    Weekday and month names (``EEEE``, ``EEE``, ``MMMM``, ``MMM``), the day (``d``)
    and the year (``y``) come from the cached table; any other pattern is Babel's.
    Each pattern is split into its pieces once (a search writes many new dates).
    """
    pieces = _pattern(pattern)
    if pieces is None:
        return str(_babel_dates().format_date(day, pattern, locale=locale))
    names = _names(locale)
    out = []
    for piece in pieces:
        if piece in ("EEEE", "EEE"):
            out.append(names[piece][day.weekday()])
        elif piece in ("MMMM", "MMM"):
            out.append(names[piece][day.month - 1])
        elif piece == "d":
            out.append(str(day.day))
        elif piece == "y":
            out.append(str(day.year))
        else:
            out.append(piece)
    return "".join(out)


def long_date(moment: datetime, english: English = "gb") -> str:
    """``Tuesday 24 November 2026`` (British) or ``Tuesday, November 24, 2026`` (American)."""
    return date_text(moment.date(), _LONG_DATE[english], _LOCALES[english])


def day_and_month(moment: datetime, english: English = "gb") -> str:
    """``Tuesday 24 November`` or ``Tuesday, November 24`` (for dates within the year)."""
    return date_text(moment.date(), _DAY_MONTH[english], _LOCALES[english])


def short_date(moment: datetime, english: English = "gb") -> str:
    """``Tue 24 Nov`` or ``Tue, Nov 24``."""
    return date_text(moment.date(), _SHORT_DATE[english], _LOCALES[english])


def _clock_text(hour: int, minute: int, english: English) -> str:
    if english == "us":
        return f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    return f"{hour:02d}:{minute:02d}"


@cache
def _clocks(english: English) -> tuple[str, ...]:
    """Every minute of the day on one clock style, written once (a plan writes a score of
    times; built on first use, so a command that writes none never pays for it)."""
    return tuple(_clock_text(m // 60, m % 60, english) for m in range(24 * 60))


def clock(moment: datetime, english: English = "gb") -> str:
    """``14:30`` (British, 24-hour) or ``2:30 PM`` (American, 12-hour)."""
    return _clocks("us" if english == "us" else "gb")[moment.hour * 60 + moment.minute]


def at_zone(moment: datetime, tz: str) -> datetime:
    """The same instant on the clocks of ``tz``."""
    return moment.astimezone(ZoneInfo(tz))


def moment_text(moment: datetime, tz: str, english: English = "gb") -> str:
    """``Tuesday 24 November 2026 at 10:00 EST (UTC−5)`` in zone ``tz``."""
    local = at_zone(moment, tz)
    return f"{long_date(local, english)} at {clock(local, english)} {zone_label(local)}"


def time_text(moment: datetime, tz: str, english: English = "gb") -> str:
    """``10:00 EST (UTC−5)`` in zone ``tz`` (for same-day references)."""
    local = at_zone(moment, tz)
    return f"{clock(local, english)} {zone_label(local)}"


def dual_moment_text(moment: datetime, their_tz: str, my_tz: str, english: English = "gb") -> str:
    """Their local time, with mine alongside when the clocks differ.

    ``Tuesday 24 November 2026 at 10:00 EST (UTC−5) (15:00 GMT my time)``; when
    the candidate's date differs, their date is written out too.
    """
    return moment_text(moment, their_tz, english) + my_time_suffix(moment, their_tz, my_tz, english)


def my_time_suffix(moment: datetime, their_tz: str, my_tz: str, english: English = "gb") -> str:
    """`` (15:00 GMT, my time)`` when the candidate's clock differs, else ``""``."""
    theirs = at_zone(moment, their_tz)
    mine = at_zone(moment, my_tz)
    if theirs.utcoffset() == mine.utcoffset():
        return ""
    label = zone_label(mine).replace(" (", ", ").rstrip(")")
    mine_text = f"{clock(mine, english)} {label}"
    if theirs.date() != mine.date():
        mine_text = f"{short_date(mine, english)}, {mine_text}"
    return f" ({mine_text}, my time)"
