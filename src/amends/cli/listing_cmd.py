"""The two listings: ``amends cases`` and ``amends next``, one page of the case index each.

Kept apart from the other case commands so that listing 10,000 cases loads
neither the next-step engine nor the situation model when the index is fresh
(see :mod:`amends.cases.listing`): ``--limit``/``--offset`` are the SQL query's.
Only a ``--days`` other than the default replays every history, as before.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from amends.cases.listing import DEFAULT_BUSINESS_DAYS, ListedStep, case_page, due_page
from amends.cli.app import app
from amends.cli.common import EXIT_PROBLEMS, ResultFormat, print_json, resolve_now
from amends.cli.listing_view import print_listed, print_listed_due
from amends.cli.options import (
    DaysOption,
    DbOption,
    LimitOption,
    NowOption,
    OffsetOption,
    ResultFormatOption,
)
from amends.cli.store_options import UrlOption, opened


def _warn_damaged(damaged: list[tuple[str, str]]) -> None:
    for case_id, problem in damaged:
        sys.stderr.write(f"amends: warning: case {case_id} is damaged and not listed: {problem}\n")


@app.command(
    "cases",
    help="List your cases with their state and the next step.\n\n"
    "Example: amends cases --all --format json",
)
def cases_command(
    all_cases: Annotated[bool, typer.Option("--all", help="Include closed cases.")] = False,
    days: DaysOption = DEFAULT_BUSINESS_DAYS,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    moment = resolve_now(now)
    if days != DEFAULT_BUSINESS_DAYS:  # the index holds the default: replay the histories
        _replayed_cases(moment, all_cases, days, (limit, offset), fmt, db, url)
        return
    json_out = fmt == ResultFormat.json
    with opened(db, url) as store:
        page = case_page(store, moment, all_cases, limit, offset, detail=json_out)
    _warn_damaged(page.damaged)
    if json_out:
        print_json(
            {
                "cases": [c.to_json() for c in page.items],
                "damaged": [{"id": i, "problem": p} for i, p in page.damaged],
                "total": page.total,
            }
        )
    else:
        print_listed(page.items)
    if page.damaged:
        raise typer.Exit(EXIT_PROBLEMS)


def _replayed_cases(
    moment: datetime,
    all_cases: bool,
    days: int,
    page: tuple[int | None, int],
    fmt: ResultFormat,
    db: Path | None,
    url: str | None,
) -> None:
    """``amends cases --days N`` (not the default): every history replayed with ``N``."""
    from amends.cases import case_steps, list_cases, summary_json  # the engine, only here
    from amends.cli.cases_view import print_cases

    limit, offset = page
    with opened(db, url) as store:
        listing = list_cases(store, include_closed=all_cases, brief=True)
    cases = listing.cases[offset : None if limit is None else offset + limit]
    due_of = {c.id: case_steps(c, moment, days) for c in cases}
    _warn_damaged([(bad.id, bad.problem) for bad in listing.damaged])
    if fmt == ResultFormat.json:
        print_json(
            {
                "cases": [summary_json(c, due_of[c.id]) for c in cases],
                "damaged": [d.to_json() for d in listing.damaged],
                "total": len(listing.cases),
            }
        )
    else:
        print_cases(cases, due_of)
    if listing.damaged:
        raise typer.Exit(EXIT_PROBLEMS)


def _replayed_steps(
    moment: datetime, days: int, limit: int | None, offset: int, db: Path | None, url: str | None
) -> list[ListedStep]:
    """``amends next --days N`` (not the default): every open history replayed with ``N``."""
    from amends.cases import load_cases, next_steps  # the engine, only here
    from amends.cases.indexing import step_row

    with opened(db, url) as store:
        cases = load_cases(store, include_closed=False, brief=True)
    tz_of = {c.id: c.situation.candidate.tz for c in cases}
    due = next_steps(cases, moment, days)[offset : None if limit is None else offset + limit]
    return [ListedStep(step_row(d, tz_of[d.case_id]), d.status) for d in due]


@app.command(
    "next",
    help="What is due across your open cases, and when (overdue first).\n\n"
    "Example: amends next --now 2026-11-26T09:00Z",
)
def next_command(
    days: DaysOption = DEFAULT_BUSINESS_DAYS,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    now: NowOption = None,
    fmt: ResultFormatOption = ResultFormat.text,
    db: DbOption = None,
    url: UrlOption = None,
) -> None:
    moment = resolve_now(now)
    json_out = fmt == ResultFormat.json
    if days == DEFAULT_BUSINESS_DAYS:  # one page of the case index
        with opened(db, url) as store:
            steps = due_page(store, moment, limit, offset, detail=json_out).items
    else:
        steps = _replayed_steps(moment, days, limit, offset, db, url)
    if json_out:
        print_json(
            {
                "now": moment.isoformat(),
                "business_days": days,
                "due": [s.to_json() for s in steps],
            }
        )
    else:
        print_listed_due(steps)
