"""A line-level check of ``.ics`` text, so errors can name the file and line.

``icalendar`` is lenient and reports problems without line numbers. This scan
runs first: it unfolds continuation lines, checks every content line has the
``NAME[;PARAM=...]:value`` shape and that ``BEGIN``/``END`` pair up, and
remembers on which line each event and each of its properties starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amends.errors import InputError

_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM_VALUE = re.compile(r'^(?:"[^"]*"|[^";:,]*)')


@dataclass
class EventLines:
    """Where one ``VEVENT`` and its properties start in the file (1-based lines)."""

    begin: int
    props: dict[str, int] = field(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of property ``name``, or of ``BEGIN:VEVENT`` when unknown."""
        return self.props.get(name.upper(), self.begin)


def _logical_lines(text: str) -> list[tuple[int, str]]:
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


def scan(text: str, source: str) -> list[EventLines]:
    """Check the structure of ``text`` and locate its top-level events."""
    lines = _logical_lines(text)
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        first = lines[0][0] if lines else 1
        raise InputError(
            "busy", f"{source}: line {first}: not an iCalendar file (no BEGIN:VCALENDAR)"
        )
    stack: list[tuple[str, int]] = []
    events: list[EventLines] = []
    for number, line in lines:
        name = _name_of(line, number, source)
        value = line.split(":", 1)[1].strip().upper() if name in ("BEGIN", "END") else ""
        if name == "BEGIN":
            if not stack and value != "VCALENDAR":
                raise InputError(
                    "busy", f"{source}: line {number}: BEGIN:{value} outside a calendar"
                )
            stack.append((value, number))
            if value == "VEVENT" and len(stack) == 2:
                events.append(EventLines(number))
        elif name == "END":
            if not stack or stack[-1][0] != value:
                open_ = f"BEGIN:{stack[-1][0]} of line {stack[-1][1]}" if stack else "nothing"
                raise InputError(
                    "busy", f"{source}: line {number}: END:{value} does not close {open_}"
                )
            stack.pop()
        elif not stack:
            raise InputError("busy", f"{source}: line {number}: {name} outside a calendar")
        elif len(stack) == 2 and stack[-1][0] == "VEVENT":
            events[-1].props.setdefault(name, number)
    if stack:
        kind, number = stack[-1]
        raise InputError(
            "busy", f"{source}: line {number}: BEGIN:{kind} is never closed (END:{kind})"
        )
    return events
