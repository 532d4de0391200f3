"""Hosted mode under load: requests/s and p99 at 32 concurrent clients, loopback only.

Three servers, each a real `amends serve` process on 127.0.0.1:

* SQLite, single process (the personal install; no sign-in),
* PostgreSQL, hosted, 1 worker,
* PostgreSQL, hosted, 4 workers,

each measured on two workloads: ``POST /api/plan`` (CPU: the whole first-hour
plan) and case writes (``POST /api/cases/{id}/record``, one case per client:
a row lock, an insert and a commit each). PostgreSQL is a throwaway cluster
started for the run (``tests/pg_cluster.py``) and removed afterwards. Loops are
bounded (a fixed number of requests per client). Prints figures only.

Run with ``python3 tasks.py bench`` or ``.venv/bin/python bench/bench_hosted.py
[--requests N]``. On a small shared machine the clients compete with the
workers for the same cores; read the figures side by side, not absolutely.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
from tests.pg_cluster import start_cluster
from tests.web_support import PLAN_BODY

from amends.accounts import add_user
from amends.store.postgres import PostgresStore

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 32
PASSWORD = "bench passphrase 42"
SECRET = "bench-only-3Jx9qLw2Zr7Tn4Vb8Yp1Hs6Md0Fc5Ge"
BODY = {**PLAN_BODY, "now": "2026-11-23T11:30+00:00"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(args: list[str], env: dict[str, str]) -> Iterator[str]:
    """A running `amends serve …` on a free loopback port; stopped on exit."""
    with server_process(args, env) as (base, _):
        yield base


@contextmanager
def server_process(args: list[str], env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """A running `amends serve …` on a free loopback port and its process id."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from amends.cli import main; main()", *args, "--port", str(port)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/static/app.css", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not start: " + " ".join(args))
        yield base, proc.pid
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _session(base: str, email: str | None) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=60)
    client.headers["X-CSRF-Token"] = client.get("/api/csrf").json()["token"]
    if email is not None:
        signed = client.post("/api/session", json={"email": email, "password": PASSWORD})
        signed.raise_for_status()
    return client


def load(
    clients: list[httpx.Client], per_client: int, call: Callable[[httpx.Client, int], int]
) -> tuple[float, float, int]:
    """Run ``per_client`` calls on every client at once: (requests/s, p99 ms, failures)."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()

    def worker(n: int) -> None:
        nonlocal failures
        for _ in range(per_client):
            start = time.perf_counter()
            status = call(clients[n], n)
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
                failures += status >= 400

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(clients))]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000 if len(latencies) > 1 else 0.0
    return len(latencies) / elapsed, p99, failures


def measure(base: str, email: str | None, per_client: int) -> dict[str, tuple[float, float, int]]:
    """Both workloads against one running server."""
    first = _session(base, email)  # one sign-in (argon2id), shared by every client
    clients = [first] + [
        httpx.Client(base_url=base, timeout=60, cookies=first.cookies, headers=first.headers)
        for _ in range(CLIENTS - 1)
    ]
    try:
        cases = []
        for client in clients:
            made = client.post("/api/cases", json=BODY)
            made.raise_for_status()
            cases.append(made.json()["id"])

        def plan(client: httpx.Client, n: int) -> int:
            return client.post("/api/plan", json=BODY).status_code

        def write(client: httpx.Client, n: int) -> int:
            body = {"event": "note", "text": "bench"}
            return client.post(f"/api/cases/{cases[n]}/record", json=body).status_code

        load(clients, 1, plan)  # warm-up: imports, pools, templates
        return {"plan": load(clients, per_client, plan), "write": load(clients, per_client, write)}
    finally:
        for client in clients:
            client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--requests", type=int, default=10, help="requests per client per workload")
    args = parser.parse_args()
    results: list[tuple[str, dict[str, tuple[float, float, int]]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = {"AMENDS_HOME": tmp}
        with server(["serve", "--no-browser", "--db", str(Path(tmp) / "bench.db")], home) as base:
            results.append(("SQLite, 1 process", measure(base, None, args.requests)))
        cluster = start_cluster()
        if cluster is None:
            print("PostgreSQL (initdb/pg_ctl) is not installed: only the SQLite figure above")
        else:
            try:
                for workers in (1, 4):
                    with cluster.fresh_schema() as url:
                        with PostgresStore.open(url) as store:
                            add_user(
                                store, "bench@example.org", "candidate", PASSWORD, datetime.now(UTC)
                            )
                        env = {**home, "AMENDS_SECRET_KEY": SECRET, "AMENDS_DATABASE_URL": url}
                        serve = ["serve", "--hosted", "--workers", str(workers)]
                        with server(serve, env) as base:
                            label = f"PostgreSQL, {workers} worker{'s' if workers > 1 else ''}"
                            results.append(
                                (label, measure(base, "bench@example.org", args.requests))
                            )
            finally:
                cluster.destroy()
    print(f"{CLIENTS} concurrent clients, {args.requests} requests each per workload, loopback")
    head = ("server", "plan req/s", "plan p99", "write req/s", "write p99")
    print(f"{head[0]:<22} {head[1]:>11} {head[2]:>10} {head[3]:>12} {head[4]:>10}  failures")
    for label, figures in results:
        (prs, pp99, pf), (wrs, wp99, wf) = figures["plan"], figures["write"]
        print(f"{label:<22} {prs:>11.1f} {pp99:>8.0f}ms {wrs:>12.1f} {wp99:>8.0f}ms  {pf + wf}")


if __name__ == "__main__":
    main()
