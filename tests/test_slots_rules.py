"""Named cases for the slot finder: the traps the issue lists, one test each."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from amends.errors import InputError
from amends.slots import SlotRequest, country_for_zone, find_slots
from tests.test_slots_checker import Rules, assert_all_valid
from tests.test_slots_properties import transitions
from tests.zones_edge import (
    EU_WEST,
    FAR_EAST,
    FRI_SAT_WEEKEND,
    HALF_HOUR_DST,
    NEGATIVE_DST,
    US_EAST,
)


def _change(zone: str, year: int, month_from: int, month_to: int) -> datetime:
    return next(t for t in transitions(zone, year) if month_from <= t.month <= month_to)


def _days(result_slots: tuple[object, ...], tz: str) -> list[date]:
    return [s.start.astimezone(ZoneInfo(tz)).date() for s in result_slots]  # type: ignore[attr-defined]


def test_week_when_only_the_us_has_changed_clocks_uses_the_four_hour_gap() -> None:
    us = _change(US_EAST, 2026, 3, 4)
    eu = _change(EU_WEST, 2026, 3, 4)
    assert eu - us > timedelta(days=7)  # the trap: weeks apart
    now = us + timedelta(hours=12)
    # 09:00 in New York is 13:00 in London only in that week (14:00 otherwise).
    req = SlotRequest(
        now=now, interviewer_tz=US_EAST, candidate_tz=EU_WEST, my_hours="08:00-14:00", days=4
    )
    result = find_slots(req)
    assert result.slots, result.explanation
    for slot in result.slots:
        assert slot.start < eu
        ny, london = (
            slot.start.astimezone(ZoneInfo(US_EAST)),
            slot.start.astimezone(ZoneInfo(EU_WEST)),
        )
        assert (london.utcoffset() - ny.utcoffset()) == timedelta(hours=4)  # type: ignore[operator]
    assert_all_valid(result.slots, Rules(now, US_EAST, EU_WEST, "US", my_hours=(480, 840), days=4))
    after = find_slots(SlotRequest(**{**req.__dict__, "now": eu + timedelta(days=1)}))
    assert after.slots == ()
    assert after.explanation and "No 45-minute time" in after.explanation


@pytest.mark.parametrize("month", [3, 10])
def test_dublin_negative_dst_keeps_both_clocks(month: int) -> None:
    change = _change(NEGATIVE_DST, 2026, month, month)
    now = change - timedelta(days=2)
    req = SlotRequest(now=now, interviewer_tz=NEGATIVE_DST, candidate_tz=US_EAST, days=5)
    result = find_slots(req)
    assert result.slots
    assert_all_valid(result.slots, Rules(now, NEGATIVE_DST, US_EAST, "IE"))
    # The October bank holiday (last Monday) is never proposed.
    assert date(2026, 10, 26) not in _days(result.slots, NEGATIVE_DST)


@pytest.mark.parametrize("month", [4, 10])
def test_lord_howe_half_hour_shift_is_respected(month: int) -> None:
    change = _change(HALF_HOUR_DST, 2026, month, month)
    now = change - timedelta(days=1)
    # A tight window on Lord Howe's clock: the 30-minute shift decides what fits.
    req = SlotRequest(
        now=now,
        interviewer_tz=EU_WEST,
        candidate_tz=HALF_HOUR_DST,
        my_hours="19:30-21:00",
        hours="08:00-12:00",
        duration=timedelta(minutes=30),
        days=6,
    )
    result = find_slots(req)
    rules = Rules(
        now,
        EU_WEST,
        HALF_HOUR_DST,
        "GB",
        hours=(480, 720),
        my_hours=(1170, 1260),
        duration=timedelta(minutes=30),
        days=6,
    )
    assert_all_valid(result.slots, rules)
    offsets = {s.start.astimezone(ZoneInfo(HALF_HOUR_DST)).utcoffset() for s in result.slots}
    assert offsets and all(o is not None and o.seconds % 3600 in (0, 1800) for o in offsets)


def test_friday_saturday_weekend_country_works_sundays() -> None:
    now = datetime(2026, 11, 25, 10, tzinfo=UTC)  # Wednesday
    result = find_slots(SlotRequest(now=now, interviewer_tz=FRI_SAT_WEEKEND, count=5, days=5))
    days = _days(result.slots, FRI_SAT_WEEKEND)
    assert result.country == "SA"
    assert all(d.weekday() not in (4, 5) for d in days)
    assert date(2026, 11, 29) in days  # Sunday is a working day in Saudi Arabia
    assert any("Friday and Saturday" in note for note in result.notes)
    assert_all_valid(result.slots, Rules(now, FRI_SAT_WEEKEND, FRI_SAT_WEEKEND, "SA"))


def test_bank_holiday_and_its_observed_substitute_days_are_skipped() -> None:
    # Christmas 2027 is a Saturday and Boxing Day a Sunday: Monday 27 and Tuesday 28
    # December are the substitute bank holidays in the UK.
    now = datetime(2027, 12, 22, 15, tzinfo=UTC)
    result = find_slots(SlotRequest(now=now, interviewer_tz=EU_WEST, days=3, count=3))
    assert result.business_days == (date(2027, 12, 23), date(2027, 12, 24), date(2027, 12, 29))
    days = _days(result.slots, EU_WEST)
    assert not {date(2027, 12, 27), date(2027, 12, 28)} & set(days)
    assert any("observed" in note and "27 December" in note for note in result.notes)
    assert_all_valid(result.slots, Rules(now, EU_WEST, EU_WEST, "GB", my_hours=(480, 1200), days=3))


def test_zones_thirteen_hours_apart_say_so_and_offer_the_nearest_time() -> None:
    now = datetime(2026, 11, 23, 14, tzinfo=UTC)
    req = SlotRequest(now=now, interviewer_tz=FAR_EAST, candidate_tz=EU_WEST)
    assert ZoneInfo(FAR_EAST).utcoffset(now.replace(tzinfo=None)) == timedelta(hours=13)
    result = find_slots(req)
    assert result.slots == ()
    assert result.explanation is not None
    assert "No 45-minute time" in result.explanation
    assert "20:00–04:00" in result.explanation  # their day on my clock, said plainly
    assert result.near_misses
    for miss in result.near_misses:
        assert miss.minutes_outside > 0 and miss.side in ("before", "after")
    windows = find_slots(SlotRequest(**{**req.__dict__, "windows": True}))
    assert windows.windows == () and windows.explanation


def test_proposals_fall_on_different_days_and_mix_mornings_and_afternoons() -> None:
    now = datetime(2026, 11, 23, 14, tzinfo=UTC)
    result = find_slots(SlotRequest(now=now, interviewer_tz=US_EAST, candidate_tz=EU_WEST))
    assert len(result.slots) == 3
    local = [s.start.astimezone(ZoneInfo(US_EAST)) for s in result.slots]
    assert len({t.date() for t in local}) == 3
    assert {t.hour < 12 for t in local} == {True, False}
    assert_all_valid(result.slots, Rules(now, US_EAST, EU_WEST, "US"))


def test_default_notice_is_the_next_working_morning_and_min_notice_allows_today() -> None:
    now = datetime(2026, 11, 24, 8, tzinfo=UTC)  # Tuesday 08:00 in London
    default = find_slots(SlotRequest(now=now, interviewer_tz=EU_WEST))
    assert min(_days(default.slots, EU_WEST)) == date(2026, 11, 25)
    soon = find_slots(SlotRequest(now=now, interviewer_tz=EU_WEST, min_notice=timedelta(hours=2)))
    assert date(2026, 11, 24) in _days(soon.slots, EU_WEST)
    assert all(s.start >= now + timedelta(hours=2) for s in soon.slots)


def test_country_is_inferred_from_the_zone_and_can_be_overridden() -> None:
    assert country_for_zone("Europe/London") == "GB"
    assert country_for_zone("Asia/Calcutta") == "IN"  # a link name
    assert country_for_zone("Etc/GMT-14") is None
    now = datetime(2026, 11, 25, 10, tzinfo=UTC)
    result = find_slots(SlotRequest(now=now, interviewer_tz=EU_WEST, country="sa", count=5))
    assert result.country == "SA"
    assert all(d.weekday() not in (4, 5) for d in _days(result.slots, EU_WEST))


def test_a_zone_without_a_country_says_which_rules_were_assumed() -> None:
    now = datetime(2026, 11, 25, 10, tzinfo=UTC)
    result = find_slots(SlotRequest(now=now, interviewer_tz="Etc/GMT-14"))
    assert result.country is None
    assert any("No country is known" in note for note in result.notes)
    assert all(d.weekday() < 5 for d in _days(result.slots, "Etc/GMT-14"))


def test_explicit_busy_times_are_avoided() -> None:
    now = datetime(2026, 11, 23, 14, tzinfo=UTC)
    busy = [(datetime(2026, 11, 24, 0, tzinfo=UTC), datetime(2026, 11, 26, 0, tzinfo=UTC))]
    result = find_slots(SlotRequest(now=now, interviewer_tz=EU_WEST, busy=busy))
    assert result.slots
    assert all(s.start >= busy[0][1] for s in result.slots)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"interviewer_tz": "Mars/Olympus"}, "tz"),
        ({"candidate_tz": "Eastern"}, "my_tz"),
        ({"country": "XX"}, "country"),
        ({"country": "US-ZZ"}, "country"),
        ({"hours": "17:00-09:00"}, "hours"),
        ({"hours": "09:00-09:00"}, "hours"),
        ({"hours": "09:00-09:30"}, "hours"),
        ({"hours": "nine to five"}, "hours"),
        ({"my_hours": "25:00-26:00"}, "my_hours"),
        ({"days": 0}, "days"),
        ({"days": 61}, "days"),
        ({"count": 0}, "count"),
        ({"count": 6}, "count"),
        ({"duration": timedelta(0)}, "duration"),
        ({"duration": timedelta(hours=9)}, "duration"),
        ({"duration": timedelta(seconds=90)}, "duration"),
        ({"now": datetime(2026, 11, 23, 14)}, "now"),
        ({"min_notice": timedelta(days=-1)}, "min_notice"),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, object], field: str) -> None:
    base: dict[str, object] = {
        "now": datetime(2026, 11, 23, 14, tzinfo=UTC),
        "interviewer_tz": EU_WEST,
    }
    with pytest.raises(InputError) as caught:
        SlotRequest(**{**base, **changes})  # type: ignore[arg-type]
    assert caught.value.field == field
