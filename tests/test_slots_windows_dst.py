"""Availability windows across DST changes: the text says exactly when each window is.

A window is one stretch of instants; when the clocks change inside it, each end is
written with its own offset, and a window running to midnight ends at 24:00 of its
day. The text is read back here with a parser of its own (wall time minus the
offset the label states) and must land on the window's exact instants, on both
clocks. The named cases are the ones random runs found; the property covers the rest.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given

from amends.dates.slot import Slot
from amends.slots import SlotRequest, find_slots
from amends.slots.offer import Window
from amends.slots.windows import Reading, hours_text
from tests.test_slots_checker import Rules, violations
from tests.test_slots_properties import SETTINGS, cases
from tests.zones_edge import HALF_HOUR_DST, NEGATIVE_DST

_HOURS = re.compile(
    r"^(?P<start>\d\d:\d\d)(?: (?P<zone>[^–]+))?–(?P<end>\d\d:\d\d)(?P<next> \(next day\))?"
    r" (?P<end_zone>.+?)(?P<shift> \((?:the next day|the day before)\))?$"
)
_OFFSET = re.compile(r"UTC([+−])(\d+)(?::(\d\d))?")


def _offset(label: str) -> timedelta:
    """The UTC offset a zone label states: ``UTC+10:30``, ``EST (UTC−5)``, ``GMT``."""
    found = _OFFSET.search(label)
    if found is None:
        assert label in ("GMT", "UTC"), label
        return timedelta(0)
    sign = -1 if found[1] == "−" else 1
    return sign * timedelta(hours=int(found[2]), minutes=int(found[3] or 0))


def _instants(hours: str, day: date) -> tuple[datetime, datetime]:
    """Read ``09:00–12:00 EST (UTC−5)`` (or ``00:30 UTC+11–02:00 UTC+10:30``) on ``day``."""
    parts = _HOURS.match(hours)
    assert parts, hours
    if parts["shift"]:
        day += timedelta(days=1 if "next" in parts["shift"] else -1)
    end_zone = parts["end_zone"]
    start_zone = parts["zone"] or end_zone
    start = datetime.combine(day, time.fromisoformat(parts["start"]))
    end_text = "00:00" if parts["end"] == "24:00" else parts["end"]
    end_day = day + timedelta(days=(parts["end"] == "24:00") + bool(parts["next"]))
    end = datetime.combine(end_day, time.fromisoformat(end_text))
    return (
        (start - _offset(start_zone)).replace(tzinfo=UTC),
        (end - _offset(end_zone)).replace(tzinfo=UTC),
    )


def text_errors(window: Window) -> list[str]:
    """Where the window's text on either clock does not say its exact instants."""
    errors = []
    days_text, their_hours = window.interviewer_local.split(", ", 1)
    mine_hours = window.candidate_local
    if mine_hours == window.interviewer_local:
        mine_hours = their_hours
    assert window.text.startswith(days_text), window.text
    for day, (start, end) in zip(window.dates, window.spans, strict=True):
        exact = (start.astimezone(UTC), end.astimezone(UTC))
        for who, hours in (("interviewer", their_hours), ("candidate", mine_hours)):
            if _instants(hours, day) != exact:
                errors.append(f"{who}: {hours!r} on {day} is not {start}–{end}")
    return errors


def _windows(
    now: datetime,
    their: str,
    mine: str,
    hours: str,
    *,
    country: str = "SA",
    days: int = 2,
    minutes: int = 30,
) -> tuple[Window, ...]:
    request = SlotRequest(
        now=now,
        interviewer_tz=their,
        candidate_tz=mine,
        country=country,  # Saudi Arabia: Sunday, when most clocks change, is a working day
        hours=hours,
        my_hours="00:00-24:00",
        duration=timedelta(minutes=minutes),
        days=days,
        windows=True,
    )
    windows = find_slots(request).windows
    assert windows
    for window in windows:
        assert text_errors(window) == [], window.to_json()
    return windows


def _on(windows: tuple[Window, ...], day: date) -> Window:
    return next(w for w in windows if day in w.dates)


def test_a_window_across_lord_howes_half_hour_fold_names_the_offset_at_each_end() -> None:
    # Sunday 7 April 2024, 02:00 UTC+11 becomes 01:30 UTC+10:30: 00:30-02:00 lasts two hours.
    windows = _windows(
        datetime(2024, 4, 5, 12, tzinfo=UTC), HALF_HOUR_DST, "Asia/Tokyo", "00:30-02:00"
    )
    sunday = _on(windows, date(2024, 4, 7))
    assert sunday.interviewer_local == "Sun 7 Apr, 00:30 UTC+11–02:00 UTC+10:30"
    assert "22:30–00:30 (next day) JST (UTC+9) (the day before) for me" in sunday.text
    assert sunday.dates == (date(2024, 4, 7),)  # the change day is not merged with Monday


def test_a_window_across_lord_howes_half_hour_gap_ends_at_the_real_time() -> None:
    # Sunday 6 October 2024, 02:00 UTC+10:30 becomes 02:30 UTC+11: 01:00-04:00 is 2.5 hours.
    windows = _windows(
        datetime(2024, 10, 4, 12, tzinfo=UTC), HALF_HOUR_DST, HALF_HOUR_DST, "01:00-04:00"
    )
    sunday = _on(windows, date(2024, 10, 6))
    assert sunday.text == "Sun 6 Oct: morning 01:00 UTC+10:30–04:00 UTC+11"
    start, end = sunday.spans[0]
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2, minutes=30)


def test_a_window_across_dublins_negative_dst_fold_names_ist_and_gmt() -> None:
    # tzdata keeps Irish summer time as "standard" and winter GMT as negative DST.
    windows = _windows(
        datetime(2026, 10, 23, 12, tzinfo=UTC), NEGATIVE_DST, "Europe/London", "00:00-03:00"
    )
    sunday = _on(windows, date(2026, 10, 25))
    assert sunday.text == "Sun 25 Oct: morning 00:00 IST (UTC+1, Dublin)–03:00 GMT"


def test_the_candidates_clock_is_shown_when_the_offsets_part_inside_a_window() -> None:
    # Lord Howe and Guadalcanal are both UTC+11 at 00:30, but not at 02:00 after the fold.
    windows = _windows(
        datetime(2024, 4, 5, 12, tzinfo=UTC), HALF_HOUR_DST, "Pacific/Guadalcanal", "00:30-02:00"
    )
    sunday = _on(windows, date(2024, 4, 7))
    assert sunday.text.endswith("; 00:30–02:30 UTC+11 for me"), sunday.text


def test_a_window_running_to_midnight_ends_at_2400_not_0000() -> None:
    # Cairo's clocks go back at midnight ending Thursday 31 October 2024 (UTC+3 to UTC+2).
    windows = _windows(
        datetime(2024, 10, 29, 12, tzinfo=UTC), "Africa/Cairo", "Asia/Tokyo", "00:00-24:00"
    )
    assert _on(windows, date(2024, 10, 30)).interviewer_local == (
        "Wed 30 Oct, 00:00–24:00 EEST (UTC+3)"
    )
    assert _on(windows, date(2024, 10, 31)).interviewer_local == (
        "Thu 31 Oct, 00:00 EEST (UTC+3)–24:00 EET (UTC+2)"
    )


def test_a_window_ending_as_the_clocks_jump_at_midnight_ends_at_2400_on_the_old_time() -> None:
    # Havana skips 00:00-01:00 on Sunday 10 March 2024: Saturday ends at 24:00 CST.
    windows = _windows(
        datetime(2024, 3, 7, 12, tzinfo=UTC),
        "America/Havana",
        "America/Havana",
        "20:00-24:00",
        country="IR",  # Friday is the only weekend day: Saturday is a working day
    )
    saturday = _on(windows, date(2024, 3, 9))
    assert saturday.interviewer_local == "Sat 9 Mar, 20:00–24:00 CST (UTC−5, Havana)"


def test_interview_length_pieces_at_both_ends_of_a_window_across_a_fold_keep_every_rule() -> None:
    # Found by random runs (seeds 2-4): measured as wall times, the last 90 minutes of
    # 00:30-02:00 on Lord Howe's fold day looked two hours long. On instants they fit.
    now = datetime(2024, 4, 6, 12, tzinfo=UTC)
    ninety = timedelta(minutes=90)
    windows = _windows(now, HALF_HOUR_DST, "Asia/Tokyo", "00:30-02:00", country="BH", minutes=90)
    rules = Rules(now, HALF_HOUR_DST, "Asia/Tokyo", "BH", (30, 120), (0, 1440), ninety, days=2)
    ((start, end),) = _on(windows, date(2024, 4, 7)).spans
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)
    for begin in (start.astimezone(UTC), end.astimezone(UTC) - ninety):
        assert violations(Slot(begin, begin + ninety, HALF_HOUR_DST, "Asia/Tokyo"), rules) == []


def test_american_readers_get_the_offset_at_each_end_on_a_twelve_hour_clock() -> None:
    # The same reading of a window serves the 12-hour wording of American messages.
    windows = _windows(
        datetime(2026, 10, 23, 12, tzinfo=UTC), NEGATIVE_DST, "Europe/London", "00:00-03:00"
    )
    span = _on(windows, date(2026, 10, 25)).spans[0]
    reading = Reading.of(span, ZoneInfo(NEGATIVE_DST))
    assert hours_text(reading, "us") == "12:00 AM IST (UTC+1, Dublin)–3:00 AM GMT"


@SETTINGS
@given(cases())
def test_a_windows_text_says_its_exact_start_and_end_on_both_clocks(
    case: tuple[SlotRequest, Rules],
) -> None:
    request, _ = case
    result = find_slots(SlotRequest(**{**request.__dict__, "windows": True}))
    for window in result.windows:
        assert text_errors(window) == [], window.to_json()


def test_a_window_that_starts_in_the_evening_is_called_an_evening_not_an_afternoon() -> None:
    windows = _windows(
        datetime(2026, 11, 29, 6, tzinfo=UTC), "Asia/Riyadh", "Asia/Riyadh", "19:00-23:00"
    )
    assert all("evening" in w.text and "afternoon" not in w.text for w in windows), [
        w.text for w in windows
    ]


def test_a_window_running_from_afternoon_into_evening_names_no_part_of_the_day() -> None:
    windows = _windows(
        datetime(2026, 11, 29, 6, tzinfo=UTC), "Asia/Riyadh", "Asia/Riyadh", "13:00-20:00"
    )
    assert all("afternoon" not in w.text and "evening" not in w.text for w in windows), [
        w.text for w in windows
    ]
