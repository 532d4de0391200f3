"""`amends plan --save` keeps the plan as a case the follow-through commands can track."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CliRun

PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Data Analyst",
    "--interviewer", "Dana Lee", "--contact-email", "dana@acme.example",
    "--at", "2026-11-23 10:00", "--tz", "Europe/London", "--scenario", "missed",
    "--reason", "forgot", "--now", "2026-11-23T10:40:00+00:00",
]  # fmt: skip


def test_saved_plan_becomes_a_planned_case_with_its_id_in_the_json(
    cli: CliRun, tmp_path: Path
) -> None:
    db = str(tmp_path / "cases.db")
    result = cli([*PLAN, "--save", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    case_id = json.loads(result.stdout)["case_id"]
    shown = cli(["case", "show", case_id, "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.stderr
    assert case_id in shown.stdout and "planned" in shown.stdout


def test_saving_prints_the_case_id_after_a_readable_plan(cli: CliRun, tmp_path: Path) -> None:
    result = cli([*PLAN, "--save", "--db", str(tmp_path / "c.db"), "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stderr.startswith("saved as case ")


def test_plan_without_save_stores_nothing(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = cli([*PLAN, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0
    assert "case_id" not in json.loads(result.stdout)
    assert not db.exists()


def test_saving_into_a_corrupt_database_is_a_clean_error(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not a database" * 100)
    result = cli([*PLAN, "--save", "--db", str(db), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
