"""The case lifecycle as an explicit state machine.

::

    planned ──contacted(call|voicemail)──▶ contacted ──waiting──▶ awaiting-reply
       └────contacted(email|recruiter)──────────┴──────────────────────▲
    contacted | awaiting-reply | no-reply | followed-up ──reply yes──▶ rescheduled
    contacted | awaiting-reply | no-reply | followed-up ──reply no───▶ declined
    awaiting-reply ──no-reply──▶ no-reply ──followed-up──▶ followed-up
    awaiting-reply ──followed-up──▶ followed-up
    rescheduled ──reply yes (moved again)──▶ rescheduled ──interviewed──▶ interviewed
    interviewed ──thanked──▶ thanked ──close──▶ closed
    declined | no-reply | followed-up ──close──▶ closed

``contacted`` means only spoken contact so far (a call or a voicemail); once a
written message is out (email, or the recruiter), the case is awaiting a reply.
Annotations (note, lesson, safeguard, promised, delivered, done) are allowed in
every state and never change it; so is ``correction``, which withdraws a mistaken
entry (:mod:`amends.cases.corrections`): the state is then replayed without it.
Every event is appended; nothing is rewritten.
"""

from __future__ import annotations

from typing import Literal, get_args

from amends.errors import StateError

State = Literal[
    "planned",
    "contacted",
    "awaiting-reply",
    "rescheduled",
    "declined",
    "no-reply",
    "followed-up",
    "interviewed",
    "thanked",
    "closed",
]
Via = Literal["call", "voicemail", "email", "recruiter"]

STATES: tuple[State, ...] = get_args(State)
VIAS: tuple[Via, ...] = get_args(Via)
WRITTEN: frozenset[str] = frozenset({"email", "recruiter"})

# Events that move a case (stored kinds; the CLI writes "reply yes" for reply-yes).
TRANSITIONS: dict[State, dict[str, State]] = {
    "planned": {"contacted": "contacted"},
    "contacted": {
        "contacted": "contacted",
        "waiting": "awaiting-reply",
        "reply-yes": "rescheduled",
        "reply-no": "declined",
    },
    "awaiting-reply": {
        "contacted": "awaiting-reply",
        "reply-yes": "rescheduled",
        "reply-no": "declined",
        "no-reply": "no-reply",
        "followed-up": "followed-up",
    },
    "no-reply": {
        "followed-up": "followed-up",
        "reply-yes": "rescheduled",
        "reply-no": "declined",
        "close": "closed",
    },
    "followed-up": {"reply-yes": "rescheduled", "reply-no": "declined", "close": "closed"},
    "rescheduled": {"reply-yes": "rescheduled", "interviewed": "interviewed"},
    "interviewed": {"thanked": "thanked"},
    "thanked": {"close": "closed"},
    "declined": {"close": "closed"},
    "closed": {},
}
# Events that only add to the history, in any state.
ANNOTATIONS: tuple[str, ...] = ("note", "lesson", "safeguard", "promised", "delivered", "done")
# Withdraws a mistaken entry (amends.cases.corrections); changes no state by itself.
CORRECTION = "correction"
# The event that opens every case; never recorded by hand.
OPENING = "planned"
TRANSITION_EVENTS: tuple[str, ...] = (
    "contacted",
    "waiting",
    "reply-yes",
    "reply-no",
    "no-reply",
    "followed-up",
    "interviewed",
    "thanked",
    "close",
)
OPEN_STATES: frozenset[State] = frozenset(s for s in STATES if s != "closed")


def spoken(kind: str) -> str:
    """How the CLI writes an event kind (``reply-yes`` is typed ``reply yes``)."""
    return kind.replace("reply-", "reply ") if kind.startswith("reply-") else kind


def allowed(state: State) -> list[str]:
    """The state-changing events legal in ``state``, in lifecycle order."""
    return [e for e in TRANSITION_EVENTS if e in TRANSITIONS[state]]


def next_state(state: State, kind: str, via: str | None = None, case_id: str = "") -> State:
    """The state after event ``kind``, or a :class:`StateError` naming what is allowed.

    ``via`` matters only for ``contacted``: a written channel means a reply is
    now awaited, a spoken one leaves the case ``contacted``.
    """
    if kind in ANNOTATIONS or kind == CORRECTION:
        return state
    target = TRANSITIONS[state].get(kind)
    if target is None:
        legal = ", ".join(spoken(e) for e in allowed(state)) or "none (the case is closed)"
        who = f"case {case_id} " if case_id else "the case "
        raise StateError(
            f"{who}is {state}, so '{spoken(kind)}' cannot be recorded now; "
            f"allowed: {legal} (and note, lesson, safeguard, promised, delivered, done at any time)"
        )
    if kind == "contacted" and via in WRITTEN:
        return "awaiting-reply"
    return target
