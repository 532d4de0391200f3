"""Files, standard input and JSON from outside: every bad one is a clean one-line error."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest
from typer.completion import get_completion_script

from amends import __version__
from amends.errors import InputError
from amends.inputs import MAX_JSON_DEPTH, load_json, read_capped
from tests.conftest import CliRun

NOW = "2026-11-23T10:00Z"
EMPTY_CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


def _one_line_error(result: object, fragment: str) -> None:
    code, stderr = result.exit_code, result.stderr  # type: ignore[attr-defined]
    assert code == 2, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("amends: error: "), stderr
    assert "Traceback" not in stderr and fragment in stderr, stderr


def test_import_of_a_deeply_nested_document_is_refused_not_a_crash(
    cli: CliRun, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    _one_line_error(cli(["import", str(deep)]), "nested too deeply")


def test_import_of_moderately_nested_json_beyond_the_limit_is_refused() -> None:
    text = "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)
    with pytest.raises(InputError, match="nested too deeply"):
        load_json(text, "file")
    assert load_json("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "file") is not None


def test_reads_are_capped_so_an_endless_device_is_refused(cli: CliRun) -> None:
    _one_line_error(cli(["import", "/dev/zero"]), "larger than 20 MB")
    _one_line_error(
        cli(["slots", "--tz", "Europe/London", "--now", NOW, "--busy", "/dev/zero"]),
        "--busy: /dev/zero is larger than 20 MB",
    )
    _one_line_error(cli(["check", "/dev/zero"]), "larger than 1 MB")


def test_a_folder_given_as_a_file_says_it_is_a_folder(cli: CliRun, tmp_path: Path) -> None:
    result = cli(["slots", "--tz", "Europe/London", "--now", NOW, "--busy", str(tmp_path)])
    _one_line_error(result, "is a folder")
    _one_line_error(cli(["import", str(tmp_path)]), "is a folder")


def test_standard_input_is_capped_too() -> None:
    with pytest.raises(InputError, match="standard input is larger than 1 KB"):
        read_capped("-", "busy", limit=1024, stdin=io.BytesIO(b"x" * 2000))
    assert read_capped("-", "busy", limit=1024, stdin=io.BytesIO(b"abc")) == b"abc"


def test_busy_dash_reads_the_calendar_from_standard_input(cli: CliRun) -> None:
    result = cli(
        ["slots", "--tz", "Europe/London", "--now", NOW, "--busy", "-", "--format", "json"],
        input=EMPTY_CALENDAR,
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["slots"]


def test_import_dash_reads_the_export_from_standard_input(cli: CliRun, tmp_path: Path) -> None:
    document = {"format": "amends-export", "version": 1, "cases": []}
    result = cli(["import", "-", "--format", "json"], input=json.dumps(document))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"added": 0, "already_present": 0}


def test_the_licence_file_matches_the_declared_licence() -> None:
    root = Path(__file__).resolve().parents[1]
    declared = tomllib.loads((root / "pyproject.toml").read_text())["project"]["license"]
    text = (root / "LICENSE").read_text()
    assert declared == "MIT" and text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_version_prints_the_package_version(cli: CliRun) -> None:
    result = cli(["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"amends {__version__}"


def test_shell_completion_is_available(cli: CliRun) -> None:
    shown = cli(["--help"]).stdout
    assert "--install-completion" in shown and "--show-completion" in shown
    script = get_completion_script(
        prog_name="amends", complete_var="_AMENDS_COMPLETE", shell="bash"
    )
    assert "_amends_completion" in script and "_AMENDS_COMPLETE" in script
