"""Concurrent writers to one case are never falsely refused as "before the last event":
"now" is read inside the write transaction, through the CLI and the web API alike."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import BASE, PLAN_BODY, make_client

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec")
PAST = {**PLAN_BODY, "now": "2026-01-05T10:40+00:00", "at": "2026-01-05 10:00", "slot": []}


def _client(db: Path) -> Any:
    return make_client(db_path=db, clock=lambda: datetime.now(UTC))


def _case(db: Path) -> str:
    client = _client(db)
    headers = {"X-CSRF-Token": client.get("/api/csrf").json()["token"], "Origin": BASE}
    made = client.post("/api/cases", json=PAST, headers=headers)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def test_parallel_api_records_on_one_case_are_all_accepted(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    case = _case(db)
    refused: list[str] = []

    # Each app is made and asked once here, one after the other: FastAPI builds its routes
    # on the first request, muting a pydantic warning with warnings.catch_warnings(), which
    # is not thread-safe — four apps doing that at once can unmute it for each other.
    clients = {tag: _client(db) for tag in "abcd"}
    tokens = {tag: c.get("/api/csrf").json()["token"] for tag, c in clients.items()}

    def writer(tag: str) -> None:
        client = clients[tag]
        headers = {"X-CSRF-Token": tokens[tag], "Origin": BASE}
        for i in range(20):
            body = {"event": "note", "text": f"{tag}-{i}"}
            answer = client.post(f"/api/cases/{case}/record", json=body, headers=headers)
            if answer.status_code != 200:
                refused.append(answer.text)

    threads = [threading.Thread(target=writer, args=(t,)) for t in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert refused == []
    events = _client(db).get(f"/api/cases/{case}").json()["events"]
    assert len(events) == 1 + 80
    times = [e["at"] for e in events]
    assert [datetime.fromisoformat(t) for t in times] == sorted(
        datetime.fromisoformat(t) for t in times
    )


def test_parallel_cli_records_without_now_are_all_accepted(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    case = _case(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "AMENDS_HOME": str(tmp_path / "h")}
    script = (
        "import sys\nfrom amends.cli import main\n"
        "for i in range(6):\n"
        "    try:\n"
        "        main(['case', 'record', sys.argv[1], 'note', '--text', f'{sys.argv[2]}-{i}',"
        " '--db', sys.argv[3], '--format', 'json'])\n"
        "    except SystemExit as exc:\n"
        "        if exc.code: raise\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, case, tag, str(db)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in "abc"
    ]
    results = [proc.communicate(timeout=180) for proc in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err  # never "before this case's last event"
        assert out.count('"kind": "note"') == 6
    events = _client(db).get(f"/api/cases/{case}").json()["events"]
    assert sorted(e["data"]["text"] for e in events[1:]) == sorted(
        f"{t}-{i}" for t in "abc" for i in range(6)
    )
