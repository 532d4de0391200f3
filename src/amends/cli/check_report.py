"""The text of an `amends check` report, and reading its FILE, without Typer or Rich.

``amends check FILE`` on well-formed arguments runs from :mod:`amends.cli.fastargs`
without loading Typer or Click, so everything it needs is here: :func:`run_check` (what
the command does with its options), reading the draft, the report's lines, and two
writers — Rich's (styles on a terminal) and a direct one that prints exactly what Rich
prints when stdout is not a terminal
(``tests/test_check_plain_report.py`` compares the two on every kept draft).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amends.check import (
    CheckReport,
    Draft,
    Finding,
    check_draft,
    looks_like_eml,
    parse_draft,
    read_eml,
    resolve_ignore,
)
from amends.cli.formats import ResultFormat
from amends.errors import InputError
from amends.inputs import MAX_DRAFT_FILE, read_capped

if TYPE_CHECKING:
    from rich.text import Text

CONTEXT_CHARS = 60


class KindChoice(StrEnum):
    """What the draft is (``email`` is the older name of ``apology``)."""

    apology = "apology"
    request = "request"
    follow_up = "follow-up"
    confirmation = "confirmation"
    script = "script"
    email = "email"


def _read_source(source: str) -> tuple[str, bytes]:
    """The display name and raw bytes of FILE (or standard input for ``-``)."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        return "standard input", data
    path = Path(source)
    if path.is_dir():
        raise InputError("", f"{source}: is a directory, not a draft file")
    try:
        return source, read_capped(path, "", limit=MAX_DRAFT_FILE)
    except FileNotFoundError:
        raise InputError("", f"{source}: no such file") from None
    except PermissionError:
        raise InputError("", f"{source}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError("", f"{source}: cannot be read ({exc.strerror or exc})") from None


def load_draft(source: str) -> tuple[str, Draft]:
    """Read FILE into a :class:`Draft`, turning every unreadable input into ``InputError``."""
    name, data = _read_source(source)
    if b"\x00" in data:
        raise InputError("", f"{name}: looks like a binary file, not a text draft")
    is_eml = source.lower().endswith(".eml")
    if not is_eml:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("", f"{name}: is not UTF-8 text; save it as UTF-8") from None
        if not text.strip():
            raise InputError("", f"{name}: is empty; there is no draft to check")
        is_eml = looks_like_eml(text)
        if not is_eml:
            return name, parse_draft(text)
    if not data.strip():
        raise InputError("", f"{name}: is empty; there is no draft to check")
    return name, read_eml(data, name)


def _position(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


# One piece of a report line: its words and the Rich style a terminal shows them in.
Piece = tuple[str, str]
Line = list[Piece]


def _context(report: CheckReport, finding: Finding) -> Line:
    """The finding's line with the excerpt highlighted, trimmed around it."""
    text = report.text
    line_start = text.rfind("\n", 0, finding.start) + 1
    nl = text.find("\n", finding.start)
    line_end = len(text) if nl < 0 else nl
    start, end = finding.start, min(finding.end, line_end)
    left = max(line_start, start - CONTEXT_CHARS)
    right = min(line_end, end + CONTEXT_CHARS)
    style = "bold reverse red" if finding.severity == "error" else "bold reverse yellow"
    return [
        ("    ", ""),
        ("…" if left > line_start else "", ""),
        (text[left:start].rstrip("\r"), ""),
        (text[start:end].rstrip("\r"), style),
        (text[end:right].rstrip("\r"), ""),
        ("…" if right < line_end or finding.end > line_end else "", ""),
    ]


def report_lines(name: str, report: CheckReport) -> list[Line]:
    """The text report, line by line: each finding, its words in context, the
    suggestion, then a summary (an empty list is a blank line)."""
    lines: list[Line] = []
    for f in report.findings:
        colour = "red" if f.severity == "error" else "yellow"
        if f.whole_draft:
            where = f"{name}: "
        else:
            line, col = _position(report.text, f.start)
            where = f"{name}:{line}:{col}: "
        lines.append(
            [
                (where, ""),
                (f.severity, f"bold {colour}"),
                (f" {f.category} ", "bold"),
                (f"[{f.rule}]", "dim"),
            ]
        )
        lines.append([(f"    {f.message}", "")])
        if f.whole_draft:
            lines.append([("    (the draft as a whole)", "dim")])
        else:
            lines.append(_context(report, f))
        lines.append([(f"    → {f.suggestion}", "green")])
        lines.append([])
    if not report.findings:
        lines.append([(f"{name}: no problems found.", "bold green")])
        return lines
    errors, warnings = report.errors, report.warnings
    summary = (
        f"{name}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    verdict = " — fix the errors before sending." if errors else " — fine to send once reviewed."
    lines.append([(summary + verdict, "bold")])
    return lines


def _rich_text(line: Line) -> Text:
    from rich.text import Text  # only a terminal (or a forced one) needs Rich's styles

    shown = Text()
    for words, style in line:
        shown.append(words, style=style or None)
    return shown


def render_rich(lines: list[Line]) -> None:
    """The report through Rich: styled on a terminal, plain text elsewhere."""
    from amends.cli.common import out  # Typer and Rich: only for a terminal

    console = out()
    for line in lines:
        if line:
            console.print(_rich_text(line), soft_wrap=True)
        else:
            console.print()


# The control characters Rich removes from every Text (bell, backspace, vertical
# tab, form feed, carriage return), so the plain writer prints what Rich prints.
_RICH_STRIPS = dict.fromkeys((7, 8, 11, 12, 13))


def render_plain(lines: list[Line]) -> None:
    """The report as Rich prints it when stdout is not a terminal, without loading Rich."""
    sys.stdout.write(
        "".join("".join(w for w, _ in line).translate(_RICH_STRIPS) + "\n" for line in lines)
    )


def _styles_shown() -> bool:
    """Whether Rich would style the output: the same tests as its ``Console.is_terminal``."""
    if getattr(sys.stdin, "__module__", "").startswith("idlelib"):
        return False
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def render_text(name: str, report: CheckReport) -> None:
    """Human output: Rich's styles on a terminal; elsewhere the same words, written directly.

    Rich expands a tab to the next tab stop by the width of the characters before
    it, so a report with a tab in it is always written by Rich.
    """
    lines = report_lines(name, report)
    if _styles_shown() or any("\t" in w for line in lines for w, _ in line):
        render_rich(lines)
    else:
        render_plain(lines)


def print_json(data: Any) -> None:
    """Print a JSON document (UTF-8, stable key order as given), as every command does."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def run_check(options: Mapping[str, Any]) -> int:
    """`amends check` with its options by parameter name (declared on the Typer command in
    :mod:`amends.cli.check_cmd`): print the report, return the exit code (1: errors found).

    Bad input raises :class:`InputError` before anything is printed.
    """
    ignored = resolve_ignore(options["ignore"] or [])
    name, draft = load_draft(options["file"])
    kind = options["kind"]
    chosen = None if kind is None else KindChoice(kind).value
    report = check_draft(draft, kind=chosen, reason=options["reason"], ignore=ignored)
    if options["fmt"] is ResultFormat.json:
        print_json(report.to_json())
    else:
        render_text(name, report)
    return 0 if report.passed else 1
