"""Recurring busy events expanded with ``dateutil``, each rule parsed once per process.

Split from :mod:`amends.slots.busy` so that a search without a busy calendar
never imports ``dateutil``: :meth:`~amends.slots.busy.BusyCalendar.intervals`
loads this module with the first event it expands. Rules follow the event's own
wall clock across DST changes, ``EXDATE`` removes occurrences, and each
expansion is cut off at the end of the search.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rruleset, rrulestr, weekdays

from amends.errors import InputError
from amends.slots.busy import MAX_EXPANSION, BusyEvent, When, _naive_in, _zone_of
from amends.slots.busy_rrule import PlainRule, counted, occurrences, read_rule, wall_until
from amends.slots.clock import Interval

_UNTIL = re.compile(r"UNTIL=([0-9]{8})(T[0-9]{6})?(Z?)", re.IGNORECASE)


def wall_rule_text(rule: str, zone: tzinfo, floating: ZoneInfo) -> str:
    """``rule`` with ``UNTIL`` moved onto the series' wall clock (``zone``), as dateutil needs."""

    def fix(match: re.Match[str]) -> str:
        day, clock, zulu = match.group(1), match.group(2), match.group(3)
        if not clock:
            return f"UNTIL={day}T235959"
        if not zulu:
            return match.group(0)
        moment = datetime.fromisoformat(day + clock).replace(tzinfo=UTC)
        return "UNTIL=" + _naive_in(moment, zone, floating).strftime("%Y%m%dT%H%M%S")

    return _UNTIL.sub(fix, rule)


@lru_cache(maxsize=4096)
def _rule(event: BusyEvent, floating: ZoneInfo, source: str) -> rrule | None:
    """The event's ``RRULE`` on its own wall clock (``None`` without one), parsed once."""
    if not event.rule:
        return None
    zone = _zone_of(event.start, floating)
    first = _naive_in(event.start, zone, floating)
    plain = read_rule(event.rule)
    try:
        if plain is not None:  # the common rules, read once for the pre-filter and here
            parsed: rrule | rruleset = plain_rule(plain, first, zone)
        else:
            text = wall_rule_text(event.rule, zone, floating)
            with warnings.catch_warnings():  # COUNT with UNTIL: deprecated, and honoured
                warnings.simplefilter("ignore", DeprecationWarning)
                parsed = rrulestr(text, dtstart=first, ignoretz=True)
        if not isinstance(parsed, rrule):
            raise ValueError("expected a single RRULE")
    except (ValueError, TypeError) as exc:
        raise InputError(
            "busy", f"{source}: line {event.line}: RRULE is not valid ({exc})"
        ) from None
    return parsed


def _rules(event: BusyEvent, floating: ZoneInfo, source: str, span: Interval) -> Iterable[datetime]:
    """The event's occurrences from near ``span[0]`` up to ``span[1]`` on its own wall clock
    (``RRULE``, ``RDATE``, ``EXDATE``); ``span`` is naive, on that clock."""
    zone = _zone_of(event.start, floating)
    parsed = _rule(event, floating, source)
    rules = rruleset()
    if parsed is not None and (span[1] < _naive_in(event.start, zone, floating) or _never(parsed)):
        pass  # no occurrence (dateutil would look up to year 9999 for a rule that never matches)
    elif parsed is not None:
        try:
            bounded = _bounded(parsed, span[1], _later_start(parsed, span[0]))
        except (ValueError, TypeError) as exc:
            where = f"{source}: line {event.line}"
            raise InputError("busy", f"{where}: RRULE is not valid ({exc})") from None
        if not event.rdates:  # one rule, in order and without repeats: what rruleset gives
            skipped = {_naive_in(skip, zone, floating) for skip in event.exdates}
            return (moment for moment in bounded if moment not in skipped)
        rules.rrule(bounded)
    else:
        rules.rdate(_naive_in(event.start, zone, floating))
    for extra in event.rdates:
        rules.rdate(_naive_in(extra, zone, floating))
    for skip in event.exdates:
        rules.exdate(_naive_in(skip, zone, floating))
    return rules


_FREQS = {"DAILY": DAILY, "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}


def plain_rule(plain: PlainRule, first: datetime, zone: tzinfo) -> rrule:
    """The rule ``plain`` starting at ``first``, built without dateutil's text parser (which
    costs ten times more): what ``rrulestr`` gives for its text with ``dtstart=first`` and
    ``ignoretz``, once ``UNTIL`` is on the wall clock of ``zone`` (:func:`wall_rule_text`)."""
    args: dict[str, object] = {}
    until = wall_until(plain, zone)
    if until is not None:
        args["until"] = until
    if plain.count is not None:
        args["count"] = plain.count
    if plain.interval != 1:
        args["interval"] = plain.interval
    if plain.byday is not None:
        args["byweekday"] = [weekdays[day] for day in plain.byday]
    if plain.wkst is not None:
        args["wkst"] = plain.wkst
    with warnings.catch_warnings():  # dateutil deprecates COUNT with UNTIL, as rrulestr would
        warnings.simplefilter("ignore", DeprecationWarning)
        return rrule(_FREQS[plain.freq], dtstart=first, cache=False, **args)  # type: ignore[arg-type]


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a leap year's


def _never(rule: rrule) -> bool:
    """Whether ``rule``'s months and days of the month never meet (``BYMONTH=2;BYMONTHDAY=30``).

    dateutil checks ``UNTIL`` only at an occurrence, so it would search such a rule
    up to year 9999 on every expansion.
    """
    days = tuple(getattr(rule, "_bymonthday", ()) or ())
    back = tuple(getattr(rule, "_bynmonthday", ()) or ())
    if not days and not back:
        return False
    months = tuple(getattr(rule, "_bymonth", None) or range(1, 13))
    longest = max(_MONTH_DAYS[m - 1] for m in months)
    return all(d > longest for d in days) and all(-d > longest for d in back)


def expand(event: BusyEvent, span: Interval, floating: ZoneInfo, source: str) -> list[When]:
    zone = _zone_of(event.start, floating)
    where = f"{source}: line {event.line}"
    margin = event.length + timedelta(days=2)
    low = span[0].astimezone(zone).replace(tzinfo=None) - margin
    high = span[1].astimezone(zone).replace(tzinfo=None) + timedelta(days=2)
    plain = read_rule(event.rule) if event.rule and not event.rdates else None
    if plain is not None and counted(plain):  # the common rules: counted out, no dateutil
        first = _naive_in(event.start, zone, floating)
        skipped = {_naive_in(skip, zone, floating) for skip in event.exdates}
        starts = occurrences(plain, first, wall_until(plain, zone), low, high)
        return [_rebuild(start, event.start, zone) for start in starts if start not in skipped]
    parsed = _rule(event, floating, source)
    last = last_possible(parsed) if parsed is not None else None
    if last is not None and last < low and not event.rdates:
        return []  # a series that ended before the search (most of an old calendar's)
    rules = _rules(event, floating, source, (low, high))
    found: list[When] = []
    for count, occurrence in enumerate(rules):
        if occurrence > high:
            break
        if count > MAX_EXPANSION:
            raise InputError("busy", f"{where}: the recurrence is too dense to expand")
        if occurrence >= low:
            found.append(_rebuild(occurrence, event.start, zone))
    return found


_PERIOD: dict[object, timedelta] = {WEEKLY: timedelta(weeks=1), DAILY: timedelta(days=1)}


def forward(rule: rrule, low: datetime) -> rrule:
    """``rule`` started later, at a whole number of its periods before ``low``: the same
    occurrences from then on, without walking years of past ones first."""
    start = _later_start(rule, low)
    return rule if start is None else rule.replace(dtstart=start)


def _later_start(rule: rrule, low: datetime) -> datetime | None:
    """Where :func:`forward` starts ``rule`` (``None``: where it starts already).

    Only for the rules that repeat identically every period: daily or weekly,
    with no ``COUNT`` (counted from the first occurrence) and no ``BY`` part but
    the weekdays. Moving the start by whole periods keeps its weekday, its wall
    time and the weeks an ``INTERVAL`` picks.
    """
    if getattr(rule, "_count", None) is not None or not _simple(rule):
        return None
    start: datetime = getattr(rule, "_dtstart")  # noqa: B009 - dateutil keeps it private
    step = _PERIOD[getattr(rule, "_freq")] * int(getattr(rule, "_interval", 1))  # noqa: B009
    periods = (low - start) // step - 1
    return start + periods * step if periods > 0 else None


def _simple(rule: rrule) -> bool:
    """Daily or weekly, with no ``BY`` part but the weekdays (see :func:`_later_start`)."""
    return (
        getattr(rule, "_freq", None) in _PERIOD
        and isinstance(getattr(rule, "_dtstart", None), datetime)
        and not getattr(rule, "_bynweekday", None)
        and not getattr(rule, "_bysetpos", None)
        and not set(getattr(rule, "_original_rule", {"?": 0})) - {"byweekday"}
    )


def last_possible(rule: rrule) -> datetime | None:
    """A moment no occurrence of ``rule`` comes after (``None``: no such bound is known).

    ``UNTIL`` bounds any rule. A simple daily rule with ``COUNT`` has one occurrence
    per period, a weekly one at least one per period after its first week.
    """
    until: datetime | None = getattr(rule, "_until", None)
    count = getattr(rule, "_count", None)
    if count is None or not _simple(rule):
        return until
    freq = getattr(rule, "_freq", None)
    step = _PERIOD[freq] * int(getattr(rule, "_interval", 1))
    daily_filtered = freq == DAILY and getattr(rule, "_original_rule", {}).get("byweekday")
    if daily_filtered:  # a weekday filter may leave whole periods empty
        return until
    periods = count - 1 if freq == DAILY else count + 1
    last: datetime = rule._dtstart + periods * step  # type: ignore[attr-defined]
    return min(last, until) if until is not None else last


def _bounded(rule: rrule, high: datetime, start: datetime | None = None) -> rrule:
    """``rule`` cut off at ``high`` (and started at ``start``, when given): a rule that
    never matches (``BYMONTHDAY=30`` in February) then stops searching at the end of
    the period instead of year 9999."""
    until = getattr(rule, "_until", None)
    end = min(until, high) if until is not None else high
    with warnings.catch_warnings():  # dateutil deprecates COUNT with UNTIL; it honours both
        warnings.simplefilter("ignore", DeprecationWarning)
        if start is None:
            return rule.replace(until=end)
        return rule.replace(until=end, dtstart=start)


def _rebuild(naive: datetime, like: When, zone: tzinfo) -> When:
    if not isinstance(like, datetime):
        return naive.date()
    return naive.replace(tzinfo=zone) if like.tzinfo is not None else naive
