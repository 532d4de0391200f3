"""The slot-finder options shared by ``amends slots`` and ``amends plan``.

Declared once as ``Annotated`` aliases (the core's :class:`~amends.slots.SlotOptions`
holds their values for every interface, so they cannot drift apart). Kept apart
from :mod:`amends.cli.options` because they import the slot finder, which the
other commands do not need at start-up.
"""

from __future__ import annotations

from typing import Annotated

import typer

from amends.slots.query import MAX_COUNT, MAX_DAYS

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
