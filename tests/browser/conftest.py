"""A real server on a free loopback port and Debian's Chromium driven by Playwright.

Nothing is downloaded: the browser is ``/usr/bin/chromium`` and axe-core comes
from ``.tools/node_modules`` (``npm install --prefix .tools axe-core@4``).
Both are skipped locally when missing and fail in CI (``need_system``).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import uvicorn

from amends.web import create_app
from tests.conftest import need_system

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# The suite's server and browser share one clock: an ordinary working morning in London
# (a Wednesday, no holiday) plus the real time elapsed since the suite began, so what a
# plan puts first (call during their office hours, e-mail after) never depends on the
# hour the suite happens to run.
SUITE_START = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
_SUITE_T0 = time.monotonic()


def suite_clock() -> datetime:
    """The browser suite's "now" (aware, UTC), flowing from ``SUITE_START``."""
    return (SUITE_START + timedelta(seconds=time.monotonic() - _SUITE_T0)).astimezone(UTC)


ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served_in_thread(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn in a thread on a free loopback port; yield its address."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run ``amends serve``'s app with uvicorn in a thread; yield its address."""
    db = tmp_path_factory.mktemp("web-db") / "amends.db"
    with served_in_thread(create_app(db_path=db, clock=suite_clock)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    need_system("chromium", os.path.exists(CHROMIUM))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Any]:
    """A phone-sized page (390×844) allowed to use the clipboard and to download."""
    context = browser.new_context(viewport=PHONE, base_url=base_url, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    context.clock.install(time=suite_clock())
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: errors.append(f"{msg.text} @ {msg.location}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()


def screenshot(page: Any, name: str) -> None:
    """Save ``name``-phone.png and ``name``-desktop.png of the current page."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(size)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now, CSP still enforced.

    axe is served from a same-origin URL intercepted by Playwright, so the
    page's ``script-src 'self'`` allows it without weakening the policy.
    """
    need_system("axe-core", AXE.exists())
    origin = "/".join(page.url.split("/")[:3])
    url = f"{origin}/__test__/axe.min.js"
    page.route(url, lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    page.add_script_tag(url=url)
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result
    ]
