"""The JSON API mirrors the CLI's JSON contracts and reports bad input as 422 with field paths."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import CliRun
from tests.web_support import NOW, PLAN_BODY, api_headers, make_client


def _cli_args(body: dict[str, Any]) -> list[str]:
    args = ["plan", "--format", "json", "--now", NOW.isoformat()]
    for key, value in body.items():
        flag = "--" + key.replace("_", "-")
        for item in value if isinstance(value, list) else [value]:
            args += [flag, str(item)]
    return args


def test_api_plan_returns_exactly_what_the_cli_prints(cli: CliRun) -> None:
    client = make_client()
    response = client.post("/api/plan", json=PLAN_BODY, headers=api_headers(client))
    assert response.status_code == 200
    printed = cli(_cli_args(PLAN_BODY))
    assert printed.exit_code == 0, printed.stderr
    now_pinned = client.post(
        "/api/plan", json={**PLAN_BODY, "now": NOW.isoformat()}, headers=api_headers(client)
    )
    assert response.json() == json.loads(printed.stdout) == now_pinned.json()


def test_api_plan_uses_the_injected_clock() -> None:
    client = make_client()
    data = client.post("/api/plan", json=PLAN_BODY, headers=api_headers(client)).json()
    assert data["situation"]["now"] == NOW.isoformat()
    assert [s["start"][:16] for s in data["slots"]] == ["2026-11-25T14:00", "2026-11-26T10:00"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tz": "Europe/Londn"}, "tz"),
        ({"at": "tomorrow-ish"}, "at"),
        ({"scenario": "vanished"}, "scenario"),
        ({"contact_email": "dana-at-acme"}, "contact_email"),
        ({"name": ""}, "name"),
        ({"at": "2026-11-24 10:00"}, "at"),  # "missed" but in the future
        ({"slot": ["2026-11-20 10:00"]}, "slot"),
    ],
)
def test_core_input_errors_become_422_with_the_field_path(
    change: dict[str, Any], field: str
) -> None:
    client = make_client()
    response = client.post("/api/plan", json={**PLAN_BODY, **change}, headers=api_headers(client))
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", field]
    assert detail[0]["type"] == "value_error"
    assert detail[0]["msg"]


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({**PLAN_BODY, "favourite_colour": "blue"}, ["body", "favourite_colour"]),
        ({**PLAN_BODY, "fold": "sideways"}, ["body", "fold"]),
        ({**PLAN_BODY, "senior": "perhaps"}, ["body", "senior"]),
        ({**PLAN_BODY, "slot": "2026-11-25 14:00"}, ["body", "slot"]),
    ],
)
def test_schema_errors_are_422_with_field_paths(body: dict[str, Any], loc: list[str]) -> None:
    client = make_client()
    response = client.post("/api/plan", json=body, headers=api_headers(client))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc


def test_malformed_json_is_422_not_a_crash() -> None:
    client = make_client()
    headers = {**api_headers(client), "content-type": "application/json"}
    response = client.post("/api/plan", content=b"{not json", headers=headers)
    assert response.status_code == 422


def test_check_rejects_an_empty_or_missing_text() -> None:
    client = make_client()
    headers = api_headers(client)
    empty = client.post("/api/check", json={"text": ""}, headers=headers)
    assert empty.status_code == 422
    assert empty.json()["detail"][0]["loc"] == ["body", "text"]
    missing = client.post("/api/check", json={}, headers=headers)
    assert missing.json()["detail"][0]["loc"] == ["body", "text"]


def test_csrf_endpoint_starts_a_session() -> None:
    client = make_client()
    response = client.get("/api/csrf")
    assert response.json()["header"] == "X-CSRF-Token"
    assert response.json()["token"] == client.cookies.get("amends_csrf")


def test_openapi_schema_documents_the_api() -> None:
    schema = make_client().get("/openapi.json").json()
    assert {"/api/plan", "/api/check", "/api/csrf"} <= set(schema["paths"])
    assert not any(not path.startswith("/api/") for path in schema["paths"])


def test_api_check_returns_the_checker_report() -> None:
    from amends.check import check_text

    text = "Hi Dana, sorry, my alarm didn't go off and the traffic was terrible. Sam"
    client = make_client()
    response = client.post("/api/check", json={"text": text}, headers=api_headers(client))
    assert response.status_code == 200
    assert response.json() == check_text(text).to_json()
    assert response.json()["findings"]


def test_api_check_applies_kind_and_reason_like_the_cli() -> None:
    from amends.check import check_text

    text = (
        "Subject: Missed interview - Sam Lee, Analyst\n\nDear Dana,\n\n"
        "I am sorry I missed our interview this morning. My train was cancelled.\n"
        "I remain keen on the role. Could we speak on Tuesday at 10:00 GMT?\n"
        "Thank you,\nSam"
    )
    client = make_client()
    body = {"text": text, "kind": "apology", "reason": "transit", "ignore": ["subject"]}
    response = client.post("/api/check", json=body, headers=api_headers(client))
    assert response.status_code == 200
    expected = check_text(text, kind="apology", reason="transit", ignore=["subject"]).to_json()
    assert response.json() == expected
    assert response.json()["summary"]["reason"] == "transit"
    assert response.json()["summary"]["kind_inferred"] is False
    confirmation = client.post(
        "/api/check", json={"text": text, "kind": "confirmation"}, headers=api_headers(client)
    )
    assert confirmation.json()["summary"]["kind"] == "confirmation"


def test_api_check_names_a_bad_kind_or_reason_field() -> None:
    client = make_client()
    headers = api_headers(client)
    for field, value in (("kind", "poem"), ("reason", "aliens"), ("ignore", ["nope"])):
        response = client.post("/api/check", json={"text": "Sorry.", field: value}, headers=headers)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", field]


SLOTS_BODY = {"tz": "America/New_York", "my_tz": "Europe/London", "count": 3}


def test_api_slots_returns_exactly_what_the_cli_prints(cli: CliRun) -> None:
    client = make_client()
    response = client.post("/api/slots", json=SLOTS_BODY, headers=api_headers(client))
    assert response.status_code == 200
    printed = cli(
        ["slots", "--tz", "America/New_York", "--my-tz", "Europe/London", "--count", "3",
         "--now", NOW.isoformat(), "--format", "json"]
    )  # fmt: skip
    assert printed.exit_code == 0, printed.stderr
    assert response.json() == json.loads(printed.stdout)
    assert len(response.json()["slots"]) == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [({"tz": "Mars/Olympus"}, "tz"), ({"days": 0}, "days"), ({"hours": "17:00-09:00"}, "hours")],
)
def test_api_slots_bad_input_is_422_with_the_field_path(change: dict[str, Any], field: str) -> None:
    client = make_client()
    response = client.post("/api/slots", json={**SLOTS_BODY, **change}, headers=api_headers(client))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]
