"""Follow-through commands: cases, case show/record, write, next, log, export, import, backup.

Each command opens the store (``--db``, ``AMENDS_DB``, or the data dir), calls
:mod:`amends.cases`, and renders. Errors are the core's: an unknown case id or
a bad option is bad input (exit 2), an illegal transition is a problem
(``StateError``, exit 1), a damaged, locked or newer database exits 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cases import (
    DEFAULT_BUSINESS_DAYS,
    KINDS,
    EventInput,
    career_log,
    career_log_markdown,
    event_kind,
    export_text,
    import_all,
    load_case,
    load_cases,
    record,
    write,
)
from amends.cases.engine import case_steps
from amends.cases.machine import CORRECTION, spoken
from amends.cli.app import app
from amends.cli.cases_view import (
    case_json,
    print_case,
    print_due,
    record_json,
    say,
)
from amends.cli.common import (
    ResultFormat,
    print_json,
    resolve_event_now,
    resolve_now,
)
from amends.cli.options import DaysOption, DbOption, NowOption, ResultFormatOption
from amends.cli.store_options import UrlOption, opened
from amends.errors import InputError
from amends.export.files import write_atomic
from amends.inputs import STDIN, decode_utf8, load_json, read_capped


def _help(summary: str, example: str) -> str:
    return f"{summary}\n\nExample: {example}"


case_app = typer.Typer(
    help=_help(
        "Show one case or record what happened.",
        "amends case show k3m9xw",
    ),
    no_args_is_help=True,
)
log_app = typer.Typer(
    help=_help(
        "The career log of lessons and safeguards.",
        "amends log export --format markdown",
    ),
    no_args_is_help=True,
)
app.add_typer(case_app, name="case")
app.add_typer(log_app, name="log")


@case_app.command(
    "show",
    help=_help(
        "Everything about one case: history, new time, what is due.",
        "amends case show k3m9xw",
    ),
)
def case_show(
    case_id: Annotated[str, typer.Argument(metavar="ID", help="The case id (see `amends cases`).")],
    days: DaysOption = DEFAULT_BUSINESS_DAYS,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    moment = resolve_now(now)
    with opened(db, url) as store:
        case = load_case(store, case_id)
    due = case_steps(case, moment, days)
    if fmt == ResultFormat.json:
        print_json(case_json(case, due))
    else:
        print_case(case, due)


RECORD_HELP = """Record what happened on a case (at --now; default: the clock).

Events: contacted --via call|voicemail|email|recruiter, waiting,
reply yes --slot "YYYY-MM-DD HH:MM" (interviewer's zone), reply no, no-reply,
followed-up, interviewed, thanked, close. At any time: note, lesson, safeguard,
promised, delivered (each with --text) and done --step STEP.

Recorded the wrong thing? correction --entry N [--text "why"] withdraws entry N
of the history (the numbers `amends case show` prints); the history keeps both,
and the state and next steps follow the entries still standing. Then record
what really happened.

Example: amends case record k3m9xw reply yes --slot "2026-11-27 14:00"
--link https://meet.example/abc
"""


def _opt(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


@case_app.command("record", help=RECORD_HELP)
def case_record(
    case_id: Annotated[str, typer.Argument(metavar="ID", help="The case id.")],
    event: Annotated[str, typer.Argument(metavar="EVENT", help="What happened (see above).")],
    answer: Annotated[str | None, typer.Argument(metavar="[yes|no]", help="For reply.")] = None,
    via: Annotated[
        str | None, _opt("contacted: call, voicemail, email or recruiter.", "--via")
    ] = None,
    slot: Annotated[
        str | None, _opt('reply yes: the new start, "YYYY-MM-DD HH:MM".', "--slot")
    ] = None,
    minutes: Annotated[int, typer.Option("--minutes", help="reply yes: interview length.")] = 60,
    mode: Annotated[str | None, _opt("reply yes: in-person, video or phone.", "--mode")] = None,
    link: Annotated[str | None, _opt("reply yes: the meeting link.", "--link")] = None,
    address: Annotated[str | None, _opt("reply yes: the address.", "--address")] = None,
    text: Annotated[
        str | None, _opt("note/lesson/safeguard/promised/delivered text.", "--text")
    ] = None,
    step: Annotated[
        str | None, _opt("done: the step key shown by `amends next`.", "--step")
    ] = None,
    entry: Annotated[
        int | None, _opt("correction: the history entry to withdraw (see case show).", "--entry")
    ] = None,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    given = EventInput(
        kind=event_kind(event, answer),
        now=resolve_event_now(now),
        via=via.strip().lower() if via else None,
        slot=slot,
        minutes=minutes,
        mode=mode,
        link=link,
        address=address,
        text=text,
        step=step,
        entry=entry,
    )
    with opened(db, url) as store:
        # without --now, the event's time is read once the case is locked
        clock = None if now is not None else (lambda: resolve_now(None))
        case, stored = record(store, case_id, given, clock)
    due = case_steps(case, stored.at)
    if fmt == ResultFormat.json:
        print_json(record_json(case, stored, due))
        return
    if stored.kind == CORRECTION:
        say(f"Withdrew entry {entry} on case {case.id}: now {case.state}.")
    else:
        say(f"Recorded {spoken(stored.kind)} on case {case.id}: now {case.state}.")
    print_due(due, {case.id: case.situation.candidate.tz})


WRITE_HELP = f"""Write the message a case calls for now: {", ".join(KINDS)}.
thank-you needs --topic (one thing you discussed).

Example: amends write thank-you --case k3m9xw --topic "the churn model"
"""


@app.command("write", help=WRITE_HELP)
def write_command(
    kind: Annotated[str, typer.Argument(metavar="KIND", help="Which message.")],
    case_id: Annotated[str, typer.Option("--case", help="The case id.", show_default=False)],
    topic: Annotated[
        str | None, _opt("thank-you: a specific topic from the interview.", "--topic")
    ] = None,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    moment = resolve_now(now)
    with opened(db, url) as store:
        case = load_case(store, case_id)
    draft = write(case, kind, moment, topic)
    if fmt == ResultFormat.json:
        print_json(draft.to_json())
        return
    if draft.subject:
        sys.stdout.write(f"Subject: {draft.subject}\n\n")
    sys.stdout.write(draft.body + "\n")


class LogFormat(StrEnum):
    markdown = "markdown"
    json = "json"


@log_app.command(
    "export",
    help=_help(
        "Write your career log (lessons, safeguards) as Markdown or JSON.",
        "amends log export --format markdown --output playbook.md",
    ),
)
def log_export(
    fmt: Annotated[
        LogFormat, typer.Option("--format", "-f", help="markdown or json.")
    ] = LogFormat.markdown,
    output: Annotated[
        Path | None, _opt("Write to this file instead of the screen.", "--output", "-o")
    ] = None,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    with opened(db, url) as store:
        cases = load_cases(store)
    if fmt == LogFormat.json:
        text = json.dumps(career_log(cases), ensure_ascii=False, indent=2) + "\n"
    else:
        text = career_log_markdown(cases)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_new(output, text)
        say(f"Wrote the career log to {output}.")


def _write_new(path: Path, text: str) -> None:
    """Write a new private file atomically; never overwrite what is there."""
    if path.exists():
        raise InputError("file", f"{path} already exists; choose a new file name")
    write_atomic(path, text.encode("utf-8"), force=False, field="file")


FileArg = Annotated[Path, typer.Argument(metavar="FILE", help="The file.")]


@app.command(
    "export",
    help=_help(
        "Write every case with its full history to a JSON file (or - for the screen).",
        "amends export amends-export.json",
    ),
)
def export_command(
    file: FileArg, now: NowOption = None, db: DbOption = None, url: UrlOption = None
) -> None:
    moment = resolve_now(now)
    with opened(db, url) as store:  # streamed: one batch of cases in memory at a time
        if str(file) == "-":
            sys.stdout.writelines(export_text(store, moment))
            return
        if file.exists():
            raise InputError("file", f"{file} already exists; choose a new file name")
        count = 0

        def chunks() -> Iterator[bytes]:
            nonlocal count
            for chunk in export_text(store, moment):
                count += chunk.startswith(("\n    {", ",\n    {"))
                yield chunk.encode("utf-8")

        write_atomic(file, chunks(), force=False, field="file")
    say(f"Exported {count} cases to {file}.")


@app.command(
    "import",
    help=_help(
        "Add the cases of an `amends export` file, or - for standard input "
        "(cases already here are skipped).",
        "amends import amends-export.json",
    ),
)
def import_command(
    file: FileArg,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    data = read_capped(file, "file")
    source = "standard input" if str(file) == STDIN else str(file)
    document = load_json(decode_utf8(data, "file", source), "file", source)
    with opened(db, url) as store:
        added, present = import_all(store, document)
    if fmt == ResultFormat.json:
        print_json({"added": added, "already_present": present})
    else:
        say(f"Imported {added} cases ({present} already present).")


@app.command(
    "backup",
    help=_help(
        "Copy the case database safely (SQLite backup API), even while it is in use.",
        "amends backup ~/amends-backup.db",
    ),
)
def backup_command(
    file: FileArg,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    with opened(db, url) as store:
        store.backup(file.expanduser())
        source = store.location
    if fmt == ResultFormat.json:
        print_json({"backup": str(file), "source": source})
    else:
        say(f"Backed up {source} to {file}.")
