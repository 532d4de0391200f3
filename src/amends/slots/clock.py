"""Wall-clock windows turned into exact instants, safe across DST gaps and folds.

The finder never adds hours to a local time. It turns each day's window
(``09:00-17:00`` on a given date in a given zone) into a pair of UTC instants
such that every instant in between shows a wall time inside the window on that
zone's own clock, then works with instants only. Gaps (clocks jump forward,
by 30 minutes on Lord Howe Island, two hours at Troll, a whole day in Samoa
in 2011) and folds (clocks go back, including Dublin's "negative" winter time)
are resolved conservatively: a window never starts in the first pass of a fold
that is about to repeat, and never ends after the first pass of its end time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from amends.dates.calendar import Hours
from amends.dates.zones import gap_or_fold

Interval = tuple[datetime, datetime]
"""A half-open span of time ``[start, end)`` of aware datetimes (UTC in the finder)."""


def _transition_in_gap(naive: datetime, tz: ZoneInfo) -> datetime:
    """The instant the clocks jump over ``naive`` (first instant showing a later time)."""
    one = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    two = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    low, high = min(one, two), max(one, two)
    after = high.astimezone(tz).utcoffset()
    # Binary search on whole seconds: offsets change on second boundaries.
    lo, hi = 0, int((high - low).total_seconds())
    while lo < hi:
        mid = (lo + hi) // 2
        if (low + timedelta(seconds=mid)).astimezone(tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid + 1
    return low + timedelta(seconds=lo)


def wall_instant(day: date, minute: int, tz: ZoneInfo, *, as_start: bool) -> datetime:
    """The UTC instant where the wall time ``minute`` of ``day`` begins (or ends) a window.

    In a gap both sides are the jump itself; in a fold a window start takes the
    second pass and a window end the first, so no instant inside the window
    shows a wall time outside it.
    """
    naive = datetime.combine(day, time()) + timedelta(minutes=minute)
    plain = naive.replace(tzinfo=tz)
    if plain.utcoffset() == naive.replace(tzinfo=tz, fold=1).utcoffset():
        return plain.astimezone(UTC)  # the common case: neither a gap nor a fold
    kind = gap_or_fold(naive, tz)
    if kind == "gap":
        return _transition_in_gap(naive, tz)
    fold = 1 if kind == "fold" and as_start else 0
    return naive.replace(tzinfo=tz, fold=fold).astimezone(UTC)


@lru_cache(maxsize=8192)
def day_window(day: date, hours: Hours, tz: ZoneInfo) -> Interval | None:
    """``hours`` on ``day`` in ``tz`` as instants; ``None`` when the clocks skip it all.

    Pure, and asked for the same days several times per search (the business
    days, the notice, each day's plan), so results are memoised.
    """
    end_day = day + timedelta(days=1) if hours.overnight else day
    start = wall_instant(day, hours.start, tz, as_start=True)
    end = wall_instant(end_day, hours.end, tz, as_start=False)
    return (start, end) if end > start else None


def windows_over(span: Interval, hours: Hours, tz: ZoneInfo) -> list[Interval]:
    """All instances of the daily ``hours`` in ``tz`` that overlap ``span``."""
    first = span[0].astimezone(tz).date() - timedelta(days=1)
    last = span[1].astimezone(tz).date()
    low, high = span
    return [w for w in _windows_between(first, last, hours, tz) if w[0] < high and w[1] > low]


@lru_cache(maxsize=4096)
def _windows_between(first: date, last: date, hours: Hours, tz: ZoneInfo) -> tuple[Interval, ...]:
    """:func:`day_window` of every date from ``first`` to ``last`` that has one, in order.

    Pure: a search reads the same run of the candidate's days more than once
    (the day plan, the near misses), and so do requests about the same weeks.
    """
    found = []
    day = first
    while day <= last:
        window = day_window(day, hours, tz)
        if window:
            found.append(window)
        day += timedelta(days=1)
    return tuple(found)


def normalise(spans: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or touching spans."""
    merged: list[Interval] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def intersect(a: Iterable[Interval], b: Iterable[Interval]) -> list[Interval]:
    """The spans covered by both ``a`` and ``b``."""
    left, right = normalise(a), normalise(b)
    out: list[Interval] = []
    i = j = 0
    while i < len(left) and j < len(right):
        start = max(left[i][0], right[j][0])
        end = min(left[i][1], right[j][1])
        if start < end:
            out.append((start, end))
        if left[i][1] < right[j][1]:
            i += 1
        else:
            j += 1
    return out


class Spans:
    """Normalised spans (sorted, disjoint) searched by bisection.

    A search intersects every day with the same spans (the candidate's hours,
    busy times: thousands of them from a large calendar), so they are sorted
    and merged once and each day reads only the few that reach it.
    """

    def __init__(self, spans: Iterable[Interval]) -> None:
        self.spans = normalise(spans)
        self.ends = [end for _, end in self.spans]

    def within(self, window: Interval) -> list[Interval]:
        """``intersect([window], spans)``: the parts of the spans inside ``window``."""
        out: list[Interval] = []
        spans = self.spans
        for i in range(bisect_right(self.ends, window[0]), len(spans)):
            start, end = spans[i]
            if start >= window[1]:
                break
            out.append((max(start, window[0]), min(end, window[1])))
        return out

    def cut(self, spans: Iterable[Interval]) -> list[Interval]:
        """``subtract(spans, self.spans)``: ``spans`` with every part covered here removed."""
        out: list[Interval] = []
        cuts = self.spans
        for start, end in normalise(spans):
            cursor = start
            for i in range(bisect_right(self.ends, cursor), len(cuts)):
                h_start, h_end = cuts[i]
                if h_start >= end:
                    break
                if h_start > cursor:
                    out.append((cursor, h_start))
                cursor = max(cursor, h_end)
                if cursor >= end:
                    break
            if cursor < end:
                out.append((cursor, end))
        return out


def subtract(spans: Iterable[Interval], holes: Iterable[Interval]) -> list[Interval]:
    """``spans`` with every part covered by ``holes`` removed."""
    return Spans(holes).cut(spans)
