"""Documentation stays true: every command is documented, has an example, and the
README's example run is the real output."""

from __future__ import annotations

import importlib
import re
import shlex
from pathlib import Path
from typing import Any

import typer

from amends.cli.app import COMMANDS, app
from tests.conftest import CliRun

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    """Every leaf command's full name (``plan``, ``case show``…).

    Typer may vendor its own Click, so groups are recognised by their
    ``commands`` mapping rather than by class.
    """
    found: list[str] = []

    def walk(prefix: str, command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            found.append(prefix)

    for entry in {e.module for e in COMMANDS.values()}:  # the CLI loads commands lazily
        importlib.import_module(entry)
    walk("", typer.main.get_command(app))
    assert len(found) > 3 and "plan" in found
    return found


def test_every_command_is_in_the_readme_reference() -> None:
    missing = [name for name in _commands() if f"amends {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_help_shows_an_example(cli: CliRun) -> None:
    for name in _commands():
        result = cli([*name.split(), "--help"])
        assert result.exit_code == 0, (name, result.stderr)
        assert "Example" in result.stdout, f"`amends {name} --help` has no example"


def test_readme_starts_with_the_two_commands() -> None:
    block = README.split("```", 2)[1]
    lines = [line for line in block.strip().splitlines() if line.strip()]
    assert [line.split("#")[0].strip() for line in lines] == [
        "python3 tasks.py run",
        "python3 tasks.py test",
    ]


def test_readme_plan_example_is_the_real_output(cli: CliRun) -> None:
    section = README.split("### Example", 1)[1]
    command = re.search(r"\$ amends (plan .*?)\n```", section, re.S)
    assert command is not None
    args = shlex.split(command.group(1).replace("\\\n", " "))
    shown = section.split("````markdown\n", 1)[1].split("\n````", 1)[0]
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == shown.strip()


def test_changelog_has_an_unreleased_section() -> None:
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text("utf-8")


def test_no_merge_conflict_markers_are_left_in_the_tree() -> None:
    root = Path(__file__).resolve().parent.parent
    markers = ("<" * 7 + " ", ">" * 7 + " ")
    offenders = []
    for folder in ("src", "tests", "docs", "bench", "deploy", "training", ".ci"):
        for path in (root / folder).rglob("*"):
            if not path.is_file() or path.suffix in {".png", ".json", ".pyc", ".sqlite", ".db"}:
                continue
            try:
                lines = path.read_text("utf-8").splitlines()
            except (UnicodeDecodeError, OSError):
                continue
            offenders += [
                f"{path}:{n}" for n, line in enumerate(lines, 1) if line.startswith(markers)
            ]
    for name in ("README.md", "CHANGELOG.md", "pyproject.toml", "tasks.py"):
        lines = (root / name).read_text("utf-8").splitlines()
        offenders += [f"{name}:{n}" for n, line in enumerate(lines, 1) if line.startswith(markers)]
    assert not offenders, offenders
