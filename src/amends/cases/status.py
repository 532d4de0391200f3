"""Whether a due step is upcoming, due or overdue: the one rule, for every listing.

Kept apart from the next-step engine so a listing read from the case index
(:mod:`amends.cases.listing`) can apply it without loading the engine. It works
on datetimes and, unchanged, on the index's fixed-width UTC text, which sorts as
the instants do.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TypeVar

Status = Literal["upcoming", "due", "overdue"]
DEFAULT_BUSINESS_DAYS = 3
"""Business days of silence before the follow-up (and again before moving on)."""
_When = TypeVar("_When", datetime, str)


def step_status(now: _When, at: _When, by: _When | None) -> Status:
    """Upcoming before ``at``; overdue after ``by``; due in between."""
    if now < at:
        return "upcoming"
    if by is not None and now > by:
        return "overdue"
    return "due"
