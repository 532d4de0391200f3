"""The PostgreSQL store: many users and several app processes over one server.

Choices (issue 14): a psycopg 3 connection pool per process, each connection
checked before use so a restarted server costs failed requests, never a stuck
process; READ COMMITTED transactions; an append takes ``SELECT … FOR UPDATE``
on the case row before reading its history, so two processes appending to one
case are serialised and the second builds on the first's event instead of
losing or reordering it; migrations run under a transaction-scoped advisory
lock, so workers starting together apply each step once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from amends.errors import InputError, StoreError
from amends.store.migrations import LATEST, MIGRATIONS, foreign_error, newer_error
from amends.store.records import CaseImport, NewEvent
from amends.store.sqlbase import SQLStore
from amends.store.sqlite import SQLiteStore
from amends.store.tx import Tx

CONNECT_TIMEOUT_S = 5
POOL_TIMEOUT_S = 5.0  # how long a request waits for a connection before failing
MIGRATION_LOCK = 0x616D656E6473  # "amends": the advisory lock id migrations take


def redact(url: str) -> str:
    """``url`` without its password, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def describe(exc: BaseException) -> str:
    """A one-line reason for a PostgreSQL failure (no traceback, no password)."""
    if isinstance(exc, PoolTimeout):
        return "is unreachable (no connection within the time limit); nothing was changed"
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, psycopg.OperationalError):
        return f"is unreachable ({text}); nothing was changed"
    return f"could not be used: {text}"


class _PgTx:
    """:class:`~amends.store.sqlbase.Tx` over a psycopg connection."""

    def __init__(self, conn: psycopg.Connection[tuple[Any, ...]]) -> None:
        self._conn = conn

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn.execute(sql.replace("?", "%s"), tuple(args))
        return cur.fetchall() if cur.description is not None else []

    def run(self, sql: str, args: Sequence[Any] = ()) -> None:
        self._conn.execute(sql.replace("?", "%s"), tuple(args))


def _tables(conn: psycopg.Connection[tuple[Any, ...]]) -> set[str]:
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()
    return {str(r[0]) for r in rows}


def current_version(conn: psycopg.Connection[tuple[Any, ...]]) -> int:
    """The highest migration recorded (0 for an empty schema); refuses a foreign one."""
    names = _tables(conn)
    if "schema_migrations" not in names:
        if names:
            raise foreign_error("a PostgreSQL")
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection[tuple[Any, ...]]) -> int:
    """Bring the schema up to :data:`LATEST` in one transaction; returns the version found."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        found = current_version(conn)
        if found > LATEST:
            raise newer_error(found)
        for step in MIGRATIONS[found:]:
            for statement in step.postgres:
                conn.execute(statement.encode())  # bytes: no placeholder parsing of $$ bodies
            conn.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                (step.version, step.name),
            )
    return found


def connect(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    """One direct connection, failing with a one-line :class:`StoreError`."""
    try:
        return psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S, autocommit=True)
    except psycopg.ProgrammingError as exc:  # a malformed URL, not a server problem
        reason = " ".join(str(exc).split())
        raise InputError(
            "database_url",
            f"is not a valid PostgreSQL URL ({reason}); "
            "expected postgresql://user@host:5432/dbname",
        ) from None
    except psycopg.Error as exc:
        raise StoreError(f"database {redact(url)} {describe(exc)}") from None


class PostgresStore(SQLStore):
    """:class:`amends.store.base.Store` on a PostgreSQL database."""

    case_order = "ordinal"
    lock_suffix = " FOR UPDATE"

    def __init__(self, pool: ConnectionPool[Any], location: str, version: int) -> None:
        self._pool = pool
        self._location = location
        self._version = version

    @classmethod
    def open(
        cls,
        url: str,
        max_size: int = 8,
        upgrade: bool = True,
        pool_timeout: float = POOL_TIMEOUT_S,
    ) -> PostgresStore:
        """Connect, upgrade the schema (unless ``upgrade`` is false) and start a pool.

        An unreachable server, a schema from a newer amends or someone else's
        tables are refused with one line before anything is written.
        """
        location = redact(url)
        with connect(url) as conn:
            try:
                version = migrate(conn) if upgrade else current_version(conn)
                if upgrade:
                    version = LATEST
            except StoreError as exc:
                raise StoreError(f"database {location} {exc}") from None
            except psycopg.Error as exc:
                raise StoreError(f"database {location} {describe(exc)}") from None
        pool: ConnectionPool[Any] = ConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            timeout=pool_timeout,
            kwargs={"connect_timeout": CONNECT_TIMEOUT_S},
            check=ConnectionPool.check_connection,
            open=False,
        )
        pool.open(wait=False)
        return cls(pool, location, version)

    def _release(self) -> None:
        self._pool.close()

    def _json_in(self, value: Any) -> Any:
        return Jsonb(value)

    def _bool_in(self, value: bool) -> Any:
        return value

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Tx]:
        """One transaction from the pool; failures become a one-line :class:`StoreError`."""
        try:
            with self._pool.connection() as conn, conn.transaction():
                if not write:
                    conn.execute("SET TRANSACTION READ ONLY")
                yield _PgTx(conn)
        except (psycopg.Error, PoolTimeout) as exc:
            if isinstance(exc, pg_errors.RestrictViolation):
                raise StoreError(f"database {self._location}: {exc.diag.message_primary}") from None
            raise StoreError(f"database {self._location} {describe(exc)}") from None

    def backup(self, destination: Path) -> None:
        """Copy every case into a new SQLite file, from one consistent snapshot."""
        if destination.exists():
            raise InputError("file", f"{destination} already exists; choose a new file name")
        with self._transaction(write=False) as tx:
            tx.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cases = self._cases(tx, None)
        copies = [
            CaseImport(
                c.id,
                c.created_at,
                c.situation,
                c.plan,
                tuple(NewEvent(e.kind, e.at, e.data) for e in c.events),
            )
            for c in cases
        ]
        with SQLiteStore.open(destination) as copy:
            copy.import_cases(copies)
