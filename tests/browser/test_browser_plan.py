"""The plan flow in a real browser at phone size: errors, the plan's own address, first action."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.browser.conftest import axe_violations, screenshot, suite_clock
from tests.web_support import visible_problems

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")
_companies = itertools.count(1)


def unique_company(stem: str = "Acme") -> str:
    """A company name no other browser test uses (the server's store is shared)."""
    return f"{stem} {next(_companies)} <Labs>"


def fill_plan_form(page: Any, company: str | None = None, phone_number: bool = True) -> str:
    """Fill the plan form for an interview missed 40 minutes ago; returns the company."""
    company = company or unique_company()
    start = (suite_clock() - timedelta(minutes=40)).astimezone(LONDON)
    if "/plan" not in page.url or "/plan/" in page.url:
        page.goto("/plan")
    page.select_option("#f-scenario", "missed")
    page.select_option("#f-reason", "overslept")
    page.fill("#f-company", company)
    page.fill("#f-role", "Data Analyst")
    page.fill("#f-at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#f-tz", "Europe/London")
    page.fill("#f-interviewer", "Dana Lee")
    page.fill("#f-contact_email", "dana@acme.example")
    page.fill("#f-contact_phone", "+44 20 7946 0000" if phone_number else "")
    about = page.locator("details.group", has=page.locator("#f-name"))
    if about.get_attribute("open") is None:  # collapsed once the profile is remembered
        about.locator("summary").click()
    page.fill("#f-name", "Sam Patel")
    page.fill("#f-email", "sam@example.org")
    page.fill("#f-my_tz", "America/New_York")
    return company


def make_plan(page: Any, **kwargs: Any) -> str:
    """Fill the form, press "Make my plan" and wait for the plan's own page; returns its path."""
    fill_plan_form(page, **kwargs)
    page.click("button:has-text('Make my plan')")
    page.wait_for_url("**/plan/*")
    page.locator("#result-title").wait_for()
    return str(page.url.split("://", 1)[1].split("/", 1)[1])


def assert_words_for_people(page: Any) -> None:
    assert visible_problems(page.inner_text("body")) == []


def test_an_empty_form_shows_every_problem_at_once_with_a_linked_summary(phone: Any) -> None:
    phone.goto("/plan")
    phone.click("button:has-text('Make my plan')")
    summary = phone.locator("#form-errors")
    summary.wait_for()
    assert phone.evaluate("document.activeElement.id") == "form-errors"
    links = summary.locator("a")
    assert links.count() >= 5
    assert "Their time zone" in summary.inner_text()
    for field in ("tz", "company", "role", "at", "reason", "name"):
        assert phone.locator(f"#f-{field}-error").is_visible()
    summary.locator("a", has_text="Their time zone").click()
    assert phone.evaluate("location.hash") == "#f-tz"
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "plan-errors")
    assert [e for e in phone.console_errors if "status of 422" not in e] == []


def test_the_plan_has_its_own_address_that_survives_reload_and_back(phone: Any) -> None:
    phone.goto("/plan")
    screenshot(phone, "plan-form")
    assert axe_violations(phone) == []
    path = make_plan(phone)
    assert path.startswith("plan/") and len(path) > 10
    script = phone.inner_text("#msg-0-body")
    phone.reload()
    phone.locator("#result-title").wait_for()
    assert phone.inner_text("#msg-0-body") == script
    phone.go_back()
    phone.locator("#form-title").wait_for()
    phone.go_forward()
    phone.locator("#result-title").wait_for()
    assert phone.inner_text("#msg-0-body") == script
    assert phone.console_errors == []


def test_do_this_first_holds_the_call_button_the_clock_and_what_to_say(
    phone: Any, tmp_path: Path
) -> None:
    company = unique_company()
    make_plan(phone, company=company)
    card = phone.locator(".first-action")
    button = card.locator("a.button.big")
    assert button.get_attribute("href") == "tel:+442079460000"
    assert "+44 20 7946 0000" in button.inner_text()
    box = button.bounding_box()
    assert box and box["y"] + box["height"] < 844  # on the first screen of a phone
    assert "left" in card.locator(".countdown").inner_text()
    assert "Sam Patel" in card.locator(".say").inner_text()
    # The user's own words come back as text, never as markup (the email to the
    # interviewer names the role; the company stays in "Change the details").
    assert phone.locator("#f-company").input_value() == company
    assert phone.locator("main labs").count() == 0
    assert phone.locator("details.change").get_attribute("open") is None
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "plan-call-first")

    with phone.expect_download() as info:
        phone.click("a:has-text('Add holds and reminders to my calendar')")
    target = tmp_path / "plan.ics"
    info.value.save_as(str(target))
    assert list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert phone.console_errors == []


def test_an_email_first_plan_opens_the_email_in_the_mail_app(phone: Any) -> None:
    make_plan(phone, phone_number=False)
    button = phone.locator(".first-action a.button.big")
    assert (button.get_attribute("href") or "").startswith("mailto:dana@acme.example?subject=")
    assert "Subject" in phone.inner_text(".first-action .say")
    assert axe_violations(phone) == []
    screenshot(phone, "plan-email-first")


def test_messages_are_tabs_and_the_email_versions_a_switch(phone: Any) -> None:
    make_plan(phone)
    panels = phone.locator("[data-panel]")
    assert panels.count() >= 3
    assert phone.locator("[data-panel]:visible").count() == 1  # one message at a time
    phone.click("nav.tabs a:has-text('Voicemail')")
    assert phone.locator("#tab-voicemail").is_visible()
    assert not phone.locator("#tab-phone-script").is_visible()
    phone.locator("nav.tabs").get_by_role("link", name="Email", exact=True).click()
    email = phone.locator("#tab-email")
    assert email.locator("article.message:visible").count() == 1
    short = email.locator("article.message:visible .msg-body").inner_text()
    email.locator("button:has-text('With the reason')").click()
    assert email.locator("button:has-text('With the reason')").get_attribute("aria-pressed") == (
        "true"
    )
    assert email.locator("article.message:visible .msg-body").inner_text() != short
    email.locator("article.message:visible button:has-text('Copy text')").click()
    email.locator("button.copied").wait_for()
    copied = phone.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == email.locator("article.message:visible .msg-body").inner_text().strip()
    assert axe_violations(phone) == []
    screenshot(phone, "plan-email-tab")
    assert phone.console_errors == []


def test_the_plan_page_is_two_columns_on_a_desktop(phone: Any) -> None:
    make_plan(phone)
    phone.set_viewport_size({"width": 1280, "height": 900})
    messages = phone.locator("section.messages").bounding_box()
    side = phone.locator("aside.side").bounding_box()
    assert messages and side
    assert side["x"] > messages["x"] + messages["width"] - 1  # beside, not below
    assert abs(side["y"] - messages["y"]) < 60


def test_the_plan_flow_works_with_javascript_off(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url, viewport=None)
    try:
        page = context.new_page()
        page.goto("/plan")
        page.click("button:has-text('Make my plan')")
        page.locator("#form-errors").wait_for()
        assert page.locator(".error").count() >= 5
        path = make_plan(page)
        page.reload()
        page.locator("#result-title").wait_for()
        assert path in page.url
        assert page.locator("[data-panel]:visible").count() >= 3  # every message readable
        assert page.locator("button.copy:visible").count() == 0  # copy needs JS: hidden
        page.click("button:has-text('Save as case')")
        page.wait_for_url("**/cases?saved=*")
        assert page.locator("article.case .notice").count() == 1
        page.go_back()
        page.locator("#result-title").wait_for()
        assert "Saved as a case" in page.inner_text(".keep")
    finally:
        context.close()
