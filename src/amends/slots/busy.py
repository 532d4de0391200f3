"""The candidate's busy times from ``.ics`` calendar exports, expanded over a search.

A calendar export is the least effort for someone in a hurry: whatever their
calendar app, it can write an ``.ics`` file (read by :mod:`amends.slots.busy_file`,
which alone needs ``icalendar``). Events are expanded the way
calendar apps show them: recurring rules (``RRULE``/``RDATE``) follow the
event's own wall clock across DST changes, ``EXDATE`` removes occurrences,
moved or cancelled single occurrences (``RECURRENCE-ID``) replace theirs,
all-day and floating events are on the candidate's own clock, and events marked
free (``TRANSP:TRANSPARENT``) or cancelled block nothing. Events the reader
could not use are skipped and counted in :attr:`BusyCalendar.warnings`. Events
that plainly lie far from any search (:mod:`amends.slots.busy_prefilter`) stay
unparsed text, :class:`PendingEvent`, until a search reaches them. Each
recurring rule is parsed once per process, not on every expansion, and each
expansion is cut off at the end of the search (:mod:`amends.slots.busy_rules`,
which imports ``dateutil``, loaded with the first calendar expanded: a search without
a busy calendar never imports it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from amends.lazy import lazy_names
from amends.slots.clock import Interval

MAX_EXPANSION = 200_000
When = date | datetime


@dataclass(frozen=True)
class BusyEvent:
    """One ``VEVENT``: a single busy span, or the master of a recurring series."""

    start: When
    length: timedelta
    line: int
    uid: str = ""
    rule: str | None = None
    rdates: tuple[When, ...] = ()
    exdates: tuple[When, ...] = ()
    recurrence_id: When | None = None


class PendingEvent(NamedTuple):
    """A ``VEVENT`` not parsed yet: it can only block time between ``low`` and ``high``
    (naive UTC), it has no ``RECURRENCE-ID`` and it parses without a warning. (A named
    tuple: a 10,000-event export makes as many, which costs a fifth of a frozen class.)"""

    low: datetime
    high: datetime
    text: str  # its lines, BEGIN:VEVENT to END:VEVENT
    line: int  # where it begins in the file


# The recurring rules are dateutil's, loaded with the first calendar expanded: a search
# without a busy calendar never imports it.
_rules = lazy_names(__name__, {"expand": "amends.slots.busy_rules"})

# Parses pending events (of the file named first) into the events that block time.
PendingReader = Callable[[str, Sequence[PendingEvent]], tuple[BusyEvent, ...]]


@dataclass(frozen=True)
class BusyCalendar:
    """A parsed ``.ics`` file; :meth:`intervals` expands it over a span of time."""

    source: str
    events: tuple[BusyEvent, ...]
    cancelled: tuple[tuple[str, When], ...] = ()
    warnings: tuple[str, ...] = ()
    pending: tuple[PendingEvent, ...] = ()
    reader: PendingReader | None = field(default=None, compare=False, repr=False)

    def events_over(self, span: Interval) -> tuple[BusyEvent, ...]:
        """The events, with the pending ones that ``span`` reaches parsed, in file order."""
        low = span[0].astimezone(UTC).replace(tzinfo=None)
        high = span[1].astimezone(UTC).replace(tzinfo=None)
        reached = [p for p in self.pending if p.high > low and p.low < high]
        if not reached:
            return self.events
        if self.reader is None:
            raise ValueError(f"{self.source}: pending events without a reader")
        more = self.reader(self.source, reached)
        return tuple(sorted((*self.events, *more), key=lambda event: event.line))

    def intervals(self, span: Interval, floating: ZoneInfo) -> list[Interval]:
        """Busy spans (UTC) overlapping ``span``; floating and all-day times use ``floating``."""
        moved = {(uid, _key(rid, floating)) for uid, rid in self.cancelled}
        moved |= {
            (e.uid, _key(e.recurrence_id, floating))
            for e in self.events
            if e.recurrence_id is not None
        }
        found: list[Interval] = []
        for event in self.events_over(span):
            if event.rule or event.rdates:
                starts = _rules("expand")(event, span, floating, self.source)
                starts = [s for s in starts if (event.uid, _key(s, floating)) not in moved]
            else:
                starts = [event.start]
            for start in starts:
                busy = _span(start, event.length, floating)
                if busy[0] < span[1] and busy[1] > span[0]:
                    found.append(busy)
        return found


def blocks_time(status: str, transp: str) -> bool:
    """Whether an event with these ``STATUS`` and ``TRANSP`` values blocks time (the one rule
    both readers of an ``.ics`` file follow): not cancelled, not marked free."""
    return status.upper() != "CANCELLED" and transp.upper() != "TRANSPARENT"


def length_between(start: When, end: When) -> timedelta:
    """An event's length from ``DTSTART`` to ``DTEND`` (of the same kind, date or date-time):
    on the wall clock when both are in one zone, and a floating end on the start's clock."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        if start.tzinfo is None and end.tzinfo is not None:
            end = end.replace(tzinfo=None)
        elif start.tzinfo is not None and end.tzinfo is None:
            end = end.replace(tzinfo=start.tzinfo)
        return end - start
    assert not isinstance(start, datetime) and not isinstance(end, datetime)
    return end - start


def _zone_of(value: When, floating: ZoneInfo) -> tzinfo:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.tzinfo
    return floating


def _aware(value: When, floating: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=floating)
    return datetime.combine(value, time(), tzinfo=floating)


def _key(value: When | None, floating: ZoneInfo) -> datetime | None:
    return None if value is None else _aware(value, floating).astimezone(UTC)


def _span(start: When, length: timedelta, floating: ZoneInfo) -> Interval:
    begin = _aware(start, floating)
    if isinstance(start, datetime):
        return begin.astimezone(UTC), (begin + length).astimezone(UTC)
    # All-day: from local midnight to local midnight, whatever DST does in between.
    days = max(1, length.days)
    end = datetime.combine(start + timedelta(days=days), time(), tzinfo=floating)
    return begin.astimezone(UTC), end.astimezone(UTC)


def _naive_in(value: When, zone: tzinfo, floating: ZoneInfo) -> datetime:
    """``value`` as a naive wall time of ``zone`` (the series' own clock)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value
        return value.astimezone(zone).replace(tzinfo=None)
    return datetime.combine(value, time())
