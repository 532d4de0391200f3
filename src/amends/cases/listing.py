"""Listings from the case index: ``amends cases``, ``amends next`` and the web case list.

Replaying 10,000 histories (decoding each situation, rendering each due step)
on every listing took seconds and hundreds of megabytes. Instead each case's
state, summary and due steps are derived once by the same engine
(:func:`~amends.cases.engine.case_steps`) and kept in the store's index
(:mod:`amends.store.index`); a listing refreshes only the rows that went stale
(a new event, a different engine or wording, or a moment such as the start of a
rescheduled interview that changes which steps apply) and then reads one page
with SQL. Only a step's status depends on "now", and it is computed on reading.
The index is always derived with :data:`DEFAULT_BUSINESS_DAYS`; another
``--days`` replays the histories as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from amends.cases.case import Case
from amends.cases.engine import DEFAULT_BUSINESS_DAYS, Due, case_steps, step_status
from amends.cases.service import case_damage
from amends.dates.format import at_zone, clock, short_date, zone_label
from amends.store.base import Store
from amends.store.index import IndexedCase, IndexRow

INDEX_FORMAT = "1"
REFRESH_BATCH = 500
DAMAGED = "damaged"
_DERIVED_FROM = ("case.py", "engine.py", "machine.py", "listing.py")


def when(moment: datetime, tz: str) -> str:
    """``Wed 25 Nov 10:00 GMT`` on ``tz``'s clock (the user's own, in listings)."""
    local = at_zone(moment, tz)
    return f"{short_date(local)} {clock(local)} {zone_label(local)}"


def utc_key(moment: datetime) -> str:
    """Fixed-width UTC text: sorts as the instants do (the index's ``at`` and ``valid_until``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@cache
def index_key() -> str:
    """What an index row was derived with: this format, the engine's code and its wording.

    A change to either (a new release, an edited ``next_steps.toml``) makes every
    row stale, so a listing never shows steps the current engine would not.
    """
    digest = hashlib.sha256(INDEX_FORMAT.encode())
    here = Path(__file__).parent
    for name in _DERIVED_FROM:
        digest.update((here / name).read_bytes())
    digest.update(resources.files("amends.data").joinpath("next_steps.toml").read_bytes())
    calendar = resources.files("amends.dates").joinpath("calendar.py")
    digest.update(calendar.read_bytes())
    return digest.hexdigest()[:20]


def _step_item(due: Due, tz: str) -> dict[str, Any]:
    item = due.to_json()
    del item["status"]  # depends on "now": computed when read
    item["at_utc"] = utc_key(due.at)
    item["at_text"] = when(due.at, tz)
    item["by_text"] = when(due.by, tz) if due.by else None
    return item


def derive(case: Case, now: datetime) -> IndexRow:
    """The index row of ``case`` as the engine sees it at ``now``."""
    seq = case.events[-1].seq if case.events else None
    problem = case_damage(case)
    if problem:
        return IndexRow(case.id, index_key(), seq, DAMAGED, False, None, {"problem": problem})
    s = case.situation
    tz = s.candidate.tz
    summary = {
        "company": s.interview.company,
        "role": s.interview.role,
        "contact": s.contact.name,
        "interview_start": s.interview.start.isoformat(),
        "opened": case.record.created_at.isoformat(),
        "tz": tz,
    }
    meeting = case.meeting
    # Before a rescheduled interview starts its steps are the preparations; from its
    # start on they are the outcome and the thank-you: the row holds until then.
    until = (
        utc_key(meeting.slot.start)
        if meeting and case.state == "rescheduled" and now < meeting.slot.start
        else None
    )
    steps = tuple(_step_item(d, tz) for d in case_steps(case, now, DEFAULT_BUSINESS_DAYS))
    return IndexRow(case.id, index_key(), seq, case.state, case.is_open, until, summary, steps)


def _batches(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), REFRESH_BATCH):
        yield ids[start : start + REFRESH_BATCH]


def refresh_index(store: Store, now: datetime) -> int:
    """Derive again every stale index row (a batch at a time); returns how many."""
    stale = store.stale_index(index_key(), utc_key(now))
    for batch in _batches(stale):
        store.put_index([derive(Case(record), now) for record in store.get_cases(batch)])
    return len(stale)


def _due(item: dict[str, Any], now: datetime) -> Due:
    at = datetime.fromisoformat(item["at"])
    by = datetime.fromisoformat(item["by"]) if item["by"] else None
    return Due(
        case_id=item["case_id"],
        step=item["step"],
        at=at,
        by=by,
        status=step_status(now, at, by),
        title=item["title"],
        text=item["text"],
        write=item["write"],
    )


@dataclass(frozen=True)
class ListedStep:
    """A due step read from the index, with its times as the user's listing words them."""

    due: Due
    at_text: str
    by_text: str | None


@dataclass(frozen=True)
class ListedCase:
    """One case of a listing page: its summary and first due step (``next``)."""

    id: str
    state: str
    company: str
    role: str
    contact: str
    interview_start: str
    opened: str
    next: ListedStep | None
    owner: str | None

    @property
    def title(self) -> str:
        """``Data Analyst at Acme``, as :attr:`Case.title` says it."""
        return f"{self.role} at {self.company}"

    def to_json(self) -> dict[str, Any]:
        """The list entry of a case: the same shape as :func:`~amends.cases.shapes.summary_json`."""
        owner = {"owner": self.owner} if self.owner is not None else {}
        return {
            "id": self.id,
            "state": self.state,
            "company": self.company,
            "role": self.role,
            "contact": self.contact,
            "interview_start": self.interview_start,
            "opened": self.opened,
            "next": self.next.due.to_json() if self.next else None,
            **owner,
        }


@dataclass(frozen=True)
class Page:
    """One page of a listing: its items, how many there are in all, and the damaged cases."""

    items: list[Any]
    total: int
    damaged: list[tuple[str, str]]


def _listed(row: IndexedCase, now: datetime) -> ListedCase:
    s = row.summary
    step = row.first_step
    return ListedCase(
        id=row.case_id,
        state=row.state,
        company=s["company"],
        role=s["role"],
        contact=s["contact"],
        interview_start=s["interview_start"],
        opened=s["opened"],
        next=ListedStep(_due(step, now), step["at_text"], step["by_text"]) if step else None,
        owner=row.owner,
    )


def case_page(
    store: Store,
    now: datetime,
    include_closed: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """One page of cases (oldest first, closed ones only when asked) of type :class:`ListedCase`."""
    refresh_index(store, now)
    rows, total = store.indexed_cases(include_closed, limit, offset)
    return Page([_listed(r, now) for r in rows], total, store.damaged_index())


def due_page(store: Store, now: datetime, limit: int | None = None, offset: int = 0) -> Page:
    """One page of what is due across open cases (earliest first) of type :class:`ListedStep`."""
    refresh_index(store, now)
    rows, total = store.indexed_steps(limit, offset)
    items = [ListedStep(_due(r.item, now), r.item["at_text"], r.item["by_text"]) for r in rows]
    return Page(items, total, store.damaged_index())
