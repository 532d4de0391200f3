"""The repository interface every case store implements.

The CLI, the web app and the case logic only talk to :class:`Store`, so the
SQLite file used on a personal machine and a server database used for hosted
use (a later issue) are interchangeable. A backend must make
:meth:`Store.append_event` atomic: the state check and the insert happen in one
write transaction, so two processes can never both move a case out of the
same state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from amends.store.records import CaseImport, CaseRecord, EventRecord, NewEvent

EventBuilder = Callable[[CaseRecord], NewEvent]


class Store(Protocol):
    """Cases and their append-only histories."""

    @property
    def location(self) -> str:
        """Where the data lives, for messages (a file path, ``:memory:``, a URL)."""
        ...

    @property
    def schema_version(self) -> int:
        """The schema version the data is at (after any upgrade on open)."""
        ...

    def create_case(
        self,
        created_at: datetime,
        situation: dict[str, Any],
        plan: dict[str, Any] | None,
        first: NewEvent,
    ) -> CaseRecord:
        """Insert a new case with a fresh id and its first event."""
        ...

    def get_case(self, case_id: str) -> CaseRecord:
        """The case with every event, or ``InputError('case', ...)`` when unknown."""
        ...

    def list_cases(self) -> list[CaseRecord]:
        """Every case with its events, oldest case first."""
        ...

    def append_event(self, case_id: str, build: EventBuilder) -> EventRecord:
        """Append the event ``build(current case)`` returns, atomically.

        ``build`` runs inside the write transaction and may raise (an illegal
        transition, a time before the last event); then nothing is written.
        """
        ...

    def import_cases(self, cases: Sequence[CaseImport]) -> tuple[int, int]:
        """Insert whole cases in one transaction: ``(added, already present)``.

        A case whose id exists with different content is refused with a
        ``StateError`` and nothing at all is imported.
        """
        ...

    def backup(self, destination: Path) -> None:
        """Write a consistent copy of all data to ``destination``."""
        ...

    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Store:
        """``with open_store() as store:`` closes the store however the block ends."""
        ...

    def __exit__(self, *exc: object) -> None: ...
