"""Every option more than one command takes, declared once as an ``Annotated`` alias.

Commands then show the same names, defaults and help: ``--format``, ``--now``,
``--db``, ``--my-hours`` and ``--profile`` here; the slot-finder options shared by
``amends slots`` and ``amends plan`` in :mod:`amends.cli.slot_options` (they need
the slot finder's limits, which only those two commands should pay to import).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from amends.cli.common import OutputFormat, ResultFormat

FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output as readable text, Markdown, or JSON."),
]
ResultFormatOption = Annotated[
    ResultFormat, typer.Option("--format", "-f", help="Output as readable text or JSON.")
]
NowOption = Annotated[
    str | None,
    typer.Option(
        "--now",
        help="Treat this ISO-8601 instant as the current time, e.g. 2026-11-22T09:05+00:00 "
        "(for reproducible output). Default: the real clock.",
        show_default=False,
    ),
]
MyHoursOption = Annotated[
    str | None,
    typer.Option(
        "--my-hours",
        help="Your waking hours on your own clock, may run past midnight (20:00-01:00): "
        "reschedule times and every task after the first hour fall inside them. "
        "Default: profile my_hours, else 08:00-20:00.",
        show_default=False,
    ),
]
ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile", help="Profile TOML file (default: your config folder).", show_default=False
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Case database file. Default: $AMENDS_DB, else amends.db in the data folder.",
        show_default=False,
    ),
]

GreetingOption = Annotated[
    str | None,
    typer.Option(
        "--greeting",
        help="How messages greet people: first-name (Dear Dana, Dear Dr Moore) or formal "
        "(Dear Ms Whitfield, when you give the title). Default: profile, else first-name.",
        show_default=False,
    ),
]
EnglishOption = Annotated[
    str | None,
    typer.Option(
        "--english",
        help="English of the messages: us (American, 12-hour clock) or gb (British). "
        "Default: profile, else American for recipients in the US and Canada, British elsewhere.",
        show_default=False,
    ),
]
DaysOption = Annotated[
    int,
    typer.Option(
        "--days",
        min=1,
        max=20,
        help="Business days of silence before the follow-up (and again before moving on).",
    ),
]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, help="Show at most this many.", show_default=False),
]
OffsetOption = Annotated[
    int, typer.Option("--offset", min=0, help="Skip this many first (with --limit: pages).")
]
