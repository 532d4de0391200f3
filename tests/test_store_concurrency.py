"""Two processes writing at once, and writers killed mid-write, lose nothing.

Writers are real processes (``subprocess`` + ``SIGKILL``), because the
guarantees under test are SQLite's file locking and fsync, not Python's.
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

from amends.store import NewEvent, SQLiteStore
from tests.case_factory import at

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec and SIGKILL")

WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from amends.store import NewEvent, SQLiteStore

path, case_id, tag, count = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = SQLiteStore.open(path)
for i in range(count):
    event = NewEvent("note", datetime(2026, 11, 23, tzinfo=UTC), {"text": f"{tag}-{i}"})
    record = store.append_event(case_id, lambda case: event)
    print(record.seq, flush=True)
store.close()
"""


def _writer(path: Path, case_id: str, tag: str, count: int) -> subprocess.Popen[str]:
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), case_id, tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _new_case(path: Path) -> str:
    with closing(SQLiteStore.open(path)) as store:
        when = at("2026-11-23T10:40+00:00")
        return store.create_case(when, {}, None, NewEvent("planned", when)).id


def _texts(path: Path, case_id: str) -> list[str]:
    with closing(SQLiteStore.open(path)) as store:
        return [str(e.data["text"]) for e in store.get_case(case_id).events[1:]]


def test_two_processes_writing_at_once_both_land_every_event(tmp_path: Path) -> None:
    path = tmp_path / "amends.db"
    case_id = _new_case(path)
    writers = [_writer(path, case_id, tag, 150) for tag in ("a", "b")]
    for proc in writers:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert len(out.split()) == 150
    texts = _texts(path, case_id)
    assert sorted(texts) == sorted(f"{t}-{i}" for t in "ab" for i in range(150))
    # each writer's events stay in its own order
    assert [t for t in texts if t.startswith("a-")] == [f"a-{i}" for i in range(150)]


def test_killing_writers_mid_write_keeps_every_committed_event(tmp_path: Path) -> None:
    path = tmp_path / "amends.db"
    case_id = _new_case(path)
    rng = random.Random(6)
    committed: set[int] = set()
    deadline = time.monotonic() + 12
    kills = 0
    while kills < 20 and time.monotonic() < deadline:
        proc = _writer(path, case_id, f"k{kills}", 100_000)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it is really writing
        committed.update(int(x) for x in first.split())
        time.sleep(rng.uniform(0.0, 0.08))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=10)
        committed.update(int(x) for x in out.split())
        kills += 1
    assert kills >= 5
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in raw.execute("SELECT seq FROM events")}
    assert committed, "the writers committed nothing before being killed"
    assert committed <= stored
    # and the store still opens and writes normally afterwards
    with closing(SQLiteStore.open(path)) as store:
        store.append_event(case_id, lambda c: NewEvent("note", at("2026-11-24T09:00+00:00"), {}))
