"""The flat input of ``amends plan`` and ``POST /api/plan``, and its validation.

Keys are the CLI option names in snake_case. :meth:`PlanRequest.to_situation`
checks every rule a person can break and raises one :class:`InputError` naming
the field, so the CLI can print one line and the API can answer 422.

:class:`PlanRequest` is a frozen standard-library dataclass, built from the
command line's values by :meth:`PlanRequest.from_values` without loading pydantic;
the web's pydantic model of the same body is derived from its fields
(:mod:`amends.web.request_models`), running :func:`readable_text` first as well.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar, Literal, TypeVar

from amends.dates.calendar import Hours
from amends.dates.country import country_for_zone, parse_country
from amends.dates.format import ENGLISH_VARIANTS, moment_text
from amends.dates.zones import Fold, parse_instant, parse_local, zone
from amends.errors import Alternative, InputError
from amends.fields import MAX_DETAIL, email_address, one_line, phone_number, web_link
from amends.plan.names import GREETINGS
from amends.plan.reasons import Reason, get_reason, reason_codes
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
    no_items,
)
from amends.slots.options import SlotOptions, nest_slot_options

# A reason that fits a scenario when the user gives none.
DEFAULT_REASON: dict[str, str] = {"tech-failure": "technical", "conflict": "conflict"}
MAX_SLOTS = 5
MAX_LINK = 500
MAX_PAST = timedelta(days=60)
MAX_AHEAD = timedelta(days=366)
MAX_RAW = 2000  # longer than any field allows; refused before pydantic sees it
_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate: not UTF-8 text
_T = TypeVar("_T", bound=str)
_V = TypeVar("_V")


def readable_text(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its slot-finder options nested, once its text is known to be readable.

    Refuses text pydantic would reject with a traceback-shaped error, naming the field:
    command-line arguments that are not valid UTF-8 arrive as lone surrogates, and a
    pasted essay exceeds ``MAX_RAW``; both become one ``InputError``.
    """
    data = nest_slot_options(data)
    nested = data.get("slot_options")
    items = list(data.items())
    if isinstance(nested, dict):
        items += list(nested.items())
    for key, value in items:
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            if _SURROGATE.search(item):
                raise InputError(str(key), "contains invalid Unicode (not UTF-8 text)")
            if len(item) > MAX_RAW:
                raise InputError(
                    str(key),
                    f"is {len(item)} characters long; far beyond what the field allows",
                )
    return data


@dataclass(frozen=True, kw_only=True)
class PlanRequest:
    """Everything ``amends plan`` accepts, as plain values (validated by ``to_situation``)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "str_max_length": MAX_RAW}

    name: str = ""
    phone: str | None = None
    email: str | None = None
    link: str | None = None
    my_tz: str | None = None
    senior: bool = False
    greeting: str | None = None
    english: str | None = None
    company: str = ""
    role: str = ""
    interviewer: str | None = None
    contact_name: str | None = None
    contact_role: str = "interviewer"
    contact_phone: str | None = None
    contact_email: str | None = None
    recruiter: str | None = None
    recruiter_email: str | None = None
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
    slot: list[str] = field(default_factory=no_items)
    now: str | None = None
    # Slot-finder options (used when no ``slot`` is given); see ``amends slots``.
    # Given flat (``{"hours": ...}``, as every interface types them) or nested.
    slot_options: SlotOptions = field(default_factory=SlotOptions)

    def __post_init__(self) -> None:
        object.__setattr__(self, "slot", list(self.slot))  # a tuple of --slot values too

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> PlanRequest:
        """The request of an interface's values by option name, flat or nested.

        The command line's values are already typed by their options; only their text
        is checked here (:func:`readable_text`), and an unknown name is an ``InputError``.
        """
        data = readable_text(dict(values))
        nested = data.pop("slot_options", None)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if isinstance(nested, dict):
            unknown += sorted(set(nested) - {f.name for f in fields(SlotOptions)})
            nested = SlotOptions(**nested) if not unknown else None
        if unknown:
            raise InputError(unknown[0], "is not an option of a plan")
        if nested is not None:
            data["slot_options"] = nested
        return cls(**data)

    def _check_choice(self, field: str) -> str:
        """Validate one choice field on its own (used by the guided interview)."""
        allowed = {"scenario": SCENARIOS, "mode": MODES, "contact_role": CONTACT_ROLES}[field]
        return _choice(getattr(self, field), allowed, field)

    def to_situation(self, clock_now: datetime | None = None) -> Situation:
        """Validate every field and return the consistent :class:`Situation`.

        ``clock_now`` is the interface's real clock, used only when ``now`` is unset.
        Raises the first :class:`InputError` in field order (the CLI's one line).
        """
        situation, errors = self.validate_all(clock_now)
        if errors:
            raise errors[0]
        assert situation is not None
        return situation

    def validate_all(
        self, clock_now: datetime | None = None
    ) -> tuple[Situation | None, list[InputError]]:
        """Check every field independently: the situation, or *every* field's error.

        A form can then mark all its problems at once. A check that needs another
        field's value (the start needs the zone) is skipped while that one is wrong.
        """
        c = _Collector()
        now = c.get(lambda: _now(self.now, clock_now))
        their_tz = c.get(lambda: zone(self.tz, "tz").key)
        given_tz, given_realised = self.my_tz, self.realised
        my_tz = c.get(lambda: zone(given_tz, "my_tz").key) if given_tz is not None else their_tz
        scenario = c.get(lambda: _choice(self.scenario, SCENARIOS, "scenario"))
        mode: Mode | None = c.get(lambda: _choice(self.mode, MODES, "mode"))
        role: ContactRole | None = c.get(
            lambda: _choice(self.contact_role, CONTACT_ROLES, "contact_role")
        )
        reason = c.get(lambda: _reason(self.reason, scenario))
        # Without a valid zone the start is still checked for its shape (in UTC).
        at_tz = their_tz or "UTC"
        start = c.get(lambda: parse_local(self.at, zone(at_tz), "at", _fold(self.fold)))
        if their_tz is None:
            start = None
        realised = (
            c.get(lambda: parse_instant(given_realised, "realised")) if given_realised else now
        )
        if scenario and start and now and realised:
            c.get(lambda: check_timing(scenario, start, now, realised))
        candidate = c.get(lambda: self._candidate(my_tz or "UTC"))
        contact = c.get(lambda: self._contact(role or "interviewer", their_tz or "UTC"))
        interview = c.get(
            lambda: self._interview(start or now or datetime.now(UTC), their_tz, mode or "video")
        )
        happening = c.get(
            lambda: Happening(
                scenario=scenario or "missed",
                reason=reason.code if reason else "",
                detail=_optional_line(self.detail, "detail", MAX_DETAIL),
                realised=realised or datetime.now(UTC),
            )
        )
        slots = c.get(lambda: _slots(self.slot, their_tz, now)) if their_tz and now else None
        if c.errors:
            return None, c.errors
        assert candidate and contact and interview and happening and now and slots is not None
        situation = Situation(
            candidate=candidate,
            interview=interview,
            contact=contact,
            happening=happening,
            now=now,
            slots_requested=slots,
        )
        return situation, []

    def _candidate(self, my_tz: str) -> Candidate:
        return Candidate(
            name=one_line(self.name, "name", max_length=100),
            phone=phone_number(self.phone, "phone", country_for_zone(my_tz))
            if self.phone
            else None,
            email=email_address(self.email, "email") if self.email else None,
            link=web_link(self.link, "link", max_length=MAX_LINK) if self.link else None,
            tz=my_tz,
            senior=self.senior,
            greeting=_choice(self.greeting or "first-name", GREETINGS, "greeting"),
            english=_choice(self.english, ENGLISH_VARIANTS, "english") if self.english else None,
            hours=Hours.parse(self.slot_options.my_hours, "my_hours", overnight=True).text,
        )

    def _contact(self, contact_role: ContactRole, their_tz: str) -> Contact:
        c = _Collector()
        interviewer = c.get(lambda: _optional_line(self.interviewer, "interviewer", 100))
        contact_name = c.get(lambda: _optional_line(self.contact_name, "contact_name", 100))
        recruiter = c.get(lambda: _optional_line(self.recruiter, "recruiter", 100))
        if contact_role == "interviewer":
            contact_name = contact_name or interviewer
        elif contact_role == "recruiter":
            contact_name = contact_name or recruiter
        phone = c.get(
            lambda: (
                phone_number(self.contact_phone, "contact_phone", _their_region(self, their_tz))
                if self.contact_phone
                else None
            )
        )
        email = c.get(
            lambda: (
                email_address(self.contact_email, "contact_email") if self.contact_email else None
            )
        )
        recruiter_email = c.get(
            lambda: (
                email_address(self.recruiter_email, "recruiter_email")
                if self.recruiter_email
                else None
            )
        )
        c.raise_all()
        return Contact(
            name=contact_name or "",
            role=contact_role,
            interviewer=interviewer,
            phone=phone,
            email=email,
            agency_recruiter=recruiter,
            recruiter_email=recruiter_email,
        )

    def _interview(self, start: datetime, their_tz: str | None, mode: Mode) -> Interview:
        c = _Collector()
        company = c.get(lambda: one_line(self.company, "company", max_length=120))
        role = c.get(lambda: one_line(self.role, "role", max_length=120))
        platform = c.get(lambda: _optional_line(self.platform, "platform", 60))
        address = c.get(lambda: _optional_line(self.address, "address", 200))
        country = c.get(lambda: _country(self.slot_options.country))
        hours = c.get(lambda: Hours.parse(self.slot_options.hours, "hours").text)
        c.raise_all()
        return Interview(
            company=company or "",
            role=role or "",
            start=start,
            tz=their_tz or "UTC",
            mode=mode,
            platform=platform,
            address=address,
            country=country,
            hours=hours or "",
        )


class FieldErrors(InputError):
    """Several fields' errors at once (raised inside validation, then unpacked)."""

    def __init__(self, errors: list[InputError]) -> None:
        super().__init__(errors[0].field, errors[0].message, errors[0].alternatives)
        self.errors = errors


class _Collector:
    """Runs checks, keeping each field's first error instead of stopping at it."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def get(self, check: Callable[[], _V]) -> _V | None:
        try:
            return check()
        except FieldErrors as many:
            self._add(many.errors)
        except InputError as err:
            self._add([err])
        return None

    def _add(self, errors: list[InputError]) -> None:
        seen = {e.field for e in self.errors}
        self.errors += [e for e in errors if e.field not in seen]

    def raise_all(self) -> None:
        if self.errors:
            raise FieldErrors(self.errors)


def _reason(code: str | None, scenario: str | None) -> Reason:
    """The chosen reason, or the scenario's default one when none is chosen."""
    chosen = code or DEFAULT_REASON.get(scenario or "")
    if not chosen:
        valid = ", ".join(reason_codes())
        raise InputError("reason", f"choose the main reason, one of: {valid}")
    return get_reason(chosen, "reason")


def _their_region(request: PlanRequest, their_tz: str) -> str | None:
    """The country a national contact number belongs to: ``--country``, else the zone's."""
    label = _country(request.slot_options.country)
    return label.split("-")[0] if label else country_for_zone(their_tz)


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


def _shown(moment: datetime) -> str:
    """A start time as people read it, on its own clock (``Saturday 5 December 2026 at 10:00``)."""
    return moment_text(moment, getattr(moment.tzinfo, "key", "UTC"))


def check_timing(scenario: Scenario, start: datetime, now: datetime, realised: datetime) -> None:
    """Refuse a start time that contradicts the scenario (e.g. missed but still ahead)."""
    if scenario in ("missed", "tech-failure") and start > now:
        raise InputError(
            "at",
            f"the interview starts in the future ({_shown(start)}), so it is not missed yet",
            (Alternative("scenario", "late"), Alternative("scenario", "conflict")),
        )
    if scenario in ("late", "conflict") and start <= now:
        raise InputError(
            "at",
            f"the interview already started ({_shown(start)}), so it counts as missed",
            (Alternative("scenario", "missed"), Alternative("scenario", "tech-failure")),
        )
    if start - now > MAX_AHEAD:
        raise InputError("at", "is more than a year ahead; check the year of the interview")
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
