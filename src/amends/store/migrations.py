"""Schema migrations: one ordered list, each step written once per SQL dialect.

A database says which migrations it has had (table ``schema_migrations``);
opening it runs the missing ones, in order, inside one transaction, so an older
database is upgraded in place and either fully or not at all. Both backends
walk the same list, so a version number means the same schema on SQLite and
PostgreSQL. Never edit a released migration: add a new one at the end.
``tests/fixtures/store_v1.sql`` (SQLite) and ``store_v1_postgres.sql`` are
databases at version 1 that the tests upgrade.

The dialects differ only where they must: SQLite's ``AUTOINCREMENT`` and
``RAISE(ABORT)`` triggers against PostgreSQL's identity columns, ``jsonb`` and
PL/pgSQL trigger functions. Instants are ISO-8601 text with the offset the
user gave on both, so an export is the same whichever backend wrote it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from amends.errors import StoreError

APPEND_ONLY = "case history is append-only"


@dataclass(frozen=True)
class Migration:
    """One schema step: its version (1, 2, ...), a stable name and its SQL per dialect."""

    version: int
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]

    def apply_sqlite(self, conn: sqlite3.Connection) -> None:
        """Run this step's SQLite statements on ``conn`` (inside the caller's transaction)."""
        for statement in self.sqlite:
            conn.execute(statement)


_INITIAL = Migration(
    1,
    "initial",
    sqlite=(
        "CREATE TABLE schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)",
        "CREATE TABLE cases ("
        " id TEXT PRIMARY KEY,"
        " created_at TEXT NOT NULL,"
        " situation TEXT NOT NULL)",
        "CREATE TABLE events ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " case_id TEXT NOT NULL REFERENCES cases(id),"
        " kind TEXT NOT NULL,"
        " at TEXT NOT NULL,"
        " data TEXT NOT NULL)",
    ),
    postgres=(
        "CREATE TABLE schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        # ``ordinal`` gives "oldest case first" the meaning SQLite's rowid has.
        "CREATE TABLE cases ("
        " id TEXT PRIMARY KEY,"
        " ordinal BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
        " created_at TEXT NOT NULL,"
        " situation JSONB NOT NULL)",
        "CREATE TABLE events ("
        " seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " case_id TEXT NOT NULL REFERENCES cases(id),"
        " kind TEXT NOT NULL,"
        " at TEXT NOT NULL,"
        " data JSONB NOT NULL)",
    ),
)

_PLAN_AND_APPEND_ONLY = Migration(
    2,
    "plan_snapshot_and_append_only",
    # The plan as first computed, so `case show` and `write apology-email` can
    # quote the exact messages; older cases simply have none. History is
    # append-only in the database itself: edits are refused even from other tools.
    sqlite=(
        "ALTER TABLE cases ADD COLUMN plan TEXT",
        "CREATE INDEX events_by_case ON events(case_id, seq)",
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
    ),
    postgres=(
        "ALTER TABLE cases ADD COLUMN plan JSONB",
        "CREATE INDEX events_by_case ON events(case_id, seq)",
        "CREATE FUNCTION amends_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{APPEND_ONLY}' USING ERRCODE = 'restrict_violation'; END $$",
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "FOR EACH ROW EXECUTE FUNCTION amends_refuse_history_change()",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION amends_refuse_history_change()",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
        "FOR EACH STATEMENT EXECUTE FUNCTION amends_refuse_history_change()",
    ),
)

_ACCOUNTS = Migration(
    3,
    "accounts_sessions_shares",
    # Hosted mode (issue 14): users, server-side sessions (only a hash of the
    # token is kept), failed sign-ins for rate limiting, an owner for every case
    # (NULL for the single user of a personal install) and shares with coaches.
    # Deleting one's account must erase one's history too: the delete trigger
    # now lets through exactly the cases listed in case_erasures, which only the
    # erasure transaction writes (and empties again before it commits).
    sqlite=(
        "CREATE TABLE users ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " email TEXT NOT NULL UNIQUE,"
        " role TEXT NOT NULL CHECK (role IN ('candidate', 'coach', 'admin')),"
        " password_hash TEXT NOT NULL,"
        " disabled INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL)",
        "CREATE TABLE sessions ("
        " token_hash TEXT PRIMARY KEY,"
        " user_id INTEGER NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL,"
        " expires_at TEXT NOT NULL,"
        " revoked_at TEXT)",
        "CREATE INDEX sessions_by_user ON sessions(user_id)",
        "CREATE TABLE sign_in_failures ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " key TEXT NOT NULL,"
        " at TEXT NOT NULL)",
        "CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at)",
        "ALTER TABLE cases ADD COLUMN owner_id INTEGER REFERENCES users(id)",
        "CREATE INDEX cases_by_owner ON cases(owner_id)",
        "CREATE TABLE shares ("
        " case_id TEXT NOT NULL REFERENCES cases(id),"
        " coach_id INTEGER NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL,"
        " PRIMARY KEY (case_id, coach_id))",
        "CREATE INDEX shares_by_coach ON shares(coach_id)",
        "CREATE TABLE case_erasures (case_id TEXT PRIMARY KEY)",
        "DROP TRIGGER events_no_delete",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "WHEN NOT EXISTS (SELECT 1 FROM case_erasures WHERE case_id = OLD.case_id) "
        f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END",
    ),
    postgres=(
        "CREATE TABLE users ("
        " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " email TEXT NOT NULL UNIQUE,"
        " role TEXT NOT NULL CHECK (role IN ('candidate', 'coach', 'admin')),"
        " password_hash TEXT NOT NULL,"
        " disabled BOOLEAN NOT NULL DEFAULT false,"
        " created_at TEXT NOT NULL)",
        "CREATE TABLE sessions ("
        " token_hash TEXT PRIMARY KEY,"
        " user_id BIGINT NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL,"
        " expires_at TEXT NOT NULL,"
        " revoked_at TEXT)",
        "CREATE INDEX sessions_by_user ON sessions(user_id)",
        "CREATE TABLE sign_in_failures ("
        " id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " key TEXT NOT NULL,"
        " at TEXT NOT NULL)",
        "CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, at)",
        "ALTER TABLE cases ADD COLUMN owner_id BIGINT REFERENCES users(id)",
        "CREATE INDEX cases_by_owner ON cases(owner_id)",
        "CREATE TABLE shares ("
        " case_id TEXT NOT NULL REFERENCES cases(id),"
        " coach_id BIGINT NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL,"
        " PRIMARY KEY (case_id, coach_id))",
        "CREATE INDEX shares_by_coach ON shares(coach_id)",
        "CREATE TABLE case_erasures (case_id TEXT PRIMARY KEY)",
        "CREATE FUNCTION amends_refuse_history_delete() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF EXISTS (SELECT 1 FROM case_erasures WHERE case_id = OLD.case_id) "
        "THEN RETURN OLD; END IF; "
        f"RAISE EXCEPTION '{APPEND_ONLY}' USING ERRCODE = 'restrict_violation'; END $$",
        "DROP TRIGGER events_no_delete ON events",
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "FOR EACH ROW EXECUTE FUNCTION amends_refuse_history_delete()",
    ),
)

_PLAN_DRAFTS = Migration(
    4,
    "plan_drafts",
    # Plans the web app computed but the user has not saved (post/redirect/get):
    # /plan/<id> reads them back. Unlike case history they are deleted (discarded
    # or expired); created_at is UTC text so expiry compares instants.
    sqlite=(
        "CREATE TABLE plan_drafts ("
        " id TEXT PRIMARY KEY,"
        " created_at TEXT NOT NULL,"
        " request TEXT NOT NULL,"
        " case_id TEXT REFERENCES cases(id),"
        " owner_id INTEGER REFERENCES users(id))",
        "CREATE INDEX plan_drafts_by_age ON plan_drafts(created_at)",
    ),
    postgres=(
        "CREATE TABLE plan_drafts ("
        " id TEXT PRIMARY KEY,"
        " created_at TEXT NOT NULL,"
        " request JSONB NOT NULL,"
        " case_id TEXT REFERENCES cases(id),"
        " owner_id BIGINT REFERENCES users(id))",
        "CREATE INDEX plan_drafts_by_age ON plan_drafts(created_at)",
    ),
)

_FIRST_ACTION = Migration(
    5,
    "first_action_column",
    # Listings and the next-step engine read only the plan's first action (channel,
    # respond-by): a column of its own, filled on insert and backfilled here, lets them
    # skip the whole plan snapshot (issue 18).
    sqlite=(
        "ALTER TABLE cases ADD COLUMN first_action TEXT",
        "UPDATE cases SET first_action = json_extract(plan, '$.first_action') "
        "WHERE plan IS NOT NULL",
    ),
    postgres=(
        "ALTER TABLE cases ADD COLUMN first_action JSONB",
        "UPDATE cases SET first_action = plan -> 'first_action' WHERE plan IS NOT NULL",
    ),
)


def _index_tables(json: str, seq: str, sqlite: bool) -> tuple[str, ...]:
    # SQLite keeps the step rows themselves in `amends next` order (no lookup per row).
    keys = "PRIMARY KEY (case_id, n)"
    order = "CREATE INDEX case_steps_in_order ON case_steps(at, case_id, step)"
    if sqlite:
        keys = "PRIMARY KEY (at, case_id, step, n)) WITHOUT ROWID"
        order = "CREATE INDEX case_steps_by_case ON case_steps(case_id, n)"
    return (
        "CREATE TABLE case_index ("
        " case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,"
        " key TEXT NOT NULL,"
        f" seq {seq} NOT NULL,"
        " state TEXT NOT NULL,"
        " is_open INTEGER NOT NULL,"
        " valid_until TEXT,"
        " company TEXT NOT NULL,"
        " role TEXT NOT NULL,"
        " contact TEXT NOT NULL,"
        " interview_start TEXT NOT NULL,"
        " opened TEXT NOT NULL,"
        " opened_at TEXT NOT NULL,"
        f" owner_id {seq},"
        f" ordinal {seq} NOT NULL,"
        " problem TEXT)",
        "CREATE INDEX case_index_in_order ON case_index(ordinal)",
        "CREATE INDEX case_index_by_owner ON case_index(owner_id)",
        "CREATE TABLE case_steps ("
        " case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
        " n INTEGER NOT NULL,"
        " at TEXT NOT NULL,"
        " by_at TEXT,"
        " step TEXT NOT NULL,"
        " title TEXT NOT NULL,"
        " body TEXT NOT NULL,"
        " at_text TEXT NOT NULL,"
        " by_text TEXT,"
        f" item {json} NOT NULL,"
        f" {keys}" + ("" if sqlite else ")"),
        order,
    )


_CASE_INDEX = Migration(
    6,
    "case_index",
    # What listings read, derived from each history by the case engine and kept
    # queryable (issue 18): a case's state and the fields a list shows, and one row
    # per due step (fixed-width UTC text in ``at``/``by_at``, so ``amends next`` is one
    # ordered, paginated query; ``item`` is the step's JSON for --format json). The
    # owner and the case's place in the list (rowid / ordinal) are copied, so a page
    # never reads the cases' wide rows (plans, situations) nor joins them.
    # Rows are filled on first use and refreshed when the history grows, so an
    # upgraded database needs no backfill here; deleting a case deletes its rows.
    sqlite=_index_tables("TEXT", "INTEGER", sqlite=True),
    postgres=_index_tables("JSONB", "BIGINT", sqlite=False),
)

MIGRATIONS: tuple[Migration, ...] = (
    _INITIAL,
    _PLAN_AND_APPEND_ONLY,
    _ACCOUNTS,
    _PLAN_DRAFTS,
    _FIRST_ACTION,
    _CASE_INDEX,
)
LATEST = MIGRATIONS[-1].version


def newer_error(version: int) -> StoreError:
    """The refusal for a database written by a newer amends (it is left untouched)."""
    return StoreError(
        f"was created by a newer amends (schema version {version}; this amends knows up to "
        f"{LATEST}); upgrade amends to use it — nothing was changed"
    )


def foreign_error(kind: str) -> StoreError:
    """The refusal for someone else's database: amends never adds its tables to it."""
    return StoreError(f"is {kind} database but not an amends one; nothing was changed")


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration recorded in the SQLite file (0 for a new, empty file).

    Refuses an SQLite file that holds other tables but no amends schema, so
    amends never adds its tables to someone else's database.
    """
    names = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    if "schema_migrations" not in names:
        if names - {"sqlite_sequence"}:
            raise foreign_error("an SQLite")
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring an SQLite file up to :data:`LATEST`; returns the version it was at.

    The version is read again under the write lock, so two processes opening a
    new file at once apply each migration exactly once.
    """
    found = current_version(conn)
    if found == LATEST:
        return LATEST
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = current_version(conn)
        if found > LATEST:
            raise newer_error(found)
        for step in MIGRATIONS[found:]:
            step.apply_sqlite(conn)
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
