"""Start times: the interviewer's quarter hours inside the free spans, and how pleasant each is.

A search looks at hundreds of start times and proposes two or three, so starts
are read as *runs*: a first start, its wall minute on the interviewer's clock
and how many follow it a quarter hour apart. Inside a span where the
interviewer's UTC offset never changes (almost every span) a run covers the
whole span and the picker and the near-miss search walk it with integer
arithmetic; only the few starts they keep become :class:`Candidate` values.
Across a DST change each start is aligned one at a time on the search's table of
the interviewer's offsets (:class:`amends.slots.clock.Offsets`). Instants are whole
microseconds since 1970 UTC, as everywhere in the search.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from amends.slots.clock import MICRO, Offsets, Span

if TYPE_CHECKING:
    from amends.slots.query import Prepared

STEP = 15 * 60 * MICRO  # a quarter hour, in microseconds
_MINUTE = 60 * MICRO
NOON = 12 * 60
TARGET = {True: 10 * 60, False: 14 * 60}  # morning / afternoon, interviewer's clock
_ROUNDNESS = {0: 0, 30: 20}  # on the hour is best, then the half hour
SPAN_LIMIT = 86_400 * MICRO  # the longest span read with one UTC offset (see runs)
MINUTES_PER_DAY = 24 * 60


def _score(minute: int) -> int:
    roundness = _ROUNDNESS.get(minute % 60, 45)
    return abs(minute - TARGET[minute < NOON]) + roundness


SCORES = tuple(_score(minute) for minute in range(MINUTES_PER_DAY))
"""The score of every start minute of the interviewer's day, computed once."""

_QUARTERS = 15
_BY_RESIDUE = tuple(SCORES[residue::_QUARTERS] for residue in range(_QUARTERS))
"""``SCORES`` a quarter hour apart from each minute of the first quarter: a run's scores
are a slice of one of these, so its best start is found by ``min`` and ``index`` in C."""


class Candidate(NamedTuple):
    """A possible start time, scored by how pleasant it is for the interviewer.

    A named tuple rather than a dataclass: cheap to make and compare. ``start`` and
    ``end`` are instants in microseconds (:data:`amends.slots.clock.Span`).
    """

    day: int
    start: int
    end: int
    minute: int

    @property
    def morning(self) -> bool:
        """Starts before noon on the interviewer's clock."""
        return self.minute < NOON

    @property
    def score(self) -> int:
        """Lower is better: near 10:00 or 14:00, on the hour, then half hour."""
        return SCORES[self.minute]


Run = tuple[int, int, int]
"""``(first start, its wall minute on the interviewer's clock, how many starts)``."""


def _align(moment: int, offsets: Offsets) -> int:
    """The first interviewer quarter hour at or after ``moment``."""
    rest = (moment + offsets.at(moment)) % STEP
    return moment + STEP - rest if rest else moment


def runs(p: Prepared, spans: tuple[Span, ...], offsets: Offsets) -> Iterator[Run]:
    """The starts whose whole interview fits in ``spans``, in time order, as runs.

    ``offsets`` are the interviewer's over the search. No zone changes its offset
    twice within two days (tzdata since 1970), so equal offsets at the first and
    last possible start of a span of at most a day mean one offset throughout;
    whole-quarter offsets (every zone since 1972) make the interviewer's quarter
    hours whole UTC quarter hours, and the wall minute simply advances with the
    instant. Anything else is read start by start.
    """
    length = p.length
    for start, end in spans:
        last = end - length
        if last < start:
            continue
        offset = offsets.at(start)
        if not offset % STEP and last - start <= SPAN_LIMIT and offsets.at(last) == offset:
            local = start + offset
            rest = local % STEP
            moment = start + STEP - rest if rest else start
            if moment <= last:
                minute = (local + moment - start) // _MINUTE % MINUTES_PER_DAY
                yield moment, minute, (last - moment) // STEP + 1
            continue
        moment = _align(start, offsets)
        while moment + length <= end:
            yield moment, (moment + offsets.at(moment)) // _MINUTE % MINUTES_PER_DAY, 1
            moment = _align(moment + STEP, offsets)


def run_minute(run: Run, k: int) -> int:
    """The wall minute of the ``k``-th start of ``run``."""
    return (run[1] + 15 * k) % MINUTES_PER_DAY


def candidate(p: Prepared, index: int, run: Run, k: int) -> Candidate:
    """The ``k``-th start of ``run`` (on business day ``index``) as a candidate."""
    start = run[0] + k * STEP
    return Candidate(index, start, start + p.length, run_minute(run, k))


def candidates(
    p: Prepared, index: int, spans: tuple[Span, ...], offsets: Offsets
) -> list[Candidate]:
    """Quarter-hour starts (interviewer's clock) whose whole interview fits in ``spans``."""
    return [candidate(p, index, run, k) for run in runs(p, spans, offsets) for k in range(run[2])]


def best_by_half(
    p: Prepared, free: list[tuple[Span, ...]], offsets: Offsets
) -> dict[tuple[int, bool], Candidate]:
    """The best-scored start of each morning and afternoon (the first of equals), per day.

    Keyed ``(day index, morning)`` in the order the halves first appear in time.
    """
    where: dict[tuple[int, bool], tuple[int, Run, int]] = {}
    scores: dict[tuple[int, bool], int] = {}
    for index, spans in enumerate(free):
        for run in runs(p, spans, offsets):
            k, count = 0, run[2]
            while k < count:
                # One stretch of the run inside one half day (before noon, or noon to
                # midnight): its scores are a slice, its best start the first minimum.
                minute = (run[1] + 15 * k) % MINUTES_PER_DAY
                morning = minute < NOON
                limit = NOON if morning else MINUTES_PER_DAY
                size = min(count - k, (limit - minute + 14) // 15)
                row, first = _BY_RESIDUE[minute % _QUARTERS], minute // _QUARTERS
                stretch = row[first : first + size]
                score = min(stretch)
                key = (index, morning)
                if key not in scores or score < scores[key]:
                    scores[key], where[key] = score, (index, run, k + stretch.index(score))
                k += size
    return {key: candidate(p, index, run, k) for key, (index, run, k) in where.items()}
