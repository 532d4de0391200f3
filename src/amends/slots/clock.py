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
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from amends.dates.calendar import Hours
from amends.dates.zone_offsets import changes_between, offset_at
from amends.dates.zones import gap_or_fold

Interval = tuple[datetime, datetime]
"""A half-open span of time ``[start, end)`` of aware datetimes."""
Span = tuple[int, int]
"""A half-open span of instants ``[start, end)`` in whole microseconds since 1970 UTC: the
finder's own form (exact, as datetimes are to the microsecond, and integer arithmetic)."""
MICRO = 1_000_000  # microseconds a second
DAY_US = 86_400 * MICRO


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


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def micros(moment: datetime) -> int:
    """An aware instant as whole microseconds since 1970 UTC."""
    return (moment - _EPOCH) // _MICROSECOND


def instant(us: int) -> datetime:
    """Whole microseconds since 1970 as the UTC datetime they are (:func:`micros` undone)."""
    return _EPOCH + timedelta(0, 0, us)


_EPOCH_DAY = date(1970, 1, 1).toordinal()
_DAY = 86_400
WEEK = 7 * _DAY
_CLEAR = 2 * _DAY  # how far a wall time must be from an offset change to skip the exact path


def _week_start(tz: ZoneInfo, week: int) -> int:
    """``tz``'s UTC offset at the start of UTC week ``week``."""
    return offset_at(tz, week * WEEK)


def week_offsets(tz: ZoneInfo, week: int) -> tuple[int, int, int] | None:
    """``(instant, offset before, offset after)`` of the change of ``tz``'s UTC offset in
    UTC week ``week`` after 1970 (seconds), or ``None`` when the offset is the same all week.

    Read from the zone's tables of changes (:mod:`amends.dates.zone_offsets`), kept for
    the process: no zone changes its offset twice within a week (a test holds tzdata to
    that), so a week holds at most one change, the first second showing the new offset.
    """
    found = changes_between(tz, week * WEEK, (week + 1) * WEEK)
    return found[0] if found else None


def _plain_offset(tz: ZoneInfo, local: int) -> int | None:
    """The UTC offset of wall time ``local`` (seconds after 1970 on ``tz``'s clock) when no
    offset change is within two days of it; ``None`` near a change (read it exactly)."""
    week = local // WEEK
    offset: int | None = None
    # The changes of the week before, this week and the next (offsets are within a day of UTC).
    for at, before, after in changes_between(tz, (week - 1) * WEEK, (week + 2) * WEEK):
        wall = at + before  # the wall time the clocks leave
        if abs(local - wall) < _CLEAR:
            return None
        if local < wall:
            return before if offset is None else offset
        offset = after
    return _week_start(tz, week) if offset is None else offset


def wall_instant(day: date, minute: int, tz: ZoneInfo, *, as_start: bool) -> datetime:
    """The UTC instant where the wall time ``minute`` of ``day`` begins (or ends) a window.

    In a gap both sides are the jump itself; in a fold a window start takes the
    second pass and a window end the first, so no instant inside the window
    shows a wall time outside it. Away from any change of the zone's offset (almost
    every day) the instant is the wall time minus the offset, integer arithmetic.
    """
    local = (day.toordinal() - _EPOCH_DAY) * _DAY + minute * 60
    offset = _plain_offset(tz, local)
    if offset is not None:
        return _EPOCH + timedelta(seconds=local - offset)
    return exact_wall_instant(day, minute, tz, as_start=as_start)


def exact_wall_instant(day: date, minute: int, tz: ZoneInfo, *, as_start: bool) -> datetime:
    """:func:`wall_instant` read on the zone's clock with ``zoneinfo``: any day, any zone."""
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


def _steady_offset(tz: ZoneInfo, low: int, high: int) -> int | None:
    """``tz``'s one UTC offset for every wall time from ``low`` to ``high`` (seconds after
    1970 on its clock) when no offset change is within two days of them, else ``None``."""
    first, last = (low - _CLEAR) // WEEK - 1, (high + _CLEAR) // WEEK + 1
    # No change in any of those weeks: the offset at their start holds throughout.
    if changes_between(tz, first * WEEK, (last + 1) * WEEK):
        return None
    return offset_at(tz, first * WEEK)


_ONE_DAY = timedelta(days=1)


def day_windows(first: date, last: date, hours: Hours, tz: ZoneInfo) -> list[Interval | None]:
    """:func:`day_window` of every date from ``first`` to ``last``, in order."""
    return [
        None if w is None else (instant(w[0]), instant(w[1]))
        for w in day_spans(first, last, hours, tz)
    ]


def day_spans(first: date, last: date, hours: Hours, tz: ZoneInfo) -> list[Span | None]:
    """:func:`day_window` of every date from ``first`` to ``last``, in order, as spans.

    Over days where the zone's offset does not change (almost always) one offset
    serves them all and each window is the previous one a day later: no clock is
    read per day. Otherwise each day is read on its own.
    """
    count = last.toordinal() - first.toordinal() + 1
    if count <= 0:
        return []
    base = (first.toordinal() - _EPOCH_DAY) * _DAY
    start = hours.start * 60
    end = hours.end * 60 + (_DAY if hours.overnight else 0)
    offset = _steady_offset(tz, base + start, base + (count - 1) * _DAY + end)
    if offset is None:
        out: list[Span | None] = []
        for n in range(count):
            window = day_window(first + timedelta(days=n), hours, tz)
            out.append(None if window is None else (micros(window[0]), micros(window[1])))
        return out
    if end <= start:
        return [None] * count
    opens = (base + start - offset) * MICRO
    closes = (base + end - offset) * MICRO
    return [(opens + n * DAY_US, closes + n * DAY_US) for n in range(count)]


def spans_over(low: int, high: int, hours: Hours, tz: ZoneInfo) -> tuple[Span, ...]:
    """All instances of the daily ``hours`` in ``tz`` that overlap ``[low, high)`` (spans)."""
    first = instant(low).astimezone(tz).date() - _ONE_DAY
    last = instant(high).astimezone(tz).date()
    return tuple(w for w in _spans_between(first, last, hours, tz) if w[0] < high and w[1] > low)


@lru_cache(maxsize=4096)
def _spans_between(first: date, last: date, hours: Hours, tz: ZoneInfo) -> tuple[Span, ...]:
    """:func:`day_spans` of every date from ``first`` to ``last`` that has one, in order.

    Pure: a search reads the same run of the candidate's days more than once
    (the day plan, the near misses), and so do requests about the same weeks.
    """
    return tuple(w for w in day_spans(first, last, hours, tz) if w)


class Offsets:
    """A zone's UTC offsets over the instants of one search, as a small table of changes.

    Built once per search from the zone's tables of changes (:func:`changes_between`): the
    offset at the start of the first week and every change up to the end of the
    last, in microseconds. Reading an instant's offset is then a bisection over
    (almost always no) changes, never a clock: the same offset ``astimezone`` gives.
    """

    def __init__(self, tz: ZoneInfo, low: int, high: int) -> None:
        first, last = low // MICRO // WEEK, high // MICRO // WEEK
        self.first = _week_start(tz, first) * MICRO
        found = changes_between(tz, first * WEEK, (last + 1) * WEEK)
        self.changes: list[int] = [change[0] * MICRO for change in found]
        self.after: list[int] = [change[2] * MICRO for change in found]

    def at(self, moment: int) -> int:
        """The offset (microseconds) at ``moment``, an instant within the table's weeks."""
        if not self.changes:
            return self.first
        i = bisect_right(self.changes, moment)
        return self.after[i - 1] if i else self.first


@lru_cache(maxsize=4096)
def _windows_between(first: date, last: date, hours: Hours, tz: ZoneInfo) -> tuple[Interval, ...]:
    """:func:`day_window` of every date from ``first`` to ``last`` that has one, in order."""
    return tuple((instant(s), instant(e)) for s, e in _spans_between(first, last, hours, tz))


_T = TypeVar("_T", datetime, int)


def normalise(spans: Iterable[tuple[_T, _T]]) -> list[tuple[_T, _T]]:
    """Sort and merge overlapping or touching spans (of datetimes or of microseconds)."""
    merged: list[tuple[_T, _T]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def intersect(a: Iterable[tuple[_T, _T]], b: Iterable[tuple[_T, _T]]) -> list[tuple[_T, _T]]:
    """The spans covered by both ``a`` and ``b``."""
    left, right = normalise(a), normalise(b)
    out: list[tuple[_T, _T]] = []
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


class Spans(Generic[_T]):
    """Normalised spans (sorted, disjoint) searched by bisection.

    A search intersects every day with the same spans (the candidate's hours,
    busy times: thousands of them from a large calendar), so they are sorted
    and merged once and each day reads only the few that reach it.
    """

    def __init__(self, spans: Iterable[tuple[_T, _T]]) -> None:
        self.spans: list[tuple[_T, _T]] = normalise(spans)
        self.ends: list[_T] = [end for _, end in self.spans]

    def within(self, window: tuple[_T, _T]) -> list[tuple[_T, _T]]:
        """``intersect([window], spans)``: the parts of the spans inside ``window``."""
        out: list[tuple[_T, _T]] = []
        spans = self.spans
        for i in range(bisect_right(self.ends, window[0]), len(spans)):
            start, end = spans[i]
            if start >= window[1]:
                break
            out.append((max(start, window[0]), min(end, window[1])))
        return out

    def cut(self, spans: Iterable[tuple[_T, _T]]) -> list[tuple[_T, _T]]:
        """``subtract(spans, self.spans)``: ``spans`` with every part covered here removed."""
        out: list[tuple[_T, _T]] = []
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


def subtract(spans: Iterable[tuple[_T, _T]], holes: Iterable[tuple[_T, _T]]) -> list[tuple[_T, _T]]:
    """``spans`` with every part covered by ``holes`` removed."""
    return Spans(holes).cut(spans)
