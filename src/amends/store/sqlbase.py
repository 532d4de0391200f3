"""The case queries both backends share, written once over a tiny cursor interface.

:class:`SQLStore` holds everything the :class:`~amends.store.base.Store`
contract needs except opening, transactions and backups, which differ between
SQLite and PostgreSQL. Statements use ``?`` placeholders; the PostgreSQL
transaction turns them into psycopg's ``%s``. JSON columns go through
:meth:`SQLStore._json_in` / :meth:`SQLStore._json_out` (text on SQLite,
``jsonb`` on PostgreSQL).
"""

from __future__ import annotations

import copy
import json
import secrets
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Self

from amends.errors import AccessError, InputError, StateError
from amends.store.accounts import AccountQueries
from amends.store.base import EventBuilder
from amends.store.drafts import DraftQueries
from amends.store.records import CaseImport, CaseRecord, EventRecord, NewEvent, UserRecord
from amends.store.tx import Tx

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read aloud and type
ID_LENGTH = 6
MAX_ID = 40
#: what a coach may add to a case shared with them (everything else is the owner's)
SHARED: frozenset[str] = frozenset({"note"})


def dumps(value: Any) -> str:
    """Canonical JSON text: the same bytes for the same value on every backend."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SQLStore(AccountQueries, DraftQueries):
    """Shared implementation of the case queries; subclasses supply the rest.

    Tenancy lives here, in the queries themselves: a store seen through
    :meth:`for_user` only ever reads the cases its user owns or that were
    shared with them, and only writes notes on shared ones. An unscoped store
    (a personal install, or an administrator's command line) sees every case.
    """

    #: how "oldest case first" is spelled (SQLite's rowid, PostgreSQL's identity column)
    case_order = "rowid"
    #: the row lock that serialises appends to one case (SQLite locks the whole file)
    lock_suffix = ""
    _viewer: UserRecord | None = None
    _is_view = False

    def _transaction(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _release(self) -> None:
        raise NotImplementedError

    # -- lifetime and scope ----------------------------------------------------

    def close(self) -> None:
        """Release the connection (a per-user view leaves its parent's connection open)."""
        if not self._is_view:
            self._release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def for_user(self, user: UserRecord) -> Self:
        """This store as ``user`` sees it: the same connection, every query scoped."""
        view = copy.copy(self)
        view._viewer = user
        view._is_view = True
        return view

    @property
    def viewer(self) -> UserRecord | None:
        """The user every query is scoped to (``None``: unscoped)."""
        return self._viewer

    def _scope(self) -> tuple[str, tuple[Any, ...]]:
        """The condition on ``cases c`` that limits rows to what the viewer may see."""
        if self._viewer is None:
            return "1 = 1", ()
        uid = self._viewer.id
        return (
            "(c.owner_id = ? OR EXISTS "
            "(SELECT 1 FROM shares s WHERE s.case_id = c.id AND s.coach_id = ?))",
            (uid, uid),
        )

    def _owner_id(self) -> int | None:
        return self._viewer.id if self._viewer is not None else None

    def _json_in(self, value: Any) -> Any:
        return dumps(value)

    def _json_out(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str | bytes) else value

    def ping(self) -> None:
        """Raise :class:`StoreError` unless the database answers a trivial query now."""
        with self._transaction(write=False) as tx:
            tx.rows("SELECT 1")

    # -- reading ---------------------------------------------------------------

    def _event(self, row: tuple[Any, ...]) -> EventRecord:
        seq, case_id, kind, at, data = row
        return EventRecord(
            int(seq), case_id, kind, datetime.fromisoformat(at), self._json_out(data)
        )

    def _events(self, tx: Tx, case_id: str | None) -> Iterator[EventRecord]:
        where: str
        args: tuple[Any, ...]
        if case_id is not None:
            where, args = " WHERE case_id = ?", (case_id,)
        elif self._viewer is not None:
            scope, args = self._scope()
            where = f" WHERE case_id IN (SELECT c.id FROM cases c WHERE {scope})"
        else:
            where, args = "", ()
        for row in tx.rows(
            "SELECT seq, case_id, kind, at, data FROM events" + where + " ORDER BY seq", args
        ):
            yield self._event(row)

    def _cases(self, tx: Tx, case_id: str | None) -> list[CaseRecord]:
        scope, args = self._scope()
        if case_id is not None:
            scope, args = f"{scope} AND c.id = ?", (*args, case_id)
        rows = tx.rows(
            "SELECT c.id, c.created_at, c.situation, c.plan, u.email FROM cases c "
            f"LEFT JOIN users u ON u.id = c.owner_id WHERE {scope} ORDER BY c.{self.case_order}",
            args,
        )
        if not rows:
            return []
        events: dict[str, list[EventRecord]] = {}
        for event in self._events(tx, case_id):
            events.setdefault(event.case_id, []).append(event)
        return [
            CaseRecord(
                id=cid,
                created_at=datetime.fromisoformat(created),
                situation=self._json_out(situation),
                plan=self._json_out(plan) if plan is not None else None,
                events=tuple(events.get(cid, ())),
                owner=owner,
            )
            for cid, created, situation, plan, owner in rows
        ]

    def _get(self, tx: Tx, case_id: str, lock: bool = False) -> CaseRecord:
        key = case_id.strip() if isinstance(case_id, str) else ""
        if lock and self.lock_suffix and 0 < len(key) <= MAX_ID:
            # Taken before the history is read: a second writer waits here, then
            # sees the first writer's event and builds on it.
            tx.rows("SELECT id FROM cases WHERE id = ?" + self.lock_suffix, (key,))
        found = self._cases(tx, key) if 0 < len(key) <= MAX_ID else []
        if not found:
            shown = key[:MAX_ID] or "an empty id"
            raise InputError("case", f"there is no case {shown!r}")
        return found[0]

    def get_case(self, case_id: str) -> CaseRecord:
        with self._transaction(write=False) as tx:
            return self._get(tx, case_id)

    def list_cases(self) -> list[CaseRecord]:
        with self._transaction(write=False) as tx:
            return self._cases(tx, None)

    # -- writing ---------------------------------------------------------------

    def _insert_event(self, tx: Tx, case_id: str, event: NewEvent) -> EventRecord:
        rows = tx.rows(
            "INSERT INTO events (case_id, kind, at, data) VALUES (?, ?, ?, ?) RETURNING seq",
            (case_id, event.kind, event.at.isoformat(), self._json_in(event.data)),
        )
        return EventRecord(
            int(rows[0][0]), case_id, event.kind, event.at, json.loads(dumps(event.data))
        )

    def _insert_case(
        self,
        tx: Tx,
        case_id: str,
        created_at: datetime,
        situation: dict[str, Any],
        plan: dict[str, Any] | None,
    ) -> None:
        tx.run(
            "INSERT INTO cases (id, created_at, situation, plan, owner_id) VALUES (?, ?, ?, ?, ?)",
            (
                case_id,
                created_at.isoformat(),
                self._json_in(situation),
                self._json_in(plan) if plan is not None else None,
                self._owner_id(),
            ),
        )

    def create_case(
        self,
        created_at: datetime,
        situation: dict[str, Any],
        plan: dict[str, Any] | None,
        first: NewEvent,
    ) -> CaseRecord:
        with self._transaction(write=True) as tx:
            while True:
                case_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
                if not tx.rows("SELECT 1 FROM cases WHERE id = ?", (case_id,)):
                    break
            self._insert_case(tx, case_id, created_at, situation, plan)
            self._insert_event(tx, case_id, first)
            return self._get(tx, case_id)

    def append_event(self, case_id: str, build: EventBuilder) -> EventRecord:
        with self._transaction(write=True) as tx:
            case = self._get(tx, case_id, lock=True)
            event = build(case)
            viewer = self._viewer
            if viewer is not None and case.owner != viewer.email and event.kind not in SHARED:
                raise AccessError(
                    f"case {case.id} was shared with you to read; you can add notes to it, "
                    f"not record {event.kind!r}"
                )
            return self._insert_event(tx, case.id, event)

    def import_cases(self, cases: Sequence[CaseImport]) -> tuple[int, int]:
        added = present = 0
        with self._transaction(write=True) as tx:
            for case in cases:
                existing = self._cases(tx, case.id)
                if not existing and tx.rows("SELECT 1 FROM cases WHERE id = ?", (case.id,)):
                    raise StateError(f"case id {case.id} is already taken; nothing was imported")
                if existing and case.same_as(existing[0]):
                    present += 1
                    continue
                if existing:
                    raise StateError(
                        f"case {case.id} already exists here with different content; "
                        "nothing was imported"
                    )
                self._insert_case(tx, case.id, case.created_at, case.situation, case.plan)
                for event in case.events:
                    self._insert_event(tx, case.id, event)
                added += 1
        return added, present
