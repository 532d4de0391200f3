"""A naive reference scan for the slot finder: every quarter hour, every rule checked directly.

No interval arithmetic: for each of the finder's business days it walks the
interviewer's wall clock in quarter hours and keeps a start when the interview
stays inside the interviewer's hours on that date, inside the candidate's hours
(their clock is sampled every quarter hour and at the last minute, which no gap
between two days' hours can slip through), after the earliest allowed moment
and clear of every busy time. The benchmark uses it as the floor for the
finder's speed; the equality tests require both to find the same start times,
hence the same number of slots. Wall times inside a DST change are skipped
here, so the tests keep both parties' hours away from the night hours where
clocks change.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from amends.slots import SlotRequest
from amends.slots.clock import micros
from amends.slots.finder import Candidate, business_days, choose, earliest_start

QUARTER = timedelta(minutes=15)
MINUTE = timedelta(minutes=1)


def _in_my_hours(moment: datetime, start: int, end: int, overnight: bool) -> bool:
    minute = moment.hour * 60 + moment.minute
    return (minute >= start or minute < end) if overnight else start <= minute < end


def naive_starts(req: SlotRequest) -> list[Candidate]:
    """Every start time that keeps every rule, in time order (instants in microseconds)."""
    p = req.prepared()
    earliest = earliest_start(p)
    busy = [(s.astimezone(UTC), e.astimezone(UTC)) for s, e in p.busy]
    length, h, m = req.duration, p.hours, p.my_hours
    found = []
    for index, day in enumerate(business_days(p, earliest)):
        wall = datetime.combine(day, datetime.min.time()) + timedelta(minutes=h.start)
        last = datetime.combine(day, datetime.min.time()) + timedelta(minutes=h.end) - length
        while wall <= last:
            start = wall.replace(tzinfo=p.their_tz).astimezone(UTC)
            end = start + length
            stop = end.astimezone(p.their_tz)
            wall_end = stop.replace(tzinfo=None)
            fits_theirs = start.astimezone(p.their_tz).replace(tzinfo=None) == wall and (
                wall_end <= last + length
            )
            samples = [start + k * QUARTER for k in range(int(length / QUARTER) + 1)]
            samples = [s for s in samples if s < end] + [end - MINUTE]
            mine_ok = all(
                _in_my_hours(s.astimezone(p.my_tz), m.start, m.end, m.overnight) for s in samples
            )
            clear = all(end <= b0 or start >= b1 for b0, b1 in busy)
            if fits_theirs and mine_ok and clear and start >= earliest:
                minute = wall.hour * 60 + wall.minute
                found.append(Candidate(index, micros(start), micros(end), minute))
            wall += QUARTER
    return found


def naive_slot_count(req: SlotRequest) -> int:
    """How many times the finder's picker would propose from the naive scan's starts."""
    found = naive_starts(req)
    return len(found) if req.windows else len(choose(found, req.count))
