"""Where cases live: a small repository interface and its SQLite implementation.

Use :func:`open_store` to get the user's store (``--db``, then ``AMENDS_DB``,
then ``<data dir>/amends.db``) and :meth:`SQLiteStore.memory` in tests.
"""

from __future__ import annotations

import os
from pathlib import Path

from amends.paths import data_dir
from amends.store.base import EventBuilder, Store
from amends.store.migrations import LATEST, MIGRATIONS
from amends.store.records import CaseImport, CaseRecord, DraftRecord, EventRecord, NewEvent
from amends.store.sqlite import SQLiteStore

DB_ENV = "AMENDS_DB"
DB_FILE = "amends.db"

__all__ = [
    "DB_ENV",
    "LATEST",
    "MIGRATIONS",
    "CaseImport",
    "CaseRecord",
    "DraftRecord",
    "EventBuilder",
    "EventRecord",
    "NewEvent",
    "SQLiteStore",
    "Store",
    "db_path",
    "open_store",
]


def db_path(db: Path | None = None) -> Path:
    """The database file: ``db`` if given, else ``$AMENDS_DB``, else the data dir's."""
    if db is not None:
        return db.expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILE


def open_store(db: Path | None = None) -> Store:
    """Open the user's store (see :func:`db_path`), creating and upgrading it as needed."""
    return SQLiteStore.open(db_path(db))
