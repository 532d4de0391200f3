"""`amends slots` through the real entry point: output formats, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CliRun

NOW = "2026-11-23T14:05Z"
BASE = ["slots", "--tz", "America/New_York", "--my-tz", "Europe/London", "--now", NOW]


def test_text_output_lists_times_on_both_clocks(cli: CliRun) -> None:
    result = cli(BASE)
    assert result.exit_code == 0, result.stderr
    assert "1. Tuesday 24 November 2026 at 10:00 EST (UTC−5)" in result.stdout
    assert "GMT" in result.stdout
    assert "Thanksgiving" in result.stdout


def test_json_has_slot_objects_windows_and_explanation(cli: CliRun) -> None:
    result = cli([*BASE, "--format", "json", "--count", "2"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert len(data["slots"]) == 2
    assert set(data["slots"][0]) >= {"start", "end", "interviewer_local", "candidate_local"}
    assert data["windows"] == [] and data["explanation"] is None


def test_windows_mode_in_markdown(cli: CliRun) -> None:
    result = cli([*BASE, "--windows", "--format", "markdown"])
    assert result.exit_code == 0
    assert "## Reschedule times" in result.stdout
    assert "- Tue 24 Nov–Wed 25 Nov: 09:00–15:00 EST (UTC−5); 14:00–20:00 GMT" in result.stdout


def test_nothing_fits_exits_1_with_a_plain_explanation(cli: CliRun) -> None:
    result = cli(["slots", "--tz", "Pacific/Auckland", "--my-tz", "Europe/London", "--now", NOW])
    assert result.exit_code == 1
    assert "No 45-minute time" in result.stdout
    assert "outside your hours" in result.stdout


def test_busy_file_is_used(cli: CliRun, tmp_path: Path) -> None:
    path = tmp_path / "me.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20261124T000000Z\n"
        "DTEND:20261126T000000Z\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    result = cli([*BASE, "--busy", str(path), "--format", "json"])
    starts = [s["start"] for s in json.loads(result.stdout)["slots"]]
    assert starts and all(not s.startswith(("2026-11-24", "2026-11-25")) for s in starts)


def test_help_has_an_example(cli: CliRun) -> None:
    result = cli(["slots", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--tz", "Mars/Base"], "--tz: 'Mars/Base' is not an IANA time zone"),
        (["--my-tz", "Nowhere"], "--my-tz:"),
        (["--country", "XX"], "--country: XX is not an ISO 3166 country code"),
        (["--country", "UK"], "did you mean GB?"),
        (["--hours", "17:00-09:00"], "--hours:"),
        (["--hours", "09:00-09:00"], "--hours:"),
        (["--my-hours", "08:00-08:30"], "--my-hours:"),
        (["--duration", "0"], "--duration:"),
        (["--duration", "100000"], "--duration:"),
        (["--duration", "soon"], "--duration"),
        (["--days", "0"], "--days:"),
        (["--days", "61"], "--days:"),
        (["--count", "0"], "--count:"),
        (["--count", "6"], "--count:"),
        (["--busy", "/no/such/file.ics"], "--busy: /no/such/file.ics: no such file"),
        (["--now", "yesterday"], "--now:"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli: CliRun, extra: list[str], message: str) -> None:
    result = cli([*BASE, *extra])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("amends: error:")
    assert message in lines[0]


def test_an_unreadable_event_is_skipped_and_reported_in_the_notes(
    cli: CliRun, tmp_path: Path
) -> None:
    path = tmp_path / "broken.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nonsense\nEND:VEVENT\nEND:VCALENDAR\n")
    result = cli([*BASE, "--busy", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    notes = json.loads(result.stdout)["notes"]
    assert any(n.startswith(f"{path}: 1 event skipped:") and "line 2" in n for n in notes)


def test_missing_tz_is_a_usage_error(cli: CliRun) -> None:
    result = cli(["slots", "--now", NOW])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--tz" in result.stderr
