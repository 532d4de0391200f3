"""Hosted mode in a real browser: sign in, share a case with a coach, the coach's view.

The server is the hosted app on a throwaway PostgreSQL schema, run by uvicorn
in a thread on a free loopback port; the pages are checked with axe-core.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from amends.accounts import add_user
from amends.cases import save_plan
from amends.store.postgres import PostgresStore
from amends.web import create_app
from amends.web.auth import Hosted
from amends.web.context import real_clock
from tests.browser.conftest import PHONE, axe_violations, screenshot, served_in_thread
from tests.case_factory import at, make_plan
from tests.hosted_support import PASSWORD, SECRET
from tests.pg_cluster import Cluster

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hosted_url(pg_cluster: Cluster) -> Iterator[str]:
    with pg_cluster.fresh_schema() as url, PostgresStore.open(url) as store:
        when = at("2026-11-23T09:00+00:00")
        sam = add_user(store, "sam@example.org", "candidate", PASSWORD, when)
        add_user(store, "kim@coaching.example", "coach", PASSWORD, when)
        save_plan(store.for_user(sam), make_plan(company="Harbour Analytics"))
        app = create_app(hosted=Hosted(store, real_clock), csrf_secret=SECRET)
        with served_in_thread(app) as base:
            yield base


@pytest.fixture
def page(browser: Any, hosted_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, base_url=hosted_url)
    tab = context.new_page()
    yield tab
    context.close()


def _sign_in(page: Any, email: str, password: str = PASSWORD) -> None:
    page.fill("#f-email", email)
    page.fill("#f-password", password)
    page.click("button:has-text('Sign in')")


def test_sign_in_share_with_a_coach_and_the_coach_reads_it(page: Any) -> None:
    page.goto("/cases")
    page.wait_for_url("**/sign-in?next=/cases")
    assert axe_violations(page) == []
    screenshot(page, "hosted-sign-in")
    _sign_in(page, "sam@example.org", "not my password")
    assert "Wrong email or password" in page.locator("[role=alert]").inner_text()
    assert page.input_value("#f-email") == "sam@example.org"
    assert page.input_value("#f-password") == ""
    _sign_in(page, "sam@example.org")
    page.wait_for_url("**/cases")
    card = page.locator("article.case").first
    assert "Harbour Analytics" in card.inner_text()
    assert "Only you can see this case" in card.inner_text()
    card.locator("input[name=coach]").fill("kim@coaching.example")
    card.locator("button:has-text('Share')").click()
    page.wait_for_url("**/cases*")
    assert "kim@coaching.example" in page.locator("article.case").first.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "hosted-cases-owner")
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/sign-in")

    _sign_in(page, "kim@coaching.example")
    page.wait_for_url("**/cases")
    card = page.locator("article.case").first
    assert "sam@example.org’s case, shared with you" in card.inner_text()
    # A coach reads the case and adds notes: no outcome to record, only the note form.
    assert card.locator("select[name=event]").count() == 0
    assert card.locator("input[name=event][value=note]").count() == 1
    assert card.locator("input[name=coach]").count() == 0
    assert axe_violations(page) == []
    screenshot(page, "hosted-cases-coach")
