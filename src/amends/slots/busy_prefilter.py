"""Which events of a busy calendar a search can need: bounds read from the raw lines.

Parsing an event with ``icalendar`` costs about a millisecond, and a
10,000-event export holds years of meetings a search of the next two weeks
never reaches. :func:`bounds` reads one top-level ``VEVENT`` (its unfolded
lines, as :mod:`amends.slots.icsscan` kept them) with plain string checks and
returns a span of time, in naive UTC, outside which the event certainly blocks
nothing; it is read only when a search reaches that span
(:class:`~amends.slots.busy.PendingEvent`, read by :mod:`amends.slots.busy_plain`,
or by ``icalendar`` when that is unsure). :func:`bounds_of` does the same for an
event :func:`amends.slots.icsscan.plain_events` found before the line scan.
The check can only set an event aside, never change what it means, so it is
strict: it answers ``None`` (the event is parsed at once, as before) for
anything that is not plainly one of the common shapes — a zone ``icalendar``
would not find by its IANA name, a ``RECURRENCE-ID`` or ``RDATE``, a
recurrence without a known last occurrence, a nested component, a property
whose value could fail to parse (and so would be skipped with a warning), or a
value it does not recognise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import available_timezones

from icalendar.prop.factory import TypesFactory

from amends.slots.busy import MAX_EXPANSION
from amends.slots.busy_rrule import Unclear, read_moment, read_rule
from amends.slots.icsscan import LINE_SHAPE

Bounds = tuple[datetime, datetime]
# What :mod:`amends.slots.busy_file` reads of an event; the other lines of an event
# set aside are checked to parse and then left out of what ``icalendar`` reads.
USED = frozenset({"DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "UID", "STATUS", "TRANSP"})

# Zone offsets are under a day and DST moves a wall clock by hours, so a wall
# time read as UTC is within a day of the instant; the margins add slack.
MARGIN = timedelta(days=2)
SERIES_MARGIN = timedelta(days=4)  # and a series' UNTIL may be on another clock
_DAY_LONG = timedelta(days=1)

_DURATION = re.compile(
    r"P(?:([0-9]{1,4})W|([0-9]{1,5})D|([0-9]{1,5}D)?T([0-9]{1,5}H)?([0-9]{1,6}M)?([0-9]{1,7}S)?)"
)
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")
_TIMES = frozenset({"DTSTART", "DTEND", "DURATION", "RRULE"})
_TEXT_NAMES = frozenset({"UID", "SUMMARY", "DESCRIPTION", "LOCATION", "STATUS", "TRANSP"})
_STAMPS = frozenset({"DTSTAMP", "CREATED", "LAST-MODIFIED"})
_NUMBERS = frozenset({"SEQUENCE", "PRIORITY"})
_TEXT_TYPES = frozenset({"vText", "vCategory", "vUri", "vCalAddress", "vUnknown"})


@cache
def _is_text(name: str) -> bool:
    """Whether ``icalendar`` reads property ``name`` as text, which cannot fail to parse."""
    return name not in ("BEGIN", "END") and (
        TypesFactory.instance().for_property(name).__name__ in _TEXT_TYPES
    )


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _wall(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


@cache
def _form_of(params: str) -> tuple[str, bool | None]:
    """The form parameters ``params`` give a ``DTSTART``/``DTEND``/``EXDATE`` value, and
    whether it must be a date (``None``: a date or a date-time)."""
    if params == ";VALUE=DATE":
        return "date", True
    if not params:
        return "", None
    zone = params[6:]
    if params.startswith(";TZID=") and _ZONE.fullmatch(zone) and zone in _known_zones():
        return params, False
    return "unclear", None


def time_value(params: str, value: str) -> tuple[str, date | datetime]:
    """A ``DTSTART``/``DTEND``/``EXDATE`` value: its form (``Z``, a zone, floating or a
    date) and the first moment written, after checking every listed one."""
    if "," in value:
        kind, moments = time_values(params, value)
        return kind, moments[0]
    form, date_only = _form_of(params)
    moment = read_moment(value)
    return _kind(moment, value, form, date_only), moment


def time_values(params: str, value: str) -> tuple[str, list[date | datetime]]:
    """Every moment of a ``DTSTART``/``DTEND``/``EXDATE`` value, as written (naive), and
    their one form: ``Z``, the ``params`` of a zone, ``float`` or ``date``."""
    form, date_only = _form_of(params)
    kind, moments = "", list[date | datetime]()
    for item in value.split(","):
        moment = read_moment(item)
        this = _kind(moment, item, form, date_only)
        if not moments:
            kind = this
        elif this != kind:
            raise Unclear
        moments.append(moment)
    return kind, moments


def _kind(moment: date | datetime, written: str, form: str, date_only: bool | None) -> str:
    """The form of one moment ``written`` with parameters of ``form`` (see :func:`_form_of`)."""
    if form == "unclear":
        raise Unclear
    if isinstance(moment, datetime):
        this = "Z" if written[-1] == "Z" else (form or "float")
        if date_only or (this == "Z" and form):
            raise Unclear
        return this
    if date_only is False:
        raise Unclear
    return "date"


def duration_of(value: str) -> timedelta:
    match = _DURATION.fullmatch(value)
    if match is None or value == "PT":
        raise Unclear
    weeks, days, day_part, hours, minutes, seconds = match.groups()
    if weeks:
        return timedelta(weeks=int(weeks))
    if days:
        return timedelta(days=int(days))
    return timedelta(
        days=int(day_part[:-1]) if day_part else 0,
        hours=int(hours[:-1]) if hours else 0,
        minutes=int(minutes[:-1]) if minutes else 0,
        seconds=int(seconds[:-1]) if seconds else 0,
    )


def _last_start(rule: str, start: date | datetime) -> datetime:
    """A wall time no occurrence of ``rule`` starts after (:class:`Unclear` when unknown)."""
    plain = read_rule(rule)
    if plain is None or (plain.byday is not None and plain.freq != "WEEKLY"):
        raise Unclear
    if plain.until is not None:
        return _wall(plain.until) + timedelta(days=1)
    if plain.count is None or plain.count > MAX_EXPANSION:
        raise Unclear
    first = _wall(start)
    if plain.freq == "DAILY":
        return first + timedelta(days=(plain.count - 1) * plain.interval)
    if plain.freq == "WEEKLY":  # at least one occurrence in every period after the first
        return first + timedelta(weeks=(plain.count + 2) * plain.interval)
    raise Unclear


# A content line of an event's body, split: its name, parameters and value.
_PARTS = re.compile("^" + LINE_SHAPE.pattern + r"([^\r\n]*)", re.MULTILINE)


# What :func:`_read` does with each property: 0 text, 1 a time, 2 ``EXDATE``, 3 a stamp,
# 4 a number (any other name: text if ``icalendar`` reads it as text, else unclear).
_ROLE = (
    dict.fromkeys(_TEXT_NAMES, 0)
    | dict.fromkeys(_TIMES, 1)
    | {"EXDATE": 2}
    | dict.fromkeys(_STAMPS, 3)
    | dict.fromkeys(_NUMBERS, 4)
)
_NUMBER = re.compile(r"[0-9]{1,9}")


@cache
def _role(name: str) -> int:
    """What :func:`_read` does with property ``name`` (see :data:`_ROLE`; 5: unclear)."""
    role = _ROLE.get(name)
    if role is None:
        return 0 if _is_text(name) else 5
    return role


@lru_cache(maxsize=1024)
def _name_role(written: str) -> tuple[str, int]:
    """A property name as written, in upper case, and what :func:`_read` does with it: 0 a
    text it leaves out, 1 a text it keeps (:data:`USED`), 2 a time, 3 ``EXDATE``, 4 a
    stamp, 5 a number, 6 unclear."""
    name = written.upper()
    role = _role(name)
    if role == 0:
        return name, 1 if name in USED else 0
    return name, role + 1


@lru_cache(maxsize=4096)  # an export often stamps every event with the same moment
def _stamp_ok(value: str) -> bool:
    try:
        return len(value) == 16 and isinstance(read_moment(value), datetime)
    except Unclear:
        return False


def _read(head: str, body: str, tail: str) -> tuple[datetime, datetime, list[str]]:
    if head != "BEGIN:VEVENT" or tail != "END:VEVENT":
        raise Unclear
    found = _PARTS.findall(body)
    if len(found) != body.count("\n"):  # a line without the NAME:value shape (or blank)
        raise Unclear
    times: dict[str, tuple[str, str]] = {}
    used = [head]
    for written, params, value in found:
        name, role = _name_role(written)
        if params and ("\\" in params or (role <= 1 and "VALUE=" in params.upper())):
            raise Unclear  # icalendar reads a backslash there; a text with a VALUE may fail
        if role == 0:
            continue
        if role == 1:
            used.append(f"{name}{params}:{value}")
        elif role == 2:
            if name in times:
                raise Unclear
            times[name] = (params, value)
            used.append(f"{name}{params}:{value}")
        elif role == 3:
            time_value(params, value)
            used.append(f"{name}{params}:{value}")
        elif role == 4:
            if params or not _stamp_ok(value):
                raise Unclear
        elif role != 5 or params or not _NUMBER.fullmatch(value):
            raise Unclear
    used.append(tail)
    get = times.get
    return (*_span(get("DTSTART"), get("DTEND"), get("DURATION"), get("RRULE")), used)


Written = tuple[str, str]  # a property's parameters and value


def _span(
    start: Written | None,
    end: Written | None,
    duration: Written | None,
    rule: Written | None,
) -> Bounds:
    """Where an event with these ``DTSTART``, ``DTEND``, ``DURATION`` and ``RRULE`` values
    can block time (:class:`Unclear` when that is not plain)."""
    if start is None or (end is not None and duration is not None):
        raise Unclear
    if "," in start[1] or (end is not None and "," in end[1]):
        raise Unclear  # one value only: icalendar refuses a list there (a skipped event)
    form, moment = time_value(*start)
    first = _wall(moment)
    if end is not None:
        end_form, last = time_value(*end)
        length = _wall(last) - first
        if end_form != form or length < timedelta(0):
            raise Unclear
    elif duration is not None:
        if duration[0]:
            raise Unclear
        length = duration_of(duration[1])
    else:
        length = _DAY_LONG if form == "date" else timedelta(0)
    if form == "date" and length < _DAY_LONG:
        length = _DAY_LONG
    if rule is None:
        return first - MARGIN, first + length + MARGIN
    if rule[0]:
        raise Unclear
    return first - MARGIN, _last_start(rule[1], moment) + length + SERIES_MARGIN


def bounds(lines: Sequence[str]) -> tuple[datetime, datetime, list[str]] | None:
    """Where the event in ``lines`` can block time (naive UTC) and the lines of it that
    matter (:data:`USED`), or ``None`` when unclear.

    ``lines`` run from ``BEGIN:VEVENT`` to ``END:VEVENT``, unfolded, as
    :func:`amends.slots.icsscan.scan` keeps them. Outside the span returned the
    event blocks nothing, and ``icalendar`` reads it without an error or a warning.
    """
    body = "".join(line + "\n" for line in lines[1:-1])
    return bounds_of(lines[0] if lines else "", body, lines[-1] if len(lines) > 1 else "")


def bounds_of(head: str, body: str, tail: str) -> tuple[datetime, datetime, list[str]] | None:
    """:func:`bounds` of the event whose first line is ``head``, last ``tail`` and whose
    other lines are ``body``, each ended by ``\\n`` or ``\\r\\n``."""
    try:
        return _read(head, body, tail)
    except Unclear:
        return None
