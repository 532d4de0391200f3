"""The check and cases pages in a real browser: findings, then a case from plan to thank-you."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.test_browser_plan import assert_words_for_people, make_plan, unique_company

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


def _card(page: Any, company: str) -> Any:
    return page.locator("article.case", has_text=company.replace(" <Labs>", ""))


def test_a_case_from_save_to_the_confirmed_interview(phone: Any, tmp_path: Path) -> None:
    company = unique_company("Initech")
    make_plan(phone, company=company)
    phone.click("button:has-text('Save as case')")
    phone.wait_for_url("**/cases?saved=*")
    card = _card(phone, company)
    assert "Next:" in card.inner_text() and "EST" in card.inner_text()
    assert card.locator("button:has-text('They said yes')").count() == 0
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "cases-saved")

    card.locator("button:has-text('I sent the email')").click()
    phone.locator(".notice", has_text="waiting for their reply").wait_for()
    card = _card(phone, company)
    card.locator("summary:has-text('They said yes')").click()
    card.locator("input[name=slot]").fill("2026-12-30T14:00")
    card.locator("input[name=link]").fill("https://meet.example/initech-sam")
    card.locator("button:has-text('Record their yes')").click()
    phone.locator(".notice", has_text="new interview agreed").wait_for()
    card = _card(phone, company)
    meeting = card.locator(".meeting")
    assert "30 December 2026 at 14:00 GMT" in meeting.inner_text()
    assert "https://meet.example/initech-sam" in meeting.inner_text()
    with phone.expect_download() as info:
        meeting.locator("a:has-text('Add the interview')").click()
    target = tmp_path / "interview.ics"
    info.value.save_as(str(target))
    assert list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "cases-rescheduled")

    card.locator("select[name=kind]").select_option("confirmation")
    card.locator("button:has-text('Write it')").click()
    written = _card(phone, company).locator("article.written")
    written.wait_for()
    assert "https://meet.example/initech-sam" in written.inner_text()
    assert "link from your invitation" not in written.inner_text()
    next_title = _card(phone, company).locator(".next-title").inner_text()
    _card(phone, company).locator(".next button:has-text('Mark done')").click()
    phone.locator(".notice", has_text="Marked as done").wait_for()
    assert _card(phone, company).locator(".next-title").inner_text() != next_title
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "cases-confirmation")
    assert phone.console_errors == []


def test_an_action_out_of_turn_is_not_offered_and_errors_sit_in_the_card(phone: Any) -> None:
    company = unique_company("Hooli")
    make_plan(phone, company=company)
    phone.click("button:has-text('Save as case')")
    phone.wait_for_url("**/cases?saved=*")
    card = _card(phone, company)
    kinds = card.locator("select[name=kind] option").all_inner_texts()
    assert "Thank-you note" not in kinds and "Apology email" in kinds
    card.locator("button:has-text('I sent the email')").click()
    phone.locator(".notice", has_text="waiting").wait_for()
    card = _card(phone, company)
    card.locator("summary:has-text('They said yes')").click()
    card.locator("button:has-text('Record their yes')").click()  # no time given
    error = _card(phone, company).locator(".alert")
    error.wait_for()
    assert "new interview time" in error.inner_text()
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "cases-error")


def test_saving_the_same_plan_twice_asks_first(phone: Any) -> None:
    company = unique_company("Vandelay")
    make_plan(phone, company=company)
    phone.click("button:has-text('Save as case')")
    phone.wait_for_url("**/cases?saved=*")
    phone.go_back()
    phone.locator("#result-title").wait_for()
    phone.click("summary:has-text('Change the details')")
    phone.click("button:has-text('Make my plan')")  # the same interview, a new plan
    phone.wait_for_url("**/plan/*")
    phone.click("button:has-text('Save as case')")
    phone.locator(".keep .alert").wait_for()
    assert "saved already" in phone.inner_text(".keep .alert")
    assert axe_violations(phone) == []
    screenshot(phone, "plan-saved-twice")
