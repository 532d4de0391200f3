"""``POST /api/plan`` throughput from 1 to 32 concurrent clients, 1 and 2 hosted workers.

Issue 18's goal: throughput scales with workers. Each server is a real ``amends
serve --hosted --workers N`` on a throwaway PostgreSQL cluster (as in
``bench_hosted.py``), signed in once. The clients are one asyncio loop writing
the same prepared request on N keep-alive connections and reading each answer
by its ``Content-Length``: ≈ 0.1 ms of CPU a request, so on this 2-core machine
the workers, not the load generator, use the cores (httpx clients in threads
cost about as much CPU as the plan itself and flatten every curve). Each
figure is the median of a few timed rounds; the ratio printed is the
throughput of 2 workers over 1 at 32 clients, measured in the same run. With
two cores and the clients on the same machine, 2 workers can give at most
≈ 2×; the goal is ≥ 1.5×, and 32 clients must not give less than 1.

Run: ``.venv/bin/python bench/bench_scaling.py [--seconds S]``. Prints figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_hosted import BODY, PASSWORD, SECRET, _session, server_process
from bench.timing import goal
from tests.pg_cluster import start_cluster

from amends.accounts import add_user
from amends.store.postgres import PostgresStore

CLIENTS = (1, 2, 4, 8, 16, 32)
WORKERS = (1, 2)
ROUNDS = 3
GOAL = 1.5


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by process ``root`` and its descendants (uvicorn's workers)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    total = 0.0
    for pid, cpu in times.items():
        walk = pid
        while walk > 1 and walk != root:
            walk = parents.get(walk, 0)
        total += cpu if walk == root else 0.0
    return total


def prepared_request(base: str, cookies: dict[str, str], csrf: str) -> bytes:
    """One signed-in ``POST /api/plan`` as bytes, sent as it is on every connection."""
    host = urlsplit(base).netloc
    body = json.dumps(BODY).encode()
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    head = (
        f"POST /api/plan HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nCookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\n\r\n"
    )
    return head.encode() + body


async def _client(host: str, port: int, request: bytes, until: float, done: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            done[0 if status < 400 else 1] += 1
    finally:
        writer.close()


async def _round(base: str, request: bytes, clients: int, seconds: float) -> tuple[float, int]:
    parts = urlsplit(base)
    done = [0, 0]  # answered, failed
    began = time.perf_counter()
    until = began + seconds
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    await asyncio.gather(*(_client(host, port, request, until, done) for _ in range(clients)))
    return done[0] / (time.perf_counter() - began), done[1]


Figure = tuple[float, float, int]  # requests/s, server cores busy, failures


def measure(base: str, pid: int, seconds: float) -> dict[int, Figure]:
    """For each number of concurrent clients: the median plan requests/s, the cores the
    server's processes kept busy meanwhile (their CPU seconds over the wall clock) and
    the failures."""
    session = _session(base, "bench@example.org")
    try:
        cookies = {name: value for name, value in session.cookies.items()}
        request = prepared_request(base, cookies, session.headers["X-CSRF-Token"])
    finally:
        session.close()
    asyncio.run(_round(base, request, max(CLIENTS), 1.0))  # warm every worker
    figures: dict[int, Figure] = {}
    for clients in CLIENTS:
        cpu, began = tree_cpu(pid), time.perf_counter()
        rounds = [asyncio.run(_round(base, request, clients, seconds)) for _ in range(ROUNDS)]
        busy = (tree_cpu(pid) - cpu) / (time.perf_counter() - began)
        figures[clients] = (
            statistics.median(rate for rate, _ in rounds),
            busy,
            sum(failed for _, failed in rounds),
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one timed round")
    args = parser.parse_args()
    cluster = start_cluster()
    if cluster is None:
        print("PostgreSQL (initdb/pg_ctl) is not installed: no hosted scaling figure")
        return
    results: dict[int, dict[int, Figure]] = {}
    try:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for workers in WORKERS:
                with cluster.fresh_schema() as url:
                    with PostgresStore.open(url) as store:
                        add_user(
                            store, "bench@example.org", "candidate", PASSWORD, datetime.now(UTC)
                        )
                    env = {"AMENDS_HOME": tmp, "AMENDS_SECRET_KEY": SECRET}
                    env["AMENDS_DATABASE_URL"] = url
                    serve = ["serve", "--hosted", "--workers", str(workers)]
                    with server_process(serve, env) as (base, pid):
                        results[workers] = measure(base, pid, args.seconds)
    finally:
        cluster.destroy()
    load = os.getloadavg()[0]
    print(
        f"POST /api/plan req/s, hosted (PostgreSQL), {os.cpu_count()} cores, load {load:.1f}, "
        f"medians of {ROUNDS} rounds of {args.seconds:g} s"
    )
    head = "".join(f"{f'{w} worker(s)':>14}{'cores':>7}" for w in WORKERS)
    print(f"  {'clients':<10}{head}   (cores: CPU seconds of the server's processes / wall)")
    for clients in CLIENTS:
        row = "".join(
            f"{results[w][clients][0]:>14.0f}{results[w][clients][1]:>7.2f}" for w in WORKERS
        )
        print(f"  {clients:<10}{row}")
    failures = sum(f for w in WORKERS for _, _, f in results[w].values())
    top = max(CLIENTS)
    ratio = results[2][top][0] / results[1][top][0]
    growth = results[2][top][0] / results[2][1][0]
    verdict = "met" if ratio >= GOAL and growth >= 1 and failures == 0 else "NOT met"
    print(f"  failures: {failures}")
    goal(
        "`POST /api/plan` 1 → 32 clients, scales with workers",
        f"2 workers {ratio:.2f}x 1 worker at {top} clients",
        f">= {GOAL:g}x",
        verdict == "met",
    )
    print(
        f"  2 workers / 1 worker at {top} clients: {ratio:.2f}x; 2 workers, {top} clients / 1 "
        f"client: {growth:.2f}x  goal >= {GOAL:g}x: {verdict}"
    )


if __name__ == "__main__":
    main()
