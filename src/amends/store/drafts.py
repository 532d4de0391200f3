"""Unsaved plan drafts: what the web app's ``/plan/<id>`` pages read back.

Written once for both backends (mixed into :class:`~amends.store.sqlbase.SQLStore`).
A draft is the plan request (with "now" frozen), kept so the plan page
survives a reload until the user saves it as a case or discards it; unlike a
case's history it may be deleted, and old drafts are expired. In hosted mode a
draft belongs to the user who made it and no one else can read it.
"""

from __future__ import annotations

import secrets
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from amends.store.accounts import utc_text
from amends.store.records import DraftRecord, UserRecord
from amends.store.tx import Tx

DRAFT_ID_BYTES = 12  # a draft's id is its only key: long enough that nobody guesses one
MAX_DRAFT_ID = 40


class DraftQueries:
    """Mixin: save, read, mark, discard and expire plan drafts (scoped to the viewer)."""

    _viewer: UserRecord | None

    def _transaction(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _json_in(self, value: Any) -> Any:
        raise NotImplementedError

    def _json_out(self, value: Any) -> Any:
        raise NotImplementedError

    def _draft_scope(self) -> tuple[str, tuple[Any, ...]]:
        if self._viewer is None:
            return "1 = 1", ()
        return "owner_id = ?", (self._viewer.id,)

    def save_draft(self, created_at: datetime, request: dict[str, Any]) -> DraftRecord:
        """Keep a computed plan's request under a fresh, unguessable id."""
        draft_id = secrets.token_urlsafe(DRAFT_ID_BYTES)
        owner = self._viewer.id if self._viewer is not None else None
        with self._transaction(write=True) as tx:
            tx.run(
                "INSERT INTO plan_drafts (id, created_at, request, owner_id) VALUES (?, ?, ?, ?)",
                (draft_id, utc_text(created_at), self._json_in(request), owner),
            )
        return DraftRecord(draft_id, created_at, dict(request))

    def get_draft(self, draft_id: str) -> DraftRecord | None:
        """The draft, or ``None`` when unknown, discarded, expired or someone else's."""
        if not isinstance(draft_id, str) or not 0 < len(draft_id) <= MAX_DRAFT_ID:
            return None
        scope, args = self._draft_scope()
        with self._transaction(write=False) as tx:
            rows = tx.rows(
                "SELECT id, created_at, request, case_id FROM plan_drafts "
                f"WHERE id = ? AND {scope}",
                (draft_id, *args),
            )
        if not rows:
            return None
        found, created, request, case_id = rows[0]
        return DraftRecord(found, datetime.fromisoformat(created), self._json_out(request), case_id)

    def mark_draft_saved(self, draft_id: str, case_id: str) -> None:
        """Remember that the draft became case ``case_id`` (saving twice then asks first)."""
        scope, args = self._draft_scope()
        with self._transaction(write=True) as tx:
            tx.run(
                f"UPDATE plan_drafts SET case_id = ? WHERE id = ? AND {scope}",
                (case_id, draft_id, *args),
            )

    def delete_draft(self, draft_id: str) -> None:
        """Discard a draft (unknown ids are ignored)."""
        scope, args = self._draft_scope()
        with self._transaction(write=True) as tx:
            tx.run(f"DELETE FROM plan_drafts WHERE id = ? AND {scope}", (draft_id, *args))

    def expire_drafts(self, before: datetime) -> int:
        """Delete every user's drafts made before ``before``; returns how many went."""
        with self._transaction(write=True) as tx:
            gone = tx.rows(
                "DELETE FROM plan_drafts WHERE created_at < ? RETURNING id", (utc_text(before),)
            )
        return len(gone)
