"""The slot-finder options a person types, as one model shared by every request.

``amends slots``, ``amends plan``, ``POST /api/plan`` and ``POST /api/slots`` all
take the same eight options; :class:`SlotOptions` holds them once (nested in the
plan request) and :func:`slot_request_from_options` turns them into a validated
:class:`~amends.slots.query.SlotRequest`, so the interfaces cannot drift apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from amends.slots.busy import BusyCalendar
from amends.slots.query import (
    DEFAULT_COUNT,
    DEFAULT_DAYS,
    DEFAULT_HOURS,
    DEFAULT_MINUTES,
    DEFAULT_MY_HOURS,
    SlotRequest,
)

_MAX_MINUTES_TYPED = 10_000  # beyond this a typed number is nonsense; refused as length 0
SLOT_OPTION_NAMES = ("country", "hours", "my_hours", "duration", "days", "count", "busy", "windows")


class SlotOptions(BaseModel):
    """The finder's options as plain values: ``duration`` in minutes, ``busy`` as ``.ics`` paths."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    country: str | None = None
    hours: str = DEFAULT_HOURS
    my_hours: str = DEFAULT_MY_HOURS
    duration: int = DEFAULT_MINUTES
    days: int = DEFAULT_DAYS
    count: int = DEFAULT_COUNT
    busy: tuple[str, ...] = Field(default=())
    windows: bool = False


def nest_slot_options(data: dict[str, Any]) -> dict[str, Any]:
    """Move flat slot-finder keys (``hours``, ``busy``...) of an input into ``slot_options``.

    Interfaces take the options flat, as the command line names them; the models
    hold them once, nested. Already-nested values are kept, flat ones win.
    """
    flat = {key: data[key] for key in SLOT_OPTION_NAMES if key in data}
    if not flat:
        return data
    rest = {key: value for key, value in data.items() if key not in flat}
    nested = rest.get("slot_options")
    merged = {**nested, **flat} if isinstance(nested, dict) else flat
    return {**rest, "slot_options": merged}


class SlotsInput(BaseModel):
    """The input of ``amends slots`` and ``POST /api/slots``: two zones, a clock, the options."""

    model_config = ConfigDict(extra="forbid", str_max_length=200)

    tz: str
    my_tz: str | None = None
    now: str | None = None
    slot_options: SlotOptions = Field(default_factory=SlotOptions)

    @model_validator(mode="before")
    @classmethod
    def _nest(cls, data: Any) -> Any:
        return nest_slot_options(data) if isinstance(data, dict) else data


def load_busy_files(paths: Sequence[str]) -> tuple[BusyCalendar, ...]:
    """Read the ``--busy`` files; the ``.ics`` reader (and ``icalendar``) loads only for them.

    Imported with ``importlib`` on purpose: most searches have no busy file, and
    the parser's import costs more than the whole search.
    """
    if not paths:
        return ()
    reader = importlib.import_module("amends.slots.busy_file")
    return tuple(reader.load_busy(path) for path in paths)


def slot_request_from_options(
    now: datetime,
    interviewer_tz: str,
    candidate_tz: str | None,
    options: SlotOptions | None = None,
) -> SlotRequest:
    """The validated request for ``options`` (defaults when ``None``).

    Raises :class:`~amends.errors.InputError` naming the option on bad input.
    """
    o = options or SlotOptions()
    minutes = o.duration
    length = timedelta(minutes=minutes) if 0 < minutes <= _MAX_MINUTES_TYPED else timedelta(0)
    return SlotRequest(
        now=now,
        interviewer_tz=interviewer_tz,
        candidate_tz=candidate_tz,
        country=o.country,
        hours=o.hours,
        my_hours=o.my_hours,
        duration=length,
        days=o.days,
        count=o.count,
        calendars=load_busy_files(o.busy),
        windows=o.windows,
    )
