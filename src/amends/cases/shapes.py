"""The JSON shapes of cases for every interface (CLI ``--format json`` and the web API).

One definition, so ``amends case show --format json`` and ``GET /api/cases/ID``
can never drift apart.
"""

from __future__ import annotations

from typing import Any

from amends.cases.case import Case
from amends.cases.engine import Due
from amends.cases.machine import allowed, spoken
from amends.store.records import EventRecord


def event_json(event: EventRecord) -> dict[str, Any]:
    return {"seq": event.seq, "kind": event.kind, "at": event.at.isoformat(), "data": event.data}


def meeting_json(case: Case) -> dict[str, Any] | None:
    m = case.meeting
    if m is None:
        return None
    return {
        **m.slot.to_json(),
        "mode": m.mode,
        "link": m.link,
        "address": m.address,
        "agreed_at": m.agreed_at.isoformat(),
    }


def summary_json(case: Case, due: list[Due]) -> dict[str, Any]:
    """The list entry of a case; ``owner`` (hosted mode only) says whose case it is."""
    s = case.situation
    owner = {"owner": case.record.owner} if case.record.owner is not None else {}
    return {
        "id": case.id,
        "state": case.state,
        "company": s.interview.company,
        "role": s.interview.role,
        "contact": s.contact.name,
        "interview_start": s.interview.start.isoformat(),
        "opened": case.record.created_at.isoformat(),
        "next": due[0].to_json() if due else None,
        **owner,
    }


def case_json(case: Case, due: list[Due]) -> dict[str, Any]:
    return {
        **summary_json(case, due),
        "allowed": [spoken(e) for e in allowed(case.state)],
        "meeting": meeting_json(case),
        "promised_open": [str(p.data["text"]) for p in case.open_promises],
        "lessons": case.lessons,
        "safeguards": case.safeguards,
        "events": [event_json(e) for e in case.events],
        "next": [d.to_json() for d in due],
        "situation": case.record.situation,
        "plan": case.record.plan,
    }


def record_json(case: Case, stored: EventRecord, due: list[Due]) -> dict[str, Any]:
    """What ``amends case record ... --format json`` prints."""
    return {
        "case_id": case.id,
        "state": case.state,
        "event": event_json(stored),
        "next": [d.to_json() for d in due],
    }
