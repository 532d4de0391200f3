"""Deriving a case's index row with the next-step engine (what :mod:`~amends.cases.listing` reads).

The row holds what a listing shows of the case and every due step as
:func:`~amends.cases.engine.case_steps` words it, with its times already worded
on the user's own clock, so reading a page needs neither the engine nor Babel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from amends.cases.case import Case
from amends.cases.engine import Due, case_steps
from amends.cases.listing import index_key, utc_key
from amends.cases.service import case_damage
from amends.cases.status import DEFAULT_BUSINESS_DAYS
from amends.dates.format import at_zone, clock, short_date, zone_label
from amends.store.base import Store
from amends.store.index import IndexRow, StepRow

REFRESH_BATCH = 500  # cases re-derived per transaction (bounded memory)


def when(moment: datetime, tz: str) -> str:
    """``Wed 25 Nov 10:00 GMT`` on ``tz``'s clock (the user's own, in listings)."""
    local = at_zone(moment, tz)
    return f"{short_date(local)} {clock(local)} {zone_label(local)}"


def step_row(due: Due, tz: str) -> StepRow:
    """``due`` as the index keeps it (its JSON without the status, which depends on "now")."""
    item = due.to_json()
    del item["status"]
    return StepRow(
        case_id=due.case_id,
        step=due.step,
        at=utc_key(due.at),
        by=utc_key(due.by) if due.by else None,
        title=due.title,
        text=due.text,
        at_text=when(due.at, tz),
        by_text=when(due.by, tz) if due.by else None,
        item=item,
    )


def derive(case: Case, now: datetime) -> IndexRow:
    """The index row of ``case`` as the engine sees it at ``now``."""
    seq = case.events[-1].seq if case.events else None
    problem = case_damage(case)
    if problem:
        return IndexRow(case.id, index_key(), seq, "damaged", False, None, {}, problem=problem)
    s = case.situation
    fields = {
        "company": s.interview.company,
        "role": s.interview.role,
        "contact": s.contact.name,
        "interview_start": s.interview.start.isoformat(),
        "opened": case.record.created_at.isoformat(),
        "opened_at": utc_key(case.record.created_at),
    }
    meeting = case.meeting
    # Before a rescheduled interview starts its steps are the preparations; from its
    # start on they are the outcome and the thank-you: the row holds until then.
    until = (
        utc_key(meeting.slot.start)
        if meeting and case.state == "rescheduled" and now < meeting.slot.start
        else None
    )
    due = case_steps(case, now, DEFAULT_BUSINESS_DAYS)
    steps = tuple(step_row(d, s.candidate.tz) for d in due)
    return IndexRow(case.id, index_key(), seq, case.state, case.is_open, until, fields, steps)


def rederive(store: Store, case_ids: Sequence[str], now: datetime) -> None:
    """Derive and store the rows of these cases, a batch at a time."""
    for start in range(0, len(case_ids), REFRESH_BATCH):
        records = store.get_cases(case_ids[start : start + REFRESH_BATCH])
        store.put_index([derive(Case(record), now) for record in records])
