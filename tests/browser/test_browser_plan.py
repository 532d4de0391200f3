"""The plan flow in a real browser at phone size: form, plan, copy, downloads, accessibility."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.browser.conftest import axe_violations, screenshot

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")


def _fill_plan_form(page: Any) -> None:
    start = (datetime.now(UTC) - timedelta(minutes=40)).astimezone(LONDON)
    page.goto("/plan")
    page.select_option("#f-scenario", "missed")
    page.select_option("#f-reason", "overslept")
    page.fill("#f-company", "Acme <Labs>")
    page.fill("#f-role", "Data Analyst")
    page.fill("#f-at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#f-tz", "Europe/London")
    page.fill("#f-interviewer", "Dana Lee")
    page.fill("#f-contact_email", "dana@acme.example")
    page.fill("#f-contact_phone", "+44 20 7946 0000")
    about = page.locator("details.group", has=page.locator("#f-name"))
    if about.get_attribute("open") is None:  # collapsed once the profile is remembered
        about.locator("summary").click()
    page.fill("#f-name", "Sam Patel")
    page.fill("#f-email", "sam@example.org")
    page.fill("#f-my_tz", "America/New_York")
    page.click("text=More options")
    page.fill("#f-slot-1", (start + timedelta(days=3)).strftime("%Y-%m-%dT10:00"))


def test_plan_form_to_plan_with_copy_and_calendar_download_on_a_phone(
    phone: Any, tmp_path: Path
) -> None:
    _fill_plan_form(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "plan-form")
    phone.click("button:has-text('Make my plan')")
    heading = phone.locator("#result-title")
    heading.wait_for()
    assert "Do this first" in heading.inner_text()
    assert phone.evaluate("document.activeElement.id") == "result-title"
    assert "Acme <Labs>" in phone.inner_text("main")  # shown as text, not markup
    assert "left" in phone.inner_text(".countdown")
    assert "seconds spoken" in phone.inner_text("#msg-0")

    email = phone.locator("article.message", has_text="Subject:").first
    email.locator("button:has-text('Copy text')").click()
    email.locator("button.copied").wait_for()
    copied = phone.evaluate("navigator.clipboard.readText()")
    body = email.locator(".msg-body").inner_text()
    assert copied.strip() == body.strip()
    assert "Sam Patel" in copied
    assert email.locator("a[href^='mailto:dana@acme.example']").count() == 1
    assert phone.locator("a[href='tel:+442079460000']").count() >= 1

    with phone.expect_download() as info:
        phone.click("button:has-text('Download calendar (.ics)')")
    download = info.value
    target = tmp_path / "plan.ics"
    download.save_as(str(target))
    calendar = Calendar.from_ical(target.read_bytes())
    assert list(calendar.walk("VEVENT"))

    assert axe_violations(phone) == []
    screenshot(phone, "plan-result")
    assert phone.console_errors == []


def test_invalid_field_is_marked_beside_the_field_with_input_kept(phone: Any) -> None:
    _fill_plan_form(phone)
    phone.fill("#f-tz", "Europe/Londn")
    phone.click("button:has-text('Make my plan')")
    error = phone.locator("#f-tz-error")
    error.wait_for()
    assert "Europe/London" in error.inner_text()  # suggests the right zone
    assert phone.input_value("#f-company") == "Acme <Labs>"
    assert phone.input_value("#f-tz") == "Europe/Londn"
    assert axe_violations(phone) == []
    screenshot(phone, "plan-error")


def test_plan_form_works_with_javascript_disabled(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url, viewport=None)
    try:
        page = context.new_page()
        _fill_plan_form(page)
        page.click("button:has-text('Make my plan')")
        page.wait_for_selector("#result-title")
        assert "Do this first" in page.inner_text("#result-title")
        assert page.locator("button.copy:visible").count() == 0  # copy needs JS: hidden
    finally:
        context.close()
