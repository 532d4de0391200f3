"""Shared fixtures: hermetic data folders and a runner for the real CLI entry point."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from amends.cli import main
from amends.store.sqlite import SQLiteStore

# CI runs property tests with a fixed seed so a submission's result is reproducible;
# locally they explore new examples on every run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in {"1", "true"}:
    settings.load_profile("ci")

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
    return home


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


CliRun = Callable[..., CliResult]


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    """One fresh in-memory case store per test, closed afterwards (shared by every test file)."""
    with SQLiteStore.memory() as s:
        yield s


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
