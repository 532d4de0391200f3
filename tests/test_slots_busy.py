"""Busy times from .ics files: recurring events, exceptions, all-day, zones, bad files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from amends.errors import InputError
from amends.slots import SlotRequest, find_slots
from amends.slots.busy_file import load_busy, parse_busy_text
from tests.test_slots_checker import Rules, assert_all_valid

LONDON = ZoneInfo("Europe/London")
SPAN = (datetime(2026, 11, 1, tzinfo=UTC), datetime(2027, 1, 31, tzinfo=UTC))


def ics(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


WEEKLY = """UID:standup
DTSTART;TZID=America/New_York:20261006T100000
DTEND;TZID=America/New_York:20261006T110000
RRULE:FREQ=WEEKLY;BYDAY=TU,WE,TH
EXDATE;TZID=America/New_York:20261125T100000"""


def _starts(text: str, tz: ZoneInfo = LONDON) -> list[datetime]:
    return sorted(s for s, _ in parse_busy_text(text, "cal.ics").intervals(SPAN, tz))


def test_weekly_recurring_event_follows_its_own_clock_across_dst_with_exdate() -> None:
    starts = _starts(ics(WEEKLY))
    ny = [s.astimezone(ZoneInfo("America/New_York")) for s in starts]
    assert all(t.hour == 10 for t in ny)  # 10:00 New York time before and after 1 November
    assert {t.weekday() for t in ny} == {1, 2, 3}
    assert datetime(2026, 11, 25, 15, tzinfo=UTC) not in starts  # the EXDATE


def test_busy_recurring_event_blocks_the_slots_it_covers() -> None:
    now = datetime(2026, 11, 23, 14, tzinfo=UTC)
    calendar = parse_busy_text(ics(WEEKLY), "cal.ics")
    req = SlotRequest(
        now=now,
        interviewer_tz="America/New_York",
        candidate_tz="Europe/London",
        hours="09:00-12:00",
        calendars=(calendar,),
        count=3,
    )
    result = find_slots(req)
    busy = tuple(calendar.intervals(SPAN, LONDON))
    assert result.slots
    assert_all_valid(
        result.slots,
        Rules(now, "America/New_York", "Europe/London", "US", hours=(540, 720), busy=busy),
    )
    # Without the calendar Tuesday 10:00 would be picked; with it, never 10:00-11:00.
    for slot in result.slots:
        local = slot.start.astimezone(ZoneInfo("America/New_York"))
        if local.weekday() == 1:  # Wednesday 25 is the EXDATE, so it is free
            assert not (9 * 60 + 15 < local.hour * 60 + local.minute < 11 * 60)


def test_moved_and_cancelled_occurrences_replace_the_original() -> None:
    moved = """UID:standup
RECURRENCE-ID;TZID=America/New_York:20261124T100000
DTSTART;TZID=America/New_York:20261124T150000
DTEND;TZID=America/New_York:20261124T160000"""
    cancelled = """UID:standup
RECURRENCE-ID;TZID=America/New_York:20261126T100000
DTSTART;TZID=America/New_York:20261126T100000
DTEND;TZID=America/New_York:20261126T110000
STATUS:CANCELLED"""
    starts = _starts(ics(WEEKLY, moved, cancelled))
    assert datetime(2026, 11, 24, 15, tzinfo=UTC) not in starts
    assert datetime(2026, 11, 24, 20, tzinfo=UTC) in starts
    assert datetime(2026, 11, 26, 15, tzinfo=UTC) not in starts


def test_all_day_floating_free_and_duration_events() -> None:
    text = ics(
        "UID:a\nDTSTART;VALUE=DATE:20261124\nDTEND;VALUE=DATE:20261126\nSUMMARY:Trip",
        "UID:b\nDTSTART:20261127T090000\nDURATION:PT2H",
        "UID:c\nDTSTART:20261127T140000Z\nDTEND:20261127T150000Z\nTRANSP:TRANSPARENT",
    )
    spans = sorted(parse_busy_text(text, "x.ics").intervals(SPAN, ZoneInfo("Asia/Tokyo")))
    tokyo = ZoneInfo("Asia/Tokyo")
    assert spans[0] == (
        datetime(2026, 11, 24, tzinfo=tokyo).astimezone(UTC),
        datetime(2026, 11, 26, tzinfo=tokyo).astimezone(UTC),
    )
    assert spans[1][0] == datetime(2026, 11, 27, 9, tzinfo=tokyo)  # floating = my clock
    assert spans[1][1] - spans[1][0] == timedelta(hours=2)
    assert len(spans) == 2  # the transparent event blocks nothing


def test_until_in_utc_and_daily_count_rules_expand() -> None:
    text = ics(
        "UID:d\nDTSTART;TZID=Europe/London:20261102T120000\nDTEND;TZID=Europe/London:"
        "20261102T130000\nRRULE:FREQ=DAILY;UNTIL=20261105T120000Z",
        "UID:e\nDTSTART:20261110T080000Z\nDTEND:20261110T083000Z\nRRULE:FREQ=DAILY;COUNT=2",
    )
    starts = _starts(text)
    assert len([s for s in starts if s.hour == 12]) == 4
    assert len([s for s in starts if s.hour == 8]) == 2


def test_a_file_that_is_not_a_calendar_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_text("hello")
    with pytest.raises(InputError) as caught:
        load_busy(path)
    assert caught.value.field == "busy"
    assert f"{path}: line 1: not an iCalendar file" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nEND:VEVENT\nEND:VCALENDAR\n", "line 2"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", "no start time"),
        (
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261124T100000Z\n"
            "RRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n",
            "RRULE",
        ),
    ],
)
def test_an_unusable_event_is_skipped_with_a_counted_warning(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "odd.ics"
    path.write_text(text)
    calendar = load_busy(path)
    assert calendar.events == ()
    assert len(calendar.warnings) == 1
    assert calendar.warnings[0].startswith(f"{path}: 1 event skipped: ")
    assert expected in calendar.warnings[0]


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_busy(tmp_path / "missing.ics")
    with pytest.raises(InputError, match="is a folder"):
        load_busy(tmp_path)
    binary = tmp_path / "photo.ics"
    binary.write_bytes(b"BEGIN:VCALENDAR\n\xff\xfe\x00")
    with pytest.raises(InputError, match="line 2: not UTF-8"):
        load_busy(binary)
