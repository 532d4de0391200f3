"""The faster slot finder gives exactly the old finder's answers, and the naive scan's slots.

``bench/legacy_finder.py`` is the finder as it was before the speed work;
``bench/slot_reference.py`` a brute-force quarter-hour scan. Neither is part of
the package: they exist so these tests can hold the optimised search to them.
"""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from bench import legacy_finder
from bench.slot_cases import random_request, random_requests
from bench.slot_reference import naive_slot_count, naive_starts

from amends.dates.zones import zone_names
from amends.slots import SlotRequest, find_slots
from amends.slots.finder import business_days, candidates, earliest_start, plan_days

REQUESTS = 300


def _finder_starts(req: SlotRequest) -> list[tuple[int, datetime, int]]:
    p = req.prepared()
    earliest = earliest_start(p)
    dates = business_days(p, earliest)
    days = plan_days(p, dates, list(p.busy), earliest)  # these requests carry no .ics files
    return [
        (c.day, c.start, c.minute) for i, d in enumerate(days) for c in candidates(p, i, d.free)
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
