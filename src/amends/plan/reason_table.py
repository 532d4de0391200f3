"""The reason catalogue as plain data: codes and their raw entries, without pydantic.

``amends check`` needs only each code, whether it is outside the user's control
and its framing; reading them here keeps pydantic (and the model validation of
:mod:`amends.plan.reasons`) out of the checker's start-up. The planner's typed
catalogue is built from the same table, so there is one source of truth.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from amends.datafiles import data_table
from amends.errors import InputError


@cache
def reason_table() -> dict[str, Any]:
    """``data/reasons.toml`` as parsed: ``{"reasons": {...}, "safeguards": {...}}``.

    Cached and shared: callers must not change it (copy an entry before editing).
    """
    return data_table("reasons")


def reason_codes() -> list[str]:
    """Valid reason codes, in catalogue order."""
    return list(reason_table()["reasons"])


def known_code(code: str, field: str = "reason") -> str:
    """``code`` normalised when it is in the catalogue, else an ``InputError`` listing them."""
    key = code.strip().lower() if isinstance(code, str) else ""
    if key in reason_table()["reasons"]:
        return key
    shown = key[:40] or "an empty value"
    valid = ", ".join(reason_codes())
    raise InputError(field, f"{shown!r} is not a known reason; use one of: {valid}")
