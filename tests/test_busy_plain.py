"""Events set aside are read straight from their lines exactly as ``icalendar`` reads them.

:func:`amends.slots.busy_plain.read_plain` replaces ``icalendar`` for the
plain events the pre-filter sets aside. Every set-aside event of the project's
test calendars, of the benchmark's export and of generated calendars (zones
and their aliases, ``UTC``, floating and all-day times, durations, rules with
their parts in any order, ``EXDATE`` lists, escaped and repeated text values,
free and cancelled events) is read both ways, and the two must be the same
event, field by field, zone objects included — or the direct reader must
hand it to ``icalendar``.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from bench.bench_busy import calendar_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.errors import InputError
from amends.slots.busy import BusyEvent, PendingEvent
from amends.slots.busy_file import _read_pending, parse_busy_text, parse_pending
from amends.slots.busy_plain import read_plain
from amends.slots.busy_rrule import Unclear
from tests.test_busy_prefilter import calendars
from tests.test_busy_real_world import CALENDARS


def _same_event(got: BusyEvent | None, want: BusyEvent | None) -> None:
    assert got == want
    if got is not None and want is not None:  # equal datetimes may still differ in zone
        for mine, theirs in zip(
            (got.start, *got.exdates), (want.start, *want.exdates), strict=True
        ):
            assert type(mine) is type(theirs)
            assert getattr(mine, "tzinfo", None) is getattr(theirs, "tzinfo", None)


def assert_read_alike(text: str) -> int:
    """Every event of ``text`` set aside reads the same both ways; how many read directly.

    A calendar ``icalendar`` refuses whole (an impossible date in an event it must parse)
    sets nothing aside; that it is refused alike with and without the pre-filter is
    :mod:`tests.test_busy_prefilter`'s to check."""
    try:
        calendar = parse_busy_text(text, "cal.ics")
    except InputError as refused:
        assert "not a valid calendar file" in refused.message
        return 0
    direct = 0
    for waiting in calendar.pending:
        want = parse_pending("cal.ics", [waiting])[0]
        try:
            got = read_plain(waiting)
        except Unclear:
            continue
        direct += 1
        _same_event(got, want)
    return direct


@pytest.mark.parametrize("name", sorted(CALENDARS))
def test_the_real_world_calendars_set_aside_events_read_as_icalendar_reads_them(
    name: str,
) -> None:
    assert_read_alike(CALENDARS[name][0])


def test_the_benchmark_export_is_read_without_icalendar_and_the_same() -> None:
    text = calendar_text(400)
    assert assert_read_alike(text) == len(parse_busy_text(text, "cal.ics").pending)


ZONES = ["Europe/London", "US/Eastern", "GB", "Asia/Calcutta", "UTC", "Etc/GMT+5", "Asia/Kolkata"]
RULE_PARTS = [
    ["FREQ=WEEKLY", "UNTIL=20261201T100000Z", "BYDAY=MO,TH", "WKST=SU"],
    ["FREQ=DAILY", "COUNT=12", "INTERVAL=3"],
    ["FREQ=WEEKLY", "INTERVAL=2", "COUNT=7", "BYDAY=SA,SU"],
    ["FREQ=MONTHLY", "UNTIL=20270301"],
    ["FREQ=YEARLY", "UNTIL=20300101T000000"],
    ["FREQ=DAILY", "UNTIL=20261130T235959Z", "COUNT=40"],
]
TEXTS = [
    "UID:a,b;c",
    "UID:with\\, an escape",
    "UID:twice\r\nUID:again",
    "STATUS:cancelled",
    "STATUS:CONFIRMED",
    "TRANSP:transparent",
    "TRANSP:OPAQUE",
    "STATUS:TENTATIVE\r\nSTATUS:CANCELLED",
    "SUMMARY:not read",
]
ENDS = ["DTEND", "PT0S", "PT45M", "P1D", "P2W", "P1DT2H30M", "PT1H30M15S", "none"]


@st.composite
def plain_events(draw: st.DrawFn, n: int) -> str:
    start = datetime(2026, 3, 1) + timedelta(minutes=30 * draw(st.integers(0, 17_000)))
    form = draw(st.sampled_from(["Z", "float", "date", *ZONES]))
    stamp = start.strftime("%Y%m%dT%H%M%S")
    if form == "date":
        params, value, end_value = ";VALUE=DATE", stamp[:8], (start + timedelta(days=2))
    else:
        params = "" if form in ("Z", "float") else f";TZID={form}"
        value, end_value = stamp + ("Z" if form == "Z" else ""), start + timedelta(hours=1)
    lines = [f"UID:p{n}", f"DTSTART{params}:{value}"]
    end = draw(st.sampled_from(ENDS))
    if end == "DTEND":
        written = end_value.strftime("%Y%m%d" if form == "date" else "%Y%m%dT%H%M%S")
        lines.append(f"DTEND{params}:{written}{'Z' if form == 'Z' else ''}")
    elif end != "none":
        lines.append(f"DURATION:{end}")
    if draw(st.booleans()):
        parts = draw(st.permutations(draw(st.sampled_from(RULE_PARTS))))
        lines.append("RRULE:" + ";".join(parts))
        shape = "%Y%m%d" if form == "date" else "%Y%m%dT%H%M%S" + ("Z" if form == "Z" else "")
        weeks = draw(st.lists(st.integers(0, 9), min_size=1, max_size=3))
        skips = [(start + timedelta(weeks=k)).strftime(shape) for k in weeks]
        lines.append(f"EXDATE{params}:{','.join(skips)}")
    lines.extend(draw(st.lists(st.sampled_from(TEXTS), max_size=2, unique=True)))
    random.Random(n).shuffle(lines)
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


@st.composite
def plain_calendars(draw: st.DrawFn) -> str:
    body = [draw(plain_events(n)) for n in range(draw(st.integers(1, 8)))]
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(body) + "END:VCALENDAR\r\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_calendars())
def test_generated_plain_events_read_directly_as_icalendar_reads_them(text: str) -> None:
    assert_read_alike(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars())
def test_the_prefilter_calendars_set_aside_events_read_as_icalendar_reads_them(
    text: str,
) -> None:
    assert_read_alike(text)


def test_an_escaped_or_repeated_text_value_is_left_to_icalendar() -> None:
    for extra in ("UID:with\\, an escape", "UID:a\r\nUID:b", "STATUS:X\r\nSTATUS:CANCELLED"):
        waiting = PendingEvent(
            datetime(2020, 1, 1),
            datetime(2020, 1, 2),
            f"BEGIN:VEVENT\r\nDTSTART:20200101T100000Z\r\nDURATION:PT1H\r\n{extra}\r\nEND:VEVENT",
            1,
        )
        with pytest.raises(Unclear):
            read_plain(waiting)
        _read_pending.cache_clear()
        assert _read_pending("cal.ics", (waiting,)) == tuple(
            e for e in parse_pending("cal.ics", [waiting]) if e is not None
        )


def test_a_set_aside_event_in_utc_gets_the_zone_icalendar_gives_it() -> None:
    waiting = PendingEvent(
        datetime(2020, 1, 1),
        datetime(2020, 1, 2),
        "BEGIN:VEVENT\r\nDTSTART:20200101T100000Z\r\nDURATION:PT1H\r\nEND:VEVENT",
        7,
    )
    event = read_plain(waiting)
    assert event is not None and event.start == datetime(2020, 1, 1, 10, tzinfo=UTC)
    _same_event(event, parse_pending("cal.ics", [waiting])[0])
