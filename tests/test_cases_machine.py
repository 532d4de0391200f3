"""The case lifecycle: every legal transition lands where the issue says, every other is refused."""

from __future__ import annotations

from typing import Any

import pytest

from amends.cases import STATES, Case, EventInput, record
from amends.cases.machine import ANNOTATIONS, TRANSITION_EVENTS, next_state
from amends.errors import StateError
from amends.store import Store
from tests.case_factory import apply, at, new_case

# The lifecycle of issue 6, written out independently of the implementation's table.
LEGAL: dict[tuple[str, str], str] = {
    ("planned", "contacted"): "contacted",
    ("contacted", "contacted"): "contacted",
    ("contacted", "waiting"): "awaiting-reply",
    ("contacted", "reply-yes"): "rescheduled",
    ("contacted", "reply-no"): "declined",
    ("awaiting-reply", "contacted"): "awaiting-reply",
    ("awaiting-reply", "reply-yes"): "rescheduled",
    ("awaiting-reply", "reply-no"): "declined",
    ("awaiting-reply", "no-reply"): "no-reply",
    ("awaiting-reply", "followed-up"): "followed-up",
    ("no-reply", "followed-up"): "followed-up",
    ("no-reply", "reply-yes"): "rescheduled",
    ("no-reply", "reply-no"): "declined",
    ("no-reply", "close"): "closed",
    ("followed-up", "reply-yes"): "rescheduled",
    ("followed-up", "reply-no"): "declined",
    ("followed-up", "close"): "closed",
    ("rescheduled", "reply-yes"): "rescheduled",
    ("rescheduled", "interviewed"): "interviewed",
    ("interviewed", "thanked"): "thanked",
    ("thanked", "close"): "closed",
    ("declined", "close"): "closed",
}
ALL_PAIRS = [(s, e) for s in STATES for e in TRANSITION_EVENTS]
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in LEGAL]

T0 = "2026-11-23T10:45+00:00"
EMAIL = ("contacted", T0, {"via": "email"})
YES = ("reply-yes", "2026-11-24T09:00+00:00", {"slot": "2026-11-27 14:00"})
# A path from "planned" to every state, through the real store.
PATHS: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    "planned": [],
    "contacted": [("contacted", T0, {"via": "voicemail"})],
    "awaiting-reply": [EMAIL],
    "rescheduled": [EMAIL, YES],
    "declined": [EMAIL, ("reply-no", "2026-11-24T09:00+00:00", {})],
    "no-reply": [EMAIL, ("no-reply", "2026-11-27T09:00+00:00", {})],
    "followed-up": [
        EMAIL,
        ("no-reply", "2026-11-27T09:00+00:00", {}),
        ("followed-up", "2026-11-27T10:00+00:00", {}),
    ],
    "interviewed": [EMAIL, YES, ("interviewed", "2026-11-27T15:00+00:00", {})],
    "thanked": [
        EMAIL,
        YES,
        ("interviewed", "2026-11-27T15:00+00:00", {}),
        ("thanked", "2026-11-27T17:00+00:00", {}),
    ],
    "closed": [
        EMAIL,
        ("reply-no", "2026-11-24T09:00+00:00", {}),
        ("close", "2026-11-24T10:00+00:00", {}),
    ],
}
# Options each event needs to be well-formed, so only the state decides.
OPTIONS: dict[str, dict[str, Any]] = {
    "contacted": {"via": "call"},
    "reply-yes": {"slot": "2026-12-10 14:00"},
}
LATER = "2026-12-01T09:00+00:00"


def _in_state(store: Store, state: str) -> Case:
    case = apply(store, new_case(store), *PATHS[state])
    assert case.state == state
    return case


def test_every_state_is_reachable_and_only_closed_is_final() -> None:
    assert set(PATHS) == set(STATES)
    assert {s for s, _ in LEGAL} == set(STATES) - {"closed"}


@pytest.mark.parametrize(("state", "event"), sorted(LEGAL))
def test_legal_transition_moves_to_the_documented_state(
    store: Store, state: str, event: str
) -> None:
    case = _in_state(store, state)
    before = case.events
    via = OPTIONS.get(event, {}).get("via")
    updated, stored = record(store, case.id, EventInput(event, at(LATER), **OPTIONS.get(event, {})))
    assert next_state(state, event, via) == LEGAL[(state, event)]  # type: ignore[arg-type]
    assert updated.state == LEGAL[(state, event)]
    assert updated.events[: len(before)] == before  # appended, nothing rewritten
    assert updated.events[-1] == stored and stored.kind == event


@pytest.mark.parametrize(("state", "event"), ILLEGAL)
def test_illegal_transition_is_refused_naming_state_and_allowed_events(
    store: Store, state: str, event: str
) -> None:
    case = _in_state(store, state)
    with pytest.raises(StateError) as err:
        record(store, case.id, EventInput(event, at(LATER), **OPTIONS.get(event, {})))
    message = str(err.value)
    assert f"is {state}" in message and event.replace("reply-", "reply ") in message
    for legal_event in (e for (s, e) in LEGAL if s == state):
        assert legal_event.replace("reply-", "reply ") in message
    assert store.get_case(case.id).events == case.events  # nothing written


@pytest.mark.parametrize("via", ["email", "recruiter"])
def test_a_written_message_means_a_reply_is_awaited(store: Store, via: str) -> None:
    case = apply(store, new_case(store), ("contacted", T0, {"via": via}))
    assert case.state == "awaiting-reply"


def test_spoken_contact_alone_leaves_the_case_contacted(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        ("contacted", T0, {"via": "call"}),
        ("contacted", "2026-11-23T10:47+00:00", {"via": "voicemail"}),
    )
    assert case.state == "contacted" and case.channels == ["call", "voicemail"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("annotation", ["note", "lesson", "safeguard", "promised"])
def test_annotations_are_allowed_in_every_state_and_change_nothing(
    store: Store, state: str, annotation: str
) -> None:
    case = _in_state(store, state)
    updated, _ = record(store, case.id, EventInput(annotation, at(LATER), text="kept"))
    assert updated.state == state
    assert set(ANNOTATIONS) >= {"note", "lesson", "safeguard", "promised", "delivered", "done"}


def test_closed_case_refuses_every_transition_but_keeps_notes(store: Store) -> None:
    case = _in_state(store, "closed")
    with pytest.raises(StateError, match="none \\(the case is closed\\)"):
        record(store, case.id, EventInput("thanked", at(LATER)))
    updated, _ = record(store, case.id, EventInput("note", at(LATER), text="met them at a meetup"))
    assert updated.notes == ["met them at a meetup"]


def test_a_later_reply_yes_moves_the_interview_and_keeps_the_first_in_history(
    store: Store,
) -> None:
    case = _in_state(store, "rescheduled")
    updated, _ = record(store, case.id, EventInput("reply-yes", at(LATER), slot="2026-12-03 11:00"))
    assert updated.meeting is not None
    assert updated.meeting.slot.start == at("2026-12-03T11:00+00:00")
    assert len(updated.of_kind("reply-yes")) == 2
