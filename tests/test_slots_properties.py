"""Property tests: whatever the zones, dates and hours, every proposal keeps every rule.

Dates are drawn around real DST transitions of the zones involved (computed,
not listed), in both hemispheres; the zones come from every IANA name plus the
named edge cases. Each proposal is verified by the independent checker in
``test_slots_checker``, never by re-running the finder's own code.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.dates.slot import Slot
from amends.dates.zones import zone_names
from amends.slots import SlotRequest, find_slots
from tests.test_slots_checker import WEEKENDS, ZONE_COUNTRY, Rules, assert_all_valid, violations
from tests.zones_edge import ALL_EDGE_ZONES

ALL_ZONES = sorted(zone_names())
ZONES = st.one_of(st.sampled_from(ALL_EDGE_ZONES), st.sampled_from(ALL_ZONES))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def transitions(name: str, year: int) -> tuple[datetime, ...]:
    """Instants in ``year`` where ``name`` changes its UTC offset (found by scanning)."""
    tz = ZoneInfo(name)
    moment = datetime(year, 1, 1, tzinfo=UTC)
    last = moment.astimezone(tz).utcoffset()
    found = []
    while moment.year == year:
        moment += timedelta(hours=3)
        offset = moment.astimezone(tz).utcoffset()
        if offset != last:
            found.append(moment)
            last = offset
    return tuple(found)


@st.composite
def moments(draw: st.DrawFn, zones: tuple[str, str]) -> datetime:
    """A "now" a few days before (or just after) a DST change of either zone, or any time."""
    year = draw(st.integers(2024, 2029))
    changes = transitions(zones[0], year) + transitions(zones[1], year)
    if changes and draw(st.booleans()):
        base = draw(st.sampled_from(changes))
        return base - timedelta(hours=draw(st.integers(-2 * 24, 8 * 24)))
    return datetime(year, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 525_000)))


@st.composite
def hours(draw: st.DrawFn, length: int) -> tuple[int, int]:
    """A daily window on quarter hours, at least ``length`` minutes long."""
    start = draw(st.integers(0, (24 * 60 - length) // 15)) * 15
    end = draw(st.integers(-(-(start + length) // 15), 96)) * 15
    return start, end


def _text(span: tuple[int, int]) -> str:
    return "-".join(f"{m // 60:02d}:{m % 60:02d}" for m in span)


@st.composite
def cases(draw: st.DrawFn) -> tuple[SlotRequest, Rules]:
    their = draw(ZONES)
    mine = draw(ZONES)
    country = draw(st.sampled_from(sorted(WEEKENDS)))
    now = draw(moments((their, mine)))
    duration = timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90])))
    minutes = int(duration.total_seconds() // 60)
    their_hours = draw(hours(minutes))
    shape = draw(st.sampled_from(["wide", "overnight", "any"]))
    if shape == "wide":
        my_hours = (0, 24 * 60)
    elif shape == "overnight":
        # Overnight hours for the candidate, e.g. 20:00-02:00.
        my_hours = (draw(st.integers(18, 23)) * 60, draw(st.integers(2, 6)) * 60)
    else:
        my_hours = draw(hours(minutes))
    busy = tuple(
        (start, start + timedelta(minutes=draw(st.integers(15, 300))))
        for start in (
            now + timedelta(minutes=draw(st.integers(0, 14 * 24 * 60)))
            for _ in range(draw(st.integers(0, 6)))
        )
    )
    days = draw(st.integers(1, 10))
    count = draw(st.integers(1, 5))
    request = SlotRequest(
        now=now,
        interviewer_tz=their,
        candidate_tz=mine,
        country=country,
        hours=_text(their_hours),
        my_hours=_text(my_hours),
        duration=duration,
        days=days,
        count=count,
        busy=busy,
    )
    rules = Rules(now, their, mine, country, their_hours, my_hours, duration, days, busy)
    return request, rules


@SETTINGS
@given(cases())
def test_every_proposal_keeps_every_rule_for_any_zones_dates_and_hours(
    case: tuple[SlotRequest, Rules],
) -> None:
    request, rules = case
    result = find_slots(request)
    assert len(result.slots) <= request.count
    assert_all_valid(result.slots, rules)
    if len(result.slots) < request.count:
        assert result.explanation, "fewer times than asked must be explained"
    for miss in result.near_misses:
        # A near-miss may leave the candidate's hours, never the interviewer's rules.
        broken = violations(miss.slot, rules)
        assert broken and all("candidate's hours" in b for b in broken), broken


@SETTINGS
@given(cases())
def test_windows_only_cover_times_that_keep_every_rule(case: tuple[SlotRequest, Rules]) -> None:
    request, rules = case
    windowed = SlotRequest(**{**request.__dict__, "windows": True})
    result = find_slots(windowed)
    assert result.slots == ()
    for window in result.windows:
        for start, end in window.spans:
            # On instants: two times of one zone subtract, and a time and a timedelta add,
            # as wall times (an hour out across a DST change).
            start, end = start.astimezone(UTC), end.astimezone(UTC)
            assert end - start >= request.duration
            # Every interview-length piece of the window, at its start and its end, is valid.
            for begin in (start, end - request.duration):
                piece = Slot(begin, begin + request.duration, rules.their_tz, rules.my_tz)
                assert violations(piece, rules) == [], (window.to_json(), violations(piece, rules))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(ZONE_COUNTRY)),
    st.sampled_from(sorted(ZONE_COUNTRY)),
    moments(("Europe/London", "Australia/Sydney")),
)
def test_inferred_country_rules_hold_for_known_zones(their: str, mine: str, now: datetime) -> None:
    result = find_slots(SlotRequest(now=now, interviewer_tz=their, candidate_tz=mine))
    rules = Rules(now, their, mine, ZONE_COUNTRY[their])
    assert result.country == ZONE_COUNTRY[their]
    assert_all_valid(result.slots, rules)
