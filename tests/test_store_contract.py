"""The Store contract, on SQLite and on PostgreSQL alike: round trips, append-only
history, refusals, migrations from blank and from the oldest schema, backups, imports."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
import pytest

from amends.cases.listing import case_page, due_page
from amends.errors import InputError, StateError, StoreError
from amends.store import LATEST, MIGRATIONS, CaseImport, NewEvent, SQLiteStore, Store
from tests.case_factory import at, note_event, raw_case
from tests.conftest import Backend

FIXTURES = Path(__file__).parent / "fixtures"
SITUATION = {"k": "v", "nested": {"zone": "Europe/London", "n": [1, 2.5, None]}}


def _case(store: Store) -> str:
    return raw_case(store, SITUATION)


_note = note_event


def _raw(backend: Backend, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run SQL with the database's own driver, as another tool would (autocommit)."""
    if backend.url is not None:
        with psycopg.connect(backend.url, autocommit=True) as conn:
            cur = conn.execute(sql.replace("?", "%s").encode(), args)
            return cur.fetchall() if cur.description else []
    assert backend.path is not None
    with closing(sqlite3.connect(backend.path, isolation_level=None)) as conn:
        return conn.execute(sql, args).fetchall()


def _raw_script(backend: Backend, script: str) -> None:
    if backend.url is not None:
        with psycopg.connect(backend.url, autocommit=True) as conn:
            conn.execute(script.encode())
        return
    assert backend.path is not None
    with closing(sqlite3.connect(backend.path)) as conn:
        conn.executescript(script)


def test_store_is_a_context_manager_that_closes_itself(backend: Backend) -> None:
    with backend.open() as store:
        case_id = _case(store)
    with pytest.raises(StoreError):
        store.get_case(case_id)


def test_case_and_events_round_trip_in_order(backend: Backend) -> None:
    with backend.open() as store:
        case_id = _case(store)
        store.append_event(case_id, lambda case: _note("first"))
        store.append_event(case_id, lambda case: _note(f"after {len(case.events)} events"))
    with backend.open() as store:
        case = store.get_case(case_id)
    assert [e.kind for e in case.events] == ["planned", "note", "note"]
    assert case.events[2].data == {"text": "after 2 events"}
    assert case.situation == SITUATION and case.plan == {"messages": []}
    assert case.events[0].at == at("2026-11-23T10:40+00:00")
    seqs = [e.seq for e in case.events]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3


def test_the_offset_a_time_was_given_in_is_kept(store: Store) -> None:
    when = at("2026-11-23T05:40-05:00")
    case_id = store.create_case(when, {}, None, NewEvent("planned", when)).id
    assert store.get_case(case_id).events[0].at.isoformat() == "2026-11-23T05:40:00-05:00"


def test_cases_are_listed_oldest_first(store: Store) -> None:
    ids = [_case(store) for _ in range(5)]
    assert [c.id for c in store.list_cases()] == ids


def test_history_is_append_only_even_for_other_tools(backend: Backend) -> None:
    with backend.open() as store:
        _case(store)
    for statement in ("UPDATE events SET kind = 'note'", "DELETE FROM events"):
        with pytest.raises((sqlite3.IntegrityError, psycopg.Error), match="append-only"):
            _raw(backend, statement)
    if backend.url is not None:
        with pytest.raises(psycopg.Error, match="append-only"):
            _raw(backend, "TRUNCATE events CASCADE")
    assert len(_raw(backend, "SELECT seq FROM events")) == 1


def test_unknown_case_id_is_bad_input_naming_the_id(store: Store) -> None:
    for bad in ("nope", "", "x" * 500):
        with pytest.raises(InputError, match="no case") as err:
            store.get_case(bad)
        assert err.value.field == "case"


def test_failing_event_builder_writes_nothing(store: Store) -> None:
    case_id = _case(store)

    def refuse(case: object) -> NewEvent:
        raise StateError("not now")

    with pytest.raises(StateError):
        store.append_event(case_id, refuse)
    assert len(store.get_case(case_id).events) == 1
    store.append_event(case_id, lambda c: _note("still writable"))
    assert len(store.get_case(case_id).events) == 2


def test_fresh_database_records_every_migration_in_order(backend: Backend) -> None:
    with backend.open() as store:
        assert store.schema_version == LATEST
    rows = _raw(backend, "SELECT version, name FROM schema_migrations ORDER BY version")
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_every_migration_is_written_for_both_dialects() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))
    for step in MIGRATIONS:
        assert step.sqlite and step.postgres, step.name
        assert not any("AUTOINCREMENT" in s or "RAISE(ABORT" in s for s in step.postgres)


def _v1(backend: Backend) -> None:
    name = "store_v1.sql" if backend.url is None else "store_v1_postgres.sql"
    _raw_script(backend, (FIXTURES / name).read_text("utf-8"))


def test_the_two_v1_fixtures_hold_the_same_data(backend: Backend) -> None:
    _v1(backend)
    cases = _raw(backend, "SELECT id, created_at FROM cases")
    events = _raw(backend, "SELECT case_id, kind, at FROM events ORDER BY seq")
    assert cases == [("v1case", "2026-11-23T10:40:00+00:00")]
    assert [e[1] for e in events] == ["planned", "contacted", "contacted", "note"]


def test_v1_database_with_data_is_upgraded_in_place_without_loss(backend: Backend) -> None:
    _v1(backend)
    with backend.open() as store:
        assert store.schema_version == LATEST
        case = store.get_case("v1case")
        assert case.plan is None
        assert case.situation["candidate"]["name"] == "Sam Rivera"
        assert [e.kind for e in case.events] == ["planned", "contacted", "contacted", "note"]
        assert case.events[3].data["text"].startswith("Dana's assistant")
        store.append_event("v1case", lambda c: _note("after upgrade", "2026-11-24T09:00+00:00"))
    versions = _raw(backend, "SELECT version FROM schema_migrations ORDER BY version")
    assert versions == [(m.version,) for m in MIGRATIONS]
    with backend.open() as again:  # a second open changes nothing
        assert len(again.get_case("v1case").events) == 5
    with pytest.raises((sqlite3.IntegrityError, psycopg.Error), match="append-only"):
        _raw(backend, "DELETE FROM events")


def test_a_v1_database_lists_its_cases_from_the_index_after_the_upgrade(
    backend: Backend,
) -> None:
    _v1(backend)
    now = at("2026-11-26T09:00+00:00")
    with backend.open() as store:
        page = case_page(store, now, include_closed=True)
        assert [(c.id, c.case.state) for c in page.items] == [("v1case", "awaiting-reply")]
        assert [s.row.step for s in due_page(store, now).items] == [
            "involve-recruiter",
            "follow-up",
        ]
    rows = _raw(backend, "SELECT case_id, state FROM case_index")
    assert rows == [("v1case", "awaiting-reply")]


def test_database_from_a_newer_amends_is_refused_untouched(backend: Backend) -> None:
    with backend.open() as store:
        _case(store)
    _raw(
        backend,
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        (LATEST + 1, "from_the_future", "2030-01-01T00:00:00Z"),
    )
    with pytest.raises(StoreError, match="created by a newer amends") as err:
        backend.open()
    assert "\n" not in str(err.value)
    assert len(_raw(backend, "SELECT * FROM schema_migrations")) == LATEST + 1


def test_someone_elses_database_is_refused(backend: Backend) -> None:
    _raw(backend, "CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not an amends one"):
        backend.open()
    assert _raw(backend, "SELECT count(*) FROM invoices") == [(0,)]


def test_backup_is_a_complete_private_copy(backend: Backend, tmp_path: Path) -> None:
    with backend.open() as store:
        case_id = _case(store)
        store.append_event(case_id, lambda c: _note("kept"))
        store.backup(tmp_path / "backups" / "copy.db")
        with pytest.raises(InputError, match="already exists"):
            store.backup(tmp_path / "backups" / "copy.db")
    copy = tmp_path / "backups" / "copy.db"
    assert copy.stat().st_mode & 0o077 == 0
    with SQLiteStore.open(copy) as restored:
        case = restored.get_case(case_id)
        assert case.events[-1].data == {"text": "kept"} and case.situation == SITUATION
        assert restored._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _import(case_id: str, text: str) -> CaseImport:
    when = at("2026-11-23T10:40+00:00")
    return CaseImport(case_id, when, SITUATION, None, (NewEvent("planned", when), _note(text)))


def test_import_is_idempotent_and_all_or_nothing(store: Store) -> None:
    assert store.import_cases([_import("a1", "x"), _import("b2", "y")]) == (2, 0)
    assert store.import_cases([_import("a1", "x")]) == (0, 1)
    with pytest.raises(StateError, match="a1 already exists"):
        store.import_cases([_import("c3", "z"), _import("a1", "different")])
    assert [c.id for c in store.list_cases()] == ["a1", "b2"]


def test_brief_listing_keeps_only_the_plans_first_action(store: Store) -> None:
    plan = {"first_action": {"channel": "call"}, "messages": [{"kind": "email"}]}
    with_plan = store.create_case(
        at("2026-11-23T10:00Z"), {"a": 1}, plan, NewEvent("planned", at("2026-11-23T10:00Z"))
    )
    without = store.create_case(
        at("2026-11-23T11:00Z"), {"a": 2}, None, NewEvent("planned", at("2026-11-23T11:00Z"))
    )
    brief = {r.id: r for r in store.list_cases(brief=True)}
    assert brief[with_plan.id].plan == {"first_action": {"channel": "call"}}
    assert brief[without.id].plan is None
    assert [r.events for r in brief.values()] == [r.events for r in store.list_cases()]


def test_cases_stream_in_batches_exactly_as_listed(store: Store) -> None:
    for n in range(5):
        moment = at(f"2026-11-23T1{n}:00Z")
        store.create_case(moment, {"n": n}, {"first_action": {}}, NewEvent("planned", moment))
    assert list(store.iter_cases(batch=2)) == store.list_cases()  # type: ignore[call-arg]
