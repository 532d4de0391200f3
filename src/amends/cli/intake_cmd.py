"""`amends intake`: what happened, in your own words -> the fields a plan needs.

The intake core (and the date and phone parsers behind it) is imported only
when this command runs, so it adds nothing to the start-up of other commands.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cli.app import app
from amends.cli.common import EXIT_OK, EXIT_PROBLEMS, ResultFormat, print_json, resolve_now
from amends.cli.options import NowOption, ResultFormatOption
from amends.errors import InputError
from amends.profile import load_profile

INTAKE_HELP = """Read what happened, as you would type it on your phone, and show the
fields a plan needs: what was understood, what is missing, and a short
question for each missing field. Nothing is guessed: a field the story does
not state or clearly imply is listed as missing.

TEXT is the story, or - to read it from standard input. Field names in the
JSON output are the `amends plan` options in snake_case.

Exit codes: 0 everything a plan needs was understood; 1 something is still
missing (see "missing"); 2 bad input.

Example:

  amends intake "missed my 10am zoom interview w dana lee for the data analyst
  role at Acme, alarm didnt go off. dana@acme.example" --now 2026-11-23T10:40Z
  --my-tz Europe/London --format json
"""
MAX_STDIN = 64 * 1024


def read_text_argument(text: str) -> str:
    """The story itself, or standard input for ``-`` (bounded: a paste is not a file)."""
    if text != "-":
        return text
    data = sys.stdin.read(MAX_STDIN + 1)
    if len(data) > MAX_STDIN:
        raise InputError("text", f"standard input is longer than {MAX_STDIN // 1024} KB")
    return data


def default_my_tz(given: str | None, profile: Path | None) -> str:
    """--my-tz, else the profile's zone, else the machine's; an error when none is known."""
    if given is not None:
        return given
    from amends.cli.guide_cmd import system_zone

    found = load_profile(profile).get("my_tz") or system_zone()
    if not found:
        raise InputError("my_tz", "is needed (no zone in your profile); e.g. --my-tz Europe/London")
    return str(found)


@app.command("intake", help=INTAKE_HELP)
def intake_command(
    text: Annotated[str, typer.Argument(help="What happened, or - for standard input.")],
    my_tz: Annotated[
        str | None,
        typer.Option("--my-tz", help="Your IANA time zone (default: profile).", show_default=False),
    ] = None,
    profile: Annotated[
        Path | None, typer.Option("--profile", help="Profile TOML file.", show_default=False)
    ] = None,
    now: NowOption = None,
    output_format: ResultFormatOption = ResultFormat.text,
) -> None:
    from amends.intake import read_story

    story = read_text_argument(text)
    moment = resolve_now(now)
    zone_name = default_my_tz(my_tz, profile)
    try:
        result = read_story(story, moment, zone_name)
    except InputError as err:
        if err.field != "text":
            raise
        # TEXT is an argument, not an option: name it the way --help does.
        raise InputError("", f"TEXT {err.message}") from None
    if output_format is ResultFormat.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(intake_text(result.to_json()))
    raise typer.Exit(EXIT_OK if result.complete else EXIT_PROBLEMS)


def intake_text(data: dict[str, Any]) -> str:
    """The readable form: what was understood, then each missing field with its question."""
    lines: list[str] = []
    fields: dict[str, str] = data["fields"]
    if fields:
        lines.append("Understood:")
        width = max(len(name) for name in fields)
        lines += [f"  {name.ljust(width)}  {value}" for name, value in fields.items()]
    else:
        lines.append("Nothing definite could be read from that yet.")
    if data["missing"]:
        lines.append("Still needed:")
        lines += [
            f"  {name}: {question}"
            for name, question in zip(data["missing"], data["questions"], strict=True)
        ]
    return "\n".join(lines) + "\n"


def story_values(
    story: str, explicit: dict[str, Any], now: datetime, profile: dict[str, Any]
) -> dict[str, Any]:
    """`amends plan --story`: the story's fields under the explicit flags, or one clear error.

    Everything a plan needs must come from the story or a flag; the first thing
    still open is reported with the intake's question and the flag that answers it.
    """
    from amends.intake import merged, read_story, unanswered

    my_tz = explicit.get("my_tz") or profile.get("my_tz")
    try:
        intake = read_story(read_text_argument(story), now, default_my_tz(my_tz, None))
    except InputError as err:
        if err.field != "text":
            raise
        raise InputError("story", err.message) from None
    open_fields = unanswered(intake, explicit)
    if open_fields:
        name, question = open_fields[0]
        flag = "--" + name.replace("_", "-")
        raise InputError("story", f"{question} (answer with {flag})")
    return merged(intake, explicit)
