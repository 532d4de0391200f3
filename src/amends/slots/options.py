"""The slot-finder options a person types, as one record shared by every request.

``amends slots``, ``amends plan``, ``POST /api/plan`` and ``POST /api/slots`` all
take the same eight options; :class:`SlotOptions` holds them once (nested in the
plan request) and :func:`slot_request_from_options` turns them into a validated
:class:`~amends.slots.query.SlotRequest`, so the interfaces cannot drift apart.
A frozen standard-library dataclass: the web validates it with pydantic (which
reads ``__pydantic_config__``), the command line builds it without loading pydantic.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from amends.slots.busy import BusyCalendar
from amends.slots.query import (
    DEFAULT_COUNT,
    DEFAULT_DAYS,
    DEFAULT_HOURS,
    DEFAULT_MINUTES,
    DEFAULT_MY_HOURS,
    SlotRequest,
)

if TYPE_CHECKING:
    from amends.slots.clock import Interval

_MAX_MINUTES_TYPED = 10_000  # beyond this a typed number is nonsense; refused as length 0
SLOT_OPTION_NAMES = ("country", "hours", "my_hours", "duration", "days", "count", "busy", "windows")


@dataclass(frozen=True, kw_only=True)
class SlotOptions:
    """The finder's options as plain values: ``duration`` in minutes, ``busy`` as ``.ics`` paths."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "frozen": True}

    country: str | None = None
    hours: str = DEFAULT_HOURS
    my_hours: str = DEFAULT_MY_HOURS
    duration: int = DEFAULT_MINUTES
    days: int = DEFAULT_DAYS
    count: int = DEFAULT_COUNT
    busy: tuple[str, ...] = ()
    windows: bool = False

    def __post_init__(self) -> None:
        # A list from JSON or the command line is kept as a tuple (the record is frozen).
        object.__setattr__(self, "busy", tuple(self.busy))


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
    busy: Sequence[Interval] = (),
) -> SlotRequest:
    """The validated request for ``options`` (defaults when ``None``), kept clear of ``busy``
    (times a caller knows are taken, beside the ``--busy`` files).

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
        busy=tuple(busy),
    )
