"""Parsed busy calendars kept in the cache folder, found again by the file's content.

Parsing an ``.ics`` export is by far the slowest part of a search with a busy
calendar (``icalendar`` reads a 10,000-event file in seconds), and people run
``amends slots --busy`` several times on the same export while they weigh
their options. So the parsed calendar is saved as JSON under
``<cache dir>/busy-<versions>/``, named by a SHA-256 of the file's name and
bytes: the same file gives the same answer without being parsed again, and a
changed file (or another version of amends, icalendar or dateutil) misses the
cache and is parsed afresh. Events still unparsed
(:class:`~amends.slots.busy.PendingEvent`, far from the search that read the
file) are saved as their text and bounds, and parsed when a later search
reaches them: the file is one line of JSON (the parsed events, warnings...),
then one line per such event, its bounds, line number and text separated by tabs
(a 10,000-event export is mostly such events, and this costs half of encoding
them as JSON). Only the few most recent calendars are kept.
Calendars whose times use zones other than IANA zones (a VTIMEZONE of its own)
are not cached; they are simply parsed every time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from amends.paths import cache_dir, write_cache
from amends.slots.busy import BusyCalendar, BusyEvent, PendingEvent, PendingReader, When

FORMAT = 3  # 2: events not parsed yet are kept as text; 3: one line each, after the JSON
KEEP = 8  # calendars kept; older ones are removed when a new one is saved


class _NotCacheable(Exception):
    """A time whose zone cannot be written down by name."""


@cache
def _versions() -> str:
    names = []
    for package in ("amends", "icalendar", "python-dateutil"):
        try:
            names.append(version(package))
        except PackageNotFoundError:  # pragma: no cover - all three are installed
            names.append("unknown")
    return "-".join(names)


def folder() -> Path:
    """The cache folder, named after every version that shapes a parsed calendar."""
    return cache_dir() / f"busy-{FORMAT}-{_versions()}"


def key(source: str, data: bytes) -> str:
    """The cache name of a file: its name (warnings carry it) and its bytes."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass") + b"\0" + data).hexdigest()


def _when(value: When) -> dict[str, str | None]:
    if not isinstance(value, datetime):
        return {"d": value.isoformat()}
    tz = value.tzinfo
    if tz is None:
        zone = None
    elif tz is UTC:
        zone = "utc"
    elif isinstance(tz, ZoneInfo):
        zone = tz.key
    else:
        raise _NotCacheable
    return {"t": value.replace(tzinfo=None).isoformat(), "z": zone}


def _read_when(raw: dict[str, str | None]) -> When:
    if "d" in raw:
        return date.fromisoformat(str(raw["d"]))
    moment = datetime.fromisoformat(str(raw["t"]))
    zone = raw.get("z")
    if zone is None:
        return moment
    return moment.replace(tzinfo=UTC if zone == "utc" else ZoneInfo(zone))


def _event(event: BusyEvent) -> dict[str, Any]:
    length = event.length
    return {
        "start": _when(event.start),
        "length": [length.days, length.seconds, length.microseconds],
        "line": event.line,
        "uid": event.uid,
        "rule": event.rule,
        "rdates": [_when(v) for v in event.rdates],
        "exdates": [_when(v) for v in event.exdates],
        "rid": _when(event.recurrence_id) if event.recurrence_id is not None else None,
    }


def _read_event(raw: dict[str, Any]) -> BusyEvent:
    days, seconds, micros = raw["length"]
    rid = raw["rid"]
    return BusyEvent(
        start=_read_when(raw["start"]),
        length=timedelta(days=days, seconds=seconds, microseconds=micros),
        line=int(raw["line"]),
        uid=str(raw["uid"]),
        rule=None if raw["rule"] is None else str(raw["rule"]),
        rdates=tuple(_read_when(v) for v in raw["rdates"]),
        exdates=tuple(_read_when(v) for v in raw["exdates"]),
        recurrence_id=None if rid is None else _read_when(rid),
    )


# An event's text never holds this (``str.splitlines`` breaks a line there, and
# :func:`~amends.slots.icsscan.plain_events` takes no file that has it), nor a ``\n``
# but in the ``\r\n`` between its lines: so each event set aside is one line.
_LINE_BREAK = "\x1e"


def _pending_lines(pending: Sequence[PendingEvent]) -> str:
    """The events set aside, one line each: bounds, line number and text, tab-separated."""
    lines = "\n".join(
        f"{p.low.isoformat()}\t{p.high.isoformat()}\t{p.line}\t{p.text}" for p in pending
    )
    breaks = lines.count("\n") - lines.count("\r\n")  # those between the events only
    if _LINE_BREAK in lines or breaks != max(len(pending) - 1, 0):
        raise _NotCacheable  # pragma: no cover - the scan never sets such text aside
    return lines.replace("\r\n", _LINE_BREAK)


def _read_pending(lines: str) -> Iterator[PendingEvent]:
    if not lines:
        return
    parse = datetime.fromisoformat
    for row in lines.split("\n"):
        low, high, line, text = row.split("\t", 3)
        yield PendingEvent(parse(low), parse(high), text.replace(_LINE_BREAK, "\r\n"), int(line))


def load(name: str, reader: PendingReader) -> BusyCalendar | None:
    """The calendar saved as ``name``, or ``None`` when there is none (or it is unreadable);
    ``reader`` parses its pending events when a search reaches them."""
    try:
        head, _, pending = (folder() / f"{name}.json").read_text("utf-8").partition("\n")
        data = json.loads(head)
        return BusyCalendar(
            source=str(data["source"]),
            events=tuple(_read_event(e) for e in data["events"]),
            cancelled=tuple((str(uid), _read_when(rid)) for uid, rid in data["cancelled"]),
            warnings=tuple(str(w) for w in data["warnings"]),
            pending=tuple(_read_pending(pending)),
            reader=reader,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, damaged or from another layout: parsed again


def save(name: str, calendar: BusyCalendar) -> None:
    """Keep ``calendar`` as ``name`` (unless a time's zone has no name), and prune old ones."""
    try:
        data = {
            "source": calendar.source,
            "events": [_event(e) for e in calendar.events],
            "cancelled": [[uid, _when(rid)] for uid, rid in calendar.cancelled],
            "warnings": list(calendar.warnings),
        }
        pending = _pending_lines(calendar.pending)
    except _NotCacheable:
        return
    write_cache(folder() / f"{name}.json", json.dumps(data, ensure_ascii=False) + "\n" + pending)
    _prune()


def _prune() -> None:
    try:
        saved = sorted(folder().glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in saved[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
