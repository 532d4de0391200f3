"""One damaged case in the database never takes the listing down: it is reported, the rest shown."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CliRun
from tests.web_support import api_headers, make_client

PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Analyst",
    "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
    "--reason", "forgot", "--now", "2026-11-23T10:40Z", "--format", "json", "--save",
]  # fmt: skip
DAMAGE = [
    ("situation", "not json{"),
    ("situation", "{}"),
    ("situation", "[1, 2]"),
    ("created_at", "yesterday"),
    ("created_at", "2026-11-23T10:00"),
]


def _two_cases(cli: CliRun, db: Path) -> tuple[str, str]:
    ids = []
    for _ in range(2):
        result = cli([*PLAN, "--db", str(db)])
        assert result.exit_code == 0, result.stderr
        ids.append(json.loads(result.stdout)["case_id"])
    return ids[0], ids[1]


def _damage(db: Path, case_id: str, column: str, value: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, case_id))


@pytest.mark.parametrize(("column", "value"), DAMAGE)
def test_amends_cases_reports_the_damaged_case_and_lists_the_rest(
    column: str, value: str, cli: CliRun, tmp_path: Path
) -> None:
    db = tmp_path / "cases.db"
    bad, good = _two_cases(cli, db)
    _damage(db, bad, column, value)
    result = cli(["cases", "--db", str(db), "--format", "json", "--now", "2026-11-23T12:00Z"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["cases"]] == [good]
    assert [d["id"] for d in data["damaged"]] == [bad]
    assert f"case {bad} is damaged" in result.stderr and "Traceback" not in result.stderr
    shown = cli(["case", "show", bad, "--db", str(db)])
    assert shown.exit_code == 2 and "damaged" in shown.stderr


def test_a_damaged_event_marks_only_its_case(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    bad, good = _two_cases(cli, db)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER IF EXISTS events_no_update")
        triggers = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        ]
        for name in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE events SET data = 'oops' WHERE case_id = ?", (bad,))
    result = cli(["cases", "--db", str(db), "--format", "json", "--now", "2026-11-23T12:00Z"])
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["cases"]] == [good]
    assert [d["id"] for d in data["damaged"]] == [bad]


@pytest.mark.parametrize(("column", "value"), DAMAGE[:1] + DAMAGE[3:4])
def test_the_web_lists_the_rest_when_one_case_is_damaged(
    column: str, value: str, cli: CliRun, tmp_path: Path
) -> None:
    db = tmp_path / "cases.db"
    bad, good = _two_cases(cli, db)
    _damage(db, bad, column, value)
    client = make_client(db)
    api = client.get("/api/cases", headers=api_headers(client))
    assert api.status_code == 200
    assert [c["id"] for c in api.json()["cases"]] == [good]
    assert api.json()["damaged"][0]["id"] == bad
    page = client.get("/cases")
    assert page.status_code == 200
    assert good in page.text and "damaged" in page.text
