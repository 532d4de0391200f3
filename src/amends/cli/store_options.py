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

from amends.store import HostedStore, open_store

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="SQLite case database file. Default: $AMENDS_DB, else amends.db in the data folder.",
        show_default=False,
    ),
]
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
    with open_store(db, url) as store:
        yield store
