"""The candidate's busy times, read from ``.ics`` calendar exports.

A calendar export is the least effort for someone in a hurry: whatever their
calendar app, it can write an ``.ics`` file. Events are expanded the way
calendar apps show them: recurring rules (``RRULE``/``RDATE``) follow the
event's own wall clock across DST changes, ``EXDATE`` removes occurrences,
moved or cancelled single occurrences (``RECURRENCE-ID``) replace theirs,
all-day and floating events are on the candidate's own clock, and events marked
free (``TRANSP:TRANSPARENT``) or cancelled block nothing. A file that cannot
be read as a calendar at all is refused with the file name and line; inside a
calendar, events amends cannot use are skipped and counted in warnings.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from dateutil.rrule import rrule, rruleset, rrulestr

from amends.errors import InputError
from amends.inputs import STDIN, decode_utf8, read_capped
from amends.slots.clock import Interval
from amends.slots.icsscan import EventLines, scan

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_EXPANSION = 200_000
When = date | datetime
_UNTIL = re.compile(r"UNTIL=([0-9]{8})(T[0-9]{6})?(Z?)", re.IGNORECASE)


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


@dataclass(frozen=True)
class BusyCalendar:
    """A parsed ``.ics`` file; :meth:`intervals` expands it over a span of time."""

    source: str
    events: tuple[BusyEvent, ...]
    cancelled: tuple[tuple[str, When], ...] = ()
    warnings: tuple[str, ...] = ()

    def intervals(self, span: Interval, floating: ZoneInfo) -> list[Interval]:
        """Busy spans (UTC) overlapping ``span``; floating and all-day times use ``floating``."""
        moved = {(uid, _key(rid, floating)) for uid, rid in self.cancelled}
        moved |= {
            (e.uid, _key(e.recurrence_id, floating))
            for e in self.events
            if e.recurrence_id is not None
        }
        found: list[Interval] = []
        for event in self.events:
            if event.rule or event.rdates:
                starts = _expand(event, span, floating, self.source)
                starts = [s for s in starts if (event.uid, _key(s, floating)) not in moved]
            else:
                starts = [event.start]
            for start in starts:
                busy = _span(start, event.length, floating)
                if busy[0] < span[1] and busy[1] > span[0]:
                    found.append(busy)
        return found


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


def _rule_text(event: BusyEvent, zone: tzinfo, floating: ZoneInfo) -> str:
    """The RRULE with ``UNTIL`` moved onto the series' wall clock, as dateutil needs."""
    assert event.rule is not None

    def fix(match: re.Match[str]) -> str:
        day, clock, zulu = match.group(1), match.group(2), match.group(3)
        if not clock:
            return f"UNTIL={day}T235959"
        if not zulu:
            return match.group(0)
        moment = datetime.strptime(day + clock, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        return "UNTIL=" + _naive_in(moment, zone, floating).strftime("%Y%m%dT%H%M%S")

    return _UNTIL.sub(fix, event.rule)


def _expand(event: BusyEvent, span: Interval, floating: ZoneInfo, source: str) -> list[When]:
    zone = _zone_of(event.start, floating)
    first = _naive_in(event.start, zone, floating)
    where = f"{source}: line {event.line}"
    margin = event.length + timedelta(days=2)
    low = span[0].astimezone(zone).replace(tzinfo=None) - margin
    high = span[1].astimezone(zone).replace(tzinfo=None) + timedelta(days=2)
    rules = rruleset()
    try:
        if event.rule:
            parsed = rrulestr(_rule_text(event, zone, floating), dtstart=first, ignoretz=True)
            if not isinstance(parsed, rrule):
                raise ValueError("expected a single RRULE")
            rules.rrule(_bounded(parsed, high))
        else:
            rules.rdate(first)
    except (ValueError, TypeError) as exc:
        raise InputError("busy", f"{where}: RRULE is not valid ({exc})") from None
    for extra in event.rdates:
        rules.rdate(_naive_in(extra, zone, floating))
    for skip in event.exdates:
        rules.exdate(_naive_in(skip, zone, floating))
    found: list[When] = []
    for count, occurrence in enumerate(rules):
        if occurrence > high:
            break
        if count > MAX_EXPANSION:
            raise InputError("busy", f"{where}: the recurrence is too dense to expand")
        if occurrence >= low:
            found.append(_rebuild(occurrence, event.start, zone))
    return found


def _bounded(rule: rrule, high: datetime) -> rrule:
    """``rule`` cut off at ``high``: a rule that never matches (``BYMONTHDAY=30`` in
    February) then stops searching at the end of the period instead of year 9999."""
    until = getattr(rule, "_until", None)
    with warnings.catch_warnings():  # dateutil deprecates COUNT with UNTIL; it honours both
        warnings.simplefilter("ignore", DeprecationWarning)
        return rule.replace(until=min(until, high) if until is not None else high)


def _rebuild(naive: datetime, like: When, zone: tzinfo) -> When:
    if not isinstance(like, datetime):
        return naive.date()
    return naive.replace(tzinfo=zone) if like.tzinfo is not None else naive


def _when(value: Any, lines: EventLines, name: str, source: str) -> When:
    if isinstance(value, (datetime, date)):
        return value
    raise InputError(
        "busy", f"{source}: line {lines.line_of(name)}: {name} is not a date or date-time"
    )


def _values(component: Any, name: str, lines: EventLines, source: str) -> tuple[When, ...]:
    raw = component.get(name)
    if raw is None:
        return ()
    out: list[When] = []
    for item in raw if isinstance(raw, list) else [raw]:
        for entry in getattr(item, "dts", []):
            value = entry.dt
            if isinstance(value, tuple):  # RDATE period (start, end or duration)
                value = value[0]
            out.append(_when(value, lines, name, source))
    return tuple(out)


def _length(component: Any, start: When, lines: EventLines, source: str) -> timedelta:
    if component.get("DTEND") is not None:
        end = _when(component.decoded("DTEND"), lines, "DTEND", source)
        if isinstance(start, datetime) != isinstance(end, datetime):
            raise InputError(
                "busy", f"{source}: line {lines.line_of('DTEND')}: DTEND and DTSTART differ in kind"
            )
        if isinstance(start, datetime) and isinstance(end, datetime):
            if start.tzinfo is None and end.tzinfo is not None:
                end = end.replace(tzinfo=None)
            elif start.tzinfo is not None and end.tzinfo is None:
                end = end.replace(tzinfo=start.tzinfo)
            return end - start
        assert not isinstance(start, datetime) and not isinstance(end, datetime)
        return end - start
    if component.get("DURATION") is not None:
        length = component.decoded("DURATION")
        if not isinstance(length, timedelta):
            line = lines.line_of("DURATION")
            raise InputError("busy", f"{source}: line {line}: DURATION is not a duration")
        return length
    return timedelta(days=1) if not isinstance(start, datetime) else timedelta(0)


def _event(component: Any, lines: EventLines, source: str) -> BusyEvent:
    errors = getattr(component, "errors", None) or []
    if errors:
        name, problem = errors[0]
        raise InputError("busy", f"{source}: line {lines.line_of(name)}: {name}: {problem}")
    if component.get("DTSTART") is None:
        raise InputError("busy", f"{source}: line {lines.begin}: event has no DTSTART")
    start = _when(component.decoded("DTSTART"), lines, "DTSTART", source)
    length = _length(component, start, lines, source)
    if length < timedelta(0):
        raise InputError(
            "busy", f"{source}: line {lines.line_of('DTEND')}: event ends before it starts"
        )
    rule = component.get("RRULE")
    rid = component.get("RECURRENCE-ID")
    return BusyEvent(
        start=start,
        length=length,
        line=lines.begin,
        uid=str(component.get("UID", "")),
        rule=rule.to_ical().decode() if rule is not None else None,
        rdates=_values(component, "RDATE", lines, source),
        exdates=_values(component, "EXDATE", lines, source),
        recurrence_id=_when(rid.dt, lines, "RECURRENCE-ID", source) if rid is not None else None,
    )


def _blocks_time(component: Any) -> bool:
    status = str(component.get("STATUS", "")).upper()
    transp = str(component.get("TRANSP", "")).upper()
    return status != "CANCELLED" and transp != "TRANSPARENT"


class _Skip(Exception):
    """One event amends cannot use; the reason is what the warning counts."""


_TOO_FINE = re.compile(r"FREQ=(SECONDLY|MINUTELY)", re.IGNORECASE)


def _readable_event(component: Any, lines: EventLines, source: str) -> BusyEvent:
    """The event, or :class:`_Skip` with a short reason when it cannot be used."""
    if component.get("DTSTART") is None:
        raise _Skip("no start time")
    try:
        event = _event(component, lines, source)
    except InputError as err:
        raise _Skip(err.message.split(": ", 2)[-1]) from None  # the reason, without file/line
    except (ValueError, TypeError, KeyError, OverflowError):
        raise _Skip("a date or time that cannot be read") from None
    if event.rule:
        if _TOO_FINE.search(event.rule):
            raise _Skip("repeats every minute or second")
        try:
            parsed = rrulestr(event.rule, dtstart=datetime(2000, 1, 1), ignoretz=True)
        except (ValueError, TypeError, KeyError, OverflowError):
            raise _Skip("a recurrence rule amends cannot read") from None
        if not isinstance(parsed, rrule):
            raise _Skip("a recurrence rule amends cannot read")
    return event


def _warnings(
    source: str, skipped: dict[str, list[int]], dropped: dict[str, int]
) -> tuple[str, ...]:
    out = []
    for reason, at in skipped.items():
        noun = "event" if len(at) == 1 else "events"
        where = ", ".join(str(n) for n in at[:5]) + (", ..." if len(at) > 5 else "")
        lines = "line" if len(at) == 1 else "lines"
        out.append(f"{source}: {len(at)} {noun} skipped: {reason} ({lines} {where})")
    for what, count in dropped.items():
        out.append(f"{source}: {count} × {what} ignored")
    return tuple(out)


def parse_busy_text(text: str, source: str) -> BusyCalendar:
    """Parse the text of an ``.ics`` file (``source`` names it in errors and warnings).

    Like a calendar client, every event that can be read is used and the rest
    are skipped and counted in :attr:`BusyCalendar.warnings` ("2 events
    skipped: no start time"); only a file that is not a calendar is refused.
    """
    scanned = scan(text, source)
    try:
        calendars = icalendar.Calendar.from_ical(scanned.text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
        raise InputError("busy", f"{source}: not a valid calendar file ({exc})") from None
    components = [sub for cal in calendars for sub in cal.subcomponents if sub.name == "VEVENT"]
    if len(components) != len(scanned.events):  # pragma: no cover - the scanner mirrors the parser
        raise InputError("busy", f"{source}: the calendar's events could not be read")
    events: list[BusyEvent] = []
    cancelled: list[tuple[str, When]] = []
    skipped: dict[str, list[int]] = {}
    for component, lines in zip(components, scanned.events, strict=True):
        try:
            event = _readable_event(component, lines, source)
        except _Skip as why:
            skipped.setdefault(str(why), []).append(lines.begin)
            continue
        if _blocks_time(component):
            if event.length > timedelta(0) or event.recurrence_id is not None:
                events.append(event)
        elif event.recurrence_id is not None:
            cancelled.append((event.uid, event.recurrence_id))
    warnings = _warnings(source, skipped, scanned.dropped)
    return BusyCalendar(source, tuple(events), tuple(cancelled), warnings)


def load_busy(path: str | Path) -> BusyCalendar:
    """Read and parse one ``.ics`` file (``-``: standard input); ``InputError("busy", ...)``."""
    name = "standard input" if str(path) == STDIN else str(path)
    data = read_capped(path, "busy", limit=MAX_FILE_BYTES)
    return parse_busy_text(decode_utf8(data, "busy", name), name)
