"""Follow-through: cases, their lifecycle, what is due next, and every later message.

Interfaces use these names; see ``README.md`` ("Cases and follow-through").
"""

from __future__ import annotations

from amends.cases.case import Case, Meeting
from amends.cases.engine import (
    DEFAULT_BUSINESS_DAYS,
    Due,
    case_steps,
    next_steps,
)
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
from amends.dates.calendar import add_business_days

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
