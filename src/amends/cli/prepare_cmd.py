"""`amends prepare`: the prevention calendar for an interview they confirmed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cli.app import app
from amends.cli.common import (
    ResultFormat,
    fail,
    print_json,
    resolve_now,
)
from amends.cli.options import MyHoursOption, NowOption, ProfileOption, ResultFormatOption
from amends.dates.calendar import WAKING_HOURS
from amends.dates.format import moment_text
from amends.dates.zones import parse_local, zone
from amends.errors import InputError
from amends.export.confirmed import Confirmed
from amends.export.files import write_atomic
from amends.export.ics import CalendarExport, prepare_calendar
from amends.plan.situation import MODES, Mode
from amends.profile import load_profile

PREPARE_HELP = """Write the reminder calendar (.ics) for a confirmed interview: the interview
with alarms 24 hours, 1 hour and 15 minutes before, a confirmation 24 hours
before and on the morning, a tech check (video) or travel block (in person),
a preparation hour the day before and a thank-you reminder. Every reminder
time is also written in each event's description, because some calendar apps
drop alarms on import. Every reminder you act on falls inside your waking
hours (--my-hours or the profile's my_hours, default 08:00-20:00).

Each interview round has one identity (--case and --round, else company, role
and round): re-export the same round with --force to update its events, even
after the slot moved; a later round (--round 2) sits beside the first.

Example:

  amends prepare --at "2026-11-26 14:00" --tz America/New_York --my-tz Europe/London
  --mode video --link https://meet.example/abc --company Acme --role "Data Analyst"
  --interviewer "Dana Lee" --ics acme.ics --now 2026-11-24T09:00Z
"""


def _opt(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


def _mode(value: str) -> Mode:
    key = value.strip().lower()
    for mode in MODES:
        if key == mode:
            return mode
    raise InputError("mode", f"{value[:40]!r} is not valid; use one of: {', '.join(MODES)}")


@app.command("prepare", help=PREPARE_HELP)
def prepare_command(
    at: Annotated[str, _opt('Confirmed start, "YYYY-MM-DD HH:MM", in the --tz zone.', "--at")],
    tz: Annotated[str, _opt("Interviewer's IANA time zone, e.g. America/New_York.", "--tz")],
    ics: Annotated[
        Path, _opt("Calendar file to write, e.g. interview.ics (- for standard output).", "--ics")
    ],
    mode: Annotated[str, _opt("video, in-person or phone.", "--mode")] = "video",
    my_tz: Annotated[
        str | None, _opt("Your own IANA time zone (default: the --tz zone).", "--my-tz")
    ] = None,
    link: Annotated[str | None, _opt("Video call link (video only).", "--link")] = None,
    address: Annotated[str | None, _opt("Where to go (in person only).", "--address")] = None,
    company: Annotated[str, _opt("Company name.", "--company")] = "",
    role: Annotated[str, _opt("Job title of the role.", "--role")] = "",
    interviewer: Annotated[str, _opt("Interviewer's name.", "--interviewer")] = "",
    minutes: Annotated[
        int, _opt("Length of the interview in minutes (default 60).", "--minutes")
    ] = 60,
    travel_minutes: Annotated[
        int, _opt("Door-to-door travel time for in person (default 45).", "--travel-minutes")
    ] = 45,
    original_at: Annotated[
        str | None,
        _opt(
            "Start of the interview that was missed, in the --tz zone (for your record; "
            "the events keep their identity with or without it).",
            "--original-at",
        ),
    ] = None,
    case: Annotated[
        str, _opt("The case id (amends case list): part of the events' identity.", "--case")
    ] = "",
    round_number: Annotated[
        int, _opt("Which interview round this is (1 to 20, default 1).", "--round")
    ] = 1,
    my_hours: MyHoursOption = None,
    profile: ProfileOption = None,
    force: Annotated[bool, _opt("Overwrite --ics if it exists.", "--force")] = False,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
) -> None:
    try:
        mine = load_profile(profile)
        my_tz = my_tz or mine.get("my_tz")
        moment = resolve_now(now)
        their = zone(tz, "tz")
        confirmed = Confirmed(
            start=parse_local(at, their, "at"),
            interviewer_tz=their.key,
            candidate_tz=zone(my_tz, "my_tz").key if my_tz else their.key,
            mode=_mode(mode),
            company=company,
            role=role,
            interviewer=interviewer,
            link=link,
            address=address,
            minutes=minutes,
            travel_minutes=travel_minutes,
            original_start=parse_local(original_at, their, "original_at") if original_at else None,
            my_hours=my_hours or mine.get("my_hours") or WAKING_HOURS,
            case=case,
            round=round_number,
        )
        export = prepare_calendar(confirmed, moment)
        if str(ics) == "-":  # the calendar itself on standard output, nothing else
            sys.stdout.buffer.write(export.data)
            sys.stdout.flush()
            return
        path = write_atomic(ics, export.data, force=force, field="ics")
    except InputError as err:
        fail(err)
    if fmt is ResultFormat.json:
        print_json({"ics": str(path), **export.to_json()})
        return
    _print_text(path, export, confirmed)


def _print_text(path: Path, export: CalendarExport, confirmed: Confirmed) -> None:
    lines = [f"Wrote {path} ({len(export.events)} events)."]
    for event in export.events:
        when = moment_text(event.start, confirmed.candidate_tz)
        lines.append(f"  {when}  {event.title}")
        for before, _ in event.alarms:
            if before:
                at = moment_text(event.start - before, confirmed.candidate_tz)
                lines.append(f"      alarm {_before(before.total_seconds())}: {at}")
    if export.skipped:
        lines.append(f"Left out (already past): {', '.join(export.skipped)}")
    lines.append(
        "Some calendar apps drop alarms on import; every reminder time is also written "
        "in each event's description."
    )
    sys.stdout.write("\n".join(lines) + "\n")


def _before(seconds: float) -> str:
    """``24 hours before``, ``15 minutes before``, ``26 hours 15 minutes before``."""
    hours, minutes = divmod(int(seconds // 60), 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts) + " before"
