"""The command line imports only what the command being run needs.

``amends --help`` lists every command from the table in :mod:`amends.cli.app`
without importing them; these tests keep that table honest and keep the heavy
libraries off the start-up path (module checks, never timings).
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from amends.cli.app import COMMANDS, app

HEAVY = ("icalendar", "dateutil", "holidays", "jinja2", "pydantic", "babel", "fastapi", "sqlite3")


def _modules_after(*argv: str) -> set[str]:
    """The top-level packages loaded by running ``amends ARGV`` in a fresh interpreter, the
    second time (as every run after a user's first)."""
    code = (
        "import json, sys\n"
        "from amends.cli import main\n"
        f"sys.argv = ['amends', *{list(argv)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "top = sorted({m.split('.')[0] for m in sys.modules})\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps(top))\n"
    )
    for _ in range(2):  # the first run of a command may fill the caches (its option table)
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
        )
    return set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))


def test_help_imports_none_of_the_heavy_libraries() -> None:
    loaded = _modules_after("--help")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_check_does_not_import_the_planner_calendars_or_the_store() -> None:
    loaded = _modules_after("check", "--help")
    assert not loaded & {"icalendar", "dateutil", "holidays", "fastapi", "sqlite3"}


def test_checking_a_draft_loads_no_pydantic_jinja_or_calendars(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Dana, I am sorry I missed our interview.\n", encoding="utf-8")
    loaded = _modules_after("check", str(draft), "--reason", "overslept", "--format", "json")
    assert "amends" in loaded
    assert not loaded & {"pydantic", "jinja2", "babel", "icalendar", "holidays", "sqlite3"}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_help_summary_of_each_command_matches_the_command_itself(name: str) -> None:
    """The table's summary is the first paragraph of the command's own help."""
    importlib.import_module(COMMANDS[name].module)
    command = typer.main.get_group(app).commands[name]
    assert (command.help or "").split("\n\n")[0].strip() == COMMANDS[name].summary


def test_every_registered_command_is_in_the_table() -> None:
    for entry in {e.module for e in COMMANDS.values()}:
        importlib.import_module(entry)
    assert set(typer.main.get_group(app).commands) == set(COMMANDS)


def test_plan_as_json_without_busy_files_loads_no_pydantic_calendar_parser_store_or_rich() -> None:
    loaded = _modules_after(
        "plan", "--company", "Acme", "--role", "Analyst", "--interviewer", "Dana Lee",
        "--contact-email", "dana@acme.example", "--at", "2026-11-23 10:00",
        "--tz", "Europe/London", "--scenario", "missed", "--reason", "overslept",
        "--name", "Sam Patel", "--now", "2026-11-23T10:40Z", "--format", "json",
    )  # fmt: skip
    assert "jinja2" in loaded  # the plan really was built (Babel's tables cached)
    heavy = {"pydantic", "pydantic_core", "icalendar", "dateutil", "sqlite3", "rich", "fastapi"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_a_plan_after_the_first_reads_its_tables_and_loads_no_babel_holidays_or_nameparser() -> (
    None
):
    """The first run builds the cached tables (holidays, Babel's names, nameparser's words,
    email-validator's name lists, templates); later runs read them: none of those
    libraries is imported again (a plain address is read without email-validator)."""
    plan = (
        "plan", "--company", "Acme", "--role", "Analyst", "--interviewer", "Dana Lee",
        "--contact-email", "dana@acme.example", "--at", "2026-11-23 10:00",
        "--tz", "Europe/London", "--my-tz", "America/New_York", "--scenario", "missed",
        "--reason", "overslept", "--name", "Sam Patel", "--now", "2026-11-23T10:40Z",
        "--format", "json",
    )  # fmt: skip
    _modules_after(*plan)
    loaded = _modules_after(*plan)
    assert "jinja2" in loaded
    assert not loaded & {"babel", "holidays", "nameparser", "email_validator"}, sorted(loaded)
