"""Schema administration without opening a store: what version a database is at, and
upgrading it explicitly (``amends db check`` / ``amends db migrate``).

Checking never writes: a missing SQLite file is reported as version 0 and is
not created.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing

from amends.errors import StoreError
from amends.store import StoreTarget, postgres
from amends.store.migrations import current_version
from amends.store.opening import open_target


def schema_version(target: StoreTarget) -> int:
    """The version the database is at now (0: empty or absent); raises ``StoreError``."""
    if target.url is not None:
        with postgres.connect(target.url) as conn:
            try:
                return postgres.current_version(conn)
            except StoreError as exc:
                raise StoreError(f"database {postgres.redact(target.url)} {exc}") from None
    assert target.path is not None
    if not target.path.exists():
        return 0
    try:
        uri = target.path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            return current_version(conn)
    except StoreError as exc:
        raise StoreError(f"database {target.path} {exc}") from None
    except sqlite3.Error as exc:
        raise StoreError(f"database {target.path} could not be read ({exc})") from None


def migrate_target(target: StoreTarget) -> tuple[int, int]:
    """Upgrade the database to the latest schema: ``(version before, version now)``."""
    before = schema_version(target)
    with open_target(target) as store:
        return before, store.schema_version
