"""Two processes writing at once, and writers killed mid-write, lose nothing — on both backends.

Writers are real processes (``subprocess`` + ``SIGKILL``), because the
guarantees under test are the database's locking and durability (SQLite's file
locks and fsync; PostgreSQL's row locks and commits), not Python's.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from amends.cases import load_case, save_plan
from amends.store import NewEvent
from tests.case_factory import at, make_plan
from tests.conftest import Backend

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec and SIGKILL")

ROOT = Path(__file__).resolve().parents[1]

# A writer appends `count` notes; with "clock" it records them through the case
# logic with the real clock, which refuses an event older than the last one.
WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from amends.cases import EventInput, record
from amends.store import NewEvent
from amends.store.opening import open_store

target, case_id, tag, count, mode = sys.argv[1:6]
db, url = (None, target) if target.startswith("postgresql") else (Path(target), None)
with open_store(db, url) as store:
    for i in range(int(count)):
        if mode == "clock":
            given = EventInput(kind="note", now=datetime.now(UTC), text=f"{tag}-{i}")
            _, stored = record(store, case_id, given, lambda: datetime.now(UTC))
        else:
            event = NewEvent("note", datetime(2026, 11, 23, tzinfo=UTC), {"text": f"{tag}-{i}"})
            stored = store.append_event(case_id, lambda case: event)
        print(stored.seq, flush=True)
"""


def _target(backend: Backend) -> str:
    return backend.url if backend.url is not None else str(backend.path)


def _writer(
    backend: Backend, case_id: str, tag: str, count: int, mode: str = "fixed"
) -> subprocess.Popen[str]:
    path = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, _target(backend), case_id, tag, str(count), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )


def _new_case(backend: Backend) -> str:
    # "now" of the plan lies in the past, so notes stamped with the real clock follow it
    with backend.open() as store:
        return save_plan(store, make_plan(now="2026-01-05T10:40+00:00", at="2026-01-05 10:00"))


def _texts(backend: Backend, case_id: str) -> list[str]:
    with backend.open() as store:
        return [str(e.data["text"]) for e in store.get_case(case_id).events[1:]]


@pytest.mark.parametrize("mode", ["fixed", "clock"])
def test_two_processes_appending_to_one_case_land_every_event_in_order(
    backend: Backend, mode: str
) -> None:
    case_id = _new_case(backend)
    writers = [_writer(backend, case_id, tag, 120, mode) for tag in ("a", "b")]
    for proc in writers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err  # never refused as "before the last event"
        assert len(out.split()) == 120
    texts = _texts(backend, case_id)
    assert sorted(texts) == sorted(f"{t}-{i}" for t in "ab" for i in range(120))
    for tag in "ab":  # each writer's events stay in its own order
        assert [t for t in texts if t.startswith(f"{tag}-")] == [f"{tag}-{i}" for i in range(120)]
    with backend.open() as store:
        times = [e.at for e in store.get_case(case_id).events]
        if mode == "clock":
            assert times == sorted(times)  # history order is time order
        assert load_case(store, case_id).state == "planned"


def test_killing_writers_mid_write_keeps_every_committed_event(backend: Backend) -> None:
    case_id = _new_case(backend)
    rng = random.Random(6)
    committed: set[int] = set()
    deadline = time.monotonic() + 90  # a bound on a loaded machine; 12 kills take seconds
    kills = 0
    while kills < 12 and time.monotonic() < deadline:
        proc = _writer(backend, case_id, f"k{kills}", 100_000)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it is really writing
        committed.update(int(x) for x in first.split())
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        committed.update(int(x) for x in out.split())
        kills += 1
    assert kills >= 5
    with backend.open() as store:
        stored = {e.seq for e in store.get_case(case_id).events}
        assert committed, "the writers committed nothing before being killed"
        assert committed <= stored
        # and the store still writes normally afterwards
        store.append_event(case_id, lambda c: NewEvent("note", at("2026-11-24T09:00+00:00"), {}))
    if backend.path is not None:
        with closing(sqlite3.connect(backend.path)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
