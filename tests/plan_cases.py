"""Situations shared by the plan tests: the full scenario × reason × mode matrix.

Each case is a dict of ``PlanRequest`` fields. Times are placed relative to a
fixed "now" so every scenario is valid (missed: in the past; late: soon;
conflict: days ahead).
"""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from amends.dates.slot import Slot
from amends.plan import Plan
from amends.plan.builder import build_plan
from amends.plan.reasons import reason_codes
from amends.plan.request import PlanRequest
from amends.plan.situation import MODES, SCENARIOS

NOW = datetime(2026, 11, 23, 10, 40, tzinfo=ZoneInfo("Europe/London"))  # a Monday

START_OFFSET = {
    "missed": timedelta(minutes=-40),
    "tech-failure": timedelta(minutes=-10),
    "late": timedelta(minutes=30),
    "conflict": timedelta(days=2),
}

CONTACTS: dict[str, dict[str, Any]] = {
    "interviewer-phone": {
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "contact_phone": "+44 20 7946 0000",
        "slot": ["2026-11-25 14:00", "2026-11-26 10:00", "2026-11-27 15:30"],
    },
    "coordinator-no-phone": {
        "interviewer": "Dana Lee",
        "contact_name": "Zoë Núñez",
        "contact_role": "coordinator",
        "contact_email": "talent@acme.example",
    },
    "agency-recruiter-senior": {
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "contact_phone": "+44 20 7946 0000",
        "recruiter": "Alex Kim",
        "senior": True,
        "link": "https://sam.example/portfolio",
        "slot": ["2026-11-25 14:00", "2026-11-26 10:00"],
    },
}


def request_fields(scenario: str, reason: str, mode: str, contact: str) -> dict[str, Any]:
    start = (NOW + START_OFFSET[scenario]).astimezone(ZoneInfo("Europe/London"))
    return {
        "name": "Sam Patel",
        "phone": "+1 617 555 0100",
        "email": "sam@example.org",
        "my_tz": "America/New_York",
        "company": "Acme Analytics",
        "role": "Senior Data Analyst",
        "at": start.strftime("%Y-%m-%d %H:%M"),
        "tz": "Europe/London",
        "mode": mode,
        "platform": "Zoom" if mode == "video" else None,
        "address": "1 King's Cross Square, London" if mode == "in-person" else None,
        "scenario": scenario,
        "reason": reason,
        "now": NOW.isoformat(),
        **CONTACTS[contact],
    }


MATRIX = list(itertools.product(SCENARIOS, reason_codes(), MODES, list(CONTACTS)))


def plan_for(fields: dict[str, Any]) -> Plan:
    """The plan of ``fields`` with its ``slot`` times as given (45 minutes each)."""
    situation = PlanRequest.from_values(fields).to_situation()
    slots = [
        Slot(t, t + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
        for t in situation.slots_requested
    ]
    return build_plan(situation, slots)
