"""Slot requests per second on requests never seen, against a naive quarter-hour scan.

The headline is the finder on *fresh* requests: every round draws new random
requests (random zone pairs, dates over three years, so DST weeks included),
each round pinned to its own seed so a run is reproducible, and nothing the
process memoised for earlier requests is about them (per-zone offset tables and
per-country business-day tables are shared, as they are by any two requests
about the same zone and year). The naive scan (``bench/slot_reference.py``) is
the floor, timed the same way on its own fresh requests: it checks every rule
directly and finds the same start times (``tests/test_slots_equality.py``). The
finder as it was before the speed work (``bench/legacy_finder.py``) is shown for
comparison, and the finder on one pool of requests repeated, as a server sees the
same popular zones and dates again. Each rate is given on the wall clock and per
CPU second of this process (under load the wall clock mostly measures the other
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
from bench.timing import goal, median_rate

from amends.slots import SlotRequest, find_slots

GOAL = 3000


def _repeated(requests: list[SlotRequest], run: Callable[[SlotRequest], object]) -> float:
    """Requests per CPU second on the same pool of requests, run again and again."""

    def work() -> int:
        for request in requests:
            run(request)
        return len(requests)

    return median_rate(work, rounds=5, seconds=0.4, clock=time.process_time)


def _fresh(
    cases: int, run: Callable[[SlotRequest], object], seed: int, rounds: int = 5
) -> tuple[float, float]:
    """Requests per second (wall clock, CPU time) on requests never seen: medians of rounds,
    each on ``cases`` new requests drawn with seed ``seed + round``."""
    wall, cpu = [], []
    for n in range(rounds):
        requests = random_requests(cases, seed=seed + n)
        start, start_cpu = time.perf_counter(), time.process_time()
        for request in requests:
            run(request)
        wall.append(len(requests) / (time.perf_counter() - start))
        cpu.append(len(requests) / (time.process_time() - start_cpu))
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    requests = random_requests(cases)
    for request in requests:  # load zone data and holiday tables outside the timing
        find_slots(request)
    # Interleaved, each on its own fresh requests (seeds apart, so none shares a request).
    naive = _fresh(cases, naive_slot_count, seed=2000)
    finder = _fresh(cases, find_slots, seed=1000)
    legacy = _fresh(cases, legacy_finder.find_slots, seed=3000)
    repeated = _repeated(requests, find_slots)
    found = sum(len(r.slots) + len(r.windows) for r in map(find_slots, requests))
    print(f"slot finder: {cases} random requests, {found / cases:.2f} proposals each on average")
    print("  requests/s, never seen before    wall clock   CPU time   (x floor, CPU)")

    def line(label: str, rates: tuple[float, float], extra: str = "") -> None:
        ratio = rates[1] / naive[1]
        print(f"  {label:<32}{rates[0]:8.0f}   {rates[1]:8.0f}   {ratio:5.2f}x{extra}")

    line("naive reference scan (floor)", naive)
    line("finder before issue 18", legacy)
    verdict = "met" if finder[1] >= GOAL else "NOT met"
    line("finder now", finder, f"  goal >= {GOAL}/s (CPU time): {verdict}")
    goal(
        "slot requests/s, never seen",
        f"{finder[1]:.0f} per CPU s ({finder[1] / naive[1]:.2f}x the naive scan)",
        f">= {GOAL}",
        finder[1] >= GOAL,
    )
    print(
        f"  finder now, one pool of {cases} requests repeated: {repeated:.0f} per CPU second"
        " (memoised days and texts)"
    )


if __name__ == "__main__":
    main()
