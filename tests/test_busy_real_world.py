"""Busy calendars are read the way calendar clients read them: every usable event counts.

Each calendar below is shaped like an export we have seen from a real client;
one thing in it is unusual. The usable events still block time, the rest are
skipped with a counted, specific warning, and only a file that is not a
calendar at all is refused.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from amends.errors import InputError
from amends.slots.busy_file import load_busy, parse_busy_text

SPAN = (datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 12, 5, tzinfo=UTC))
LONDON = ZoneInfo("Europe/London")
GOOD = (
    "BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20261124T100000Z\r\nDTEND:20261124T110000Z\r\n"
    "END:VEVENT\r\n"
)
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp//Calendar 1.0//EN\r\n"
TAIL = "END:VCALENDAR\r\n"
BERLIN_TZ = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\n"
    "RDATE:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)

CALENDARS = {
    "event without DTSTART": (
        HEAD + GOOD + "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:To do\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:y\r\nSUMMARY:Also\r\nEND:VEVENT\r\n" + TAIL,
        ["2 events skipped: no start time"],
    ),
    "VTIMEZONE after the event that uses it, with RDATE": (
        HEAD + GOOD + "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/Berlin:20261125T090000\r\n"
        "DTEND;TZID=Europe/Berlin:20261125T100000\r\nEND:VEVENT\r\n" + BERLIN_TZ + TAIL,
        [],
    ),
    "RRULE with RSCALE (RFC 7529)": (
        HEAD + GOOD + "BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20261101T090000Z\r\n"
        "DTEND:20261101T100000Z\r\nRRULE:RSCALE=CHINESE;FREQ=YEARLY;SKIP=FORWARD\r\n"
        "END:VEVENT\r\n" + TAIL,
        ["1 event skipped"],
    ),
    "vendor X- line with unusual syntax": (
        HEAD + 'X-WR-CALNAME;X-ODD="a:b";BROKEN\r\nX-APPLE-STRUCTURED-LOCATION;;:geo\r\n'
        + GOOD + TAIL,
        ["× line that is not NAME:value ignored"],
    ),
    "missing END:VCALENDAR": (HEAD + GOOD, []),
    "RRULE that never matches": (
        HEAD + GOOD + "BEGIN:VEVENT\r\nUID:n\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T100000Z"
        "\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n" + TAIL,
        [],
    ),
    "ten impossible SECONDLY rules": (
        HEAD + GOOD + "".join(
            f"BEGIN:VEVENT\r\nUID:s{i}\r\nDTSTART:20260101T090000Z\r\nDTEND:20260101T100000Z\r\n"
            "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n"
            for i in range(10)
        ) + TAIL,
        ["10 events skipped: repeats every minute or second"],
    ),
    "VTIMEZONE nested 200 deep": (
        HEAD + "BEGIN:VTIMEZONE\r\n" * 200 + "END:VTIMEZONE\r\n" * 200 + GOOD + TAIL,
        ["component nested too deeply"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CALENDARS))
def test_every_readable_event_is_used_and_the_rest_are_counted(name: str) -> None:
    text, expected = CALENDARS[name]
    calendar = parse_busy_text(text, "mine.ics")
    busy = calendar.intervals(SPAN, LONDON)
    assert (datetime(2026, 11, 24, 10, tzinfo=UTC), datetime(2026, 11, 24, 11, tzinfo=UTC)) in busy
    for fragment in expected:
        assert any(fragment in w for w in calendar.warnings), calendar.warnings
    if not expected:
        assert calendar.warnings == ()
    assert all(w.startswith("mine.ics: ") for w in calendar.warnings)


def test_an_event_defined_in_a_later_vtimezone_uses_that_zone() -> None:
    text, _ = CALENDARS["VTIMEZONE after the event that uses it, with RDATE"]
    busy = parse_busy_text(text, "mine.ics").intervals(SPAN, LONDON)
    assert (datetime(2026, 11, 25, 8, tzinfo=UTC), datetime(2026, 11, 25, 9, tzinfo=UTC)) in busy


@pytest.mark.parametrize(
    "text", ["", "hello", "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "<html><body>calendar</body></html>"]
)
def test_only_what_is_not_a_calendar_at_all_is_refused(text: str, tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    path.write_text(text)
    with pytest.raises(InputError, match="not an iCalendar file"):
        load_busy(path)


ICALENDAR_CALENDARS = Path(icalendar.__file__).parent / "tests" / "calendars"


def test_the_icalendar_projects_own_calendars_are_read_without_noise(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Its test calendars (RFC examples, Apple, Google and Outlook exports): each with events
    is read, what cannot be used becomes a warning line (never a Python warning on stderr),
    and only the files that are not a VCALENDAR at all are refused."""
    files = sorted(ICALENDAR_CALENDARS.glob("*.ics"))
    with_events = [f for f in files if b"BEGIN:VEVENT" in f.read_bytes()]
    assert len(with_events) >= 90
    refused = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning escaping the reader fails here
        for path in with_events:
            try:
                load_busy(path)
            except InputError as exc:
                assert "not an iCalendar file (no BEGIN:VCALENDAR)" in exc.message
                refused.append(path.name)
    assert all(not f.read_text(errors="replace").lstrip().startswith("BEGIN:VCALENDAR")
               for f in with_events if f.name in refused)  # fmt: skip
    assert len(refused) <= 2
    assert capsys.readouterr().err == ""


def test_a_guessed_vendor_time_zone_is_a_warning_line_not_a_python_warning() -> None:
    text = (
        HEAD + "BEGIN:VEVENT\r\nUID:v\r\nDTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:"
        "20261124T100000\r\nDTEND;TZID=/mozilla.org/20070129_1/Europe/Berlin:20261124T110000"
        "\r\nEND:VEVENT\r\n" + TAIL
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        calendar = parse_busy_text(text, "mine.ics")
    assert len(calendar.events) == 1
    assert any(w.startswith("mine.ics: ") and "Europe/Berlin" in w for w in calendar.warnings)
