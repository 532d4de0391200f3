#!/usr/bin/env python3
"""The one task runner people and CI share: ``python3 tasks.py run|test|check|golden|bench``.

It needs nothing but Python 3.11+. Each task first makes sure ``.venv`` exists
and holds the project with its development extras (re-installing only when
``pyproject.toml`` changed), so a fresh clone works with a single command.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".amends-installed"


def _python() -> str:
    return str(BIN / "python")


def ensure_venv() -> None:
    """Create the virtual environment and install the project when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036  (a clear message on an old Python)
        sys.exit("amends needs Python 3.11 or newer")
    if not (BIN / "python").exists():
        print("· creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("· installing amends and its development tools into .venv", flush=True)
    _run([_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    _run([_python(), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(wanted)


def _run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(cmd, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def task_run(args: list[str]) -> None:
    """Set up and start the main job: the local web app (``amends serve``)."""
    ensure_venv()
    os.execv(str(BIN / "amends"), [str(BIN / "amends"), "serve", *args])


def task_check(args: list[str]) -> None:
    """Formatting, lint and strict type-check (no tests)."""
    ensure_venv()
    _run([str(BIN / "ruff"), "format", "--check", "src", "tests", "bench", "training", "tasks.py"])
    _run([str(BIN / "ruff"), "check", "src", "tests", "bench", "training", "tasks.py"])
    _run([str(BIN / "mypy")])


def task_test(args: list[str]) -> None:
    """Set up, then format-check, lint, type-check and run the whole test suite."""
    task_check([])
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    _run([_python(), "-m", "pytest", "-W", "error", *args], env=env)


def task_golden(args: list[str]) -> None:
    """Regenerate the golden files under tests/golden (review the diff before committing)."""
    ensure_venv()
    env = dict(os.environ, AMENDS_UPDATE_GOLDEN="1")
    _run([_python(), "-m", "pytest", "-q", "-k", "golden", *args], env=env)


# bench_check.py (the checker's own figures) reports its throughput in this line.
_CHECK_RATE = re.compile(r"throughput: ([\d,]+) drafts/s per CPU-second")
CHECK_GOAL = 1000


def _bench_script(script: Path, args: list[str]) -> tuple[int, list[list[str]]]:
    """Run one benchmark, echoing its output; its exit code and the goals it recorded.

    A goal is a line ``GOAL<TAB>what<TAB>figure<TAB>goal<TAB>met`` (``bench.timing.goal``);
    the checker's benchmark, which prints none, is read from its throughput line. It
    never scores the held-out drafts here: those figures are the lead's alone.
    """
    extra = ["--no-heldout"] if script.name == "bench_check.py" else []
    goals: list[list[str]] = []
    proc = subprocess.Popen(
        [_python(), str(script), *extra, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("GOAL\t"):
            goals.append(line.rstrip("\n").split("\t")[1:])
            continue
        sys.stdout.write(line)
        sys.stdout.flush()
        found = _CHECK_RATE.search(line) if script.name == "bench_check.py" else None
        if found:
            rate = int(found.group(1).replace(",", ""))
            met = "met" if rate >= CHECK_GOAL else "NOT met"
            goals.append(["drafts checked/s", f"{rate} per CPU s", f">= {CHECK_GOAL}", met])
    return proc.wait(), goals


def task_bench(args: list[str]) -> None:
    """Run every benchmark script under bench/, print its figures, then a table of every
    goal of issue 18: the figure, the goal, met or not."""
    ensure_venv()
    table: list[list[str]] = []
    failed: list[str] = []
    for script in sorted((ROOT / "bench").glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        code, goals = _bench_script(script, args)
        table.extend(goals)
        if code != 0:
            failed.append(script.name)
            table.append([script.name, f"failed (exit {code})", "-", "NOT met"])
    widths = [max(len(row[i]) for row in [*table, ["goal"] * 4]) for i in range(4)]
    print("\n== every goal (figure: median of the run above)")
    for row in [["what", "figure", "goal", "verdict"], *table]:
        print(
            "  "
            + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    met = sum(row[3] == "met" for row in table)
    print(f"  {met} of {len(table)} met")
    if failed:
        sys.exit(f"benchmarks that failed: {', '.join(failed)}")


def task_train(args: list[str]) -> None:
    """Retrain the checker's sentence classifier and the intake's field models
    (writes src/amends/data/check_model.json and intake_model.json)."""
    ensure_venv()
    env = dict(os.environ, PYTHONHASHSEED="0")
    _run([_python(), str(ROOT / "training" / "check" / "train.py"), *args], env=env)
    if not args:  # the checker's options (--held-out-groups, --output) are its own
        _run([_python(), str(ROOT / "training" / "intake" / "train.py")], env=env)


def task_format(args: list[str]) -> None:
    """Apply ruff's formatter and safe fixes."""
    ensure_venv()
    _run([str(BIN / "ruff"), "format", "src", "tests", "bench", "training", "tasks.py"])
    _run([str(BIN / "ruff"), "check", "--fix", "src", "tests", "bench", "training", "tasks.py"])


TASKS = {
    "run": task_run,
    "test": task_test,
    "check": task_check,
    "golden": task_golden,
    "bench": task_bench,
    "train": task_train,
    "format": task_format,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        names = ", ".join(TASKS)
        sys.exit(f"usage: python3 tasks.py TASK [args]   (TASK is one of: {names})")
    TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
