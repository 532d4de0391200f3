"""Every message `amends plan` writes passes the draft checker with no error and no warning.

The whole scenario × reason × mode × contact matrix is rendered; spoken messages
(phone script, voicemail) are checked as scripts, the rest as e-mails with their
subject.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from amends.check import check_email
from amends.dates.slot import Slot
from amends.plan import Plan
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest
from tests.plan_cases import MATRIX, request_fields

SPOKEN = {"phone-script", "voicemail"}


def _plan(case: tuple[str, str, str, str]) -> Plan:
    situation = PlanRequest.from_values(request_fields(*case)).to_situation()
    slots = [
        Slot(t, t + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
        for t in situation.slots_requested
    ]
    return build_plan(situation, slots)


@pytest.mark.parametrize("case", MATRIX, ids=lambda c: "/".join(c))
def test_every_generated_message_passes_the_checker(case: tuple[str, str, str, str]) -> None:
    plan = _plan(case)
    assert plan.messages
    for message in plan.messages:
        spoken = message.kind in SPOKEN
        report = check_email(
            None if spoken else message.subject,
            message.body,
            kind="script" if spoken else "email",
        )
        problems = [(f.rule, f.excerpt) for f in report.findings]
        assert not problems, f"{message.kind}: {problems}\n{report.text}"
