"""The search: business days, both parties' hours, busy times, then a good pick.

Everything is computed on instants. Each business day of the interviewer's
country gives one window of their hours (see :mod:`amends.slots.clock` for DST),
intersected with every instance of the candidate's hours on the candidate's own
clock, minus busy times and anything before the earliest allowed moment. Start
times are whole quarter hours on the interviewer's clock. From what is left the
picker prefers different days, a mix of mornings and afternoons, and round
times near 10:00 and 14:00 for the interviewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from amends.dates.slot import Slot
from amends.slots import explain
from amends.slots.clock import (
    Interval,
    day_window,
    distance_outside,
    intersect,
    subtract,
    windows_over,
)
from amends.slots.offer import NearMiss, Side, SlotResult
from amends.slots.query import Prepared, SlotRequest, prepare
from amends.slots.windows import build_windows

STEP = timedelta(minutes=15)
NOON = 12 * 60
TARGET = {True: 10 * 60, False: 14 * 60}  # morning / afternoon, interviewer's clock
MIN_GAP = timedelta(minutes=30)
MAX_CALENDAR_DAYS = 400


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


def find_slots(req: SlotRequest) -> SlotResult:
    """Propose up to ``req.count`` times (or windows) that keep every rule, and explain gaps."""
    p = prepare(req)
    earliest = earliest_start(p)
    dates = business_days(p, earliest)
    days = plan_days(p, dates, earliest)
    found = [c for i, d in enumerate(days) for c in candidates(p, i, d.free)]
    if req.windows:
        windows = build_windows(p, [d.day for d in days], [d.free for d in days])
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
        explanation=explain.explanation(p, days, len(slots) or len(windows), misses),
        notes=tuple(explain.notes(p, dates, earliest)),
    )
