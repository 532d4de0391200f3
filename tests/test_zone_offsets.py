"""A zone's tables of offset changes say exactly what reading the clock says.

The tables are built from the data ``zoneinfo`` loaded (listed transitions, then
the footer's yearly rule); the clock (``offset_seconds``, ``astimezone``) is the
authority. Each table is held to one built by reading the clock six days apart and
bisecting every change to the second, for every distinct zone over the years
requests use and, a span in ten, over every year amends accepts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates import zone_offsets
from amends.dates.zone_offsets import SPAN, changes_between, offset_at, table
from amends.dates.zones import offset_seconds
from tests.test_fast_time_tables import ALL_ZONES, _distinct_zones

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UNTIL = int((datetime(2200, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())
_NEAR = range(
    int((datetime(2024, 1, 1, tzinfo=UTC) - EPOCH).total_seconds()) // SPAN,
    int((datetime(2031, 1, 1, tzinfo=UTC) - EPOCH).total_seconds()) // SPAN + 1,
)


def test_tables_from_zone_data_equal_reading_the_clock_near_today() -> None:
    for name in _distinct_zones():
        tz = ZoneInfo(name)
        for index in _NEAR:
            assert table(tz, index) == zone_offsets._by_readings(tz, index * SPAN), (name, index)


def test_tables_from_zone_data_equal_reading_the_clock_from_1970_to_2199() -> None:
    for name in _distinct_zones():
        tz = ZoneInfo(name)
        for index in range(0, _UNTIL // SPAN + 1, 10):
            assert table(tz, index) == zone_offsets._by_readings(tz, index * SPAN), (name, index)


def test_every_change_in_a_table_is_the_first_second_of_the_new_offset() -> None:
    for name in ("America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "Africa/Casablanca"):
        tz = ZoneInfo(name)
        for index in _NEAR:
            found = table(tz, index)
            for at, after in zip(found.changes, found.offsets[1:], strict=True):
                before = (EPOCH + timedelta(seconds=at - 1)).astimezone(tz).utcoffset()
                assert before != timedelta(seconds=after)
                assert offset_seconds(tz, at) == after


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(ALL_ZONES), st.integers(0, _UNTIL - 1))
def test_offset_at_equals_the_clock_anywhere(name: str, seconds: int) -> None:
    tz = ZoneInfo(name)
    assert offset_at(tz, seconds) == offset_seconds(tz, seconds)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ALL_ZONES), st.integers(0, _UNTIL - 30 * 86_400), st.integers(1, 90))
def test_changes_between_are_the_changes_the_clock_shows(name: str, low: int, days: int) -> None:
    """Across table edges too: each change in ``(low, high]``, and none elsewhere."""
    tz = ZoneInfo(name)
    high = low + days * 86_400
    found = changes_between(tz, low, high)
    moments = [low, *(at for at, _, _ in found), high + 1]
    for (at, before, after), start in zip(found, moments, strict=False):
        assert low < at <= high
        assert offset_seconds(tz, at - 1) == before != after == offset_seconds(tz, at)
        assert start < at
    # Between two found changes the clock shows one offset wherever it is read.
    for start, end in pairwise(moments):
        step = max(1, (end - 1 - start) // 8)
        readings = {offset_seconds(tz, s) for s in range(start, end - 1, step)}
        assert len(readings) == 1, (name, start, end)


def test_a_zone_without_readable_data_is_read_on_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tz = ZoneInfo("Europe/London")
    index = _NEAR[2]
    expected = table(tz, index)
    table.cache_clear()
    monkeypatch.setattr(zone_offsets, "_zone_data", lambda key: None)
    try:
        assert table(tz, index) == expected
        assert len(expected.changes) >= 1
    finally:
        table.cache_clear()


@pytest.mark.parametrize(
    ("name", "when"),
    [("America/Recife", datetime(2000, 10, 8, tzinfo=UTC)), ("Asia/Gaza", datetime(2040, 10, 20))],
)
def test_changes_under_a_week_apart_are_both_read_on_the_clock(name: str, when: datetime) -> None:
    """Recife kept summer time for one week in October 2000; tzdata predicts Gaza's clocks
    changing 6 days 23 hours apart in some years from 2040: the clock reading finds both."""
    tz = ZoneInfo(name)
    moment = int((when.replace(tzinfo=UTC) - EPOCH).total_seconds())
    seen = changes_between(tz, moment - 40 * 86_400, moment + 40 * 86_400)
    gaps = [b[0] - a[0] for a, b in pairwise(seen)]
    assert min(gaps) < 7 * 86_400, seen
    index = seen[0][0] // SPAN
    for i in {index, seen[-1][0] // SPAN}:
        assert zone_offsets._by_readings(tz, i * SPAN) == table(tz, i), (name, i)
