"""`amends serve --hosted` says what it will serve before binding, and a port that is
taken (or a host that does not resolve) stops it in one line, never "running at"."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import CliRun
from tests.hosted_support import SECRET
from tests.pg_cluster import Cluster


def _with_password(url: str) -> str:
    user = url.split("://", 1)[1].split("@", 1)[0]
    return url.replace(f"://{user}@", f"://{user}:hunter2pw@", 1)


def test_hosted_serve_on_a_taken_port_announces_then_fails_in_one_line(
    cli: CliRun, pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMENDS_SECRET_KEY", SECRET.decode())
    with pg_cluster.fresh_schema() as url, socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        args = ["serve", "--hosted", "--workers", "2", "--port", str(port)]
        result = cli([*args, "--database-url", _with_password(url)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"amends: error: --port: port {port} is already in use")
    assert "running at" not in result.stdout
    announced = result.stdout.splitlines()
    assert len(announced) == 1 and "hosted mode (2 workers)" in announced[0]
    assert f"http://127.0.0.1:{port}/" in announced[0]
    assert ":***@" in announced[0] and "hunter2pw" not in result.stdout + result.stderr


def test_hosted_serve_on_an_unresolvable_host_fails_in_one_line(
    cli: CliRun, pg_cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMENDS_SECRET_KEY", SECRET.decode())
    with pg_cluster.fresh_schema() as url:
        args = ["serve", "--hosted", "--host", "no-such-host.invalid", "--allow-remote"]
        result = cli([*args, "--database-url", url])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("amends: error: --host:")
    assert "running at" not in result.stdout
