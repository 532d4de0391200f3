"""Listings at scale: brief plan snapshots give the same answers, pages split them exactly."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from amends.cases import (
    case_steps,
    export_all,
    export_text,
    load_cases,
    next_steps,
    save_plan,
    summary_json,
)
from amends.store.opening import open_store
from amends.store.sqlite import SQLiteStore
from tests.case_factory import make_plan
from tests.conftest import CliRun

NOW = "2026-11-26T09:00+00:00"


def test_brief_listing_gives_the_same_summaries_and_next_steps(store: SQLiteStore) -> None:
    for company in ("Acme", "Globex", "Initech"):
        save_plan(store, make_plan(company=company))
    now = datetime.fromisoformat(NOW)
    full = load_cases(store)
    brief = load_cases(store, brief=True)
    assert [summary_json(c, case_steps(c, now)) for c in brief] == [
        summary_json(c, case_steps(c, now)) for c in full
    ]
    assert next_steps(brief, now) == next_steps(full, now)
    assert all(set(c.record.plan or {}) == {"first_action"} for c in brief)


def test_cases_and_next_pages_are_slices_of_the_whole_list(cli: CliRun) -> None:
    with open_store() as store:
        for n in range(5):
            save_plan(store, make_plan(company=f"Company {n}"))

    def listed(*args: str) -> list[object]:
        result = cli(["cases", "--format", "json", "--now", NOW, *args])
        assert result.exit_code == 0, result.stderr
        cases: list[object] = json.loads(result.stdout)["cases"]
        return cases

    whole = listed()
    assert len(whole) == 5
    assert listed("--limit", "2") == whole[:2]
    assert listed("--limit", "2", "--offset", "2") == whole[2:4]
    assert listed("--offset", "4") == whole[4:]
    due = json.loads(cli(["next", "--format", "json", "--now", NOW]).stdout)["due"]
    page = json.loads(cli(["next", "--format", "json", "--now", NOW, "--limit", "3"]).stdout)
    assert page["due"] == due[:3]
    assert cli(["cases", "--limit", "0"]).exit_code == 2


def test_streamed_export_is_exactly_the_whole_document(store: SQLiteStore) -> None:
    now = datetime.fromisoformat(NOW)
    for count in (0, 1, 3):
        text = "".join(export_text(store, now))
        assert text == json.dumps(export_all(store, now), ensure_ascii=False, indent=2) + "\n"
        assert len(json.loads(text)["cases"]) == count
        save_plan(store, make_plan(company=f"Company {count}"))
        if count == 1:
            save_plan(store, make_plan(company="Extra"))


def test_cases_are_streamed_in_batches_with_every_event(store: SQLiteStore) -> None:
    for n in range(5):
        save_plan(store, make_plan(company=f"Company {n}"))
    assert list(store.iter_cases(batch=2)) == store.list_cases()


def test_export_to_a_file_streams_and_counts_the_cases(cli: CliRun, tmp_path: Path) -> None:
    with open_store() as store:
        for n in range(3):
            save_plan(store, make_plan(company=f"Company {n}"))
    target = tmp_path / "export.json"
    result = cli(["export", str(target), "--now", NOW])
    assert result.exit_code == 0, result.stderr
    assert "Exported 3 cases" in result.stdout + result.stderr
    assert len(json.loads(target.read_text("utf-8"))["cases"]) == 3
    assert cli(["export", str(target), "--now", NOW]).exit_code == 2  # never overwritten
