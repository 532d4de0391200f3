"""Words for people on every page: labels not codes, every error at once, no CLI leftovers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from amends.errors import Alternative, InputError
from amends.web.labels import error_text
from tests.web_support import (
    PLAN_BODY,
    api_headers,
    form_token,
    make_client,
    visible_problems,
    visible_text,
)


def _post(client: Any, **fields: Any) -> Any:
    token = form_token(client.get("/plan").text)
    return client.post("/plan", data={**fields, "csrf_token": token})


def test_an_empty_form_reports_every_missing_field_at_once_beside_each() -> None:
    response = _post(make_client(), scenario="missed")
    assert response.status_code == 422
    html = response.text
    summary = re.search(r'<div class="alert" role="alert" id="form-errors".*?</div>', html, re.S)
    assert summary
    links = re.findall(r'<a href="#(f-[a-z_]+)">([^<]+)</a>', summary.group(0))
    assert dict(links) == {
        "f-reason": "Main reason",
        "f-company": "Company",
        "f-role": "Role",
        "f-at": "Start (their local time)",
        "f-tz": "Their time zone",
        "f-name": "Your full name",
    }
    for anchor, _ in links:
        assert f'id="{anchor}-error"' in html  # each message also sits beside its field
    assert "Enter their time zone" in html and "an empty value" not in html


def test_several_bad_values_are_all_reported_with_labels() -> None:
    response = _post(
        make_client(), **{**PLAN_BODY, "tz": "Europe/Londn", "contact_email": "dana-at-acme"}
    )
    assert response.status_code == 422
    assert 'id="f-tz-error"' in response.text and 'id="f-contact_email-error"' in response.text
    assert ">Contact&#39;s email</a>" in response.text


def test_a_future_start_for_a_missed_interview_names_the_choices_by_their_labels() -> None:
    response = _post(make_client(), **{**PLAN_BODY, "at": "2026-12-05T10:00"})
    assert response.status_code == 422
    text = visible_text(response.text)
    assert "“I am running late” or “I cannot make it (known in advance)” under Situation" in text
    assert visible_problems(text) == []


def test_core_errors_are_rendered_in_each_interfaces_terms() -> None:
    err = InputError(
        "at",
        "the interview starts in the future (Saturday 5 December 2026 at 10:00 GMT)",
        (Alternative("scenario", "late"), Alternative("scenario", "conflict")),
    )
    assert err.cli_text().endswith("; use --scenario late or --scenario conflict")
    assert "--" not in error_text(err) and "“I am running late”" in error_text(err)


def test_no_page_shows_a_flag_a_backtick_or_a_raw_code(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    pages = [client.get("/plan").text, _post(client, scenario="missed").text]
    made = _post(client, **PLAN_BODY)
    pages.append(made.text)
    address = str(made.url.path)
    token = form_token(made.text)
    saved = client.post(f"{address}/save", data={"csrf_token": token})
    pages.append(saved.text)
    case_id = re.search(r'id="case-([a-z0-9]+)"', saved.text)
    assert case_id
    record = f"/cases/{case_id.group(1)}/record"
    for event in (
        {"event": "contacted", "via": "email"},
        {"event": "thanked"},  # out of turn: the error is in words too
        {"event": "reply-yes", "slot": "2026-11-25T14:00", "link": "https://meet.example/x"},
    ):
        pages.append(client.post(record, data={"csrf_token": token, **event}).text)
    for kind in ("confirmation", "joined-early"):
        written = client.post(
            f"/cases/{case_id.group(1)}/write", data={"csrf_token": token, "kind": kind}
        )
        pages.append(written.text)
    pages += [client.get(p).text for p in ("/check", "/offline", "/nowhere", "/plan/nosuch")]
    for html in pages:
        assert visible_problems(visible_text(html)) == []


def test_the_api_carries_the_other_fields_choices_as_data() -> None:
    client = make_client()
    body = {**PLAN_BODY, "at": "2026-12-05 10:00"}
    response = client.post("/api/plan", json=body, headers=api_headers(client))
    assert response.status_code == 422
    item = response.json()["detail"][0]
    assert item["loc"] == ["body", "at"] and "--" not in item["msg"]
    assert item["ctx"]["alternatives"][0] == {"field": "scenario", "value": "late"}


@pytest.mark.parametrize(
    "changes",
    [
        {"recruiter": "Riley Chen", "contact_phone": ""},
        {"scenario": "late", "at": "2026-11-23T12:00"},
        {"scenario": "conflict", "at": "2026-11-25T10:00", "reason": ""},
        {"scenario": "tech-failure", "reason": "", "platform": "Zoom"},
        {"mode": "in-person", "address": "1 King's Cross, London"},
    ],
)
def test_every_kind_of_plan_page_is_in_words_for_people(changes: dict[str, str]) -> None:
    made = _post(make_client(), **{**PLAN_BODY, **changes})
    assert made.status_code == 200, made.text
    assert "/plan/" in str(made.url)
    assert visible_problems(visible_text(made.text)) == []
