"""Cases over the web: save a plan, list it with what is due, record outcomes, write follow-ups."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from tests.web_support import PLAN_BODY, api_headers, form_token, make_client


def test_save_plan_as_case_then_record_an_outcome(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    page = client.post(
        "/plan", data={**PLAN_BODY, "csrf_token": form_token(client.get("/plan").text)}
    )
    frozen = re.search(r'name="plan_request" value="([^"]+)"', page.text)
    assert frozen
    token = form_token(page.text)
    saved = client.post(
        "/plan/save",
        data={"csrf_token": token, "plan_request": html_lib.unescape(frozen.group(1))},
        follow_redirects=True,
    )
    assert saved.status_code == 200
    assert "Data Analyst at Acme" in saved.text
    case_id = re.search(r'id="case-([^"]+)"', saved.text)
    assert case_id
    recorded = client.post(
        f"/cases/{case_id.group(1)}/record",
        data={"csrf_token": token, "event": "contacted", "via": "email"},
    )
    assert recorded.status_code == 200
    assert "now awaiting-reply" in recorded.text
    bad = client.post(
        f"/cases/{case_id.group(1)}/record", data={"csrf_token": token, "event": "thanked"}
    )
    assert bad.status_code == 422
    assert "Problem" in bad.text


def test_cases_api_mirrors_the_cli_contracts(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    headers = api_headers(client)
    created = client.post("/api/cases", json=PLAN_BODY, headers=headers)
    assert created.status_code == 201
    case_id = created.json()["id"]
    listed = client.get("/api/cases").json()["cases"]
    assert [c["id"] for c in listed] == [case_id]
    assert client.get(f"/api/cases/{case_id}").json()["state"] == "planned"
    record = client.post(
        f"/api/cases/{case_id}/record",
        json={"event": "contacted", "via": "call"},
        headers=headers,
    )
    assert record.status_code == 200 and record.json()["state"] == "contacted"
    wrong = client.post(f"/api/cases/{case_id}/record", json={"event": "nap"}, headers=headers)
    assert wrong.status_code in (409, 422)
    unknown = client.get("/api/cases/nope")
    assert unknown.status_code == 404
    assert "nope" in unknown.json()["detail"]
    write = client.post(
        f"/api/cases/{case_id}/write", json={"kind": "apology-email"}, headers=headers
    )
    assert write.status_code == 200 and write.json()["body"]
