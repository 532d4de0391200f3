"""Phrases that name a recruiter's firm, or say the recruiter is the employer's own.

"Tom from Brightwater set it up", "arranged by Tom Reilly of Brightwater", "the search firm
Hollis & Grant", "Jess, the in-house talent partner", "Aisha in their recruitment team".
Patterns and small tests only; :mod:`.people` applies them to a story.
"""

from __future__ import annotations

import re

from amends.intake.lexicon import word_set
from amends.intake.names import INTRO, NAME, TITLE_RE, TITLES, WORD
from amends.intake.text import Story

# "the recruiter is Kasia from Antal", "a recruiter from Aquent": the recruiter's own firm
# (told apart from the employer in the story's end, where the company is known).
RECRUITER_FROM = re.compile(
    rf"\b(?i:recruiter|recruitment consultant|headhunter)s?(?: is| was|,|:)?(?: (?i:{TITLES})\.?)?"
    rf"(?: {WORD}){{0,2}}?"
    r" (?i:from|at|of|with) (?P<org>[A-Z][\w&]*(?: [A-Z][\w&]*){0,2}(?: (?i:consultants|group))?)"
)


_DID = r"(?:arranged|set|booked|organi[sz]ed|called|rang)"  # the verb after a name
_FIRM = (
    r"(?P<org>[A-Za-z][\w&]*(?: (?!who\b)(?:[A-Z][\w&]*|&))*(?: (?i:search|partners|recruitment))?)"
)
# A firm's person who arranged the interview: "Tom from Brightwater set it up", "Tom Reilly, a
# consultant at Brightwater Search", "arranged by Tom Reilly of Brightwater".
FIRM_PERSON = [
    rf"\b{NAME} (?:from|at|of) {_FIRM} (?:who )?(?:set (?:it|this|the interview|the call|me"
    r"|everything)(?: all)? up|arranged"
    r"|booked|organi[sz]ed|sorted|put me forward|got me|lined (?:it|this|me) up|found me"
    r"|hooked me up|referred me|submitted me|sent me|put me in)\b",
    # "the recruiter from Gulf Talent Partners, mr imran sheikh, arranged it"
    rf"\b(?:recruiter|consultant|headhunter|agent) (?:from|at|with) {_FIRM},?"
    rf" (?P<name>{TITLE_RE}{WORD}(?: (?!{_DID}\b){WORD}){{0,2}})",
    rf"\b(?:arranged|set up|booked|organi[sz]ed|being run|run|handled) (?:by|through) {NAME}"
    rf" (?:from|at|of) {_FIRM}\b",
    rf"\b{NAME},? (?:a|an|the|my) (?:recruiter|consultant|recruitment consultant|headhunter"
    rf"|agent) (?:at|from|with) {_FIRM}\b",
    rf"\b(?:agency|recruitment|search firm) (?:guy|woman|man|lady|person|contact|consultant)"
    rf"(?: is| was|,)? {NAME} (?:at|from|of) {_FIRM}\b",
]


# "of their HR department", "from the company": the employer's own people, not a firm.
_OWN_SIDE = re.compile(
    r"^(?:their|the|our|his|her|its|a|an|my)\b|\b(?:hr|human resources|department|team|people"
    r"|office|company|employer)\b"
)
# "Dave something from Hays I think??": a hedged name is not labelled.
_HEDGE = re.compile(
    r"\s*(?:\S+\s+){0,3}?(?:i think|i guess|maybe|not sure|or something|\?\?)", re.I
)


def not_firm(firm: str) -> bool:
    return firm.lower() in word_set("not_company") or _OWN_SIDE.search(firm.lower()) is not None


def lower_words(story: Story, firm: str) -> bool:
    """A firm read with a lower-case word in a story typed with capitals."""
    cased = story.text != story.low
    return cased and any(w[:1].islower() for w in firm.split() if w not in ("&", "and"))


def hedged(text: str, end: int) -> bool:
    return _HEDGE.match(text, end) is not None or " something" in text[max(0, end - 40) : end]


# "the search firm Hollis & Grant", "a recruitment agency called Bluebird": the firm is named.
SEARCH_FIRM = re.compile(
    r"\b(?i:search firm|executive search firm|recruitment firm|recruitment agency|staffing agency"
    r"|(?<=from )agency|(?<=with )agency"
    r"|headhunting firm|headhunters)(?: (?i:called|named))? "
    r"(?P<org>[A-Z][\w&'-]*(?: (?:[A-Z][\w&'-]*|&))*)"
)


# The employer's own recruiter: "the talent partner, Jess Moran", "Jess from Talent
# Acquisition". Named alone, with no firm: the firm is the employer.
IN_HOUSE = (
    r"(?:talent (?:partner|acquisition(?: partner| lead| specialist| manager| team)?)|ta partner"
    r"|in-house recruiter|internal recruiter)"
)
_TEAM = r"(?:(?:the|their|our) )?(?:recruitment|recruiting|talent(?: acquisition)?) team"
IN_HOUSE_PATTERNS = [
    re.compile(rf"\b{IN_HOUSE}{INTRO} {NAME}", re.IGNORECASE),
    re.compile(rf"\b{IN_HOUSE} (?:at|from|with|of) [\w&' ]{{1,30}}, {NAME}", re.IGNORECASE),
    re.compile(
        rf"\b{NAME}(?:,| \(| is| was) ?(?:the |my |our |a |an |their )?(?:in-house |internal )?"
        rf"{IN_HOUSE}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{NAME} (?:from|in|of|on) (?:the )?{IN_HOUSE}\b", re.IGNORECASE),
    # A named person in the employer's recruitment team is its own recruiter (the team
    # unnamed is a coordinator: see the contact-role cues).
    re.compile(rf"\b{NAME}(?: (?:from|in|of|on) |,? \(){_TEAM}\b", re.IGNORECASE),
]


def without_courtesy(name: str | None) -> str | None:
    """A firm's name cut before a sign-off or plea typed after it ("Hartwell Recruiting
    Thanks" -> "Hartwell Recruiting"; "Tom (Hays Thanks)" -> "Tom (Hays)"); a name that is
    all courtesy is no name."""
    if not name:
        return name
    inner = re.fullmatch(r"(?P<who>.+?) \((?P<firm>[^()]+)\)", name)
    if inner:
        firm = without_courtesy(inner.group("firm"))
        return f"{inner.group('who')} ({firm})" if firm else inner.group("who")
    words = name.split(" ")
    courtesy = word_set("courtesy")
    keys = [re.sub(r"[^\w]", "", w.lower()) for w in words]
    for i in range(1, len(words)):
        last = i == len(words) - 1 and keys[i] in word_set("courtesy_leads")
        if last or keys[i] in courtesy or " ".join(keys[i : i + 2]) in courtesy:
            return " ".join(words[:i]).rstrip(" ,.;:!-") or None
    return name
