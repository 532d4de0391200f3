"""Follow-through: cases, their lifecycle, what is due next, and every later message.

Interfaces use these names; see ``README.md`` ("Cases and follow-through").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from amends.lazy import lazy_names

if TYPE_CHECKING:
    from amends.cases.case import Case, Meeting
    from amends.cases.engine import Due, case_steps, next_steps
    from amends.cases.events import EventInput, build_event, event_kind, record
    from amends.cases.log import career_log, career_log_markdown
    from amends.cases.machine import STATES, TRANSITIONS, State, allowed, next_state
    from amends.cases.messages import KINDS, FollowUpMessage, write
    from amends.cases.service import (
        CaseListing,
        DamagedCase,
        export_all,
        export_text,
        import_all,
        list_cases,
        load_case,
        load_cases,
        save_plan,
    )
    from amends.cases.shapes import case_json, event_json, record_json, summary_json
    from amends.cases.status import DEFAULT_BUSINESS_DAYS
    from amends.dates.calendar import add_business_days

# Each name loads its module on first use: ``amends cases`` reads the case index
# (amends.cases.listing) without loading the engine, the messages or the models.
_WHERE = {
    "Case": "amends.cases.case",
    "Meeting": "amends.cases.case",
    "DEFAULT_BUSINESS_DAYS": "amends.cases.status",
    "Due": "amends.cases.engine",
    "case_steps": "amends.cases.engine",
    "next_steps": "amends.cases.engine",
    "EventInput": "amends.cases.events",
    "build_event": "amends.cases.events",
    "event_kind": "amends.cases.events",
    "record": "amends.cases.events",
    "career_log": "amends.cases.log",
    "career_log_markdown": "amends.cases.log",
    "STATES": "amends.cases.machine",
    "TRANSITIONS": "amends.cases.machine",
    "State": "amends.cases.machine",
    "allowed": "amends.cases.machine",
    "next_state": "amends.cases.machine",
    "KINDS": "amends.cases.messages",
    "FollowUpMessage": "amends.cases.messages",
    "write": "amends.cases.messages",
    "CaseListing": "amends.cases.service",
    "DamagedCase": "amends.cases.service",
    "export_all": "amends.cases.service",
    "export_text": "amends.cases.service",
    "import_all": "amends.cases.service",
    "list_cases": "amends.cases.service",
    "load_case": "amends.cases.service",
    "load_cases": "amends.cases.service",
    "save_plan": "amends.cases.service",
    "case_json": "amends.cases.shapes",
    "event_json": "amends.cases.shapes",
    "record_json": "amends.cases.shapes",
    "summary_json": "amends.cases.shapes",
    "add_business_days": "amends.dates.calendar",
}


__getattr__ = lazy_names(__name__, _WHERE)


__all__ = [
    "DEFAULT_BUSINESS_DAYS",
    "KINDS",
    "STATES",
    "TRANSITIONS",
    "Case",
    "CaseListing",
    "DamagedCase",
    "Due",
    "EventInput",
    "FollowUpMessage",
    "Meeting",
    "State",
    "add_business_days",
    "allowed",
    "build_event",
    "career_log",
    "career_log_markdown",
    "case_json",
    "case_steps",
    "event_json",
    "event_kind",
    "export_all",
    "export_text",
    "import_all",
    "list_cases",
    "load_case",
    "load_cases",
    "next_state",
    "next_steps",
    "record",
    "record_json",
    "save_plan",
    "summary_json",
    "write",
]
