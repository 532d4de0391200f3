"""The check and cases pages in a real browser: highlighted findings, recording an outcome."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.test_browser_plan import _fill_plan_form

pytestmark = pytest.mark.browser
DRAFT = "Hi Dana,\nSorry, my alarm didn't go off and the traffic was terrible.\nSam"


def test_check_a_draft_and_see_the_highlighted_span(phone: Any) -> None:
    phone.goto("/check")
    assert axe_violations(phone) == []
    screenshot(phone, "check-form")
    phone.fill("#f-text", DRAFT)
    phone.click("button:has-text('Check draft')")
    phone.locator("#check-result-title").wait_for()
    marks = phone.locator(".draft mark")
    assert marks.count() >= 1
    assert marks.first.inner_text().strip() in DRAFT
    assert phone.locator("#finding-1").is_visible()
    assert axe_violations(phone) == []
    screenshot(phone, "check-result")
    assert phone.console_errors == []


def test_save_a_case_and_record_an_outcome(phone: Any) -> None:
    _fill_plan_form(phone)
    phone.click("button:has-text('Make my plan')")
    phone.locator("#result-title").wait_for()
    phone.click("button:has-text('Save as case')")
    phone.wait_for_url("**/cases?saved=*")
    card = phone.locator("article.case").last
    assert "Data Analyst" in card.inner_text()
    assert axe_violations(phone) == []
    screenshot(phone, "cases")
    card.locator("select[name=event]").select_option("contacted")
    card.locator("select[name=via]").select_option("email")
    card.locator("button:has-text('Record')").click()
    phone.locator(".notice", has_text="awaiting-reply").wait_for()
    card = phone.locator("article.case").last
    card.locator("select[name=kind]").select_option("apology-email")
    card.locator("button:has-text('Write it')").click()
    phone.locator("#followup-body").wait_for()
    assert "Dana" in phone.inner_text("#followup-body")
    assert axe_violations(phone) == []
    screenshot(phone, "cases-followup")
    assert phone.console_errors == []
