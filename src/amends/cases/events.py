"""Turning what the user records (``amends case record ID EVENT ...``) into events.

Validation happens here, against the case as it is inside the store's write
transaction: the transition must be legal, times must not run backwards, a new
interview time must come after the reply that set it, and every free text is a
single reasonable line. Nothing is written when any check fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from amends.cases.case import Case
from amends.cases.corrections import correction_data
from amends.cases.engine import STEP_KEYS
from amends.cases.machine import (
    ANNOTATIONS,
    CORRECTION,
    OPENING,
    TRANSITION_EVENTS,
    VIAS,
    next_state,
    spoken,
)
from amends.dates.format import moment_text
from amends.dates.zones import parse_local, zone
from amends.errors import InputError
from amends.fields import one_line, web_link
from amends.plan.reasons import catalogue
from amends.plan.situation import MODES
from amends.store.base import Store
from amends.store.records import CaseRecord, EventRecord, NewEvent

MAX_TEXT = 500
DEFAULT_MINUTES = 60
RECORDABLE: tuple[str, ...] = (*TRANSITION_EVENTS, *ANNOTATIONS, CORRECTION)


@dataclass(frozen=True)
class EventInput:
    """The options of ``amends case record`` (only those the event uses are read)."""

    kind: str
    now: datetime
    via: str | None = None
    slot: str | None = None
    minutes: int = DEFAULT_MINUTES
    mode: str | None = None
    link: str | None = None
    address: str | None = None
    text: str | None = None
    step: str | None = None
    entry: int | None = None
    """correction: the 1-based number of the history entry it withdraws."""


def event_kind(event: str, answer: str | None = None) -> str:
    """``reply`` + ``yes``/``no`` -> ``reply-yes``/``reply-no``; other names pass through."""
    name = event.strip().lower()
    if name == "reply":
        choice = (answer or "").strip().lower()
        if choice not in ("yes", "no"):
            raise InputError("answer", "a reply is either yes or no")
        return f"reply-{choice}"
    if answer is not None:
        raise InputError("answer", f"'{name}' takes no extra word (only reply yes|no does)")
    if name not in RECORDABLE or name == OPENING:
        names = [spoken(e) for e in RECORDABLE if e != "reply-no"]
        valid = ", ".join(names).replace("reply yes", "reply yes|no")
        raise InputError("event", f"{name[:30]!r} is not an event; use one of: {valid}")
    return name


def _text(value: str | None, kind: str) -> str:
    if value is None:
        raise InputError("text", f"{kind} needs a short text saying what it is")
    return one_line(value, "text", max_length=MAX_TEXT)


def _reply_yes(case: Case, given: EventInput) -> dict[str, Any]:
    s = case.situation
    if not given.slot:
        raise InputError(
            "slot", "a yes needs the new interview time (YYYY-MM-DD HH:MM, their local time)"
        )
    start = parse_local(given.slot, zone(s.interview.tz), "slot")
    if start <= given.now:
        raise InputError(
            "slot",
            f"{moment_text(start, s.interview.tz)} is not after the reply "
            f"({moment_text(given.now, s.interview.tz)}); the new interview must come later",
        )
    if not 5 <= given.minutes <= 600:
        raise InputError("minutes", "must be between 5 and 600")
    mode = given.mode or s.interview.mode
    if mode not in MODES:
        raise InputError("mode", f"{mode!r} is not a mode; use one of: {', '.join(MODES)}")
    return {
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=given.minutes)).isoformat(),
        "mode": mode,
        "link": web_link(given.link, "link") if given.link else None,
        "address": one_line(given.address, "address") if given.address else None,
    }


def _data(case: Case, given: EventInput) -> dict[str, Any]:
    kind = given.kind
    if kind == "contacted":
        if given.via not in VIAS:
            raise InputError(
                "via", f"contacted needs how you made contact, one of: {', '.join(VIAS)}"
            )
        return {"via": given.via}
    if kind == "reply-yes":
        return _reply_yes(case, given)
    if kind in ("note", "lesson", "promised", "delivered"):
        text = _text(given.text, kind)
        if kind == "delivered" and text.casefold() not in {
            str(p.data["text"]).casefold() for p in case.open_promises
        }:
            open_items = "; ".join(str(p.data["text"]) for p in case.open_promises) or "none"
            raise InputError("text", f"nothing open was promised as {text!r}; open: {open_items}")
        return {"text": text}
    if kind == "safeguard":
        text = _text(given.text, kind)
        known = {g.id: g for r in catalogue().values() for g in r.safeguards}
        if text in known:
            return {"text": known[text].checklist, "id": text}
        return {"text": text}
    if kind == "done":
        if given.step not in STEP_KEYS:
            raise InputError(
                "step", f"done needs the step you finished, one of: {', '.join(STEP_KEYS)}"
            )
        return {"step": given.step}
    if kind == CORRECTION:
        why = one_line(given.text, "text", max_length=MAX_TEXT) if given.text else None
        return correction_data(case.events, given.entry, why)
    return {}


def _correction_time(case: Case, given: EventInput) -> None:
    """A correction may come before the entry it withdraws (a ``--now`` typo far ahead),
    never before the entries that still stand."""
    target = (
        case.events[given.entry - 1]
        if given.entry and 1 < given.entry <= len(case.events)
        else None
    )
    latest = max((e.at for e in case.standing if e is not target), default=case.last_at)
    if given.now < latest:
        raise InputError(
            "now",
            f"{given.now.isoformat()} is before this case's last standing event "
            f"({latest.isoformat()}); events are recorded in the order they happen",
        )


def build_event(case: Case, given: EventInput) -> NewEvent:
    """Validate ``given`` against ``case`` and return the event to append."""
    if given.kind == CORRECTION:
        data = _data(case, given)
        _correction_time(case, given)
        return NewEvent(kind=given.kind, at=given.now, data=data)
    if given.now < case.last_at:
        raise InputError(
            "now",
            f"{given.now.isoformat()} is before this case's last event "
            f"({case.last_at.isoformat()}); events are recorded in the order they happen",
        )
    next_state(case.state, given.kind, given.via, case.id)
    meeting = case.meeting
    if given.kind == "interviewed" and meeting and given.now < meeting.slot.start:
        raise InputError(
            "now",
            f"the interview starts {moment_text(meeting.slot.start, case.situation.interview.tz)}; "
            "record it as interviewed after it has started",
        )
    return NewEvent(kind=given.kind, at=given.now, data=_data(case, given))


def record(
    store: Store, case_id: str, given: EventInput, clock: Callable[[], datetime] | None = None
) -> tuple[Case, EventRecord]:
    """Append one event (validated inside the write transaction); returns the updated case.

    With ``clock`` (the real clock, when no ``--now`` was given) the event's
    time is read inside the transaction, after the case is locked: a writer
    that waited for another one is then never refused as "before the last
    event" by a few milliseconds it spent waiting.
    """

    def build(record: CaseRecord) -> NewEvent:
        current = replace(given, now=clock()) if clock is not None else given
        return build_event(Case(record), current)

    event = store.append_event(case_id, build)
    return Case(store.get_case(case_id)), event
