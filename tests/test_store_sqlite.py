"""The SQLite store: private files, durable settings, migrations, refusals, backups."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from amends.errors import InputError, StateError, StoreError
from amends.store import LATEST, MIGRATIONS, CaseImport, NewEvent, SQLiteStore, db_path
from tests.case_factory import at

FIXTURES = Path(__file__).parent / "fixtures"
SITUATION = {"k": "v"}  # the store treats situations as opaque JSON


def _store(path: Path) -> SQLiteStore:
    return SQLiteStore.open(path)


def _case(store: SQLiteStore) -> str:
    return store.create_case(
        at("2026-11-23T10:40+00:00"),
        SITUATION,
        {"messages": []},
        NewEvent("planned", at("2026-11-23T10:40+00:00"), {"channel": "email"}),
    ).id


def _note(text: str, when: str = "2026-11-23T11:00+00:00") -> NewEvent:
    return NewEvent("note", at(when), {"text": text})


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


def test_case_and_events_round_trip_in_order(tmp_path: Path) -> None:
    with closing(_store(tmp_path / "a.db")) as store:
        case_id = _case(store)
        store.append_event(case_id, lambda case: _note("first"))
        store.append_event(case_id, lambda case: _note(f"after {len(case.events)} events"))
    with closing(_store(tmp_path / "a.db")) as store:
        case = store.get_case(case_id)
    assert [e.kind for e in case.events] == ["planned", "note", "note"]
    assert case.events[2].data == {"text": "after 2 events"}
    assert case.situation == SITUATION and case.plan == {"messages": []}
    assert case.events[0].at == at("2026-11-23T10:40+00:00")


def test_history_is_append_only_even_for_other_tools(tmp_path: Path) -> None:
    with closing(_store(tmp_path / "a.db")) as store:
        _case(store)
    with closing(sqlite3.connect(tmp_path / "a.db")) as raw:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE events SET kind = 'note'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM events")


def test_unknown_case_id_is_bad_input_naming_the_id() -> None:
    with closing(SQLiteStore.memory()) as store, pytest.raises(InputError, match="no case") as err:
        store.get_case("nope")
    assert err.value.field == "case"


def test_failing_event_builder_writes_nothing() -> None:
    with closing(SQLiteStore.memory()) as store:
        case_id = _case(store)

        def refuse(case: object) -> NewEvent:
            raise StateError("not now")

        with pytest.raises(StateError):
            store.append_event(case_id, refuse)
        assert len(store.get_case(case_id).events) == 1


def test_fresh_database_records_every_migration_in_order(tmp_path: Path) -> None:
    with closing(_store(tmp_path / "a.db")) as store:
        rows = store._conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        assert store.schema_version == LATEST
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


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
        MIGRATIONS[0].apply(fresh)
        expected = _columns(fresh)
    with closing(sqlite3.connect(_v1_file(tmp_path / "v1.db"))) as old:
        assert _columns(old) == expected


def test_v1_file_with_data_is_upgraded_in_place_without_loss(tmp_path: Path) -> None:
    path = _v1_file(tmp_path / "v1.db")
    with closing(_store(path)) as store:
        assert store.schema_version == LATEST
        case = store.get_case("v1case")
        assert case.plan is None
        assert [e.kind for e in case.events] == ["planned", "contacted", "contacted", "note"]
        assert case.events[3].data["text"].startswith("Dana's assistant")
        store.append_event("v1case", lambda c: _note("after upgrade", "2026-11-24T09:00+00:00"))
        versions = store._conn.execute("SELECT version FROM schema_migrations").fetchall()
    assert versions == [(m.version,) for m in MIGRATIONS]
    with closing(_store(path)) as again:  # a second open changes nothing
        assert len(again.get_case("v1case").events) == 5


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


def test_someone_elses_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER)")
        raw.commit()
    with pytest.raises(StoreError, match="not an amends one"):
        _store(path)


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


def test_backup_is_a_complete_private_copy(tmp_path: Path) -> None:
    with closing(_store(tmp_path / "a.db")) as store:
        case_id = _case(store)
        store.append_event(case_id, lambda c: _note("kept"))
        store.backup(tmp_path / "backups" / "copy.db")
        with pytest.raises(InputError, match="already exists"):
            store.backup(tmp_path / "backups" / "copy.db")
    copy = tmp_path / "backups" / "copy.db"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with closing(_store(copy)) as restored:
        assert restored.get_case(case_id).events[-1].data == {"text": "kept"}
        assert restored._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _import(case_id: str, text: str) -> CaseImport:
    when = at("2026-11-23T10:40+00:00")
    return CaseImport(case_id, when, SITUATION, None, (NewEvent("planned", when), _note(text)))


def test_import_is_idempotent_and_all_or_nothing() -> None:
    with closing(SQLiteStore.memory()) as store:
        assert store.import_cases([_import("a1", "x"), _import("b2", "y")]) == (2, 0)
        assert store.import_cases([_import("a1", "x")]) == (0, 1)
        with pytest.raises(StateError, match="a1 already exists"):
            store.import_cases([_import("c3", "z"), _import("a1", "different")])
        assert [c.id for c in store.list_cases()] == ["a1", "b2"]
