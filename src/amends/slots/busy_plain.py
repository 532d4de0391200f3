"""Events set aside by the pre-filter, read straight from their lines instead of by ``icalendar``.

:mod:`amends.slots.busy_prefilter` sets aside only events of a few plain
shapes (IANA zones, ``UTC`` or floating times, dates, a ``DURATION``, a
daily-to-yearly ``RRULE`` with ``INTERVAL``, ``COUNT``, ``UNTIL``, ``BYDAY``
and ``WKST``, ``EXDATE`` lists), and it has checked every value of them
already. For those shapes :func:`read_plain` builds the same
:class:`~amends.slots.busy.BusyEvent` ``icalendar`` would give, with the same
zones, length and rule text, about fifty times faster; what it is not sure of
(an escaped text value, a property given twice) it leaves to ``icalendar``
by raising :class:`~amends.slots.busy_prefilter.Unclear`. The tests read every
set-aside event both ways and compare the results field by field.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from amends.slots.busy import BusyEvent, PendingEvent, When, blocks_time, length_between
from amends.slots.busy_prefilter import duration_of, time_value, time_values
from amends.slots.busy_rrule import Unclear, read_rule
from amends.slots.icsscan import LINE_SHAPE

_UTC = ZoneInfo("UTC")  # what ``icalendar`` gives a time written with ``Z``


def _on_clock(moment: date | datetime, kind: str) -> When:
    """A moment as written, on the clock its form names (``Z``, ``;TZID=...``, floating)."""
    if not isinstance(moment, datetime) or kind == "float":
        return moment
    return moment.replace(tzinfo=_UTC if kind == "Z" else ZoneInfo(kind[6:]))


def _rule_text(rule: str) -> str:
    """The rule as ``icalendar`` writes it back: its parts in canonical order."""
    plain = read_rule(rule)
    if plain is None:
        raise Unclear
    return plain.text


def _text(values: dict[str, tuple[str, str]], name: str) -> str:
    value = values.get(name, ("", ""))[1]
    if "\\" in value:  # an escape icalendar would undo
        raise Unclear
    return value


def read_plain(waiting: PendingEvent) -> BusyEvent | None:
    """The event ``waiting`` holds, or ``None`` when it blocks no time (free, cancelled or
    of no length); :class:`Unclear` when ``icalendar`` should read it."""
    values: dict[str, tuple[str, str]] = {}
    exdates: list[When] = []
    for line in waiting.text.split("\r\n")[1:-1]:
        match = LINE_SHAPE.match(line)
        if match is None:
            raise Unclear
        name, params, value = match.group(1).upper(), match.group(2), line[match.end() :]
        if name == "EXDATE":
            kind, moments = time_values(params, value)
            exdates.extend(_on_clock(moment, kind) for moment in moments)
        elif name in values:
            raise Unclear
        else:
            values[name] = (params, value)
    if "DTSTART" not in values:
        raise Unclear
    kind, first = time_value(*values["DTSTART"])
    start = _on_clock(first, kind)
    if "DTEND" in values:
        end_kind, end = time_value(*values["DTEND"])
        length = length_between(start, _on_clock(end, end_kind))
    elif "DURATION" in values:
        length = duration_of(values["DURATION"][1])
    else:
        length = timedelta(0) if isinstance(start, datetime) else timedelta(days=1)
    rule = values.get("RRULE")
    event = BusyEvent(
        start=start,
        length=length,
        line=waiting.line,
        uid=_text(values, "UID"),
        rule=_rule_text(rule[1]) if rule is not None else None,
        exdates=tuple(exdates),
    )
    if not blocks_time(_text(values, "STATUS"), _text(values, "TRANSP")):
        return None
    return event if length > timedelta(0) else None
