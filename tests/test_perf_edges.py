"""The speed work of the eighth session changed no answer at the edges of time.

The integer-microsecond slot search, the arithmetic shared moment and the
``parse_local`` fast path are each held here to the code they replaced (the
legacy datetime finder in ``bench/legacy_finder.py``, the quarter-hour scan in
``tests/test_shared_moment.py``, ``strptime`` over the accepted formats) on what
the random equality harnesses rarely reach: DST changes, 30- and 45-minute
zones, Lord Howe's 30-minute DST, Apia's skipped 30 December 2011, the first and
last years amends accepts, nows with microseconds, busy times that touch a
window's edge and waking hours across midnight.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bench import legacy_finder
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.dates.calendar import BusinessCalendar, Hours, calendar_for
from amends.dates.meeting import shared_moment
from amends.dates.zones import _LOCAL_FORMATS, _OFFSET_TAIL, localize, parse_local
from amends.errors import InputError
from amends.slots import SlotRequest, find_slots
from tests.test_shared_moment import scanned_moment

EDGE_ZONES = [
    "Australia/Lord_Howe",  # DST of 30 minutes
    "Pacific/Apia",  # skipped 30 December 2011
    "Asia/Kathmandu",  # UTC+5:45
    "Asia/Kolkata",  # UTC+5:30
    "Australia/Eucla",  # UTC+8:45
    "Pacific/Chatham",  # UTC+12:45 with DST
    "America/St_Johns",  # UTC-3:30 with DST
    "Asia/Tehran",
    "Europe/Dublin",  # negative DST
    "Antarctica/Troll",  # two-hour DST
    "America/New_York",
    "Europe/London",
    "Pacific/Kiritimati",  # UTC+14
    "Etc/GMT+12",
    "Asia/Riyadh",
]
# Moments near offset changes, the skipped day and the ends of the accepted years.
ANCHORS = [
    datetime(2011, 12, 27, tzinfo=UTC),
    datetime(2026, 3, 26, tzinfo=UTC),
    datetime(2026, 4, 2, tzinfo=UTC),
    datetime(2026, 10, 1, tzinfo=UTC),
    datetime(2026, 10, 22, tzinfo=UTC),
    datetime(2026, 11, 29, tzinfo=UTC),
    datetime(1970, 1, 1, tzinfo=UTC),
    datetime(2199, 12, 1, tzinfo=UTC),
    datetime(2199, 12, 27, tzinfo=UTC),
    datetime(2037, 3, 5, tzinfo=UTC),
]


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def instants(draw: st.DrawFn) -> datetime:
    """An anchor plus up to a week, often with microseconds."""
    return draw(st.sampled_from(ANCHORS)) + timedelta(
        seconds=draw(st.integers(0, 7 * 86_400)),
        microseconds=draw(st.sampled_from([0, 0, 1, 999_999, 500_000])),
    )


@st.composite
def waking(draw: st.DrawFn) -> str:
    """Candidate hours, often across midnight, on quarter hours or odd minutes."""
    start = draw(st.integers(0, 95)) * 15 + draw(st.sampled_from([0, 0, 5]))
    length = draw(st.integers(8, 80)) * 15
    return f"{_clock(start)}-{_clock((start + length) % 1440)}"


@st.composite
def working(draw: st.DrawFn) -> str:
    start = draw(st.integers(0, 80)) * 15 + draw(st.sampled_from([0, 0, 10]))
    end = min(1440, start + draw(st.integers(6, 48)) * 15)
    return f"{_clock(start)}-{_clock(end)}"


@st.composite
def slot_requests(draw: st.DrawFn) -> SlotRequest:
    now = draw(instants())
    duration = timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90])))
    busy = []
    for _ in range(draw(st.integers(0, 5))):
        # Busy times on quarter hours (so they touch window edges and starts), or anywhere.
        begin = now.replace(minute=0, second=0, microsecond=0) + timedelta(
            minutes=draw(st.integers(0, 1200)) * 15 + draw(st.sampled_from([0, 0, 0, 7]))
        )
        busy.append((begin, begin + timedelta(minutes=draw(st.sampled_from([15, 30, 60, 240])))))
    notice = draw(
        st.sampled_from([None, None, timedelta(0), timedelta(hours=5), timedelta(seconds=3601)])
    )
    return SlotRequest(
        now=now,
        interviewer_tz=draw(st.sampled_from(EDGE_ZONES)),
        candidate_tz=draw(st.sampled_from(EDGE_ZONES)),
        country=draw(st.sampled_from([None, None, "US", "GB", "WS", "AU"])),
        hours=draw(working()),
        my_hours=draw(waking()),
        duration=duration,
        days=draw(st.integers(1, 10)),
        count=draw(st.integers(1, 5)),
        busy=busy,
        min_notice=notice,
        windows=draw(st.booleans()),
    )


def _answer(make: Callable[[], object]) -> object:
    try:
        return make()
    except InputError as exc:
        return ("refused", exc.field, exc.message)


@pytest.mark.filterwarnings("ignore::UserWarning:holidays")  # years the package has no table for
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_integer_slot_search_answers_as_the_datetime_finder_at_the_edges_of_time(
    data: st.DataObject,
) -> None:
    req = _answer(lambda: data.draw(slot_requests()))
    if isinstance(req, tuple):  # hours shorter than the interview: refused on both sides
        return
    assert isinstance(req, SlotRequest)
    assert find_slots(req).to_json() == legacy_finder.find_slots(req).to_json()


@st.composite
def meetings(
    draw: st.DrawFn,
) -> tuple[datetime, tuple[str, Hours], tuple[str, Hours, BusinessCalendar]]:
    after = draw(instants())
    my_tz, their_tz = draw(st.sampled_from(EDGE_ZONES)), draw(st.sampled_from(EDGE_ZONES))
    mine = (my_tz, Hours.parse(draw(waking()), "my_hours", overnight=True))
    country = draw(st.sampled_from([None, "US", "GB", "WS"]))
    theirs = (their_tz, Hours.parse(draw(working()), "hours"), calendar_for(their_tz, country))
    return after, mine, theirs


@pytest.mark.filterwarnings("ignore::UserWarning:holidays")  # years the package has no table for
@settings(max_examples=400, deadline=None)
@given(meetings(), st.integers(1, 14), st.sampled_from([0, 1, 450, 899]))
def test_shared_moment_by_arithmetic_is_the_scans_answer_in_any_year_and_zone(
    case: tuple[datetime, tuple[str, Hours], tuple[str, Hours, BusinessCalendar]],
    days: int,
    seconds: int,
) -> None:
    after, mine, theirs = case
    within = timedelta(days=days, seconds=seconds)
    found = _answer(lambda: shared_moment(after, mine, theirs, within))
    expected = _answer(lambda: scanned_moment(after, mine, theirs, within))
    assert found == expected
    if isinstance(found, datetime) and isinstance(expected, datetime):
        assert found.isoformat() == expected.isoformat()
        assert found.tzinfo == expected.tzinfo


def test_apias_skipped_day_gives_the_shared_moment_the_scan_gives() -> None:
    """Apia jumped from 29 to 31 December 2011: the first shared moment skips it too."""
    mine = ("Pacific/Apia", Hours.parse("08:00-20:00", "my_hours", overnight=True))
    theirs = ("Pacific/Apia", Hours.parse("09:00-17:00", "hours"), calendar_for("Pacific/Apia"))
    after = datetime(2011, 12, 30, 3, 0, tzinfo=UTC)  # 17:00 on 29 December in Apia
    found = shared_moment(after, mine, theirs)
    assert found == scanned_moment(after, mine, theirs)
    assert found is not None
    assert found.astimezone(ZoneInfo("Pacific/Apia")).date() > date(2011, 12, 30)


def _strptime_local(text: str, tz: ZoneInfo) -> datetime:
    """``parse_local`` as it was before its fast path (plain texts only)."""
    raw = text.strip()
    for fmt in _LOCAL_FORMATS:
        try:
            naive = datetime.strptime(raw, fmt)
            break
        except ValueError:
            continue
    else:
        raise InputError("at", f"{raw!r} is not a date and time like 2026-11-24 14:30")
    if not 1970 <= naive.year <= 2199:
        raise InputError("at", f"{raw[:40]!r} is outside the years 1970 to 2199 amends works in")
    return localize(naive, tz, "at")


MALFORMED = [
    "2026-02-30 10:00",
    "2026-1-5 9:00",
    "２０２６-１１-２４ １４:３０",
    "2026-11-24 14:30   ",
    "2026-11-24  14:30",
    "2026-11-24\t14:30",
    "2026-11-24 24:00",
    "2026-11-24 14:60",
    "0000-01-01 00:00",
    "1969-12-31 23:59",
    "2200-01-01 00:00",
    "2199-12-31 23:59",
    "2026-13-01 10:00",
    "2026-11-00 10:00",
    "2026-11-24t14:30",
    "2026-11-24 14:30:60",
    "٢٠٢٦-١١-٢٤ ١٤:٣٠",
    "2026-11-24\u300014:30",
    "2026-11-24 １4:30",
    "2028-02-29 10:00",
    "2026-03-29 01:30",  # a gap in London
    "2026-10-25 01:30",  # a fold in London
]


def _outcome(make: Callable[[], datetime]) -> object:
    try:
        return make().isoformat()
    except InputError as exc:
        return (exc.field, exc.message)


@pytest.mark.parametrize("text", MALFORMED)
@pytest.mark.parametrize("zone", ["Europe/London", "Australia/Lord_Howe", "Pacific/Apia"])
def test_parse_local_fast_path_accepts_and_refuses_exactly_as_strptime_did(
    text: str, zone: str
) -> None:
    tz = ZoneInfo(zone)
    assert _outcome(lambda: parse_local(text, tz, "at")) == _outcome(
        lambda: _strptime_local(text, tz)
    )


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="0123456789０１٢-: Tt\t", min_size=10, max_size=22),
    st.sampled_from(["Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu"]),
)
def test_parse_local_reads_any_digit_text_as_strptime_did(text: str, zone: str) -> None:
    if not text.strip() or _OFFSET_TAIL.search(text.strip()):
        return  # empty text and a trailing offset have their own paths, before any format
    tz = ZoneInfo(zone)
    assert _outcome(lambda: parse_local(text, tz, "at")) == _outcome(
        lambda: _strptime_local(text, tz)
    )
