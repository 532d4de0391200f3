"""The situation amends reasons about, as validated, typed data.

These records are what every core function receives. They are built from the
flat user input in :mod:`amends.plan.request` and are always consistent: zones are
valid IANA names, times are timezone-aware, and scenario and times agree.

They are frozen standard-library dataclasses, not pydantic models: importing
pydantic and building its models was a third of a cold ``amends plan``. The case
store and the web read and write them through pydantic
(:mod:`amends.plan.stored`), which understands dataclasses and takes each one's
``__pydantic_config__`` (a plain dict) as its model configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, ClassVar, Literal, get_args
from zoneinfo import ZoneInfo

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
    builtin is parsed from text with the tokenizer (compiling its regexes).
    """
    return []


# pydantic's configuration of every record here (read when the store or the web validates one).
FROZEN_CONFIG: dict[str, Any] = {"frozen": True, "extra": "forbid"}


def _aware(value: datetime, name: str) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """The person writing: how they sign and how they can be reached."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FROZEN_CONFIG

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


@dataclass(frozen=True, kw_only=True)
class Interview:
    """The interview that was (or is about to be) missed."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FROZEN_CONFIG

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

    def __post_init__(self) -> None:
        _aware(self.start, "start")


@dataclass(frozen=True, kw_only=True)
class Contact:
    """Who the messages go to."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FROZEN_CONFIG

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


@dataclass(frozen=True, kw_only=True)
class Happening:
    """What went wrong and why, in the candidate's own (validated) words."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FROZEN_CONFIG

    scenario: Scenario
    reason: str
    detail: str | None = None
    realised: datetime

    def __post_init__(self) -> None:
        _aware(self.realised, "realised")


@dataclass(frozen=True, kw_only=True)
class Situation:
    """Everything a plan is computed from, including the injected current time."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FROZEN_CONFIG

    candidate: Candidate
    interview: Interview
    contact: Contact
    happening: Happening
    now: datetime
    slots_requested: list[datetime] = field(default_factory=no_items)

    def __post_init__(self) -> None:
        _aware(self.now, "now")

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
        return replace(self.candidate, phone=shown)

    @property
    def zones_differ(self) -> bool:
        """True when the two parties' clocks show different times now."""
        theirs = self.now.astimezone(ZoneInfo(self.interview.tz)).utcoffset()
        mine = self.now.astimezone(ZoneInfo(self.candidate.tz)).utcoffset()
        return theirs != mine
