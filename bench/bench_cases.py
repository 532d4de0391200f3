"""``amends cases``, ``amends next`` and ``amends export`` on a store of 10,000 cases.

Each command runs cold in a fresh process, interleaved with ``python3 -c pass``
(the floor), medians of several runs, with its peak resident memory. The store
is built once per run from a handful of real plans: cases in several states
(planned, contacted, awaiting a reply, rescheduled, closed), each with its full
history. Run: ``.venv/bin/python bench/bench_cases.py [cases] [runs]``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import BIN, cold_starts, goal, report_cold, run_child

from amends.cases import save_plan
from amends.plan.builder import make_plan
from amends.plan.request import PlanRequest
from amends.plan.stored import situation_json
from amends.store import CaseImport, NewEvent, SQLiteStore

AMENDS = str(BIN / "amends")
GOALS = {"amends cases": 30, "amends next": 30}
MB_GOAL = 150
NOW = "2026-11-26T09:00Z"
BASE = {
    "name": "Sam Patel", "email": "sam@example.org", "phone": "+1 212 555 0100",
    "company": "Acme", "role": "Data Analyst", "interviewer": "Dana Lee",
    "contact_email": "dana@acme.example", "contact_phone": "+44 20 7946 0000",
    "at": "2026-11-23 10:00", "tz": "Europe/London", "my_tz": "America/New_York",
    "scenario": "missed", "reason": "overslept", "now": "2026-11-23T10:40Z",
}  # fmt: skip
HISTORIES: list[list[tuple[str, int, dict[str, object]]]] = [
    [],
    [("contacted", 5, {"via": "call"})],
    [("contacted", 5, {"via": "voicemail"}), ("contacted", 9, {"via": "email"})],
    [
        ("contacted", 5, {"via": "email"}),
        (
            "reply-yes",
            120,
            {
                "start": "2026-11-27T14:00:00+00:00",
                "end": "2026-11-27T15:00:00+00:00",
                "mode": "video",
            },
        ),
    ],
    [("contacted", 5, {"via": "email"}), ("reply-no", 200, {}), ("close", 210, {})],
]


def build_store(path: Path, count: int) -> None:
    """``count`` cases cycling through a few companies and histories, in one transaction."""
    with SQLiteStore.memory() as scratch:
        plans = [
            make_plan(PlanRequest.from_values({**BASE, "company": f"Company {n}"}))
            for n in range(5)
        ]
        template = scratch.get_case(save_plan(scratch, plans[0]))
    cases = []
    for n in range(count):
        plan = plans[n % len(plans)]
        first = NewEvent(template.events[0].kind, template.events[0].at, template.events[0].data)
        events = [first] + [
            NewEvent(kind, first.at + timedelta(minutes=minutes), data)
            for kind, minutes, data in HISTORIES[n % len(HISTORIES)]
        ]
        cases.append(
            CaseImport(
                f"c{n:05d}",
                first.at,
                situation_json(plan.situation),
                plan.to_json(),
                tuple(events),
            )
        )
    with SQLiteStore.open(path) as store:
        store.import_cases([replace(c) for c in cases])


def main() -> None:
    if sys.argv[1:2] == ["--build"]:  # in a child, so the measuring process stays small
        build_store(Path(sys.argv[2]), int(sys.argv[3]))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as home:
        db = Path(home) / "amends.db"
        # A forked child's peak memory counts the parent's pages until it execs:
        # building the store here would add its size to every figure.
        subprocess.run([sys.executable, __file__, "--build", str(db), str(count)], check=True)
        env = dict(os.environ, AMENDS_HOME=home, AMENDS_DB=str(db), NO_COLOR="1")
        commands = {
            "amends cases": [AMENDS, "cases", "--now", NOW],
            "amends next": [AMENDS, "next", "--now", NOW],
            "amends cases --format json": [AMENDS, "cases", "--now", NOW, "--format", "json"],
            "amends next --limit 20": [AMENDS, "next", "--now", NOW, "--limit", "20"],
            "amends export -": [AMENDS, "export", "-", "--now", NOW],
        }
        # The first listing derives every case's index row (as after an import or an
        # upgrade); it is measured once, then every command must succeed on this store.
        first = run_child(commands["amends cases"], env)
        for argv in commands.values():
            subprocess.run(argv, env=env, check=True, capture_output=True)
        floor, found = cold_starts(commands, runs, env)
    report_cold(f"cases with {count:,} stored cases", floor, found, GOALS)
    print(f"  memory goal for cases/next: <= {MB_GOAL} MB")
    for name in GOALS:
        peak = max(r.peak_mb for r in found[name])
        goal(
            f"`{name}`, 10,000 cases, memory", f"{peak:.0f} MB", f"<= {MB_GOAL} MB", peak <= MB_GOAL
        )
    export = found["amends export -"]
    peak = max(r.peak_mb for r in export)
    streamed = peak <= MB_GOAL
    goal("`amends export -`, 10,000 cases", f"peak {peak:.0f} MB", "streamed", streamed)
    print(
        f"  first listing after the store was filled (derives the whole index once): "
        f"{first.seconds * 1000:.0f} ms, {first.seconds / floor:.0f}x floor, "
        f"peak {first.peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
