"""The first-hour plan: the situation, its validation, triage, messages, steps and result.

One entry point for every interface::

    from amends.plan import Plan, PlanRequest, make_plan

    plan = make_plan(PlanRequest(scenario="missed", at="2026-12-03 10:00", tz="Europe/London",
                                 company="Acme", role="Analyst", name="Sam Lee"), clock_now)
    plan.first_action.channel   # "call-voicemail-email"
    plan.to_json()              # the JSON contract of ``amends plan --format json``

Modules: ``situation`` (the validated model), ``request`` (the flat input and its
rules), ``reasons`` (the catalogue), ``triage`` (first action and clock),
``compose`` (messages from templates), ``steps`` (the checklist), ``result``
(the typed result), ``markdown`` (the Markdown view), ``builder`` (``make_plan``).

The names below load their module on first use, so importing one submodule
(``amends check`` reads only ``amends.plan.reason_table``) does not load the planner,
the slot finder and the calendars behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amends.lazy import lazy_names

if TYPE_CHECKING:
    from amends.plan.builder import make_plan
    from amends.plan.request import PlanRequest
    from amends.plan.result import FirstAction, Message, Plan, Step
    from amends.plan.situation import Situation

_WHERE = {
    "make_plan": "amends.plan.builder",
    "PlanRequest": "amends.plan.request",
    "FirstAction": "amends.plan.result",
    "Message": "amends.plan.result",
    "Plan": "amends.plan.result",
    "Step": "amends.plan.result",
    "Situation": "amends.plan.situation",
}


__getattr__ = lazy_names(__name__, _WHERE)


__all__ = ["FirstAction", "Message", "Plan", "PlanRequest", "Situation", "Step", "make_plan"]
