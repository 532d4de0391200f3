"""A confirmed (rescheduled) interview: what ``amends prepare`` turns into a calendar.

Every text field is validated here, at the boundary, so the calendar code can
trust it: names and places are single lines, the link is a web address, zones
are IANA names and times are timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from amends.dates.calendar import WAKING_HOURS, Hours
from amends.dates.zones import zone
from amends.errors import InputError
from amends.export.guard import valid_unicode
from amends.fields import one_line, web_link
from amends.plan.situation import MODES, Mode

MAX_LINK = 500
MAX_MINUTES = 8 * 60
MAX_ROUND = 20
CONFIRM_MINUTES_NEEDED = 60


def _line(value: str, field: str, max_length: int) -> str:
    return one_line(valid_unicode(value, field), field, max_length=max_length, required=False)


def _aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise InputError(field, "must be a timezone-aware time")
    return value


@dataclass(frozen=True)
class Confirmed:
    """The new slot they said yes to, with everything the reminders need.

    ``original_start`` is the interview that was missed, when known (shown, never part
    of the identity: re-exporting with or without it updates the same events).
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
    my_hours: str = WAKING_HOURS
    """The user's waking hours on their clock: every reminder they act on falls inside."""
    case: str = ""
    """The case this interview belongs to (a case id, when tracked); with ``round`` it is
    the calendar identity, so re-exports update and a new round sits beside the old."""
    round: int = 1

    @property
    def waking_hours(self) -> Hours:
        """:attr:`my_hours` as a window of the day (may run past midnight)."""
        return Hours.parse(self.my_hours, "my_hours", overnight=True)

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
            raise InputError("link", "give either a video link or an address (in person), not both")
        if self.link is not None:
            if self.mode != "video":
                raise InputError("link", f"is for video interviews; this one is {self.mode}")
            set_(self, "link", web_link(self.link))
        if self.address is not None:
            if self.mode != "in-person":
                raise InputError("address", f"is for in-person interviews; this one is {self.mode}")
            set_(self, "address", _line(self.address, "address", 200) or None)
        self.waking_hours.require_fits(CONFIRM_MINUTES_NEEDED, "my_hours")
        set_(self, "case", _line(self.case, "case", 64))
        if isinstance(self.round, bool) or not 1 <= self.round <= MAX_ROUND:
            raise InputError("round", f"must be a whole number from 1 to {MAX_ROUND}")
        if not 5 <= self.minutes <= MAX_MINUTES:
            raise InputError("minutes", f"must be between 5 and {MAX_MINUTES}")
        if not 0 <= self.travel_minutes <= MAX_MINUTES:
            raise InputError("travel_minutes", f"must be between 0 and {MAX_MINUTES}")
