"""Plain words for what the finder did: why fewer times fit, and which rules applied.

The wording lives in ``data/slots.toml``; this module only decides which
sentences apply, from what the search found on each day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from amends.dates.calendar import calendar_for
from amends.dates.country import Country
from amends.dates.format import (
    LOCALE,
    clock,
    date_text,
    long_date,
    moment_text,
    short_date,
    zone_label,
)
from amends.slots.clock import Span, instant
from amends.slots.offer import NearMiss
from amends.texts import snippet

if TYPE_CHECKING:
    from amends.slots.finder import Day
    from amends.slots.query import Prepared


def _fits(spans: Sequence[Span], length: int) -> bool:
    return any(end - start >= length for start, end in spans)


def _day_text(day: date) -> str:
    return short_date(datetime.combine(day, datetime.min.time()))


def _mapped(p: Prepared, days: Sequence[Day]) -> tuple[str, str, str]:
    """The interviewer's hours, their zone, and the same span on the candidate's clock."""
    window = instant(days[0].window[0]), instant(days[0].window[1])
    their = window[0].astimezone(p.their_tz)
    start, end = window[0].astimezone(p.my_tz), window[1].astimezone(p.my_tz)
    shift = " (+1)" if end.date() > start.date() else ""
    mapped = f"{clock(start)}–{clock(end)}{shift} {zone_label(start)}"
    return p.hours.text, f"{zone_label(their)}", mapped


def explanation(
    p: Prepared, days: Sequence[Day], found: int, misses: Sequence[NearMiss]
) -> str | None:
    """Why fewer than the requested times fit, in a few plain sentences (``None`` if all fit)."""
    req = p.request
    wanted = 1 if req.windows else req.count
    if found >= wanted:
        return None
    country = p.country.name if p.country else None
    if not days:
        return " ".join(
            [
                snippet("slots", "explain.no_days", country=country),
                snippet("slots", "explain.stretch"),
            ]
        )
    length = p.length
    first, last = days[0].day, days[-1].day
    common = {
        "minutes": p.minutes,
        "days": req.days,
        "country": country,
        "first": _day_text(first),
        "last": _day_text(last),
    }
    parts: list[str] = []
    if found == 0:
        their_hours, their_zone, _ = _mapped(p, days)
        mine = instant(days[0].window[0]).astimezone(p.my_tz)
        parts.append(
            snippet(
                "slots",
                "explain.none",
                their_hours=their_hours,
                their_zone=their_zone,
                my_hours=p.my_hours.text,
                my_zone=zone_label(mine),
                **common,
            )
        )
    else:
        parts.append(snippet("slots", "explain.fewer", found=found, count=wanted, **common))
    shared = any(_fits(d.open, length) for d in days)
    if not shared and not any(_fits(d.shared, length) for d in days):
        their_hours, their_zone, mapped = _mapped(p, days)
        parts.append(
            snippet(
                "slots",
                "explain.apart",
                their_hours=their_hours,
                their_zone=their_zone,
                mapped=mapped,
            )
        )
    elif shared and any(_fits(d.open, length) and not _fits(d.free, length) for d in days):
        parts.append(snippet("slots", "explain.busy" if found == 0 else "explain.some_busy"))
    if misses:
        miss = misses[0]
        minutes = miss.minutes_outside
        amount = f"{minutes} minutes" if minutes < 120 else f"{minutes / 60:g} hours"
        parts.append(
            snippet(
                "slots",
                "explain.near",
                text=miss.slot.message_text,
                minutes=amount,
                side=snippet("slots", f"near.{miss.side}"),
                my_hours=p.my_hours.text,
            )
        )
    parts.append(snippet("slots", "explain.stretch" if req.windows else "explain.windows"))
    return " ".join(part for part in parts if part)


def _weekday_names(days: frozenset[int]) -> str:
    base = date(2024, 1, 1)  # a Monday
    names = [date_text(base + timedelta(days=d), "EEEE", LOCALE) for d in sorted(days)]
    return " and ".join(names)


def notes(p: Prepared, dates: Sequence[date], earliest: datetime) -> list[str]:
    """Which country's rules applied, unusual weekends, and holidays and closures skipped."""
    last = dates[-1] if dates else None
    out = list(_rule_notes(p.their_tz, p.country, p.country_inferred, last, earliest))
    out.extend(warning for calendar in p.request.calendars for warning in calendar.warnings)
    return out


@lru_cache(maxsize=2048)
def _rule_notes(
    tz: ZoneInfo, country: Country | None, inferred: bool, last: date | None, earliest: datetime
) -> tuple[str, ...]:
    """:func:`notes` but the busy calendars' warnings: pure (the calendar of ``tz`` and
    ``country`` is fixed for the process), and the same for every request that starts
    from the same earliest moment (by default, the interviewer's next working morning)."""
    calendar = calendar_for(tz.key, country)
    out = list(_country_notes(tz, country, inferred))
    if last is not None:
        # Only the days with a holiday or a closure can be noted: read just those.
        for day in calendar.closed_days(earliest.astimezone(tz).date(), last):
            closed = calendar.closed_reason(day)
            if closed and not calendar.is_weekend(day):
                dt = datetime.combine(day, datetime.min.time())
                key = "note.skipped" if closed[0] == "holiday" else "note.closed"
                out.append(snippet("slots", key, day=long_date(dt), holiday=closed[1]))
    out.append(snippet("slots", "note.notice", earliest=moment_text(earliest, tz.key)))
    return tuple(out)


@lru_cache(maxsize=2048)
def _country_notes(tz: ZoneInfo, country: Country | None, inferred: bool) -> tuple[str, ...]:
    """Which country's rules applied and its unusual weekend: the same for every request
    about that zone and country, whatever its dates."""
    calendar = calendar_for(tz.key, country)
    zone_name = tz.key
    if country is None:
        return (snippet("slots", "note.no_country", zone=zone_name),)
    if not calendar.has_holiday_data:
        return (
            snippet("slots", "note.no_holidays", country_name=country.name, code=country.label),
        )
    key = "note.inferred" if inferred else "note.given"
    out = [snippet("slots", key, country_name=country.name, code=country.label, zone=zone_name)]
    if calendar.weekend != frozenset({5, 6}):
        days = _weekday_names(calendar.weekend)
        out.append(snippet("slots", "note.weekend", code=country.label, days=days))
    return tuple(out)
