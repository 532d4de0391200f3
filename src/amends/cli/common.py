"""Options, output helpers and exit codes shared by every command.

Exit codes are the same everywhere: 0 ok, 1 problems found, 2 bad input. Nothing here
loads Typer at import: the commands that run without it (:mod:`amends.cli.fastargs`)
use these helpers too.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, NoReturn

from amends.cli.formats import OutputFormat, ResultFormat
from amends.dates.zones import parse_instant
from amends.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["OutputFormat", "ResultFormat", "fail", "out", "print_json", "resolve_now"]

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


def resolve_now(text: str | None) -> datetime:
    """The injected ``--now`` or, only here at the interface, the real clock."""
    if text is None:
        return datetime.now(UTC)
    return parse_instant(text, "now")


MAX_EVENT_AHEAD = timedelta(days=1)


def resolve_event_now(text: str | None) -> datetime:
    """``--now`` for something that is *recorded* (an event, a saved case).

    A typo such as 2062 for 2026 would otherwise stay in the history and refuse
    every later event as "before this case's last event", so a recorded time may
    be at most a day ahead of this computer's clock (time zones and slightly
    wrong clocks stay well inside that).
    """
    moment = resolve_now(text)
    real = datetime.now(UTC)
    if moment - real > MAX_EVENT_AHEAD:
        raise InputError(
            "now",
            f"{moment.isoformat()} is more than a day ahead of this computer's clock "
            f"({real.isoformat(timespec='minutes')}); events are recorded when they happen",
        )
    return moment


def out() -> Console:
    """A console on the current stdout (created per call so tests can capture it)."""
    from rich.console import Console  # only text output needs Rich; JSON does not pay for it

    return Console(file=sys.stdout, highlight=False)


def print_json(data: Any) -> None:
    """Print a JSON document (UTF-8, stable key order as given)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def fail(err: InputError) -> NoReturn:
    """Print a bad-input error as one line on stderr and exit 2."""
    import typer  # only a command run by Typer fails this way

    sys.stderr.write(f"amends: error: {err.cli_text()}\n")
    raise typer.Exit(EXIT_BAD_INPUT)
