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


def event_json(
    event: EventRecord, entry: int | None = None, corrected_by: int | None = None
) -> dict[str, Any]:
    """One history entry: ``entry`` is its 1-based number in the case (what a correction
    names), ``corrected_by`` the entry of the correction that withdrew it, if any."""
    return {
        "seq": event.seq,
        "entry": entry,
        "kind": event.kind,
        "at": event.at.isoformat(),
        "data": event.data,
        "corrected_by": corrected_by,
    }


def history_json(case: Case) -> list[dict[str, Any]]:
    """Every entry of the case's history, numbered, withdrawn ones marked."""
    gone = case.corrected
    return [event_json(e, n, gone.get(n)) for n, e in enumerate(case.events, start=1)]


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
        "events": history_json(case),
        "next": [d.to_json() for d in due],
        "situation": case.record.situation,
        "plan": case.record.plan,
    }


def _entry_of(case: Case, stored: EventRecord) -> int | None:
    return next((n for n, e in enumerate(case.events, start=1) if e.seq == stored.seq), None)


def record_json(case: Case, stored: EventRecord, due: list[Due]) -> dict[str, Any]:
    """What ``amends case record ... --format json`` prints."""
    return {
        "case_id": case.id,
        "state": case.state,
        "event": event_json(stored, _entry_of(case, stored)),
        "next": [d.to_json() for d in due],
    }
