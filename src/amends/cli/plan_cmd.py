"""`amends plan` and `amends reasons`: the first hour from one command.

The plan's options are declared here, once; what the command does with them is
:func:`amends.cli.plan_run.run_plan`, which ordinary arguments reach without Typer
(:mod:`amends.cli.fastargs` reads them with the option table derived from this command).

No ``from __future__ import annotations`` here, on purpose: Typer reads the
command's signature with ``get_type_hints``, which would evaluate some fifty
option annotations from strings (each ``typer.Option`` built again) every time
the command is built; evaluated once, at definition, they cost nothing to read.
"""

from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cli.app import app
from amends.cli.common import OutputFormat, ResultFormat, out, print_json
from amends.cli.options import (
    DbOption,
    EnglishOption,
    FormatOption,
    GreetingOption,
    MyHoursOption,
    NowOption,
    ProfileOption,
    ResultFormatOption,
)
from amends.cli.plan_run import run_plan, show_plan
from amends.cli.slot_options import (
    BusyOption,
    CountOption,
    CountryOption,
    DaysOption,
    DurationOption,
    HoursOption,
    WindowsOption,
)
from amends.cli.store_options import UrlOption
from amends.plan.builder import make_plan
from amends.plan.reasons import catalogue
from amends.slots.query import (
    DEFAULT_COUNT,
    DEFAULT_DAYS,
    DEFAULT_HOURS,
    DEFAULT_MINUTES,
)

PLAN_HELP = """Build the first-hour plan: what to do first and by when, the phone script,
the voicemail, the email (two variants) and the checklist.

Reschedule times: your own --slot times if given; otherwise amends proposes
two or three within the interviewer's working days and both parties' hours
(the same finder as `amends slots`, with the same options).

Your own details (name, phone, email, link, zone, waking hours) come from your
profile file when you do not pass them (see --profile). Every task after the
first hour falls inside your waking hours (--my-hours, default 08:00-20:00).

Example:

  amends plan --name "Sam Patel" --company Acme --role "Data Analyst"
  --interviewer "Dana Lee" --contact-email dana@acme.example
  --contact-phone "+44 20 7946 0000" --at "2026-11-23 10:00" --tz Europe/London
  --my-tz America/New_York --scenario missed --reason overslept
  --slot "2026-11-25 14:00" --slot "2026-11-26 10:00" --now 2026-11-23T10:40Z

Or tell it in your own words (the options you add win over the story):

  amends plan --story "missed my 10am zoom interview with dana lee for the data
  analyst role at Acme, my alarm didnt go off" --tz Europe/London
  --my-tz Europe/London --now 2026-11-23T10:40Z
"""


def _opt(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


@app.command("plan", help=PLAN_HELP)
def plan_command(
    company: Annotated[str | None, _opt("Company you interviewed with.", "--company")] = None,
    role: Annotated[str | None, _opt("Job title of the role.", "--role")] = None,
    at: Annotated[
        str | None, _opt('Interview start, "YYYY-MM-DD HH:MM", in the --tz zone.', "--at")
    ] = None,
    tz: Annotated[
        str | None, _opt("Interviewer's IANA time zone, e.g. Europe/London.", "--tz")
    ] = None,
    scenario: Annotated[
        str | None, _opt("What happened: late, conflict, missed or tech-failure.", "--scenario")
    ] = None,
    reason: Annotated[str | None, _opt("Reason code (see `amends reasons`).", "--reason")] = None,
    detail: Annotated[
        str | None, _opt("Optional short factual detail (kept private, not quoted).", "--detail")
    ] = None,
    interviewer: Annotated[str | None, _opt("Interviewer's name.", "--interviewer")] = None,
    contact_name: Annotated[
        str | None,
        _opt("Name of the person you write to, if not the interviewer.", "--contact-name"),
    ] = None,
    contact_role: Annotated[
        str | None,
        _opt("interviewer, recruiter or coordinator (default: interviewer).", "--contact-role"),
    ] = None,
    contact_phone: Annotated[
        str | None, _opt("Contact's direct phone number.", "--contact-phone")
    ] = None,
    contact_email: Annotated[
        str | None, _opt("Contact's email address.", "--contact-email")
    ] = None,
    recruiter: Annotated[
        str | None, _opt("Name of the agency recruiter who arranged it, if any.", "--recruiter")
    ] = None,
    recruiter_email: Annotated[
        str | None, _opt("The agency recruiter's email address, if known.", "--recruiter-email")
    ] = None,
    mode: Annotated[
        str | None, _opt("in-person, video or phone (default: video).", "--mode")
    ] = None,
    platform: Annotated[
        str | None, _opt("Video platform (Zoom, Teams, Meet...).", "--platform")
    ] = None,
    address: Annotated[str | None, _opt("Address of an in-person interview.", "--address")] = None,
    fold: Annotated[
        str | None,
        _opt("When --at falls in a DST fold: earlier or later occurrence.", "--fold"),
    ] = None,
    name: Annotated[str | None, _opt("Your name (default: profile).", "--name")] = None,
    phone: Annotated[str | None, _opt("Your phone (default: profile).", "--phone")] = None,
    email: Annotated[str | None, _opt("Your email (default: profile).", "--email")] = None,
    link: Annotated[
        str | None, _opt("Your portfolio or profile link (default: profile).", "--link")
    ] = None,
    my_tz: Annotated[
        str | None, _opt("Your IANA time zone (default: profile, else --tz).", "--my-tz")
    ] = None,
    senior: Annotated[
        bool | None, typer.Option("--senior/--not-senior", help="Senior-candidate wording.")
    ] = None,
    greeting: GreetingOption = None,
    english: EnglishOption = None,
    slot: Annotated[
        list[str] | None,
        _opt('Reschedule time to offer, "YYYY-MM-DD HH:MM" in --tz (repeatable).', "--slot"),
    ] = None,
    realised: Annotated[
        str | None,
        _opt("When you realised (ISO-8601 with offset); default: now.", "--realised"),
    ] = None,
    country: CountryOption = None,
    hours: HoursOption = DEFAULT_HOURS,
    my_hours: MyHoursOption = None,
    duration: DurationOption = DEFAULT_MINUTES,
    days: DaysOption = DEFAULT_DAYS,
    count: CountOption = DEFAULT_COUNT,
    busy: BusyOption = None,
    windows: WindowsOption = False,
    eml: Annotated[
        Path | None,
        _opt("Also write each email as an .eml draft into this folder.", "--eml"),
    ] = None,
    ics: Annotated[
        Path | None,
        _opt("Also write the follow-through reminders as an .ics calendar file.", "--ics"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite existing --eml/--ics files.")
    ] = False,
    save: Annotated[
        bool,
        typer.Option("--save", help="Keep this plan as a case to track (its id is printed)."),
    ] = False,
    db: DbOption = None,
    url: UrlOption = None,
    profile: ProfileOption = None,
    story: Annotated[
        str | None,
        _opt(
            "What happened, in your own words (or - for standard input); read like "
            "`amends intake`, options given explicitly win.",
            "--story",
        ),
    ] = None,
    now: NowOption = None,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    run_plan(locals())  # every option above, by name (see amends.cli.plan_run)


REASONS_HELP = """List the reason catalogue: each code, whether it was outside your control,
whether the email names it, and the honest one-line framing amends uses.

Example:

  amends reasons --format json
"""


@app.command("reasons", help=REASONS_HELP)
def reasons_command(output_format: ResultFormatOption = ResultFormat.text) -> None:
    entries = catalogue()
    if output_format is ResultFormat.json:
        print_json(
            {
                "reasons": [
                    {
                        "code": r.code,
                        "label": r.label,
                        "outside_control": r.outside_control,
                        "mention": r.mention,
                        "framing": r.framing,
                        "proof_if_asked": r.proof_if_asked,
                        "safeguards": [g.id for g in r.safeguards],
                    }
                    for r in entries.values()
                ]
            }
        )
        return
    from rich.table import Table

    table = Table("code", "outside your control", "named in email", "framing")
    for r in entries.values():
        table.add_row(
            r.code, "yes" if r.outside_control else "no", "yes" if r.mention else "no", r.framing
        )
    out().print(table)


__all__ = ["make_plan", "plan_command", "reasons_command", "show_plan"]
