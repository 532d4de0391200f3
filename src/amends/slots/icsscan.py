"""A line-level check of ``.ics`` text, so errors can name the file and line.

``icalendar`` is lenient and reports problems without line numbers. This scan
runs first: it unfolds continuation lines, checks every content line has the
``NAME[;PARAM=...]:value`` shape and that ``BEGIN``/``END`` pair up, and
remembers on which line each event and each of its properties starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from amends.errors import InputError

_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM_VALUE = re.compile(r'^(?:"[^"]*"|[^";:,]*)')
# A line that continues the one before (any line break ``str.splitlines`` knows).
_FOLD = re.compile(r"(?:^|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])[ \t]", re.MULTILINE)
# The shape :func:`_name_of` checks step by step, in one match (the common case):
# the name, then the parameters up to the colon before the value.
LINE_SHAPE = re.compile(
    r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):'
)


@dataclass
class EventLines:
    """Where one ``VEVENT`` and its properties start in the file (1-based lines)."""

    begin: int
    props: dict[str, int] = field(default_factory=dict)
    first: int = 0  # its lines are ``Scanned.kept[first:stop]``, BEGIN to END
    stop: int = 0

    def line_of(self, name: str) -> int:
        """The line of property ``name``, or of ``BEGIN:VEVENT`` when unknown."""
        return self.props.get(name.upper(), self.begin)


def _logical_lines(text: str) -> list[tuple[int, str]]:
    if not _FOLD.search(text):  # no continuation lines: each non-blank line is one
        return [(n, raw) for n, raw in enumerate(text.splitlines(), 1) if raw and not raw.isspace()]
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and lines:
            first, so_far = lines[-1]
            lines[-1] = (first, so_far + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def _name_of(line: str, number: int, source: str) -> str:
    """The property name, after checking the whole parameter list is well formed."""
    match = _NAME.match(line)
    where = f"{source}: line {number}"
    if not match:
        raise InputError("busy", f"{where}: expected NAME:value, got {line[:30]!r}")
    pos = match.end()
    while pos < len(line) and line[pos] == ";":
        key = _NAME.match(line, pos + 1)
        if not key or key.end() >= len(line) or line[key.end()] != "=":
            raise InputError("busy", f"{where}: malformed parameter in {line[:30]!r}")
        pos = key.end()
        while True:
            value = _PARAM_VALUE.match(line[pos + 1 :])
            assert value is not None  # the pattern also matches an empty value
            pos += 1 + value.end()
            if pos >= len(line) or line[pos] != ",":
                break
    if pos >= len(line) or line[pos] != ":":
        raise InputError("busy", f"{where}: expected NAME:value, got {line[:30]!r}")
    return match.group(0).upper()


MAX_NESTING = 8  # VCALENDAR > VEVENT > VALARM is 3; real files never come near this


@dataclass
class Scanned:
    """The events found, the text cleaned for the parser, and what was left out (counted)."""

    events: list[EventLines]
    text: str
    dropped: dict[str, int] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)  # the logical lines of :attr:`text`

    def drop(self, what: str) -> None:
        self.dropped[what] = self.dropped.get(what, 0) + 1


def _require_calendar(lines: list[tuple[int, str]], source: str) -> None:
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0][0] if lines else 1
        raise InputError(
            "busy", f"{source}: line {first}: not an iCalendar file (no BEGIN:VCALENDAR)"
        )


def _safe_name(line: str, number: int, source: str) -> str | None:
    shape = LINE_SHAPE.match(line)
    if shape is not None:
        return shape.group(1).upper()
    try:
        return _name_of(line, number, source)
    except InputError:
        return None


def scan(text: str, source: str) -> Scanned:
    """Locate the top-level events, keeping what a calendar client would keep.

    A file that does not start with ``BEGIN:VCALENDAR`` is refused. Inside one,
    lines that are not ``NAME:value``, stray ``END`` lines and components nested
    absurdly deep are left out (and counted), and components still open at the
    end of the file are closed, so the parser sees a well-formed calendar.
    """
    lines = _logical_lines(text)
    _require_calendar(lines, source)
    out = Scanned([], "")
    kept: list[str] = []
    stack: list[tuple[str, int]] = []
    skipping = 0  # depth inside a component that is being left out
    props: dict[str, int] | None = None  # the open event's, while reading its own lines
    shape = LINE_SHAPE.match
    for number, line in lines:
        match = shape(line)
        name = match.group(1).upper() if match else _safe_name(line, number, source)
        if name is None:
            out.drop("line that is not NAME:value")
            continue
        if name != "BEGIN" and name != "END":  # the hot path: property lines
            if skipping:
                continue
            if not stack:
                out.drop("line outside the calendar")
                continue
            if props is not None:
                props.setdefault(name, number)
            kept.append(line)
            continue
        value = line.split(":", 1)[1].strip().upper()
        if skipping:
            skipping += 1 if name == "BEGIN" else -1
            continue
        if name == "BEGIN":
            if not stack and value != "VCALENDAR" and kept:
                out.drop(f"BEGIN:{value} outside the calendar")
                skipping = 1
                continue
            if len(stack) >= MAX_NESTING:
                out.drop("component nested too deeply")
                skipping = 1
                continue
            stack.append((value, number))
            props = None
            if value == "VEVENT" and len(stack) == 2:
                out.events.append(EventLines(number, first=len(kept)))
                props = out.events[-1].props
        else:
            if not stack or stack[-1][0] != value:
                out.drop(f"END:{value} that closes nothing")
                continue
            stack.pop()
            props = None
            if value == "VEVENT" and len(stack) == 1:
                out.events[-1].stop = len(kept) + 1
            elif len(stack) == 2 and stack[-1][0] == "VEVENT":
                props = out.events[-1].props
        kept.append(line)
    while stack:
        closed = stack.pop()[0]
        if closed == "VEVENT" and len(stack) == 1:
            out.events[-1].stop = len(kept) + 1
        kept.append(f"END:{closed}")
    out.text = "\r\n".join(kept) + "\r\n"
    out.kept = kept
    return out


# Line breaks other than ``\n`` and ``\r\n`` (``str.splitlines`` counts them too).
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_STRUCTURE = re.compile(  # a whole VEVENT with no BEGIN or END line inside, or one such line
    r"^(?:(?P<head>BEGIN:VEVENT)\r?\n(?P<body>(?:(?!(?:BEGIN|END)[;:])[^\r\n]*+\r?\n)*+)"
    r"(?P<tail>END:VEVENT)(?=\r?$)|(?P<name>BEGIN|END)(?P<sep>[;:])(?P<value>[^\r\n]*))",
    re.MULTILINE | re.IGNORECASE,
)
# A line that is, or may become once unfolded, a BEGIN or END line and is continued by a
# folded line, maybe after blank lines (which the unfolding skips): "BEG" + " IN:VEVENT".
_STRUCTURE_FOLDED = re.compile(
    r"^(?:(?:BEGIN|END)[;:][^\r\n]*|B(?:E(?:G(?:I(?:N)?)?)?)?|E(?:N(?:D)?)?)"
    r"(?:\r?\n[^\S\r\n]*)*?\r?\n[ \t]",
    re.MULTILINE | re.IGNORECASE,
)


class PlainEvent(NamedTuple):
    """A top-level ``VEVENT`` with no component inside and no ``BEGIN`` or ``END`` line
    :func:`scan` would leave out; its text is ``text[start:stop]``. Whether each of its
    lines has the ``NAME:value`` shape (no folded, blank or broken line) is for the caller
    to check (:func:`amends.slots.busy_prefilter.bounds_of` does)."""

    begin: int  # the line of ``BEGIN:VEVENT``
    start: int
    stop: int
    head: str  # its BEGIN line
    body: str  # the lines between, each ended by its line break
    tail: str  # its END line


def plain_events(text: str) -> list[PlainEvent] | None:
    """The top-level events of ``text`` with nothing inside them, found without reading
    it line by line, so a caller can take the plain ones out before :func:`scan`
    (``None``: the file is not simple enough to tell, and :func:`scan` reads all of it).

    It follows :func:`scan`'s nesting rules over the ``BEGIN`` and ``END`` lines only;
    replacing an event found whose lines all have the ``NAME:value`` shape by as many
    empty lines leaves what :func:`scan` makes of the rest, line numbers included,
    unchanged.
    """
    if text.count("\r") != text.count("\r\n") or any(c in text for c in _ODD_BREAKS):
        return None
    if ("\n " in text or "\n\t" in text) and _STRUCTURE_FOLDED.search(text):
        return None
    found: list[PlainEvent] = []
    stack: list[str] = []
    skipping = 0
    line, counted = 1, 0
    count, find, end = text.count, text.find, len(text)
    for match in _STRUCTURE.finditer(text):
        head, body, tail = match.group("head", "body", "tail")
        if head is not None:  # BEGIN:VEVENT, lines, END:VEVENT: nothing inside
            if skipping or len(stack) != 1:
                continue  # skipped, or nested: either way the state after it is the same
            start, stop = match.span()
            line += count("\n", counted, start)
            counted = start
            stop = find("\n", stop)
            found.append(PlainEvent(line, start, end if stop < 0 else stop + 1, head, body, tail))
            continue
        if match["sep"] == ";":
            return None
        begin, value = match["name"].upper() == "BEGIN", match["value"].strip().upper()
        if skipping:
            skipping += 1 if begin else -1
        elif begin and ((not stack and value != "VCALENDAR") or len(stack) >= MAX_NESTING):
            skipping = 1
        elif begin:
            stack.append(value)
        elif stack and stack[-1] == value:
            stack.pop()
    return found
