"""The flat input of ``amends plan`` and ``POST /api/plan``, and its validation.

Keys are the CLI option names in snake_case. :meth:`PlanRequest.to_situation`
checks every rule a person can break and raises one :class:`InputError` naming
the field, so the CLI can print one line and the API can answer 422.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from amends.dates.calendar import Hours
from amends.dates.country import parse_country
from amends.dates.zones import Fold, parse_instant, parse_local, zone
from amends.errors import InputError
from amends.fields import MAX_DETAIL, email_address, one_line, phone_number
from amends.plan.reasons import get_reason
from amends.plan.situation import (
    CONTACT_ROLES,
    MODES,
    SCENARIOS,
    Candidate,
    Contact,
    ContactRole,
    Happening,
    Interview,
    Mode,
    Scenario,
    Situation,
)
from amends.slots.options import SlotOptions, nest_slot_options

# A reason that fits a scenario when the user gives none.
DEFAULT_REASON: dict[str, str] = {"tech-failure": "technical", "conflict": "conflict"}
MAX_SLOTS = 5
MAX_LINK = 500
MAX_PAST = timedelta(days=60)
MAX_RAW = 2000  # longer than any field allows; refused before pydantic sees it
_T = TypeVar("_T", bound=str)


class PlanRequest(BaseModel):
    """Everything ``amends plan`` accepts, as plain values (validated by ``to_situation``)."""

    model_config = ConfigDict(extra="forbid", str_max_length=MAX_RAW)

    name: str = ""
    phone: str | None = None
    email: str | None = None
    link: str | None = None
    my_tz: str | None = None
    senior: bool = False
    company: str = ""
    role: str = ""
    interviewer: str | None = None
    contact_name: str | None = None
    contact_role: str = "interviewer"
    contact_phone: str | None = None
    contact_email: str | None = None
    recruiter: str | None = None
    at: str = ""
    tz: str = ""
    fold: Literal["earlier", "later"] | None = None
    mode: str = "video"
    platform: str | None = None
    address: str | None = None
    scenario: str = ""
    reason: str | None = None
    detail: str | None = None
    realised: str | None = None
    slot: list[str] = Field(default_factory=list)
    now: str | None = None
    # Slot-finder options (used when no ``slot`` is given); see ``amends slots``.
    # Given flat (``{"hours": ...}``, as every interface types them) or nested.
    slot_options: SlotOptions = Field(default_factory=SlotOptions)

    @model_validator(mode="before")
    @classmethod
    def _readable_text(cls, data: Any) -> Any:
        """Refuse text pydantic would reject with a traceback-shaped error, naming the field.

        Command-line arguments that are not valid UTF-8 arrive as lone surrogates,
        and a pasted essay exceeds ``str_max_length``; both become one ``InputError``.
        """
        if not isinstance(data, dict):
            return data
        data = nest_slot_options(data)
        nested = data.get("slot_options")
        items = list(data.items())
        if isinstance(nested, dict):
            items += list(nested.items())
        for key, value in items:
            for item in value if isinstance(value, list) else [value]:
                if not isinstance(item, str):
                    continue
                if any("\ud800" <= ch <= "\udfff" for ch in item):
                    raise InputError(str(key), "contains invalid Unicode (not UTF-8 text)")
                if len(item) > MAX_RAW:
                    raise InputError(
                        str(key),
                        f"is {len(item)} characters long; far beyond what the field allows",
                    )
        return data

    def _check_choice(self, field: str) -> str:
        """Validate one choice field on its own (used by the guided interview)."""
        allowed = {"scenario": SCENARIOS, "mode": MODES, "contact_role": CONTACT_ROLES}[field]
        return _choice(getattr(self, field), allowed, field)

    def to_situation(self, clock_now: datetime | None = None) -> Situation:
        """Validate every field and return the consistent :class:`Situation`.

        ``clock_now`` is the interface's real clock, used only when ``now`` is unset.
        """
        now = _now(self.now, clock_now)
        their_tz = zone(self.tz, "tz").key
        my_tz = zone(self.my_tz, "my_tz").key if self.my_tz is not None else their_tz
        scenario = _choice(self.scenario, SCENARIOS, "scenario")
        mode: Mode = _choice(self.mode, MODES, "mode")
        contact_role: ContactRole = _choice(self.contact_role, CONTACT_ROLES, "contact_role")
        reason_code = self.reason or DEFAULT_REASON.get(scenario)
        if not reason_code:
            get_reason("", "reason")
        reason = get_reason(reason_code or "", "reason")
        start = parse_local(self.at, zone(their_tz), "at", _fold(self.fold))
        realised = parse_instant(self.realised, "realised") if self.realised else now
        check_timing(scenario, start, now, realised)

        candidate = Candidate(
            name=one_line(self.name, "name", max_length=100),
            phone=phone_number(self.phone, "phone") if self.phone else None,
            email=email_address(self.email, "email") if self.email else None,
            link=_link(self.link) if self.link else None,
            tz=my_tz,
            senior=self.senior,
        )
        interviewer = _optional_line(self.interviewer, "interviewer", 100)
        contact_name = _optional_line(self.contact_name, "contact_name", 100)
        if contact_role == "interviewer":
            contact_name = contact_name or interviewer
        contact = Contact(
            name=contact_name or "",
            role=contact_role,
            interviewer=interviewer,
            phone=phone_number(self.contact_phone, "contact_phone") if self.contact_phone else None,
            email=email_address(self.contact_email, "contact_email")
            if self.contact_email
            else None,
            agency_recruiter=_optional_line(self.recruiter, "recruiter", 100),
        )
        interview = Interview(
            company=one_line(self.company, "company", max_length=120),
            role=one_line(self.role, "role", max_length=120),
            start=start,
            tz=their_tz,
            mode=mode,
            platform=_optional_line(self.platform, "platform", 60),
            address=_optional_line(self.address, "address", 200),
            country=_country(self.slot_options.country),
            hours=Hours.parse(self.slot_options.hours, "hours").text,
        )
        happening = Happening(
            scenario=scenario,
            reason=reason.code,
            detail=_optional_line(self.detail, "detail", MAX_DETAIL),
            realised=realised,
        )
        slots = _slots(self.slot, their_tz, now)
        return Situation(
            candidate=candidate,
            interview=interview,
            contact=contact,
            happening=happening,
            now=now,
            slots_requested=slots,
        )


def _country(text: str | None) -> str | None:
    """The validated ``--country`` label (``GB``, ``US-CA``), or ``None`` to use the zone's."""
    return parse_country(text).label if text and text.strip() else None


def _now(text: str | None, clock_now: datetime | None) -> datetime:
    if text:
        return parse_instant(text, "now")
    if clock_now is None:
        raise InputError("now", "is required here (an ISO-8601 time with offset)")
    if clock_now.tzinfo is None:
        raise InputError("now", "must be timezone-aware")
    return clock_now


def _choice(value: str, allowed: tuple[_T, ...], field: str) -> _T:
    key = (value or "").strip().lower()
    for option in allowed:
        if key == option:
            return option
    shown = key[:40] or "an empty value"
    raise InputError(field, f"{shown!r} is not valid; use one of: {', '.join(allowed)}")


def check_fold(value: str) -> str:
    """Validate a DST-fold choice typed as text (the CLI option and the guided interview)."""
    if value not in ("earlier", "later"):
        raise InputError("fold", f"{value[:20]!r} is not valid; use earlier or later")
    return value


def _fold(value: str | None) -> Fold | None:
    if value in ("earlier", "later"):
        return value  # type: ignore[return-value]
    return None


def _optional_line(value: str | None, field: str, max_length: int) -> str | None:
    if value is None:
        return None
    text = one_line(value, field, max_length=max_length, required=False)
    return text or None


def _link(value: str) -> str:
    text = one_line(value, "link", max_length=MAX_LINK)
    if not text.startswith(("https://", "http://")) or " " in text:
        raise InputError("link", f"{text[:60]!r} is not a web address starting with https://")
    return text


def check_timing(scenario: Scenario, start: datetime, now: datetime, realised: datetime) -> None:
    """Refuse a start time that contradicts the scenario (e.g. missed but still ahead)."""
    if scenario in ("missed", "tech-failure") and start > now:
        raise InputError(
            "at",
            f"the interview starts in the future ({start.isoformat()}); "
            "use --scenario late or --scenario conflict before it starts",
        )
    if scenario in ("late", "conflict") and start <= now:
        raise InputError(
            "at",
            f"the interview already started ({start.isoformat()}); use --scenario missed "
            "(or tech-failure) after the start time",
        )
    if now - start > MAX_PAST:
        raise InputError("at", "is more than 60 days ago; amends plans recoveries within 60 days")
    if realised > now:
        raise InputError("realised", "cannot be later than now")
    if scenario in ("missed", "tech-failure") and realised < start:
        raise InputError("realised", "cannot be before the interview start for a missed interview")


def _slots(values: list[str], their_tz: str, now: datetime) -> list[datetime]:
    if len(values) > MAX_SLOTS:
        raise InputError("slot", f"give at most {MAX_SLOTS} slots (two or three is best)")
    tz = zone(their_tz)
    slots: list[datetime] = []
    for value in values:
        moment = parse_local(value, tz, "slot")
        if moment <= now:
            raise InputError("slot", f"{value.strip()} ({their_tz}) is in the past")
        slots.append(moment)
    return sorted(slots)
