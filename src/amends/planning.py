"""From a :class:`PlanRequest` to a finished :class:`Plan`, reschedule times included.

This is the one function every interface calls, so ``amends plan --format json``
and ``POST /api/plan`` give the same answer for the same input: the user's own
``slot`` times win; otherwise the slot finder proposes times (or availability
windows) within the interviewer's working days and both parties' hours.
"""

from __future__ import annotations

from datetime import datetime

from amends.export import plan_links
from amends.plan import Plan, build_plan
from amends.request import PlanRequest
from amends.slots import find_slots, slot_request_from_options
from amends.timeslot import Slot


def make_plan(request: PlanRequest, clock_now: datetime | None = None) -> Plan:
    """Validate ``request`` and build the whole first-hour plan.

    ``clock_now`` is the interface's real clock, used only when ``request.now``
    is unset. Raises :class:`~amends.errors.InputError` on any bad field.
    """
    situation = request.to_situation(clock_now)
    # Built (and so validated) even when the user gives their own --slot times.
    slot_request = slot_request_from_options(
        situation.now,
        situation.interview.tz,
        situation.candidate.tz,
        country=request.country,
        hours=request.hours,
        my_hours=request.my_hours,
        duration=request.duration,
        days=request.days,
        count=request.count,
        busy=request.busy,
        windows=request.windows,
    )
    if situation.slots_requested:
        length = slot_request.duration
        slots = [
            Slot(start, start + length, situation.interview.tz, situation.candidate.tz)
            for start in situation.slots_requested
        ]
        return _with_links(build_plan(situation, slots))
    result = find_slots(slot_request)
    plan = build_plan(
        situation,
        result.slots,
        windows=result.windows,
        slot_note=result.explanation,
    )
    return _with_links(plan)


def _with_links(plan: Plan) -> Plan:
    """Add the ``links`` (mailto:/tel: per message) every interface shows."""
    plan.extra["links"] = plan_links(plan)
    return plan
