"""Shared helpers for the web tests: an in-process client with a session token.

Starlette warns at import time when its test client runs on ``httpx`` rather
than ``httpx2``; the warning is about packaging, not our code, so it is
silenced for that one import (the suite runs with ``-W error``).
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from fastapi.testclient import TestClient

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
    app = create_app(db_path=db_path, clock=lambda: NOW, **kwargs)
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
