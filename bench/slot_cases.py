"""Random slot requests shared by the slot benchmark and the slot equality tests.

Random zone pairs, dates over three years (so many requests straddle a DST
change), interviewer hours, look-ahead, count and window mode. ``wide=True``
also varies the candidate's hours, the length, the notice and busy times, so
the near-miss search and busy-time subtraction are exercised.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from amends.dates.zones import zone_names
from amends.slots import SlotRequest


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def random_request(rng: random.Random, zones: list[str], *, wide: bool = False) -> SlotRequest:
    """One random request; the same ``rng`` state always gives the same request."""
    start = 360 + rng.randrange(0, 20) * 30
    end = min(1440, start + rng.randrange(4, 10) * 60)
    now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 1_500_000))
    base = {
        "now": now,
        "interviewer_tz": rng.choice(zones),
        "candidate_tz": rng.choice(zones),
        "hours": f"{_clock(start)}-{_clock(end)}",
        "days": rng.randrange(1, 11),
        "count": rng.randrange(1, 6),
        "windows": rng.random() < 0.2,
    }
    if not wide:
        return SlotRequest(**base)
    mine = 420 + rng.randrange(0, 24) * 30
    my_end = min(1410, mine + rng.randrange(2, 10) * 60)
    busy = []
    for _ in range(rng.randrange(0, 6)):
        begin = now + timedelta(minutes=rng.randrange(0, 20_000))
        busy.append((begin, begin + timedelta(minutes=rng.randrange(15, 300))))
    notice = rng.choice([None, None, timedelta(0), timedelta(hours=rng.randrange(1, 72))])
    return SlotRequest(
        **base,
        my_hours=f"{_clock(mine)}-{_clock(my_end)}",
        duration=timedelta(minutes=rng.choice([30, 45, 60, 90])),
        busy=busy,
        min_notice=notice,
    )


def random_requests(count: int, seed: int = 20261123, *, wide: bool = False) -> list[SlotRequest]:
    """``count`` reproducible random requests."""
    rng = random.Random(seed)
    zones = sorted(zone_names())
    return [random_request(rng, zones, wide=wide) for _ in range(count)]
