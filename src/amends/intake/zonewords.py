"""Zones in a story: "10am EST", "3pm my time", "their time (Sydney)", "the Toronto team".

Two questions are answered here. Which clock a written time is on (the zone
word right after it), and where the interviewer is (a place the story puts
the team, the office or the interviewer in). Abbreviations are read the way
people use them: "EST" in July means New York's clock, "EST" for a Toronto
team means Toronto's (``data/intake_zones.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from amends.intake.lexicon import data, places


@dataclass(frozen=True)
class ZoneRef:
    """Whose clock a time is on: ``mine``, ``theirs`` or a named ``zone``."""

    kind: str
    zone: str | None = None
    end: int = 0


@cache
def _table(key: str) -> dict[str, str]:
    return dict(data("intake_zones")[key])


def _words(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@cache
def _place_re() -> str:
    return _words(list(places()))


@cache
def _after_time() -> re.Pattern[str]:
    abbr = _words(list(_table("abbreviations")))
    demonym = _words(list(_table("demonyms")))
    return re.compile(
        r"(?:\s*(?<![\w])(?:tonight|today|tomorrow|yesterday|this (?:morning|afternoon|evening)"
        r"|in the (?:morning|afternoon|evening)"
        # "9am thursday taipei time", "5pm wednesday for me": the day between time and clock
        r"|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
        # "my 10:30 interview (Riyadh time)": the clock in brackets after the event word
        r"|(?:interview|interveiw|call|meeting)(?=\s*[(\[])))?"
        r"\s*[(\[,]?\s*(?:in\s+|on\s+)?(?:"
        rf"(?P<mine>my (?:own )?(?:local )?(?:time(?:zone)?|zone|clock)|mine|local time for me"
        r"|for me"
        r"|(?:over )?here(?! (?:at|by|in time|in)\b)"
        rf"|(?:for me )?here in (?!(?:{_place_re()})\b)[a-z]+)"
        # "9am here in Toronto" (the person is visiting): that place's clock
        rf"|(?:for me )?here in (?P<here_place>{_place_re()})\b"
        r"|(?P<theirs>their (?:local )?(?:time(?:zone)?|zone|clock|end|side)|theirs"
        r"|there (?:local )?time"  # "1pm there time in sharjah": their, as typed
        r"|the interviewers? (?:local )?time|interviewers? time|company time|for them"
        r"|on their (?:end|side)|where they are|for the interviewers?|for the (?:team|panel))"
        rf"(?:\s*[(,]?\s*(?:in\s+)?(?P<their_place>{_place_re()})\b)?"
        # "9am for the New York team", "11am for the Berlin office"
        rf"|for the (?P<team_place>{_place_re()}) (?:team|office|panel|people|side|folks)"
        r"|(?:gmt|utc)\s?(?P<sign>[+-])\s?(?P<oh>\d{1,2})(?:[:.]?(?P<om>[0-5]\d))?"
        rf"|(?P<abbr>{abbr})(?![\w/+-])(?:\s+time)?"
        rf"|(?P<demonym>{demonym}) (?:local )?time"
        rf"|(?P<place>{_place_re()})(?: time| local time|(?=\s*[)\]])"
        # "the 10am providence interview": the place's own interview, on its clock
        r"|(?=\s+(?:interview|interveiw|call|meeting|screen)\b))"
        # "11am in New York, but", "11am Dublin.", "10am New York = 2pm UK" (the place closes
        # the phrase)
        rf"|(?:in\s+)?(?P<end_place>{_place_re()})(?=\s*(?:[,.;!?=/]|$))"
        r")(?![\w])"
    )


# "we are 3 here", "sent 3 for me": words that make a bare number a time only after "at".
_WEAK = re.compile(r"(?:over )?here|for me|for them|(?:for me )?here in [a-z]+")
_AT_BEFORE = re.compile(r"(?:\b(?:at|around|about|by|till|until|is|was|be|thats|or)|,) $")


def zoned_hour(low: str, start: int, end: int) -> bool:
    """Whether a bare number at ``start:end`` is a time because a clock word follows it
    ("11 their time", "11 dhaka time", "at 7 here"); a place alone ("5 in London.") is not,
    nor a count before "here" or "for me" ("we are 3 here") without "at" before it."""
    m = _after_time().match(low, end)
    if not (m and m.end() > end and not m.group("end_place") and not m.group("team_place")):
        return False
    said = m.group("mine") or m.group("theirs") or ""
    weak = _WEAK.fullmatch(said) is not None
    return not weak or _AT_BEFORE.search(low, max(0, start - 8), start) is not None


def zone_after(low: str, end: int, story: str) -> ZoneRef | None:
    """The zone word written right after a time ending at ``end``, if any."""
    m = _after_time().match(low, end)
    if m is None:
        return None
    if m.group("here_place"):
        return ZoneRef("zone", places()[m.group("here_place")], m.end())
    if m.group("mine"):
        return ZoneRef("mine", end=m.end())
    if m.group("theirs"):
        place = m.group("their_place")
        return ZoneRef("theirs", places()[place] if place else None, m.end())
    if m.group("sign"):
        offset = offset_zone(m.group("sign"), int(m.group("oh")), int(m.group("om") or 0))
        return ZoneRef("zone", offset, m.end()) if offset else None
    if m.group("abbr"):
        return ZoneRef("zone", read_abbreviation(m.group("abbr"), story), m.end())
    if m.group("demonym"):
        return ZoneRef("zone", _table("demonyms")[m.group("demonym")], m.end())
    if m.group("team_place"):
        return ZoneRef("theirs", places()[m.group("team_place")], m.end())
    return ZoneRef("zone", places()[m.group("place") or m.group("end_place")], m.end())


# Offsets that are not whole hours, as the zones people mean by them: only zones that keep
# that offset all year (Newfoundland's -03:30 is -02:30 in summer, so "UTC-3:30" is asked).
_HALF_HOURS = {
    ("+", 5, 30): "Asia/Kolkata",
    ("+", 5, 45): "Asia/Kathmandu",
    ("+", 3, 30): "Asia/Tehran",
    ("+", 4, 30): "Asia/Kabul",
    ("+", 6, 30): "Asia/Yangon",
    ("+", 9, 30): "Australia/Darwin",
}


def offset_zone(sign: str, hours: int, minutes: int) -> str | None:
    """ "GMT+3", "UTC-5": a fixed offset (``Etc/GMT-3`` is three hours *ahead*, by POSIX)."""
    if minutes:
        return _HALF_HOURS.get((sign, hours, minutes))
    if hours == 0:
        return "UTC"
    if hours > (14 if sign == "+" else 12):
        return None
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def read_abbreviation(abbr: str, story: str) -> str:
    """The IANA zone an abbreviation means in this story ("EST" + Toronto = Toronto)."""
    context: dict[str, str] = data("intake_zones").get("context", {}).get(abbr, {})
    for place, name in context.items():
        if re.search(rf"(?<!\w){re.escape(place)}(?!\w)", story):
            return name
    return _table("abbreviations")[abbr]


_WHO = (
    r"(?:team|teams|office|offices|company|firm|interviewer|interviewers|recruiter|hiring manager"
    r"|manager|panel|they|theyre|they are|hes|shes|he is|she is|client|hq|headquarters|people"
    r"|startup|everyone|interview panel|whole team|employer|yard|plant|factory|warehouse|depot"
    r"|studio)"
)


# A word saying when, between an event and its company: "16:00", "tomorrow", "this afternoon".
_WHEN_WORD = (
    r"(?:\d[\d:.]*(?:am|pm|h)?|am|pm|today|tomorrow|tonight|yesterday|this|morning|afternoon"
    r"|evening|on|at"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)


@cache
def _location_patterns() -> list[re.Pattern[str]]:
    place = rf"(?P<place>{_place_re()})"
    return [
        re.compile(
            rf"\b{_WHO}\s+(?:is |are |was |were |s )?(?:all |also |here |there |now )?"
            r"(?:based |located |sitting |over |calling |ringing |phoning |working )?"
            rf"(?:in|out of|from|on|near|close to|just outside|outside) (?:the )?{place}(?!\w)"
        ),
        re.compile(rf"(?<!\w){place}[- ]based\b"),
        # "their Colombo 03 office": a district number between the city and the office
        re.compile(
            rf"(?<!\w){place}(?: \d{{1,2}})? (?:team|office|hq|headquarters|startup|firm|branch"
            r"|interviewer|panel|recruiter|people|side|company|hiring manager|studio|clinic"
            r"|campus|fab|lab)s?\b"
        ),
        # "shes in their kisumu office", "who sits in the leeds office": where someone is
        re.compile(
            r"\b(?:he|she|they|who|interviewer|hes|shes|theyre)(?: is| are| was| were)?"
            r"(?: (?:sits|sat|works|worked|based|sitting|working))? (?:in|at|from|out of)"
            rf" (?:their|there|the) {place} (?:office|offices|hq|headquarters|branch|campus|site)\b"
        ),
        # "the interviewer is Dr Ana Ruiz from Ostra Labs in Bilbao": the company's place
        re.compile(
            r"\b(?:interviewer|interviewing me|its with|it is with|it was with|meeting)"
            r"(?: [\w.&'-]+){1,4} from (?:the )?[\w&]+(?: [\w&]+){0,2} (?:in|based in|out of)"
            rf" {place}(?!\w)"
        ),
        re.compile(rf"\b(?:time in|time over in|clock in|it is|its|it was) {place}(?!\w) time"),
        re.compile(rf"\bthey(?:re| are| were) (?:over )?in {place}(?!\w)"),
        # "interview (for friday) with Kestrel Aerospace in seattle"
        re.compile(
            rf"\b(?:interview|call|meeting|chat|screen|zoom|teams|webex|skype|meet|gmeet)"
            rf"(?: (?!with\b|at\b)\w+){{0,3}} (?:with|at)"
            rf" (?:the )?[\w&]+(?: [\w&]+){{0,3}} (?:in|based in|out of) {place}(?!\w)"
        ),
        re.compile(rf"\b(?:the )?(?:interview|role|job|position) is (?:based )?in {place}(?!\w)"),
        # "my interview with Carthage Dispositifs (Tunis)", "interview 16:00 w/ Ararat Cloud
        # (Yerevan)": the company's place in brackets (the words between say when; "my
        # meeting this morning with my boss (Berlin)" names no company)
        re.compile(
            rf"\b(?:interview|call|meeting|chat|screen)(?: {_WHEN_WORD}){{0,3}}"
            rf" (?:with|w/|w|at) (?!(?:my|his|her|our)\b)(?:the )?[\w&]+(?: [\w&]+){{0,2}}"
            rf" \({place}\)"
        ),
        # "It was with N26 in Berlin", "its for klarna in stockholm"
        re.compile(
            rf"\b(?:its|it is|it was) (?:with|for) (?:the )?[\w&]+(?: [\w&]+){{0,2}}"
            rf" (?:in|based in|out of) {place}(?!\w)"
        ),
        # "the video interview with Electronic Arts Vancouver": the company's place after it
        re.compile(
            rf"\b(?:interview|call|screen) (?:with|w) (?:the )?[\w&]+"
            rf"(?: (?!(?:in|at|from|of)\b)[\w&]+){{0,2}} {place}(?= is| was| on| at|[,.;]|$)"
        ),
    ]


# "in La Défense", "in Le Marais": an article before a name is no "LA" or "LE".
_ARTICLES = frozenset({"la", "le", "el", "les", "los", "las", "il", "lo"})
_AFTER_PLACE = frozenset(
    {"for", "at", "on", "in", "to", "and", "but", "so", "with", "by", "from", "office", "offices",
     "team", "time", "tomorrow", "today", "tonight", "next", "this", "is", "was", "based"}
)  # fmt: skip


_NEXT_WORD = re.compile(r" ([^\W\d_]+)")


def article_before_name(word: str, rest: str) -> bool:
    """Whether a place word is an article starting a longer name ("in la défense"; "in LA,"
    or "in LA for" is Los Angeles): ``rest`` is the text after it."""
    if word not in _ARTICLES:
        return False
    following = _NEXT_WORD.match(rest)
    return following is not None and following.group(1) not in _AFTER_PLACE


def interviewer_place(low: str) -> str | None:
    """The zone of the place the story puts the interviewer in, if exactly one."""
    found = {
        places()[m.group("place")]
        for pattern in _location_patterns()
        for m in pattern.finditer(low)
        if not article_before_name(m.group("place"), low[m.end() : m.end() + 40])
    }
    return found.pop() if len(found) == 1 else None


_LOCAL = re.compile(
    r"\b(?:same (?:time ?zone|timezone|city|town)|(?:the )?same (?:time )?as (?:me|mine|here)\b"
    r"|(?:theyre|they are|its|office is|interview is)"
    r" (?:local|nearby|in town|just down the road|round the corner)|local (?:company|firm|office)"
    r"|here in (?:town|the city|[a-z]+)|in person downtown|(?:office|interview) (?:is )?downtown)\b"
)


_VENUE = re.compile(
    r"\b(?:at|to|in) (?:the|their|an?) (?:[a-z&'-]+ ){0,3}(?:office|offices|hospital|council|school"
    r"|building|site|campus|hq|store|branch|clinic|hall|centre|center|depot|warehouse|factory"
    r"|restaurant|hotel|bank|studio|plant)\b"
)


def local_words(low: str) -> tuple[bool, bool]:
    """Whether the story says the interviewer shares the user's clock ("same time zone",
    "here in Salt Lake"), and whether it names where an in-person interview is ("at the
    council")."""
    return _LOCAL.search(low) is not None, _VENUE.search(low) is not None
