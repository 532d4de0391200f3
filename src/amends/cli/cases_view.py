"""Text and JSON renderings of cases, events and due steps for the case commands."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from amends.cases import Case, Due, allowed
from amends.cases.machine import spoken
from amends.cli.common import out
from amends.store import EventRecord
from amends.timefmt import at_zone, clock, short_date, zone_label


def when(moment: datetime, tz: str) -> str:
    """``Wed 25 Nov 10:00 GMT`` on ``tz``'s clock (the user's own, in listings)."""
    local = at_zone(moment, tz)
    return f"{short_date(local)} {clock(local)} {zone_label(local)}"


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
    s = case.situation
    return {
        "id": case.id,
        "state": case.state,
        "company": s.interview.company,
        "role": s.interview.role,
        "contact": s.contact.name,
        "interview_start": s.interview.start.isoformat(),
        "opened": case.record.created_at.isoformat(),
        "next": due[0].to_json() if due else None,
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


def _detail(event: EventRecord) -> str:
    d = event.data
    if event.kind == "contacted":
        return f"via {d['via']}"
    if event.kind == "reply-yes":
        start = datetime.fromisoformat(d["start"])
        return f"new time {start.isoformat()} ({d['mode']})"
    if event.kind == "done":
        return str(d["step"])
    if event.kind == "planned":
        return f"{d.get('scenario', '')}, {d.get('reason', '')}, first: {d.get('channel', '')}"
    return str(d.get("text", ""))


def print_due(items: list[Due], tz_of: dict[str, str]) -> None:
    console = out()
    if not items:
        console.print("Nothing is due.")
        return
    for d in items:
        tz = tz_of[d.case_id]
        deadline = f", by {when(d.by, tz)}" if d.by else ""
        console.print(
            f"[{d.status}] {d.case_id}  {d.title}: from {when(d.at, tz)}{deadline}", markup=False
        )
        console.print(f"    {d.text}", markup=False)


def print_case(case: Case, due: list[Due]) -> None:
    console = out()
    s = case.situation
    tz = s.candidate.tz
    console.print(f"Case {case.id}: {case.title} — {case.state}", markup=False)
    console.print(
        f"Contact: {s.contact.name}"
        + (f" · recruiter: {s.contact.agency_recruiter}" if s.contact.agency_recruiter else ""),
        markup=False,
    )
    console.print(f"Interview: {when(s.interview.start, s.interview.tz)}", markup=False)
    if case.meeting:
        console.print(f"New time: {case.meeting.slot.message_text}", markup=False)
    legal = ", ".join(spoken(e) for e in allowed(case.state)) or "none"
    console.print(f"Next events allowed: {legal}", markup=False)
    console.print("\nHistory:", markup=False)
    for e in case.events:
        console.print(f"  {when(e.at, tz)}  {spoken(e.kind):<12} {_detail(e)}", markup=False)
    if case.record.plan:
        kinds = [m["kind"] for m in case.record.plan.get("messages", [])]
        console.print(f"\nSaved plan messages: {', '.join(kinds)}", markup=False)
    console.print("\nDue:", markup=False)
    print_due(due, {case.id: tz})


def print_cases(cases: list[Case], due_of: dict[str, list[Due]]) -> None:
    console = out()
    if not cases:
        console.print("No cases yet. Save one with `amends plan ... --save`.")
        return
    for case in cases:
        due = due_of[case.id]
        nxt = f" · next: {due[0].title} ({due[0].status})" if due else ""
        console.print(
            f"{case.id}  {case.state:<14} {case.title} · {case.situation.contact.name}{nxt}",
            markup=False,
        )
