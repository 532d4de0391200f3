"""The reason catalogue: how each cause of a missed interview is talked about honestly.

The wording lives in ``data/reasons.toml``; this module only loads and
validates it, so the catalogue can be reviewed and extended without code.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from amends.plan.reason_table import known_code, reason_codes, reason_table


class Safeguard(BaseModel):
    """A concrete prevention step: its email line per mode (may be empty) and checklist item."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str
    email: str
    email_in_person: str | None = Field(default=None, alias="email_in-person")
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


class Reason(BaseModel):
    """One catalogue entry (see the field comments in ``data/reasons.toml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
    guards = {key: Safeguard(id=key, **value) for key, value in data["safeguards"].items()}
    reasons: dict[str, Reason] = {}
    for code, raw in data["reasons"].items():
        entry = dict(raw)
        ids = entry.pop("safeguards")
        missing = [i for i in ids if i not in guards]
        if missing:
            raise ValueError(f"reason {code!r} names unknown safeguards {missing}")
        reasons[code] = Reason(code=code, safeguards=tuple(guards[i] for i in ids), **entry)
    return reasons


def get_reason(code: str, field: str = "reason") -> Reason:
    """The catalogue entry for ``code``, or an ``InputError`` listing the valid codes."""
    return catalogue()[known_code(code, field)]


__all__ = ["Reason", "Safeguard", "catalogue", "get_reason", "reason_codes"]
