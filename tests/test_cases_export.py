"""Export and import move everything, losslessly; the career log shows lessons and safeguards."""

from __future__ import annotations

import copy
import json
from contextlib import closing
from typing import Any

import pytest

from amends.cases import career_log, career_log_markdown, export_all, import_all, load_cases
from amends.errors import InputError, StateError
from amends.store import SQLiteStore, Store
from tests.case_factory import apply, at, new_case

NOW = at("2026-12-01T09:00+00:00")


def _fill(store: Store) -> None:
    apply(
        store,
        new_case(store),
        ("contacted", "2026-11-23T10:45+00:00", {"via": "voicemail"}),
        ("contacted", "2026-11-23T11:00+00:00", {"via": "email"}),
        (
            "reply-yes",
            "2026-11-24T09:00+00:00",
            {"slot": "2026-11-27 14:00", "link": "https://x.example/m"},
        ),
        ("promised", "2026-11-27T15:00+00:00", {"text": "the case study"}),
        ("interviewed", "2026-11-27T15:05+00:00", {}),
        ("lesson", "2026-11-27T18:00+00:00", {"text": "Put interviews in both zones"}),
        ("safeguard", "2026-11-27T18:01+00:00", {"text": "two-device-reminders"}),
        ("note", "2026-11-27T18:02+00:00", {"text": "Zürich office — ünïcode kept"}),
    )
    apply(
        store,
        new_case(
            store,
            company="Globex",
            tz="Asia/Tokyo",
            now="2026-11-23T02:00+00:00",
            at="2026-11-23 10:00",
        ),
        ("contacted", "2026-11-23T02:10+00:00", {"via": "email"}),
        ("reply-no", "2026-11-24T02:00+00:00", {}),
        ("close", "2026-11-25T02:00+00:00", {}),
    )


def _roundtrip(document: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(document, ensure_ascii=False))


def test_export_then_import_loses_nothing(store: Store) -> None:
    _fill(store)
    exported = _roundtrip(export_all(store, NOW))
    with closing(SQLiteStore.memory()) as other:
        assert import_all(other, exported) == (2, 0)
        again = export_all(other, NOW)
        assert again == exported
        states = [c.state for c in load_cases(other)]
    assert states == ["interviewed", "closed"]


def test_importing_the_same_file_twice_adds_nothing(store: Store) -> None:
    _fill(store)
    exported = _roundtrip(export_all(store, NOW))
    assert import_all(store, exported) == (0, 2)
    assert len(store.list_cases()) == 2


def test_a_conflicting_case_stops_the_whole_import(store: Store) -> None:
    _fill(store)
    exported = _roundtrip(export_all(store, NOW))
    changed = copy.deepcopy(exported)
    changed["cases"][1]["events"][-1]["at"] = "2026-11-26T02:00:00+00:00"
    with closing(SQLiteStore.memory()) as other:
        import_all(other, {**exported, "cases": exported["cases"][1:]})
        with pytest.raises(StateError, match="already exists"):
            import_all(other, changed)
        assert len(other.list_cases()) == 1


def _broken(exported: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(exported)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("format",), "something-else", "not an amends export"),
        (("version",), 99, "not supported"),
        (("cases",), "nope", "no list of cases"),
        (("cases", 0, "id"), "../etc", "letters or digits"),
        (("cases", 0, "situation", "interview", "tz"), "Mars/Base", "invalid situation"),
        (("cases", 0, "events", 1, "kind"), "teleported", "unexpected event"),
        (("cases", 0, "events", 1, "at"), "2026-11-23 10:45", "time with offset"),
        (("cases", 0, "events", 2, "at"), "2026-11-20T10:00:00+00:00", "not in time order"),
        (
            ("cases", 0, "events", 4),
            {"kind": "thanked", "at": "2026-11-27T15:00:00+00:00", "data": {}},
            "not a valid lifecycle",
        ),
        (("cases", 0, "events", 3, "data"), {}, "missing its data"),
    ],
)
def test_a_bad_export_file_is_refused_and_adds_nothing(
    store: Store, path: tuple[Any, ...], value: Any, message: str
) -> None:
    _fill(store)
    exported = _roundtrip(export_all(store, NOW))
    with closing(SQLiteStore.memory()) as other:
        with pytest.raises(InputError, match=message) as err:
            import_all(other, _broken(exported, path, value))
        assert err.value.field == "file"
        assert other.list_cases() == []


def test_career_log_lists_lessons_adopted_and_suggested_safeguards(store: Store) -> None:
    _fill(store)
    log = career_log(load_cases(store))
    first = log["entries"][0]
    assert [i["text"] for i in first["lessons"]] == ["Put interviews in both zones"]
    assert first["safeguards"][0]["id"] == "two-device-reminders"
    assert all("two separate devices" not in s for s in first["suggested"])
    assert first["suggested"]  # the catalogue's other safeguards for oversleeping
    markdown = career_log_markdown(load_cases(store))
    assert markdown.startswith("# Career log\n")
    assert "## Data Analyst at Acme" in markdown and "- Put interviews in both zones" in markdown
    assert "## Data Analyst at Globex" in markdown and "None recorded yet." in markdown


def test_empty_career_log_says_how_cases_start(store: Store) -> None:
    assert "amends plan ... --save" in career_log_markdown([])
    assert career_log([]) == {"entries": []}
