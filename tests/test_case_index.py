"""The case index, on SQLite and PostgreSQL: listings read derived rows that always agree
with replaying every history, pages are SQL pages, stale rows are re-derived, and each
tenant's index is as private as their cases."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from amends.accounts import add_user, delete_account
from amends.cases import case_steps, list_cases, next_steps, summary_json
from amends.cases.case import Case
from amends.cases.indexing import derive
from amends.cases.listing import case_page, due_page, refresh_index
from amends.store import HostedStore, Store
from tests.case_factory import apply, at, new_case, raw_case
from tests.conftest import Backend

NOW = at("2026-11-26T09:00+00:00")
PASSWORD = "correct horse battery"
HISTORIES: list[tuple[tuple[str, str, dict[str, object]], ...]] = [
    (),
    (("contacted", "2026-11-23T10:45+00:00", {"via": "call"}),),
    (
        ("contacted", "2026-11-23T10:45+00:00", {"via": "voicemail"}),
        ("contacted", "2026-11-23T10:50+00:00", {"via": "email"}),
    ),
    (
        ("contacted", "2026-11-23T10:45+00:00", {"via": "email"}),
        ("reply-yes", "2026-11-23T13:00+00:00", {"slot": "2026-11-27 14:00", "mode": "video"}),
    ),
    (
        ("contacted", "2026-11-23T10:45+00:00", {"via": "email"}),
        ("reply-no", "2026-11-23T14:00+00:00", {}),
        ("close", "2026-11-23T14:10+00:00", {}),
    ),
]


def _fill(store: Store, count: int = 10) -> list[str]:
    ids = []
    for n in range(count):
        case = new_case(store, company=f"Company {n}")
        apply(store, case, *HISTORIES[n % len(HISTORIES)])
        ids.append(case.id)
    return ids


def _replayed(store: Store, now: datetime, include_closed: bool) -> list[dict[str, object]]:
    cases = list_cases(store, include_closed=include_closed, brief=True).cases
    return [summary_json(c, case_steps(c, now)) for c in cases]


@pytest.mark.parametrize("closed", [False, True])
def test_the_index_lists_exactly_what_replaying_every_history_gives(
    store: Store, closed: bool
) -> None:
    _fill(store)
    for now in (NOW, NOW + timedelta(days=2), NOW + timedelta(days=9)):
        page = case_page(store, now, include_closed=closed, detail=True)
        assert [c.to_json() for c in page.items] == _replayed(store, now, closed)
        cases = list_cases(store, include_closed=False, brief=True).cases
        due = [s.to_json() for s in due_page(store, now, detail=True).items]
        assert due == [d.to_json() for d in next_steps(cases, now)]


def test_pages_are_sql_slices_with_the_total(store: Store) -> None:
    _fill(store, 7)
    whole = case_page(store, NOW, include_closed=True)
    assert whole.total == 7 and len(whole.items) == 7
    page = case_page(store, NOW, include_closed=True, limit=3, offset=2)
    assert [c.id for c in page.items] == [c.id for c in whole.items[2:5]]
    assert page.total == 7
    assert case_page(store, NOW, include_closed=True, offset=6).items[0].id == whole.items[6].id
    steps = due_page(store, NOW)
    assert [s.row for s in due_page(store, NOW, limit=4, offset=1).items] == [
        s.row for s in steps.items[1:5]
    ]


def test_a_new_event_makes_the_row_stale_and_the_listing_follows_it(store: Store) -> None:
    case = new_case(store)
    assert case_page(store, NOW).items[0].case.state == "planned"
    assert refresh_index(store, NOW) == 0  # fresh rows are not derived again
    apply(store, case, ("contacted", "2026-11-23T10:45+00:00", {"via": "email"}))
    assert refresh_index(store, NOW) == 1
    assert case_page(store, NOW).items[0].case.state == "awaiting-reply"


def test_a_rescheduled_interview_switches_its_steps_when_it_starts(store: Store) -> None:
    case = new_case(store)
    apply(store, case, *HISTORIES[3])
    before = [s.row.step for s in due_page(store, NOW).items]
    assert "join-early" in before and "thank-you" not in before
    after_start = at("2026-11-27T14:30+00:00")
    after = [s.row.step for s in due_page(store, after_start).items]
    assert "thank-you" in after and "join-early" not in after
    assert [s.to_json() for s in due_page(store, after_start, detail=True).items] == [
        d.to_json() for d in case_steps(list_cases(store).cases[0], after_start)
    ]


def test_another_engine_or_wording_derives_every_row_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store, 3)
    refresh_index(store, NOW)
    monkeypatch.setattr("amends.cases.listing.index_key", lambda: "another engine")
    monkeypatch.setattr("amends.cases.indexing.index_key", lambda: "another engine")
    assert refresh_index(store, NOW) == 3
    assert refresh_index(store, NOW) == 0


def test_a_damaged_case_is_reported_not_listed(store: Store) -> None:
    ids = _fill(store, 2)
    broken = raw_case(store, {"not": "a situation"})
    page = case_page(store, NOW, include_closed=True)
    assert [c.id for c in page.items] == ids
    assert [case_id for case_id, _ in page.damaged] == [broken]


def test_each_tenants_index_holds_only_what_they_may_see(store: HostedStore) -> None:
    sam = store.for_user(add_user(store, "sam@example.org", "candidate", PASSWORD, NOW))
    ana_user = add_user(store, "ana@example.org", "candidate", PASSWORD, NOW)
    ana = store.for_user(ana_user)
    coach = store.for_user(add_user(store, "kim@coaching.example", "coach", PASSWORD, NOW))
    sams = _fill(sam, 3)
    anas = _fill(ana, 2)
    assert [c.id for c in case_page(sam, NOW, include_closed=True).items] == sams
    assert [c.id for c in case_page(ana, NOW, include_closed=True).items] == anas
    assert {s.case_id for s in due_page(ana, NOW).items} <= set(anas)
    assert case_page(coach, NOW).total == 0
    sam.share_case(sams[0], "kim@coaching.example", NOW)
    shared = case_page(coach, NOW).items
    assert [(c.id, c.case.owner) for c in shared] == [(sams[0], "sam@example.org")]
    assert delete_account(store, ana_user, PASSWORD, NOW) == 2  # the index goes with the cases
    assert [c.id for c in case_page(store, NOW, include_closed=True).items] == sams


def test_listings_re_deriving_the_same_cases_at_once_never_collide(backend: Backend) -> None:
    with backend.open() as store:
        _fill(store, 4)
    problems: list[BaseException] = []

    def list_repeatedly(n: int) -> None:
        try:
            with backend.open() as mine:
                for k in range(6):
                    # each round at another moment past the interview, so every row is stale
                    rows = [derive(Case(r), NOW) for r in mine.list_cases(brief=True)]
                    mine.put_index(rows)
                    assert len(case_page(mine, NOW + timedelta(minutes=k), True).items) == 4
        except BaseException as exc:
            problems.append(exc)

    threads = [threading.Thread(target=list_repeatedly, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert problems == []
    with backend.open() as store:
        assert case_page(store, NOW, True).total == 4
