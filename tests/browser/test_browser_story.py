"""The "What happened?" story box in a real browser at phone size.

Rules protected (issue 15): the plan page opens with one story box; submitting it
fills the form, marks what was understood and asks only for what is still missing,
before any plan; the result is announced and focused; nothing is guessed for a
story without an interview in it; the flow ends in a plan.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.web_support import visible_problems

pytestmark = pytest.mark.browser
# Company names no other browser test uses (the server's store is shared).
_companies = itertools.cycle(["Storyhouse Alder", "Storyhouse Birch", "Storyhouse Cedar"])


def tell(page: Any, story: str) -> None:
    """Type the story into the box (and the person's zone when asked) and send it."""
    page.goto("/plan")
    page.fill("#f-story", story)
    if page.locator("#f-story-my-tz").count():
        page.fill("#f-story-my-tz", "Europe/London")
    page.click("button:has-text('Fill in the form from this')")
    page.locator("#story-result").wait_for()


def complete_story(company: str) -> str:
    return (
        f"missed my zoom interview with Dana Lee for the data analyst role at {company} "
        "an hour ago, my alarm didnt go off. her email is dana@acme.example. they are in London"
    )


def test_the_plan_page_opens_with_one_what_happened_box(phone: Any) -> None:
    phone.goto("/plan")
    box = phone.locator("#f-story")
    assert box.is_visible()
    assert phone.inner_text("label[for=f-story]") == "What happened?"
    # The story box comes before the form's first field.
    assert phone.evaluate(
        "document.querySelector('#f-story').compareDocumentPosition("
        "document.querySelector('#f-company')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def test_a_story_fills_the_form_and_marks_what_was_understood(phone: Any) -> None:
    company = next(_companies)
    tell(phone, complete_story(company))
    result = phone.locator("#story-result")
    assert phone.evaluate("document.activeElement.id") == "story-result"
    assert result.get_attribute("role") == "status"
    understood = result.inner_text()
    assert "What we understood" in understood and company in understood
    assert phone.input_value("#f-company") == company
    assert phone.input_value("#f-role") == "Data Analyst"
    assert phone.input_value("#f-tz") == "Europe/London"
    assert phone.input_value("#f-contact_email") == "dana@acme.example"
    assert phone.input_value("#f-scenario") == "missed"
    assert phone.input_value("#f-reason") == "overslept"
    for field in ("company", "role", "tz", "contact_email"):
        marked = phone.locator(f".field:has(#f-{field})")
        assert "understood" in (marked.get_attribute("class") or "")
    # Nothing about the interview is asked again: the story told it all.
    assert "Still needed" not in understood
    assert visible_problems(phone.inner_text("body")) == []
    assert axe_violations(phone) == []
    screenshot(phone, "plan-story-understood")
    assert phone.console_errors == []


def test_a_story_asks_only_for_what_it_leaves_open(phone: Any) -> None:
    tell(phone, "i missed my interview this morning, overslept")
    result = phone.locator("#story-result")
    text = result.inner_text()
    assert "Still needed" in text and "Which company is the interview with?" in text
    assert "What was the main reason?" not in text  # the story said it: overslept
    asked = phone.locator(".field:has(#f-company)")
    assert "asked" in (asked.get_attribute("class") or "")
    result.locator("a", has_text="Which company").click()
    assert phone.evaluate("location.hash") == "#f-company"
    assert axe_violations(phone) == []
    screenshot(phone, "plan-story-asks")
    assert phone.console_errors == []


def test_a_story_without_an_interview_in_it_fills_nothing(phone: Any) -> None:
    tell(phone, "hello, what is the weather like")
    text = phone.inner_text("#story-result")
    assert "Nothing about an interview could be read from that yet." in text
    assert phone.input_value("#f-company") == ""
    assert phone.input_value("#f-role") == ""
    assert phone.console_errors == []


def test_an_empty_story_is_one_clear_problem_on_the_box(phone: Any) -> None:
    phone.goto("/plan")
    phone.fill("#f-story", "   ")
    if phone.locator("#f-story-my-tz").count():
        phone.fill("#f-story-my-tz", "Europe/London")
    phone.click("button:has-text('Fill in the form from this')")
    error = phone.locator("#f-story-error")
    error.wait_for()
    assert "describe what happened" in error.inner_text()
    assert phone.locator("#f-story").get_attribute("aria-invalid") == "true"
    assert [e for e in phone.console_errors if "status of 422" not in e] == []


def test_a_story_then_the_missing_details_make_the_plan(phone: Any) -> None:
    company = next(_companies)
    tell(phone, complete_story(company))
    about = phone.locator("details.group", has=phone.locator("#f-name"))
    if about.get_attribute("open") is None:
        about.locator("summary").click()
    phone.fill("#f-name", "Sam Patel")
    phone.fill("#f-email", "sam@example.org")
    phone.fill("#f-my_tz", "Europe/London")
    phone.click("button:has-text('Make my plan')")
    phone.wait_for_url("**/plan/*")
    phone.locator("#result-title").wait_for()
    assert phone.title().startswith(f"Your plan: Data Analyst at {company}")
    assert phone.inner_text("#result-title") == "Send the email now"  # missed, email first
    assert "Dear Dana," in phone.content()  # the email, in its tab
    assert phone.console_errors == []
