"""The Typer application, and the table of commands it loads only when one runs.

``amends --help`` lists every command from :data:`COMMANDS` (name, module and
the first paragraph of its help) without importing any of them, and
``amends check FILE`` imports the checker but not the planner, the slot finder
or the case store. A command module registers itself on :data:`app` when
:class:`LazyGroup` imports it; ``tests/test_cli_imports.py`` checks that the
summaries here match the commands' own help and that ``--help`` stays light.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Annotated, Any

import typer
from click.exceptions import UsageError  # Typer < 0.25 (pinned) runs on Click itself
from typer.core import TyperCommand, TyperGroup

from amends import __version__

__all__ = ["COMMANDS", "Entry", "LazyGroup", "UsageError", "app"]


@dataclass(frozen=True)
class Entry:
    """Where a command lives and the summary ``amends --help`` shows for it."""

    module: str
    summary: str


def _cases(summary: str) -> Entry:
    return Entry("amends.cli.cases_cmd", summary)


COMMANDS: dict[str, Entry] = {
    "plan": Entry(
        "amends.cli.plan_cmd",
        "Build the first-hour plan: what to do first and by when, the phone script,\n"
        "the voicemail, the email (two variants) and the checklist.",
    ),
    "reasons": Entry(
        "amends.cli.plan_cmd",
        "List the reason catalogue: each code, whether it was outside your control,\n"
        "whether the email names it, and the honest one-line framing amends uses.",
    ),
    "intake": Entry(
        "amends.cli.intake_cmd",
        "Read what happened, as you would type it on your phone, and show the\n"
        "fields a plan needs: what was understood, what is missing, and a short\n"
        "question for each missing field. Nothing is guessed: a field the story does\n"
        "not state or clearly imply is listed as missing.",
    ),
    "check": Entry(
        "amends.cli.check_cmd",
        "Check your own apology e-mail or call script for what hurts it: blame,\n"
        "excuses, demands, begging, oversharing, too many apologies, times without a\n"
        "zone, unfilled placeholders, and what is missing (apology, ownership, interest,\n"
        "thanks, availability, a clear subject).",
    ),
    "slots": Entry(
        "amends.cli.slots_cmd",
        "Propose two or three reschedule times inside the interviewer's working hours\n"
        "and your own, on their business days (weekends, public holidays and customary\n"
        "closures of their country and region skipped), avoiding your busy times,\n"
        "correct across DST changes. Your zone and hours come from your profile when\n"
        "--my-tz and --my-hours are not given.",
    ),
    "prepare": Entry(
        "amends.cli.prepare_cmd",
        "Write the reminder calendar (.ics) for a confirmed interview: the interview\n"
        "with alarms 24 hours, 1 hour and 15 minutes before, a confirmation 24 hours\n"
        "before and on the morning, a tech check (video) or travel block (in person),\n"
        "a preparation hour the day before and a thank-you reminder. Every reminder\n"
        "time is also written in each event's description, because some calendar apps\n"
        "drop alarms on import. Every reminder you act on falls inside your waking\n"
        "hours (--my-hours or the profile's my_hours, default 08:00-20:00).",
    ),
    "guide": Entry(
        "amends.cli.guide_cmd",
        "Answer a few questions and get the first-hour plan (the same as `amends plan`).\n"
        "Running `amends` with no arguments in a terminal starts this too.",
    ),
    "cases": Entry("amends.cli.listing_cmd", "List your cases with their state and the next step."),
    "write": _cases(
        "Write the message a case calls for now: apology-email, confirmation, joined-early, "
        "thank-you, decline-reply, follow-up, recruiter, stay-in-touch.\n"
        "thank-you needs --topic (one thing you discussed)."
    ),
    "next": Entry(
        "amends.cli.listing_cmd", "What is due across your open cases, and when (overdue first)."
    ),
    "export": _cases(
        "Write every case with its full history to a JSON file (or - for the screen)."
    ),
    "import": _cases(
        "Add the cases of an `amends export` file, or - for standard input "
        "(cases already here are skipped)."
    ),
    "backup": _cases("Copy the case database safely (SQLite backup API), even while it is in use."),
    "serve": Entry(
        "amends.cli.serve_cmd",
        "Start the amends web app: plan, check a draft and track cases in your browser.",
    ),
    "case": _cases("Show one case or record what happened."),
    "log": _cases("The career log of lessons and safeguards."),
    "users": Entry(
        "amends.cli.users_cmd",
        "Manage the accounts of a hosted install (sign-in for `amends serve --hosted`).",
    ),
    "db": Entry("amends.cli.db_cmd", "Upgrade or check the database schema."),
}


class LazyGroup(TyperGroup):
    """A command group that imports a command's module only when that command runs."""

    listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        if self.listing:  # the command list of --help needs only the summary
            return TyperCommand(name=cmd_name, help=entry.summary)
        importlib.import_module(entry.module)
        self.commands.update(typer.main.get_group(app).commands)
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            close = get_close_matches(args[0], list(COMMANDS)) if args else []
            if close and "Did you mean" not in exc.message:
                suggestions = ", ".join(repr(name) for name in close)
                message = f"{exc.message.rstrip('.')}. Did you mean {suggestions}?"
                raise UsageError(message, ctx=exc.ctx) from None
            raise


app = typer.Typer(
    name="amends",
    cls=LazyGroup,
    help=(
        "From a missed (or about-to-be-missed) job interview to the right call, an honest "
        "apology and time-zone-correct reschedule times within the hour.\n\n"
        "Run `amends` with no arguments in a terminal for a short guided interview.\n\n"
        'Example: amends plan --company Acme --role "Data Analyst" --interviewer "Dana Lee" '
        '--contact-email dana@acme.example --at "2026-11-23 10:00" --tz Europe/London '
        "--scenario missed --reason overslept"
    ),
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain Click help: Rich and its Markdown parser stay unloaded
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"amends {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version of amends and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """With no command: the guided interview in a terminal, otherwise the help."""
    if ctx.invoked_subcommand is not None:
        return
    if sys.stdin.isatty() and sys.stdout.isatty():
        from amends.cli.guide_cmd import run_guide  # only the interview needs the planner

        run_guide(None, None)
    else:
        typer.echo(ctx.get_help())
