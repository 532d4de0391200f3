"""One reading of an ``RRULE`` value, shared by every part of amends that needs it.

A busy calendar's recurring rule is looked at in three places: the pre-filter
(:mod:`amends.slots.busy_prefilter`) bounds the series' last occurrence, the
plain reader (:mod:`amends.slots.busy_plain`) writes the rule back as
``icalendar`` would, and :mod:`amends.slots.busy_rules` builds it for
``dateutil`` to expand. :func:`read_rule` reads the common shapes once (per
process, per rule text) into a :class:`PlainRule` all three use: ``FREQ``
daily to yearly, with ``UNTIL``, ``COUNT``, ``INTERVAL``, plain weekdays in
``BYDAY`` and ``WKST``, each at most once, upper case, nothing else. Any other
rule (``BYMONTHDAY``, ``BYDAY=1MO``, lower case...) reads as ``None``: the
pre-filter then parses the event at once, and ``dateutil``'s own text parser
(``rrulestr``) reads it, as before. This module imports neither ``icalendar``
nor ``dateutil``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache

# The order ``icalendar`` writes a rule's parts in (``vRecur.canonical_order``).
ORDER = ("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "WKST")
WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
FIRST_YEAR, LAST_YEAR = 1900, 2200  # outside: not plain (no arithmetic near the limits)

# A ``DATE`` or ``DATE-TIME`` in the basic form iCalendar writes: an hour under 24, maybe ``Z``.
_BASIC = re.compile(r"[0-9]{8}(?:T(?:[01][0-9]|2[0-3])[0-9]{4}Z?)?")
_DAY = "(?:MO|TU|WE|TH|FR|SA|SU)"
_SHAPES = {
    "FREQ": re.compile(r"DAILY|WEEKLY|MONTHLY|YEARLY"),
    "UNTIL": _BASIC,
    "COUNT": re.compile(r"[1-9][0-9]{0,5}"),
    "INTERVAL": re.compile(r"[1-9][0-9]{0,3}"),
    "BYDAY": re.compile(f"{_DAY}(?:,{_DAY})*"),
    "WKST": re.compile(_DAY),
}


class Unclear(Exception):
    """A value that is not plainly one of the common shapes."""


def read_moment(value: str) -> date | datetime:
    """A ``DATE`` or ``DATE-TIME`` value as written (naive; a final ``Z`` is left to the
    caller), between :data:`FIRST_YEAR` and :data:`LAST_YEAR`; else :class:`Unclear`."""
    if _BASIC.fullmatch(value) is None:
        raise Unclear
    try:
        if len(value) == 8:
            found: date | datetime = date.fromisoformat(value)
        else:
            found = datetime.fromisoformat(value[:15])
    except ValueError:
        raise Unclear from None
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise Unclear
    return found


@dataclass(frozen=True, slots=True)
class PlainRule:
    """A common ``RRULE``, read: what :mod:`dateutil.rrule` needs to build it, and its text."""

    freq: str  # DAILY, WEEKLY, MONTHLY or YEARLY
    until: date | datetime | None  # as written: a date, or a wall time (UTC when ``utc``)
    utc: bool  # ``UNTIL`` was written with a final ``Z``
    count: int | None
    interval: int
    byday: tuple[int, ...] | None  # weekdays, Monday 0, in the order written
    wkst: int | None
    text: str  # the rule as ``icalendar`` writes it back: its parts in :data:`ORDER`


@lru_cache(maxsize=16_384)  # a rule read by the pre-filter is met again when expanded
def read_rule(text: str) -> PlainRule | None:
    """``text`` (an ``RRULE`` value) read, or ``None`` when it is not a common shape."""
    parts: dict[str, str] = {}
    for part in text.split(";"):
        key, equals, value = part.partition("=")
        shape = _SHAPES.get(key)
        if not equals or key in parts or shape is None or shape.fullmatch(value) is None:
            return None
        parts[key] = value
    if "FREQ" not in parts:
        return None
    until: date | datetime | None = None
    if "UNTIL" in parts:
        try:
            until = read_moment(parts["UNTIL"])
        except Unclear:
            return None
    days = parts.get("BYDAY")
    wkst = parts.get("WKST")
    return PlainRule(
        freq=parts["FREQ"],
        until=until,
        utc=parts.get("UNTIL", "").endswith("Z"),
        count=int(parts["COUNT"]) if "COUNT" in parts else None,
        interval=int(parts.get("INTERVAL", "1")),
        byday=tuple(WEEKDAYS[d] for d in days.split(",")) if days is not None else None,
        wkst=WEEKDAYS[wkst] if wkst is not None else None,
        text=";".join(f"{key}={parts[key]}" for key in ORDER if key in parts),
    )


def wall_until(rule: PlainRule, zone: tzinfo) -> datetime | None:
    """The rule's ``UNTIL`` as a naive wall time of ``zone`` (the series' own clock), as
    dateutil takes it: a date counts whole, a UTC time is moved onto that clock."""
    until = rule.until
    if isinstance(until, datetime):
        return (
            until.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None) if rule.utc else until
        )
    return None if until is None else datetime.combine(until, _END_OF_DAY)


_END_OF_DAY = time(23, 59, 59)


def counted(rule: PlainRule) -> bool:
    """Whether :func:`occurrences` can count ``rule`` out by arithmetic: daily without
    ``BYDAY``, or weekly (maybe on several weekdays)."""
    return rule.freq == "WEEKLY" or (rule.freq == "DAILY" and rule.byday is None)


def occurrences(
    rule: PlainRule, first: datetime, until: datetime | None, low: datetime, high: datetime
) -> list[datetime]:
    """The occurrences of ``rule`` (:func:`counted`) that start at ``first`` from ``low`` to
    ``high`` (all naive, on the series' wall clock; ``until`` from :func:`wall_until`), in
    order: what dateutil's ``rrule`` yields there, without walking the years before ``low``.

    A weekly rule repeats in weeks that begin on ``WKST`` (Monday unless given), every
    ``INTERVAL`` weeks from the week of ``first``, on its ``BYDAY`` weekdays (``first``'s
    own without one) at ``first``'s time of day, never before ``first``; a daily one
    every ``INTERVAL`` days. ``COUNT`` counts from ``first``, ``UNTIL`` is the last moment.
    """
    offsets: tuple[int, ...] = (0,)
    if rule.freq == "DAILY":
        period, start = timedelta(days=rule.interval), first
    else:
        wkst = rule.wkst or 0
        start = first - timedelta(days=(first.weekday() - wkst) % 7)  # its week's first day
        days = rule.byday if rule.byday is not None else (first.weekday(),)
        offsets = tuple(sorted({(day - wkst) % 7 for day in days}))
        period = timedelta(weeks=rule.interval)
    own = (first - start).days  # the offset of ``first`` in its period
    in_first = sum(1 for offset in offsets if offset >= own)  # occurrences of the first period
    periods = max(0, (low - start) // period)
    found: list[datetime] = []
    while True:
        base = start + periods * period
        if base > high:
            return found
        for place, offset in enumerate(offsets):
            if periods == 0 and offset < own:
                continue
            index = (
                place - (len(offsets) - in_first)
                if periods == 0
                else (in_first + (periods - 1) * len(offsets) + place)
            )
            moment = base + timedelta(days=offset)
            if (rule.count is not None and index >= rule.count) or (
                until is not None and moment > until
            ):
                return found
            if low <= moment <= high:
                found.append(moment)
        periods += 1
