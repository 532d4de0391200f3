"""Finding the time expressions in a story: clock times, days, dates and offsets.

This module only *finds* them (with their position in the text); which one is
the interview start and which the moment the person noticed is decided in
:mod:`amends.intake.when`. People write "2pm", "9.30", "14:00", "half past
ten", "at 3", "noon", "tmrw", "this morning", "on thursday", "3rd of dec",
"in 20 min", "an hour ago"; each becomes one typed mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUM = "|".join(NUMBERS)
_H = rf"(?:\d{{1,2}}|{_NUM})"
_AP = r"(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class Clock:
    """A time of day as written; ``hour`` is 0-23 when the text fixed it (24-hour or am/pm)."""

    start: int
    end: int
    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None when the text does not say
    exact: bool  # True for "14:00" (24-hour) and am/pm times


@dataclass(frozen=True)
class Day:
    """A day as written: relative ("tomorrow"), a weekday, or a calendar date."""

    start: int
    end: int
    kind: str  # "relative", "weekday", "calendar", "day-of-month"
    offset: int = 0  # relative days
    weekday: int = 0
    modifier: str = ""  # "next", "last", "this" or ""
    phrase: str = ""  # the calendar phrase, for the date parser
    part: str = ""  # "morning", "afternoon", "evening" when the phrase says
    named_weekday: int | None = None  # "Wednesday 24 June": the weekday written with a date


@dataclass(frozen=True)
class Offset:
    """A moment relative to now: "in 20 minutes" (+20) or "an hour ago" (-60)."""

    start: int
    end: int
    minutes: int


_CLOCKS = [
    re.compile(rf"(?<![\d/.:])(?P<h>\d{{1,2}})[:.](?P<m>[0-5]\d)(?![\d/]|[.:]\d)\s*(?:{_AP})?"),
    re.compile(rf"(?<![\d/.:])(?P<h>{_H})\s*{_AP}"),
    # "my 12 30 interview", "at 9 45am": the minutes after a space, told by what follows
    re.compile(
        rf"(?<![\d/.:])(?P<h>\d{{1,2}}) (?P<m>[0-5]\d)(?=\s*(?:{_AP}"
        r"|(?:(?:video|phone|zoom|teams|online|virtual|first|second|final|job|panel|remote"
        r"|in person|onsite) )?(?:interview"
        r"|call|meeting|zoom|slot|screen)\b))(?:\s*{_AP})?"
    ),
    re.compile(rf"(?<![\d/.:])(?P<h>{_H})\s*o\s?clock"),
    re.compile(rf"(?P<half>half|quarter)\s+(?P<dir>past|to)\s+(?P<h>{_H})(?:\s*{_AP})?"),
    re.compile(
        rf"(?<![\w])(?P<half>half)\s+(?P<h>{_NUM}|\d{{1,2}})(?!\s*(?:an?|hours?|past|to)\b)"
    ),
    re.compile(rf"(?<![\w/.:])(?P<h>{_NUM})\s+(?P<mw>thirty|fifteen|forty[ -]?five)(?:\s*{_AP})?"),
    re.compile(r"\b(?P<noon>noon|midday|lunchtime|midnight)\b"),
    re.compile(
        rf"(?:(?<=\bat )|(?<=\bfor )|(?<=\bby )|(?<=\baround )|(?<=\bfrom )|(?<=\b@ )|(?<=@)"
        rf"|(?<=\buntil )|(?<=\btill )|(?<=\babout )|(?<=\bmy )|(?<=\bsaid )|(?<=\bsays )"
        r"|(?<=\binterview was )|(?<=\binterview is )|(?<=\bcall was )|(?<=\bcall is )"
        rf"|(?<=\bas )|(?<=\ba las )|(?<=\bàs ))(?P<h>{_H})"
        r"(?![\d:/]|\.\d|\s*(?:minutes|hours|hour|days|weeks|people|%|st\b|nd\b|rd\b|th\b)"
        r"|h(?:[0-5]\d)?s?\b)"  # "at 15h": the h-clock below reads it whole
    ),
    re.compile(r"(?<=\bat )(?P<hh>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d:/]|\.\d)"),
    # "at 16h", "today 14h", "15hs", "9h30": the hour written with an h (24-hour clock)
    re.compile(
        r"(?:(?<=\bat )|(?<=\btoday )|(?<=\bmorning )|(?<=\bafternoon )|(?<=\bthe )|(?<=\bis )"
        r"|(?<=\bwas )|(?<=\binterview )|(?<=\bentrevista )|(?<=\bàs )|(?<=\bà )|(?<=\ba las )"
        r"|(?<=\bum )|(?<=\bby )|(?<=\bmy ))"
        r"(?P<hh>[01]?\d|2[0-3])h(?P<m>[0-5]\d)?s?\b"
        # "was 2h late", "is 2h long", "my 2h drive": a length of time, no clock
        r"(?!\s*(?:late|early|long|longer|ago|later|earlier|behind|ahead|away|before|after"
        r"|delay|delayed|drive|ride|journey|trip|commute|wait|flight|nap|session|max|tops"
        r"|each|total|in total|of|shift|shifts|straight|stint|layover|from now)\b)"
        # "my 1h interview", "a 2h assessment": a short hour before the event is its length
        r"(?!(?<=(?<!\d)[0-5]h)\s*(?:interview|call|chat|meeting|assessment|session|onsite"
        r"|panel|test|exam|screen|screening|round|case study|workshop|slot)\b)"
    ),
]
_DAYS = [
    (re.compile(r"(?:the )?day after tomorrow"), 2),
    (re.compile(r"(?:the )?day before yesterday"), -2),
    (re.compile(r"tomorrow(?:\s+(?:morning|afternoon|evening|night))?"), 1),
    (re.compile(r"yesterday(?:\s+(?:morning|afternoon|evening|night))?|last night"), -1),
    (re.compile(r"today|tonight|this (?:morning|afternoon|evening)|earlier today|later today"), 0),
]
_WEEKDAY = re.compile(
    rf"(?:(?P<mod>next|this|last|coming|this coming|past)\s+)?(?P<wd>{'|'.join(WEEKDAYS)})"
    # "wed 9am", "thurs 10:30", "Thu 22nd": the short forms that are no other word
    r"|(?:(?P<smod>next|this|last|coming)\s+)?\b(?P<short>tues?|weds?|thu|thur|thurs|fri)\b\.?"
)
_SHORT_DAYS = {"tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4}
_CALENDAR = [
    re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?![\d:])"),
    re.compile(rf"(?<![\d:.])\d{{1,2}}{_ORD}(?:\s+of)?\s+(?:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?"),
    re.compile(
        rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}{_ORD}(?![\d:.]|\s*(?:am|pm|a\.m|p\.m))(?:,?\s+\d{{4}})?"
    ),
    re.compile(r"(?<![\d:./])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"),
]
_DAY_OF_MONTH = re.compile(
    r"\b(?:on )?the (?P<d>\d{1,2})(?:st|nd|rd|th)\b(?! of)"
    # "stuck on the 12th floor", "the 2nd round": an ordinal that is no day
    r"(?! (?:floor|storey|story|row|level|place|time|attempt|try|round|interview|candidate"
    r"|district|arrondissement|avenue|street|ward|gate|platform)\b)"
)
_AMOUNT = r"(?P<n>\d{1,3}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|a couple of|a few|half an?)"  # noqa: E501
_UNIT = r"(?P<unit>minutes|minute|hours|hour)"
_OFFSETS = [
    (re.compile(rf"\bin (?:about |around |roughly |like )?{_AMOUNT} {_UNIT}"), 1),
    (re.compile(rf"\b{_AMOUNT} {_UNIT} ago"), -1),
    (re.compile(r"\bin (?:about |around )?half an hour"), 1),
    (re.compile(r"\bhalf an hour ago"), -1),
]
_AMOUNTS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "a couple of": 2, "a few": 3,
    "half a": 0.5, "half an": 0.5,
}  # fmt: skip


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def _hour(text: str) -> int:
    return NUMBERS[text] if text in NUMBERS else int(text)


_WEEKDAY_BEFORE = re.compile(
    r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:the )?$"
)


def find_days(low: str) -> list[Day]:
    """Every day mentioned: relative days, weekdays, calendar dates."""
    found: list[Day] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= s or m.start() >= e for s, e in taken)

    for pattern in _CALENDAR:
        for m in pattern.finditer(low):
            if free(m):
                named = _WEEKDAY_BEFORE.search(low, 0, m.start())
                start = named.start() if named else m.start()
                taken.append((start, m.end()))
                weekday = WEEKDAYS.index(named.group("wd")) if named else None
                found.append(
                    Day(start, m.end(), "calendar", phrase=m.group(0), named_weekday=weekday)
                )
    for pattern, offset in _DAYS:
        for m in pattern.finditer(low):
            if free(m):
                taken.append(m.span())
                found.append(Day(m.start(), m.end(), "relative", offset, part=_part(m.group(0))))
    for m in _WEEKDAY.finditer(low):
        if free(m):
            taken.append(m.span())
            mod = (m.group("mod") or m.group("smod") or "").replace("this coming", "next")
            mod = mod.replace("coming", "next").replace("past", "last") or _week_of(low, m)
            short = m.group("short")
            wd = _SHORT_DAYS[short] if short else WEEKDAYS.index(m.group("wd"))
            found.append(Day(m.start(), m.end(), "weekday", weekday=wd, modifier=mod))
    for m in _DAY_OF_MONTH.finditer(low):
        if free(m):
            taken.append(m.span())
            found.append(Day(m.start(), m.end(), "day-of-month", offset=int(m.group("d"))))
    return sorted(found, key=lambda d: d.start)


# "next week I have an interview at 9am thursday", "thursday next week": the weekday of
# that week, when nothing ends the sentence between them.
_WEEK = re.compile(r"\b(?P<which>next|last) week\b")


def _week_of(low: str, m: re.Match[str]) -> str:
    for week in _WEEK.finditer(low):
        gap = (
            low[week.end() : m.start()] if week.end() <= m.start() else low[m.end() : week.start()]
        )
        if len(gap) <= 60 and not re.search(r"[.;!?]", gap):
            return f"{week.group('which')} week"
    return ""


def _part(text: str) -> str:
    for part in ("morning", "afternoon", "evening"):
        if part in text:
            return part
    return "evening" if "night" in text else ""


def find_offsets(low: str) -> list[Offset]:
    """Moments relative to now ("in 20 minutes", "half an hour ago")."""
    found: list[Offset] = []
    for pattern, sign in _OFFSETS:
        for m in pattern.finditer(low):
            if any(o.start <= m.start() < o.end for o in found):
                continue
            groups = m.groupdict()
            word = groups.get("n") or "half a"
            amount = float(word) if word.isdigit() else float(_AMOUNTS.get(word, 0))
            unit = groups.get("unit") or "hour"
            minutes = amount * (60 if unit.startswith("hour") else 1)
            if 0 < minutes <= 24 * 60:
                found.append(Offset(m.start(), m.end(), sign * round(minutes)))
    return sorted(found, key=lambda o: o.start)


# "UTC+5:30", "gmt-3.30": a zone's offset, whose digits are no time of day
_ZONE_OFFSET = re.compile(r"\b(?:gmt|utc)\s?[+-]\s?\d{1,2}(?:[:.]?[0-5]\d)?(?!\d)")


def find_clocks(low: str, days: list[Day], offsets: list[Offset]) -> list[Clock]:
    """Every time of day, ignoring digits that belong to a date, an offset or a zone's offset."""
    text = _mask(low, [(d.start, d.end) for d in days if d.kind != "relative"])
    text = _mask(text, [(o.start, o.end) for o in offsets])
    text = _mask(text, [m.span() for m in _ZONE_OFFSET.finditer(text)])
    found: list[Clock] = []
    for pattern in _CLOCKS:
        for m in pattern.finditer(text):
            if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in found):
                continue
            clock = _clock(m)
            if clock is not None:
                found.append(clock)
    return sorted(found, key=lambda c: c.start)


def _clock(m: re.Match[str]) -> Clock | None:
    g = m.groupdict()
    ap = (g.get("ap") or "").replace(".", "") or None
    if g.get("noon"):
        hour = 0 if g["noon"] == "midnight" else 12
        return Clock(m.start(), m.end(), hour, 0, None, True)
    if g.get("hh"):
        return Clock(m.start(), m.end(), int(g["hh"]), int(g["m"] or 0), None, True)
    hour = _hour(g["h"])
    minute = int(g["m"]) if g.get("m") else 0
    if g.get("half"):
        minute = 30 if g["half"] == "half" else 15
        if g.get("dir") == "to":
            hour, minute = (hour - 1) % 24, 45
            if g["half"] == "half":
                return None
    if g.get("mw"):
        minute = {"thirty": 30, "fifteen": 15}.get(g["mw"], 45)
    if hour > 23 or (ap and not 1 <= hour <= 12):
        return None
    if ap:
        hour = hour % 12 + (12 if ap == "pm" else 0)
        return Clock(m.start(), m.end(), hour, minute, ap, True)
    exact = hour >= 13 or hour == 0 or (g.get("m") is not None and g["h"].startswith("0"))
    return Clock(m.start(), m.end(), hour, minute, None, exact)
