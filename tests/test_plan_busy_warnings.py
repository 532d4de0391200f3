"""Busy-calendar events that could not be used reach the plan itself: its JSON
``warnings`` (field ``busy``), the terminal view and the Markdown view, not only stderr."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CliRun
from tests.test_plan_save import PLAN

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:no start either\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20261124T140000Z\r\nDTEND:20261124T150000Z\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def _busy(tmp_path: Path) -> str:
    path = tmp_path / "mine.ics"
    path.write_text(CALENDAR)
    return str(path)


def test_skipped_busy_events_are_typed_warnings_in_the_plan_json(
    cli: CliRun, tmp_path: Path
) -> None:
    busy = _busy(tmp_path)
    result = cli([*PLAN, "--busy", busy, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert warnings == [
        {"field": "busy", "message": f"{busy}: 2 events skipped: no start time (lines 4, 8)"}
    ]


def test_skipped_busy_events_are_shown_in_the_text_and_markdown_views(
    cli: CliRun, tmp_path: Path
) -> None:
    _busy(tmp_path)
    for fmt, mark in (("text", "⚠ Check:"), ("markdown", "> **Check:**")):
        result = cli([*PLAN, "--busy", str(tmp_path / "mine.ics"), "--format", fmt])
        assert result.exit_code == 0, result.stderr
        words = " ".join(result.stdout.replace("│", " ").split())  # the terminal wraps
        line = next(x for x in words.split(mark)[1:] if "skipped" in x)  # paths are escaped
        assert "mine.ics: 2 events skipped: no start time (lines 4, 8)" in line


def test_typed_slots_keep_their_own_warnings_beside_the_busy_ones(
    cli: CliRun, tmp_path: Path
) -> None:
    busy = _busy(tmp_path)
    saturday = ["--slot", "2026-11-28 10:00"]
    result = cli([*PLAN, *saturday, "--busy", busy, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    fields = [w["field"] for w in json.loads(result.stdout)["warnings"]]
    assert fields[-1] == "busy" and "slot" in fields
