"""Choosing the database: URLs go to PostgreSQL, paths to SQLite, and mistakes are one line.

Also the faults of a database server: unreachable at start-up, and restarted
while a store is open (requests fail cleanly, then work again).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from amends.errors import InputError, StoreError
from amends.store import NewEvent, resolve_target
from amends.store.opening import open_store
from amends.store.postgres import PostgresStore, redact
from tests.case_factory import at
from tests.conftest import CliRun
from tests.pg_cluster import Cluster

UNREACHABLE = "postgresql://amends:s3cret@127.0.0.1:9/amends?connect_timeout=2"


def _one_line_error(result: object, field: str) -> str:
    assert result.exit_code == 2, result.stdout  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert err.count("\n") == 1 and "Traceback" not in err and field in err, err
    assert result.stdout == ""  # type: ignore[attr-defined]
    return str(err)


def test_a_url_in_amends_db_is_refused_and_creates_no_file(
    cli: CliRun, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AMENDS_DB", "postgresql://localhost/amends")
    line = _one_line_error(cli(["cases"]), "--db")
    assert "AMENDS_DATABASE_URL" in line and "looks like a database URL" in line
    assert list(tmp_path.iterdir()) == []


def test_a_url_given_to_db_is_refused_naming_the_option(cli: CliRun, tmp_path: Path) -> None:
    line = _one_line_error(cli(["next", "--db", "postgres://u:pw@db.example/amends"]), "--db")
    assert "--database-url" in line and "pw" not in line


@pytest.mark.parametrize("bad", ["cases.db", "mysql://localhost/amends", "postgresql:/x"])
def test_database_url_must_be_a_postgresql_url(cli: CliRun, bad: str) -> None:
    line = _one_line_error(cli(["cases", "--database-url", bad]), "--database-url")
    assert "postgresql://" in line


def test_db_and_database_url_together_are_refused(cli: CliRun, tmp_path: Path) -> None:
    args = ["cases", "--db", str(tmp_path / "a.db"), "--database-url", "postgresql://h/a"]
    assert "not both" in _one_line_error(cli(args), "--database-url")


def test_explicit_options_win_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AMENDS_DATABASE_URL", "postgresql://env/amends")
    monkeypatch.setenv("AMENDS_DB", str(tmp_path / "env.db"))
    assert resolve_target().url == "postgresql://env/amends"
    assert resolve_target(db=tmp_path / "opt.db").path == tmp_path / "opt.db"
    assert resolve_target(url="postgresql://opt/a").url == "postgresql://opt/a"
    monkeypatch.delenv("AMENDS_DATABASE_URL")
    assert resolve_target().path == tmp_path / "env.db"


def test_passwords_never_appear_in_messages() -> None:
    assert redact("postgresql://amends:s3cret@db:5432/x") == "postgresql://amends:***@db:5432/x"
    assert redact("postgresql://db/x") == "postgresql://db/x"


def test_an_unreachable_server_is_one_line_at_start_up(cli: CliRun) -> None:
    line = _one_line_error(cli(["cases", "--database-url", UNREACHABLE]), "unreachable")
    assert "s3cret" not in line and "127.0.0.1" in line
    with pytest.raises(StoreError, match="unreachable"):
        open_store(url=UNREACHABLE)


def test_a_malformed_url_is_bad_input() -> None:
    with pytest.raises(InputError) as err:
        open_store(url="postgresql://h/db?notanoption=1")
    assert err.value.field == "database_url"


def test_a_restarted_server_fails_requests_cleanly_then_recovers(pg_cluster: Cluster) -> None:
    with pg_cluster.fresh_schema() as url, PostgresStore.open(url, pool_timeout=1.0) as store:
        when = at("2026-11-23T10:40+00:00")
        case_id = store.create_case(when, {}, None, NewEvent("planned", when)).id
        store.ping()
        pg_cluster.stop()
        try:
            with pytest.raises(StoreError, match="unreachable") as err:
                store.append_event(case_id, lambda c: NewEvent("note", when, {"text": "lost?"}))
            assert "\n" not in str(err.value)
            with pytest.raises(StoreError):
                store.ping()
        finally:
            pg_cluster.start()
        # The pool reconnects on its own, but with a backoff that grows while the server
        # is down (1 s, 2 s, 4 s…); give it a bounded moment rather than one pool timeout.
        deadline = time.monotonic() + 30
        while True:
            try:
                store.ping()
                break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        store.append_event(case_id, lambda c: NewEvent("note", when, {"text": "after"}))
        texts = [e.data.get("text") for e in store.get_case(case_id).events]
    assert texts == [None, "after"]  # the refused write left nothing half-done
