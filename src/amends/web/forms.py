"""Turning HTML form posts into the core's :class:`PlanRequest`, and the saved profile.

The web form posts the same snake_case keys the JSON API takes, so the only
work here is mapping browser conventions (empty strings, checkboxes, repeated
``slot`` inputs) onto the request model and back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from amends.errors import InputError
from amends.paths import profile_path
from amends.plan.request import PlanRequest
from amends.profile import TO_REQUEST, load_profile, save_profile
from amends.web.auth import current_user
from amends.web.labels import FIELD_LABELS, error_text, label
from amends.web.request_models import PlanBody, body_of

MAX_FORM_SLOTS = 3
# The fields the plan form has a control for (others' errors appear in the summary only).
FORM_FIELDS = frozenset(
    {
        "scenario",
        "reason",
        "detail",
        "company",
        "role",
        "at",
        "tz",
        "mode",
        "platform",
        "address",
        "interviewer",
        "contact_role",
        "contact_name",
        "contact_email",
        "contact_phone",
        "recruiter",
        "recruiter_email",
        "name",
        "email",
        "phone",
        "link",
        "my_tz",
        "slot",
        "realised",
        "fold",
    }
)
_TEXT_FIELDS = tuple(name for name in PlanBody.model_fields if name not in ("senior", "slot"))


@dataclass
class PlanForm:
    """What the plan form shows: the user's values as typed, and one message per bad field."""

    values: dict[str, str] = field(default_factory=dict)
    slots: list[str] = field(default_factory=lambda: [""] * MAX_FORM_SLOTS)
    senior: bool = False
    remember: bool = True
    errors: dict[str, str] = field(default_factory=dict)
    # Filled from a "What happened?" story: what it gave, and what is still to answer.
    story: str = ""
    understood: dict[str, str] = field(default_factory=dict)
    questions: list[tuple[str, str]] = field(default_factory=list)

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, name: str) -> str | None:
        return self.errors.get(name)

    @property
    def has_profile(self) -> bool:
        return bool(self.values.get("name"))

    def error_items(self) -> list[tuple[str, str, str]]:
        """``(anchor, label, message)`` per error, for the summary above the form."""
        items = []
        for name, message in self.errors.items():
            anchor = "f-slot-1" if name == "slot" else f"f-{name}"
            if name not in FORM_FIELDS:
                anchor = "form-errors"
            items.append((anchor, label(name), message))
        return items


def form_from_post(data: Mapping[str, Any], slots: list[str]) -> PlanForm:
    """The posted form, kept verbatim so a re-render shows exactly what was typed."""
    values = {name: str(data.get(name) or "") for name in _TEXT_FIELDS}
    padded = [*slots[:MAX_FORM_SLOTS], *[""] * MAX_FORM_SLOTS][:MAX_FORM_SLOTS]
    return PlanForm(
        values=values,
        slots=padded,
        senior=bool(data.get("senior")),
        remember=bool(data.get("remember")),
    )


def request_from_form(form: PlanForm) -> tuple[PlanRequest | None, list[InputError]]:
    """The request the form describes, or every field's problem with its shape."""
    payload: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        text = form.values.get(name, "").strip()
        if text:
            payload[name] = text
    payload["senior"] = form.senior
    payload["slot"] = [s.strip() for s in form.slots if s.strip()]
    return validated_request(payload)


def validated_request(payload: Mapping[str, Any]) -> tuple[PlanRequest | None, list[InputError]]:
    """The request validated as the API validates a body; each field's error an InputError."""
    try:
        return PlanBody.model_validate(dict(payload)).to_request(), []
    except InputError as err:
        return None, [err]
    except ValidationError as exc:
        errors: dict[str, InputError] = {}
        for item in exc.errors():
            loc = item.get("loc") or ("request",)
            name = str(loc[1] if loc[0] == "slot_options" and len(loc) > 1 else loc[0])
            errors.setdefault(name, InputError(name, str(item.get("msg", "is not valid"))))
        return None, list(errors.values())


def show_errors(form: PlanForm, errors: list[InputError]) -> None:
    """Put each error beside its field, in the web's words (labels, never codes)."""
    order = list(FIELD_LABELS)
    for err in sorted(errors, key=lambda e: order.index(e.field) if e.field in order else 99):
        typed = form.slots[0] if err.field == "slot" else form.values.get(err.field)
        form.errors.setdefault(err.field, error_text(err, typed))


def form_from_request(request: PlanRequest) -> PlanForm:
    """The form as it was filled in for ``request`` (the "Change the details" form)."""
    values = body_of(request).model_dump(
        mode="json", exclude={"slot", "senior", "slot_options", "now"}
    )
    text = {k: str(v) for k, v in values.items() if v not in (None, "") and k in _TEXT_FIELDS}
    if "at" in text:
        text["at"] = text["at"].replace(" ", "T")
    slots = [s.replace(" ", "T") for s in request.slot][:MAX_FORM_SLOTS]
    return PlanForm(
        values=text,
        slots=[*slots, *[""] * MAX_FORM_SLOTS][:MAX_FORM_SLOTS],
        senior=request.senior,
    )


def _hosted() -> bool:
    """True while serving a signed-in user of a hosted install: the server's profile
    file belongs to nobody there, so it is never read or written."""
    return current_user.get() is not None


def stored_profile() -> dict[str, Any]:
    """The profile file's values (``PlanRequest`` names); a broken file counts as none."""
    if _hosted():
        return {}
    try:
        return load_profile()
    except InputError:
        return {}


def remember_profile(form: PlanForm) -> None:
    """Save the form's own-details part to the profile file the CLI also reads."""
    if _hosted():
        return
    values: dict[str, Any] = {
        key: form.values.get(field, "").strip() for key, field in TO_REQUEST.items()
    }
    values["senior"] = form.senior
    save_profile(values)


def forget_profile() -> None:
    """Delete the profile file (the user asked this device to forget them)."""
    if _hosted():
        return
    profile_path().unlink(missing_ok=True)


def form_from_story(
    profile: Mapping[str, Any],
    story: str,
    fields: Mapping[str, str],
    open_fields: list[tuple[str, str]],
) -> PlanForm:
    """The plan form filled with what a story gave (its start in the date-time input's format)."""
    form = blank_form(profile)
    form.values.pop("tz", None)  # the interviewer's zone comes from the story or is asked
    for name, value in fields.items():
        form.values[name] = value.replace(" ", "T", 1) if name == "at" else value
    form.story, form.understood, form.questions = story, dict(fields), list(open_fields)
    return form


def blank_form(profile: Mapping[str, Any]) -> PlanForm:
    """A fresh form prefilled with the remembered profile."""
    values = {k: str(v) for k, v in profile.items() if k != "senior" and v}
    if "my_tz" in values:
        values.setdefault("tz", values["my_tz"])
    return PlanForm(values=values, senior=bool(profile.get("senior")))
