"""The timed checklist of a plan: contain, correct, consolidate.

Clock times are computed from the injected "now" and the respond-by deadline;
follow-up dates count business days (Monday to Friday) on the interviewer's
calendar (its weekend and public holidays, see :mod:`amends.dates.calendar`).
Wording lives in ``data/steps.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from amends.dates.calendar import FOLLOW_UP_LOCAL_TIME, add_business_days
from amends.dates.format import time_text
from amends.dates.slot import Slot
from amends.plan.reasons import Reason
from amends.plan.result import FirstAction, Phase, Step
from amends.plan.situation import Situation
from amends.plan.triage import contact_label, recruiter_label
from amends.texts import snippet

FOLLOW_UP_AFTER_BUSINESS_DAYS = 3


def _contain(s: Situation, action: FirstAction) -> list[tuple[int, str]]:
    """(minutes from now, snippet key) pairs for the first hour."""
    scenario, channel = s.happening.scenario, action.channel
    if scenario == "late" or (scenario == "conflict" and channel == "call"):
        if channel == "call":
            return [(0, "call_before_start"), (5, "call_no_answer_late"), (10, "send_email")]
        return [(0, "send_email_first")]
    if scenario == "conflict":
        return [(0, "send_email_first")]
    if channel == "recruiter" and s.contact.agency_recruiter:
        return [(0, "recruiter_first"), (15, "recruiter_then_contact")]
    if channel == "recruiter":  # the contact is the recruiter: reach them as anyone else
        if s.contact.has_phone:
            return [(0, "call_missed"), (5, "voicemail"), (15, "send_email")]
        return [(0, "send_email_first")]
    if scenario == "tech-failure":
        return [(0, "tech_call" if channel == "call" else "tech_email"), (15, "send_email")]
    if channel == "call-voicemail-email":
        return [(0, "call_missed"), (5, "voicemail"), (15, "send_email")]
    return [(0, "send_email_first")]


def build_steps(
    s: Situation, reason: Reason, action: FirstAction, slots: Sequence[Slot]
) -> list[Step]:
    """The checklist in order of time, phase by phase."""
    ctx = {
        "contact": contact_label(s),
        "phone": s.contact.phone,
        "email": s.contact.email,
        "recruiter": recruiter_label(s),
        "start": time_text(s.interview.start, s.interview.tz),
        "respond_by": time_text(action.respond_by, s.candidate.tz),
    }
    steps: list[Step] = []

    def add(phase: Phase, at: datetime, key: str) -> None:
        steps.append(Step(phase=phase, at=at, text=snippet("steps", f"{phase}.{key}", **ctx)))

    for minutes, key in _contain(s, action):
        at = s.now + timedelta(minutes=minutes)
        add("contain", min(at, action.respond_by) if action.respond_by > s.now else at, key)
    add("contain", max(action.respond_by, s.now), "deadline")

    later = max(action.respond_by, s.now) + timedelta(minutes=30)
    for guard in reason.safeguards:
        steps.append(Step(phase="correct", at=later, text=guard.checklist))
    add("correct", later + timedelta(hours=1), "prepare")

    add("consolidate", later + timedelta(hours=2), "log")
    calendar, tz = s.interviewer_calendar, s.interview.tz
    add("consolidate", calendar.add_business_days(s.now, 1, tz), "reply_watch")
    follow = calendar.add_business_days(s.now, FOLLOW_UP_AFTER_BUSINESS_DAYS, tz)
    add("consolidate", follow, "follow_up")
    move_on = calendar.add_business_days(follow, FOLLOW_UP_AFTER_BUSINESS_DAYS, tz)
    add("consolidate", move_on, "move_on")
    return steps


__all__ = [
    "FOLLOW_UP_AFTER_BUSINESS_DAYS",
    "FOLLOW_UP_LOCAL_TIME",
    "add_business_days",
    "build_steps",
]
