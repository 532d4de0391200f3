"""The reason catalogue: how each cause of a missed interview is talked about honestly.

The wording lives in ``data/reasons.toml``; this module only loads and
validates it (every key known, every value of its field's type), so the
catalogue can be reviewed and extended without code.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from functools import cache
from typing import Any

from amends.plan.reason_table import known_code, reason_codes, reason_table

# The types a catalogue value may have, by the field's annotation.
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "bool": (bool,),
    "str | None": (str, type(None)),
}


def _entry(kind: type, name: str, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` checked against the fields of ``kind``: none unknown or missing, each typed."""
    known = {f.name: f for f in fields(kind)}
    unknown = sorted(set(values) - set(known))
    missing = sorted(
        key
        for key, f in known.items()
        if key not in values and f.default is MISSING and f.default_factory is MISSING
    )
    if unknown or missing:
        raise ValueError(f"{name}: unknown fields {unknown}, missing fields {missing}")
    for key, value in values.items():
        allowed = _TYPES.get(str(known[key].type))
        if allowed is not None and not isinstance(value, allowed):
            raise ValueError(f"{name}: {key} must be {known[key].type}, not {value!r}")
    return values


@dataclass(frozen=True, kw_only=True)
class Safeguard:
    """A concrete prevention step: its email line per mode (may be empty) and checklist item."""

    id: str
    email: str
    email_in_person: str | None = None
    """``email_in-person`` in the catalogue file."""
    email_video: str | None = None
    email_phone: str | None = None
    checklist: str

    def email_line(self, mode: str) -> str:
        """The email line for an interview in ``mode`` ("" where the step does not fit it)."""
        specific = {
            "in-person": self.email_in_person,
            "video": self.email_video,
            "phone": self.email_phone,
        }.get(mode)
        return self.email if specific is None else specific


@dataclass(frozen=True, kw_only=True)
class Reason:
    """One catalogue entry (see the field comments in ``data/reasons.toml``)."""

    code: str
    label: str
    outside_control: bool
    mention: bool
    framing: str
    framing_ahead: str
    spoken: str
    spoken_ahead: str
    absent_ahead: bool
    promise: bool
    proof_if_asked: bool
    safeguards: tuple[Safeguard, ...]

    def email_safeguard(self, mode: str) -> str:
        """The prevention line for the email, or ``""`` when none honestly fits.

        The first safeguard with a line for the interview's ``mode``; nothing at all
        for causes no safeguard prevents (``promise = false``: illness, emergencies).
        """
        if not self.promise:
            return ""
        return next((line for g in self.safeguards if (line := g.email_line(mode))), "")


@cache
def catalogue() -> dict[str, Reason]:
    """All reasons by code, in catalogue order."""
    data = reason_table()
    guards: dict[str, Safeguard] = {}
    for key, value in data["safeguards"].items():
        named = {k.replace("-", "_"): v for k, v in value.items()}
        guards[key] = Safeguard(**_entry(Safeguard, f"safeguard {key!r}", {"id": key, **named}))
    reasons: dict[str, Reason] = {}
    for code, raw in data["reasons"].items():
        entry = dict(raw)
        ids = entry.pop("safeguards", None)
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ValueError(f"reason {code!r}: safeguards must be a list of ids")
        missing = [i for i in ids if i not in guards]
        if missing:
            raise ValueError(f"reason {code!r} names unknown safeguards {missing}")
        checked = _entry(Reason, f"reason {code!r}", {"code": code, "safeguards": (), **entry})
        reasons[code] = Reason(**{**checked, "safeguards": tuple(guards[i] for i in ids)})
    return reasons


def get_reason(code: str, field: str = "reason") -> Reason:
    """The catalogue entry for ``code``, or an ``InputError`` listing the valid codes."""
    return catalogue()[known_code(code, field)]


__all__ = ["Reason", "Safeguard", "catalogue", "get_reason", "reason_codes"]
