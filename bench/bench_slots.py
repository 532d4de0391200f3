"""Slot requests per second: the finder against a naive quarter-hour scan measured in the same run.

The naive scan (``bench/slot_reference.py``) is the floor: it checks every rule
directly and finds the same start times (``tests/test_slots_equality.py``).
The finder as it was before the speed work (``bench/legacy_finder.py``) is
shown for comparison. Medians of several rounds over the same random requests
(random zone pairs, dates over three years, so DST weeks included).
Each rate is given on the wall clock and per CPU second of this process (the
machine is shared: under load the wall clock mostly measures the other
processes); the goal is judged on CPU time, the ratios to the floor on both.
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


def _per_request(
    requests: list[SlotRequest],
    run: Callable[[SlotRequest], object],
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    def work() -> int:
        for request in requests:
            run(request)
        return len(requests)

    return median_rate(work, rounds=5, seconds=0.4, clock=clock)


def _rates(
    requests: list[SlotRequest], run: Callable[[SlotRequest], object]
) -> tuple[float, float]:
    """Requests per second on the wall clock and per CPU second."""
    return _per_request(requests, run), _per_request(requests, run, time.process_time)


def _fresh_rate(cases: int, rounds: int = 5) -> float:
    """Requests per CPU second on requests the process has never seen (medians of ``rounds``).

    The figure above repeats the same requests, as a server sees the same popular
    zones and dates again; here every round is new, so the memoised day windows,
    business days and rendered sentences help only where requests really share them.
    """
    found = []
    for n in range(rounds):
        requests = random_requests(cases, seed=1000 + n)
        start = time.process_time()
        for request in requests:
            find_slots(request)
        found.append(len(requests) / (time.process_time() - start))
    return statistics.median(found)


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    requests = random_requests(cases)
    for request in requests:  # warm zone data and the holiday tables outside the timing
        find_slots(request)
    naive = _rates(requests, naive_slot_count)
    finder = _rates(requests, find_slots)
    legacy = _rates(requests, legacy_finder.find_slots)
    fresh = _fresh_rate(cases)
    found = sum(len(r.slots) + len(r.windows) for r in map(find_slots, requests))
    print(f"slot finder: {cases} random requests, {found / cases:.2f} proposals each on average")
    print("  requests/s                       wall clock   CPU time   (x floor, CPU)")

    def line(label: str, rates: tuple[float, float], extra: str = "") -> None:
        ratio = rates[1] / naive[1]
        print(f"  {label:<32}{rates[0]:8.0f}   {rates[1]:8.0f}   {ratio:5.2f}x{extra}")

    line("naive reference scan (floor)", naive)
    line("finder before issue 18", legacy)
    verdict = "met" if finder[1] >= GOAL else "NOT met"
    line("finder now", finder, f"  goal >= {GOAL}/s (CPU time): {verdict}")
    print(f"  finder now, requests never seen {fresh:18.0f}   (no memoised days or texts)")


if __name__ == "__main__":
    main()
