"""The timed checklist of a plan: contain, correct, consolidate.

Clock times are computed from the injected "now" and the respond-by deadline;
follow-up dates count business days on the interviewer's calendar (its weekend,
public holidays and customary closures, see :mod:`amends.dates.calendar`).

The first hour runs from the moment of realising, whatever the hour. Every step
after it falls in the user's waking hours (``my_hours``): a task due at 03:10
moves to 08:00. The follow-up, a message to the interviewer, goes where the
user's waking hours meet the interviewer's working hours; when they never meet,
the step says so and suggests writing it by day and scheduling the send.
Wording lives in ``data/steps.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from amends.dates.calendar import (
    FOLLOW_UP_LOCAL_TIME,
    add_business_days,
    next_waking,
    previous_waking,
)
from amends.dates.format import dual_moment_text, time_text
from amends.dates.meeting import shared_moment
from amends.dates.slot import Slot
from amends.plan.reasons import Reason
from amends.plan.result import FirstAction, Phase, Step
from amends.plan.situation import Situation
from amends.plan.triage import contact_label, recruiter_label
from amends.texts import snippet_with

FOLLOW_UP_AFTER_BUSINESS_DAYS = 3
SCHEDULED_WRITING = timedelta(minutes=15)
"""Time to write a follow-up that will be sent on a schedule, before the waking day ends."""


def _contain(s: Situation, action: FirstAction) -> list[tuple[int, str]]:
    """(minutes from now, snippet key) pairs for the first hour."""
    scenario, channel = s.happening.scenario, action.channel
    if scenario == "late" or (scenario == "conflict" and channel == "call"):
        if channel == "call":
            return [(0, "call_before_start"), (5, "call_no_answer_late"), (10, "send_email")]
        return [(0, "send_email_first")]
    if scenario == "conflict":
        return [(0, "send_email_first")]
    if channel == "recruiter" and s.contact.role != "recruiter":
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
    s: Situation, reason: Reason, action: FirstAction, slots: Sequence[Slot], *, cli: bool = True
) -> list[Step]:
    """The checklist in order of time, phase by phase (``cli``: name the commands that help)."""
    ctx = {
        "contact": contact_label(s),
        "phone": s.contact.phone,
        "email": s.contact.email,
        "recruiter": recruiter_label(s),
        "start": time_text(s.interview.start, s.interview.tz),
        "respond_by": time_text(action.respond_by, s.candidate.tz),
        "cli": cli,
    }
    steps: list[Step] = []

    def add(phase: Phase, at: datetime, key: str, **extra: str) -> None:
        text = snippet_with("steps", f"{phase}.{key}", {**ctx, **extra} if extra else ctx)
        steps.append(Step(phase=phase, at=at, text=text, key=key))

    for minutes, key in _contain(s, action):
        at = s.now + timedelta(minutes=minutes)
        add("contain", min(at, action.respond_by) if action.respond_by > s.now else at, key)
    add("contain", max(action.respond_by, s.now), "deadline")

    my_tz, my_hours = s.candidate.tz, s.candidate_hours

    def waking(moment: datetime) -> datetime:
        return next_waking(moment, my_tz, my_hours)

    later = waking(max(action.respond_by, s.now) + timedelta(minutes=30))
    for guard in reason.safeguards:
        steps.append(Step(phase="correct", at=later, text=guard.checklist, key=guard.id))
    add("correct", waking(later + timedelta(hours=1)), "prepare")

    add("consolidate", waking(later + timedelta(hours=2)), "log")
    calendar, tz = s.interviewer_calendar, s.interview.tz
    add("consolidate", waking(calendar.add_business_days(s.now, 1, tz)), "reply_watch")
    follow = calendar.add_business_days(s.now, FOLLOW_UP_AFTER_BUSINESS_DAYS, tz)
    meets = shared_moment(follow, (my_tz, my_hours), (tz, s.interviewer_hours, calendar))
    if meets is not None:
        add("consolidate", meets, "follow_up")
    else:
        send = dual_moment_text(follow, tz, my_tz)
        # Written during the user's last waking stretch before the send, then scheduled.
        write_at = previous_waking(follow, my_tz, my_hours, SCHEDULED_WRITING)
        add("consolidate", write_at, "follow_up_scheduled", send_at=send)
    move_on = calendar.add_business_days(follow, FOLLOW_UP_AFTER_BUSINESS_DAYS, tz)
    add("consolidate", waking(move_on), "move_on")
    return sorted_steps(steps)


PHASES: tuple[Phase, ...] = ("contain", "correct", "consolidate")
_PHASE_ORDER = {phase: n for n, phase in enumerate(PHASES)}


def sorted_steps(steps: list[Step]) -> list[Step]:
    """Phase by phase, and by time within a phase (a waking-hours move can reorder them)."""
    order = _PHASE_ORDER
    return sorted(steps, key=lambda step: (order[step.phase], step.at))


__all__ = [
    "FOLLOW_UP_AFTER_BUSINESS_DAYS",
    "FOLLOW_UP_LOCAL_TIME",
    "add_business_days",
    "build_steps",
]
