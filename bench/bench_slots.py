"""Slot requests per second: the finder against a naive quarter-hour scan measured in the same run.

The naive scan (``bench/slot_reference.py``) is the floor: it checks every rule
directly and finds the same start times (``tests/test_slots_equality.py``).
The finder as it was before the speed work (``bench/legacy_finder.py``) is
shown for comparison. Medians of several rounds over the same random requests
(random zone pairs, dates over three years, so DST weeks included).
Run: ``.venv/bin/python bench/bench_slots.py [requests]``. Prints figures only.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import legacy_finder
from bench.slot_cases import random_requests
from bench.slot_reference import naive_slot_count
from bench.timing import median_rate

from amends.slots import SlotRequest, find_slots

GOAL = 3000


def _per_request(requests: list[SlotRequest], run: Callable[[SlotRequest], object]) -> float:
    def work() -> int:
        for request in requests:
            run(request)
        return len(requests)

    return median_rate(work, rounds=5, seconds=0.5)


def _fresh_rate(cases: int, rounds: int = 5) -> float:
    """Requests per second on requests the process has never seen (medians of ``rounds``).

    The figure above repeats the same requests, as a server sees the same popular
    zones and dates again; here every round is new, so the memoised day windows,
    business days and rendered sentences help only where requests really share them.
    """
    found = []
    for n in range(rounds):
        requests = random_requests(cases, seed=1000 + n)
        start = time.perf_counter()
        for request in requests:
            find_slots(request)
        found.append(len(requests) / (time.perf_counter() - start))
    return statistics.median(found)


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    requests = random_requests(cases)
    for request in requests:  # warm zone data and the holiday tables outside the timing
        find_slots(request)
    naive = _per_request(requests, naive_slot_count)
    finder = _per_request(requests, find_slots)
    legacy = _per_request(requests, legacy_finder.find_slots)
    fresh = _fresh_rate(cases)
    found = sum(len(r.slots) + len(r.windows) for r in map(find_slots, requests))
    print(f"slot finder: {cases} random requests, {found / cases:.2f} proposals each on average")
    print(f"  naive reference scan (floor)   {naive:7.0f} requests/s")
    print(
        f"  finder before issue 18         {legacy:7.0f} requests/s  {legacy / naive:4.2f}x floor"
    )
    verdict = "met" if finder >= GOAL else "NOT met"
    print(
        f"  finder now                     {finder:7.0f} requests/s  {finder / naive:4.2f}x floor"
        f"  goal >= {GOAL}/s: {verdict}"
    )
    print(f"  finder now, requests never seen {fresh:6.0f} requests/s (no memoised days or texts)")


if __name__ == "__main__":
    main()
