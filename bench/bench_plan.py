"""How long a plan takes: end to end through the CLI, and per plan in-process.

Prints figures only (no assertions). Run with ``python3 tasks.py bench`` or
``.venv/bin/python bench/bench_plan.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.plan_cases import MATRIX, request_fields

from amends.dates.slot import Slot
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest

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
        situation = PlanRequest(**request_fields(*case)).to_situation()
        slots = [
            Slot(t, t + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
            for t in situation.slots_requested
        ]
        build_plan(situation, slots).to_json()
        count += 1
    return count, time.perf_counter() - start


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


if __name__ == "__main__":
    main()
