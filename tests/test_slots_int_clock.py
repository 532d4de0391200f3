"""The finder's integer clock reads exactly what zoneinfo reads, around every kind of change.

The search runs on instants in microseconds: the interviewer's UTC offsets come
from a small per-search table of changes (:class:`amends.slots.clock.Offsets`),
both parties' hours are int spans (:func:`amends.slots.clock.spans_over`) and
start times are aligned on those offsets. Each is held here to ``zoneinfo`` on
random instants, half of them within hours of a real offset change (DST gaps and
folds, Lord Howe's half hour, Troll's two hours, Casablanca's Ramadan pause) and
in half- and quarter-hour zones.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from amends.dates.calendar import Hours
from amends.dates.zones import zone_names
from amends.slots import SlotRequest
from amends.slots.clock import (
    MICRO,
    Offsets,
    day_spans,
    day_window,
    instant,
    micros,
    spans_over,
    windows_over,
)
from amends.slots.starts import STEP, runs
from tests.test_slots_properties import transitions
from tests.zones_edge import ALL_EDGE_ZONES

EDGE = [
    *ALL_EDGE_ZONES,
    "Asia/Kathmandu",  # UTC+5:45
    "Australia/Eucla",  # UTC+8:45
    "Pacific/Chatham",  # UTC+12:45 with DST
    "America/St_Johns",  # UTC-3:30 with DST
    "Australia/Adelaide",  # UTC+9:30 with DST
    "Africa/Casablanca",  # DST suspended for Ramadan
    "America/Santiago",
]
DAYS = timedelta(days=21)


def _moment(rng: random.Random, name: str) -> datetime:
    """Within a day of one of ``name``'s offset changes half the time, else anywhere in 2026-28."""
    changes = [c for year in (2026, 2027, 2028) for c in transitions(name, year)]
    if changes and rng.random() < 0.5:
        return rng.choice(changes) + timedelta(seconds=rng.randrange(-86_400, 86_400))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return start + timedelta(
        seconds=rng.randrange(0, 3 * 365 * 86_400), microseconds=rng.randrange(MICRO)
    )


def _zones(rng: random.Random) -> list[str]:
    return EDGE + rng.sample(sorted(zone_names()), 40)


def test_microseconds_and_datetimes_are_the_same_instants() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        moment = _moment(rng, rng.choice(EDGE))
        assert instant(micros(moment)) == moment
        assert micros(moment.astimezone(ZoneInfo(rng.choice(EDGE)))) == micros(moment)


@pytest.mark.parametrize("seed", range(3))
def test_a_searchs_offset_table_gives_zoneinfos_offset_at_every_instant(seed: int) -> None:
    rng = random.Random(seed)
    for name in _zones(rng):
        tz = ZoneInfo(name)
        for _ in range(25):
            low = micros(_moment(rng, name) - DAYS / 2)
            high = low + rng.randrange(1, DAYS // timedelta(microseconds=1))
            table = Offsets(tz, low, high)
            for _ in range(8):
                moment = rng.randrange(low, high + 1)
                offset = instant(moment).astimezone(tz).utcoffset()
                assert offset is not None
                assert table.at(moment) == offset // timedelta(microseconds=1), (name, moment)


@pytest.mark.parametrize("seed", range(2))
def test_day_spans_and_spans_over_are_the_datetime_windows_in_microseconds(seed: int) -> None:
    rng = random.Random(100 + seed)
    for name in _zones(rng):
        tz = ZoneInfo(name)
        start = 30 * rng.randrange(0, 40)
        hours = Hours(start, min(1440, start + 60 * rng.randrange(1, 12)))
        if rng.random() < 0.3:
            hours = Hours(start + 60, start % 300)  # past midnight
        first = _moment(rng, name).date() - timedelta(days=3)
        last = first + timedelta(days=rng.randrange(0, 10))
        expected = [
            day_window(first + timedelta(days=n), hours, tz) for n in range((last - first).days + 1)
        ]
        assert day_spans(first, last, hours, tz) == [
            None if w is None else (micros(w[0]), micros(w[1])) for w in expected
        ]
        low, high = _moment(rng, name), _moment(rng, name)
        low, high = min(low, high), min(max(low, high), min(low, high) + DAYS)
        assert spans_over(micros(low), micros(high), hours, tz) == tuple(
            (micros(s), micros(e)) for s, e in windows_over((low, high), hours, tz)
        )


def _walked(req: SlotRequest, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Quarter hours on the interviewer's clock inside ``span`` read one by one with zoneinfo."""
    p = req.prepared()
    found = []
    moment = instant(span[0])
    end = instant(span[1])
    while moment + req.duration <= end:
        local = moment.astimezone(p.their_tz)
        rest = timedelta(
            minutes=local.minute % 15, seconds=local.second, microseconds=local.microsecond
        )
        if rest:
            moment += timedelta(minutes=15) - rest
            continue
        found.append((micros(moment), local.hour * 60 + local.minute))
        moment += timedelta(minutes=15)
    return found


def test_start_times_are_the_interviewers_quarter_hours_read_on_the_clock() -> None:
    rng = random.Random(18)
    for name in EDGE:
        for _ in range(20):
            moment = _moment(rng, name)
            req = SlotRequest(
                now=moment,
                interviewer_tz=name,
                duration=timedelta(minutes=rng.choice([30, 45, 60])),
            )
            low = micros(moment) + rng.randrange(0, 3600 * MICRO)
            span = (low, low + rng.randrange(1, 30) * 3600 * MICRO)
            offsets = Offsets(ZoneInfo(name), span[0], span[1])
            starts = [
                (first + k * STEP, (minute + 15 * k) % 1440)
                for first, minute, count in runs(req.prepared(), (span,), offsets)
                for k in range(count)
            ]
            assert starts == _walked(req, span), (name, moment)


def test_a_days_spans_run_on_from_the_first_day_without_reading_the_clock() -> None:
    """Away from changes each window is the day before's a whole day later."""
    tz = ZoneInfo("Asia/Kathmandu")
    spans = day_spans(date(2027, 3, 1), date(2027, 3, 5), Hours(540, 1020), tz)
    assert [s for s in spans if s] == [
        (micros(datetime(2027, 3, d, 9, tzinfo=tz)), micros(datetime(2027, 3, d, 17, tzinfo=tz)))
        for d in range(1, 6)
    ]
