"""A case as the rest of amends sees it: the stored record plus what follows from it.

Nothing here is stored twice: the state, the current reschedule slot, open
promises and the career-log entries are all derived by replaying the
append-only history, so they can never disagree with it. An entry withdrawn by
a later ``correction`` (:mod:`amends.cases.corrections`) stays in the history
but takes no part in any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from amends.cases.corrections import withdrawn
from amends.cases.machine import OPEN_STATES, WRITTEN, State, next_state
from amends.dates.slot import Slot
from amends.plan.situation import Situation
from amends.plan.stored import situation_from_json
from amends.store.records import CaseRecord, EventRecord


@dataclass(frozen=True)
class Meeting:
    """The accepted new interview time and where it happens."""

    slot: Slot
    mode: str
    link: str | None
    address: str | None
    agreed_at: datetime


@dataclass(frozen=True)
class Case:
    """One missed interview and everything recorded since."""

    record: CaseRecord

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def events(self) -> tuple[EventRecord, ...]:
        return self.record.events

    @cached_property
    def situation(self) -> Situation:
        return situation_from_json(self.record.situation)

    @cached_property
    def corrected(self) -> dict[int, int]:
        """``{entry withdrawn: entry of its correction}`` (1-based history numbers)."""
        return withdrawn(self.events)

    @cached_property
    def standing(self) -> tuple[EventRecord, ...]:
        """The history without the entries a correction withdrew: what everything follows."""
        gone = self.corrected
        return tuple(e for n, e in enumerate(self.events, start=1) if n not in gone)

    @cached_property
    def state(self) -> State:
        """Replay every standing state-changing event from ``planned`` (refuses a broken one)."""
        state: State = "planned"
        for event in self.standing[1:]:
            state = next_state(state, event.kind, event.data.get("via"), self.id)
        return state

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def last_at(self) -> datetime:
        """When the latest standing event happened (new events may not be earlier)."""
        return max((e.at for e in self.standing), default=self.record.created_at)

    def of_kind(self, *kinds: str) -> list[EventRecord]:
        """The standing events of ``kinds``, oldest first (withdrawn ones never count)."""
        return [e for e in self.standing if e.kind in kinds]

    def last(self, *kinds: str) -> EventRecord | None:
        found = self.of_kind(*kinds)
        return found[-1] if found else None

    @property
    def channels(self) -> list[str]:
        """Every channel used so far, in order (``voicemail``, ``email``, ...)."""
        return [str(e.data["via"]) for e in self.of_kind("contacted")]

    @property
    def written_sent(self) -> bool:
        return any(v in WRITTEN for v in self.channels)

    @cached_property
    def meeting(self) -> Meeting | None:
        """The latest accepted time (a later ``reply yes`` moves it)."""
        event = self.last("reply-yes")
        if event is None:
            return None
        s = self.situation
        d: dict[str, Any] = event.data
        slot = Slot(
            start=datetime.fromisoformat(d["start"]),
            end=datetime.fromisoformat(d["end"]),
            interviewer_tz=s.interview.tz,
            candidate_tz=s.candidate.tz,
        )
        return Meeting(
            slot=slot,
            mode=str(d.get("mode") or s.interview.mode),
            link=d.get("link"),
            address=d.get("address") or s.interview.address,
            agreed_at=event.at,
        )

    @property
    def open_promises(self) -> list[EventRecord]:
        """Promised materials not yet delivered (matched by their text)."""
        delivered = [str(e.data["text"]).casefold() for e in self.of_kind("delivered")]
        pending: list[EventRecord] = []
        for promise in self.of_kind("promised"):
            key = str(promise.data["text"]).casefold()
            if key in delivered:
                delivered.remove(key)
            else:
                pending.append(promise)
        return pending

    @property
    def done_steps(self) -> set[str]:
        return {str(e.data["step"]) for e in self.of_kind("done")}

    @property
    def lessons(self) -> list[str]:
        return [str(e.data["text"]) for e in self.of_kind("lesson")]

    @property
    def safeguards(self) -> list[str]:
        return [str(e.data["text"]) for e in self.of_kind("safeguard")]

    @property
    def notes(self) -> list[str]:
        return [str(e.data["text"]) for e in self.of_kind("note")]

    @property
    def title(self) -> str:
        """``Data Analyst at Acme``."""
        return f"{self.situation.interview.role} at {self.situation.interview.company}"

    def plan_message(self, *kinds: str) -> dict[str, Any] | None:
        """A first-hour message from the saved plan snapshot, if the case has one."""
        for message in (self.record.plan or {}).get("messages", []):
            if message.get("kind") in kinds:
                return dict(message)
        return None
