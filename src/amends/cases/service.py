"""What the interfaces call: save a plan as a case, list cases, export and import.

Each function takes the :class:`~amends.store.base.Store` it works on, so the
CLI, the web app and the tests share one code path whatever the backend.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from amends.cases.case import Case
from amends.cases.events import RECORDABLE
from amends.cases.machine import OPENING
from amends.dates.zones import is_zone
from amends.errors import InputError, StateError, StoreError
from amends.plan.reasons import catalogue
from amends.plan.result import Plan
from amends.plan.situation import Situation
from amends.plan.stored import situation_from_json, situation_json
from amends.store.base import Store
from amends.store.migrations import LATEST
from amends.store.records import CaseImport, CaseRecord, EventRecord, NewEvent

EXPORT_FORMAT = "amends-export"
EXPORT_VERSION = 1


def save_plan(store: Store, plan: Plan) -> str:
    """Keep ``plan`` as a new case in state ``planned``; returns the case id."""
    s = plan.situation
    first = NewEvent(
        kind=OPENING,
        at=s.now,
        data={
            "scenario": s.happening.scenario,
            "reason": s.happening.reason,
            "channel": plan.first_action.channel,
        },
    )
    record = store.create_case(s.now, situation_json(s), plan.to_json(), first)
    return record.id


def cases_for_interview(store: Store, situation: Situation) -> list[Case]:
    """Open cases about the same interview (company, role and start), newest first.

    Saving the same plan twice is then a question, not a silent second case.
    """
    interview = situation.interview
    found = [
        case
        for case in load_cases(store, include_closed=False)
        if case.situation.interview.company.casefold() == interview.company.casefold()
        and case.situation.interview.role.casefold() == interview.role.casefold()
        and case.situation.interview.start == interview.start
    ]
    return sorted(found, key=lambda c: c.record.created_at, reverse=True)


@dataclass(frozen=True)
class DamagedCase:
    """A stored case that cannot be read: its id and what is wrong with it."""

    id: str
    problem: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "problem": self.problem}


@dataclass(frozen=True)
class CaseListing:
    """The readable cases, and the damaged ones reported instead of crashing the listing."""

    cases: list[Case]
    damaged: list[DamagedCase]


def case_damage(case: Case) -> str:
    """Why ``case`` cannot be used ("" when it can): its stored row, situation or history."""
    if case.record.damage:
        return case.record.damage
    try:
        case.situation  # noqa: B018 - decoding is the check
        case.state  # noqa: B018
    except ValidationError:
        return "the stored situation is incomplete or malformed"
    except (StateError, InputError, ValueError, KeyError, TypeError) as exc:
        return f"the stored history cannot be replayed ({exc})"
    return ""


def load_case(store: Store, case_id: str) -> Case:
    """One case (``InputError`` on ``--case`` when the id is unknown; ``StoreError`` if damaged)."""
    case = Case(store.get_case(case_id))
    problem = case_damage(case)
    if problem:
        raise StoreError(f"case {case.id} is damaged in the database: {problem}")
    return case


def list_cases(store: Store, include_closed: bool = True, brief: bool = False) -> CaseListing:
    """Every readable case, oldest first (closed ones only when asked), and the damaged ones.

    ``brief`` as for :func:`load_cases`.
    """
    cases: list[Case] = []
    damaged: list[DamagedCase] = []
    for record in store.list_cases(brief=brief):
        case = Case(record)
        problem = case_damage(case)
        if problem:
            damaged.append(DamagedCase(case.id, problem))
        elif include_closed or case.is_open:
            cases.append(case)
    return CaseListing(cases, damaged)


def load_cases(store: Store, include_closed: bool = True, brief: bool = False) -> list[Case]:
    """Every readable case, oldest first; closed ones only when asked (damaged ones skipped).

    ``brief`` keeps only what listings and next steps read of each saved plan
    (see :meth:`~amends.store.base.Store.list_cases`); ``case show`` and ``write``
    load one whole case instead.
    """
    return list_cases(store, include_closed, brief).cases


def _export_head(now: datetime) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema_version": LATEST,
        "exported_at": now.isoformat(),
    }


def export_all(store: Store, now: datetime) -> dict[str, Any]:
    """Every case with its full history, as one JSON document (``amends export``)."""
    return {**_export_head(now), "cases": [r.to_json() for r in store.list_cases()]}


def export_text(store: Store, now: datetime) -> Iterator[str]:
    """:func:`export_all` as indented JSON text, one case at a time (``amends export``).

    The text is exactly ``json.dumps(export_all(...), ensure_ascii=False, indent=2)``
    plus a final newline, but only one batch of cases is ever in memory.
    """
    yield "{\n"
    for key, value in _export_head(now).items():
        yield f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},\n"
    yield '  "cases": ['
    first = True
    for record in store.iter_cases():
        text = json.dumps(record.to_json(), ensure_ascii=False, indent=2)
        yield ("\n    " if first else ",\n    ") + text.replace("\n", "\n    ")
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def _when(value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InputError("file", f"{where}: expected an ISO-8601 time with offset")
    return moment


def _case_import(raw: Any, n: int) -> CaseImport:
    where = f"case {n + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise InputError("file", f"{where}: expected an object with id, situation and events")
    case_id = raw.get("id")
    if not isinstance(case_id, str) or not 0 < len(case_id) <= 40 or not case_id.isalnum():
        raise InputError("file", f"{where}: the id must be 1–40 letters or digits")
    try:
        situation = situation_from_json(raw.get("situation"))
    except ValidationError as exc:
        raise InputError("file", f"{where}: invalid situation ({exc.errors()[0]['msg']})") from None
    for tz in (situation.interview.tz, situation.candidate.tz):
        if not is_zone(tz):
            raise InputError("file", f"{where}: invalid situation ({tz[:40]!r} is not a time zone)")
    if situation.happening.reason not in catalogue():
        raise InputError("file", f"{where}: invalid situation (unknown reason)")
    plan = raw.get("plan")
    events: list[NewEvent] = []
    for i, ev in enumerate(raw["events"]):
        if not isinstance(ev, dict) or not isinstance(ev.get("data"), dict):
            raise InputError("file", f"{where}, event {i + 1}: expected kind, at and data")
        kind = ev.get("kind")
        if kind not in (*RECORDABLE, OPENING) or (kind == OPENING) != (i == 0):
            raise InputError("file", f"{where}, event {i + 1}: unexpected event {kind!r}")
        events.append(
            NewEvent(str(kind), _when(ev.get("at"), f"{where}, event {i + 1}"), ev["data"])
        )
    if not events:
        raise InputError("file", f"{where}: a case needs at least its opening event")
    created = _when(raw.get("created_at"), where)
    case = CaseImport(
        case_id,
        created,
        situation_json(situation),
        plan if isinstance(plan, dict) else None,
        tuple(events),
    )
    _check_history(case, where)
    return case


def _check_history(case: CaseImport, where: str) -> None:
    """Replay the imported history through the state machine before storing it."""
    records = tuple(
        EventRecord(i + 1, case.id, e.kind, e.at, e.data) for i, e in enumerate(case.events)
    )
    view = Case(CaseRecord(case.id, case.created_at, case.situation, case.plan, records))
    try:
        times = [e.at for e in view.standing]  # a correction may precede what it withdrew
    except ValueError as exc:
        raise InputError("file", f"{where}: {exc}") from None
    if times != sorted(times):
        raise InputError("file", f"{where}: events are not in time order")
    try:
        view.state  # noqa: B018 - replaying is the check
        view.meeting  # noqa: B018
    except StateError as exc:
        raise InputError("file", f"{where}: its history is not a valid lifecycle ({exc})") from None
    except (KeyError, TypeError, ValueError):
        raise InputError("file", f"{where}: an event is missing its data") from None


def import_all(store: Store, document: Any) -> tuple[int, int]:
    """Add the cases of an export document; ``(added, already present)``.

    The whole document is validated first and stored in one transaction, so a
    bad file adds nothing; importing the same file twice adds nothing the
    second time.
    """
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise InputError("file", 'is not an amends export (expected "format": "amends-export")')
    if document.get("version") != EXPORT_VERSION:
        raise InputError(
            "file", f"export version {document.get('version')!r} is not supported (expected 1)"
        )
    raw_cases = document.get("cases")
    if not isinstance(raw_cases, list):
        raise InputError("file", "has no list of cases")
    cases = [_case_import(raw, n) for n, raw in enumerate(raw_cases)]
    return store.import_cases(cases)
