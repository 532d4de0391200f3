"""The SQLite store: one file per user, safe for the CLI and the web app at once.

Durability and concurrency choices (issue 6): WAL so readers never block the
writer; ``synchronous=FULL`` so a recorded reply survives a power cut; a busy
timeout so a second process waits instead of failing; and every write opened
with ``BEGIN IMMEDIATE``, because a deferred transaction that later upgrades to
a write fails at once under contention. Connections use ``isolation_level=None``
so the module, not the driver, decides where transactions begin and end.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from amends.errors import InputError, StateError, StoreError
from amends.store.base import EventBuilder
from amends.store.migrations import LATEST, current_version, migrate, newer_error
from amends.store.records import CaseImport, CaseRecord, EventRecord, NewEvent, damaged_record

BUSY_TIMEOUT_MS = 5000
ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read aloud and type
ID_LENGTH = 6
MAX_ID = 40


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _moment(value: Any) -> datetime:
    """A stored ISO time; anything else (``'yesterday'``, no offset) is damage."""
    if not isinstance(value, str):
        raise ValueError(f"time {value!r} is not text")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no UTC offset")
    return moment


def _object(value: Any) -> dict[str, Any]:
    """A stored JSON object; malformed JSON or another JSON type is damage."""
    try:
        decoded = json.loads(value)
    except (ValueError, TypeError, RecursionError):
        raise ValueError("stored data is not valid JSON") from None
    if not isinstance(decoded, dict):
        raise ValueError("stored data is not a JSON object")
    return decoded


def _describe(exc: sqlite3.Error) -> str:
    text = str(exc).replace("\n", " ")
    if "locked" in text or "busy" in text:
        return "is locked by another program; try again in a moment — nothing was changed"
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return (
            "is not a readable amends database (damaged, or another kind of file); "
            "nothing was changed — restore a backup or choose another file with --db"
        )
    if "unable to open" in text or "readonly" in text:
        return f"cannot be opened for writing ({text})"
    return f"could not be used: {text}"


def _make_private(path: Path) -> None:
    """Create missing folders (0700) and the file itself (0600) before SQLite opens it."""
    if path.is_dir():
        raise StoreError(f"database {path} is a folder, not a file")
    missing = [p for p in reversed(path.parents) if not p.exists()]
    try:
        for folder in missing:
            folder.mkdir(mode=0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"database {path} cannot be created: {exc.strerror}") from None


class SQLiteStore:
    """:class:`amends.store.base.Store` on an SQLite file (or ``:memory:`` for tests)."""

    def __init__(self, conn: sqlite3.Connection, location: str, version: int) -> None:
        self._conn = conn
        self._location = location
        self._version = version

    # -- opening ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SQLiteStore:
        """Open (creating if needed) and upgrade the database at ``path``.

        A file from a newer amends, a damaged file or a foreign SQLite file is
        refused with a :class:`StoreError` before anything is written to it.
        """
        _make_private(path)
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout_ms / 1000)
        except sqlite3.Error as exc:
            raise StoreError(f"database {path} {_describe(exc)}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            found = current_version(conn)
            if found > LATEST:
                raise newer_error(found)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn)
        except StoreError as exc:
            conn.close()
            raise StoreError(f"database {path} {exc}") from None
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"database {path} {_describe(exc)}") from None
        return cls(conn, str(path), LATEST)

    @classmethod
    def memory(cls) -> SQLiteStore:
        """A private in-memory store with the full schema (tests, previews)."""
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
        return cls(conn, ":memory:", LATEST)

    @property
    def location(self) -> str:
        return self._location

    @property
    def schema_version(self) -> int:
        return self._version

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction; any SQLite failure becomes a one-line :class:`StoreError`."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise StoreError(f"database {self._location} {_describe(exc)}") from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"database {self._location} {_describe(exc)}") from None
            raise

    # -- reading ---------------------------------------------------------------

    @staticmethod
    def _event(row: sqlite3.Row | tuple[Any, ...]) -> EventRecord:
        seq, case_id, kind, at, data = row
        return EventRecord(int(seq), case_id, kind, _moment(at), _object(data))

    def _cases(self, conn: sqlite3.Connection, case_id: str | None) -> list[CaseRecord]:
        where, args = (" WHERE id = ?", (case_id,)) if case_id is not None else ("", ())
        rows = conn.execute(
            "SELECT id, created_at, situation, plan FROM cases" + where + " ORDER BY rowid", args
        ).fetchall()
        ev_where = " WHERE case_id = ?" if case_id is not None else ""
        events: dict[str, list[EventRecord]] = {}
        broken: dict[str, str] = {}
        for row in conn.execute(
            "SELECT seq, case_id, kind, at, data FROM events" + ev_where + " ORDER BY seq", args
        ):
            try:
                event = self._event(row)
            except (ValueError, TypeError) as exc:
                broken.setdefault(str(row[1]), f"event {row[0]}: {exc}")
                continue
            events.setdefault(event.case_id, []).append(event)
        records = []
        for cid, created, situation, plan in rows:
            try:
                if cid in broken:
                    raise ValueError(broken[cid])
                records.append(
                    CaseRecord(
                        id=cid,
                        created_at=_moment(created),
                        situation=_object(situation),
                        plan=_object(plan) if plan is not None else None,
                        events=tuple(events.get(cid, ())),
                    )
                )
            except (ValueError, TypeError) as exc:
                records.append(damaged_record(str(cid), str(exc)))
        return records

    def _get(self, conn: sqlite3.Connection, case_id: str) -> CaseRecord:
        key = case_id.strip() if isinstance(case_id, str) else ""
        # Ids are short ASCII; anything else (even text that is not UTF-8) is simply unknown.
        found = self._cases(conn, key) if 0 < len(key) <= MAX_ID and key.isascii() else []
        if not found:
            shown = key[:MAX_ID] or "an empty id"
            raise InputError("case", f"there is no case {shown!r}; `amends cases` lists the ids")
        return found[0]

    def get_case(self, case_id: str) -> CaseRecord:
        with self._transaction(write=False) as conn:
            return self._get(conn, case_id)

    def list_cases(self) -> list[CaseRecord]:
        with self._transaction(write=False) as conn:
            return self._cases(conn, None)

    # -- writing ---------------------------------------------------------------

    @staticmethod
    def _insert_event(conn: sqlite3.Connection, case_id: str, event: NewEvent) -> EventRecord:
        cur = conn.execute(
            "INSERT INTO events (case_id, kind, at, data) VALUES (?, ?, ?, ?)",
            (case_id, event.kind, event.at.isoformat(), _dumps(event.data)),
        )
        assert cur.lastrowid is not None
        return EventRecord(
            cur.lastrowid, case_id, event.kind, event.at, json.loads(_dumps(event.data))
        )

    @staticmethod
    def _insert_case(
        conn: sqlite3.Connection,
        case_id: str,
        created_at: datetime,
        situation: dict[str, Any],
        plan: dict[str, Any] | None,
    ) -> None:
        conn.execute(
            "INSERT INTO cases (id, created_at, situation, plan) VALUES (?, ?, ?, ?)",
            (
                case_id,
                created_at.isoformat(),
                _dumps(situation),
                _dumps(plan) if plan is not None else None,
            ),
        )

    def create_case(
        self,
        created_at: datetime,
        situation: dict[str, Any],
        plan: dict[str, Any] | None,
        first: NewEvent,
    ) -> CaseRecord:
        with self._transaction(write=True) as conn:
            while True:
                case_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
                if not conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone():
                    break
            self._insert_case(conn, case_id, created_at, situation, plan)
            self._insert_event(conn, case_id, first)
            return self._get(conn, case_id)

    def append_event(self, case_id: str, build: EventBuilder) -> EventRecord:
        with self._transaction(write=True) as conn:
            case = self._get(conn, case_id)
            return self._insert_event(conn, case.id, build(case))

    def import_cases(self, cases: Sequence[CaseImport]) -> tuple[int, int]:
        added = present = 0
        with self._transaction(write=True) as conn:
            for case in cases:
                existing = self._cases(conn, case.id)
                if existing and case.same_as(existing[0]):
                    present += 1
                    continue
                if existing:
                    raise StateError(
                        f"case {case.id} already exists here with different content; "
                        "nothing was imported"
                    )
                self._insert_case(conn, case.id, case.created_at, case.situation, case.plan)
                for event in case.events:
                    self._insert_event(conn, case.id, event)
                added += 1
        return added, present

    def backup(self, destination: Path) -> None:
        """Copy with the SQLite backup API (consistent even while others write)."""
        if destination.exists():
            raise InputError("file", f"{destination} already exists; choose a new file name")
        _make_private(destination)
        try:
            target = sqlite3.connect(str(destination), isolation_level=None)
        except sqlite3.Error as exc:
            destination.unlink(missing_ok=True)
            raise StoreError(f"backup {destination} {_describe(exc)}") from None
        try:
            self._conn.backup(target)
        except sqlite3.Error as exc:
            raise StoreError(f"backup {destination} {_describe(exc)}") from None
        finally:
            target.close()
