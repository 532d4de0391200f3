"""What only the SQLite store does: private files, durable settings, locks, damaged files.

The behaviour both backends share is in ``test_store_contract.py``."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from amends.errors import StoreError
from amends.store import LATEST, MIGRATIONS, SQLiteStore, db_path
from tests.case_factory import note_event, raw_case

FIXTURES = Path(__file__).parent / "fixtures"
SITUATION = {"k": "v"}  # the store treats situations as opaque JSON


def _store(path: Path) -> SQLiteStore:
    return SQLiteStore.open(path)


def _case(store: SQLiteStore) -> str:
    return raw_case(store, SITUATION)


_note = note_event


def test_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "amends.db"
    with closing(_store(path)):
        pass
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


def test_database_uses_wal_full_sync_and_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "amends.db"
    with closing(_store(path)) as store:
        conn = store._conn
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.isolation_level is None
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_follows_db_option_then_env_then_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = Path(str(tmp_path / "amends-home"))
    assert db_path() == home / "data" / "amends.db"
    monkeypatch.setenv("AMENDS_DB", str(tmp_path / "env.db"))
    assert db_path() == tmp_path / "env.db"
    assert db_path(tmp_path / "opt.db") == tmp_path / "opt.db"


def _v1_file(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as raw:
        raw.executescript((FIXTURES / "store_v1.sql").read_text("utf-8"))
    return path


def _columns(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        t: [(c[1], c[2]) for c in conn.execute(f"PRAGMA table_info({t})")]
        for t in sorted(tables)
        if t != "sqlite_sequence"
    }


def test_v1_fixture_is_exactly_what_the_first_migration_creates(tmp_path: Path) -> None:
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as fresh:
        MIGRATIONS[0].apply_sqlite(fresh)
        expected = _columns(fresh)
    with closing(sqlite3.connect(_v1_file(tmp_path / "v1.db"))) as old:
        assert _columns(old) == expected


def test_file_from_a_newer_amends_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with closing(_store(path)) as store:
        store._conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'from_the_future', 'x')", (LATEST + 1,)
        )
    before = path.read_bytes()
    with pytest.raises(StoreError, match="created by a newer amends") as err:
        _store(path)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == before


def test_random_bytes_are_refused_cleanly_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    junk = bytes(range(256)) * 64
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a readable amends database"):
        _store(path)
    assert path.read_bytes() == junk


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        _store(tmp_path)


def test_locked_database_gives_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with closing(_store(path)) as first:
        case_id = _case(first)
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        with closing(SQLiteStore.open(path, busy_timeout_ms=50)) as waiting:
            with pytest.raises(StoreError, match="locked") as err:
                waiting.append_event(case_id, lambda c: _note("blocked"))
            assert "\n" not in str(err.value)
            holder.execute("COMMIT")
            waiting.append_event(case_id, lambda c: _note("after the lock"))
            assert [e.kind for e in waiting.get_case(case_id).events] == ["planned", "note"]
