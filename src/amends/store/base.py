"""The repository interface every case store implements.

The CLI, the web app and the case logic only talk to :class:`Store`, so the
SQLite file used on a personal machine and the PostgreSQL database of a hosted
install are interchangeable. A backend must make :meth:`Store.append_event`
atomic and serialised per case: the state check and the insert happen in one
write transaction, so two processes can never both move a case out of the
same state, nor lose or reorder an event. Every store is a context manager:
``with open_store(...) as store:`` closes it however the block ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, Self

from amends.store.index import IndexedCase, IndexRow, StepRow
from amends.store.records import (
    CaseImport,
    CaseRecord,
    DraftRecord,
    EventRecord,
    NewEvent,
    UserRecord,
)

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

    def list_cases(self, brief: bool = False) -> list[CaseRecord]:
        """Every case with its events, oldest case first.

        ``brief=True`` is for listings: each plan snapshot then holds only its
        ``first_action`` (``None`` stays ``None``), the one part the case list and
        the next-step engine read, so thousands of full plans are never decoded.
        """
        ...

    def iter_cases(self) -> Iterator[CaseRecord]:
        """The same records as :meth:`list_cases` (full plans), read a batch at a time.

        For exports: memory stays bounded by one batch, and the whole stream is
        read from one consistent snapshot.
        """
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

    # -- the case index (listings; see amends.store.index) ---------------------

    def get_cases(self, case_ids: Sequence[str], brief: bool = True) -> list[CaseRecord]:
        """These cases (those in scope) with their events, oldest first (``brief``: as for
        :meth:`list_cases`)."""
        ...

    def stale_index(self, key: str, now: str) -> list[str]:
        """Ids of the cases whose index row is missing, outdated or past ``valid_until``."""
        ...

    def put_index(self, rows: Sequence[IndexRow]) -> None:
        """Replace the index rows and due steps of these cases."""
        ...

    def indexed_cases(
        self,
        include_closed: bool,
        limit: int | None = None,
        offset: int = 0,
        detail: bool = False,
        urgent_at: str | None = None,
    ) -> tuple[list[IndexedCase], int]:
        """One page of listed cases (oldest first, or the most urgent first at ``urgent_at``)
        and the number of them in all."""
        ...

    def indexed_steps(
        self, limit: int | None = None, offset: int = 0, detail: bool = False
    ) -> tuple[list[StepRow], int]:
        """One page of due steps in ``amends next`` order and the number of them in all."""
        ...

    def damaged_index(self) -> list[tuple[str, str]]:
        """``(id, problem)`` of every case the index marks damaged."""
        ...

    # -- unsaved plan drafts (the web app's /plan/<id> pages) ------------------

    def save_draft(self, created_at: datetime, request: dict[str, Any]) -> DraftRecord:
        """Keep a computed plan's request under a fresh, unguessable id."""
        ...

    def get_draft(self, draft_id: str) -> DraftRecord | None:
        """The draft, or ``None`` when unknown, discarded, expired or another user's."""
        ...

    def mark_draft_saved(self, draft_id: str, case_id: str) -> None:
        """Remember that the draft became case ``case_id`` (saving twice then asks first)."""
        ...

    def delete_draft(self, draft_id: str) -> None:
        """Discard a draft (unknown ids are ignored)."""
        ...

    def expire_drafts(self, before: datetime) -> int:
        """Delete drafts created before ``before``; returns how many went."""
        ...

    def backup(self, destination: Path) -> None:
        """Write a consistent copy of all data to ``destination``."""
        ...

    def close(self) -> None:
        """Release the connection; the store cannot be used afterwards."""
        ...

    def __enter__(self) -> Self:
        """The store itself, closed when the ``with`` block ends."""
        ...

    def __exit__(self, *exc: object) -> None:
        """Close the store (exceptions propagate)."""
        ...


class HostedStore(Store, Protocol):
    """A :class:`Store` that also keeps accounts, sessions and shares (hosted mode).

    Both backends implement it (:mod:`amends.store.accounts`); hosted mode runs
    it on PostgreSQL. :meth:`for_user` is the tenancy boundary: every case query
    of the returned store is limited to what that user owns or was shared.
    """

    def for_user(self, user: UserRecord) -> HostedStore:
        """This store as ``user`` sees it (same connection; closing it is a no-op)."""
        ...

    def ping(self) -> None:
        """Raise ``StoreError`` unless the database answers right now (``/healthz``)."""
        ...

    @property
    def viewer(self) -> UserRecord | None:
        """The user queries are scoped to, or ``None`` for an unscoped store."""
        ...

    def add_user(self, email: str, role: str, password_hash: str, now: datetime) -> UserRecord:
        """A new account (``InputError('email')`` when the address has one)."""
        ...

    def user_with_hash(self, email: str) -> tuple[UserRecord, str] | None:
        """The account with this email and its password hash."""
        ...

    def list_users(self) -> list[UserRecord]:
        """Every account, oldest first."""
        ...

    def set_disabled(self, user_id: int, disabled: bool, now: datetime) -> None:
        """Disable (ending its sessions) or re-enable an account."""
        ...

    def set_password_hash(self, user_id: int, password_hash: str, now: datetime) -> None:
        """Store a new password hash and end every session of the account."""
        ...

    def create_session(
        self, token_hash: str, user_id: int, now: datetime, expires_at: datetime
    ) -> None:
        """Keep a new session by the hash of its token."""
        ...

    def session_user(self, token_hash: str, now: datetime) -> UserRecord | None:
        """The enabled user of a live session."""
        ...

    def revoke_session(self, token_hash: str, now: datetime) -> None:
        """End one session."""
        ...

    def failures_since(self, keys: Sequence[str], since: datetime) -> int:
        """The most failed sign-ins any of ``keys`` had since ``since``."""
        ...

    def record_failure(self, keys: Sequence[str], now: datetime, forget_before: datetime) -> None:
        """Count a failed sign-in against each key."""
        ...

    def clear_failures(self, key: str) -> None:
        """Forget a key's failures."""
        ...

    def share_case(self, case_id: str, coach_email: str, now: datetime) -> None:
        """Share one of the viewer's cases with a coach."""
        ...

    def unshare_case(self, case_id: str, coach_email: str) -> bool:
        """Stop sharing; False when it was not shared with that coach."""
        ...

    def shared_with(self, case_id: str) -> list[str]:
        """The coaches a visible case is shared with."""
        ...

    def erase_user(self, user_id: int) -> int:
        """Delete an account and everything it owns; returns the cases erased."""
        ...
