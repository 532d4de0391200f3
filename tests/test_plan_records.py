"""The plan's records are plain dataclasses that keep their rules without pydantic.

The command line builds them directly; the store and the web go through pydantic
(``amends.plan.stored``, ``amends.web.request_models``), which must read and
write them exactly as before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from pydantic import ValidationError

from amends.errors import InputError
from amends.plan import reasons
from amends.plan.request import PlanRequest
from amends.plan.stored import situation_from_json, situation_json
from amends.slots.options import SlotOptions
from amends.web.request_models import PlanBody, body_of
from tests.case_factory import DEFAULTS

BASE: dict[str, Any] = DEFAULTS


def test_flat_slot_options_are_nested_and_typed_values_kept() -> None:
    request = PlanRequest.from_values({**BASE, "hours": "08:00-16:00", "busy": ["a.ics"]})
    assert request.slot_options == SlotOptions(hours="08:00-16:00", busy=("a.ics",))
    assert request.slot == []


def test_an_unknown_option_is_an_input_error_naming_it() -> None:
    with pytest.raises(InputError) as err:
        PlanRequest.from_values({**BASE, "colour": "blue"})
    assert err.value.field == "colour"
    with pytest.raises(InputError) as err:
        PlanRequest.from_values({**BASE, "slot_options": {"hues": 3}})
    assert err.value.field == "hues"


def test_text_that_is_not_utf8_is_refused_before_any_record_is_built() -> None:
    with pytest.raises(InputError) as err:
        PlanRequest.from_values({**BASE, "hours": "09:00\udcff"})
    assert err.value.field == "hours"


def test_a_situation_keeps_its_times_timezone_aware() -> None:
    situation = PlanRequest.from_values(BASE).to_situation()
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        replace(situation, now=datetime(2026, 11, 23, 10, 40))
    with pytest.raises(ValueError, match="start must be timezone-aware"):
        replace(situation.interview, start=datetime(2026, 11, 23, 10))


def test_a_stored_situation_reads_back_equal_and_a_malformed_one_is_refused() -> None:
    situation = PlanRequest.from_values({**BASE, "slot": ["2026-11-25 14:00"]}).to_situation()
    stored = situation_json(situation)
    assert stored["now"].startswith("2026-11-23T10:40:00")
    assert situation_from_json(stored) == situation
    with pytest.raises(ValidationError):
        situation_from_json({**stored, "surprise": 1})
    with pytest.raises(ValidationError):
        situation_from_json({**stored, "happening": {**stored["happening"], "scenario": "late!"}})


def test_the_web_body_model_has_the_requests_fields_and_gives_the_same_request() -> None:
    request = PlanRequest.from_values({**BASE, "senior": True, "duration": 45})
    body = PlanBody.model_validate({**BASE, "senior": True, "duration": 45})
    assert body.to_request() == request
    assert body_of(request).model_dump() == body.model_dump()
    assert body.model_fields_set == {*BASE, "senior", "slot_options"}


def test_the_reason_catalogue_refuses_unknown_fields_and_wrong_types(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = reasons.reason_table()
    first = next(iter(table["reasons"]))
    broken = {**table, "reasons": {first: {**table["reasons"][first], "tone": "warm"}}}
    monkeypatch.setattr(reasons, "reason_table", lambda: broken)
    reasons.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match="unknown fields \\['tone'\\]"):
            reasons.catalogue()
        wrong = {**table, "reasons": {first: {**table["reasons"][first], "promise": "yes"}}}
        monkeypatch.setattr(reasons, "reason_table", lambda: wrong)
        reasons.catalogue.cache_clear()
        with pytest.raises(ValueError, match="promise must be bool"):
            reasons.catalogue()
    finally:
        reasons.catalogue.cache_clear()
