"""The rest of the one-line fields: random bytes and Unicode give a result or a clean error.

Completes ``test_hardening_properties.py`` so every command and API route that takes a
one-line field is covered: intake, prepare, check's options, the ``--now`` of the
listings, the reply and correction options of ``case record``, ``write``'s kind; the
API's intake, check, write and the rest of the record options; the web forms (the plan
form and the case card's record form), which answer a page or a 422 page, never a 500.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import CliRun
from tests.test_hardening_properties import PLAN, SETTINGS, _args, _clean, _post, nasty_text
from tests.web_support import PLAN_BODY, form_token, make_client

STORY = "missed my 10am interview with Dana Lee at Acme, overslept"


@pytest.mark.parametrize("option", ["--now", "--my-tz", None])
@SETTINGS
@given(value=nasty_text)
def test_intake_gives_a_result_or_one_clean_error(
    option: str | None, value: str, cli: CliRun
) -> None:
    base = ["intake", "--format", "json", "--now", "2026-11-23T10:40Z", "--my-tz", "Europe/London"]
    args = [*base, value] if option is None else [*base, option, value, STORY]
    _clean(cli(args))


PREPARE = {
    "at": "2026-11-26 14:00", "tz": "America/New_York", "my-tz": "Europe/London",
    "mode": "video", "link": "https://meet.example/abc", "company": "Acme",
    "role": "Data Analyst", "interviewer": "Dana Lee", "now": "2026-11-24T09:00Z",
}  # fmt: skip


@pytest.mark.parametrize(
    "field", [*PREPARE, "address", "original-at", "round", "case", "my-hours", "minutes"]
)
@SETTINGS
@given(value=nasty_text)
def test_prepare_field_gives_a_result_or_one_clean_error(
    field: str, value: str, cli: CliRun, tmp_path: Path
) -> None:
    target = tmp_path / "prep.ics"
    target.unlink(missing_ok=True)  # hypothesis runs every example in one tmp_path
    values = {**PREPARE, field: value}
    args = ["prepare", "--ics", str(target), "--force"]
    for key, item in values.items():
        args += [f"--{key}", item]
    result = cli(args)
    _clean(result)
    if result.exit_code == 2:
        assert not target.exists()  # nothing half-written


@pytest.mark.parametrize("option", ["--kind", "--reason", "--ignore"])
@SETTINGS
@given(value=nasty_text)
def test_check_option_gives_a_result_or_one_clean_error(
    option: str, value: str, cli: CliRun, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Dana, I am sorry I missed our interview. Kind regards, Sam")
    _clean(cli(["check", str(draft), option, value, "--format", "json"]))


@pytest.mark.parametrize("command", [["cases"], ["next"]])
@SETTINGS
@given(value=nasty_text)
def test_listing_now_gives_a_result_or_one_clean_error(
    command: list[str], value: str, cli: CliRun
) -> None:
    _clean(cli([*command, "--now", value]))


@SETTINGS
@given(value=nasty_text)
def test_log_export_output_name_gives_a_file_or_one_clean_error(
    value: str, cli: CliRun, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir(exist_ok=True)
    name = value.replace("/", "_").replace("\x00", "_")  # a name inside the folder
    target = folder / (name if name.strip(". ") else "x")
    target.unlink(missing_ok=True)
    result = cli(["log", "export", "--output", str(target)])
    _clean(result)


@pytest.fixture
def case_id(cli: CliRun) -> str:
    result = cli([*_args(PLAN), "--save"])
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["case_id"])


@pytest.mark.parametrize(
    ("event", "option"),
    [
        (["reply", "yes"], "--slot"),
        (["reply", "yes"], "--mode"),
        (["reply", "yes"], "--link"),
        (["reply", "yes"], "--address"),
        (["promised"], "--text"),
        (["lesson"], "--text"),
        (["correction"], "--text"),
        (["correction"], "--entry"),
        (["correction"], "--now"),
    ],
)
@SETTINGS
@given(value=nasty_text)
def test_more_record_options_give_a_result_or_one_clean_error(
    event: list[str], option: str, value: str, cli: CliRun, case_id: str
) -> None:
    cli(["case", "record", case_id, "contacted", "--via", "email", "--now", "2026-11-23T10:50Z"])
    extra = ["--slot", "2026-11-27 14:00"] if event[0] == "reply" and option != "--slot" else []
    if event == ["correction"] and option != "--entry":
        extra = ["--entry", "2"]
    now = [] if option == "--now" else ["--now", "2026-11-23T11:00Z"]
    _clean(cli(["case", "record", case_id, *event, option, value, *extra, *now]))


@SETTINGS
@given(value=nasty_text)
def test_write_kind_gives_a_result_or_one_clean_error(
    value: str, cli: CliRun, case_id: str
) -> None:
    _clean(cli(["write", value, "--case", case_id]))


def _json_or_422(response: Any) -> None:
    assert response.status_code in (200, 201, 404, 409, 422), response.text
    if response.status_code == 422:
        detail = response.json()["detail"]
        assert isinstance(detail, list) and detail[0]["loc"][-1]


@pytest.mark.parametrize("field", ["text", "now", "my_tz"])
@SETTINGS
@given(value=nasty_text)
def test_api_intake_field_gives_200_or_422(field: str, value: str) -> None:
    body = {"text": STORY, "now": "2026-11-23T10:40Z", "my_tz": "Europe/London", field: value}
    _json_or_422(_post(make_client(), "/api/intake", body))


@SETTINGS
@given(value=nasty_text)
def test_api_check_text_gives_200_or_422(value: str) -> None:
    _json_or_422(_post(make_client(), "/api/check", {"text": value}))


@pytest.fixture(scope="module")
def web_case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("db") / "cases.db"
    created = _post(make_client(db), "/api/cases", PLAN_BODY)
    assert created.status_code == 201, created.text
    return db, str(created.json()["id"])


@SETTINGS
@given(
    value=nasty_text,
    field=st.sampled_from(["kind", "topic"]),
)
def test_api_write_field_gives_200_or_422(
    value: str, field: str, web_case: tuple[Path, str]
) -> None:
    db, case = web_case
    body = {"kind": "apology-email", "topic": "the churn model", field: value}
    _json_or_422(_post(make_client(db), f"/api/cases/{case}/write", body))


@SETTINGS
@given(
    value=nasty_text,
    field=st.sampled_from(["answer", "mode", "address", "step", "slot"]),
)
def test_api_more_record_fields_give_200_or_422(
    value: str, field: str, web_case: tuple[Path, str]
) -> None:
    db, case = web_case
    body = {"event": "reply", "answer": "yes", "slot": "2026-11-27 14:00", field: value}
    if field == "step":
        body = {"event": "done", "step": value}
    _json_or_422(_post(make_client(db), f"/api/cases/{case}/record", body))


def _form(client: Any, url: str, form: dict[str, str]) -> Any:
    """POST ``form`` urlencoded; bytes that are not UTF-8 travel percent-encoded, as raw."""
    body = urlencode(form, encoding="utf-8", errors="surrogateescape")
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.post(url, content=body, headers=headers, follow_redirects=False)


def _page_or_422(response: Any) -> None:
    assert response.status_code in (200, 303, 404, 422), response.text[:500]
    assert "Traceback" not in response.text


FORM_FIELDS = [k for k in PLAN_BODY if k != "slot"] + ["detail", "recruiter", "hours", "slot"]


@pytest.mark.parametrize("field", FORM_FIELDS)
@SETTINGS
@given(value=nasty_text)
def test_plan_form_field_gives_a_page_or_a_422_page(field: str, value: str) -> None:
    client = make_client()
    token = form_token(client.get("/plan").text)
    form = {**PLAN_BODY, "csrf_token": token, field: value}
    _page_or_422(_form(client, "/plan", form))


@SETTINGS
@given(
    value=nasty_text,
    field=st.sampled_from(["event", "via", "slot", "link", "address", "text", "step", "entry"]),
)
def test_case_record_form_field_gives_a_page_or_a_422_page(
    value: str, field: str, web_case: tuple[Path, str]
) -> None:
    db, case = web_case
    client = make_client(db)
    token = form_token(client.get("/cases").text)
    form = {"csrf_token": token, "event": "note", "text": "called", field: value}
    _page_or_422(_form(client, f"/cases/{case}/record", form))
