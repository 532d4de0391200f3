"""The busy-calendar pre-filter never changes an answer: same busy times, warnings, errors.

:mod:`amends.slots.busy_prefilter` sets aside the events it can bound in time,
and ``icalendar`` parses them only when a search reaches them. Every calendar
here is read twice — with the pre-filter, and with every event parsed at once
as before — and both readings must give the same busy intervals over many
spans, the same warnings and the same errors: the project's own test
calendars, the benchmark's generated export, and generated calendars mixing
recurrences, moved and cancelled occurrences, ``EXDATE``, all-day and floating
events, known and unknown zones, folded lines, free and cancelled events and
events across the edges of the search.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bench.bench_busy import calendar_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amends.errors import InputError
from amends.slots import busy_cache
from amends.slots.busy import BusyCalendar
from amends.slots.busy_file import _read_pending, load_busy, parse_busy_text
from amends.slots.busy_prefilter import bounds
from amends.slots.icsscan import plain_events, scan
from tests.test_busy_real_world import BERLIN_TZ, CALENDARS
from tests.test_slots_busy import WEEKLY, ics

ZONES = (ZoneInfo("Europe/London"), ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago"))
BASE = datetime(2026, 11, 23, tzinfo=UTC)


def _answer(calendar: BusyCalendar, span: tuple[datetime, datetime], zone: ZoneInfo) -> object:
    """The busy intervals over ``span``, or the error reading them gives."""
    try:
        return calendar.intervals(span, zone)
    except InputError as err:
        return ("error", err.message)


def _read(text: str, prefilter: bool) -> object:
    try:
        return parse_busy_text(text, "cal.ics", prefilter=prefilter)
    except InputError as err:
        return ("error", err.message)


def assert_same_answers(text: str, spans: list[tuple[datetime, datetime]]) -> BusyCalendar | None:
    """Both readings of ``text`` agree on warnings, errors and every span's busy times."""
    filtered, full = _read(text, True), _read(text, False)
    if not isinstance(full, BusyCalendar):
        assert filtered == full
        return None
    assert isinstance(filtered, BusyCalendar)
    assert filtered.warnings == full.warnings
    for span in spans:
        for zone in ZONES:
            assert _answer(filtered, span, zone) == _answer(full, span, zone)
    return filtered


def _spans_around(start: datetime) -> list[tuple[datetime, datetime]]:
    return [(start + timedelta(days=d), start + timedelta(days=d + n)) for d, n in SPAN_STEPS]


SPAN_STEPS = [(-800, 20), (-60, 5), (0, 14), (7, 40), (600, 30)]


@pytest.mark.parametrize("name", sorted(CALENDARS))
def test_the_real_world_calendars_read_the_same_with_the_prefilter(name: str) -> None:
    assert_same_answers(CALENDARS[name][0], _spans_around(BASE))


def test_the_benchmark_export_reads_the_same_and_mostly_waits_unparsed() -> None:
    filtered = assert_same_answers(calendar_text(200), _spans_around(BASE))
    assert filtered is not None
    assert len(filtered.pending) > 150  # nearly every event of it is set aside until needed


def test_events_the_prefilter_cannot_read_plainly_are_parsed_at_once() -> None:
    text = ics(
        WEEKLY,  # a series without an end: always parsed
        "UID:m\r\nDTSTART:20200101T100000Z\r\nDTEND:20200101T110000Z\r\nRDATE:20261124T100000Z",
        "UID:u\r\nDTSTART;TZID=Mars/Olympus:20200101T100000\r\nDURATION:PT1H",
        "UID:g\r\nDTSTART:20200101T100000Z\r\nDURATION:PT1H\r\nGEO:not a place",
        "UID:s\r\nDTSTART:20200101T100000Z\r\nDURATION:PT1H\r\nSEQUENCE:x",
        "UID:w\r\nDTSTART:20200101T100000Z\r\nDTEND:20200101T090000Z",
        "UID:l\r\nDTSTART:20200101T100000Z,20200102T100000Z\r\nDURATION:PT1H",
    )
    calendar = parse_busy_text(text, "cal.ics")
    assert not calendar.pending
    # the zone, the GEO and SEQUENCE, the end before start, the list of starts
    assert len(calendar.warnings) == 4
    assert_same_answers(text, _spans_around(BASE))


def test_a_plain_past_event_is_bounded_and_only_its_used_lines_wait() -> None:
    lines = [
        "BEGIN:VEVENT",
        "UID:a",
        "DTSTAMP:20200101T000000Z",
        "DTSTART;TZID=Europe/Berlin:20200101T100000",
        "DTEND;TZID=Europe/Berlin:20200101T113000",
        'ATTENDEE;CN="Ann, B";ROLE=REQ-PARTICIPANT:mailto:ann@example.org',
        "SUMMARY:Planning",
        "END:VEVENT",
    ]
    scanned = scan("\r\n".join(["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]), "cal.ics")
    part = slice(scanned.events[0].first, scanned.events[0].stop)
    found = bounds(scanned.kept[part])
    assert found is not None
    low, high, used = found
    assert low <= datetime(2020, 1, 1, 9) and high >= datetime(2020, 1, 1, 10, 30)
    assert used == [lines[0], lines[1], lines[3], lines[4], lines[-1]]


# Generated calendars: each event picks a start, a form, an end, maybe a rule and extras.
FORMS = ["Z", "float", "date", "Europe/London", "America/New_York", "Europe/Berlin", "Mars/Olympus"]
RULES = [
    None,
    None,
    "FREQ=WEEKLY;UNTIL=20261130T120000Z",
    "FREQ=WEEKLY;UNTIL=20261125",
    "FREQ=DAILY;COUNT=9",
    "FREQ=DAILY;INTERVAL=2;COUNT=30",
    "FREQ=WEEKLY;COUNT=5;BYDAY=MO,FR",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=SU;WKST=SU",
    "FREQ=MONTHLY;UNTIL=20270101T000000Z",
    "FREQ=MONTHLY;COUNT=3",
    "FREQ=YEARLY;UNTIL=20300101",
    "FREQ=WEEKLY",
    "FREQ=DAILY;BYDAY=MO;COUNT=3",
    "FREQ=MINUTELY;COUNT=3",
    "FREQ=SOMETIMES",
]
EXTRAS = [
    "SUMMARY:A long title that is folded over lines to test the unfolding of it",
    "DTSTAMP:20261101T090000Z",
    "DTSTAMP:20261301T090000Z",
    "SEQUENCE:2",
    "STATUS:CANCELLED",
    "TRANSP:TRANSPARENT",
    "STATUS:TENTATIVE",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    'ATTENDEE;CN="Bo";PARTSTAT=ACCEPTED:mailto:bo@example.org',
    "X-DATE;VALUE=DATE:not a date",
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nEND:VALARM",
    "CREATED:20200101",
]


def _value(moment: datetime, form: str) -> tuple[str, str]:
    if form == "date":
        return ";VALUE=DATE", moment.strftime("%Y%m%d")
    stamp = moment.strftime("%Y%m%dT%H%M%S")
    if form == "Z":
        return "", stamp + "Z"
    if form == "float":
        return "", stamp
    return f";TZID={form}", stamp


def _fold(line: str, at: int) -> str:
    return line if at <= 0 or at >= len(line) else line[:at] + "\r\n " + line[at:]


@st.composite
def events(draw: st.DrawFn, n: int) -> str:
    start = BASE + timedelta(minutes=15 * draw(st.integers(-4 * 96 * 40, 4 * 96 * 40)))
    start = start.replace(tzinfo=None)
    form = draw(st.sampled_from(FORMS))
    params, value = _value(start, form)
    lines = [f"UID:e{n}", f"DTSTART{params}:{value}"]
    end = draw(st.sampled_from(["DTEND", "DTEND", "DURATION", "none", "before", "other"]))
    length = timedelta(minutes=30 * draw(st.integers(1, 100)))
    if end == "DTEND":
        lines.append("DTEND{}:{}".format(*_value(start + length, form)))
    elif end == "DURATION":
        lines.append(f"DURATION:PT{int(length.total_seconds() // 60)}M")
    elif end == "before":
        lines.append("DTEND{}:{}".format(*_value(start - length, form)))
    elif end == "other":
        lines.append("DTEND{}:{}".format(*_value(start + length, "Z" if form != "Z" else "float")))
    rule = draw(st.sampled_from(RULES))
    if rule is not None:
        lines.append(f"RRULE:{rule}")
        if draw(st.booleans()):
            lines.append("EXDATE{}:{}".format(*_value(start + timedelta(days=7), form)))
    lines.extend(draw(st.lists(st.sampled_from(EXTRAS), max_size=3, unique=True)))
    folded = [_fold(line, draw(st.integers(0, 40))) for line in lines]
    return "BEGIN:VEVENT\r\n" + "\r\n".join(folded) + "\r\nEND:VEVENT\r\n"


@st.composite
def override(draw: st.DrawFn, n: int) -> str:
    """A moved or cancelled occurrence of series ``e{n}`` (which may not be a series)."""
    moment = BASE + timedelta(days=draw(st.integers(-30, 30)), hours=draw(st.integers(0, 23)))
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    status = draw(st.sampled_from(["", "STATUS:CANCELLED\r\n"]))
    return (
        f"BEGIN:VEVENT\r\nUID:e{n}\r\nRECURRENCE-ID:{stamp}\r\nDTSTART:{stamp}\r\n"
        f"DURATION:PT1H\r\n{status}END:VEVENT\r\n"
    )


@st.composite
def calendars(draw: st.DrawFn) -> str:
    count = draw(st.integers(1, 12))
    body = [draw(events(n)) for n in range(count)]
    body += [
        draw(override(draw(st.integers(0, count - 1)))) for _ in range(draw(st.integers(0, 2)))
    ]
    if draw(st.booleans()):  # the zone defined in the file too, before or after its events
        body.insert(draw(st.integers(0, len(body))), BERLIN_TZ)
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(body) + "END:VCALENDAR\r\n"


SPANS = st.tuples(st.integers(-50, 50), st.integers(1, 30)).map(
    lambda dn: (BASE + timedelta(days=dn[0]), BASE + timedelta(days=dn[0] + dn[1]))
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars(), st.lists(SPANS, min_size=1, max_size=4))
def test_generated_calendars_read_the_same_with_and_without_the_prefilter(
    text: str, spans: list[tuple[datetime, datetime]]
) -> None:
    assert_same_answers(text, spans)


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The benchmark's export (300 events) in a file, with a cache folder of its own."""
    monkeypatch.setenv("AMENDS_HOME", str(tmp_path / "home"))
    path = tmp_path / "busy.ics"
    path.write_text(calendar_text(300), "utf-8")
    return path


def test_a_cached_calendar_keeps_its_waiting_events_and_answers_the_same(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export
    first = load_busy(path)
    assert first.pending and list(busy_cache.folder().glob("*.json"))
    monkeypatch.setattr(
        "amends.slots.busy_file.parse_busy_text", lambda *_: pytest.fail("parsed again")
    )
    again = load_busy(path)
    full = parse_busy_text(path.read_text("utf-8"), str(path), prefilter=False)
    assert again == first
    for span in _spans_around(BASE):
        assert again.intervals(span, ZONES[0]) == full.intervals(span, ZONES[0])


def test_a_cached_calendars_waiting_events_are_read_again_without_icalendar(
    export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = export
    span = (BASE, BASE + timedelta(days=14))
    earlier = (BASE - timedelta(days=60), BASE - timedelta(days=50))
    first = load_busy(path)
    busy, busy_earlier = first.intervals(span, ZONES[0]), first.intervals(earlier, ZONES[0])
    _read_pending.cache_clear()  # as in a new process
    monkeypatch.setattr(
        "amends.slots.busy_file.parse_pending", lambda *_: pytest.fail("icalendar used")
    )
    again = load_busy(path)
    assert again == first  # the cache keeps what the first read set aside
    assert again.intervals(span, ZONES[0]) == busy
    assert again.intervals(earlier, ZONES[0]) == busy_earlier


# Pieces of messy files: what the line scan leaves out, nests or closes, and line breaks
# other than CRLF, around plain events the quick structural pass may take out first.
MESS = [
    "END:VTODO\r\n",
    "BEGIN:VTODO\r\nSUMMARY:x\r\n",
    "END:VEVENT\r\n",
    "begin:vevent\r\nUID:lower\r\nDTSTART:20261124T100000Z\r\nDURATION:PT1H\r\nend:vevent\r\n",
    "BEGIN;X=1:VEVENT\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\n",
    "BEGIN:VEVENT\r\n X\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\n",
    "BEGIN:VEVENT\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\n\r\n \u00a0\r\n X-AFTER:1\r\n",
    "not a property line\r\n",
    "BEG\r\n IN:VEVENT\r\nUID:split\r\n",
    "END\r\n\r\n :VEVENT\r\n",
    "\r\n",
    "BEGIN:VEVENT\r\nUID:open\r\nDTSTART:20261125T100000Z\r\nDURATION:PT1H\r\n",
    "X-ODD:a\rb\r\n",
    "X-ODD:a\x0bb\r\n",
    "END:VCALENDAR\r\nX-OUTSIDE:1\r\nBEGIN:VCALENDAR\r\n",
    "END:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\n",
    "BEGIN:X\r\n" * 9 + "END:X\r\n" * 9,
    'BEGIN:VEVENT\r\nX-Q;A="multi\r\nline":v\r\nDTSTART:20261124T100000Z\r\nEND:VEVENT\r\n',
]


@st.composite
def messy_calendars(draw: st.DrawFn) -> str:
    body = [draw(events(n)) for n in range(draw(st.integers(1, 8)))]
    for piece in draw(st.lists(st.sampled_from(MESS), max_size=3)):
        body.insert(draw(st.integers(0, len(body))), piece)
    tail = draw(st.sampled_from(["END:VCALENDAR\r\n", "", "END:VCALENDAR"]))
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(body) + tail
    return text.replace("\r\n", "\n") if draw(st.booleans()) else text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_calendars())
def test_taking_plain_events_out_before_the_line_scan_changes_nothing(text: str) -> None:
    quick = _read(text, True)
    with pytest.MonkeyPatch.context() as patch:  # the line scan reads every event
        patch.setattr("amends.slots.busy_file.plain_events", lambda _: None)
        scanned = _read(text, True)
    assert quick == scanned  # events, warnings and the events set aside, lines included


def test_plain_events_are_taken_out_before_the_line_scan() -> None:
    text = calendar_text(50)
    found = plain_events(text)
    assert found is not None and len(found) == 50
    assert len(parse_busy_text(text, "cal.ics").pending) == 50
