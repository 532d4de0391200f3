"""Hosted mode and the plan's own address: a draft is its maker's, as a case is."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.hosted_support import HostedSite, hosted_site
from tests.pg_cluster import Cluster
from tests.web_support import PLAN_BODY, form_token


@pytest.fixture
def site(pg_cluster: Cluster) -> Iterator[HostedSite]:
    with hosted_site(pg_cluster) as s:
        yield s


def test_another_user_cannot_open_save_or_discard_my_plan(site: HostedSite) -> None:
    sam = site.signed_in("sam@example.org")
    token = form_token(sam.get("/plan").text)
    made = sam.post("/plan", data={**PLAN_BODY, "csrf_token": token}, follow_redirects=False)
    assert made.status_code == 303
    address = made.headers["location"]
    assert re.fullmatch(r"/plan/[A-Za-z0-9_-]+", address)
    assert sam.get(address).status_code == 200

    ana = site.signed_in("ana@example.org")
    ana_token = form_token(ana.get("/plan").text)
    assert ana.get(address).status_code == 404
    assert ana.get(f"{address}/follow-up.ics").status_code == 404
    assert ana.post(f"{address}/save", data={"csrf_token": ana_token}).status_code == 404
    ana.post(f"{address}/discard", data={"csrf_token": ana_token})
    assert sam.get(address).status_code == 200  # still Sam's

    saved = sam.post(f"{address}/save", data={"csrf_token": token}, follow_redirects=False)
    assert saved.status_code == 303 and "saved=" in saved.headers["location"]
