"""A throwaway PostgreSQL cluster for the tests: the system's initdb/pg_ctl in a temp folder.

Nothing depends on a server already running. The cluster listens only on a
Unix socket in its own folder (no TCP port to collide with anyone), runs with
``fsync=off`` (a test cluster holds nothing worth keeping), and is stopped and
deleted when the test session ends. ``initdb`` refuses to run as root, so as
root the cluster runs as ``nobody``.

Each test gets its own schema (``search_path`` in the URL), which is created
empty and dropped afterwards: far cheaper than a database per test, and just
as isolated for amends, whose tables all live in the current schema.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg

SUPERUSER = "amends"


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(versions[-1]).parent if versions else None


class Cluster:
    """One running PostgreSQL server; :meth:`stop` / :meth:`start` simulate a restart."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="amends-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self.log = self.root / "server.log"
        self._user: dict[str, Any] = {}
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            self._user = {"user": nobody.pw_uid, "group": nobody.pw_gid}
            os.chown(self.root, nobody.pw_uid, nobody.pw_gid)
        os.chmod(self.root, 0o700)
        self.socket.mkdir()
        if self._user:
            os.chown(self.socket, self._user["user"], self._user["group"])
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
            "--no-sync", "--no-instructions", "--locale=C",
        )  # fmt: skip

    def _run(self, tool: str, *args: str) -> None:
        result = subprocess.run(
            [str(self.bindir / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=self.root,
            **self._user,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed: {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> None:
        options = f"-k {self.socket} -c listen_addresses='' -F -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def destroy(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SUPERUSER}@/postgres?host={quote(str(self.socket))}"

    def schema_url(self, schema: str) -> str:
        """A URL whose connections see only ``schema`` (amends' tables land there)."""
        return self.admin_url + "&options=" + quote(f"-csearch_path={schema}")

    @contextmanager
    def fresh_schema(self) -> Iterator[str]:
        """An empty schema for one test, dropped afterwards; yields its URL."""
        name = "t_" + secrets.token_hex(6)
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        try:
            yield self.schema_url(name)
        finally:
            if self.running():
                with psycopg.connect(self.admin_url, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {name} CASCADE")


def start_cluster() -> Cluster | None:
    """A started cluster, or ``None`` when PostgreSQL's server programs are not installed."""
    bindir = find_bindir()
    if bindir is None:
        return None
    cluster = Cluster(bindir)
    cluster.start()
    return cluster
