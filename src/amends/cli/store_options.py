"""The options that choose the database, shared by every command that opens it.

``--database-url postgresql://…`` (or ``$AMENDS_DATABASE_URL``) selects a
PostgreSQL server; ``--db FILE`` (or ``$AMENDS_DB``) an SQLite file; the
default is ``amends.db`` in the data folder. A URL given as a file name is
refused with one line naming the option (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from amends.store import HostedStore

UrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        help="PostgreSQL database instead of a file, e.g. postgresql://amends@localhost/amends "
        "(default: $AMENDS_DATABASE_URL).",
        show_default=False,
    ),
]


@contextmanager
def opened(db: Path | None, url: str | None) -> Iterator[HostedStore]:
    """The store the options (or the environment) choose, closed afterwards."""
    from amends.store.opening import open_store  # psycopg loads only when a store opens

    with open_store(db, url) as store:
        yield store
