"""`amends serve --hosted`: refusals at start-up, then real worker processes over one
PostgreSQL — any worker accepts any session, concurrent appends to one case all land,
and a worker killed with SIGKILL mid-write loses no committed event."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from amends.accounts import add_user
from amends.store.postgres import PostgresStore
from amends.web.ops import secret_key
from tests.case_factory import at
from tests.conftest import CliRun
from tests.hosted_support import PASSWORD, SECRET
from tests.pg_cluster import Cluster
from tests.web_support import PLAN_BODY

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs fork/exec and SIGKILL")


def _one_line(result: object, needle: str) -> str:
    assert result.exit_code == 2, result.stdout  # type: ignore[attr-defined]
    err = str(result.stderr)  # type: ignore[attr-defined]
    assert err.count("\n") == 1 and "Traceback" not in err and needle in err, err
    return err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["serve", "--hosted"], "--database-url"),
        (["serve", "--hosted", "--db", "x.db"], "--db"),
        (["serve", "--hosted", "--database-url", "x.db"], "--database-url"),
        (["serve", "--workers", "4"], "--hosted"),
        (
            ["serve", "--hosted", "--workers", "0", "--database-url", "postgresql://h/a"],
            "--workers",
        ),
        (["serve", "--database-url", "postgresql://h/a"], "--hosted"),
    ],
)
def test_hosted_serve_refuses_bad_settings_in_one_line(
    cli: CliRun, args: list[str], needle: str
) -> None:
    _one_line(cli(args), needle)


@pytest.mark.parametrize("key", [None, "", "changeme", "a" * 64, "short-but-random-9f3k"])
def test_a_missing_or_weak_secret_key_is_refused(
    cli: CliRun, monkeypatch: pytest.MonkeyPatch, key: str | None
) -> None:
    if key is None:
        monkeypatch.delenv("AMENDS_SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("AMENDS_SECRET_KEY", key)
    line = _one_line(
        cli(["serve", "--hosted", "--database-url", "postgresql://127.0.0.1:9/a"]),
        "$AMENDS_SECRET_KEY",
    )
    assert "secrets.token_urlsafe" in line


def test_a_strong_key_is_accepted() -> None:
    assert secret_key(SECRET.decode()) == SECRET


def test_an_unreachable_database_stops_start_up_in_one_line(
    cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMENDS_SECRET_KEY", SECRET.decode())
    url = "postgresql://amends:pw@127.0.0.1:9/amends?connect_timeout=2"
    line = _one_line(cli(["serve", "--hosted", "--database-url", url]), "unreachable")
    assert "pw@" not in line


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def served(pg_cluster: Cluster) -> Iterator[tuple[str, PostgresStore, subprocess.Popen[str]]]:
    """`amends serve --hosted --workers 2` on a fresh schema, stopped afterwards."""
    with pg_cluster.fresh_schema() as url, PostgresStore.open(url) as store:
        for email in ("sam@example.org", "ana@example.org"):
            add_user(store, email, "candidate", PASSWORD, at("2026-11-23T09:00+00:00"))
        port = _free_port()
        env = {
            **os.environ,
            "AMENDS_SECRET_KEY": SECRET.decode(),
            "PYTHONPATH": str(ROOT / "src"),
        }
        args = ["serve", "--hosted", "--workers", "2", "--port", str(port), "--database-url", url]
        proc = subprocess.Popen(
            [sys.executable, "-c", "from amends.cli import main; main()", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            else:
                pytest.fail("the hosted server did not come up")
            yield base, store, proc
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _new_case(client: httpx.Client) -> str:
    body = {**PLAN_BODY, "now": "2026-11-23T11:30+00:00"}  # the story's own morning
    response = client.post("/api/cases", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _client(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=20)
    token = client.get("/api/csrf").json()["token"]
    client.headers["X-CSRF-Token"] = token
    response = client.post("/api/session", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return client


def test_workers_share_sessions_and_serialise_appends_to_one_case(
    served: tuple[str, PostgresStore, subprocess.Popen[str]],
) -> None:
    base, store, proc = served
    assert len(_children(proc.pid)) >= 2
    with (
        closing(_client(base, "sam@example.org")) as sam,
        closing(_client(base, "ana@example.org")) as ana,
    ):
        _appends_land(base, store, sam, ana)


def _appends_land(base: str, store: PostgresStore, sam: httpx.Client, ana: httpx.Client) -> None:
    case_id = _new_case(sam)
    results: list[int] = []

    def writer(tag: str) -> None:
        with httpx.Client(base_url=base, timeout=20, cookies=sam.cookies, headers=sam.headers) as c:
            for i in range(25):  # new connections: requests spread over both workers
                body = {"event": "note", "text": f"{tag}-{i}"}
                results.append(c.post(f"/api/cases/{case_id}/record", json=body).status_code)

    threads = [threading.Thread(target=writer, args=(t,)) for t in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [200] * 50
    texts = [e.data["text"] for e in store.get_case(case_id).events[1:]]
    assert sorted(texts) == sorted(f"{t}-{i}" for t in "ab" for i in range(25))
    assert ana.get(f"/api/cases/{case_id}").status_code == 404


def test_a_worker_killed_mid_write_loses_no_committed_event(
    served: tuple[str, PostgresStore, subprocess.Popen[str]],
) -> None:
    base, store, proc = served
    with closing(_client(base, "sam@example.org")) as sam:
        _kill_a_worker(base, store, proc, sam)


def _kill_a_worker(
    base: str, store: PostgresStore, proc: subprocess.Popen[str], sam: httpx.Client
) -> None:
    case_id = _new_case(sam)
    answered: list[str] = []
    stop = threading.Event()

    def writer(tag: str) -> None:
        i = 0
        while not stop.is_set() and i < 2000:
            text = f"{tag}-{i}"
            i += 1
            try:
                with httpx.Client(base_url=base, timeout=10, cookies=sam.cookies) as c:
                    c.headers.update(sam.headers)
                    r = c.post(f"/api/cases/{case_id}/record", json={"event": "note", "text": text})
                if r.status_code == 200:
                    answered.append(text)
            except httpx.HTTPError:
                pass  # the killed worker's request: it may or may not have committed

    def wait_for(count: int) -> None:  # bounded: a loaded machine is slow, not stuck
        deadline = time.monotonic() + 60
        while len(answered) < count and time.monotonic() < deadline:
            time.sleep(0.05)

    threads = [threading.Thread(target=writer, args=(t,)) for t in "ab"]
    for t in threads:
        t.start()
    wait_for(5)  # both writers are really writing
    victims = _children(proc.pid)
    assert victims
    os.kill(victims[0], signal.SIGKILL)
    before = len(answered)
    wait_for(before + 10)  # writes go on through the other worker and its replacement
    stop.set()
    for t in threads:
        t.join(timeout=60)
    stored = [e.data["text"] for e in store.get_case(case_id).events[1:]]
    assert len(answered) >= before + 10, "writes did not go on after the kill"
    assert set(answered) <= set(stored)
    assert len(stored) == len(set(stored))  # nothing written twice
    # the service is still there (the supervisor replaces the dead worker)
    assert httpx.get(base + "/healthz", timeout=10).status_code == 200
    assert (
        sam.post(
            f"/api/cases/{case_id}/record", json={"event": "note", "text": "after"}
        ).status_code
        == 200
    )
