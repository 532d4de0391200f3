"""Builders for case tests: a realistic situation, its plan, and a saved case.

Times are fixed (never the clock). Defaults: a London interview missed on
Monday 23 November 2026, candidate in New York, a recruiter in the loop.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from amends.cases import Case, EventInput, load_case, record, save_plan
from amends.dates.slot import Slot
from amends.plan import Plan
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest
from amends.store import NewEvent, Store

DEFAULTS: dict[str, Any] = {
    "name": "Sam Rivera",
    "phone": "+1 212 555 0100",
    "email": "sam@example.org",
    "my_tz": "America/New_York",
    "company": "Acme",
    "role": "Data Analyst",
    "interviewer": "Dana Lee",
    "contact_name": "Dana Lee",
    "contact_email": "dana@acme.example",
    "contact_phone": "+44 20 7946 0000",
    "recruiter": "Chris Wong",
    "at": "2026-11-23 10:00",
    "tz": "Europe/London",
    "scenario": "missed",
    "reason": "overslept",
    "now": "2026-11-23T10:40+00:00",
}


def at(text: str) -> datetime:
    """An aware instant from ISO text with offset."""
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None
    return moment


def raw_case(store: Store, situation: dict[str, Any]) -> str:
    """A case stored straight through the store (no plan logic): planned at 10:40 UTC."""
    return store.create_case(
        at("2026-11-23T10:40+00:00"),
        situation,
        {"messages": []},
        NewEvent("planned", at("2026-11-23T10:40+00:00"), {"channel": "email"}),
    ).id


def note_event(text: str, when: str = "2026-11-23T11:00+00:00") -> NewEvent:
    """A note event to append (``when`` as ISO text with offset)."""
    return NewEvent("note", at(when), {"text": text})


def make_plan(**overrides: Any) -> Plan:
    situation = PlanRequest.from_values({**DEFAULTS, **overrides}).to_situation()
    slots = [
        Slot(start, start + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
        for start in situation.slots_requested
    ]
    return build_plan(situation, slots)


def new_case(store: Store, **overrides: Any) -> Case:
    return load_case(store, save_plan(store, make_plan(**overrides)))


def apply(store: Store, case: Case, *steps: tuple[str, str, dict[str, Any]]) -> Case:
    """Record ``(kind, iso time, options)`` events in order; returns the updated case."""
    for kind, when, options in steps:
        case, _ = record(store, case.id, EventInput(kind, at(when), **options))
    return case
