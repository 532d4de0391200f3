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
from amends.store.index import IndexQueries
from amends.store.records import (
    CaseImport,
    CaseRecord,
    EventRecord,
    NewEvent,
    UserRecord,
    damaged_record,
)
from amends.store.tx import Tx

ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read aloud and type
ID_LENGTH = 6
MAX_ID = 40
EXPORT_BATCH = 200  # cases read at a time by iter_cases (bounded memory for exports)
#: what a coach may add to a case shared with them (everything else is the owner's)
SHARED: frozenset[str] = frozenset({"note"})


def _moment(value: Any) -> datetime:
    """A stored time; anything else (``'yesterday'``, no UTC offset) is damage (``ValueError``)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no UTC offset")
    return moment


def dumps(value: Any) -> str:
    """Canonical JSON text: the same bytes for the same value on every backend."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class SQLStore(AccountQueries, DraftQueries, IndexQueries):
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
    _location: str
    _version: int

    @property
    def location(self) -> str:
        """Where the data lives, for messages (a file path, ``:memory:``, a redacted URL)."""
        return self._location

    @property
    def schema_version(self) -> int:
        """The schema version the data is at (after the upgrade on open)."""
        return self._version

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

    def _scope(self, of: str = "c", case_id: str = "id") -> tuple[str, tuple[Any, ...]]:
        """The condition on ``cases c`` (or another table ``of`` with ``owner_id`` and the
        case's id in column ``case_id``) that limits rows to what the viewer may see."""
        if self._viewer is None:
            return "1 = 1", ()
        uid = self._viewer.id
        return (
            f"({of}.owner_id = ? OR EXISTS "
            f"(SELECT 1 FROM shares s WHERE s.case_id = {of}.{case_id} AND s.coach_id = ?))",
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
        return EventRecord(int(seq), case_id, kind, _moment(at), self._object(data))

    def _object(self, value: Any) -> dict[str, Any]:
        """A stored JSON object; malformed JSON or another JSON type is damage (``ValueError``)."""
        try:
            decoded = self._json_out(value)
        except (ValueError, TypeError, RecursionError):
            raise ValueError("stored data is not valid JSON") from None
        if not isinstance(decoded, dict):
            raise ValueError("stored data is not a JSON object")
        return decoded

    def _record(
        self,
        row: tuple[Any, ...],
        events: dict[str, list[EventRecord]],
        broken: dict[str, str],
        brief: bool,
    ) -> CaseRecord:
        """One case row, or a damaged stand-in: one bad row never takes the listing down."""
        cid, created, situation, owner = row[0], row[1], row[2], row[-1]
        try:
            if cid in broken:
                raise ValueError(broken[cid])
            return CaseRecord(
                id=cid,
                created_at=_moment(created),
                situation=self._object(situation),
                plan=self._plan_out(row[3:-1], brief),
                events=tuple(events.get(cid, ())),
                owner=owner,
            )
        except (ValueError, TypeError) as exc:
            return damaged_record(str(cid), str(exc))

    def _events(
        self,
        tx: Tx,
        case_id: str | None,
        ids: Sequence[str] | None = None,
        broken: dict[str, str] | None = None,
    ) -> Iterator[EventRecord]:
        where: str
        args: tuple[Any, ...]
        if case_id is not None:
            where, args = " WHERE case_id = ?", (case_id,)
        elif ids is not None:
            where, args = f" WHERE case_id IN ({', '.join('?' * len(ids))})", tuple(ids)
        elif self._viewer is not None:
            scope, args = self._scope()
            where = f" WHERE case_id IN (SELECT c.id FROM cases c WHERE {scope})"
        else:
            where, args = "", ()
        for row in tx.rows(
            "SELECT seq, case_id, kind, at, data FROM events" + where + " ORDER BY seq", args
        ):
            try:
                yield self._event(row)
            except (ValueError, TypeError) as exc:
                if broken is None:
                    raise
                broken.setdefault(str(row[1]), f"event {row[0]}: {exc}")

    def _cases(
        self,
        tx: Tx,
        case_id: str | None,
        brief: bool = False,
        page: tuple[int, int] | None = None,
        only: Sequence[str] | None = None,
    ) -> list[CaseRecord]:
        """Cases in order; ``brief`` reads the first-action column instead of the plan;
        ``page`` is ``(limit, offset)`` and ``only`` a list of ids (then only those
        cases' events are read)."""
        scope, args = self._scope()
        if case_id is not None:
            scope, args = f"{scope} AND c.id = ?", (*args, case_id)
        if only is not None:
            scope, args = f"{scope} AND c.id IN ({', '.join('?' * len(only))})", (*args, *only)
        plan = "c.plan IS NOT NULL, c.first_action" if brief else "c.plan"
        sql = (
            f"SELECT c.id, c.created_at, c.situation, {plan}, u.email FROM cases c "
            f"LEFT JOIN users u ON u.id = c.owner_id WHERE {scope} ORDER BY c.{self.case_order}"
        )
        if page is not None:
            sql, args = sql + " LIMIT ? OFFSET ?", (*args, *page)
        rows = tx.rows(sql, args)
        if not rows:
            return []
        events: dict[str, list[EventRecord]] = {}
        ids = [row[0] for row in rows] if page is not None or only is not None else None
        broken: dict[str, str] = {}
        for event in self._events(tx, case_id, ids, broken):
            events.setdefault(event.case_id, []).append(event)
        return [self._record(row, events, broken, brief) for row in rows]

    def _plan_out(self, values: tuple[Any, ...], brief: bool) -> dict[str, Any] | None:
        if not brief:
            return self._object(values[0]) if values[0] is not None else None
        has_plan, first_action = values
        if not has_plan:
            return None
        return {"first_action": self._object(first_action) if first_action else {}}

    def _get(self, tx: Tx, case_id: str, lock: bool = False) -> CaseRecord:
        key = case_id.strip() if isinstance(case_id, str) else ""
        if lock and self.lock_suffix and 0 < len(key) <= MAX_ID:
            # Taken before the history is read: a second writer waits here, then
            # sees the first writer's event and builds on it.
            tx.rows("SELECT id FROM cases WHERE id = ?" + self.lock_suffix, (key,))
        # Ids are short ASCII; anything else (even text that is not UTF-8) is simply unknown.
        found = self._cases(tx, key) if 0 < len(key) <= MAX_ID and key.isascii() else []
        if not found:
            shown = key[:MAX_ID] or "an empty id"
            raise InputError("case", f"there is no case {shown!r}")
        return found[0]

    def get_case(self, case_id: str) -> CaseRecord:
        with self._transaction(write=False) as tx:
            return self._get(tx, case_id)

    def list_cases(self, brief: bool = False) -> list[CaseRecord]:
        with self._transaction(write=False) as tx:
            return self._cases(tx, None, brief)

    def get_cases(self, case_ids: Sequence[str], brief: bool = True) -> list[CaseRecord]:
        if not case_ids:
            return []
        with self._transaction(write=False) as tx:
            return self._cases(tx, None, brief=brief, only=case_ids)

    def iter_cases(self, batch: int = EXPORT_BATCH) -> Iterator[CaseRecord]:
        with self._transaction(write=False) as tx:  # one snapshot for the whole stream
            # The ids first (small), then each batch by id: an OFFSET would step over
            # every earlier case's wide row again for each batch.
            scope, args = self._scope()
            ids = [
                str(row[0])
                for row in tx.rows(
                    f"SELECT c.id FROM cases c WHERE {scope} ORDER BY c.{self.case_order}", args
                )
            ]
            for start in range(0, len(ids), batch):
                yield from self._cases(tx, None, only=ids[start : start + batch])

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
            "INSERT INTO cases (id, created_at, situation, plan, owner_id, first_action)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                case_id,
                created_at.isoformat(),
                self._json_in(situation),
                self._json_in(plan) if plan is not None else None,
                self._owner_id(),
                self._json_in(first) if (first := (plan or {}).get("first_action")) else None,
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
