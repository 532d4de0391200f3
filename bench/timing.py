"""Shared measuring helpers for the benchmarks: floors, medians, ratios and child memory.

The machine is shared, so absolute times drift from one minute to the next.
Every benchmark therefore measures a *floor* in the same run (``python3 -c pass``
for a cold start, the cheapest route for the web, a naive scan for the slot
finder), interleaves it with what is measured, and reports medians and the
ratio to the floor. Nothing here asserts: the scripts print figures.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FLOOR = (sys.executable, "-c", "pass")


@dataclass(frozen=True)
class Run:
    """One child process: wall time in seconds and peak resident memory in MB."""

    seconds: float
    peak_mb: float


# Measures one command from a fresh, small interpreter: a child forked straight from a
# benchmark would report the benchmark's own memory as its peak (Linux counts the pages
# a child inherits until it execs), so every command is started by this wrapper.
_WRAPPER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
elapsed = time.perf_counter() - start
print(os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss)
"""


def installed_env(home: str, **extra: str) -> dict[str, str]:
    """The environment of a cold start as an installed amends sees it: with bytecode.

    ``pip install`` compiles every module, so a user's run reads ``.pyc`` files; a
    shell with ``PYTHONDONTWRITEBYTECODE`` (as on the development machine) would
    recompile amends' own modules on every run and measure that instead. The
    bytecode goes to a private folder in ``home`` (written by the warm-up round).
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "AMENDS_HOME": home, "PYTHONPYCACHEPREFIX": str(Path(home) / "pycache"), **extra}


def run_child(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` to completion, discarding its output; its wall time and peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *argv], capture_output=True, text=True, env=env
    )
    code, seconds, peak = done.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(argv)}")
    return Run(float(seconds), int(peak) / 1024)


def cold_starts(
    commands: dict[str, Sequence[str]], runs: int = 7, env: dict[str, str] | None = None
) -> tuple[float, dict[str, list[Run]]]:
    """Median floor time and every run of each command, interleaved round by round."""
    floor: list[float] = []
    found: dict[str, list[Run]] = {name: [] for name in commands}
    run_child(FLOOR)  # warm the file cache before the first round
    for argv in commands.values():
        run_child(argv, env)
    for _ in range(runs):
        floor.append(run_child(FLOOR).seconds)
        for name, argv in commands.items():
            found[name].append(run_child(argv, env))
    return statistics.median(floor), found


def report_cold(
    title: str, floor: float, runs: dict[str, list[Run]], goals: dict[str, float]
) -> None:
    """Print each command's median, its ratio to the floor, peak memory and the goal."""
    print(f"{title} (medians of {len(next(iter(runs.values())))} runs, interleaved)")
    print(f"  floor `python3 -c pass`: {floor * 1000:.0f} ms")
    for name, found in runs.items():
        median = statistics.median(r.seconds for r in found)
        peak = max(r.peak_mb for r in found)
        limit = goals.get(name)
        verdict = ""
        if limit is not None:
            verdict = f"  goal <= {limit:g}x: {'met' if median / floor <= limit else 'NOT met'}"
        print(
            f"  {name:<34}{median * 1000:7.0f} ms  {median / floor:5.1f}x floor"
            f"  peak {peak:5.0f} MB{verdict}"
        )
    for name, found in runs.items():
        if name in goals:
            ratio = statistics.median(r.seconds for r in found) / floor
            wanted = f"<= {goals[name]:g}x `python3 -c pass`"
            goal(f"`{name}` cold", f"{ratio:.1f}x", wanted, ratio <= goals[name])


def rate(
    work: Callable[[], int], seconds: float = 1.0, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Units of work per second: call ``work`` (returning units done) for ``seconds``.

    ``clock=time.process_time`` counts this process's CPU time instead of wall time:
    on a machine shared by several busy processes the wall clock mostly measures the
    others, while the CPU time spent is what the work itself costs.
    """
    done = 0
    start = clock()
    while True:
        done += work()
        elapsed = clock() - start
        if elapsed >= seconds:
            return done / elapsed


def median_rate(
    work: Callable[[], int],
    rounds: int = 5,
    seconds: float = 0.6,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """The median of several :func:`rate` measurements."""
    return statistics.median(rate(work, seconds, clock) for _ in range(rounds))


GOAL_MARK = "GOAL"


def goal(what: str, figure: str, wanted: str, met: bool) -> None:
    """Print one of issue 18's goals as a tab-separated record ``tasks.py bench`` collects
    into its final table (``GOAL<TAB>what<TAB>figure<TAB>goal<TAB>met``)."""
    print("\t".join((GOAL_MARK, what, figure, wanted, "met" if met else "NOT met")), flush=True)
