"""The search: business days, both parties' hours, busy times, then a good pick.

Everything is computed on instants, as whole microseconds since 1970 UTC (integer
arithmetic; datetimes are made only for what is returned). Each business day of
the interviewer's country gives one window of their hours (see
:mod:`amends.slots.clock` for DST), intersected with every instance of the
candidate's hours on the candidate's own clock, minus busy times and anything
before the earliest allowed moment. Start times are whole quarter hours on the
interviewer's clock. From what is left the
picker prefers different days, a mix of mornings and afternoons, and round
times near 10:00 and 14:00 for the interviewer.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from amends.dates.calendar import Hours, calendar_for
from amends.dates.country import Country
from amends.dates.slot import Slot
from amends.slots import explain
from amends.slots.clock import (
    DAY_US,
    MICRO,
    Offsets,
    Span,
    Spans,
    day_spans,
    instant,
    micros,
    spans_over,
)
from amends.slots.offer import NearMiss, Side, SlotResult
from amends.slots.query import Prepared, SlotRequest
from amends.slots.starts import (
    MINUTES_PER_DAY,
    SCORES,
    STEP,
    Candidate,
    best_by_half,
    candidate,
    runs,
)
from amends.slots.windows import build_windows

MIN_GAP = 30 * 60 * MICRO
MAX_CALENDAR_DAYS = 400
NEAR_MISS_REACH = 2 * DAY_US  # how far around a near miss the candidate's hours are read
_NOTICE_UNIT = timedelta(microseconds=1)


class Day(NamedTuple):
    """One business day of the search and what is left of it after each rule.

    A named tuple: a search makes one per business day, and reads them only. Its
    spans are instants in microseconds (:data:`amends.slots.clock.Span`).
    """

    day: date
    window: Span
    shared: tuple[Span, ...]
    open: tuple[Span, ...]
    free: tuple[Span, ...]


def _earliest(p: Prepared) -> int:
    req = p.request
    now = micros(req.now)
    if req.min_notice is not None:
        return now + req.min_notice // _NOTICE_UNIT
    first = req.now.astimezone(p.their_tz).date() + timedelta(days=1)
    found = _open_days(p.their_tz, p.country, p.hours, first, 1)
    return found[0][1][0] if found else now + DAY_US


def earliest_start(p: Prepared) -> datetime:
    """The first allowed instant: ``now + min_notice``, or the next working morning."""
    return instant(_earliest(p))


def business_days(p: Prepared, earliest: datetime) -> list[date]:
    """The next ``days`` working days whose hours end after ``earliest``."""
    return [day for day, _ in _business_windows(p, micros(earliest))]


def _business_windows(p: Prepared, earliest: int) -> list[tuple[date, Span]]:
    """:func:`business_days` after ``earliest`` (microseconds), each with its window."""
    first = instant(earliest).astimezone(p.their_tz).date()
    # Windows follow one another, so only the first day's can end before ``earliest``.
    days = _open_days(p.their_tz, p.country, p.hours, first, p.request.days + 1)
    return [(day, window) for day, window in days if window[1] > earliest][: p.request.days]


def opening(p: Prepared) -> tuple[int, list[tuple[date, Span]]]:
    """The earliest start and the search days with the interviewer's windows, from one scan.

    By default the earliest start opens the first business day after today, and the
    search days are the business days from that one on, so the scan that finds it
    finds them too (any other case reads them as :func:`business_days` does).
    Instants in microseconds.
    """
    req = p.request
    if req.min_notice is None:
        first = req.now.astimezone(p.their_tz).date() + timedelta(days=1)
        found = _open_days(p.their_tz, p.country, p.hours, first, req.days + 1)
        if len(found) == req.days + 1:
            earliest = found[0][1][0]
            # Days before the first found one have no window: scanning from it finds
            # the same days, unless the clocks put its window's start on another date.
            if instant(earliest).astimezone(p.their_tz).date() == found[0][0]:
                return earliest, [(d, w) for d, w in found if w[1] > earliest][: req.days]
    earliest = _earliest(p)
    return earliest, _business_windows(p, earliest)


@lru_cache(maxsize=4096)
def _open_days(
    tz: ZoneInfo, country: Country | None, hours: Hours, first: date, count: int
) -> tuple[tuple[date, Span], ...]:
    """The first ``count`` business days from ``first`` (within the scan bound) that have
    a window of ``hours``, with it.

    Pure (the calendar of ``tz`` and ``country`` is fixed for the process), and asked
    again by every request about the same days of the same country.
    """
    calendar = calendar_for(tz.key, country)
    found: list[tuple[date, Span]] = []
    scanned = 0
    while scanned < MAX_CALENDAR_DAYS and len(found) < count:
        # A chunk of days at a time: the windows of a run of days cost about one day's.
        size = min(MAX_CALENDAR_DAYS - scanned, (count - len(found)) * 7 // 5 + 4)
        start = first + timedelta(days=scanned)
        windows = day_spans(start, start + timedelta(days=size - 1), hours, tz)
        # Days as ordinals against each year's set of closed days: no date per day.
        base, year = start.toordinal(), start.year
        closed, next_year = calendar.closed_ordinals(year), date(year + 1, 1, 1).toordinal()
        for n, window in enumerate(windows):
            if window is None:
                continue
            ordinal = base + n
            while ordinal >= next_year:
                year += 1
                closed, next_year = calendar.closed_ordinals(year), date(year + 1, 1, 1).toordinal()
            if ordinal not in closed:
                found.append((date.fromordinal(ordinal), window))
                if len(found) == count:
                    break
        scanned += size
    return tuple(found)


def _busy_spans(p: Prepared, span: Span) -> list[Span]:
    spans = [(micros(s), micros(e)) for s, e in p.busy]
    if p.request.calendars:
        reach = (instant(span[0]), instant(span[1]))
        for calendar in p.request.calendars:
            spans.extend((micros(s), micros(e)) for s, e in calendar.intervals(reach, p.my_tz))
    return spans


def _span(real: list[Span], earliest: int) -> Span:
    return (min(w[0] for w in real), max(w[1] for w in real)) if real else (earliest, earliest)


def plan_days(
    p: Prepared, opened: list[tuple[date, Span]], busy: list[Span], earliest: int
) -> list[Day]:
    """Apply the candidate's hours, the earliest start and ``busy`` times to each day
    of ``opened`` (the search days with the interviewer's windows, from :func:`opening`)."""
    span = _span([w for _, w in opened], earliest)
    too_soon = Spans([(span[0] - DAY_US, earliest)])
    # The candidate's hours over the whole search, and the busy times, sorted once:
    # each day then reads the few that reach it.
    mine = Spans(spans_over(span[0], span[1], p.my_hours, p.my_tz) if opened else ())
    busy_spans = Spans(busy)
    out = []
    for d, window in opened:
        shared = tuple(mine.within(window))
        # ``within`` and ``cut`` give sorted, disjoint spans, which a cut that removes
        # nothing returns unchanged: only the first day meets the notice, few meet busy times.
        kept = tuple(too_soon.cut(shared)) if shared and shared[0][0] < earliest else shared
        free = tuple(busy_spans.cut(kept)) if busy_spans.spans and kept else kept
        out.append(Day(d, window, shared, kept, free))
    return out


def _apart(a: Candidate, b: Candidate) -> bool:
    return a.end + MIN_GAP <= b.start or b.end + MIN_GAP <= a.start


def _mix(
    chosen: list[Candidate], best: dict[tuple[int, bool], Candidate], later: list[int]
) -> None:
    """When every pick is on the same half of the day, swap one for the other half."""
    if len(chosen) < 2 or len({c.morning for c in chosen}) > 1:
        return
    other = not chosen[0].morning
    for i in range(len(chosen) - 1, -1, -1):
        if (chosen[i].day, other) in best:
            chosen[i] = best[(chosen[i].day, other)]
            return
    for day in later:
        if (day, other) in best:
            chosen[-1] = best[(day, other)]
            return


def choose(found: list[Candidate], count: int) -> list[Candidate]:
    """Pick ``count`` starts: different days first, mornings and afternoons mixed."""
    best: dict[tuple[int, bool], Candidate] = {}
    for c in found:
        key = (c.day, c.morning)
        if key not in best or c.score < best[key].score:
            best[key] = c
    return _choose(best, lambda: _by_day_and_score(found), count)


def _by_day_and_score(found: Iterable[Candidate]) -> list[Candidate]:
    return sorted(found, key=lambda c: (c.day, SCORES[c.minute]))


def _choose(
    best: dict[tuple[int, bool], Candidate],
    every: Callable[[], Iterable[Candidate]],
    count: int,
) -> list[Candidate]:
    """:func:`choose` from the best start of each half day; ``every`` start only if short."""
    days = sorted({day for day, _ in best})
    chosen: list[Candidate] = []
    want_morning = True
    for day in days[:count]:
        pick = best.get((day, want_morning)) or best[(day, not want_morning)]
        chosen.append(pick)
        want_morning = not pick.morning
    _mix(chosen, best, days[count:])
    # Then the best of each half day, then every start, by day and score.
    _fill(chosen, _by_day_and_score(best.values()), count)
    if len(chosen) < count:
        _fill(chosen, every(), count)
    return sorted(chosen, key=lambda c: c.start)


def _fill(chosen: list[Candidate], more: Iterable[Candidate], count: int) -> None:
    """Add starts from ``more`` (already by day, then score) clear of those chosen, up to
    ``count``."""
    for c in more:
        if len(chosen) >= count:
            return
        if all(_apart(c, other) for other in chosen):
            chosen.append(c)


def _slot(p: Prepared, c: Candidate) -> Slot:
    return Slot(
        start=instant(c.start).astimezone(p.their_tz),
        end=instant(c.end).astimezone(p.their_tz),
        interviewer_tz=p.their_tz.key,
        candidate_tz=p.my_tz.key,
    )


_REACH = NEAR_MISS_REACH
_NO_WINDOW = DAY_US  # the miss when no window is in reach


class _MyWindows:
    """Every instance of the candidate's hours around the search, computed once per request.

    A near miss is measured against the candidate's windows within two days of
    it; looking them up here instead of recomputing them for each start time
    gives the same windows, in the same order. Instants are kept as integer
    microseconds, so measuring hundreds of start times costs no datetime arithmetic.
    """

    def __init__(self, p: Prepared, spans: list[tuple[Span, ...]]) -> None:
        real = [s for day in spans for s in day]
        windows: tuple[Span, ...] = ()
        if real:
            low = min(s[0] for s in real) - NEAR_MISS_REACH
            high = max(s[1] for s in real) + NEAR_MISS_REACH
            windows = spans_over(low, high, p.my_hours, p.my_tz)
        self.starts = [w[0] for w in windows]
        self.ends = [w[1] for w in windows]
        self.longest = max((e - s for s, e in zip(self.starts, self.ends, strict=True)), default=0)
        self.ordered = self.starts == sorted(self.starts)
        self.disjoint = self.ordered and all(
            e <= s for e, s in zip(self.ends, self.starts[1:], strict=False)
        )

    def miss(self, start: int, end: int) -> tuple[int, Side]:
        """How far ``[start, end)`` leaves the nearest window within reach, and on which side.

        The windows within reach are those overlapping two days either side; one
        pass over them: the smallest overshoot is the miss and its (first) window
        the nearest, as the nearest-window rule has always said.
        """
        low, high = start - _REACH, end + _REACH
        first, last = 0, len(self.starts)
        if self.ordered:  # always, unless a zone skips whole days; then read them all
            first = bisect_left(self.starts, low - self.longest)
            last = bisect_left(self.starts, high)
        best = -1
        nearest = 0
        for i in range(first, last):
            w_end = self.ends[i]
            if w_end <= low:
                continue
            w_start = self.starts[i]
            miss = (w_start - start if w_start > start else 0) + (end - w_end if end > w_end else 0)
            if best < 0 or miss < best:
                best, nearest = miss, w_start
        if best < 0:
            return _NO_WINDOW, "after"
        return best, ("before" if nearest > start else "after")

    def least_in_run(
        self, first: int, count: int, step: int, length: int
    ) -> tuple[int, int, Side] | None:
        """The first of ``count`` starts ``step`` apart from ``first`` with the smallest
        positive miss: ``(miss, k, side)``, or ``None`` when every one fits.

        The same as :meth:`miss` on each start in turn. When the windows follow one
        another without overlapping (always, in practice) only the last window ending
        before a start, those overlapping the interview and the first one after it can
        be nearest (any other is strictly further), and the first of them only moves
        forward from one start to the next, so it is carried along, not bisected again.
        """
        if not self.disjoint:
            found: tuple[int, int, Side] | None = None
            for k in range(count):
                start = first + k * step
                miss, side = self.miss(start, start + length)
                if miss > 0 and (found is None or miss < found[0]):
                    found = (miss, k, side)
            return found
        starts, ends = self.starts, self.ends
        size = len(starts)
        start = first
        before = bisect_right(ends, start)  # windows ending at or before the start
        reached = bisect_right(ends, start - _REACH)  # ... and those out of reach
        least, least_k = -1, 0
        least_side: Side = "after"
        k = 0
        while k < count:
            start = first + k * step
            end = start + length
            while before < size and ends[before] <= start:
                before += 1
            while reached < size and ends[reached] <= start - _REACH:
                reached += 1
            i = max(before - 1, reached)
            high = end + _REACH
            best = -1
            nearest = 0
            while i < size:
                w_start = starts[i]
                if w_start >= high:
                    break
                w_end = ends[i]
                miss = (w_start - start if w_start > start else 0) + (
                    end - w_end if end > w_end else 0
                )
                if best < 0 or miss < best:
                    best, nearest = miss, w_start
                if w_start >= end:
                    break
                i += 1
            if best < 0:
                best, nearest = _NO_WINDOW, start
            if best > 0 and (least < 0 or best < least):
                least, least_k = best, k
                least_side = "before" if nearest > start else "after"
            # The miss changes by at most ``step`` from one start to the next (each window's
            # miss is 1-Lipschitz in the start), except where a window leaves or enters
            # reach: leaving can only raise it or drop it to ``_NO_WINDOW``, entering only
            # to more than ``_NO_WINDOW``. So the next ``skip`` starts miss by at least
            # ``least``: none can be strictly nearer, and the first nearest is kept.
            skip = (min(best, _NO_WINDOW) - least) // step if least > 0 else 0
            k += 1 + max(skip, 0)
        return None if least < 0 else (least, least_k, least_side)


def near_misses(
    p: Prepared,
    busy_free: list[tuple[Span, ...]],
    used: set[int],
    wanted: int,
    offsets: Offsets,
) -> list[NearMiss]:
    """The times closest to the candidate's hours, keeping every interviewer rule."""
    mine = _MyWindows(p, [spans for i, spans in enumerate(busy_free) if i not in used])
    best_per_day: dict[int, tuple[int, Candidate, Side]] = {}
    for index, spans in enumerate(busy_free):
        if index in used:
            continue
        least, where = 0, None
        for run in runs(p, spans, offsets):
            found = mine.least_in_run(run[0], run[2], STEP, p.length)
            if found is not None and (where is None or found[0] < least):
                least, where = found[0], (run, found[1], found[2])
        if where is not None:
            best_per_day[index] = (least, candidate(p, index, where[0], where[1]), where[2])
    ranked = sorted(best_per_day.items(), key=lambda item: (item[1][0], item[0]))[:wanted]
    return [
        NearMiss(_slot(p, c), miss // 60_000_000, side)
        for _, (miss, c, side) in sorted(ranked, key=lambda item: item[0])
    ]


def _relaxed(days: list[Day], busy: list[Span], earliest: int) -> list[tuple[Span, ...]]:
    """Each day's interviewer window minus busy times and the notice, ignoring my hours."""
    if not days:
        return []
    holes = Spans([*busy, (min(d.window[0] for d in days) - DAY_US, earliest)])
    return [tuple(holes.cut([d.window])) for d in days]


def _every(p: Prepared, days: list[Day], offsets: Offsets) -> Iterator[Candidate]:
    """Every start of the search by day, then score (time order among equals), as
    :func:`_by_day_and_score` orders the candidates: plain tuples sorted, candidates
    made only for the starts the picker reads."""
    rows: list[tuple[int, int, int, int]] = []
    for index, d in enumerate(days):
        for first, minute, count in runs(p, d.free, offsets):
            for k in range(count):
                wall = (minute + 15 * k) % MINUTES_PER_DAY
                rows.append((index, SCORES[wall], first + k * STEP, wall))
    rows.sort()
    length = p.length
    for index, _, start, wall in rows:
        yield Candidate(index, start, start + length, wall)


def find_slots(req: SlotRequest) -> SlotResult:
    """Propose up to ``req.count`` times (or windows) that keep every rule, and explain gaps."""
    p = req.prepared()
    earliest, opened = opening(p)
    dates = [day for day, _ in opened]
    span = _span([w for _, w in opened], earliest)
    busy = _busy_spans(p, span) if p.busy or req.calendars else []  # calendars expanded once
    days = plan_days(p, opened, busy, earliest)
    offsets = Offsets(p.their_tz, span[0], span[1])  # every start is read within the span
    if req.windows:
        windows = build_windows(p, dates, [d.free for d in days])
        picked: list[Candidate] = []
    else:
        windows = []
        best = best_by_half(p, [d.free for d in days], offsets)
        picked = _choose(best, lambda: _every(p, days, offsets), req.count)
    misses: list[NearMiss] = []
    if not req.windows and len(picked) < req.count:
        used = {c.day for c in picked}
        relaxed = _relaxed(days, busy, earliest)
        misses = near_misses(p, relaxed, used, req.count - len(picked), offsets)
    slots = tuple(_slot(p, c) for c in picked)
    return SlotResult(
        slots=slots,
        requested=req.count,
        business_days=tuple(dates),
        country=p.country.label if p.country else None,
        windows=tuple(windows),
        near_misses=tuple(misses),
        wording=lambda: (
            explain.explanation(p, days, len(slots) or len(windows), misses),
            tuple(explain.notes(p, dates, instant(earliest))),
        ),
    )
