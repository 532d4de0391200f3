"""The slot finder as it was before issue 18, kept only as the reference for equality tests.

``tests/test_slots_equality.py`` runs it and the current finder on a few hundred
random requests and requires identical output; ``bench/bench_slots.py`` prints
both speeds. Not part of the package: nothing under ``src/`` may import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import Hours
from amends.dates.slot import Slot
from amends.dates.zones import gap_or_fold
from amends.slots import explain, finder
from amends.slots.clock import Interval, Span, intersect, micros, subtract
from amends.slots.offer import NearMiss, Side, SlotResult
from amends.slots.query import Prepared, SlotRequest, prepare
from amends.slots.windows import build_windows


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
    kind = gap_or_fold(naive, tz)
    if kind == "gap":
        return _transition_in_gap(naive, tz)
    fold = 1 if kind == "fold" and as_start else 0
    return naive.replace(tzinfo=tz, fold=fold).astimezone(UTC)


def day_window(day: date, hours: Hours, tz: ZoneInfo) -> Interval | None:
    """``hours`` on ``day`` in ``tz`` as instants; ``None`` when the clocks skip it all."""
    end_day = day + timedelta(days=1) if hours.overnight else day
    start = wall_instant(day, hours.start, tz, as_start=True)
    end = wall_instant(end_day, hours.end, tz, as_start=False)
    return (start, end) if end > start else None


def local_dates(span: Interval, tz: ZoneInfo, before: int = 1) -> Iterator[date]:
    """Every local date in ``tz`` that ``span`` touches, plus ``before`` days earlier."""
    first = span[0].astimezone(tz).date() - timedelta(days=before)
    last = span[1].astimezone(tz).date()
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def windows_over(span: Interval, hours: Hours, tz: ZoneInfo) -> list[Interval]:
    """All instances of the daily ``hours`` in ``tz`` that overlap ``span``."""
    found = []
    for day in local_dates(span, tz):
        window = day_window(day, hours, tz)
        if window and window[0] < span[1] and window[1] > span[0]:
            found.append(window)
    return found


STEP = timedelta(minutes=15)
NOON = 12 * 60
TARGET = {True: 10 * 60, False: 14 * 60}  # morning / afternoon, interviewer's clock
MIN_GAP = timedelta(minutes=30)
MAX_CALENDAR_DAYS = 400


def distance_outside(span: Interval, windows: Iterable[Interval]) -> timedelta:
    """How far ``span`` sticks out of the nearest single window (zero when inside one)."""
    best: timedelta | None = None
    for w_start, w_end in windows:
        miss = max(timedelta(0), w_start - span[0]) + max(timedelta(0), span[1] - w_end)
        if best is None or miss < best:
            best = miss
    return best if best is not None else timedelta(days=1)


@dataclass(frozen=True)
class Day:
    """One business day of the search and what is left of it after each rule."""

    day: date
    window: Interval | None
    shared: tuple[Interval, ...]
    open: tuple[Interval, ...]
    free: tuple[Interval, ...]


@dataclass(frozen=True)
class Candidate:
    """A possible start time, scored by how pleasant it is for the interviewer."""

    day: int
    start: datetime
    end: datetime
    minute: int

    @property
    def morning(self) -> bool:
        """Starts before noon on the interviewer's clock."""
        return self.minute < NOON

    @property
    def score(self) -> int:
        """Lower is better: near 10:00 or 14:00, on the hour, then half hour."""
        roundness = {0: 0, 30: 20}.get(self.minute % 60, 45)
        return abs(self.minute - TARGET[self.morning]) + roundness


def earliest_start(p: Prepared) -> datetime:
    """The first allowed instant: ``now + min_notice``, or the next working morning."""
    req = p.request
    now = req.now.astimezone(UTC)
    if req.min_notice is not None:
        return now + req.min_notice
    day = now.astimezone(p.their_tz).date() + timedelta(days=1)
    for _ in range(MAX_CALENDAR_DAYS):
        if p.calendar.is_business_day(day):
            window = day_window(day, p.hours, p.their_tz)
            if window is not None:
                return window[0]
        day += timedelta(days=1)
    return now + timedelta(days=1)


def business_days(p: Prepared, earliest: datetime) -> list[date]:
    """The next ``days`` working days whose hours end after ``earliest``."""
    found: list[date] = []
    day = earliest.astimezone(p.their_tz).date()
    for _ in range(MAX_CALENDAR_DAYS):
        if len(found) >= p.request.days:
            break
        if p.calendar.is_business_day(day):
            window = day_window(day, p.hours, p.their_tz)
            if window is not None and window[1] > earliest:
                found.append(day)
        day += timedelta(days=1)
    return found


def _busy_spans(p: Prepared, span: Interval) -> list[Interval]:
    spans = [(s.astimezone(UTC), e.astimezone(UTC)) for s, e in p.busy]
    for calendar in p.request.calendars:
        spans.extend(calendar.intervals(span, p.my_tz))
    return spans


def plan_days(p: Prepared, dates: list[date], earliest: datetime) -> list[Day]:
    """Apply the candidate's hours, the earliest start and busy times to each day."""
    windows = {d: day_window(d, p.hours, p.their_tz) for d in dates}
    real = [w for w in windows.values() if w]
    span = (min(w[0] for w in real), max(w[1] for w in real)) if real else (earliest, earliest)
    busy = _busy_spans(p, span)
    too_soon = [(span[0] - timedelta(days=1), earliest)]
    out = []
    for d in dates:
        window = windows[d]
        shared = intersect([window], windows_over(window, p.my_hours, p.my_tz)) if window else []
        opened = subtract(shared, too_soon)
        free = subtract(opened, busy)
        out.append(Day(d, window, tuple(shared), tuple(opened), tuple(free)))
    return out


def _align(moment: datetime, p: Prepared) -> datetime:
    local = moment.astimezone(p.their_tz)
    rest = timedelta(
        minutes=local.minute % 15, seconds=local.second, microseconds=local.microsecond
    )
    return moment if not rest else moment + (STEP - rest)


def candidates(p: Prepared, index: int, spans: tuple[Interval, ...]) -> list[Candidate]:
    """Quarter-hour starts (interviewer's clock) whose whole interview fits in ``spans``."""
    found = []
    length = p.request.duration
    for start, end in spans:
        moment = _align(start, p)
        while moment + length <= end:
            local = moment.astimezone(p.their_tz)
            found.append(Candidate(index, moment, moment + length, local.hour * 60 + local.minute))
            moment = _align(moment + STEP, p)
    return found


def _apart(a: Candidate, b: Candidate) -> bool:
    return a.end + MIN_GAP <= b.start or b.end + MIN_GAP <= a.start


def _best_by_half(found: list[Candidate]) -> dict[tuple[int, bool], Candidate]:
    best: dict[tuple[int, bool], Candidate] = {}
    for c in found:
        key = (c.day, c.morning)
        if key not in best or c.score < best[key].score:
            best[key] = c
    return best


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
    best = _best_by_half(found)
    days = sorted({day for day, _ in best})
    chosen: list[Candidate] = []
    want_morning = True
    for day in days[:count]:
        pick = best.get((day, want_morning)) or best[(day, not want_morning)]
        chosen.append(pick)
        want_morning = not pick.morning
    _mix(chosen, best, days[count:])
    extra = sorted(best.values(), key=lambda c: (c.day, c.score))
    extra += sorted(found, key=lambda c: (c.day, c.score))
    for c in extra:
        if len(chosen) >= count:
            break
        if all(_apart(c, other) for other in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _slot(p: Prepared, c: Candidate) -> Slot:
    return Slot(
        start=c.start.astimezone(p.their_tz),
        end=c.end.astimezone(p.their_tz),
        interviewer_tz=p.their_tz.key,
        candidate_tz=p.my_tz.key,
    )


def _near_miss(p: Prepared, c: Candidate) -> tuple[timedelta, NearMiss]:
    around = (c.start - timedelta(days=2), c.end + timedelta(days=2))
    mine = windows_over(around, p.my_hours, p.my_tz)
    miss = distance_outside((c.start, c.end), mine)
    nearest = min(mine, key=lambda w: distance_outside((c.start, c.end), [w]), default=None)
    side: Side = "before" if nearest is not None and nearest[0] > c.start else "after"
    minutes = int(miss.total_seconds() // 60)
    return miss, NearMiss(_slot(p, c), minutes, side)


def near_misses(
    p: Prepared, busy_free: list[tuple[Interval, ...]], used: set[int], wanted: int
) -> list[NearMiss]:
    """The times closest to the candidate's hours, keeping every interviewer rule."""
    best_per_day: dict[int, tuple[timedelta, NearMiss]] = {}
    for index, spans in enumerate(busy_free):
        if index in used:
            continue
        for c in candidates(p, index, spans):
            miss, near = _near_miss(p, c)
            if miss > timedelta(0) and (index not in best_per_day or miss < best_per_day[index][0]):
                best_per_day[index] = (miss, near)
    ranked = sorted(best_per_day.items(), key=lambda item: (item[1][0], item[0]))[:wanted]
    return [near for _, (_, near) in sorted(ranked)]


def _relaxed(p: Prepared, days: list[Day], earliest: datetime) -> list[tuple[Interval, ...]]:
    """Each day's interviewer window minus busy times and the notice, ignoring my hours."""
    real = [d.window for d in days if d.window]
    if not real:
        return [() for _ in days]
    span = (min(w[0] for w in real), max(w[1] for w in real))
    busy = [*_busy_spans(p, span), (span[0] - timedelta(days=1), earliest)]
    return [tuple(subtract([d.window], busy)) if d.window else () for d in days]


def _live_days(days: list[Day]) -> list[finder.Day]:
    """The days as the live wording reads them (instants in microseconds; every day of the
    search has a window)."""

    def us(spans: tuple[Interval, ...]) -> tuple[Span, ...]:
        return tuple((micros(s), micros(e)) for s, e in spans)

    return [
        finder.Day(d.day, us((d.window,))[0], us(d.shared), us(d.open), us(d.free))
        for d in days
        if d.window
    ]


def find_slots(req: SlotRequest) -> SlotResult:
    """Propose up to ``req.count`` times (or windows) that keep every rule, and explain gaps."""
    p = prepare(req)
    earliest = earliest_start(p)
    dates = business_days(p, earliest)
    days = plan_days(p, dates, earliest)
    found = [c for i, d in enumerate(days) for c in candidates(p, i, d.free)]
    if req.windows:
        live = _live_days(days)
        windows = build_windows(p, [d.day for d in live], [d.free for d in live])
        picked: list[Candidate] = []
    else:
        windows = []
        picked = choose(found, req.count)
    misses: list[NearMiss] = []
    if not req.windows and len(picked) < req.count:
        used = {c.day for c in picked}
        misses = near_misses(p, _relaxed(p, days, earliest), used, req.count - len(picked))
    slots = tuple(_slot(p, c) for c in picked)
    return SlotResult(
        slots=slots,
        requested=req.count,
        business_days=tuple(dates),
        country=p.country.label if p.country else None,
        windows=tuple(windows),
        near_misses=tuple(misses),
        explanation=explain.explanation(p, _live_days(days), len(slots) or len(windows), misses),
        notes=tuple(explain.notes(p, dates, earliest)),
    )
