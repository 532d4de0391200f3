"""Withdrawing a mistaken entry from every interface: the CLI, the API and the cases page.

The CLI runs on both backends; the web on SQLite (its store code is the same).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from amends.cases import save_plan
from amends.store.opening import open_store
from tests.case_factory import make_plan
from tests.conftest import Backend, CliRun
from tests.web_support import (
    PLAN_BODY,
    api_headers,
    form_token,
    make_client,
    visible_problems,
    visible_text,
)

VOICEMAIL = ["contacted", "--via", "voicemail", "--now", "2026-11-23T10:45+00:00"]
EMAIL = ["contacted", "--via", "email", "--now", "2026-11-23T11:00+00:00"]
WRONG_NO = ["reply", "no", "--now", "2026-11-24T09:00+00:00"]


@pytest.fixture
def on_each_backend(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI tests run once on SQLite and once with $AMENDS_DATABASE_URL set."""
    if backend.url is not None:
        monkeypatch.setenv("AMENDS_DATABASE_URL", backend.url)
    return None


def _case_with_a_wrong_no(cli: CliRun) -> str:
    with open_store() as store:
        cid = save_plan(store, make_plan())
    for args in (VOICEMAIL, EMAIL, WRONG_NO):
        assert cli(["case", "record", cid, *args]).exit_code == 0
    return cid


def test_cli_correction_withdraws_the_entry_and_the_state_follows(
    cli: CliRun, on_each_backend: None
) -> None:
    cid = _case_with_a_wrong_no(cli)
    why = ["--text", "they said yes", "--now", "2026-11-24T09:05+00:00"]
    result = cli(["case", "record", cid, "correction", "--entry", "4", *why])
    assert result.exit_code == 0, result.stderr
    assert f"Withdrew entry 4 on case {cid}: now awaiting-reply." in result.stdout
    shown = cli(["case", "show", cid, "--now", "2026-11-24T09:06+00:00"]).stdout
    assert re.search(r" 4\. .*reply no .*\[corrected by entry 5\]", shown)
    assert re.search(r" 5\. .*correction +withdraws entry 4 \(reply no\): they said yes", shown)
    assert "reply yes, reply no" in shown
    data = json.loads(cli(["case", "show", cid, "--format", "json"]).stdout)
    assert data["state"] == "awaiting-reply"
    events = data["events"]
    assert [(e["entry"], e["corrected_by"]) for e in events][3:] == [(4, 5), (5, None)]
    assert events[4]["data"] == {"entry": 4, "kind": "reply-no", "text": "they said yes"}


def test_cli_correction_json_names_the_new_entry(cli: CliRun, on_each_backend: None) -> None:
    cid = _case_with_a_wrong_no(cli)
    args = ["case", "record", cid, "correction", "--entry", "4", "--format", "json"]
    data = json.loads(cli([*args, "--now", "2026-11-24T09:05+00:00"]).stdout)
    assert data["event"]["kind"] == "correction" and data["event"]["entry"] == 5
    assert data["state"] == "awaiting-reply"


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ([], "--entry: a correction needs the number of the history entry"),
        (["--entry", "1"], "--entry: entry 1 is the saved plan"),
        (["--entry", "12"], "--entry: entry 12 is not in this case's history"),
    ],
)
def test_cli_bad_correction_is_one_line_exit_2_naming_entry(
    cli: CliRun, extra: list[str], words: str, on_each_backend: None
) -> None:
    cid = _case_with_a_wrong_no(cli)
    result = cli(["case", "record", cid, "correction", *extra, "--now", "2026-11-24T09:05Z"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and words in result.stderr


def test_corrections_round_trip_through_export_and_import(
    cli: CliRun, tmp_path: Path, on_each_backend: None
) -> None:
    cid = _case_with_a_wrong_no(cli)
    cli(["case", "record", cid, "correction", "--entry", "4", "--now", "2026-11-24T09:05Z"])
    exported = tmp_path / "export.json"
    assert cli(["export", str(exported)]).exit_code == 0
    other = tmp_path / "other.db"
    assert cli(["import", str(exported), "--db", str(other)]).exit_code == 0
    data = json.loads(cli(["case", "show", cid, "--db", str(other), "--format", "json"]).stdout)
    assert data["state"] == "awaiting-reply"
    assert [e["corrected_by"] for e in data["events"]] == [None, None, None, 5, None]


def _saved_web_case(client: Any) -> str:
    response = client.post("/api/cases", json=PLAN_BODY, headers=api_headers(client))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_api_correction_returns_the_cli_shape_and_refuses_naming_entry(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    cid = _saved_web_case(client)
    headers = api_headers(client)
    post = f"/api/cases/{cid}/record"
    assert client.post(
        post, json={"event": "contacted", "via": "email"}, headers=headers
    ).is_success
    refused = client.post(post, json={"event": "correction", "entry": 7}, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"][-1] == "entry"
    done = client.post(post, json={"event": "correction", "entry": 2}, headers=headers)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "planned" and done.json()["event"]["entry"] == 3
    shown = client.get(f"/api/cases/{cid}").json()
    assert [e["corrected_by"] for e in shown["events"]] == [None, 3, None]


def test_cases_page_lists_the_history_and_withdraws_an_entry(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    cid = _saved_web_case(client)
    token = form_token(client.get("/cases").text)
    sent = {"csrf_token": token, "event": "contacted", "via": "email"}
    assert client.post(f"/cases/{cid}/record", data=sent).status_code == 200
    page = client.get("/cases").text
    assert "Entry to withdraw" in page and "2. I sent the email" in page
    form = {"csrf_token": token, "event": "correction", "entry": "2", "text": "still a draft"}
    response = client.post(f"/cases/{cid}/record", data=form)
    assert response.status_code == 200
    assert "Entry 2 is withdrawn (it stays in the history). Now: plan made" in response.text
    assert "<del>I sent the email</del>" in response.text
    assert "withdrawn by entry 3" in response.text
    assert "I corrected a mistaken entry (entry 2): still a draft" in response.text
    assert not visible_problems(visible_text(response.text))
    again = client.post(f"/cases/{cid}/record", data=form)
    assert (
        again.status_code == 422
        and "Entry to withdraw: Entry 2 was already corrected by entry 3." in again.text
    )
