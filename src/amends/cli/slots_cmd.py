"""`amends slots`: reschedule times that are right on both clocks, on their own."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from amends.cli.app import app
from amends.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    OutputFormat,
    fail,
    print_json,
    resolve_now,
)
from amends.cli.options import FormatOption, MyHoursOption, NowOption, ProfileOption
from amends.cli.slot_options import (
    BusyOption,
    CountOption,
    CountryOption,
    DaysOption,
    DurationOption,
    HoursOption,
    WindowsOption,
)
from amends.errors import InputError
from amends.profile import load_profile
from amends.slots import SlotOptions, SlotResult, find_slots, slot_request_from_options
from amends.slots.query import (
    DEFAULT_COUNT,
    DEFAULT_DAYS,
    DEFAULT_HOURS,
    DEFAULT_MINUTES,
    DEFAULT_MY_HOURS,
)

SLOTS_HELP = """Propose two or three reschedule times inside the interviewer's working hours
and your own, on their business days (weekends, public holidays and customary
closures of their country and region skipped), avoiding your busy times,
correct across DST changes. Your zone and hours come from your profile when
--my-tz and --my-hours are not given.

Times are shown on the interviewer's clock with your own alongside. When
nothing fits, it says so and offers the nearest time or windows instead
(exit code 1).

Example: amends slots --tz America/New_York --my-tz Europe/London --busy my.ics
--now 2026-11-23T14:05Z
"""


def _text(result: SlotResult, markdown: bool) -> str:
    """The proposals as numbered lines, then the explanation, near-misses and notes."""
    bullet = "- " if markdown else "  "
    lines: list[str] = ["## Reschedule times", ""] if markdown else []
    for number, slot in enumerate(result.slots, start=1):
        lines.append(
            f"{number}. {slot.message_text}" if markdown else f"  {number}. {slot.message_text}"
        )
    lines.extend(f"{bullet}{window.text}" for window in result.windows)
    if result.explanation:
        lines.extend(["", result.explanation])
    if result.near_misses:
        lines.append("")
        for miss in result.near_misses:
            shown = f"{miss.slot.message_text} ({miss.minutes_outside} min outside your hours)"
            lines.append(f"{bullet}{shown}")
    if result.notes:
        lines.append("")
        lines.extend(f"{bullet}{note}" if markdown else note for note in result.notes)
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


@app.command("slots", help=SLOTS_HELP)
def slots_command(
    tz: Annotated[
        str,
        typer.Option("--tz", help="Interviewer's IANA time zone, e.g. America/New_York."),
    ],
    my_tz: Annotated[
        str | None,
        typer.Option(
            "--my-tz",
            help="Your IANA time zone. Default: your profile's tz, else the same as --tz.",
            show_default=False,
        ),
    ] = None,
    country: CountryOption = None,
    hours: HoursOption = DEFAULT_HOURS,
    my_hours: MyHoursOption = None,
    duration: DurationOption = DEFAULT_MINUTES,
    days: DaysOption = DEFAULT_DAYS,
    count: CountOption = DEFAULT_COUNT,
    busy: BusyOption = None,
    windows: WindowsOption = False,
    now: NowOption = None,
    profile: ProfileOption = None,
    fmt: FormatOption = OutputFormat.text,
) -> None:
    try:
        # Your zone and hours come from your profile, as in `amends plan`.
        mine = load_profile(profile)
        my_tz = my_tz or mine.get("my_tz")
        options = SlotOptions(
            country=country,
            hours=hours,
            my_hours=my_hours or mine.get("my_hours") or DEFAULT_MY_HOURS,
            duration=duration,
            days=days,
            count=count,
            busy=tuple(busy or ()),
            windows=windows,
        )
        request = slot_request_from_options(resolve_now(now), tz, my_tz, options)
        result = find_slots(request)
    except InputError as err:
        fail(err)
    if fmt is OutputFormat.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(_text(result, fmt is OutputFormat.markdown) + "\n")
    if not result.slots and not result.windows:
        raise typer.Exit(EXIT_PROBLEMS)
    raise typer.Exit(EXIT_OK)
