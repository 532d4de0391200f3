"""The web case list comes in pages (``/cases?page=N``, ``/api/cases?limit=&offset=``),
read from the case index, in personal and in hosted (tenant-isolated) mode alike."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amends.cases import save_plan
from amends.store.sqlite import SQLiteStore
from amends.web import services
from tests.case_factory import make_plan
from tests.hosted_support import hosted_site
from tests.pg_cluster import Cluster
from tests.web_support import PLAN_BODY, make_client


def _cases_on(html: str) -> list[str]:
    return re.findall(r'<article class="card case[^"]*" id="case-([a-z0-9]+)"', html)


def _saved(db: Path, count: int) -> list[str]:
    with SQLiteStore.open(db) as store:
        return [save_plan(store, make_plan(company=f"Company {n}")) for n in range(count)]


def test_the_api_case_list_is_paged_by_limit_and_offset_with_the_total(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    ids = _saved(db, 5)
    client = make_client(db_path=db)
    whole = client.get("/api/cases").json()
    assert [c["id"] for c in whole["cases"]] == ids and whole["total"] == 5
    page = client.get("/api/cases", params={"limit": 2, "offset": 2}).json()
    assert page["cases"] == whole["cases"][2:4] and page["total"] == 5
    assert client.get("/api/cases", params={"offset": 5}).json()["cases"] == []
    for bad in ({"limit": 0}, {"offset": -1}, {"limit": "many"}):
        assert client.get("/api/cases", params=bad).status_code == 422


def test_the_cases_page_shows_one_page_of_cards_and_links_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cases.db"
    ids = _saved(db, 5)
    monkeypatch.setattr(services, "CARDS_PER_PAGE", 2)
    client = make_client(db_path=db)
    first = client.get("/cases").text
    assert len(_cases_on(first)) == 2
    assert "Page 1 of 3" in first and 'href="/cases?page=2"' in first
    assert 'rel="prev"' not in first
    seen = [
        case_id for n in (1, 2, 3) for case_id in _cases_on(client.get(f"/cases?page={n}").text)
    ]
    assert sorted(seen) == sorted(ids)  # every case once, on exactly one page
    last = client.get("/cases?page=3").text
    assert 'href="/cases?page=2"' in last and 'rel="next"' not in last
    assert client.get("/cases?page=0").status_code == 422
    assert _cases_on(client.get("/cases?page=9").text) == []


def test_a_just_saved_case_is_shown_whichever_page_it_would_be_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cases.db"
    ids = _saved(db, 4)
    monkeypatch.setattr(services, "CARDS_PER_PAGE", 1)
    client = make_client(db_path=db)
    html = client.get(f"/cases?saved={ids[0]}").text
    assert ids[0] in _cases_on(html) and "Saved. This is your case now." in html


def test_hosted_case_pages_hold_only_the_users_own_cases(pg_cluster: Cluster) -> None:
    with hosted_site(pg_cluster) as site:
        sam = site.signed_in("sam@example.org")
        ana = site.signed_in("ana@example.org")
        sams = [sam.post("/api/cases", json=PLAN_BODY).json()["id"] for _ in range(3)]
        anas = [ana.post("/api/cases", json=PLAN_BODY).json()["id"] for _ in range(2)]
        for client, own in ((sam, sams), (ana, anas)):
            listed = client.get("/api/cases", params={"limit": 2}).json()
            assert listed["total"] == len(own)
            assert [c["id"] for c in listed["cases"]] == own[:2]
            rest = client.get("/api/cases", params={"limit": 2, "offset": 2}).json()
            assert [c["id"] for c in rest["cases"]] == own[2:]
            assert set(_cases_on(client.get("/cases").text)) == set(own)
