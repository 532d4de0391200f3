"""Random bytes and Unicode in every one-line field: a clean result or a clean error, never a crash.

Each field of each command and API route is fed text drawn to break things:
control and format characters, zero-width and text-direction marks, bytes that
are not UTF-8 (as the command line receives them) and ordinary words. The
answer must be a result, or one ``amends: error:`` line with exit 2 (HTTP 422
for the API) — never a traceback, a 500 or a half-printed result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CliRun
from tests.web_support import PLAN_BODY, api_headers, make_client

NASTY = (
    "\x00\x07\t\n\r\x1b\x7f\x85\u00a0\u200b\u200c\u200d\u200e\u200f"
    "\u2028\u2029\u202a\u202e\u2066\u2069\ufeff\ufffd"
)
nasty_text = st.one_of(
    st.text(alphabet=st.sampled_from(NASTY + "aZ09 -+:@./()=?"), max_size=30),
    st.text(max_size=30),
    st.binary(max_size=30).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.builds(
        lambda a, b: a + b,
        st.sampled_from(["Dana", "+44 20 7946 0000", "2026-11-25 10:00"]),
        st.text(alphabet=NASTY, max_size=3),
    ),
)  # fmt: skip
SETTINGS = settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

PLAN = {
    "name": "Sam Patel", "company": "Acme", "role": "Analyst", "interviewer": "Dana Lee",
    "contact-email": "dana@acme.example", "at": "2026-11-23 10:00", "tz": "Europe/London",
    "scenario": "missed", "reason": "forgot", "now": "2026-11-23T10:40Z", "email": "s@example.org",
}  # fmt: skip
PLAN_FIELDS = [
    "name", "company", "role", "interviewer", "contact-name", "contact-role", "contact-phone",
    "contact-email", "recruiter", "at", "tz", "mode", "platform", "address", "scenario", "reason",
    "detail", "realised", "slot", "now", "phone", "email", "link", "my-tz", "country", "hours",
    "my-hours", "fold",
]  # fmt: skip
SLOTS_FIELDS = ["tz", "my-tz", "now", "country", "hours", "my-hours"]


def _clean(result: Any) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    if result.exit_code == 2:
        assert result.stderr.startswith("amends: error: "), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == "", result.stdout


def _args(values: dict[str, str], command: str = "plan") -> list[str]:
    args = [command, "--format", "json"]
    for key, value in values.items():
        args += [f"--{key}", value]
    return args


@pytest.mark.parametrize("field", PLAN_FIELDS)
@SETTINGS
@given(value=nasty_text)
def test_plan_field_gives_a_result_or_one_clean_error(field: str, value: str, cli: CliRun) -> None:
    result = cli(_args({**PLAN, field: value}))
    _clean(result)
    if result.exit_code == 0:
        json.loads(result.stdout)


@pytest.mark.parametrize("field", SLOTS_FIELDS)
@SETTINGS
@given(value=nasty_text)
def test_slots_field_gives_a_result_or_one_clean_error(field: str, value: str, cli: CliRun) -> None:
    base = {"tz": "Europe/London", "now": "2026-11-23T10:00Z"}
    _clean(cli(_args({**base, field: value}, "slots")))


@pytest.fixture
def case_id(cli: CliRun, tmp_path: Path) -> str:
    result = cli([*_args(PLAN), "--save"])
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["case_id"])


@pytest.mark.parametrize(
    ("event", "option"),
    [("note", "--text"), ("contacted", "--via"), ("safeguard", "--text"), ("done", "--step")],
)
@SETTINGS
@given(value=nasty_text)
def test_case_record_option_gives_a_result_or_one_clean_error(
    event: str, option: str, value: str, cli: CliRun, case_id: str
) -> None:
    result = cli(["case", "record", case_id, event, option, value, "--now", "2026-11-23T11:00Z"])
    _clean(result)


@SETTINGS
@given(value=nasty_text)
def test_write_topic_gives_a_result_or_one_clean_error(
    value: str, cli: CliRun, case_id: str
) -> None:
    _clean(cli(["write", "follow-up", "--case", case_id, "--topic", value]))


@SETTINGS
@given(value=nasty_text)
def test_case_id_gives_a_result_or_one_clean_error(value: str, cli: CliRun) -> None:
    _clean(cli(["case", "show", value]))


def _post(client: Any, url: str, body: dict[str, Any]) -> Any:
    """POST ``body`` as JSON; lone surrogates travel as ``\\udc80`` escapes, as in real JSON."""
    headers = {**api_headers(client), "content-type": "application/json"}
    return client.post(url, content=json.dumps(body), headers=headers)


API_FIELDS = [k for k in PLAN_BODY if k != "slot"] + ["detail", "recruiter", "link", "hours"]


@pytest.mark.parametrize("field", API_FIELDS)
@settings(max_examples=10, deadline=None)
@given(value=nasty_text)
def test_api_plan_field_gives_200_or_422(field: str, value: str) -> None:
    client = make_client()
    body = {**PLAN_BODY, field: value}
    response = _post(client, "/api/plan", body)
    assert response.status_code in (200, 422), response.text
    detail = response.json().get("detail")
    if response.status_code == 422:
        assert isinstance(detail, list) and detail[0]["loc"][-1]


@pytest.mark.parametrize("field", ["tz", "my_tz", "now", "country", "hours", "my_hours"])
@settings(max_examples=10, deadline=None)
@given(value=nasty_text)
def test_api_slots_field_gives_200_or_422(field: str, value: str) -> None:
    client = make_client()
    body = {"tz": "Europe/London", "now": "2026-11-23T10:00Z", field: value}
    response = _post(client, "/api/slots", body)
    assert response.status_code in (200, 422), response.text


@settings(max_examples=10, deadline=None)
@given(value=nasty_text, field=st.sampled_from(["text", "via", "slot", "link", "event"]))
def test_api_record_field_never_crashes(value: str, field: str, tmp_path_factory: Any) -> None:
    client = make_client(tmp_path_factory.mktemp("db") / "cases.db")
    created = _post(client, "/api/cases", PLAN_BODY)
    assert created.status_code == 201, created.text
    case = created.json()["id"]
    body = {"event": "note", "text": "x", field: value}
    response = _post(client, f"/api/cases/{case}/record", body)
    assert response.status_code in (200, 404, 409, 422), response.text
