"""The faster slot finder gives exactly the old finder's answers, and the naive scan's slots.

``bench/legacy_finder.py`` is the finder as it was before the speed work;
``bench/slot_reference.py`` a brute-force quarter-hour scan. Neither is part of
the package: they exist so these tests can hold the optimised search to them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from bench import legacy_finder
from bench.slot_cases import random_request, random_requests
from bench.slot_reference import naive_slot_count, naive_starts

from amends.dates.zones import zone_names
from amends.slots import SlotRequest, find_slots
from amends.slots.clock import Offsets, micros
from amends.slots.finder import opening, plan_days
from amends.slots.starts import candidates
from tests.test_slots_properties import transitions
from tests.zones_edge import ALL_EDGE_ZONES

REQUESTS = 300


def _finder_starts(req: SlotRequest) -> list[tuple[int, int, int]]:
    p = req.prepared()
    earliest, opened = opening(p)
    busy = [(micros(s), micros(e)) for s, e in p.busy]
    days = plan_days(p, opened, busy, earliest)  # these requests carry no .ics files
    if not days:
        return []
    offsets = Offsets(p.their_tz, days[0].window[0], days[-1].window[1])
    return [
        (c.day, c.start, c.minute)
        for i, d in enumerate(days)
        for c in candidates(p, i, d.free, offsets)
    ]


@pytest.mark.parametrize("wide", [False, True], ids=["bench-cases", "wide-cases"])
def test_new_finder_output_equals_the_old_finder_on_random_requests(wide: bool) -> None:
    for n, req in enumerate(random_requests(REQUESTS, seed=18 + wide, wide=wide)):
        assert find_slots(req).to_json() == legacy_finder.find_slots(req).to_json(), n


def test_the_old_finder_finds_near_misses_in_these_requests_too() -> None:
    """The equality above covers the near-miss search, not only easy requests."""
    results = [find_slots(req) for req in random_requests(REQUESTS, seed=19, wide=True)]
    assert sum(1 for r in results if r.near_misses) >= 20


def _daytime_request(rng: random.Random, zones: list[str]) -> SlotRequest:
    """A random request whose hours on both clocks stay clear of the night-time DST changes."""
    while True:
        req = random_request(rng, zones, wide=True)
        p = req.prepared()
        if p.hours.start >= 7 * 60 and p.hours.end <= 23 * 60 and not p.my_hours.overnight:
            return req


def test_naive_scan_and_finder_find_the_same_start_times_and_slot_count() -> None:
    rng = random.Random(2026)
    zones = sorted(zone_names())
    checked = found = 0
    for n in range(REQUESTS):
        req = _daytime_request(rng, zones)
        naive = [(c.day, c.start, c.minute) for c in naive_starts(req)]
        assert naive == _finder_starts(req), n
        found += len(naive)
        if not req.windows:
            assert naive_slot_count(req) == len(find_slots(req).slots), n
            checked += 1
    assert checked > REQUESTS // 2
    assert found > REQUESTS * 10  # the requests really have start times to agree on


HARD_ZONES = [
    *ALL_EDGE_ZONES,
    "Asia/Kathmandu",  # UTC+5:45
    "Australia/Adelaide",  # UTC+9:30 with DST
    "America/St_Johns",  # UTC-3:30 with DST
    "Asia/Tehran",  # UTC+3:30
    "Pacific/Chatham",  # UTC+12:45 with DST
    "Australia/Eucla",  # UTC+8:45
    "America/Santiago",
    "Africa/Casablanca",  # DST suspended for Ramadan
]


def _changes(name: str) -> tuple[datetime, ...]:
    """Instants from 2026 to 2028 where ``name`` changes its UTC offset."""
    return tuple(moment for year in (2026, 2027, 2028) for moment in transitions(name, year))


def _busy_calendar(rng: random.Random, around: datetime) -> list[tuple[datetime, datetime]]:
    """A busy week: dozens of meetings, some overlapping, some touching."""
    busy = []
    for _ in range(rng.randrange(20, 60)):
        begin = around + timedelta(minutes=15 * rng.randrange(-4 * 24 * 4, 10 * 24 * 4))
        busy.append((begin, begin + timedelta(minutes=15 * rng.randrange(1, 12))))
    return busy


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _hard_request(rng: random.Random) -> SlotRequest:
    """A request in a DST week or a half-hour zone, often busy, often a near miss."""
    theirs, mine = rng.choice(HARD_ZONES), rng.choice(HARD_ZONES)
    changes = _changes(theirs) + _changes(mine)
    if changes:
        now = rng.choice(changes) - timedelta(hours=rng.randrange(0, 24 * 6))
    else:
        now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 1_500_000))
    start = 6 * 60 + 30 * rng.randrange(0, 24)
    end = min(24 * 60, start + 60 * rng.randrange(3, 10))
    mine_start = 30 * rng.randrange(0, 48)
    mine_end = (mine_start + 60 * rng.randrange(2, 8)) % (24 * 60)  # may run past midnight
    busy = _busy_calendar(rng, now) if rng.random() < 0.5 else []
    return SlotRequest(
        now=now,
        interviewer_tz=theirs,
        candidate_tz=mine,
        hours=f"{_clock(start)}-{_clock(end)}",
        my_hours=f"{_clock(mine_start)}-{_clock(mine_end)}",
        duration=timedelta(minutes=rng.choice([30, 45, 60, 90])),
        days=rng.randrange(1, 15),
        count=rng.randrange(1, 6),
        busy=busy,
        min_notice=rng.choice([None, timedelta(0), timedelta(hours=rng.randrange(1, 48))]),
        windows=rng.random() < 0.2,
    )


def test_new_finder_equals_the_old_finder_in_dst_weeks_half_hour_zones_and_busy_weeks() -> None:
    rng = random.Random(1818)
    near = busy = 0
    for n in range(200):
        req = _hard_request(rng)
        new = find_slots(req)
        assert new.to_json() == legacy_finder.find_slots(req).to_json(), n
        near += bool(new.near_misses)
        busy += bool(req.busy)
    # The requests reach the near-miss search and the busy-time subtraction often.
    assert near >= 20
    assert busy >= 70
