"""The reason catalogue: how each cause of a missed interview is talked about honestly.

The wording lives in ``data/reasons.toml``; this module only loads and
validates it, so the catalogue can be reviewed and extended without code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from amends.errors import InputError


class Safeguard(BaseModel):
    """A concrete prevention step: its email line (may be empty) and checklist item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    email: str
    checklist: str


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
    proof_if_asked: bool
    safeguards: tuple[Safeguard, ...]

    @property
    def email_safeguard(self) -> str:
        """The first safeguard that has an email line (every reason has one)."""
        return next(s.email for s in self.safeguards if s.email)


@cache
def catalogue() -> dict[str, Reason]:
    """All reasons by code, in catalogue order."""
    text = resources.files("amends.data").joinpath("reasons.toml").read_text("utf-8")
    data = tomllib.loads(text)
    guards = {key: Safeguard(id=key, **value) for key, value in data["safeguards"].items()}
    reasons: dict[str, Reason] = {}
    for code, entry in data["reasons"].items():
        ids = entry.pop("safeguards")
        missing = [i for i in ids if i not in guards]
        if missing:
            raise ValueError(f"reason {code!r} names unknown safeguards {missing}")
        reasons[code] = Reason(code=code, safeguards=tuple(guards[i] for i in ids), **entry)
    return reasons


def reason_codes() -> list[str]:
    """Valid reason codes, in catalogue order."""
    return list(catalogue())


def get_reason(code: str, field: str = "reason") -> Reason:
    """The catalogue entry for ``code``, or an ``InputError`` listing the valid codes."""
    key = code.strip().lower() if isinstance(code, str) else ""
    try:
        return catalogue()[key]
    except KeyError:
        shown = key[:40] or "an empty value"
        valid = ", ".join(reason_codes())
        raise InputError(field, f"{shown!r} is not a known reason; use one of: {valid}") from None
