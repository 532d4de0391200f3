"""A proposed interview slot: one instant range, shown on both parties' clocks.

This is the structure the slot finder produces, the plan embeds in its JSON
(``slots``), the messages quote, and the calendar export turns into events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from amends.dates.format import dual_moment_text, moment_text


@dataclass(frozen=True)
class Slot:
    """A reschedule proposal; ``start``/``end`` are aware datetimes (any zone)."""

    start: datetime
    end: datetime
    interviewer_tz: str
    candidate_tz: str

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("Slot times must be timezone-aware")
        # On instants: two times of one zone compare as wall times, wrong in a DST fold.
        if self.end.astimezone(UTC) <= self.start.astimezone(UTC):
            raise ValueError("Slot must end after it starts")

    @property
    def interviewer_local(self) -> str:
        """``Tuesday 24 November 2026 at 10:00 EST (UTC−5)``."""
        return moment_text(self.start, self.interviewer_tz)

    @property
    def candidate_local(self) -> str:
        """The same start on the candidate's clock."""
        return moment_text(self.start, self.candidate_tz)

    @property
    def message_text(self) -> str:
        """How a message writes it: their time, with mine alongside when it differs."""
        return dual_moment_text(self.start, self.interviewer_tz, self.candidate_tz)

    def to_json(self) -> dict[str, Any]:
        """The stable ``slots`` object of the JSON contract."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "interviewer_local": self.interviewer_local,
            "candidate_local": self.candidate_local,
        }
