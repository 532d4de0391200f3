"""The API never reads a file on the server: ``busy`` paths are refused the same way
whether or not the path exists, so the answer reveals nothing about the server's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web_support import PLAN_BODY, api_headers, make_client


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/plan", {k: v for k, v in PLAN_BODY.items() if k != "slot"}),
        ("/api/slots", {"tz": "Europe/London", "now": "2026-11-23T10:00Z"}),
        ("/api/cases", {k: v for k, v in PLAN_BODY.items() if k != "slot"}),
    ],
)
def test_busy_paths_are_refused_without_reading_or_revealing_them(
    url: str, body: dict[str, object], tmp_path: Path
) -> None:
    real = tmp_path / "real.ics"
    real.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    client = make_client(db_path=tmp_path / "cases.db")
    answers = [
        client.post(url, json={**body, "busy": [path]}, headers=api_headers(client))
        for path in (str(real), str(tmp_path / "missing.ics"), "/etc/shadow")
    ]
    assert {a.status_code for a in answers} == {422}
    assert len({a.text for a in answers}) == 1  # identical: nothing about the path leaks
    detail = answers[0].json()["detail"][0]
    assert detail["loc"][-1] == "busy" and "command line" in detail["msg"]
    assert str(tmp_path) not in answers[0].text
