"""The SQLite store: one file per user, safe for the CLI and the web app at once.

Durability and concurrency choices (issue 6): WAL so readers never block the
writer; ``synchronous=FULL`` so a recorded reply survives a power cut; a busy
timeout so a second process waits instead of failing; and every write opened
with ``BEGIN IMMEDIATE``, because a deferred transaction that later upgrades to
a write fails at once under contention. Connections use ``isolation_level=None``
so the module, not the driver, decides where transactions begin and end.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from amends.errors import InputError, StoreError
from amends.store.migrations import LATEST, current_version, migrate, newer_error
from amends.store.sqlbase import SQLStore
from amends.store.tx import Tx

BUSY_TIMEOUT_MS = 5000


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


class _SQLiteTx:
    """:class:`~amends.store.sqlbase.Tx` over an sqlite3 connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, tuple(args)).fetchall()

    def run(self, sql: str, args: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, tuple(args))


class SQLiteStore(SQLStore):
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

    def _release(self) -> None:
        self._conn.close()

    # -- transactions ----------------------------------------------------------

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Tx]:
        """One transaction; any SQLite failure becomes a one-line :class:`StoreError`."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise StoreError(f"database {self._location} {_describe(exc)}") from None
        try:
            yield _SQLiteTx(conn)
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"database {self._location} {_describe(exc)}") from None
            raise

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
