"""Listings from the case index: ``amends cases``, ``amends next`` and the web case list.

Replaying 10,000 histories (decoding each situation, rendering each due step)
on every listing took seconds and hundreds of megabytes. Instead each case's
state, listed fields and due steps are derived once by the next-step engine
(:mod:`amends.cases.indexing`) and kept in the store's index
(:mod:`amends.store.index`); a listing re-derives only the rows that went stale
(a new event, another engine or wording, or a moment such as the start of a
rescheduled interview that changes which steps apply) and then reads one page
with SQL. Only a step's status depends on "now": it is worked out on reading,
by the same rule (:func:`~amends.cases.status.step_status`). This module stays
light — the engine, the situation model and the templates load (with
``importlib``, here only) when some row is stale. The index is derived with
:data:`DEFAULT_BUSINESS_DAYS`; another ``--days`` replays the histories.
"""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

from amends.cases.status import DEFAULT_BUSINESS_DAYS, Status, step_status
from amends.store.base import Store
from amends.store.index import IndexedCase, StepRow

INDEX_FORMAT = "1"
# What a row is derived from: the engine and what it reads (its wording, the calendar).
_DERIVED_FROM = (
    ("amends.cases", "case.py"),
    ("amends.cases", "engine.py"),
    ("amends.cases", "machine.py"),
    ("amends.cases", "indexing.py"),
    ("amends.data", "next_steps.toml"),
    ("amends.dates", "calendar.py"),
)


def utc_key(moment: datetime) -> str:
    """Fixed-width UTC text: sorts as the instants do (the index's times and ``valid_until``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@cache
def index_key() -> str:
    """What an index row was derived with: this format, the engine's code and its wording.

    A change to any of them (a new release, an edited ``next_steps.toml``) makes
    every row stale, so a listing never shows steps the current engine would not.
    """
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    for package, name in _DERIVED_FROM:
        digest.update(resources.files(package).joinpath(name).read_bytes())
    return digest.hexdigest()[:24]


def refresh_index(store: Store, now: datetime) -> int:
    """Derive again every stale index row of ``store``; returns how many there were."""
    stale = store.stale_index(index_key(), utc_key(now))
    if stale:  # the engine (pydantic, Jinja, Babel) loads only when there is work for it
        indexing = importlib.import_module("amends.cases.indexing")
        indexing.rederive(store, stale, now)
    return len(stale)


@dataclass(frozen=True, slots=True)
class ListedStep:
    """A due step of a listing: its status at "now" and its times as the user reads them."""

    row: StepRow
    status: Status

    @property
    def case_id(self) -> str:
        return self.row.case_id

    def to_json(self) -> dict[str, Any]:
        """The step as the engine's ``Due.to_json`` gives it (see :func:`step_json`)."""
        return step_json(self)


def listed_step(row: StepRow, now: str) -> ListedStep:
    """``row`` with its status at ``now`` (as :func:`utc_key` words it)."""
    return ListedStep(row, step_status(now, row.at, row.by))


def step_json(step: ListedStep) -> dict[str, Any]:
    """The JSON of a listed step, key for key as the engine's ``Due.to_json``."""
    item = step.row.item or {}
    return {
        "case_id": item["case_id"],
        "step": item["step"],
        "status": step.status,
        **{k: v for k, v in item.items() if k not in ("case_id", "step")},
    }


@dataclass(frozen=True)
class ListedCase:
    """One case of a listing page and its first due step (``next``)."""

    case: IndexedCase
    next: ListedStep | None

    @property
    def id(self) -> str:
        return self.case.case_id

    @property
    def title(self) -> str:
        """``Data Analyst at Acme``, as :attr:`~amends.cases.case.Case.title` says it."""
        return f"{self.case.role} at {self.case.company}"

    def to_json(self) -> dict[str, Any]:
        """The list entry of a case, as :func:`~amends.cases.shapes.summary_json` shapes it."""
        c = self.case
        owner = {"owner": c.owner} if c.owner is not None else {}
        return {
            "id": c.case_id,
            "state": c.state,
            "company": c.company,
            "role": c.role,
            "contact": c.contact,
            "interview_start": c.interview_start,
            "opened": c.opened,
            "next": self.next.to_json() if self.next else None,
            **owner,
        }


@dataclass(frozen=True)
class Page:
    """One page of a listing, how many items there are in all, and the damaged cases."""

    items: list[Any]
    total: int
    damaged: list[tuple[str, str]]


def case_page(
    store: Store,
    now: datetime,
    include_closed: bool = False,
    limit: int | None = None,
    offset: int = 0,
    detail: bool = False,
    urgent_first: bool = False,
) -> Page:
    """One page of :class:`ListedCase` (oldest first; closed ones only when asked).

    ``detail`` reads each first step's JSON too (for ``--format json``);
    ``urgent_first`` orders overdue, due, coming up, nothing due, then closed,
    newest first within each (the web's case list).
    """
    refresh_index(store, now)
    at = utc_key(now)
    urgent_at = at if urgent_first else None
    rows, total = store.indexed_cases(include_closed, limit, offset, detail, urgent_at)
    items = [ListedCase(r, listed_step(r.first_step, at) if r.first_step else None) for r in rows]
    return Page(items, total, store.damaged_index())


def due_page(
    store: Store, now: datetime, limit: int | None = None, offset: int = 0, detail: bool = False
) -> Page:
    """One page of :class:`ListedStep`: what is due across open cases, earliest first."""
    refresh_index(store, now)
    rows, total = store.indexed_steps(limit, offset, detail)
    at = utc_key(now)
    return Page([listed_step(r, at) for r in rows], total, store.damaged_index())


__all__ = [
    "DEFAULT_BUSINESS_DAYS",
    "ListedCase",
    "ListedStep",
    "Page",
    "case_page",
    "due_page",
    "index_key",
    "listed_step",
    "refresh_index",
    "step_json",
    "utc_key",
]
