"""Text renderings of cases, events and due steps for the case commands.

The JSON shapes live in :mod:`amends.cases.shapes` (shared with the web app) and
are re-exported here for callers that import them from this module.
"""

from __future__ import annotations

from datetime import datetime

from amends.cases import Case, Due, allowed
from amends.cases.indexing import step_row, when
from amends.cases.listing import ListedStep
from amends.cases.machine import spoken
from amends.cases.shapes import case_json, event_json, meeting_json, record_json, summary_json
from amends.cli.listing_view import print_listed_due, say
from amends.store import EventRecord

__all__ = [
    "case_json",
    "event_json",
    "meeting_json",
    "print_case",
    "print_cases",
    "print_due",
    "record_json",
    "say",
    "summary_json",
    "when",
]


def _detail(event: EventRecord, tz: str) -> str:
    d = event.data
    if event.kind == "contacted":
        return f"via {d['via']}"
    if event.kind == "reply-yes":
        start = datetime.fromisoformat(d["start"])
        return f"new time {when(start, tz)} ({d['mode']})"
    if event.kind == "done":
        return str(d["step"])
    if event.kind == "correction":
        why = f": {d['text']}" if d.get("text") else ""
        return f"withdraws entry {d.get('entry')} ({spoken(str(d.get('kind', '')))}){why}"
    if event.kind == "planned":
        return f"{d.get('scenario', '')}, {d.get('reason', '')}, first: {d.get('channel', '')}"
    return str(d.get("text", ""))


def print_due(items: list[Due], tz_of: dict[str, str]) -> None:
    print_listed_due([ListedStep(step_row(d, tz_of[d.case_id]), d.status) for d in items])


def print_case(case: Case, due: list[Due]) -> None:
    s = case.situation
    tz = s.candidate.tz
    say(f"Case {case.id}: {case.title} — {case.state}")
    say(
        f"Contact: {s.contact.name}"
        + (f" · recruiter: {s.contact.agency_recruiter}" if s.contact.agency_recruiter else "")
    )
    say(f"Interview: {when(s.interview.start, s.interview.tz)}")
    if case.meeting:
        say(f"New time: {case.meeting.slot.message_text}")
    legal = ", ".join(spoken(e) for e in allowed(case.state)) or "none"
    say(f"Next events allowed: {legal}")
    say()
    say("History:")
    gone = case.corrected
    for n, e in enumerate(case.events, start=1):
        mark = f" [corrected by entry {gone[n]}]" if n in gone else ""
        line = f"  {n:>2}. {when(e.at, tz)}  {spoken(e.kind):<12} {_detail(e, s.interview.tz)}"
        say(line.rstrip() + mark)
    if case.record.plan:
        kinds = [m["kind"] for m in case.record.plan.get("messages", [])]
        say()
        say(f"Saved plan messages: {', '.join(kinds)}")
    say()
    say("Due:")
    print_due(due, {case.id: tz})


def print_cases(cases: list[Case], due_of: dict[str, list[Due]]) -> None:
    if not cases:
        say("No cases yet. Save one with `amends plan ... --save`.")
        return
    for case in cases:
        due = due_of[case.id]
        nxt = f" · next: {due[0].title} ({due[0].status})" if due else ""
        say(f"{case.id}  {case.state:<14} {case.title} · {case.situation.contact.name}{nxt}")
