"""Shared fixtures: hermetic data folders, a runner for the real CLI entry point, and
the store backends (every store and case test runs on SQLite and on PostgreSQL)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import argon2.profiles
import pytest
from click.testing import CliRunner
from hypothesis import settings

from amends.accounts.passwords import use_parameters
from amends.cli import main
from amends.store import Store
from amends.store.opening import open_store
from amends.store.sqlite import SQLiteStore
from tests.pg_cluster import Cluster, start_cluster

# CI runs property tests with a fixed seed so a submission's result is reproducible;
# locally they explore new examples on every run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true"}:
    settings.load_profile("ci")

# Real argon2id, at its cheapest: the suite signs in hundreds of times on 2 shared cores.
use_parameters(argon2.profiles.CHEAPEST)

REQUIRE_SYSTEM_DEPS = os.environ.get("AMENDS_REQUIRE_SYSTEM_DEPS", "").lower() in {"1", "true"}


def need_system(what: str, available: bool) -> None:
    """Skip when a system program is missing, but fail in CI where it must be installed."""
    if available:
        return
    if REQUIRE_SYSTEM_DEPS:
        pytest.fail(f"{what} is required in CI (.ci/run installs it) but is missing")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(autouse=True)
def _hermetic_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every profile/database path at a temp folder so tests never touch real data."""
    home = tmp_path / "amends-home"
    monkeypatch.setenv("AMENDS_HOME", str(home))
    monkeypatch.delenv("AMENDS_DB", raising=False)
    monkeypatch.delenv("AMENDS_DATABASE_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL server for the whole run, started on first use, then removed."""
    try:
        cluster = start_cluster()
    except (OSError, RuntimeError) as exc:
        need_system(f"a working PostgreSQL server ({exc})", False)
        raise
    if cluster is None:
        need_system("PostgreSQL (initdb and pg_ctl)", False)
    assert cluster is not None
    try:
        yield cluster
    finally:
        cluster.destroy()


@dataclass
class Backend:
    """One store backend for a test: how to open it and how the CLI names it."""

    name: str
    url: str | None = None
    path: Path | None = None

    def open(self) -> Store:
        """A new connection to this test's database (several may be open at once)."""
        return open_store(self.path, self.url)

    def cli_args(self) -> list[str]:
        """The CLI options selecting this database."""
        if self.url is not None:
            return ["--database-url", self.url]
        return ["--db", str(self.path)]


BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """An empty database on SQLite (a temp file) and, as a second run, on PostgreSQL."""
    if request.param == "sqlite":
        yield Backend("sqlite", path=tmp_path / "amends-test.db")
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    with cluster.fresh_schema() as url:
        yield Backend("postgresql", url=url)


@pytest.fixture
def store(backend: Backend) -> Iterator[Store]:
    """One fresh, empty store per test, shared by every test file: in-memory SQLite,
    then (a second run of the same test) a fresh PostgreSQL schema."""
    if backend.name == "sqlite":
        with SQLiteStore.memory() as s:
            yield s
        return
    with backend.open() as s:
        yield s


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


CliRun = Callable[..., CliResult]


@pytest.fixture
def cli() -> Iterator[CliRun]:
    """Run ``amends ARGS`` through the real ``main`` (so exit codes and one-line errors apply)."""

    def run(args: Sequence[str], input: str | None = None) -> CliResult:
        runner = CliRunner()
        with runner.isolation(input=input) as (out, err, *_):
            code = 0
            try:
                main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            sys.stdout.flush()
            sys.stderr.flush()
            return CliResult(code, out.getvalue().decode(), err.getvalue().decode())

    yield run
