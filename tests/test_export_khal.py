"""A second, independent reader: khal imports our .ics and lists events at the right local times."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from amends.export.ics import follow_up_calendar, prepare_calendar
from tests.conftest import need_system
from tests.export_support import NOW, confirmed, khal_list, plan

pytestmark = pytest.mark.khal


@pytest.fixture(autouse=True)
def _khal() -> None:
    need_system("khal", shutil.which("khal") is not None)


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "export.ics"
    path.write_bytes(data)
    return path


def test_khal_lists_the_video_reminders_at_the_candidates_local_times(tmp_path: Path) -> None:
    data = prepare_calendar(confirmed(company='Doe, Jane; Co \\ "Q"'), NOW).data
    lines = khal_lines(tmp_path, data, "Europe/London")
    assert lines == [
        '2026-11-25 15:00 | Confirm tomorrow\'s Data Analyst interview at Doe, Jane; Co \\ "Q"',
        '2026-11-25 18:00 | Prepare: Data Analyst interview at Doe, Jane; Co \\ "Q"',
        "2026-11-26 08:00 | Today: check the plan for the Data Analyst interview at "
        'Doe, Jane; Co \\ "Q"',
        "2026-11-26 14:15 | Tech check before the video interview",
        '2026-11-26 15:00 | Data Analyst interview at Doe, Jane; Co \\ "Q" with Dana Lee',
        "2026-11-26 17:00 | Send the thank-you note to Dana Lee",
    ]


def khal_lines(tmp_path: Path, data: bytes, local_tz: str) -> list[str]:
    return khal_list(tmp_path, _write(tmp_path, data), local_tz, "2026-11-20", "2026-12-20")


def test_khal_shows_the_interview_at_the_interviewers_time_in_their_zone(tmp_path: Path) -> None:
    data = prepare_calendar(confirmed(candidate_tz="Asia/Kathmandu"), NOW).data
    lines = khal_lines(tmp_path, data, "America/New_York")
    assert "2026-11-26 10:00 | Data Analyst interview at Acme with Dana Lee" in lines


def test_khal_reads_non_ascii_and_right_to_left_text(tmp_path: Path) -> None:
    slot = confirmed(
        mode="in-person", address="شارع الملك 5", interviewer="Zoë Núñez 😀", link=None
    )
    lines = khal_lines(tmp_path, prepare_calendar(slot, NOW).data, "Europe/London")
    assert "2026-11-26 14:00 | Travel to the interview at Acme" in lines
    assert "2026-11-26 15:00 | Data Analyst interview at Acme with Zoë Núñez 😀" in lines


def test_reimport_after_a_later_export_updates_instead_of_duplicating(tmp_path: Path) -> None:
    khal_lines(tmp_path, prepare_calendar(confirmed(), NOW).data, "Europe/London")
    moved = confirmed(start=datetime(2026, 11, 26, 11, 0, tzinfo=confirmed().start.tzinfo))
    later = prepare_calendar(moved, NOW + timedelta(hours=1)).data
    lines = khal_lines(tmp_path, later, "Europe/London")
    interviews = [line for line in lines if "interview at Acme with" in line]
    assert interviews == ["2026-11-26 16:00 | Data Analyst interview at Acme with Dana Lee"]
    assert len(lines) == 6


def test_khal_lists_the_follow_through_calendar(tmp_path: Path) -> None:
    lines = khal_lines(tmp_path, follow_up_calendar(plan(), NOW).data, "Europe/London")
    assert "2026-11-25 14:00 | Hold: offered time 1 for the Data Analyst interview at Acme" in lines
    # The checklist's own times: inside London's working hours and New York's waking hours.
    assert "2026-11-26 13:00 | If no reply yet: send the one follow-up to Dana Lee" in lines
    assert any(line.startswith("2026-12-01 13:00 | Still no reply?") for line in lines)


def test_a_second_rounds_reminders_sit_beside_the_first_rounds_in_khal(tmp_path: Path) -> None:
    first = prepare_calendar(confirmed(), NOW).data
    khal_lines(tmp_path, first, "Europe/London")
    second_start = datetime(2026, 12, 3, 10, 0, tzinfo=confirmed().start.tzinfo)
    second = prepare_calendar(confirmed(start=second_start, round=2), NOW + timedelta(days=1))
    lines = khal_lines(tmp_path, second.data, "Europe/London")
    interviews = [line for line in lines if "interview at Acme with" in line]
    assert interviews == [
        "2026-11-26 15:00 | Data Analyst interview at Acme with Dana Lee",
        "2026-12-03 15:00 | Data Analyst interview at Acme with Dana Lee",
    ]
    assert len(lines) == 12, "six reminders per round, none replaced"


def test_re_exporting_a_round_with_original_at_updates_it_in_khal(tmp_path: Path) -> None:
    khal_lines(tmp_path, prepare_calendar(confirmed(), NOW).data, "Europe/London")
    missed = datetime(2026, 11, 23, 10, 0, tzinfo=confirmed().start.tzinfo)
    again = prepare_calendar(confirmed(original_start=missed), NOW + timedelta(hours=1)).data
    assert len(khal_lines(tmp_path, again, "Europe/London")) == 6
