"""`amends prepare` from the command line: files, output formats and one-line bad-input errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CliRun
from tests.export_support import by_kind

BASE = [
    "prepare",
    "--at",
    "2026-11-26 10:00",
    "--tz",
    "America/New_York",
    "--my-tz",
    "Europe/London",
    "--now",
    "2026-11-23T10:40Z",
]


def test_prepare_writes_the_calendar_and_lists_the_reminders(cli: CliRun, tmp_path: Path) -> None:
    ics = tmp_path / "acme.ics"
    result = cli(
        [
            *BASE,
            "--mode",
            "video",
            "--link",
            "https://meet.example/x",
            "--company",
            "Acme",
            "--role",
            "Data Analyst",
            "--interviewer",
            "Zoë Núñez",
            "--ics",
            str(ics),
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert f"Wrote {ics} (6 events" in result.stdout
    assert (
        "Thursday 26 November 2026 at 15:00 GMT  Data Analyst interview at Acme with Zoë Núñez"
        in result.stdout
    )
    assert "alarm 24 hours before: Wednesday 25 November 2026 at 15:00 GMT" in result.stdout
    assert "drop alarms" in result.stdout
    assert by_kind(ics.read_bytes())["interview"]["url"] == "https://meet.example/x"


def test_prepare_json_output(cli: CliRun, tmp_path: Path) -> None:
    ics = tmp_path / "a.ics"
    result = cli(
        [
            *BASE,
            "--mode",
            "in-person",
            "--address",
            "1 Main St, Floor 2",
            "--ics",
            str(ics),
            "--format",
            "json",
        ]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ics"] == str(ics)
    kinds = [e["kind"] for e in data["events"]]
    assert "travel" in kinds and "tech-check" not in kinds
    interview = next(e for e in data["events"] if e["kind"] == "interview")
    assert interview["start"] == "2026-11-26T10:00:00-05:00"
    assert interview["alarms_minutes_before"] == [1440, 60, 15]
    assert interview["location"] == "1 Main St, Floor 2"


def test_prepare_never_overwrites_without_force(cli: CliRun, tmp_path: Path) -> None:
    ics = tmp_path / "a.ics"
    ics.write_bytes(b"mine")
    result = cli([*BASE, "--ics", str(ics)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"amends: error: --force: {ics} exists; use --force to overwrite\n"
    assert ics.read_bytes() == b"mine"
    again = cli([*BASE, "--ics", str(ics), "--force"])
    assert again.exit_code == 0 and ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("extra", "option"),
    [
        (["--tz", "Mars/Olympus"], "--tz:"),
        (["--my-tz", "Europe/Londn"], "--my-tz:"),
        (["--at", "26/11/2026"], "--at:"),
        (["--at", "2026-03-08 02:30"], "--at:"),  # inside the New York DST gap
        (["--at", "2026-11-01 10:00"], "--at:"),  # already past
        (["--mode", "carrier-pigeon"], "--mode:"),
        (["--mode", "video", "--link", "meet.example/x"], "--link:"),
        (["--mode", "video", "--address", "1 Main St"], "--address:"),
        (["--mode", "in-person", "--address", "1 Main St\nBcc: x"], "--address:"),
        (["--company", "Acme\r\nX-Evil: 1"], "--company:"),
        (["--minutes", "0"], "--minutes:"),
        (["--now", "yesterday"], "--now:"),
    ],
)
def test_each_bad_input_is_one_line_on_stderr_with_exit_2(
    cli: CliRun, tmp_path: Path, extra: list[str], option: str
) -> None:
    ics = tmp_path / "a.ics"
    result = cli([*BASE, "--ics", str(ics), *extra])
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith(f"amends: error: {option}")
    assert result.stderr.count("\n") == 1
    assert not ics.exists()


def test_prepare_help_has_an_example(cli: CliRun) -> None:
    result = cli(["prepare", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "--ics" in result.stdout and "--force" in result.stdout
