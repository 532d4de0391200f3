"""How long a plan takes: end to end through the CLI, and per plan in-process.

In process, plans are built two ways over the whole test matrix: with the
user's own slot times (``build_plan``, no search) and with no slot times
(``make_plan``, so the slot finder and its near-miss search run, as for most
people). Prints figures only (no assertions). Run with ``python3 tasks.py bench``
or ``.venv/bin/python bench/bench_plan.py``. For the cold start as a ratio to
``python3 -c pass`` see ``bench_coldstart.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import goal
from tests.plan_cases import MATRIX, request_fields

from amends.dates.slot import Slot
from amends.plan.builder import build_plan, make_plan
from amends.plan.request import PlanRequest

GOAL_PLANS = 1000

CLI_ARGS = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Data Analyst",
    "--interviewer", "Dana Lee", "--contact-email", "dana@acme.example",
    "--contact-phone", "+44 20 7946 0000", "--at", "2026-11-23 10:00", "--tz", "Europe/London",
    "--my-tz", "America/New_York", "--scenario", "missed", "--reason", "overslept",
    "--slot", "2026-11-25 14:00", "--now", "2026-11-23T10:40Z", "--format", "json",
]  # fmt: skip


def end_to_end(runs: int = 5) -> list[float]:
    exe = Path(sys.executable).with_name("amends")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), *CLI_ARGS], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def in_process() -> tuple[int, float]:
    start = time.perf_counter()
    count = 0
    for case in MATRIX:
        situation = PlanRequest.from_values(request_fields(*case)).to_situation()
        slots = [
            Slot(t, t + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
            for t in situation.slots_requested
        ]
        build_plan(situation, slots).to_json()
        count += 1
    return count, time.perf_counter() - start


def with_finder(clock: Callable[[], float] = time.perf_counter) -> tuple[int, float]:
    """Plans per matrix case with no slot times given: the finder proposes them.

    ``clock=time.process_time`` counts this process's CPU time: on the shared machine
    the wall clock mostly measures the other processes.
    """
    requests = [
        PlanRequest.from_values({k: v for k, v in request_fields(*case).items() if k != "slot"})
        for case in MATRIX
    ]
    start = clock()
    for request in requests:
        make_plan(request).to_json()
    return len(requests), clock() - start


def main() -> None:
    times = end_to_end()
    print(
        f"amends plan --format json, end to end: median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f} ms, {len(times)} runs, includes interpreter start-up)"
    )
    in_process()  # warm caches (templates, catalogues, zone data)
    tracemalloc.start()
    count, seconds = in_process()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"in-process: {count} plans in {seconds:.2f} s = {seconds / count * 1000:.2f} ms per plan "
        f"({count / seconds:.0f} plans/s), peak traced memory {peak / 1e6:.1f} MB"
    )
    with_finder()  # warm the holiday tables
    runs = [with_finder() for _ in range(3)]
    rate = statistics.median(n / t for n, t in runs)
    cpu_runs = [with_finder(time.process_time) for _ in range(3)]
    cpu_rate = statistics.median(n / t for n, t in cpu_runs)
    verdict = "met" if cpu_rate >= GOAL_PLANS else "NOT met"
    print(
        f"in-process, finder included (make_plan, no --slot): {rate:.0f} plans/s wall clock, "
        f"{cpu_rate:.0f} plans per CPU second (medians of {len(runs)} runs)  "
        f"goal >= {GOAL_PLANS}/s (CPU time): {verdict}"
    )
    goal(
        "plans/s in process, finder included",
        f"{cpu_rate:.0f} per CPU s",
        f">= {GOAL_PLANS}",
        cpu_rate >= GOAL_PLANS,
    )


if __name__ == "__main__":
    main()
