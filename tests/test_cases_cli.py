"""The case commands through the real entry point: output, JSON shapes, exit codes, errors."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from amends.cases import save_plan
from amends.store import LATEST
from amends.store.opening import open_store
from tests.case_factory import make_plan
from tests.conftest import Backend, CliRun

T = {
    "voicemail": "2026-11-23T10:45+00:00",
    "email": "2026-11-23T11:00+00:00",
    "reply": "2026-11-24T09:00+00:00",
    "after": "2026-11-27T15:10+00:00",
}


@pytest.fixture(autouse=True)
def _on_each_backend(backend: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command here runs once on SQLite and once with $AMENDS_DATABASE_URL set."""
    if backend.url is not None:
        monkeypatch.setenv("AMENDS_DATABASE_URL", backend.url)


def _saved(db: Path | None = None, **overrides: object) -> str:
    with open_store(db) as store:
        return save_plan(store, make_plan(**overrides))


def _json(result: object) -> dict[str, object]:
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert isinstance(data, dict)
    return data


def test_no_cases_yet(cli: CliRun) -> None:
    result = cli(["cases"])
    assert result.exit_code == 0 and "No cases yet" in result.stdout
    assert _json(cli(["cases", "--format", "json"])) == {"cases": [], "damaged": [], "total": 0}
    assert "Nothing is due" in cli(["next"]).stdout


def test_a_whole_follow_through_session(cli: CliRun) -> None:
    cid = _saved()
    listed = _json(cli(["cases", "--format", "json", "--now", T["voicemail"]]))
    assert listed["cases"][0]["id"] == cid and listed["cases"][0]["state"] == "planned"  # type: ignore[index]

    result = cli(
        ["case", "record", cid, "contacted", "--via", "voicemail", "--now", T["voicemail"]]
    )
    assert result.exit_code == 0 and f"on case {cid}: now contacted" in result.stdout
    assert "Send the email" in result.stdout

    due = _json(cli(["next", "--format", "json", "--now", T["voicemail"]]))
    assert "send-email" in [d["step"] for d in due["due"]]  # type: ignore[attr-defined]

    assert (
        cli(["case", "record", cid, "contacted", "--via", "email", "--now", T["email"]]).exit_code
        == 0
    )
    recorded = _json(
        cli(
            [
                "case",
                "record",
                cid,
                "reply",
                "yes",
                "--slot",
                "2026-11-27 14:00",
                "--link",
                "https://meet.example/abc",
                "--now",
                T["reply"],
                "--format",
                "json",
            ]
        )
    )
    assert recorded["state"] == "rescheduled"
    assert recorded["event"]["data"]["start"] == "2026-11-27T14:00:00+00:00"  # type: ignore[index]

    confirmation = cli(["write", "confirmation", "--case", cid, "--now", T["reply"]])
    assert confirmation.exit_code == 0
    assert confirmation.stdout.startswith("Subject: Confirming our interview on Fri 27 Nov")
    assert "https://meet.example/abc" in confirmation.stdout

    assert cli(["case", "record", cid, "interviewed", "--now", T["after"]]).exit_code == 0
    thanks = _json(
        cli(
            [
                "write",
                "thank-you",
                "--case",
                cid,
                "--topic",
                "the churn model",
                "--now",
                T["after"],
                "--format",
                "json",
            ]
        )
    )
    assert thanks["kind"] == "thank-you" and "the churn model" in str(thanks["body"])
    assert thanks["to"] == {"name": "Dana Lee", "email": "dana@acme.example"}

    shown = _json(cli(["case", "show", cid, "--format", "json", "--now", T["after"]]))
    assert shown["state"] == "interviewed" and shown["allowed"] == ["thanked"]
    assert [e["kind"] for e in shown["events"]] == [  # type: ignore[attr-defined]
        "planned",
        "contacted",
        "contacted",
        "reply-yes",
        "interviewed",
    ]
    assert shown["meeting"]["interviewer_local"].startswith("Friday 27 November 2026 at 14:00")  # type: ignore[index]
    text = cli(["case", "show", cid, "--now", T["after"]]).stdout
    assert f"Case {cid}: Data Analyst at Acme — interviewed" in text and "Thank-you note" in text


def _error(result: object, code: int) -> str:
    assert result.exit_code == code, result.stdout  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and lines[0].startswith("amends: error: ")
    assert result.stdout == ""  # type: ignore[attr-defined]
    return lines[0]


def test_illegal_transition_is_a_problem_exit_1(cli: CliRun) -> None:
    cid = _saved()
    line = _error(cli(["case", "record", cid, "thanked", "--now", T["email"]]), 1)
    assert f"case {cid} is planned" in line and "allowed: contacted" in line


def test_unknown_case_id_is_bad_input_exit_2(cli: CliRun) -> None:
    _saved()
    assert "--case: there is no case 'nosuch'" in _error(cli(["case", "show", "nosuch"]), 2)
    assert "no case" in _error(cli(["write", "follow-up", "--case", "nosuch"]), 2)


def test_dates_in_the_wrong_order_are_bad_input(cli: CliRun) -> None:
    cid = _saved()
    cli(["case", "record", cid, "contacted", "--via", "email", "--now", T["email"]])
    early = "2026-11-23T10:50+00:00"
    line = _error(cli(["case", "record", cid, "note", "--text", "x", "--now", early]), 2)
    assert "--now:" in line and "before this case's last event" in line
    line = _error(
        cli(
            [
                "case",
                "record",
                cid,
                "reply",
                "yes",
                "--slot",
                "2026-11-23 09:00",
                "--now",
                T["reply"],
            ]
        ),
        2,
    )
    assert "--slot:" in line


@pytest.mark.parametrize(
    "args",
    [
        ["case", "record", "x", "reply"],
        ["next", "--days", "0"],
        ["cases", "--format", "yaml"],
        ["log", "export", "--format", "pdf"],
        ["write", "thank-you"],
    ],
)
def test_usage_mistakes_exit_2_with_one_line(cli: CliRun, args: list[str]) -> None:
    _error(cli(args), 2)


def test_thank_you_needs_a_topic(cli: CliRun) -> None:
    cid = _saved()
    assert "'thank-you' is for" in _error(cli(["write", "thank-you", "--case", cid]), 1)
    cli(["case", "record", cid, "contacted", "--via", "email", "--now", T["email"]])
    cli(["case", "record", cid, "reply", "yes", "--slot", "2026-11-27 14:00", "--now", T["reply"]])
    cli(["case", "record", cid, "interviewed", "--now", T["after"]])
    line = _error(cli(["write", "thank-you", "--case", cid, "--now", T["after"]]), 2)
    assert "--topic:" in line


def test_a_corrupt_database_is_refused_cleanly_and_kept(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "junk.db"
    db.write_bytes(b"\x00\xffnot sqlite at all" * 500)
    before = db.read_bytes()
    line = _error(cli(["cases", "--db", str(db)]), 2)
    assert "not a readable amends database" in line and str(db) in line
    assert db.read_bytes() == before


def test_a_database_from_a_newer_amends_is_refused(cli: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    _saved(db)
    with closing(sqlite3.connect(db)) as raw:
        raw.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'x')", (LATEST + 1,))
        raw.commit()
    assert "created by a newer amends" in _error(cli(["next", "--db", str(db)]), 2)


def test_amends_db_environment_variable_chooses_the_file(
    cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env" / "cases.db"
    monkeypatch.delenv("AMENDS_DATABASE_URL", raising=False)
    monkeypatch.setenv("AMENDS_DB", str(db))
    cid = _saved()
    assert db.exists()
    assert cid in cli(["cases"]).stdout


def test_export_import_and_backup_move_everything(cli: CliRun, tmp_path: Path) -> None:
    cid = _saved()
    cli(["case", "record", cid, "contacted", "--via", "email", "--now", T["email"]])
    cli(["case", "record", cid, "lesson", "--text", "Check both zones", "--now", T["reply"]])
    export = tmp_path / "out.json"
    result = cli(["export", str(export), "--now", T["reply"]])
    assert result.exit_code == 0 and "Exported 1 cases" in result.stdout
    assert "already exists" in _error(cli(["export", str(export)]), 2)

    other = tmp_path / "other.db"
    imported = _json(cli(["import", str(export), "--db", str(other), "--format", "json"]))
    assert imported == {"added": 1, "already_present": 0}
    assert _json(cli(["import", str(export), "--db", str(other), "--format", "json"]))["added"] == 0
    again = cli(["export", "-", "--db", str(other), "--now", T["reply"]]).stdout
    assert json.loads(again) == json.loads(export.read_text("utf-8"))

    backup = tmp_path / "copy.db"
    assert _json(cli(["backup", str(backup), "--format", "json"]))["backup"] == str(backup)
    assert cid in cli(["cases", "--db", str(backup)]).stdout

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert "--file:" in _error(cli(["import", str(bad)]), 2)


def test_log_export_writes_the_playbook(cli: CliRun, tmp_path: Path) -> None:
    cid = _saved()
    cli(["case", "record", cid, "safeguard", "--text", "dual-zone-entries", "--now", T["email"]])
    markdown = cli(["log", "export", "--format", "markdown"])
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# Career log")
    data = _json(cli(["log", "export", "--format", "json"]))
    assert data["entries"][0]["safeguards"][0]["id"] == "dual-zone-entries"  # type: ignore[index]
    target = tmp_path / "playbook.md"
    assert cli(["log", "export", "--output", str(target)]).exit_code == 0
    assert target.read_text("utf-8") == markdown.stdout


COMMANDS = [
    ["cases"],
    ["case"],
    ["case", "show"],
    ["case", "record"],
    ["write"],
    ["next"],
    ["log"],
    ["log", "export"],
    ["export"],
    ["import"],
    ["backup"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_case_command_has_help_with_an_example(cli: CliRun, command: list[str]) -> None:
    result = cli([*command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if c not in (["case"], ["log"])], ids=" ".join
)
def test_every_case_command_is_in_the_readme(command: list[str]) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert f"amends {' '.join(command)}" in readme
