"""The first moment both clocks allow is the one a scan of every quarter hour finds.

:func:`amends.dates.meeting.shared_moment` jumps from one possible change to the
next; it is held here to the plain scan it replaced (each quarter hour read on
both clocks), around real DST changes, in zones with 30- and 45-minute
offsets, with overnight waking hours, holidays and windows that never meet.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates.calendar import BusinessCalendar, Hours, calendar_for, in_hours, next_waking
from amends.dates.meeting import next_quarter, shared_moment
from tests.zones_edge import ALL_EDGE_ZONES

STEP = timedelta(minutes=15)


def scanned_moment(
    after: datetime,
    mine: tuple[str, Hours],
    theirs: tuple[str, Hours, BusinessCalendar],
    within: timedelta = timedelta(days=14),
) -> datetime | None:
    """Every quarter hour read on both clocks until one fits (the user's night skipped)."""
    my_tz, my_hours = mine
    their_tz, their_hours, calendar = theirs
    if in_hours(after, my_tz, my_hours) and calendar.is_working_time(after, their_tz, their_hours):
        return after
    moment = next_quarter(after)
    while moment <= after + within:
        if not in_hours(moment, my_tz, my_hours):
            woken = next_quarter(next_waking(moment, my_tz, my_hours))
            moment = woken if woken > moment else moment + STEP
            continue
        local_day = moment.astimezone(ZoneInfo(their_tz)).date()
        if in_hours(moment, their_tz, their_hours) and calendar.is_business_day(local_day):
            return moment
        moment += STEP
    return None


# Days around the 2026 offset changes of the edge zones, and ordinary days.
CHANGE_DAYS = [
    date(2026, 3, 8), date(2026, 3, 29), date(2026, 4, 5), date(2026, 9, 27),
    date(2026, 10, 4), date(2026, 10, 25), date(2026, 11, 1), date(2026, 12, 24),
]  # fmt: skip
HOURS = ["09:00-17:00", "08:30-18:00", "10:00-16:00", "00:00-24:00", "13:05-13:25"]
MY_HOURS = [
    "08:00-20:00",
    "07:00-22:00",
    "22:00-06:00",
    "09:00-23:30",
    "06:00-20:00",
    "00:00-24:00",
]


@st.composite
def searches(
    draw: st.DrawFn,
) -> tuple[datetime, tuple[str, Hours], tuple[str, Hours, BusinessCalendar]]:
    day = draw(st.sampled_from(CHANGE_DAYS)) + timedelta(days=draw(st.integers(-4, 4)))
    after = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        seconds=draw(st.integers(0, 2 * 86_400))
    )
    my_tz = draw(st.sampled_from(ALL_EDGE_ZONES))
    their_tz = draw(st.sampled_from(ALL_EDGE_ZONES))
    mine = (my_tz, Hours.parse(draw(st.sampled_from(MY_HOURS)), "my_hours", overnight=True))
    country = draw(st.sampled_from([None, "US", "GB", "DE", "SA"]))
    hours = Hours.parse(draw(st.sampled_from(HOURS)), "hours")
    return after, mine, (their_tz, hours, calendar_for(their_tz, country))


@settings(max_examples=400, deadline=None)
@given(searches(), st.integers(1, 14))
def test_shared_moment_is_the_first_quarter_hour_a_full_scan_finds(
    case: tuple[datetime, tuple[str, Hours], tuple[str, Hours, BusinessCalendar]], days: int
) -> None:
    after, mine, theirs = case
    within = timedelta(days=days)
    found = shared_moment(after, mine, theirs, within)
    expected = scanned_moment(after, mine, theirs, within)
    assert found == expected
    if found is not None and expected is not None:
        assert found.tzinfo == expected.tzinfo
        assert found.isoformat() == expected.isoformat()


def test_a_night_shift_against_an_office_twelve_hours_away_never_meets() -> None:
    mine = ("Asia/Tokyo", Hours.parse("08:00-12:00", "my_hours", overnight=True))
    theirs = (
        "America/New_York",
        Hours.parse("09:00-17:00", "hours"),
        calendar_for("America/New_York"),
    )
    after = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert shared_moment(after, mine, theirs) is None
    assert scanned_moment(after, mine, theirs) is None


def test_the_follow_up_waits_for_the_interviewers_next_business_day() -> None:
    """Friday evening in London: the first shared moment is Monday 09:00 London time."""
    mine = ("America/New_York", Hours.parse("07:00-22:00", "my_hours", overnight=True))
    theirs = ("Europe/London", Hours.parse("09:00-17:00", "hours"), calendar_for("Europe/London"))
    after = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # Friday 18:00 in London
    found = shared_moment(after, mine, theirs)
    assert found == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 07:00 in New York, 12:00 London
    assert found == scanned_moment(after, mine, theirs)


def test_a_moment_already_inside_both_windows_is_kept_as_given() -> None:
    mine = ("Europe/Berlin", Hours.parse("08:00-20:00", "my_hours", overnight=True))
    theirs = ("Europe/London", Hours.parse("09:00-17:00", "hours"), calendar_for("Europe/London"))
    after = datetime(2026, 11, 24, 10, 7, 30, tzinfo=ZoneInfo("Europe/London"))
    assert shared_moment(after, mine, theirs) is after
