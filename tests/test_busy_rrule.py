"""A recurring rule read once (:mod:`amends.slots.busy_rrule`) means what dateutil reads.

The pre-filter, the plain reader and the rule builder share one reading of
each ``RRULE``; ``dateutil``'s text parser (``rrulestr``) reads only the rare
shapes. These tests hold the shared reading to dateutil's: the rule built
from it is the rule ``rrulestr`` parses (same text, same occurrences), every
rule it accepts ``rrulestr`` accepts too, its text is the one ``icalendar``
writes back, and a calendar of generated recurring events gives the same busy
intervals over many searches as when every rule goes through ``rrulestr``
and every event through ``icalendar`` (the way amends read calendars before).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from itertools import islice
from unittest import mock
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rruleset, rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar.prop import vRecur

from amends.errors import InputError
from amends.slots import busy_file, busy_plain, busy_prefilter, busy_rules
from amends.slots.busy import BusyCalendar
from amends.slots.busy_file import _read_pending, parse_busy_text
from amends.slots.busy_rrule import counted, occurrences, read_rule, wall_until
from amends.slots.busy_rules import _rule, plain_rule, wall_rule_text

RULE_PIECES = st.lists(
    st.sampled_from(
        [
            "FREQ=DAILY",
            "FREQ=WEEKLY",
            "FREQ=MONTHLY",
            "FREQ=YEARLY",
            "FREQ=HOURLY",
            "UNTIL=20270314T023000",
            "UNTIL=20261101T013000Z",
            "UNTIL=20261231",
            "UNTIL=18991231",
            "COUNT=5",
            "COUNT=40",
            "INTERVAL=2",
            "INTERVAL=3",
            "BYDAY=MO,WE,FR",
            "BYDAY=SU",
            "BYDAY=1MO",
            "BYMONTHDAY=31",
            "WKST=SU",
            "WKST=MO",
            "freq=daily",
            "",
        ]
    ),
    min_size=1,
    max_size=5,
)
ZONES = [ZoneInfo(name) for name in ("Europe/London", "America/New_York", "Australia/Lord_Howe")]


def _rrulestr(text: str, first: datetime) -> rrule | rruleset:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return rrulestr(text, dtstart=first, ignoretz=True)


@settings(max_examples=500, deadline=None)
@given(RULE_PIECES, st.integers(0, 60 * 24 * 500), st.sampled_from(ZONES))
def test_a_rule_read_once_is_built_as_dateutil_parses_its_text(
    pieces: list[str], minutes: int, zone: ZoneInfo
) -> None:
    text = ";".join(pieces)
    first = datetime(2026, 1, 1, 0, 30) + timedelta(minutes=minutes)
    plain = read_rule(text)
    wall = wall_rule_text(text, zone, zone)
    try:
        parsed = _rrulestr(wall, first)
    except (ValueError, TypeError):
        assert plain is None  # a rule dateutil refuses is never read as plain
        return
    if plain is None:  # not a common shape (BYMONTHDAY, BYDAY=1MO, lower case...)
        return
    built = plain_rule(plain, first, zone)
    assert str(built) == str(parsed)
    assert list(islice(built, 60)) == list(islice(parsed, 60))


@settings(max_examples=300, deadline=None)
@given(RULE_PIECES)
def test_a_rule_read_once_is_written_back_as_icalendar_writes_it(pieces: list[str]) -> None:
    text = ";".join(pieces)
    plain = read_rule(text)
    if plain is not None:
        assert plain.text == vRecur.from_ical(text).to_ical().decode()


def test_the_rules_of_a_common_export_are_read_once_and_built_without_the_text_parser() -> None:
    first = datetime(2026, 3, 2, 9, 30)
    for text in (
        "FREQ=WEEKLY;UNTIL=20270101T093000Z",
        "FREQ=DAILY;COUNT=10;INTERVAL=2",
        "WKST=SU;FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=YEARLY;UNTIL=20300302",
    ):
        plain = read_rule(text)
        assert plain is not None
        assert read_rule(text) is plain  # read once per process
        wall = wall_rule_text(text, UTC, ZoneInfo("UTC"))
        assert str(plain_rule(plain, first, UTC)) == str(_rrulestr(wall, first))


def test_the_rare_rule_shapes_are_left_to_dateutil() -> None:
    for text in (
        "FREQ=MONTHLY;BYDAY=1MO",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "freq=daily",
        "FREQ=DAILY;",
    ):
        assert read_rule(text) is None


# Generated recurring events: every plain rule shape, on zone, UTC, floating and date clocks.
FORMS = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Z", "float", "date"]
PLAIN_PARTS = st.fixed_dictionaries(
    {"FREQ": st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"])},
    optional={
        "INTERVAL": st.integers(1, 3).map(str),
        "COUNT": st.integers(1, 80).map(str),
        "UNTIL": st.sampled_from(["date", "Z", "wall"]),
        "BYDAY": st.lists(
            st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
            min_size=1,
            max_size=3,
            unique=True,
        ).map(",".join),
        "WKST": st.sampled_from(["MO", "SU", "WE"]),
    },
)
BASE = datetime(2026, 11, 23)


def _written(moment: datetime, form: str) -> tuple[str, str]:
    if form == "date":
        return ";VALUE=DATE", moment.strftime("%Y%m%d")
    stamp = moment.strftime("%Y%m%dT%H%M%S")
    if form in ("Z", "float"):
        return "", stamp + ("Z" if form == "Z" else "")
    return f";TZID={form}", stamp


@st.composite
def recurring_events(draw: st.DrawFn, n: int) -> str:
    start = BASE + timedelta(minutes=30 * draw(st.integers(-48 * 400, 48 * 60)))
    form = draw(st.sampled_from(FORMS))
    params, value = _written(start, form)
    parts = draw(PLAIN_PARTS)
    if "UNTIL" in parts:
        until = start + timedelta(hours=draw(st.integers(0, 24 * 500)))
        kind = "date" if form == "date" else parts["UNTIL"]
        parts["UNTIL"] = {
            "date": until.strftime("%Y%m%d"),
            "Z": until.strftime("%Y%m%dT%H%M%SZ"),
            "wall": until.strftime("%Y%m%dT%H%M%S"),
        }[kind]
    keys = draw(st.permutations(list(parts)))
    lines = [
        f"UID:r{n}",
        f"DTSTART{params}:{value}",
        f"DURATION:{'P1D' if form == 'date' else 'PT45M'}",
        "RRULE:" + ";".join(f"{key}={parts[key]}" for key in keys),
    ]
    skips = draw(st.lists(st.integers(0, 400), max_size=3, unique=True))
    if skips:
        days = [_written(start + timedelta(days=d), form)[1] for d in skips]
        lines.append(f"EXDATE{params}:{','.join(days)}")
    return "BEGIN:VEVENT\r\n" + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n"


@st.composite
def recurring_calendars(draw: st.DrawFn) -> str:
    body = [draw(recurring_events(n)) for n in range(draw(st.integers(1, 6)))]
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(body) + "END:VCALENDAR\r\n"


SPANS = st.tuples(st.integers(-420, 80), st.integers(1, 30)).map(
    lambda dn: (
        (BASE + timedelta(days=dn[0])).replace(tzinfo=UTC),
        (BASE + timedelta(days=dn[0] + dn[1])).replace(tzinfo=UTC),
    )
)


@contextmanager
def _every_rule_through_dateutils_text_parser() -> Iterator[None]:
    """Reading as amends did before rules were shared: no rule read as plain anywhere."""
    with (
        mock.patch.object(busy_rules, "read_rule", lambda text: None),
        mock.patch.object(busy_file, "read_rule", lambda text: None),
        mock.patch.object(busy_prefilter, "read_rule", lambda text: None),
        mock.patch.object(busy_plain, "read_rule", lambda text: None),
    ):
        _rule.cache_clear()
        _read_pending.cache_clear()
        yield
    _rule.cache_clear()
    _read_pending.cache_clear()


def _busy(text: str, spans: list[tuple[datetime, datetime]], prefilter: bool) -> object:
    try:
        calendar = parse_busy_text(text, "cal.ics", prefilter=prefilter)
        assert isinstance(calendar, BusyCalendar)
        return (
            calendar.warnings,
            [sorted(calendar.intervals(span, zone)) for span in spans for zone in ZONES],
        )
    except InputError as err:
        return ("error", err.message)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(recurring_calendars(), st.lists(SPANS, min_size=1, max_size=4))
def test_recurring_events_are_busy_at_the_same_times_as_dateutils_text_parser_says(
    text: str, spans: list[tuple[datetime, datetime]]
) -> None:
    _rule.cache_clear()
    _read_pending.cache_clear()
    shared = _busy(text, spans, prefilter=True)
    with _every_rule_through_dateutils_text_parser():
        before = _busy(text, spans, prefilter=False)
    assert shared == before


@settings(max_examples=600, deadline=None)
@given(
    PLAIN_PARTS,
    st.integers(0, 60 * 24 * 800),
    st.integers(-60, 700),
    st.integers(0, 40),
    st.integers(0, 24 * 600),
)
def test_a_common_rule_counted_out_gives_dateutils_occurrences(
    parts: dict[str, str], minutes: int, from_day: int, days: int, until_hours: int
) -> None:
    first = datetime(2026, 1, 1, 0, 30) + timedelta(minutes=minutes)
    if "UNTIL" in parts:
        until = first + timedelta(hours=until_hours)
        parts["UNTIL"] = until.strftime("%Y%m%d" if parts["UNTIL"] == "date" else "%Y%m%dT%H%M%S")
    plain = read_rule(";".join(f"{key}={value}" for key, value in parts.items()))
    assert plain is not None
    if not counted(plain):
        return
    low = first + timedelta(days=from_day)
    high = low + timedelta(days=days, hours=5)
    wall = wall_rule_text(plain.text, UTC, ZoneInfo("UTC"))
    want = [moment for moment in _rrulestr(wall, first).between(low, high, inc=True)]
    assert occurrences(plain, first, wall_until(plain, UTC), low, high) == want


def test_a_rule_with_several_week_starts_is_skipped_with_its_warning_either_way() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200101T100000Z\r\n"
        "DURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3;WKST=MO,TU\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for prefilter in (True, False):
        calendar = parse_busy_text(text, "cal.ics", prefilter=prefilter)
        assert not calendar.pending and not calendar.events
        assert calendar.warnings == (
            "cal.ics: 1 event skipped: a recurrence rule amends cannot read (line 3)",
        )


def test_a_long_counted_series_that_began_centuries_ago_is_busy_where_it_falls() -> None:
    # Counted out by arithmetic, a daily series with a huge COUNT is read at the search
    # itself: it is no longer refused as "too dense" because of the occurrences before it.
    ics = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTART:14000101T090000\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;COUNT=999999\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    calendar = parse_busy_text(ics, "old.ics")
    span = (datetime(2026, 12, 2, tzinfo=UTC), datetime(2026, 12, 4, tzinfo=UTC))
    starts = [start for start, _ in calendar.intervals(span, ZoneInfo("UTC"))]
    assert starts == [datetime(2026, 12, 2, 9, tzinfo=UTC), datetime(2026, 12, 3, 9, tzinfo=UTC)]
