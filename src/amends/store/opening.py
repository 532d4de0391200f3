"""Opening the store the options choose, on either backend.

Kept out of ``amends.store`` itself so that importing the store's records and
interfaces (which every command does) does not load psycopg; the command line
imports this module only when a command really opens a database, and psycopg
(with the pool, about a second of a cold start on a busy machine) is loaded here
with ``importlib`` only when the target is a PostgreSQL URL.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import cast

from amends.store import HostedStore, StoreTarget, resolve_target
from amends.store.sqlite import SQLiteStore


def open_target(target: StoreTarget) -> HostedStore:
    """Open (creating and upgrading as needed) the database ``target`` names."""
    if target.url is not None:
        postgres = importlib.import_module("amends.store.postgres")
        return cast(HostedStore, postgres.PostgresStore.open(target.url))
    assert target.path is not None
    return SQLiteStore.open(target.path)


def open_store(db: Path | None = None, url: str | None = None) -> HostedStore:
    """Open the user's store (see :func:`resolve_target`), creating and upgrading it."""
    return open_target(resolve_target(db, url))
