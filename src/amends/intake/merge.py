"""Joining a story's fields with what the person typed explicitly (flags or form fields).

Explicit values always win; the story fills the rest. What neither gives and a
plan needs is reported with the intake's own question, so every interface can
ask for exactly that and nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from amends.intake.result import REASON_DEFAULTS, REQUIRED, Intake


def merged(intake: Intake, explicit: Mapping[str, Any]) -> dict[str, Any]:
    """The story's fields overlaid with every explicit value that is set."""
    values: dict[str, Any] = dict(intake.fields)
    values.update({k: v for k, v in explicit.items() if v not in (None, "", [])})
    return values


def unanswered(intake: Intake, explicit: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, question) for what a plan still needs after the story and the explicit values."""
    given = {k for k, v in explicit.items() if v not in (None, "", [])}
    scenario = explicit.get("scenario") or intake.fields.get("scenario")
    open_fields: list[tuple[str, str]] = []
    for name, question in zip(intake.missing, intake.questions, strict=True):
        if name not in REQUIRED or name in given:
            continue
        if name == "fold" and "at" in given:
            continue
        if name == "reason" and scenario in REASON_DEFAULTS:
            continue
        open_fields.append((name, question))
    return open_fields
