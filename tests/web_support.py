"""Shared helpers for the web tests: an in-process client with a session token.

Starlette warns at import time when its test client runs on ``httpx`` rather
than ``httpx2``; the warning is about packaging, not our code, so it is
silenced for that one import (the suite runs with ``-W error``).
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from fastapi.testclient import TestClient

from amends.cases import KINDS, STATES
from amends.cases.engine import STEP_KEYS
from amends.cases.machine import TRANSITION_EVENTS
from amends.plan.situation import SCENARIOS
from amends.web import create_app

BASE = "http://127.0.0.1:8765"
NOW = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)

# A missed interview this morning in London, noticed at 11:30 UTC.
PLAN_BODY: dict[str, Any] = {
    "name": "Sam Patel",
    "email": "sam@example.org",
    "phone": "+1 212 555 0100",
    "company": "Acme",
    "role": "Data Analyst",
    "interviewer": "Dana Lee",
    "contact_email": "dana@acme.example",
    "contact_phone": "+44 20 7946 0000",
    "at": "2026-11-23 10:00",
    "tz": "Europe/London",
    "my_tz": "America/New_York",
    "scenario": "missed",
    "reason": "overslept",
    "slot": ["2026-11-25 14:00", "2026-11-26 10:00"],
}


def make_client(db_path: Path | None = None, **kwargs: Any) -> TestClient:
    """A client on the loopback base URL, clock fixed at :data:`NOW`."""
    kwargs.setdefault("clock", lambda: NOW)
    app = create_app(db_path=db_path, **kwargs)
    return TestClient(app, base_url=BASE)


def token(client: TestClient) -> str:
    """Start a session (cookie) and return its CSRF token."""
    response = client.get("/api/csrf")
    assert response.status_code == 200
    value = response.json()["token"]
    assert isinstance(value, str)
    return value


def form_token(html: str) -> str:
    """The CSRF token embedded in a page's forms."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "page has no CSRF field"
    return found.group(1)


def api_headers(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": token(client), "Origin": BASE}


# Codes people should never read on a page: hyphenated state, event, step, message and
# channel codes, and the CLI's spoken "reply yes|no". Hyphenated English words are fine.
ENGLISH = {"follow-up", "thank-you", "stay-in-touch", "in-person", "follow-ups"}


def raw_codes() -> set[str]:
    """Every code of the core that is not also an English word."""
    codes = {*STATES, *TRANSITION_EVENTS, *STEP_KEYS, *KINDS, *SCENARIOS}
    codes |= {"call-voicemail-email", "phone-script", "email-with-reason", "recruiter-email"}
    codes |= {"alternative-mode", "contact_email", "contact_phone", "my_tz", "contact_role"}
    return {c for c in codes if ("-" in c or "_" in c) and c not in ENGLISH} | {"reply yes"}


def visible_problems(text: str) -> list[str]:
    """Command-line leftovers in text a person reads: ``--flag``, backticks, raw codes."""
    problems = [m.group(0) for m in re.finditer(r"--[A-Za-z]", text)]
    problems += ["`"] if "`" in text else []
    lowered = text.lower()
    problems += sorted(
        code for code in raw_codes() if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", lowered)
    )
    return problems


class _Visible(HTMLParser):
    """The text of a page a person can see (no scripts, styles, datalists or attributes)."""

    HIDDEN = frozenset({"script", "style", "datalist", "template", "head"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.parts)
