"""`amends check`: read the user's own draft the way an experienced recruiter would."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from amends.check import (
    CATEGORIES,
    CheckReport,
    Draft,
    Finding,
    check_draft,
    looks_like_eml,
    parse_draft,
    read_eml,
    resolve_ignore,
)
from amends.cli.app import app
from amends.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    ResultFormat,
    fail,
    out,
    print_json,
)
from amends.cli.options import ResultFormatOption
from amends.errors import InputError
from amends.inputs import MAX_DRAFT_FILE, read_capped

CONTEXT_CHARS = 60

CHECK_HELP = f"""Check your own apology e-mail or call script for what hurts it: blame,
excuses, demands, begging, oversharing, too many apologies, times without a
zone, unfilled placeholders, and what is missing (apology, ownership, interest,
thanks, availability, a clear subject).

Each sentence is read for what it does (blames, demands, pleads, owns the
mistake, offers times, ...) by the rule catalogue and a small sentence
classifier together. What is required depends on the draft: --kind (inferred
from the words when absent) and --reason (a code from `amends reasons`; a cause
outside your control needs no ownership line).

FILE is plain text (an optional first line `Subject: ...`) or an .eml message;
use - to read standard input. Each finding shows the words in context and a
suggested fix. Exit code 1 when any error-level finding, 0 otherwise, 2 when
the input cannot be read.

Silence a rule with --ignore RULE (a rule id or a category, repeatable), or on
one line with the marker <!-- amends: ignore RULE --> at the end of that line
(for whole-draft findings such as missing-thanks the marker can go anywhere).

Categories: {", ".join(CATEGORIES)}.

Example: amends check draft.txt --kind apology --reason transit
"""


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
        fail(InputError("", f"{source}: is a directory, not a draft file"))
    try:
        return source, read_capped(path, "", limit=MAX_DRAFT_FILE)
    except FileNotFoundError:
        fail(InputError("", f"{source}: no such file"))
    except PermissionError:
        fail(InputError("", f"{source}: cannot be read (permission denied)"))
    except OSError as exc:
        fail(InputError("", f"{source}: cannot be read ({exc.strerror or exc})"))


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


def _context(report: CheckReport, finding: Finding) -> Text:
    """The finding's line with the excerpt highlighted, trimmed around it."""
    text = report.text
    line_start = text.rfind("\n", 0, finding.start) + 1
    nl = text.find("\n", finding.start)
    line_end = len(text) if nl < 0 else nl
    start, end = finding.start, min(finding.end, line_end)
    left = max(line_start, start - CONTEXT_CHARS)
    right = min(line_end, end + CONTEXT_CHARS)
    style = "bold reverse red" if finding.severity == "error" else "bold reverse yellow"
    shown = Text("    ")
    shown.append("…" if left > line_start else "")
    shown.append(text[left:start].rstrip("\r"))
    shown.append(text[start:end].rstrip("\r"), style=style)
    shown.append(text[end:right].rstrip("\r"))
    shown.append("…" if right < line_end or finding.end > line_end else "")
    return shown


def render_text(name: str, report: CheckReport) -> None:
    """Human output: each finding, its words in context, the suggestion, then a summary."""
    console = out()
    for f in report.findings:
        colour = "red" if f.severity == "error" else "yellow"
        head = Text()
        if f.whole_draft:
            head.append(f"{name}: ")
        else:
            line, col = _position(report.text, f.start)
            head.append(f"{name}:{line}:{col}: ")
        head.append(f.severity, style=f"bold {colour}")
        head.append(f" {f.category} ", style="bold")
        head.append(f"[{f.rule}]", style="dim")
        console.print(head, soft_wrap=True)
        console.print(Text(f"    {f.message}"), soft_wrap=True)
        if f.whole_draft:
            console.print(Text("    (the draft as a whole)", style="dim"), soft_wrap=True)
        else:
            console.print(_context(report, f), soft_wrap=True)
        console.print(Text(f"    → {f.suggestion}", style="green"), soft_wrap=True)
        console.print()
    if not report.findings:
        console.print(Text(f"{name}: no problems found.", style="bold green"), soft_wrap=True)
        return
    errors, warnings = report.errors, report.warnings
    summary = (
        f"{name}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    )
    verdict = " — fix the errors before sending." if errors else " — fine to send once reviewed."
    console.print(Text(summary + verdict, style="bold"), soft_wrap=True)


@app.command("check", help=CHECK_HELP)
def check_command(
    file: Annotated[
        str,
        typer.Argument(
            help="The draft: a text file (optional `Subject:` first line), an .eml "
            "file, or - for standard input.",
            show_default=False,
        ),
    ],
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            "-i",
            help="Skip a rule id or a whole category (repeatable, or comma-separated).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        KindChoice | None,
        typer.Option(
            "--kind",
            help="apology (after a miss), request (to move an interview still ahead, or "
            "running late), follow-up, confirmation, or script (said aloud: phone call, "
            "voicemail). Default: inferred from the draft. email = apology.",
            show_default=False,
        ),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option(
            "--reason",
            help="Why it happened, as a code from `amends reasons` (e.g. transit, "
            "overslept). A cause outside your control needs no ownership line.",
            show_default=False,
        ),
    ] = None,
    fmt: ResultFormatOption = ResultFormat.text,
) -> None:
    try:
        ignored = resolve_ignore(ignore or [])
        name, draft = load_draft(file)
        chosen = None if kind is None else kind.value
        report = check_draft(draft, kind=chosen, reason=reason, ignore=ignored)
    except InputError as err:
        fail(err)
    if fmt is ResultFormat.json:
        print_json(report.to_json())
    else:
        render_text(name, report)
    raise typer.Exit(EXIT_OK if report.passed else EXIT_PROBLEMS)
