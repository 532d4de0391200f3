"""The slot-finder options shared by ``amends slots`` and ``amends plan``.

Declared once as ``Annotated`` aliases so both commands show the same names,
defaults and help, and turned into a :class:`~amends.slots.SlotRequest` by one
function, so the two commands cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Annotated

import typer

from amends.slots import SlotRequest, load_busy
from amends.slots.request import DEFAULT_HOURS, DEFAULT_MY_HOURS, MAX_COUNT, MAX_DAYS

DEFAULT_DURATION = 45
DEFAULT_DAYS = 5
DEFAULT_COUNT = 3

CountryOption = Annotated[
    str | None,
    typer.Option(
        "--country",
        help="Interviewer's country for weekends and public holidays (ISO code such as GB, "
        "US, SA, or with a region: US-CA, GB-SCT). Default: inferred from --tz.",
        show_default=False,
    ),
]
HoursOption = Annotated[
    str, typer.Option("--hours", help="Interviewer's working hours on their own clock.")
]
MyHoursOption = Annotated[
    str,
    typer.Option(
        "--my-hours",
        help="Hours you can do on your own clock; may run past midnight (20:00-01:00).",
    ),
]
DurationOption = Annotated[
    int, typer.Option("--duration", help="Interview length in minutes (5 to 480).")
]
DaysOption = Annotated[
    int,
    typer.Option("--days", help=f"Look ahead this many business days (1 to {MAX_DAYS})."),
]
CountOption = Annotated[
    int, typer.Option("--count", help=f"How many times to propose (1 to {MAX_COUNT}).")
]
BusyOption = Annotated[
    list[str] | None,
    typer.Option(
        "--busy",
        metavar="FILE",
        help="An .ics export of your calendar; its events are avoided. Repeat for more files.",
        show_default=False,
    ),
]
WindowsOption = Annotated[
    bool,
    typer.Option(
        "--windows",
        help="Offer availability windows (e.g. mornings Tue-Thu) instead of single times.",
    ),
]


def slot_request_from_options(
    now: datetime,
    interviewer_tz: str,
    candidate_tz: str | None,
    *,
    country: str | None = None,
    hours: str = DEFAULT_HOURS,
    my_hours: str = DEFAULT_MY_HOURS,
    duration: int = DEFAULT_DURATION,
    days: int = DEFAULT_DAYS,
    count: int = DEFAULT_COUNT,
    busy: Sequence[str] | None = None,
    windows: bool = False,
) -> SlotRequest:
    """Build the validated request from option values (raises ``InputError`` on bad input)."""
    calendars = tuple(load_busy(path) for path in busy or ())
    return SlotRequest(
        now=now,
        interviewer_tz=interviewer_tz,
        candidate_tz=candidate_tz,
        country=country,
        hours=hours,
        my_hours=my_hours,
        duration=timedelta(minutes=duration) if 0 < duration <= 10_000 else timedelta(0),
        days=days,
        count=count,
        calendars=calendars,
        windows=windows,
    )
