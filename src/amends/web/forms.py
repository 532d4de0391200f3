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

MAX_FORM_SLOTS = 3
_TEXT_FIELDS = tuple(name for name in PlanRequest.model_fields if name not in ("senior", "slot"))


@dataclass
class PlanForm:
    """What the plan form shows: the user's values as typed, and one message per bad field."""

    values: dict[str, str] = field(default_factory=dict)
    slots: list[str] = field(default_factory=lambda: [""] * MAX_FORM_SLOTS)
    senior: bool = False
    remember: bool = True
    errors: dict[str, str] = field(default_factory=dict)

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, name: str) -> str | None:
        return self.errors.get(name)

    @property
    def has_profile(self) -> bool:
        return bool(self.values.get("name"))


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


def request_from_form(form: PlanForm) -> PlanRequest:
    """Build the request; raises :class:`InputError` naming the first bad field."""
    payload: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        text = form.values.get(name, "").strip()
        if text:
            payload[name] = text
    payload["senior"] = form.senior
    payload["slot"] = [s.strip() for s in form.slots if s.strip()]
    return validated_request(payload)


def validated_request(payload: Mapping[str, Any]) -> PlanRequest:
    """``PlanRequest.model_validate`` with its errors turned into one :class:`InputError`."""
    try:
        return PlanRequest.model_validate(dict(payload))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = first.get("loc") or ("request",)
        name = loc[1] if loc[0] == "slot_options" and len(loc) > 1 else loc[0]
        raise InputError(str(name), str(first.get("msg", "is not valid"))) from None


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


def blank_form(profile: Mapping[str, Any]) -> PlanForm:
    """A fresh form prefilled with the remembered profile."""
    values = {k: str(v) for k, v in profile.items() if k != "senior" and v}
    if "my_tz" in values:
        values.setdefault("tz", values["my_tz"])
    return PlanForm(values=values, senior=bool(profile.get("senior")))
