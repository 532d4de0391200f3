"""Where cases live: a small repository interface and its SQLite and PostgreSQL backends.

:func:`resolve_target` says which database the options and the environment
choose: ``--database-url`` (or ``$AMENDS_DATABASE_URL``) a PostgreSQL server,
otherwise the SQLite file given by ``--db``, then ``$AMENDS_DB``, then
``<data dir>/amends.db``. :func:`amends.store.opening.open_store` opens it (a
module of its own, so that only what really opens a database loads psycopg).
:meth:`SQLiteStore.memory` is for tests. Every store is a context manager.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from amends.errors import InputError
from amends.paths import data_dir
from amends.store.base import EventBuilder, HostedStore, Store
from amends.store.migrations import LATEST, MIGRATIONS
from amends.store.records import (
    CaseImport,
    CaseRecord,
    DraftRecord,
    EventRecord,
    NewEvent,
    UserRecord,
)
from amends.store.sqlite import SQLiteStore

DB_ENV = "AMENDS_DB"
DATABASE_URL_ENV = "AMENDS_DATABASE_URL"
DB_FILE = "amends.db"
PG_SCHEMES = ("postgresql", "postgres")
# "scheme:" followed by "//" — also catches "postgresql:/x", what a shell or a
# path normalisation makes of "postgresql://x"
_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")

__all__ = [
    "DATABASE_URL_ENV",
    "DB_ENV",
    "LATEST",
    "MIGRATIONS",
    "CaseImport",
    "CaseRecord",
    "DraftRecord",
    "EventBuilder",
    "EventRecord",
    "HostedStore",
    "NewEvent",
    "SQLiteStore",
    "Store",
    "StoreTarget",
    "UserRecord",
    "db_path",
    "resolve_target",
]


def looks_like_url(text: str) -> bool:
    """True for ``scheme://…`` text, which is never meant as an SQLite file name."""
    return bool(_URL_LIKE.match(text.strip()))


def _check_path(text: str, field: str, source: str) -> Path:
    if looks_like_url(text):
        raise InputError(
            field,
            f"{source} {text.split('@')[-1][:60]!r} looks like a database URL, not a file; "
            "give a PostgreSQL URL with --database-url (or $AMENDS_DATABASE_URL) "
            "and keep --db / $AMENDS_DB for SQLite file paths",
        )
    return Path(text).expanduser()


def _check_url(url: str, source: str) -> str:
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in PG_SCHEMES or "://" not in url:
        raise InputError(
            "database_url",
            f"{source} must be a PostgreSQL URL such as postgresql://amends@localhost/amends "
            "(for an SQLite file use --db PATH)",
        )
    return url.strip()


@dataclass(frozen=True)
class StoreTarget:
    """Which database to open: a PostgreSQL URL or an SQLite file path (exactly one)."""

    url: str | None = None
    path: Path | None = None

    @property
    def hosted(self) -> bool:
        """True for a PostgreSQL server (the only backend hosted mode accepts)."""
        return self.url is not None


def resolve_target(db: Path | None = None, url: str | None = None) -> StoreTarget:
    """Apply the precedence: ``url``, ``db``, ``$AMENDS_DATABASE_URL``, ``$AMENDS_DB``, default.

    Explicit options win over the environment; a URL where a file is expected
    (or the other way round) is bad input naming the option.
    """
    if url is not None and db is not None:
        raise InputError("database_url", "give either --database-url or --db, not both")
    if url is not None:
        return StoreTarget(url=_check_url(url, "--database-url"))
    if db is not None:
        return StoreTarget(path=_check_path(str(db), "db", "the file name"))
    env_url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if env_url:
        return StoreTarget(url=_check_url(env_url, f"${DATABASE_URL_ENV}"))
    env_db = os.environ.get(DB_ENV, "").strip()
    if env_db:
        return StoreTarget(path=_check_path(env_db, "db", f"${DB_ENV}"))
    return StoreTarget(path=data_dir() / DB_FILE)


def db_path(db: Path | None = None) -> Path:
    """The SQLite file: ``db`` if given, else ``$AMENDS_DB``, else the data dir's."""
    if db is not None:
        return _check_path(str(db), "db", "the file name")
    env = os.environ.get(DB_ENV)
    if env:
        return _check_path(env, "db", f"${DB_ENV}")
    return data_dir() / DB_FILE
