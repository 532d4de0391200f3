"""Reading ``.ics`` files into :class:`~amends.slots.busy.BusyCalendar` values.

``icalendar`` does the parsing; :mod:`amends.slots.icsscan` runs first so every
error names the file and line. A file that cannot be read or parsed is refused
with the file name and line, never half-used. Only this module imports
``icalendar``, and :mod:`amends.slots.options` loads it only when busy files are
given, so a search without them never pays for the parser.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from amends.errors import InputError
from amends.slots.busy import BusyCalendar, BusyEvent, When
from amends.slots.icsscan import EventLines, scan

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


def parse_busy_text(text: str, source: str) -> BusyCalendar:
    """Parse the text of an ``.ics`` file (``source`` names it in errors)."""
    blocks = scan(text, source)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise InputError("busy", f"{source}: not a valid calendar file ({exc})") from None
    components = [sub for cal in calendars for sub in cal.subcomponents if sub.name == "VEVENT"]
    if len(components) != len(blocks):  # pragma: no cover - the scanner mirrors the parser
        raise InputError("busy", f"{source}: the calendar's events could not be read")
    events: list[BusyEvent] = []
    cancelled: list[tuple[str, When]] = []
    for component, lines in zip(components, blocks, strict=True):
        event = _event(component, lines, source)
        if _blocks_time(component):
            if event.length > timedelta(0) or event.recurrence_id is not None:
                events.append(event)
        elif event.recurrence_id is not None:
            cancelled.append((event.uid, event.recurrence_id))
    return BusyCalendar(source, tuple(events), tuple(cancelled))


def load_busy(path: str | Path) -> BusyCalendar:
    """Read and parse one ``.ics`` file, or raise ``InputError("busy", ...)``."""
    name = str(path)
    file = Path(path)
    try:
        if not file.is_file():
            raise InputError("busy", f"{name}: no such file (give an .ics calendar export)")
        if file.stat().st_size > MAX_FILE_BYTES:
            raise InputError("busy", f"{name}: file is larger than 20 MB")
        data = file.read_bytes()
    except OSError as exc:
        raise InputError("busy", f"{name}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("busy", f"{name}: line {line}: not UTF-8 text") from None
    return parse_busy_text(text, name)
