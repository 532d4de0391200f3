"""From a :class:`PlanRequest` to a finished :class:`Plan`, reschedule times included.

:func:`make_plan` is the one function every interface calls, so ``amends plan
--format json`` and ``POST /api/plan`` give the same answer for the same input:
the user's own ``slot`` times win (each checked against both parties' hours, the
interviewer's weekend, holidays and closures: problems become ``warnings`` and
the plan still builds); otherwise the slot finder proposes times (or
availability windows) within the interviewer's working days and both parties'
hours. :func:`build_plan` is the step after validation, for callers (tests,
benchmarks) that already hold a :class:`Situation` and its slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from amends.dates.slot import Slot
from amends.plan.compose import compose_messages
from amends.plan.links import message_links
from amends.plan.reasons import get_reason
from amends.plan.request import PlanRequest
from amends.plan.result import Plan, PlanWarning
from amends.plan.situation import Situation
from amends.plan.steps import build_steps
from amends.plan.triage import first_action
from amends.slots import find_slots, slot_request_from_options
from amends.slots.offer import Window
from amends.slots.typed import typed_slot_problems


def make_plan(request: PlanRequest, clock_now: datetime | None = None, *, cli: bool = True) -> Plan:
    """Validate ``request`` and build the whole first-hour plan, links included.

    ``clock_now`` is the interface's real clock, used only when ``request.now``
    is unset. Raises :class:`~amends.errors.InputError` on any bad field.
    ``cli=False`` words the checklist for the web app (no command names).
    """
    situation = request.to_situation(clock_now)
    # Built (and so validated) even when the user gives their own --slot times; once, with
    # the clash's day already among the busy times.
    clash = (clash_day(situation),) if situation.happening.scenario == "conflict" else ()
    slot_request = slot_request_from_options(
        situation.now, situation.interview.tz, situation.candidate.tz, request.slot_options, clash
    )
    # Events a busy calendar could not use: the times were chosen without them.
    skipped = tuple(
        PlanWarning("busy", message)
        for calendar in slot_request.calendars
        for message in calendar.warnings
    )
    if situation.slots_requested:
        length = slot_request.duration
        slots = [
            Slot(start, start + length, situation.interview.tz, situation.candidate.tz)
            for start in situation.slots_requested
        ]
        problems = typed_slot_problems(slots, slot_request)
        warnings = (*(PlanWarning("slot", message) for message in problems), *skipped)
        return build_plan(situation, slots, cli=cli, warnings=warnings, links=True)
    result = find_slots(slot_request)
    return build_plan(
        situation,
        result.slots,
        windows=result.windows,
        slot_note=result.explanation,
        cli=cli,
        warnings=skipped,
        links=True,
    )


def clash_day(s: Situation) -> tuple[datetime, datetime]:
    """The candidate's whole day of a clash known ahead, kept free of proposals.

    The commitment that clashes is rarely only as long as the interview (an exam,
    a funeral, a flight), so no new time is offered within hours of it.
    """
    day = s.interview.start.astimezone(ZoneInfo(s.candidate.tz)).date()
    start = datetime.combine(day, time(0), ZoneInfo(s.candidate.tz))
    return start, start + timedelta(days=1)


def build_plan(
    situation: Situation,
    slots: Sequence[Slot] = (),
    *,
    windows: Sequence[Window] = (),
    slot_note: str | None = None,
    cli: bool = True,
    warnings: tuple[PlanWarning, ...] = (),
    links: bool = False,
) -> Plan:
    """Compute the first-hour plan of a validated ``situation`` (links only if ``links``).

    ``slots`` are the reschedule proposals (from the slot finder or the user's
    ``--slot`` options, already validated) and ``windows`` availability windows
    (window mode); with neither, the messages invite the contact to propose a
    time instead. ``slot_note`` says plainly why fewer times than asked fit.
    :func:`make_plan` passes its ``warnings`` and asks for the links, so the plan
    is assembled once.
    """
    reason = get_reason(situation.happening.reason)
    action = first_action(situation)
    chosen = tuple(slots)
    offered = tuple(windows)
    messages = tuple(compose_messages(situation, reason, action, chosen, offered))
    steps = build_steps(situation, reason, action, chosen, cli=cli)
    return Plan(
        situation=situation,
        reason=reason,
        first_action=action,
        messages=messages,
        slots=chosen,
        steps=tuple(steps),
        slot_note=slot_note,
        windows=offered,
        links=message_links(messages, situation.contact.phone) if links else None,
        warnings=warnings,
    )
