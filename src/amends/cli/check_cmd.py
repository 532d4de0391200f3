"""`amends check`: read the user's own draft the way an experienced recruiter would."""

from __future__ import annotations

from typing import Annotated

import typer

from amends.check import CATEGORIES
from amends.cli.app import app
from amends.cli.check_report import KindChoice, run_check
from amends.cli.common import ResultFormat
from amends.cli.options import ResultFormatOption

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
    raise typer.Exit(run_check(locals()))  # every option above, by name
