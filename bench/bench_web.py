"""Web routes per second in one process, as a ratio to the app's cheapest route (``GET /api/csrf``).

Requests go through the whole ASGI app in process (security middlewares
included) with Starlette's test client; the floor is measured in the same run,
interleaved, and each figure is the median of several rounds. ``POST /api/plan``
has no ``slot`` times, so the slot finder (and its near-miss search) runs.
Run: ``.venv/bin/python bench/bench_web.py``. Prints figures only.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from fastapi.testclient import TestClient

from bench.timing import goal

from amends.web import create_app

ROUNDS = 5
SECONDS = 0.5
GOAL = 0.5
PLAN: dict[str, Any] = {
    "name": "Sam Patel", "email": "sam@example.org", "company": "Acme",
    "role": "Data Analyst", "interviewer": "Dana Lee", "contact_email": "dana@acme.example",
    "contact_phone": "+44 20 7946 0000", "at": "2026-11-23 10:00", "tz": "Europe/London",
    "my_tz": "America/New_York", "scenario": "missed", "reason": "overslept",
    "now": "2026-11-23T11:30Z",
}  # fmt: skip


def _rate(call: Callable[[], object]) -> float:
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        call()
        done += 1
    return done / (time.perf_counter() - start)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        client = TestClient(
            create_app(db_path=Path(home) / "amends.db"), base_url="http://127.0.0.1:8765"
        )
        token = client.get("/api/csrf").json()["token"]
        headers = {"X-CSRF-Token": token}
        routes: dict[str, Callable[[], object]] = {
            "GET /api/csrf (floor)": lambda: client.get("/api/csrf"),
            "GET /": lambda: client.get("/"),
            "POST /api/plan": lambda: client.post("/api/plan", json=PLAN, headers=headers),
        }
        for call in routes.values():  # warm templates, zone data and holiday tables
            response = call()
            assert getattr(response, "status_code", 0) == 200, response
        found: dict[str, list[float]] = {name: [] for name in routes}
        for _ in range(ROUNDS):
            for name, call in routes.items():
                found[name].append(_rate(call))
    floor = statistics.median(found["GET /api/csrf (floor)"])
    print(f"web routes in one process (medians of {ROUNDS} rounds, interleaved)")
    for name, rates in found.items():
        rate = statistics.median(rates)
        verdict = ""
        if name == "POST /api/plan":
            verdict = f"  goal >= {GOAL}x: {'met' if rate / floor >= GOAL else 'NOT met'}"
        print(f"  {name:<24}{rate:7.0f} req/s  {rate / floor:5.2f}x floor{verdict}")
    plan = statistics.median(found["POST /api/plan"]) / floor
    goal(
        "`POST /api/plan` in one process",
        f"{plan:.2f}x `GET /api/csrf`",
        f">= {GOAL}x",
        plan >= GOAL,
    )


if __name__ == "__main__":
    main()
