"""The career log: lessons and safeguards per case, as JSON or a Markdown playbook.

It is the "consolidate" phase made durable: what went wrong, what the user
learned, and the prevention steps they actually adopted (with the catalogue's
suggestions they have not adopted yet, so the playbook shows the gap).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from amends.cases.case import Case
from amends.dates.format import at_zone, long_date, moment_text
from amends.plan.reasons import get_reason
from amends.texts import render_text


def _entry(case: Case) -> dict[str, Any]:
    s = case.situation
    reason = get_reason(s.happening.reason)
    adopted_ids = {e.data.get("id") for e in case.of_kind("safeguard")}
    adopted_texts = {t.casefold() for t in case.safeguards}
    suggested = [
        g.checklist
        for g in reason.safeguards
        if g.id not in adopted_ids and g.checklist.casefold() not in adopted_texts
    ]

    def items(kind: str) -> list[dict[str, Any]]:
        return [
            {
                "at": e.at.isoformat(),
                "date": long_date(at_zone(e.at, s.candidate.tz)),
                "text": e.data["text"],
                **({"id": e.data["id"]} if "id" in e.data else {}),
            }
            for e in case.of_kind(kind)
        ]

    return {
        "case_id": case.id,
        "company": s.interview.company,
        "role": s.interview.role,
        "state": case.state,
        "scenario": s.happening.scenario,
        "reason": reason.code,
        "reason_label": reason.label,
        "interview_start": s.interview.start.isoformat(),
        "interview_text": moment_text(s.interview.start, s.interview.tz),
        "opened": case.record.created_at.isoformat(),
        "opened_text": long_date(at_zone(case.record.created_at, s.candidate.tz)),
        "lessons": items("lesson"),
        "safeguards": items("safeguard"),
        "suggested": suggested,
    }


def career_log(cases: Sequence[Case]) -> dict[str, Any]:
    """The log as JSON: one entry per case, oldest first."""
    return {"entries": [_entry(c) for c in cases]}


def career_log_markdown(cases: Sequence[Case]) -> str:
    """The log as a Markdown playbook."""
    return render_text("followup/career_log.md.j2", **career_log(cases)) + "\n"
