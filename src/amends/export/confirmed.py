"""A confirmed (rescheduled) interview: what ``amends prepare`` turns into a calendar.

Every text field is validated here, at the boundary, so the calendar code can
trust it: names and places are single lines, the link is a web address, zones
are IANA names and times are timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from amends.dates.zones import zone
from amends.errors import InputError
from amends.export.guard import valid_unicode
from amends.fields import one_line
from amends.plan.situation import MODES, Mode

MAX_LINK = 500
MAX_MINUTES = 8 * 60


def web_link(value: str, field: str = "link") -> str:
    """A meeting link: one line, ``https://`` (or ``http://``), no spaces."""
    text = one_line(valid_unicode(value, field), field, max_length=MAX_LINK)
    if not text.lower().startswith(("https://", "http://")) or any(ch.isspace() for ch in text):
        raise InputError(field, f"{text[:60]!r} is not a web address starting with https://")
    return text


def _line(value: str, field: str, max_length: int) -> str:
    return one_line(valid_unicode(value, field), field, max_length=max_length, required=False)


def _aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InputError(field, "must be a timezone-aware time")
    return value


@dataclass(frozen=True)
class Confirmed:
    """The new slot they said yes to, with everything the reminders need.

    ``original_start`` (the interview that was missed, when known) keeps the
    calendar's UIDs stable if the slot itself moves again.
    """

    start: datetime
    interviewer_tz: str
    candidate_tz: str
    mode: Mode
    company: str = ""
    role: str = ""
    interviewer: str = ""
    link: str | None = None
    address: str | None = None
    minutes: int = 60
    travel_minutes: int = 45
    original_start: datetime | None = None

    def __post_init__(self) -> None:
        _aware(self.start, "at")
        if self.original_start is not None:
            _aware(self.original_start, "original_at")
        set_ = object.__setattr__
        set_(self, "interviewer_tz", zone(self.interviewer_tz, "tz").key)
        set_(self, "candidate_tz", zone(self.candidate_tz, "my_tz").key)
        if self.mode not in MODES:
            raise InputError("mode", f"{self.mode!r} is not valid; use one of: {', '.join(MODES)}")
        set_(self, "company", _line(self.company, "company", 120))
        set_(self, "role", _line(self.role, "role", 120))
        set_(self, "interviewer", _line(self.interviewer, "interviewer", 100))
        if self.link is not None and self.address is not None:
            raise InputError(
                "link", "give either --link (video) or --address (in person), not both"
            )
        if self.link is not None:
            if self.mode != "video":
                raise InputError("link", f"is for video interviews; this one is {self.mode}")
            set_(self, "link", web_link(self.link))
        if self.address is not None:
            if self.mode != "in-person":
                raise InputError("address", f"is for in-person interviews; this one is {self.mode}")
            set_(self, "address", _line(self.address, "address", 200) or None)
        if not 5 <= self.minutes <= MAX_MINUTES:
            raise InputError("minutes", f"must be between 5 and {MAX_MINUTES}")
        if not 0 <= self.travel_minutes <= MAX_MINUTES:
            raise InputError("travel_minutes", f"must be between 0 and {MAX_MINUTES}")
