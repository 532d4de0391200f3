"""From a :class:`PlanRequest` to a finished :class:`Plan`, reschedule times included.

:func:`make_plan` is the one function every interface calls, so ``amends plan
--format json`` and ``POST /api/plan`` give the same answer for the same input:
the user's own ``slot`` times win; otherwise the slot finder proposes times (or
availability windows) within the interviewer's working days and both parties'
hours. :func:`build_plan` is the step after validation, for callers (tests,
benchmarks) that already hold a :class:`Situation` and its slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from amends.dates.slot import Slot
from amends.plan.compose import compose_messages
from amends.plan.links import plan_links
from amends.plan.reasons import get_reason
from amends.plan.request import PlanRequest
from amends.plan.result import Plan
from amends.plan.situation import Situation
from amends.plan.steps import build_steps
from amends.plan.triage import first_action
from amends.slots import find_slots, slot_request_from_options
from amends.slots.offer import Window


def make_plan(request: PlanRequest, clock_now: datetime | None = None) -> Plan:
    """Validate ``request`` and build the whole first-hour plan, links included.

    ``clock_now`` is the interface's real clock, used only when ``request.now``
    is unset. Raises :class:`~amends.errors.InputError` on any bad field.
    """
    situation = request.to_situation(clock_now)
    # Built (and so validated) even when the user gives their own --slot times.
    slot_request = slot_request_from_options(
        situation.now, situation.interview.tz, situation.candidate.tz, request.slot_options
    )
    if situation.slots_requested:
        length = slot_request.duration
        slots = [
            Slot(start, start + length, situation.interview.tz, situation.candidate.tz)
            for start in situation.slots_requested
        ]
        plan = build_plan(situation, slots)
    else:
        result = find_slots(slot_request)
        plan = build_plan(
            situation, result.slots, windows=result.windows, slot_note=result.explanation
        )
    return replace(plan, links=plan_links(plan))


def build_plan(
    situation: Situation,
    slots: Sequence[Slot] = (),
    *,
    windows: Sequence[Window] = (),
    slot_note: str | None = None,
) -> Plan:
    """Compute the first-hour plan of a validated ``situation`` (no links).

    ``slots`` are the reschedule proposals (from the slot finder or the user's
    ``--slot`` options, already validated) and ``windows`` availability windows
    (window mode); with neither, the messages invite the contact to propose a
    time instead. ``slot_note`` says plainly why fewer times than asked fit.
    """
    reason = get_reason(situation.happening.reason)
    action = first_action(situation)
    chosen = tuple(slots)
    offered = tuple(windows)
    messages = compose_messages(situation, reason, action, chosen, offered)
    steps = build_steps(situation, reason, action, chosen)
    return Plan(
        situation=situation,
        reason=reason,
        first_action=action,
        messages=tuple(messages),
        slots=chosen,
        steps=tuple(steps),
        slot_note=slot_note,
        windows=offered,
    )
