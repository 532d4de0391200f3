"""Where an in-person interview is: "at Pennine Print in bradford", "interview in Milan at".

A story that puts the interview at the hiring company *in* a town or *on* a street names
a place the person travels to: the interview is in person. The interviewer's clock is
then that place's zone when the zone data knows the place ("in berlin", "in philly"),
and the person's own when it does not (a town nearby: "in bradford", "on grafton st").

Only "at <the hiring company>" right after the interview or its time is read, so a
company merely mentioned ("Ms Adeyemi at Calder University") never counts. A company
whose name is a building ("Orchard Dental") is not enough on its own: the project's own
stories label those without a mode as often as with one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from amends.intake.lexicon import places, word_set
from amends.intake.zonewords import article_before_name

# Words after "in" that say when or how, never where ("at Acme in 20 min", "in person").
_NOT_A_TOWN = frozenset(
    {"person", "time", "hour", "hours", "minute", "minutes", "min", "mins", "advance", "front",
     "case", "total", "order", "fact", "charge", "touch", "contact", "line", "full", "half",
     "two", "three", "four", "five", "ten", "twenty", "thirty", "forty", "fifteen", "few",
     "one", "english", "french", "german", "spanish", "teams", "zoom", "meet",
     "which", "what", "how", "when", "where", "whose", "early", "late", "between"}
)  # fmt: skip
# Street words in English and the languages people name streets in ("Váci út", "Av
# Corrientes", "Karl-Marx-Straße", "rue de Rivoli").
_STREET = (
    r"(?:st|street|rd|road|ave|avenue|lane|ln|blvd|boulevard|way|drive|dr|square|sq|place"
    r"|pl|row|quay|terrace|parade|high street|út|utca|ulica|ul|strasse|straße|str|gasse|weg"
    r"|laan|straat|gracht|gatan|gata|gade|vej|calle|avenida|av|rua|via|viale|piazza|rue|cours"
    r"|marg|salai|soi|jalan|jl|duong|cadde|caddesi|sokak)"
)
# Up to three words; the longest known place at their start is the town ("new york for").
_TOWN = r"(?P<town>[^\W\d_][\w'.-]*(?: [^\W\d_][\w'.-]*){0,2})"
_TOWN_END = r"(?!\w)"


# The interview itself just before "at <company>": "my 2:30 interview at", "10am at".
_EVENT = (
    r"\b(?:interview|intervue|interveiw|round|onsite|assessment|shift|trial|oclock"
    r"|\d{1,2}(?:[:.]\d\d)?(?: ?[ap]\.?m\.?)?)\b"
)


# "my train to Leeds", "the drive into Boston": the journey to the interview's town (a
# flight is left out: it is as often the trip away that clashes with the interview).
_GOING_TO = re.compile(
    rf"\b(?:train|bus|coach|tram|ferry|drive|taxi|uber|cab|ride|journey|commute) (?:to|into)"
    rf" {_TOWN}{_TOWN_END}"
)
# Getting to the company: "on my way to", "make it to", "reach", "arrive at".
_REACHING = (
    r"on (?:my|the) way (?:to|over to)"
    r"|(?:get|getting|got|make it|made it|arrive|arriving) (?:to|at)|reach|reaching"
)
# A street address after the interview: "at 200 west st", "at 12 high street", "interview
# 10:00 on kifisias ave", "at tidewater marine on lower water st".
# Street words that never mean anything else, and those written before the name.
_PLAIN_STREET = r"(?:street|road|avenue|boulevard|strasse|straße|straat|gatan|calle|avenida)"
_STREET_FIRST = r"(?:avenida|av|rua|calle|rue|piazza|jalan|jl|ulica|ul|utca|cours|boulevard|blvd)"
# A street written after a comma: "at Calder & Reeve, 40 Gresham St.", "at Índico Telecom,
# Avenida Julius Nyerere", "Praterstraße 31". A short street word ("st", "dr", "way") needs
# a house number before it, so ", with dr" or ", the easy way" is no address.
# ", the whole street lost power", ", down the road": words no street's name starts with.
_NOT_A_STREET_NAME = (
    r"(?!(?:the|a|an|my|our|your|his|her|their|this|that|same|whole|every|no|on|in|at|down|up"
    r"|along|across|off|of|to|from|by|near|onto|into)\b)"
)
_COMMA_STREET = (
    rf", (?:\d{{1,5}}[a-z]? (?:[\w'.-]+ ){{1,3}}{_STREET}|(?:{_NOT_A_STREET_NAME}[\w'.-]+ ){{1,3}}"
    rf"{_PLAIN_STREET}"
    rf"|{_STREET_FIRST}\.? [a-z][\w'-]+|[\w'-]+(?:strasse|straße|gasse|allee|platz|straat|gatan"
    r"|gade|vej))"
)
_ADDRESS = re.compile(
    r"\b(?:interview|intervue|onsite|oclock|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|h)?)\b[^.;!?]{0,60}?"
    rf"(?:\b(?:at \d{{1,4}} [\w'-]+(?: [\w'-]+)? {_STREET}|on (?:[\w'-]+ ){{1,3}}{_STREET})"
    rf"|{_COMMA_STREET})(?![\w-])"
)
# The employer's own premises: "at their ikeja office", "there office on Av. Insurgentes",
# "their office in esentai tower" ("their office called me", "their site" on the web and
# "their office is in york", which says where they are, are no place travelled to; an
# office word before a job word is a job: "their office manager").
_PREMISES = (
    r"(?:office|offices|showroom|site|premises|hq|headquarters|campus|building|branch|store"
    r"|plant|factory|warehouse|depot|studio|studios|lab|laboratory)"
)
_THEIR_SITE = re.compile(
    r"(?:\b(?:at|to) (?:their|there) (?:(?!web|career|careers|job|jobs)[\w'-]+ ){0,3}?"
    rf"{_PREMISES}(?=\s*(?:[,.;!?)]|$|\b(?:in|on|at|for|and|today|tomorrow)\b))"
    # ("there are offices in leeds" says where they are, not that the person goes there)
    rf"|\b(?:their|there(?! (?:is|are|was|were|s|has|have|had|will|would|may|might)\b))"
    rf" (?:[\w'-]+ ){{0,2}}?{_PREMISES} (?:in|on|at)"
    # ("their office on the phone" is someone speaking, no place)
    r" (?!(?:the )?(?:phone|line|call|web|website|internet|zoom|teams|email)\b)(?:the )?[a-z])"
)
# "emailed an apology to their office", "uploaded my cv to their site": something sent
# there, not the person going there.
_SENT_TO = re.compile(
    r"\b(?:e-?mail(?:ed|ing)?|sen[dt]|sending|wr(?:ote|ite|iting)|forward(?:ed|ing)?|mail(?:ed)?"
    r"|submit(?:ted)?|upload(?:ed)?|appl(?:y|ied)|messag(?:e|ed)|repl(?:y|ied)|post(?:ed)?|fax(?:ed)?"
    r"|deliver(?:ed)?|courier(?:ed)?|apology|letter|note)\b[^.;!?,]{0,40}$"
)


def _travelled(low: str, m: re.Match[str]) -> bool:
    """Whether a "to their office" match is the person going there, not a thing sent."""
    return not (
        m.group().startswith("to") and _SENT_TO.search(low, max(0, m.start() - 60), m.start())
    )


# Right after "at <the hiring company>": its site or office named, in brackets or after a
# comma ("at Himal Trekking Gear, Thamel showroom", "Atlas Argan Cosmetics (Ain Sebaa
# site)", "..., their High Street BGC office"), the office word closing the phrase (so
# ", store manager" or ", site reliability engineer" is the role).
_NAMED_SITE = re.compile(
    # ("(no office)", "(home office)", "(virtual office)": no premises to go to)
    rf"\s*[,(]\s*(?:(?:the|their|there) )?"
    r"(?:(?!web|career|careers|(?:no|home|virtual|remote|without|not|my)\b)[\w'-]+ ){0,3}?"
    rf"{_PREMISES}(?=\s*(?:[,.;!?)]|$|\b(?:for|in|on|at|and)\b))"
)


@dataclass(frozen=True)
class Site:
    """An in-person interview's place: ``zone`` when the zone data knows the place."""

    in_person: bool
    zone: str | None = None


NO_SITE = Site(False)


@cache
def _stop_words() -> frozenset[str]:
    return (
        word_set("not_company")
        | word_set("calendar_words")
        | word_set("stop")
        | word_set("employment_terms")
        | _NOT_A_TOWN
    )


@cache
def _districts() -> str:
    """Business districts ("midtown", "canary wharf"): an interview there is one to go to."""
    return "|".join(re.escape(d) for d in sorted(word_set("business_districts"), key=len)[::-1])


def _town_zone(town: str) -> str | None:
    """The zone of a named town, trying the whole phrase, then its first words."""
    known = places()
    words = town.split()
    for size in range(len(words), 0, -1):
        if size == 1 and article_before_name(words[0], town[len(words[0]) :]):
            continue
        zone = known.get(" ".join(words[:size]))
        if zone:
            return zone
    return None


def _town(raw: str) -> str | None:
    """The town in ``raw``, or ``None`` when the words say when or how instead."""
    words = raw.strip(" .,'-").split()
    if words[:1] == ["the"]:
        words = words[1:]  # "in the west loop"
    if not words or words[0] in _stop_words() or any(w.isdigit() for w in words):
        return None
    return " ".join(words)


_BEFORE_AT = re.compile(rf"{_EVENT}[^.;!?\n]{{0,30}}?\b(?:at|in) (?:the )?$")
_SUFFIX = re.compile(
    r"(?:'?s|')?(?: (?:head |main |new |regional )?(?:office|offices|site|hq|studio|studios"
    r"|campus|building|premises|branch|store|plant|factory|warehouse|depot|showroom))?"
)
_IN_TOWN = re.compile(rf",? in {_TOWN}{_TOWN_END}")
_COMMA_TOWN = re.compile(rf", {_TOWN}{_TOWN_END}")
# A street whose name and street word are one ("Hauptstraße", "Karl-Marx-Allee").
_COMPOUND_STREET = r"[\w'-]+(?:strasse|straße|gasse|allee|platz|straat|gatan|gade|vej|weg)"
_ON_STREET = re.compile(
    rf",? (?:on|in) (?:(?:[\w'-]+ ){{1,3}}{_STREET}|{_STREET}\.? [\w'-]+|{_COMPOUND_STREET})"
    r"(?!\w)"
)
_BEFORE_WITH = re.compile(r"\b(?:with|w) (?:the )?$")
_INTERVIEW_IN = re.compile(rf"\binterview (?:is |was )?in {_TOWN} at (?:the )?$")
_IN_AT = re.compile(rf"\b(?:in|at) {_TOWN} at (?:the )?$")
_BEFORE_REACH = re.compile(rf"\b(?:{_REACHING}) (?:the )?$")
# "I will not reach my 11:00 interview at Donaukanal Consulting": getting to the interview
# held at the company (a video or phone one is no journey).
_REACH_EVENT = re.compile(
    rf"\b(?:{_REACHING}) (?:my|the|this|our) (?:(?!video|phone|zoom|teams|online|virtual|remote)"
    r"[\w:.]+ ){0,2}interview at (?:the )?$"
)


@cache
def _district_after() -> re.Pattern[str]:
    return re.compile(rf"(?: at| in(?: the)?)? (?:{_districts()})(?![a-z])")


@cache
def _in_district() -> re.Pattern[str]:
    return re.compile(rf" in (?:the )?(?:{_districts()})(?![a-z])")


def _mentions(low: str, name: str) -> list[tuple[str, str]]:
    """(text before, text after) each whole-word mention of ``name`` (no per-story regex)."""
    found: list[tuple[str, str]] = []
    start = low.find(name)
    while start >= 0:
        end = start + len(name)
        whole = (start == 0 or not low[start - 1].isalnum()) and (
            end == len(low) or not low[end].isalnum()
        )
        if whole:
            found.append((low[max(0, start - 90) : start], low[end:]))
        start = low.find(name, start + 1)
    return found


def _past_suffix(after: str) -> str:
    """The text after a company's name, past "'s" and an office word ("Acme's office")."""
    m = _SUFFIX.match(after)
    return after[m.end() :] if m else after


def _company_site(low: str, company: str) -> Site | None:
    """The rules that need the hiring company's name, in order (``None``: none applies)."""
    mentions = _mentions(low, company.lower())
    at = [(b, _past_suffix(a)) for b, a in mentions if _BEFORE_AT.search(b)]
    for _, after in at:
        town = _IN_TOWN.match(after)
        if town and (found := _town(town.group("town"))):
            return Site(True, _town_zone(found))
    if any(_district_after().match(after) for _, after in at):
        # "interview 10:30 at hsbc canary wharf", "at the guardian at kings place"
        return Site(True)
    if any(_BEFORE_WITH.search(b) and _in_district().match(a) for b, a in mentions):
        return Site(True)
    for _, after in at:
        comma = _COMMA_TOWN.match(after)
        if comma and (found := _town(comma.group("town"))) and _town_zone(found):
            return Site(True, _town_zone(found))
    if any(_ON_STREET.match(after) or _NAMED_SITE.match(after) for _, after in at):
        return Site(True)
    for before, _ in mentions:
        where = _INTERVIEW_IN.search(before) or _IN_AT.search(before)
        if where and (found := _town(where.group("town"))) and _town_zone(found):
            return Site(True, _town_zone(found))
    if any(_BEFORE_REACH.search(b) or _REACH_EVENT.search(b) for b, _ in mentions):
        return Site(True)  # "on my way to Acme", "i wont make it to Acme in time"
    return None


# "their building in Leeds ... I was dialling in": the person joins from elsewhere, so a
# site named is the company's, not a place they go to.
_JOINS_REMOTELY = re.compile(
    r"\b(?:i was|i am|im|i m|i will be|ill be|i ll be|was|am|meant to be|supposed to be)"
    r" (?:dial(?:l)?ing in|joining (?:remotely|online|by (?:video|phone)|from home))\b"
    r"|\bi (?:dial(?:l)?ed in|joined (?:remotely|online|by (?:video|phone)|from home))\b"
)


def joins_remotely(low: str) -> bool:
    """Whether the person says they join from elsewhere ("I was dialling in")."""
    return bool(_JOINS_REMOTELY.search(low))


def visited_site(low: str, company: str | None) -> Site:
    """Whether the story names a place the person travels to for the interview."""
    if joins_remotely(low):
        return NO_SITE
    if company and (site := _company_site(low, company)) is not None:
        return site
    named_city = re.search(
        rf"\b(?:interview|onsite|final round|assessment) (?:is |was )?in {_TOWN}", low
    )
    if named_city and (found := _town(named_city.group("town"))) and _town_zone(found):
        return Site(True, _town_zone(found))  # "my interview in Manchester tomorrow"
    if _ADDRESS.search(low) or any(_travelled(low, m) for m in _THEIR_SITE.finditer(low)):
        return Site(True)  # "at goldman at 200 west st": a street address
    going = _GOING_TO.search(low)
    if going and (found := _town(going.group("town"))) and _town_zone(found):
        return Site(True, _town_zone(found))
    if re.search(r"\bat the (?:[a-z'-]+ )?(?:cafe|café|restaurant|salon|bakery) (?:on|in) ", low):
        return Site(True)
    return NO_SITE
