"""Plain records the store reads and writes, independent of any backend.

The store deals only in these JSON-ready values (a case's situation and plan
snapshot are stored as the dictionaries their ``to_json``/``model_dump`` give),
so it never needs the core's models and a second backend (PostgreSQL, later)
only has to move the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class NewEvent:
    """An event about to be appended to a case's history."""

    kind: str
    at: datetime
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("event times must be timezone-aware")


@dataclass(frozen=True)
class EventRecord:
    """An event as stored: ``seq`` orders the whole history and is never reused."""

    seq: int
    case_id: str
    kind: str
    at: datetime
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The event as exported (``seq`` is store-local, so it is not part of it)."""
        return {"kind": self.kind, "at": self.at.isoformat(), "data": self.data}


@dataclass(frozen=True)
class CaseRecord:
    """One case: what was planned, and every event since, oldest first.

    ``owner`` is the owner's email in hosted mode (``None`` on a personal
    install); it is shown to a coach a case was shared with, never exported.
    """

    id: str
    created_at: datetime
    situation: dict[str, Any]
    plan: dict[str, Any] | None
    events: tuple[EventRecord, ...] = ()
    owner: str | None = None
    # Why the stored row could not be decoded ("" when it is sound); a damaged record
    # carries only its id, so one bad row never takes the whole listing down.
    damage: str = ""

    def to_json(self) -> dict[str, Any]:
        """The case as ``amends export`` writes it; :func:`case_from_json` reads it back."""
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "situation": self.situation,
            "plan": self.plan,
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True)
class CaseImport:
    """A whole case to insert as it is (``amends import``), events in order."""

    id: str
    created_at: datetime
    situation: dict[str, Any]
    plan: dict[str, Any] | None
    events: tuple[NewEvent, ...]

    def same_as(self, record: CaseRecord) -> bool:
        """True when ``record`` already holds exactly this case (re-import is a no-op)."""
        mine = [(e.kind, e.at, e.data) for e in self.events]
        theirs = [(e.kind, e.at, e.data) for e in record.events]
        return (
            self.created_at == record.created_at
            and self.situation == record.situation
            and self.plan == record.plan
            and mine == theirs
        )


ROLES: tuple[str, ...] = ("candidate", "coach", "admin")


@dataclass(frozen=True)
class UserRecord:
    """An account of a hosted install (the password hash never leaves the store)."""

    id: int
    email: str
    role: str
    disabled: bool
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The account as ``amends users list --format json`` and the export show it."""
        return {
            "email": self.email,
            "role": self.role,
            "disabled": self.disabled,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class DraftRecord:
    """A computed but unsaved plan: the request it came from, kept so its page survives reloads.

    ``request`` is the plan request as JSON (with ``now`` frozen), so the same
    plan can be recomputed; ``case_id`` is set once the user saved it as a case.
    """

    id: str
    created_at: datetime
    request: dict[str, Any]
    case_id: str | None = None


def damaged_record(case_id: str, problem: str) -> CaseRecord:
    """A stand-in for a stored case whose content cannot be decoded."""
    return CaseRecord(
        id=case_id,
        created_at=datetime.fromtimestamp(0, UTC),
        situation={},
        plan=None,
        damage=problem,
    )
