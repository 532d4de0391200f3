"""A zone's UTC offsets as tables of changes, read from zoneinfo's own transitions.

The slot search and the follow-up's shared-moment search ask for a zone's offset
at thousands of instants and for where it changes. Reading each on the clock
(``datetime.fromtimestamp``) and bisecting for every change costs tens of clock
readings per zone and week; the zone file already lists every change. So each
zone's changes are taken from the data ``zoneinfo`` loaded (the explicit
transitions, then the yearly rule of the file's footer, evaluated per UTC year as
``zoneinfo`` does), one table per zone and span of about a year, kept for the
process (tzdata cannot change while it runs) and bounded. Every change a table
holds is checked against the clock (the offset at it and one second before), and
when the data cannot be read the table is built by readings six days apart and bisection
instead, so a table always says what :func:`amends.dates.zones.offset_seconds` says
(``tests/test_zone_offsets.py`` holds every distinct zone to it, a span in ten from 1970 to 2199).
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from amends.dates.zones import offset_seconds

SPAN_BITS = 25
SPAN = 1 << SPAN_BITS
"""Seconds per table (about 388 days): a request reads one or two tables of each zone."""
_STEP = 6 * 86_400
"""Between two clock readings: under the shortest gap between two changes (6 days 23 hours:
America/Recife in October 2000, Asia/Gaza's predicted years from 2040)."""
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_ONE_SECOND = timedelta(seconds=1)
try:  # the pure-Python reading of a zone file (the C one keeps its transitions to itself)
    _COMMON: Any = importlib.import_module("zoneinfo._common")
    _TZPATH: Any = importlib.import_module("zoneinfo._tzpath")
    _PURE: Any = importlib.import_module("zoneinfo._zoneinfo")
except ImportError:  # pragma: no cover - every CPython ships them
    _COMMON = None


class ZoneData(NamedTuple):
    """What a zone file says about UTC offsets, in seconds, as ``zoneinfo`` reads it."""

    trans: tuple[int, ...]
    """The listed changes (UTC seconds), in order."""
    offsets: tuple[int, ...]
    """The offset from each listed change on."""
    before: int
    """The offset before the first listed change."""
    rule: Any
    """After the last listed change: the footer's yearly rule, or ``None`` when fixed."""
    after: int
    """After the last listed change when there is no rule."""


class Table(NamedTuple):
    """A zone's offsets over ``[start, start + SPAN)`` (seconds after 1970 UTC).

    ``offsets[0]`` holds from ``start``; ``offsets[i]`` from ``changes[i - 1]`` on.
    """

    start: int
    changes: tuple[int, ...]
    offsets: tuple[int, ...]

    def at(self, seconds: int) -> int:
        """The offset at ``seconds`` (within the table's span)."""
        return self.offsets[bisect_right(self.changes, seconds)]


def _seconds(delta: timedelta) -> int:
    return delta // _ONE_SECOND


@lru_cache(maxsize=1024)
def _zone_data(key: str) -> ZoneData | None:
    """The zone file found as ``ZoneInfo(key)`` finds it, read as its pure-Python reader
    reads it (``None`` if it cannot be: the clock is then read instead)."""
    if _COMMON is None:
        return None
    try:
        path = _TZPATH.find_tzfile(key)
        with open(path, "rb") if path is not None else _COMMON.load_tzdata(key) as handle:
            indices, trans, utcoff, isdst, _, footer = _COMMON.load_data(handle)
        offsets = tuple(utcoff[i] for i in indices)
        before = next((o for o, dst in zip(utcoff, isdst, strict=True) if not dst), None)
        after: Any = _PURE._parse_tz_str(footer.decode()) if footer else None
    except Exception:  # any failure means: read the clock instead
        return None
    if before is None:
        before = offsets[0] if offsets else 0
    rule = after if hasattr(after, "transitions") else None
    if after is not None and rule is None:
        fixed = _seconds(after.utcoff)
    else:
        fixed = offsets[-1] if offsets else (utcoff[-1] if utcoff else 0)
    return ZoneData(tuple(trans), offsets, before, rule, fixed)


def _year_start(year: int) -> int:
    return (date(year, 1, 1).toordinal() - _EPOCH_DAY) * 86_400


def _year_of(seconds: int) -> int:
    """The UTC year of ``seconds`` after 1970."""
    return date.fromordinal(_EPOCH_DAY + seconds // 86_400).year


def _rule(after: Any, year: int) -> tuple[int, int, int, int]:
    """The footer rule's DST start and end in UTC ``year`` (seconds) and its two offsets."""
    start, end = after.transitions(year)
    std, dst = _seconds(after.std.utcoff), _seconds(after.dst.utcoff)
    return start - std, end - dst, std, dst


def _data_offset(data: ZoneData, seconds: int, rules: dict[int, tuple[int, int, int, int]]) -> int:
    """The offset at ``seconds`` read from the zone file's data as ``zoneinfo.fromutc`` does
    (the rule of each UTC year kept in ``rules``)."""
    trans = data.trans
    if trans and seconds < trans[0]:
        return data.before
    if not trans or seconds > trans[-1]:
        if data.rule is not None:
            year = _year_of(seconds)
            if year not in rules:
                rules[year] = _rule(data.rule, year)
            start, end, std, dst = rules[year]
            in_dst = start <= seconds < end if start < end else not end <= seconds < start
            return dst if in_dst else std
        return data.after
    return data.offsets[bisect_right(trans, seconds) - 1]


def _candidates(
    data: ZoneData, low: int, high: int, rules: dict[int, tuple[int, int, int, int]]
) -> list[int]:
    """Every instant in ``(low, high)`` where the data can change the offset."""
    trans = data.trans
    found = set(trans[bisect_right(trans, low) : bisect_right(trans, high)])
    if trans:
        found.add(trans[-1] + 1)  # past the last listed change the yearly rule reads
    rule = data.rule is not None and (not trans or high > trans[-1])
    for year in range(_year_of(low), _year_of(high) + 1):
        found.add(_year_start(year))  # the rule is read per UTC year
        if rule:
            rules[year] = _rule(data.rule, year)
            found.update(rules[year][:2])
    return sorted(c for c in found if low < c < high)


def _from_data(tz: ZoneInfo, data: ZoneData, start: int) -> Table | None:
    """The table of ``[start, start + SPAN)`` from the zone's data, each change checked."""
    rules: dict[int, tuple[int, int, int, int]] = {}
    offset = _data_offset(data, start, rules)
    if offset != offset_seconds(tz, start):
        return None
    changes: list[int] = []
    offsets = [offset]
    for moment in _candidates(data, start, start + SPAN, rules):
        now = _data_offset(data, moment, rules)
        if now != offsets[-1]:
            if offset_seconds(tz, moment) != now or offset_seconds(tz, moment - 1) != offsets[-1]:
                return None
            changes.append(moment)
            offsets.append(now)
    return Table(start, tuple(changes), tuple(offsets))


def _by_readings(tz: ZoneInfo, start: int) -> Table:
    """The table of ``[start, start + SPAN)`` read on the clock six days apart, each change
    found to the second by bisection (no zone changes its offset twice within six days)."""
    changes: list[int] = []
    offsets = [offset_seconds(tz, start)]
    low, end = start, start + SPAN
    while low < end:
        high = min(low + _STEP, end)
        after = offset_seconds(tz, high) if high < end else offset_seconds(tz, end - 1)
        top = high if high < end else end - 1
        if after != offsets[-1]:
            lo, hi = low, top  # the old offset at lo, the new one at hi
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset_seconds(tz, mid) == offsets[-1]:
                    lo = mid
                else:
                    hi = mid
            changes.append(hi)
            offsets.append(after)
        low = high
    return Table(start, tuple(changes), tuple(offsets))


@lru_cache(maxsize=16_384)
def table(tz: ZoneInfo, index: int) -> Table:
    """``tz``'s offsets over span ``index`` (seconds ``index * SPAN`` to the next span)."""
    start = index * SPAN
    data = _zone_data(tz.key)
    built = _from_data(tz, data, start) if data is not None else None
    return built if built is not None else _by_readings(tz, start)


def offset_at(tz: ZoneInfo, seconds: int) -> int:
    """:func:`amends.dates.zones.offset_seconds`, read from the tables."""
    return table(tz, seconds >> SPAN_BITS).at(seconds)


def changes_between(tz: ZoneInfo, low: int, high: int) -> list[tuple[int, int, int]]:
    """Every change of ``tz``'s offset at an instant in ``(low, high]`` (seconds), in order:
    ``(instant, offset before, offset after)``, the instant being the first second showing
    the new offset."""
    index = low >> SPAN_BITS
    if index == high >> SPAN_BITS:  # one table (nearly always): no change, or its few
        found = table(tz, index)
        changes = found.changes
        first, last = bisect_right(changes, low), bisect_right(changes, high)
        if first == last:
            return []
        offsets = found.offsets
        return [(changes[i], offsets[i], offsets[i + 1]) for i in range(first, last)]
    out: list[tuple[int, int, int]] = []
    for index in range(low >> SPAN_BITS, (high >> SPAN_BITS) + 1):
        found = table(tz, index)
        first = bisect_right(found.changes, low)
        for i in range(first, bisect_right(found.changes, high)):
            out.append((found.changes[i], found.offsets[i], found.offsets[i + 1]))
    # A change at a table's first second shows as different offsets across the edge.
    for index in range((low >> SPAN_BITS) + 1, (high >> SPAN_BITS) + 1):
        edge = index * SPAN
        before, after = table(tz, index - 1).offsets[-1], table(tz, index).offsets[0]
        if before != after and low < edge <= high:
            out.append((edge, before, after))
    return sorted(out) if len(out) > 1 else out
