"""Corrections: withdrawing a mistaken event by appending one that says so.

A case's history is append-only (the store's triggers refuse any UPDATE or
DELETE of an event), so a wrong entry — "reply no" recorded instead of "reply
yes", an event typed with the wrong ``--now`` — is never edited away. The user
appends a ``correction`` event naming the entry it withdraws (its 1-based
number in the history, the number ``case show`` prints, which is the same in
every backend and in an export). Everything derived from the history (state,
the new interview time, open promises, what is due) is then computed from the
entries still standing; the withdrawn entry stays visible, marked as corrected.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from amends.cases.machine import CORRECTION, State, next_state
from amends.errors import InputError, StateError
from amends.store.records import EventRecord


def withdrawn(events: Sequence[EventRecord]) -> dict[int, int]:
    """``{entry withdrawn: entry of its correction}``, 1-based, for a whole history.

    Raises ``ValueError`` when a stored correction is impossible (it names the
    opening, itself, a later entry, another correction or an entry already
    withdrawn): such a history is damaged, it was never written by amends.
    """
    out: dict[int, int] = {}
    for number, event in enumerate(events, start=1):
        if event.kind != CORRECTION:
            continue
        entry = event.data.get("entry")
        if not isinstance(entry, int) or isinstance(entry, bool) or not 2 <= entry < number:
            raise ValueError(f"entry {number} corrects an entry that cannot be corrected")
        if events[entry - 1].kind == CORRECTION or entry in out:
            raise ValueError(f"entry {number} corrects entry {entry} a second time")
        out[entry] = number
    return out


def first_broken(events: Sequence[EventRecord], case_id: str = "") -> EventRecord | None:
    """The first event ``next_state`` refuses when ``events`` (the opening first) are replayed."""
    state: State = "planned"
    for event in events[1:]:
        try:
            state = next_state(state, event.kind, event.data.get("via"), case_id)
        except StateError:
            return event
    return None


def correction_data(
    events: Sequence[EventRecord], entry: int | None, text: str | None
) -> dict[str, Any]:
    """The data of a correction of ``entry``, checked against the history ``events``.

    The entry must exist, come after the opening, still stand, not be a
    correction itself, and withdrawing it must leave a history the lifecycle
    accepts (a "waiting" after the "contacted" being withdrawn would not).
    """
    last = len(events)
    span = f"choose one from 2 to {last}" if last >= 2 else "this case has only its opening entry"
    if entry is None:
        raise InputError(
            "entry", f"a correction needs the number of the history entry it withdraws; {span}"
        )
    if not 1 <= entry <= last:
        raise InputError("entry", f"entry {entry} is not in this case's history; {span}")
    if entry == 1:
        raise InputError(
            "entry",
            "entry 1 is the saved plan that opened the case and cannot be withdrawn; "
            f"{span}, or close the case and save a new plan",
        )
    target = events[entry - 1]
    if target.kind == CORRECTION:
        raise InputError(
            "entry", f"entry {entry} is itself a correction; record the withdrawn event again"
        )
    done = withdrawn(events)
    if entry in done:
        raise InputError("entry", f"entry {entry} was already corrected by entry {done[entry]}")
    rest = [e for n, e in enumerate(events, start=1) if n not in done and n != entry]
    broken = first_broken(rest)
    if broken is not None:
        number = events.index(broken) + 1
        raise InputError(
            "entry",
            f"entry {entry} ({target.kind}) cannot be withdrawn while entry {number} "
            f"({broken.kind}) depends on it; correct entry {number} first",
        )
    data: dict[str, Any] = {"entry": entry, "kind": target.kind}
    if text:
        data["text"] = text
    return data
