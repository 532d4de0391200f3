"""Which written time is the interview start, and which the moment the person noticed.

Every time mention gets a role from the words nearest to it in its clause:
"the interview was at 3" (start), "only noticed at 9.30" (realised), "I'll be
there in 20 minutes" (neither). A day ("yesterday", "on thursday") attaches
to the nearest time in its sentence. Two different start times are not
resolved by guessing: unless one of them is what the person "thought" and
the other what it "actually" was, the story is reported as conflicting.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from amends.intake.dates import BadDate, Tense, resolve_day, told_today
from amends.intake.text import last_end, next_start
from amends.intake.timecues import (
    ACTUAL,
    CLAUSE,
    CLOCK_CHANGE,
    CONTACTED,
    CONTRAST,
    CORRECTION,
    CUES,
    INTERVIEW_WORD,
    NOUN_AFTER,
    OBJECT,
    OBJECT_OTHER,
    OTHER_AFTER,
    OTHER_EVENT,
    REALISE,
    SENTENCE,
    THOUGHT,
    found_gone,
    found_late,
    retractions,
    says_now,
)
from amends.intake.timewords import Clock, Day, Offset, find_clocks, find_days, find_offsets
from amends.intake.zonewords import ZoneRef, zone_after, zoned_hour

_NOT_THAT_DAY = re.compile(r"\b(?:not|since|until|till|til)\s+$")
_SAME_DAY_JOIN = re.compile(r"[\s,]*(?:the\s+)?")


def _not_that_day(low: str, days: list[Day]) -> set[int]:
    """Where the days after "not", "since" or "until" begin ("yesterday at 3 not today",
    "sick since last night"), with a day written on as the same one ("not Friday the 22nd")."""
    negated: set[int] = set()
    before: Day | None = None
    for day in sorted(days, key=lambda d: d.start):
        # a date written on names the same day ("Friday the 22nd"); another weekday or
        # "tomorrow" after a comma is a day of its own ("until monday, tuesday at 2pm")
        joined = (
            before is not None
            and before.start in negated
            and day.kind in ("calendar", "day-of-month")
            and _SAME_DAY_JOIN.fullmatch(low, before.end, day.start) is not None
        )
        if joined or _NOT_THAT_DAY.search(low, max(0, day.start - 7), day.start):
            negated.add(day.start)
        before = day
    return negated


# The clause of a start time told in the past: "the interview was at", "missed the".
_PAST_START = re.compile(r"\b(?:was|were|had|missed|miss|started|began|ended|happened)\b")
_PM = re.compile(r"\b(?:afternoon|evening|tonight|night)\b")
_AM = re.compile(r"\bmorning\b")


@dataclass(frozen=True)
class Stated:
    """One resolved moment the story states.

    ``wall`` is the wall-clock time on ``clock`` (whose clock it was written on:
    ``None`` when the story does not say); ``instant`` is set instead for times
    relative to now ("in 20 minutes").
    """

    text: str
    wall: datetime | None = None
    clock: ZoneRef | None = None
    instant: datetime | None = None
    implied_day: bool = False  # no day written: today by the tense, so the day may be off


@dataclass
class When:
    """The start and realised moments, plus anything that stops the start being known."""

    start: Stated | None = None
    realised: Stated | None = None
    conflict: list[str] = field(default_factory=list)
    candidates: list[Stated] = field(default_factory=list)  # the conflicting starts
    bad_date: str | None = None
    date_only: date | None = None
    time_only: str | None = None


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    role: str
    sentence: int
    clause: int
    clock: Clock | None = None
    offset: Offset | None = None


def _clause_start(clauses: list[int], pos: int) -> int:
    ci = _index(clauses, pos)
    return clauses[ci - 1] if ci else 0


@dataclass(frozen=True)
class _Cuts:
    """Where the story's sentences and clauses end and the next begin, found once per story
    (every lookup is a bisection: each mention scanning again made long stories quadratic).
    A sentence end is a clause end too."""

    sentences: list[int]  # where each sentence ends
    sentence_starts: list[int]  # where each sentence-ending mark begins
    clauses: list[int]  # where each clause ends (sorted, no repeats)
    clause_starts: list[int]


def _cuts(low: str) -> _Cuts:
    sent = [m.span() for m in SENTENCE.finditer(low)]
    both = sorted(sent + [m.span() for m in CLAUSE.finditer(low)])
    return _Cuts(
        [e for _, e in sent], [s for s, _ in sent], sorted({e for _, e in both}),
        [s for s, _ in both],
    )  # fmt: skip


def _index(bounds: list[int], pos: int) -> int:
    """How many of the (sorted) boundaries are at or before ``pos``."""
    return bisect_right(bounds, pos)


def _role(low: str, start: int, end: int, clause_start: int, clause_end: int) -> str:
    if NOUN_AFTER.match(low, end):
        return "start"  # "my 3pm interview", "the 10am zoom call"
    if re.search(r"\b(?:my|our) $", low[max(0, start - 4) : start]) and not OTHER_AFTER.match(
        low, end
    ):
        return "start"  # "15 min out from my 2pm": the person's own appointment, the interview
    before = list(CUES.finditer(low, clause_start, start))
    if before:
        if (
            before[-1].group("realise")
            and OBJECT.fullmatch(low, before[-1].end(), start)
            and not OBJECT_OTHER.match(low, end)
        ):
            return "start"  # "just realised the 8am on wednesday is ...": the time realised
        return _kind(before[-1])
    after = CUES.search(low, end, clause_end)
    return _kind(after) if after else "unknown"


def _kind(m: re.Match[str]) -> str:
    if m.group("converted"):
        return "other"
    return next(k for k in ("realise", "other", "start") if m.group(k))


def read_when(
    low: str,
    now: datetime,
    my_tz: ZoneInfo,
    tense: Tense,
    month_first: bool,
    their_zone: str | None = None,
) -> When:
    """Find and resolve the start and realised moments of a (masked, lower-case) story.

    ``their_zone`` (where the story puts the interviewer) is the clock "this morning their
    time" is read on."""
    days = find_days(low)
    offsets = find_offsets(low)
    clocks = _with_zoned_hours(low, find_clocks(low, days, offsets), days)
    cuts = _cuts(low)
    sentences, clauses = cuts.sentences, cuts.clauses
    mentions: list[_Mention] = []
    items: list[Clock | Offset] = [*clocks, *offsets]
    for item in items:
        ci = _index(clauses, item.start)
        c_start = clauses[ci - 1] if ci else 0
        c_end = clauses[ci] if ci < len(clauses) else len(low)
        role = _role(low, item.start, item.end, c_start, c_end)
        told_on = zone_after(low, item.end, low)
        on = ZoneInfo(told_on.zone) if told_on and told_on.zone else my_tz
        if isinstance(item, Clock) and says_now(low, item, now.astimezone(on)):
            role = "other"  # "its 9.20 and i was meant to be there at 9": the time now
        mentions.append(
            _Mention(
                item.start, item.end, role, _index(sentences, item.start), ci,
                clock=item if isinstance(item, Clock) else None,
                offset=item if isinstance(item, Offset) else None,
            )
        )  # fmt: skip
    for old, new in retractions(low, [(m.start, m.end) for m in mentions]).items():
        role = mentions[old].role  # "at 10, no wait 10.30": the second time is meant
        mentions[new], mentions[old] = (
            replace(mentions[new], role=role),
            replace(mentions[old], role="other"),
        )
    negated = _not_that_day(low, days)
    attached = _attach_days(low, days, mentions, cuts, negated)
    days = [
        d
        for d in days
        if not THOUGHT.search(low, _clause_start(clauses, d.start), d.start)
        and d.start not in negated
        and not CLOCK_CHANGE.search(low, _clause_start(clauses, d.start), d.start)
        and not (low[d.start : d.end].endswith(("night", "nite")) and d not in attached.values())
    ]
    when = When()
    context = _Context(low, now, my_tz, tense, month_first, when, cuts, their_zone)
    starts = [m for m in mentions if m.role == "start"] or [
        m for m in mentions if m.role == "unknown"
    ]
    resolved: list[tuple[_Mention, Stated]] = []
    for m in starts:
        stated = context.resolve(m, attached.get(m.start), "start", days)
        if stated is not None:
            resolved.append((m, stated))
    if resolved and all(stated.instant is not None for _, stated in resolved):
        resolved = _zoned_instead(resolved, mentions, attached, context, days)
    _choose_start(low, resolved, cuts, when)
    realised = [m for m in mentions if m.role == "realise"] or [
        m for m in mentions if m.role in ("other", "unknown") and found_gone(low, m.start)
    ]
    arrival = False
    if not realised:
        # "arrived 12:05 and they'd already gone", "got to their office at 11:40 and the
        # 11:00 was over": reaching the place after the start is when the miss was seen.
        realised = [m for m in mentions if m.role == "other" and found_late(low, m.start)]
        arrival = True
    if len(realised) == 1:
        when.realised = context.resolve(realised[0], attached.get(realised[0].start), "realise", [])
        if when.realised is None and when.start is not None and when.start.wall is not None:
            when.realised = context.later_that_day(realised[0], when.start.wall)
        if _noticed_before(when) or (arrival and not _noticed_after(when)):
            when.realised = None  # "sat down at 8:30 ... missed my 9am": no noticing of it
    if when.start is None and not starts and not when.bad_date:
        when.date_only = context.start_day_only(days)
    return when


def _noticed_before(when: When) -> bool:
    """A noticing time earlier than the start, both on one clock, notices no miss."""
    start, seen = when.start, when.realised
    if start is None or seen is None or start.wall is None or seen.wall is None:
        return False
    same = (start.clock.zone if start.clock else None) == (seen.clock.zone if seen.clock else None)
    return same and seen.wall < start.wall


def _noticed_after(when: When) -> bool:
    """A time later than the start, both on one clock (an arrival once the slot began)."""
    start, seen = when.start, when.realised
    if start is None or seen is None or start.wall is None or seen.wall is None:
        return False
    same = (start.clock.zone if start.clock else None) == (seen.clock.zone if seen.clock else None)
    return same and seen.wall > start.wall


_BARE_HOUR = re.compile(r"(?<![\w/.:$£€-])(?P<h>\d{1,2})(?![\w:/%]|[.,]\d)")


def _with_zoned_hours(low: str, clocks: list[Clock], days: list[Day]) -> list[Clock]:
    """Clocks plus the bare numbers a clock word makes times: "11 their time", "7 here"."""
    taken = [(c.start, c.end) for c in clocks] + [(d.start, d.end) for d in days]
    extra = []
    for m in _BARE_HOUR.finditer(low):
        hour = int(m.group("h"))
        if hour > 23 or any(s <= m.start() < e for s, e in taken):
            continue
        if zoned_hour(low, m.start(), m.end()):
            extra.append(Clock(m.start(), m.end(), hour, 0, None, hour >= 13 or hour == 0))
    return sorted([*clocks, *extra], key=lambda c: c.start)


def _attach_days(
    low: str, days: list[Day], mentions: list[_Mention], cuts: _Cuts, negated: set[int]
) -> dict[int, Day]:
    """Each day goes to the nearest time in its sentence (same clause first).

    A day the person only *thought* it was ("I thought it was tmrw") belongs to no time.
    """
    sentences, clauses = cuts.sentences, cuts.clauses
    attached: dict[int, Day] = {}
    for day in days:
        ci0 = _index(clauses, day.start)
        if THOUGHT.search(low, clauses[ci0 - 1] if ci0 else 0, day.start):
            continue
        if day.start in negated:
            continue  # "yesterday at 3 not today", "sick since last night": no day of a time
        if CLOCK_CHANGE.search(low, clauses[ci0 - 1] if ci0 else 0, day.start):
            continue
        si, ci = _index(sentences, day.start), _index(clauses, day.start)
        near = [m for m in mentions if m.sentence == si]
        if not near:
            continue
        best = min(near, key=lambda m: (m.clause != ci, abs(m.start - day.start)))
        night = low[day.start : day.end].endswith(("night", "nite"))
        if night and (best.clause != ci or _daytime(best.clock)):
            continue  # "my nan collapsed last night and i missed my 9am": the event's night
        if best.clause != ci and _RESTATED.search(
            low, _clause_start(clauses, best.start), best.start
        ):
            continue  # "2pm Perth time, which is 4pm for me, not Friday": the same moment
        if best.start not in attached or abs(best.start - day.start) < abs(
            best.start - attached[best.start].start
        ):
            attached[best.start] = day
    return attached


# "which is 4pm for me", "thats 8am here": the clause restates the time before on another
# clock, so it takes no day from another clause (the zones decide its day).
_RESTATED = re.compile(
    r"\s*(?:(?:which|that|this|it) (?:is|was|s|would be|will be|means)|thats|ie|i\.e\.)\s+"
)


def _daytime(clock: Clock | None) -> bool:
    """A time fixed in the day ("10am", "14:00"): never one "last night" is the day of."""
    return clock is not None and clock.exact and 5 <= clock.hour <= 17


@dataclass
class _Context:
    low: str
    now: datetime
    my_tz: ZoneInfo
    tense: Tense
    month_first: bool
    when: When
    cuts: _Cuts
    their_zone: str | None = None

    def resolve(self, m: _Mention, day: Day | None, role: str, days: list[Day]) -> Stated | None:
        text = self.low[m.start : m.end].strip()
        if m.offset is not None:
            moment = (self.now + timedelta(minutes=m.offset.minutes)).replace(
                second=0, microsecond=0
            )
            return Stated(text, instant=moment)
        assert m.clock is not None
        clock = zone_after(self.low, m.end, self.low)
        clock = self._corrected(m.end, clock)
        tz = ZoneInfo(clock.zone) if clock and clock.zone else self.my_tz
        if clock is not None and clock.kind == "theirs" and not clock.zone and self.their_zone:
            tz = ZoneInfo(self.their_zone)
        # "tomorrow" is the person's tomorrow, whichever clock the time is on; a part of the
        # day told on their clock ("this morning their time") and a date are on their day.
        mine = (
            day is not None
            and day.kind in ("relative", "weekday")
            and not day.part
            and not (clock is not None and clock.kind == "zone")
        )  # a named clock ("9am London time tomorrow") keeps that place's days
        today = self.now.astimezone(self.my_tz if mine else tz).date()
        tense = "past" if role == "realise" else self.tense
        implied = day is None  # a day borrowed from elsewhere in the story may be off by one
        if day is None and role == "start":
            day = self._lone_day(days, m)
        when_date: date | None
        try:
            when_date = resolve_day(day, today, tense, self.month_first) if day else None
        except BadDate as bad:
            self.when.bad_date = str(bad)
            return None
        # A day borrowed from elsewhere ("this afternoon I missed ... set for 9:00 eastern")
        # tells the half of the day only on the person's own clock.
        borrowed = implied and clock is not None and clock.kind != "mine"
        hour = self._hour(m, None if borrowed else day)
        if when_date and day and day.kind == "relative" and not day.offset:
            mine_today, told = self.now.astimezone(self.my_tz).date(), (hour, m.clock.minute)
            # "the call was at 9am their time today": the clause tells the start as past
            begin, other = _clause_start(self.cuts.clauses, m.start), tz.key != self.my_tz.key
            past = _PAST_START.search(self.low, begin, m.end) is not None
            when_date = told_today(
                when_date, mine_today, told, tz, self.now, tense, past, other and not past
            )
        if when_date is None and day is None:
            when_date = self._implied_today(today, hour, m.clock.minute, tz, tense)
        if when_date is None:
            if role == "start":
                self.when.time_only = f"{hour:02d}:{m.clock.minute:02d}"
            return None
        if day is not None and self._weekday_today(day, today, hour, m.clock.minute, tz):
            when_date = today
        wall = datetime(when_date.year, when_date.month, when_date.day, hour, m.clock.minute)
        if role == "realise" and day is None and wall.replace(tzinfo=tz) > self.now:
            return None  # "only saw the missed calls at 11:30pm": not later today, that day
        return Stated(text, wall=wall, clock=clock, implied_day=implied)

    def _weekday_today(self, day: Day, today: date, hour: int, minute: int, tz: ZoneInfo) -> bool:
        """ "the interview at 9am thursday taipei time (5pm wednesday for me)", told at 17:20
        on Wednesday in Vancouver: a plain weekday on a named clock where it is already
        another day than the person's, naming that clock's today, is that today (not next
        week's), when the time falls within the same stretch of hours as now there."""
        if day.kind != "weekday" or day.modifier or day.weekday != today.weekday():
            return False
        if tz.key == self.my_tz.key or self.now.astimezone(self.my_tz).date() == today:
            return False
        moment = datetime(today.year, today.month, today.day, hour, minute, tzinfo=tz)
        return timedelta(hours=-3) <= moment - self.now <= timedelta(hours=16)

    def later_that_day(self, m: _Mention, start: datetime) -> Stated | None:
        """ "missed yesterday's 14:00 ... only saw the missed calls at 19:30": a noticing
        time with no day of its own, later than the start, is on the start's day."""
        if m.clock is None:
            return None
        wall = datetime.combine(start.date(), datetime.min.time()).replace(
            hour=self._hour(m, None), minute=m.clock.minute
        )
        if wall <= start:
            return None
        text = self.low[m.start : m.end].strip()
        return Stated(text, wall=wall, clock=zone_after(self.low, m.end, self.low))

    def _corrected(self, end: int, clock: ZoneRef | None) -> ZoneRef | None:
        """ "thought it was 3pm my time but it was theirs": the correction wins."""
        begin, stop = self._sentence_span(end)
        if not THOUGHT.search(self.low, begin, end):
            return clock
        m = CORRECTION.search(self.low, clock.end if clock else end, stop)
        if m is None:
            return clock
        return ZoneRef("mine" if m.group("who").startswith("m") else "theirs", None, m.end())

    def _lone_day(self, days: list[Day], m: _Mention) -> Day | None:
        """A start time without a day takes the story's only day that is not "noticed"."""
        free = [
            d
            for d in days
            if not self._in_realise_clause(d.start) and not self._in_contact_clause(d.start)
        ]
        kinds = {(d.kind, d.offset, d.weekday, d.modifier, d.phrase) for d in free}
        return free[0] if len(kinds) == 1 else None

    def _in_contact_clause(self, pos: int) -> bool:
        """ "HR called me on Monday to confirm": the day someone got in touch."""
        start, end = self._sentence_span(pos)
        sentence = self.low[start:end]
        return CONTACTED.search(sentence) is not None and not INTERVIEW_WORD.search(sentence)

    def _in_realise_clause(self, pos: int) -> bool:
        start = last_end(self.cuts.clauses, pos)
        return re.search(rf"\b(?:{REALISE})\b", self.low[start:pos]) is not None

    def _hour(self, m: _Mention, day: Day | None) -> int:
        clock = m.clock
        assert clock is not None
        if clock.exact:
            return clock.hour
        clause = self._clause_text(m.start)
        start = clause.find(self.low[m.start : m.end])
        if start >= 0:  # only the words around the time hint at its half of the day
            clause = clause[max(0, start - 25) : start + (m.end - m.start) + 25]
        part = day.part if day else ""
        if part in ("afternoon", "evening") or (not part and _PM.search(clause)):
            return clock.hour + 12 if clock.hour < 12 else clock.hour
        if part == "morning" or (not part and _AM.search(clause)):
            # "this morning ... at 12:00": noon, not midnight (only "12am" is midnight)
            return 12 if clock.hour == 12 else clock.hour
        # An interview "at 3" is in the afternoon; "at 9" in the morning.
        return clock.hour + 12 if 1 <= clock.hour <= 6 else clock.hour

    def _clause_text(self, pos: int) -> str:
        return self.low[last_end(self.cuts.clauses, pos) : next_start(self.cuts.clause_starts, pos)]

    def _sentence_span(self, pos: int) -> tuple[int, int]:
        return last_end(self.cuts.sentences, pos), next_start(self.cuts.sentence_starts, pos)

    def _implied_today(
        self, today: date, hour: int, minute: int, tz: ZoneInfo, tense: Tense
    ) -> date | None:
        """A time with no day is today when that fits the tense within 12 hours."""
        moment = datetime(today.year, today.month, today.day, hour, minute, tzinfo=tz)
        delta = moment - self.now
        # The tense words can mislead ("my wifi has been down, the call is at 9"): a time
        # within three hours either side is today whatever the tense.
        if tense == "past" and timedelta(hours=-14) <= delta <= timedelta(hours=3):
            return today
        if tense == "future" and timedelta(hours=-3) < delta <= timedelta(hours=16):
            return today
        if tense is None and abs(delta) <= timedelta(hours=6):
            return today
        return None

    def start_day_only(self, days: list[Day]) -> date | None:
        """The interview day when the story gives a day but no time ("missed it yesterday")."""
        free = [d for d in days if not self._in_realise_clause(d.start)]
        if len(free) != 1:
            return None
        try:
            return resolve_day(free[0], self.now.astimezone(self.my_tz).date(), self.tense,
                               self.month_first)  # fmt: skip
        except BadDate as bad:
            self.when.bad_date = str(bad)
            return None


def _zoned_instead(
    resolved: list[tuple[_Mention, Stated]],
    mentions: list[_Mention],
    attached: dict[int, Day],
    context: _Context,
    days: list[Day],
) -> list[tuple[_Mention, Stated]]:
    """ "in 20 minutes ... at 12:00 UK time": a zoned clock time naming the same moment as
    the relative one is the start as written on the interviewer's clock."""
    instants = {stated.instant for _, stated in resolved}
    for m in mentions:
        if m.role != "unknown" or m.clock is None:
            continue
        stated = context.resolve(m, attached.get(m.start), "start", days)
        if stated is None or stated.wall is None or not (stated.clock and stated.clock.zone):
            continue
        if stated.wall.replace(tzinfo=ZoneInfo(stated.clock.zone)) in instants:
            return [(m, stated)]
    return resolved


def _key(stated: Stated) -> tuple[object, ...]:
    return (stated.wall, stated.clock.kind if stated.clock else None, stated.instant)


def _about_the_interview(
    low: str, found: list[tuple[_Mention, Stated]], cuts: _Cuts
) -> list[tuple[_Mention, Stated]]:
    """The candidates told in a sentence about the interview, when the others are told in a
    sentence about another event only ("an all-hands meeting at 08:00. My interview is at
    11:00 Riyadh time"): that other time is the clash, not a second start."""
    bounds = [0, *cuts.sentences, len(low)]

    def sentence(m: _Mention) -> str:
        return low[bounds[m.sentence] : bounds[m.sentence + 1]]

    def clause(m: _Mention) -> str:
        return low[_clause_start(cuts.clauses, m.start) : next_start(cuts.clause_starts, m.start)]

    # A time on a named clock ("14:00 Yangon time") is the interview's, unless its own
    # clause names another event ("stuck in a meeting at 2pm Dubai time").
    about = [
        (m, s)
        for m, s in found
        if INTERVIEW_WORD.search(sentence(m))
        or (s.clock and s.clock.kind == "zone" and not OTHER_EVENT.search(clause(m)))
    ]
    others = [(m, s) for m, s in found if (m, s) not in about]
    if about and others and all(OTHER_EVENT.search(sentence(m)) for m, _ in others):
        return about
    return found


def _choose_start(
    low: str, resolved: list[tuple[_Mention, Stated]], cuts: _Cuts, when: When
) -> None:
    distinct = {_key(s): (m, s) for m, s in resolved}
    if len(distinct) <= 1:
        when.start = next(iter(distinct.values()))[1] if distinct else None
        return
    believed: list[Stated] = []
    actual: list[Stated] = []
    for m, s in _about_the_interview(low, list(distinct.values()), cuts):
        ci = m.clause
        c_start = cuts.clauses[ci - 1] if ci else 0
        # The words before the time in its sentence (a belief told in the sentence before
        # is about that sentence's time: "...at 14:00 and I was thinking it is my time.
        # Now I see in the invitation it is 14:00 Yangon time").
        begin = max(last_end(cuts.sentences, m.start), c_start - 40)
        prefix = low[begin : m.start]
        thought = list(THOUGHT.finditer(prefix))
        # "had it in my cal as 2pm but the invite said 2pm eastern": what follows the
        # contrast is what the invite said, not the belief; "thinking it was at noon" is
        # a belief ("it was at" after it is no correction).
        undone = thought and (
            CONTRAST.search(prefix, thought[-1].end()) or ACTUAL.search(prefix, thought[-1].end())
        )
        (believed if thought and not undone else actual).append(s)
    if len(actual) == 1:
        when.start = actual[0]
        return
    when.conflict = [s.text for _, s in distinct.values()]
    when.candidates = actual or [s for _, s in distinct.values()]
