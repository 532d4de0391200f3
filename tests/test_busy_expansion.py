"""Expanding a long-running series from near the search gives exactly its occurrences there.

A weekly meeting started years ago must not be walked from its first week on
every search, so :func:`amends.slots.busy_rules.forward` starts simple daily and
weekly rules a whole number of periods later; these tests hold that to
dateutil's own full expansion, and the whole busy-time answer to a calendar
whose series start right before the search.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bench.bench_busy import calendar_text
from dateutil.rrule import rrule, rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from amends.slots import SlotRequest, busy_cache, find_slots
from amends.slots.busy_file import load_busy, parse_busy_text
from amends.slots.busy_rules import forward, last_possible

RULES = st.sampled_from(
    [
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH",
        "FREQ=WEEKLY;BYDAY=TU,WE,FR;WKST=SU",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,SA;WKST=MO",
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=DAILY;BYDAY=MO,WE",
        "FREQ=DAILY;COUNT=400",
        "FREQ=MONTHLY;BYDAY=2TU",
        "FREQ=WEEKLY;BYHOUR=9,15",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    rule=RULES,
    start=st.datetimes(datetime(2015, 1, 1), datetime(2027, 1, 1)),
    ahead=st.integers(min_value=0, max_value=4000),
    until=st.one_of(st.none(), st.integers(min_value=1, max_value=5000)),
)
def test_a_forwarded_series_has_the_same_occurrences_from_the_search_on(
    rule: str, start: datetime, ahead: int, until: int | None
) -> None:
    start = start.replace(second=0, microsecond=0)
    text = (
        rule
        if until is None or "COUNT" in rule
        else f"{rule};UNTIL=" + (start + timedelta(days=until)).strftime("%Y%m%dT%H%M%S")
    )
    full = rrulestr(text, dtstart=start, ignoretz=True)
    assert isinstance(full, rrule)
    low = start + timedelta(days=ahead, minutes=ahead % 97)
    high = low + timedelta(days=90)
    assert list(forward(full, low).between(low, high, inc=True)) == list(
        full.between(low, high, inc=True)
    )


@settings(max_examples=300, deadline=None)
@given(
    rule=st.sampled_from(
        [
            "FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=3",
            "FREQ=DAILY;BYDAY=MO",
            "FREQ=WEEKLY",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR",
            "FREQ=WEEKLY;BYDAY=SU;WKST=MO",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=SA,SU;WKST=SU",
            "FREQ=MONTHLY;BYMONTHDAY=31",
        ]
    ),
    count=st.integers(min_value=1, max_value=80),
    start=st.datetimes(datetime(2015, 1, 1), datetime(2027, 1, 1)),
)
def test_a_counted_series_ends_where_the_search_expects_it_to(
    rule: str, count: int, start: datetime
) -> None:
    """A series known to end before the search is not expanded at all."""
    parsed = rrulestr(f"{rule};COUNT={count}", dtstart=start, ignoretz=True)
    assert isinstance(parsed, rrule)
    last = last_possible(parsed)
    if last is not None:
        assert max(parsed) <= last


def _calendar(first: datetime) -> str:
    stamp = first.strftime("%Y%m%dT%H%M%S")
    end = (first + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:weekly@t\r\nDTSTAMP:20260101T000000Z\r\n"
        f"DTSTART;TZID=Europe/London:{stamp}\r\nDTEND;TZID=Europe/London:{end}\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def test_a_series_started_years_ago_blocks_the_same_times_as_one_started_last_week() -> None:
    now = datetime(2026, 11, 23, 8, tzinfo=UTC)
    old = parse_busy_text(_calendar(datetime(2019, 3, 4, 11, 0)), "old.ics")
    new = parse_busy_text(_calendar(datetime(2026, 11, 16, 11, 0)), "new.ics")
    with_old, with_new = (
        find_slots(SlotRequest(now, "America/New_York", "Europe/London", days=20, calendars=(cal,)))
        for cal in (old, new)
    )
    assert with_old.slots == with_new.slots
    span, london = (now, now + timedelta(days=30)), ZoneInfo("Europe/London")
    assert old.intervals(span, london) == new.intervals(span, london)
    assert len(old.intervals(span, london)) >= 20


@pytest.fixture
def busy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where a test writes its ``.ics`` file, with a cache folder of its own."""
    monkeypatch.setenv("AMENDS_HOME", str(tmp_path / "home"))
    return tmp_path / "busy.ics"


def test_a_busy_file_read_again_comes_from_the_cache_with_the_same_calendar(
    busy_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy_file.write_text(calendar_text(300) + _calendar(datetime(2019, 3, 4, 11, 0)), "utf-8")
    parsed = parse_busy_text(busy_file.read_text("utf-8"), str(busy_file))
    first = load_busy(busy_file)
    saved = list(busy_cache.folder().glob("*.json"))
    assert first == parsed and len(saved) == 1
    # The second read never parses: the saved calendar is the same value.
    monkeypatch.setattr(
        "amends.slots.busy_file.parse_busy_text", lambda *_: pytest.fail("parsed again")
    )
    assert load_busy(busy_file) == parsed


def test_events_set_aside_come_back_from_the_cache_with_their_text_unchanged(
    busy_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each event set aside is saved as one tab-separated line: tabs and the line breaks
    # inside its text must come back as they were.
    odd = "\r\n".join(
        (
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:with\ta tab\t\tand more",
            "DTSTART:20190304T110000Z",
            "DTEND:20190304T120000Z",
            "SUMMARY:\tindented",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        )
    )
    busy_file.write_text(odd + calendar_text(50), "utf-8")
    parsed = parse_busy_text(busy_file.read_text("utf-8"), str(busy_file))
    assert any("\t" in p.text for p in parsed.pending)
    assert load_busy(busy_file) == parsed
    monkeypatch.setattr(
        "amends.slots.busy_file.parse_busy_text", lambda *_: pytest.fail("parsed again")
    )
    again = load_busy(busy_file)
    assert again == parsed and again.pending == parsed.pending


def test_a_changed_busy_file_is_parsed_afresh(busy_file: Path) -> None:
    busy_file.write_text(_calendar(datetime(2026, 11, 16, 11, 0)), "utf-8")
    before = load_busy(busy_file)
    busy_file.write_text(_calendar(datetime(2026, 11, 17, 15, 30)), "utf-8")
    after = load_busy(busy_file)
    assert before.events[0].start != after.events[0].start
    assert after == parse_busy_text(busy_file.read_text("utf-8"), str(busy_file))


def test_a_search_before_a_series_starts_finds_nothing_even_for_a_rule_that_never_matches() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:n\r\nDTSTART:20260101T090000Z\r\n"
        "DTEND:20260101T100000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n"
        "RDATE:20251201T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    span = (datetime(2025, 11, 23, tzinfo=UTC), datetime(2025, 12, 5, tzinfo=UTC))
    busy = parse_busy_text(text, "cal.ics").intervals(span, ZoneInfo("Europe/London"))
    assert busy == [(datetime(2025, 12, 1, 9, tzinfo=UTC), datetime(2025, 12, 1, 10, tzinfo=UTC))]
