"""`amends db migrate|check`: the schema and the connection, for whoever runs the server.

``check`` never writes. Its exit code is 0 when the database answers and is at
the latest schema, 1 when it is unreachable, behind (run ``amends db migrate``)
or foreign, 2 for bad options — so it also serves as a deployment probe.
"""

from __future__ import annotations

import sys

import typer

from amends.cli.app import app
from amends.cli.common import EXIT_PROBLEMS, ResultFormat, print_json
from amends.cli.options import DbOption, ResultFormatOption
from amends.cli.store_options import UrlOption
from amends.errors import StoreError
from amends.store import LATEST, StoreTarget, resolve_target

db_app = typer.Typer(
    help="Upgrade or check the database schema.\n\n"
    "Example: amends db check --database-url postgresql://amends@localhost/amends",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


def _where(target: StoreTarget) -> str:
    if target.url is not None:
        from amends.store.postgres import redact  # loads psycopg: only for a URL

        return redact(target.url)
    return str(target.path)


@db_app.command(
    "migrate",
    help="Bring the database to the latest schema (safe to run again, and from several "
    "processes at once).\n\nExample: amends db migrate --database-url postgresql://amends@db/amends",
)
def migrate_command(
    fmt: ResultFormatOption = ResultFormat.text, db: DbOption = None, url: UrlOption = None
) -> None:
    from amends.store.admin import migrate_target  # loads psycopg: only when run

    target = resolve_target(db, url)
    before, after = migrate_target(target)
    where = _where(target)
    if fmt == ResultFormat.json:
        print_json({"location": where, "from_version": before, "schema_version": after})
    elif before == after:
        sys.stdout.write(f"{where}: already at schema version {after}; nothing to do.\n")
    else:
        sys.stdout.write(f"{where}: upgraded from schema version {before} to {after}.\n")


@db_app.command(
    "check",
    help="Report connectivity and the schema version; exit 1 when unreachable or behind.\n\n"
    "Example: amends db check --format json",
)
def check_command(
    fmt: ResultFormatOption = ResultFormat.text, db: DbOption = None, url: UrlOption = None
) -> None:
    from amends.store.admin import schema_version  # loads psycopg: only when run

    target = resolve_target(db, url)
    where = _where(target)
    report: dict[str, object] = {"location": where, "latest": LATEST}
    try:
        version = schema_version(target)
    except StoreError as exc:
        report.update(database="unreachable", schema_version=None, error=str(exc))
    else:
        state = "ok" if version == LATEST else ("newer" if version > LATEST else "outdated")
        report.update(database=state, schema_version=version, error=None)
    if fmt == ResultFormat.json:
        print_json(report)
    elif report["database"] == "ok":
        sys.stdout.write(f"{where}: reachable, schema version {LATEST} (up to date).\n")
    elif report["database"] == "outdated":
        sys.stdout.write(
            f"{where}: reachable, schema version {report['schema_version']} of {LATEST}; "
            "run `amends db migrate`.\n"
        )
    else:
        sys.stdout.write(f"amends: {report['error'] or 'schema from a newer amends'}\n")
    if report["database"] != "ok":
        raise typer.Exit(EXIT_PROBLEMS)
