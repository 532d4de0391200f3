"""The situation amends reasons about, as validated, typed data.

These models are what every core function receives. They are built from the
flat user input in :mod:`amends.plan.request` and are always consistent: zones are
valid IANA names, times are timezone-aware, and scenario and times agree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator

from amends.dates.calendar import (
    WAKING_HOURS,
    WORKING_HOURS,
    BusinessCalendar,
    Hours,
    calendar_for,
)
from amends.dates.country import country_for_zone
from amends.dates.format import English
from amends.fields import phone_for_reader
from amends.plan.names import Greeting

Scenario = Literal["late", "conflict", "missed", "tech-failure"]
Mode = Literal["in-person", "video", "phone"]
ContactRole = Literal["interviewer", "recruiter", "coordinator"]

SCENARIOS: tuple[Scenario, ...] = get_args(Scenario)
MODES: tuple[Mode, ...] = get_args(Mode)
CONTACT_ROLES: tuple[ContactRole, ...] = get_args(ContactRole)


def no_items() -> list[Any]:
    """A fresh empty list: the ``default_factory`` of list fields.

    Not ``default_factory=list``: pydantic reads the factory's signature, and that of a
    builtin is parsed from text with the tokenizer (compiling its regexes), a cost every
    start of `amends plan` paid twice.
    """
    return []


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must be timezone-aware")
    return value


class Candidate(_Frozen):
    """The person writing: how they sign and how they can be reached."""

    name: str
    phone: str | None = None
    email: str | None = None
    link: str | None = None
    tz: str
    senior: bool = False
    greeting: Greeting = "first-name"
    """``formal`` greets "Dear Ms Whitfield" when a title is given; else "Dear Dana"."""
    english: English | None = None
    """The English of every message; ``None``: American for the US and Canada, else British."""
    hours: str = WAKING_HOURS
    """The user's waking hours on their own clock (``--my-hours``, profile ``my_hours``):
    every task after the first hour falls inside them."""


class Interview(_Frozen):
    """The interview that was (or is about to be) missed."""

    company: str
    role: str
    start: datetime
    tz: str
    mode: Mode = "video"
    platform: str | None = None
    address: str | None = None
    country: str | None = None
    """The interviewer's country for weekends and holidays (``--country``); default: the zone's."""
    hours: str = WORKING_HOURS
    """The interviewer's working hours on their own clock (``--hours``)."""

    _check_start = field_validator("start")(_aware)


class Contact(_Frozen):
    """Who the messages go to."""

    name: str
    role: ContactRole = "interviewer"
    interviewer: str | None = None
    phone: str | None = None
    email: str | None = None
    agency_recruiter: str | None = None
    recruiter_email: str | None = None
    """The agency recruiter's address (``--recruiter-email``), for the recruiter email's To."""

    @property
    def has_phone(self) -> bool:
        return bool(self.phone)


class Happening(_Frozen):
    """What went wrong and why, in the candidate's own (validated) words."""

    scenario: Scenario
    reason: str
    detail: str | None = None
    realised: datetime

    _check_realised = field_validator("realised")(_aware)


class Situation(_Frozen):
    """Everything a plan is computed from, including the injected current time."""

    candidate: Candidate
    interview: Interview
    contact: Contact
    happening: Happening
    now: datetime
    slots_requested: list[datetime] = Field(default_factory=no_items)

    _check_now = field_validator("now")(_aware)

    @property
    def interviewer_calendar(self) -> BusinessCalendar:
        """The interviewer's working days and holidays: the one calendar every rule asks."""
        return calendar_for(self.interview.tz, self.interview.country)

    @property
    def interviewer_hours(self) -> Hours:
        """The interviewer's working hours as a window of the day."""
        return Hours.parse(self.interview.hours, "hours")

    @property
    def candidate_hours(self) -> Hours:
        """The user's waking hours as a window of the day (may run past midnight)."""
        return Hours.parse(self.candidate.hours, "my_hours", overnight=True)

    @property
    def their_country(self) -> str:
        """The interviewer's country (ISO code, ``--country`` first, else the zone's), or ""."""
        return (self.interview.country or country_for_zone(self.interview.tz) or "").split("-")[0]

    def candidate_as_read(self) -> Candidate:
        """The candidate as messages to the interviewer show them: the phone number in the
        format people in the interviewer's country expect (national there, else international)."""
        if not self.candidate.phone:
            return self.candidate
        shown = phone_for_reader(self.candidate.phone, self.their_country)
        return self.candidate.model_copy(update={"phone": shown})

    @property
    def zones_differ(self) -> bool:
        """True when the two parties' clocks show different times now."""
        theirs = self.now.astimezone(ZoneInfo(self.interview.tz)).utcoffset()
        mine = self.now.astimezone(ZoneInfo(self.candidate.tz)).utcoffset()
        return theirs != mine
