"""Proposals per second of the slot finder over random zone pairs, dates and hours.

Run: ``.venv/bin/python bench/bench_slots.py [cases]``. Prints figures only.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime, timedelta

from amends.dates.zones import zone_names
from amends.slots import SlotRequest, find_slots


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _case(rng: random.Random, zones: list[str]) -> SlotRequest:
    start = 360 + rng.randrange(0, 20) * 30
    end = min(1440, start + rng.randrange(4, 10) * 60)
    return SlotRequest(
        now=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 1_500_000)),
        interviewer_tz=rng.choice(zones),
        candidate_tz=rng.choice(zones),
        hours=f"{_clock(start)}-{_clock(end)}",
        days=rng.randrange(1, 11),
        count=rng.randrange(1, 6),
        windows=rng.random() < 0.2,
    )


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rng = random.Random(20261123)
    zones = sorted(zone_names())
    requests = [_case(rng, zones) for _ in range(cases)]
    found = 0
    began = time.perf_counter()
    for request in requests:
        result = find_slots(request)
        found += len(result.slots) + len(result.windows)
    elapsed = time.perf_counter() - began
    print(f"slot finder: {cases} random cases in {elapsed:.2f} s")
    print(f"  {cases / elapsed:.0f} requests/s, {found / elapsed:.0f} proposals/s")
    print(f"  {found / cases:.2f} proposals per request on average")


if __name__ == "__main__":
    main()
