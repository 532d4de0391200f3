"""Joining a story's fields with what the person typed explicitly (flags or form fields).

Explicit values always win; the story fills the rest. What neither gives and a
plan needs is reported with the intake's own question, so every interface can
ask for exactly that and nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from amends.dates.zones import parse_local, zone
from amends.errors import InputError
from amends.intake.result import REASON_DEFAULTS, REQUIRED, Intake


def merged(intake: Intake, explicit: Mapping[str, Any]) -> dict[str, Any]:
    """The story's fields overlaid with every explicit value that is set.

    A start the story gave on the person's own clock ("9am my time") is moved onto the
    interviewer's clock once their zone is given explicitly.
    """
    values: dict[str, Any] = intake.plan_fields()
    given = {k: v for k, v in explicit.items() if v not in (None, "", [])}
    if intake.at_on_my_clock and "tz" in given and "at" not in given and intake.my_tz:
        try:
            start = parse_local(values["at"], zone(intake.my_tz), "at")
            values["at"] = start.astimezone(zone(str(given["tz"]), "tz")).strftime("%Y-%m-%d %H:%M")
        except InputError:
            pass  # a time the clocks skip or repeat: the plan's own check reports it
    values.update(given)
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
