"""`amends users …` and `amends db …` through the real entry point, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amends.accounts import sign_in
from amends.cases import save_plan
from amends.store import LATEST
from tests.case_factory import at, make_plan
from tests.conftest import Backend, CliRun

PASSWORD = "correct horse battery"
NOW = at("2026-12-01T09:00+00:00")


def _add(cli: CliRun, backend: Backend, email: str, role: str = "candidate") -> None:
    result = cli(["users", "add", email, "--role", role, *backend.cli_args()], PASSWORD + "\n")
    assert result.exit_code == 0, result.stderr
    assert f"Added {role} {email}." in result.stdout


def test_users_are_added_listed_and_their_password_read_from_stdin(
    cli: CliRun, backend: Backend
) -> None:
    _add(cli, backend, "sam@example.org")
    _add(cli, backend, "kim@coaching.example", "coach")
    listed = cli(["users", "list", "--format", "json", *backend.cli_args()])
    users = json.loads(listed.stdout)["users"]
    assert [(u["email"], u["role"], u["disabled"]) for u in users] == [
        ("sam@example.org", "candidate", False),
        ("kim@coaching.example", "coach", False),
    ]
    assert PASSWORD not in listed.stdout
    with backend.open() as store:
        assert sign_in(store, "sam@example.org", PASSWORD, None, NOW)


@pytest.mark.parametrize(
    ("args", "stdin", "flag"),
    [
        (["users", "add", "sam@example.org", "--role", "owner"], PASSWORD, "--role"),
        (["users", "add", "not-an-email", "--role", "coach"], PASSWORD, "--email"),
        (["users", "add", "kim@example.org", "--role", "coach"], "short", "--password"),
        (["users", "add", "kim@example.org", "--role", "coach"], "", "--password"),
        (["users", "add", "sam@example.org", "--role", "coach"], PASSWORD, "--email"),
        (["users", "disable", "nobody@example.org"], None, "--email"),
        (["users", "reset-password", "nobody@example.org"], PASSWORD, "--email"),
        (["users", "delete", "sam@example.org"], None, "--yes"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    cli: CliRun, backend: Backend, args: list[str], stdin: str | None, flag: str
) -> None:
    _add(cli, backend, "sam@example.org")
    result = cli([*args, *backend.cli_args()], stdin)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and flag in result.stderr, result.stderr
    assert result.stdout == ""


def test_disable_reset_export_and_delete(cli: CliRun, backend: Backend, tmp_path: Path) -> None:
    _add(cli, backend, "sam@example.org")
    with backend.open() as store:
        sam = store.user_with_hash("sam@example.org")
        assert sam is not None
        case_id = save_plan(store.for_user(sam[0]), make_plan())
    db = backend.cli_args()
    assert cli(["users", "disable", "sam@example.org", *db]).exit_code == 0
    listed = json.loads(cli(["users", "list", "--format", "json", *db]).stdout)
    assert listed["users"][0]["disabled"] is True
    assert "(disabled)" in cli(["users", "list", *db]).stdout
    assert cli(["users", "disable", "sam@example.org", "--enable", *db]).exit_code == 0
    reset = cli(["users", "reset-password", "sam@example.org", *db], "another long phrase\n")
    assert reset.exit_code == 0 and "every session" in reset.stdout
    with backend.open() as store:
        assert sign_in(store, "sam@example.org", "another long phrase", None, NOW)

    out = tmp_path / "sam.json"
    assert cli(["users", "export", "sam@example.org", str(out), *db]).exit_code == 0
    exported = json.loads(out.read_text("utf-8"))
    assert [c["id"] for c in exported["cases"]] == [case_id]
    assert exported["account"]["email"] == "sam@example.org"
    assert cli(["users", "export", "sam@example.org", str(out), *db]).exit_code == 2

    deleted = cli(["users", "delete", "sam@example.org", "--yes", "--format", "json", *db])
    assert json.loads(deleted.stdout) == {"deleted": "sam@example.org", "cases_erased": 1}
    assert json.loads(cli(["users", "list", "--format", "json", *db]).stdout) == {"users": []}
    with backend.open() as store:
        assert store.list_cases() == []


def test_db_check_reports_version_and_migrate_brings_it_up(cli: CliRun, backend: Backend) -> None:
    db = backend.cli_args()
    before = cli(["db", "check", "--format", "json", *db])
    assert before.exit_code == 1
    assert json.loads(before.stdout)["database"] == "outdated"
    assert json.loads(before.stdout)["schema_version"] == 0
    if backend.path is not None:
        assert not backend.path.exists()  # checking never creates the file
    migrated = json.loads(cli(["db", "migrate", "--format", "json", *db]).stdout)
    assert (migrated["from_version"], migrated["schema_version"]) == (0, LATEST)
    assert "nothing to do" in cli(["db", "migrate", *db]).stdout
    after = cli(["db", "check", *db])
    assert after.exit_code == 0 and "up to date" in after.stdout


def test_db_check_on_an_unreachable_server_is_a_problem_not_a_traceback(cli: CliRun) -> None:
    url = "postgresql://amends:pw@127.0.0.1:9/amends?connect_timeout=2"
    result = cli(["db", "check", "--database-url", url, "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["database"] == "unreachable" and "pw@" not in result.stdout
