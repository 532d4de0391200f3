"""People named in a phrase of their own: the recruiter with their firm, the interviewer.

People name their recruiter with a role noun, an optional clause about them, a link word,
then the name and, after "from"/"at", the firm: "the recruiter who put me forward is Kevin
Lin at Dragonstone Search", "my contact is the recruiter, Renee from Midwest Staffing", "the
talent acquisition person is Priyanka Gill". Or the firm comes first: "the agency is Sunstate
Recruitment, my consultant is Tayla". The interviewer comes after their role or after "its
with": "interviewer: mikko laine", "the hiring manager is kurt lindqvist", "its with mette
holm and". The syntax says a name follows, so a lower-case name is read as one when the
clause ends after it; the firm is cut at the first word that cannot be part of a firm's name.

Read after the fixed phrases of :mod:`.people`: to find a person they missed, or the firm
of a recruiter they found without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.intake.lexicon import word_set
from amends.intake.names import clean_name, overlapping
from amends.intake.text import Story

_ROLE = (
    r"(?:recruiter|recruiters|recruitment consultant|consultant|headhunter"
    r"|talent acquisition(?: person| specialist| partner| lead| manager| contact)?"
    r"|talent partner|recruiting contact)"
)
# "who put me forward", "whos been handling everything", "that found me the role"
_CLAUSE = r"(?: (?:who|whos|who is|who has|that|thats)(?: [^\s,.;:!?]+){1,6}?)?"
_LINK = r"(?:,? (?:is|was|here is)|,|:| -)"
_WORD = r"[^\W\d_][\w'&-]*"
_NOT_NAME = r"(?!(?:from|at|of|with)\b)"
_NAME = rf"(?P<name>{_NOT_NAME}{_WORD}(?: {_NOT_NAME}{_WORD}){{0,2}})"
_FIRM = rf"(?P<firm>{_WORD}(?: {_WORD}){{0,4}})"
_PHRASE = re.compile(
    rf"\b{_ROLE}{_CLAUSE}{_LINK} (?:(?:the|my|our) (?:recruiter|consultant),? )?{_NAME}"
    rf"(?: (?:from|at|of|with|@) (?:the )?{_FIRM})?",
    re.IGNORECASE,
)
_FIRM_FIRST = re.compile(
    rf"\b(?:the |my )?(?:agency|recruitment agency|staffing agency|recruitment firm|search firm)"
    rf" (?:is|was|is called|was called) {_FIRM}(?:,| and| ,) (?:and )?(?:my |the |our )?"
    rf"(?:consultant|recruiter|contact|person there) (?:is|was) {_NAME}",
    re.IGNORECASE,
)
# Words of a firm that places people ("Lantern Staffing", "Keystone Recruitment").
PLACES_PEOPLE = re.compile(
    r"(?i:talent|recruit|staffing|personnel|resourcing|search|hire|careers|jobs|workforce"
    r"|partners|people|placements|headhunters)"
)
# "the recruiter who set it up is from Andes Staffing, Lucía Paz": the firm, then the name.
_FROM_FIRM_FIRST = re.compile(
    rf"\b{_ROLE}{_CLAUSE},? (?:is|was) (?:from|at|with) {_FIRM}, {_NAME}"
    r"(?=\s*(?:[,.;:!?()]|$)| \+?\d| [\w.-]+@)",
    re.IGNORECASE,
)
_IN_HOUSE = re.compile(r"\btalent acquisition|\btalent partner", re.IGNORECASE)
# Words a firm's name never goes on past (besides the stop words): verbs and pronouns.
_FIRM_ENDS = frozenset(
    {"gave", "got", "put", "found", "has", "have", "who", "she", "he", "her", "his", "him",
     "they", "them", "their", "just", "emailed", "called", "rang", "texted", "messaged",
     "phoned", "wrote", "says", "said", "set", "booked", "arranged", "sent", "is", "was"}
)  # fmt: skip


@dataclass(frozen=True)
class Recruiter:
    """A recruiter's name, their firm when one is written, and whether they are in-house."""

    name: str
    firm: str | None
    in_house: bool


def read_recruiter(story: Story, known: frozenset[str]) -> Recruiter | None:
    """The first recruiter phrase in ``story`` whose name reads as a person's."""
    for m in (*_FIRM_FIRST.finditer(story.text), *_FROM_FIRM_FIRST.finditer(story.text)):
        name = phrase_name(m.group("name"), story, known)
        firm = _firm(m.group("firm"), story)
        if name and firm:
            return Recruiter(name, firm, False)
    for m in _PHRASE.finditer(story.text):
        name = phrase_name(m.group("name"), story, known)
        if name is None:
            continue
        firm = _firm(m.group("firm"), story) if m.group("firm") else None
        return Recruiter(name, firm, firm is None and _IN_HOUSE.match(m.group(0)) is not None)
    return None


def phrase_name(raw: str, story: Story, known: frozenset[str]) -> str | None:
    """A name in a phrase whose syntax says a name is there: its first word reads as one."""
    words = raw.split()
    if not words or words[0].lower() in _stops():
        return None
    # The phrase says a name follows: its first word reads as one even in lower case.
    return clean_name(raw, story, known | {words[0].lower()})


def _firm(raw: str | None, story: Story) -> str | None:
    cased = story.text != story.low
    kept: list[str] = []
    for token in (raw or "").split():
        key = token.lower()
        if key in _FIRM_ENDS or (key in _stops() and key not in ("&", "and")):
            break
        capitals = cased and kept and kept[0][:1].isupper()
        if capitals and not token[:1].isupper() and key not in ("&", "and"):
            break
        kept.append(token)
    while kept and kept[-1].lower() in ("&", "and"):
        kept.pop()
    if not kept:
        return None
    name = " ".join(kept)
    if cased and not name[:1].isupper():
        # Typed in lower case inside a story with capitals: a firm only by its name's words.
        return name.title() if PLACES_PEOPLE.search(name) else None
    return name if cased else name.title()


def _stops() -> frozenset[str]:
    return word_set("stop") | word_set("not_company") | word_set("not_name")


# "interviewer mikko laine.", "the hiring manager is kurt lindqvist,", "its with mette holm and"
_INTERVIEWER = re.compile(
    rf"\b(?:(?:the |my )?(?:interviewer|hiring manager|hiring manger|hiring mgr)(?: is| was|:|,)?"
    rf"|(?:its|it is|it was|the interview is|the interview was|interview is|interview was) with)"
    rf" (?:(?:the )?(?:hiring manager|interviewer),? )?{_NAME}"
    r"(?=\s*(?:[,.;:!?()]|$)| (?:and|from|at|who|on|via|over)\b| \+?\d| [\w.-]+@)",
    re.IGNORECASE,
)
_NOT_NAME_END = re.compile(r"(?:ing|ed|ly)$")


# The name first, then what they do in the interview: "Ravi Menon is the one interviewing me",
# "Dominic Lafleur is leading it"; or the one due to ring first: "the guy who was meant to
# call me is Marcus Bell".
_DOES_INTERVIEW = [
    re.compile(
        rf"\b{_NAME} (?:is|was|will be|is going to be) (?:the one|the person|the (?:guy|man"
        r"|woman|lady)) (?:interviewing me|doing (?:the|my) interview|who(?:s| is| was| will be)?"
        r" interviewing me)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_NAME} (?:is|was|will be) (?:leading|chairing|running|conducting) (?:it|the"
        r" interview|the panel|the call|my interview)\b",
        re.IGNORECASE,
    ),
]
_DUE_TO_CALL = re.compile(
    r"\b(?:the )?(?:guy|man|woman|lady|person|one|interviewer) (?:who|that) (?:was|is|were)"
    r" (?:meant|ment|supposed|due|going|gonna) (?:to )?(?:call|ring|phone|interview) me"
    rf" (?:is|was) (?:called |named )?{_NAME}(?=\s*(?:[,.;:!?()]|$)| (?:and|from|at|who|on)\b"
    r"| \+?\d| i\b)",
    re.IGNORECASE,
)


def read_interviewer(story: Story, known: frozenset[str]) -> str | None:
    """The interviewer named right after their role, or after "its with", or before what
    they do in the interview ("X is leading it")."""
    for pattern in _DOES_INTERVIEW:
        for m in overlapping(pattern, story.text):
            name = clean_name(m.group("name"), story, known)
            if name and len(name.split()) == len(m.group("name").split()):
                return name
    for m in (*_DUE_TO_CALL.finditer(story.text), *_INTERVIEWER.finditer(story.text)):
        words = m.group("name").split()
        if any(_NOT_NAME_END.search(w.lower()) for w in words) or len(words) > 3:
            continue
        name = phrase_name(m.group("name"), story, known)
        if name and len(name.split()) == len(words):
            return name
    return None
