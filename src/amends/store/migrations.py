"""Schema migrations: ordered, named functions recorded in ``schema_migrations``.

A database file says which migrations it has had; opening it runs the missing
ones, in order, inside one ``BEGIN IMMEDIATE`` transaction, so an older file is
upgraded in place and either fully or not at all. Never edit a released
migration: add a new one at the end. ``tests/fixtures/store_v1.sql`` is a file
at version 1 that the tests upgrade.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from amends.errors import StoreError


@dataclass(frozen=True)
class Migration:
    """One schema step: its version (1, 2, ...), a stable name and the change."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE cases ("
        " id TEXT PRIMARY KEY,"
        " created_at TEXT NOT NULL,"
        " situation TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE events ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " case_id TEXT NOT NULL REFERENCES cases(id),"
        " kind TEXT NOT NULL,"
        " at TEXT NOT NULL,"
        " data TEXT NOT NULL)"
    )


def _plan_snapshot_and_append_only(conn: sqlite3.Connection) -> None:
    # The plan as first computed, so `case show` and `write apology-email` can
    # quote the exact messages; older cases simply have none.
    conn.execute("ALTER TABLE cases ADD COLUMN plan TEXT")
    conn.execute("CREATE INDEX events_by_case ON events(case_id, seq)")
    # History is append-only: refuse edits even from other tools using the file.
    conn.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END"
    )
    conn.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'case history is append-only'); END"
    )


def _plan_drafts(conn: sqlite3.Connection) -> None:
    # Plans the web app computed but the user has not saved yet (post/redirect/get):
    # the page /plan/<id> reads them back; old ones are expired, unlike case history.
    conn.execute(
        "CREATE TABLE plan_drafts ("
        " id TEXT PRIMARY KEY,"
        " created_at TEXT NOT NULL,"
        " request TEXT NOT NULL,"
        " case_id TEXT REFERENCES cases(id))"
    )
    conn.execute("CREATE INDEX plan_drafts_by_age ON plan_drafts(created_at)")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _initial),
    Migration(2, "plan_snapshot_and_append_only", _plan_snapshot_and_append_only),
    Migration(3, "plan_drafts", _plan_drafts),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded in the file (0 for a new, empty file).

    Refuses an SQLite file that holds other tables but no amends schema, so
    amends never adds its tables to someone else's database.
    """
    names = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    if "schema_migrations" not in names:
        if names - {"sqlite_sequence"}:
            raise StoreError("is an SQLite database but not an amends one; nothing was changed")
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0])


def newer_error(version: int) -> StoreError:
    """The refusal for a file written by a newer amends (it is left untouched)."""
    return StoreError(
        f"was created by a newer amends (schema version {version}; this amends knows up to "
        f"{LATEST}); upgrade amends to use it — nothing was changed"
    )


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to :data:`LATEST`; returns the version the file was at.

    The version is read again under the write lock, so two processes opening a
    new file at once apply each migration exactly once.
    """
    if current_version(conn) == LATEST:
        return LATEST
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(conn)
        if found > LATEST:
            raise newer_error(found)
        for step in MIGRATIONS[found:]:
            step.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) "
                "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                (step.version, step.name),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found
