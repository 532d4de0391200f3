"""Slot search with a 10,000-event busy calendar: reading the ``.ics`` file and searching.

The calendar is generated (fixed seed) the way a real export looks after a few
years of use: most events are single meetings in the past and future, some are
weekly or daily series with exceptions (``EXDATE``, moved occurrences), in
several zones. Three figures, medians of interleaved rounds: the same search
without a busy calendar (the floor), the search with the calendar already read,
and the whole of it from the file, as ``amends slots --busy FILE`` does: once
for a file read before (its parsed calendar comes from the cache folder) and
once for a first read (a structural pass and the pre-filter bound every event;
the events a search reaches are read from their lines). Goal: the search with
the file at most 0.5 s, judged on CPU time (on this shared machine the wall
clock mostly measures the other processes); both are printed.
Run: ``.venv/bin/python bench/bench_busy.py [events]``. Prints figures only.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import goal as record

from amends.slots import SlotRequest, busy_cache, find_slots
from amends.slots.busy import BusyCalendar
from amends.slots.busy_file import _read_pending, load_busy
from amends.slots.busy_rules import _rule

GOAL_SECONDS = 0.5
ROUNDS = 3
NOW = datetime(2026, 11, 23, 10, 40, tzinfo=UTC)
ZONES = ("Europe/London", "America/New_York", "Europe/Berlin", "Asia/Kolkata")


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _event(rng: random.Random, n: int) -> list[str]:
    zone = rng.choice(ZONES)
    start = NOW + timedelta(days=rng.randrange(-1000, 400), minutes=rng.randrange(32, 80) * 15)
    start = start.replace(tzinfo=None)
    end = start + timedelta(minutes=rng.choice([30, 45, 60, 90]))
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{n}@bench.example",
        f"DTSTAMP:{_stamp(NOW)}Z",
        f"DTSTART;TZID={zone}:{_stamp(start)}",
        f"DTEND;TZID={zone}:{_stamp(end)}",
        f"SUMMARY:Meeting {n}",
    ]
    kind = rng.random()
    if kind < 0.08:  # a weekly series, sometimes ended, with a skipped week
        until = start + timedelta(weeks=rng.randrange(10, 200))
        lines.append(f"RRULE:FREQ=WEEKLY;UNTIL={_stamp(until)}Z")
        skipped = start + timedelta(weeks=rng.randrange(1, 10))
        lines.append(f"EXDATE;TZID={zone}:{_stamp(skipped)}")
    elif kind < 0.09:
        lines.append(f"RRULE:FREQ=DAILY;COUNT={rng.randrange(5, 400)}")
    lines.append("END:VEVENT")
    return lines


def calendar_text(events: int, seed: int = 10_000) -> str:
    """An ``.ics`` export with ``events`` events (reproducible)."""
    rng = random.Random(seed)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//amends//bench//EN"]
    for n in range(events):
        lines.extend(_event(rng, n))
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _median(run: Callable[[], object]) -> tuple[float, float]:
    """Median wall time and median CPU time of ``run`` (seconds)."""
    wall, cpu = [], []
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _request(*calendars: BusyCalendar) -> SlotRequest:
    return SlotRequest(NOW, "America/New_York", "Europe/London", calendars=calendars)


def _new_process() -> None:
    """Forget what this process parsed before (recurring rules, events set aside)."""
    _rule.cache_clear()
    _read_pending.cache_clear()


def _first_read(path: Path) -> BusyCalendar:
    """Read ``path`` as the first time: nothing saved in the cache folder."""
    _new_process()
    for saved in busy_cache.folder().glob("*.json"):
        saved.unlink()
    return load_busy(path)


def _read_again(path: Path) -> BusyCalendar:
    """Read ``path`` as a new run of ``amends slots --busy`` would: from the cache folder."""
    _new_process()
    return load_busy(path)


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as folder:
        os.environ["AMENDS_HOME"] = folder  # the cache folder of this run only
        path = Path(folder) / "busy.ics"
        path.write_text(calendar_text(events), "utf-8")
        size = path.stat().st_size / 1e6
        parsed = _first_read(path)
        floor = _median(lambda: find_slots(_request()))
        searched = _median(lambda: find_slots(_request(parsed)))
        again = _median(lambda: find_slots(_request(_read_again(path))))
        first = _median(lambda: find_slots(_request(_first_read(path))))
    print(
        f"slot search with a {events:,}-event busy calendar ({size:.1f} MB .ics: "
        f"{len(parsed.events):,} events parsed at once, {len(parsed.pending):,} set aside "
        f"until a search reaches them; medians of {ROUNDS})"
    )
    print(f"  {'':38} {'wall':>9}  {'× floor':>8}  {'CPU':>9}")
    rows = [
        ("search, no busy calendar (floor)", floor),
        ("search, calendar already in memory", searched),
        ("read + search, file read before", again),
        ("read + search, first read", first),
    ]
    for label, (wall, cpu) in rows:
        goal = ""
        if label.startswith("read"):
            verdict = "met" if cpu <= GOAL_SECONDS else "NOT met"
            goal = f"  goal <= {GOAL_SECONDS} s CPU: {verdict}"
        ratio = wall / floor[0]
        print(f"  {label:38} {wall * 1000:7.1f}ms  {ratio:7.0f}×  {cpu * 1000:7.1f}ms{goal}")
    for label, (_, cpu) in rows[2:]:
        what = f"10,000-event busy calendar, {label.removeprefix('read + search, ')}"
        record(what, f"{cpu:.2f} s CPU", f"<= {GOAL_SECONDS} s", cpu <= GOAL_SECONDS)


if __name__ == "__main__":
    main()
