"""Reading ``.ics`` files into :class:`~amends.slots.busy.BusyCalendar` values.

``icalendar`` does the parsing; :mod:`amends.slots.icsscan` runs first so every
error names the file and line. A file that cannot be read as a calendar at all
is refused with the file name and line; inside a calendar, events amends cannot
use are skipped and counted in warnings. Events that
:mod:`amends.slots.busy_prefilter` can bound in time (a 10,000-event export is
mostly past meetings) are parsed only when a search reaches them, with the same
result as parsing every event at once: most are first found by
:func:`~amends.slots.icsscan.plain_events` without the line scan, and read, when
reached, by :mod:`amends.slots.busy_plain` without ``icalendar``. Only this module
and the pre-filter import ``icalendar``, and :mod:`amends.slots.options` loads them only when busy
files are given, so a search without them never pays for the parser.
"""

from __future__ import annotations

import gc
import re
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import icalendar
from dateutil.rrule import rrule, rrulestr

from amends.errors import InputError
from amends.inputs import STDIN, decode_utf8, read_capped
from amends.slots import busy_cache
from amends.slots.busy import (
    BusyCalendar,
    BusyEvent,
    PendingEvent,
    When,
    blocks_time,
    length_between,
)
from amends.slots.busy_plain import read_plain
from amends.slots.busy_prefilter import bounds, bounds_of
from amends.slots.busy_rrule import Unclear, read_rule
from amends.slots.icsscan import EventLines, Scanned, plain_events, scan

MAX_FILE_BYTES = 20 * 1024 * 1024


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
        return length_between(start, end)
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
    return blocks_time(str(component.get("STATUS", "")), str(component.get("TRANSP", "")))


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
    if event.rule and read_rule(event.rule) is None:  # a common rule reads as dateutil reads it
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


def parse_busy_text(text: str, source: str, *, prefilter: bool = True) -> BusyCalendar:
    """Parse the text of an ``.ics`` file (``source`` names it in errors and warnings).

    Like a calendar client, every event that can be read is used and the rest
    are skipped and counted in :attr:`BusyCalendar.warnings` ("2 events
    skipped: no start time"); only a file that is not a calendar is refused.
    What ``icalendar`` warns about (a vendor TZID it had to guess) joins those
    warnings, once each, instead of reaching stderr as a Python warning.
    With ``prefilter`` (the default) the events the pre-filter can bound in time
    are kept as :class:`~amends.slots.busy.PendingEvent` and parsed when a
    search reaches them; without it every event is parsed now. Both give the
    same busy times and the same warnings.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calendar = _parse(text, source, prefilter)
    said = dict.fromkeys(
        f"{source}: {str(w.message).split('. ')[0].rstrip('.')}"
        for w in caught
        if not issubclass(w.category, DeprecationWarning)
    )
    return replace(calendar, warnings=(*calendar.warnings, *said))


def _set_aside(scanned: Scanned) -> tuple[str, list[EventLines], tuple[PendingEvent, ...]]:
    """The text left to parse now, its events, and the events set aside until needed."""
    kept, now, pending, pieces, done = scanned.kept, [], [], [], 0
    for lines in scanned.events:
        part = slice(lines.first, lines.stop)
        found = bounds(kept[part])
        if found is None:
            now.append(lines)
            continue
        low, high, used = found
        pending.append(PendingEvent(low, high, "\r\n".join(used), lines.begin))
        pieces.extend(kept[done : lines.first])
        done = lines.stop
    if not pending:
        return scanned.text, now, ()
    pieces.extend(kept[done:])
    return "\r\n".join(pieces) + "\r\n", now, tuple(pending)


def _components(text: str, source: str) -> list[Any]:
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError, RecursionError) as exc:
        raise InputError("busy", f"{source}: not a valid calendar file ({exc})") from None
    return [sub for cal in calendars for sub in cal.subcomponents if sub.name == "VEVENT"]


def _set_aside_plain(text: str) -> tuple[str, list[PendingEvent]]:
    """``text`` without the plain events the pre-filter can bound (each left as empty lines,
    so the rest keeps its line numbers), and those events, set aside."""
    found = plain_events(text)
    if not found:
        return text, []
    pieces, pending, done = [], [], 0
    for event in found:
        bounded = bounds_of(event.head, event.body, event.tail)
        if bounded is None:
            continue
        low, high, used = bounded
        pending.append(PendingEvent(low, high, "\r\n".join(used), event.begin))
        pieces.append(text[done : event.start])
        pieces.append("\n" * text.count("\n", event.start, event.stop))
        done = event.stop
    pieces.append(text[done:])
    return "".join(pieces), pending


def _parse(text: str, source: str, prefilter: bool) -> BusyCalendar:
    early: list[PendingEvent] = []
    if prefilter:  # most events set aside before the line-by-line scan
        text, early = _set_aside_plain(text)
    scanned = scan(text, source)
    if prefilter:
        now_text, now, pending = _set_aside(scanned)
        if early:
            pending = tuple(sorted((*early, *pending), key=lambda p: p.line))
    else:
        now_text, now, pending = scanned.text, scanned.events, ()
    components = _components(now_text, source)
    if len(components) != len(now):  # pragma: no cover - the scanner mirrors the parser
        raise InputError("busy", f"{source}: the calendar's events could not be read")
    events: list[BusyEvent] = []
    cancelled: list[tuple[str, When]] = []
    skipped: dict[str, list[int]] = {}
    for component, lines in zip(components, now, strict=True):
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
    notes = _warnings(source, skipped, scanned.dropped)
    return BusyCalendar(source, tuple(events), tuple(cancelled), notes, pending, read_pending)


def read_pending(source: str, reached: Sequence[PendingEvent]) -> tuple[BusyEvent, ...]:
    """The events among ``reached`` that block time, as ``icalendar`` would have parsed them."""
    with _collector_paused():
        return _read_pending(source, tuple(reached))


@lru_cache(maxsize=32)  # the same calendar searched again in this process
def _read_pending(source: str, reached: tuple[PendingEvent, ...]) -> tuple[BusyEvent, ...]:
    found: dict[int, BusyEvent | None] = {}
    unclear: list[PendingEvent] = []
    for waiting in reached:
        try:
            found[waiting.line] = read_plain(waiting)
        except Unclear:
            unclear.append(waiting)
    if unclear:
        found.update(zip((p.line for p in unclear), parse_pending(source, unclear), strict=True))
    return tuple(event for event in found.values() if event is not None)


def parse_pending(source: str, reached: Sequence[PendingEvent]) -> list[BusyEvent | None]:
    """Each of ``reached`` parsed by ``icalendar``: the event, or ``None`` when it blocks no
    time (the reading :func:`~amends.slots.busy_plain.read_plain` must agree with)."""
    text = "\r\n".join(("BEGIN:VCALENDAR", *(p.text for p in reached), "END:VCALENDAR"))
    with warnings.catch_warnings():  # none that matter: only events that parse plainly wait
        warnings.simplefilter("ignore")  # (dateutil deprecates COUNT with UNTIL; it honours both)
        components = _components(text + "\r\n", source)
        out: list[BusyEvent | None] = []
        for component, waiting in zip(components, reached, strict=True):
            try:
                event: BusyEvent | None = _readable_event(
                    component, EventLines(waiting.line), source
                )
            except _Skip:  # pragma: no cover - the pre-filter sets aside only readable events
                event = None
            if event is not None and not (_blocks_time(component) and event.length > timedelta(0)):
                event = None
            out.append(event)
    return out


def load_busy(path: str | Path) -> BusyCalendar:
    """Read and parse one ``.ics`` file (``-``: standard input); ``InputError("busy", ...)``.

    A file read before (same name, same bytes) comes from :mod:`amends.slots.busy_cache`,
    its events still set aside with it: a search reads those it reaches straight from
    their lines (:mod:`amends.slots.busy_plain`), which costs less than saving them again.
    """
    name = "standard input" if str(path) == STDIN else str(path)
    data = read_capped(path, "busy", limit=MAX_FILE_BYTES)
    saved_as = busy_cache.key(name, data)
    with _collector_paused():
        calendar = busy_cache.load(saved_as, read_pending)  # read before: not parsed again
        if calendar is None:
            calendar = parse_busy_text(decode_utf8(data, "busy", name), name)
            busy_cache.save(saved_as, calendar)
    return calendar


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a calendar is read.

    Reading a large export creates tens of thousands of small objects that all stay
    alive (events set aside, their bounds), none of them in a reference cycle; each
    collection the allocations set off walks every object of the process again, which
    cost about a sixth of a first read of 10,000 events. Collection resumes afterwards
    (and was never paused when the caller had turned it off itself).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
