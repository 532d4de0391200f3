"""The company: "the data analyst role at Acme", "Stripe interview", "Tom from Hays".

Only phrases that say what a word is are read (the role is read in ``role``): a company
follows "at" after the interview or role, precedes "interview", is what the
interview is "with" (when that is not a person) or where the interviewer is
"from". In a story typed with capitals a name is its capitalised words; in an
all-lower-case story it runs to the next small word. Lower-case names get
capitals for the messages ("acme" -> "Acme"); everything else is kept as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.intake.interviewers import is_person
from amends.intake.lexicon import agencies, data, given_names, places, word_set
from amends.intake.names import TITLES, WHO, overlapping
from amends.intake.role import KIND, PAREN, capitalised, clean_role, read_role, same_words
from amends.intake.text import Story

_CO = r"(?P<co>(?!(?:\d+|the|a|an|my|their|our)\b)[A-Za-z0-9&][\w&'\-.]*(?: [\w&'\-]+){0,4})"
_EVENT = (
    r"(?:interview|interviews|call|chat|meeting|screen|screening|onsite|zoom|skype|teams"
    r"|webex|facetime|conversation|assessment|its|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|\d{1,2}[:.]\d\d)"
)
_GAP = r"(?:[^.,;!?\n()]|(?<=\d)\.(?=\d)){0,40}?"
_STOP = word_set("stop")
# "at St Mary's Hospital": the capitalised name with its place word is the whole name.
_INSTITUTION = (
    r"\bat (?:the )?(?P<co>(?-i:[A-Z][\w&'\-]*(?: [A-Z][\w&'\-]*){0,3} (?:Clinic|Hospital|Hotel"
    r"|Library|University|College|School|Centre|Center|Council|Surgery|Practice|Museum|Theatre"
    r"|Trust)))\b"
)
_BEFORE_EVENT = (
    rf"(?:^|\b(?:my|the|an?|this|that|todays|tomorrows|yesterdays|for|missed|with) ){_CO}"
    r" (?:interview|phone screen|video interview|onsite|final round|first round|second round"
    r"|call|assessment)\b"
)
_PLACES = frozenset(places())
_AGENCY_LIKE = re.compile(
    r"\b(?:Recruitment|Recruiting|Staffing|Talent|Personnel|Resourcing|Headhunters)\b", re.I
)
# Words that may be part of a company's name but never are one on their own.
_NOT_ALONE = frozenset(
    {"group", "partners", "company", "firm", "agency", "bank", "labs", "council", "hospital",
     "school", "university", "college", "clinic", "district", "trust", "person", "store",
     "shop", "practice", "surgery", "city", "state", "government", "ministry", "department",
     "search"}
)  # fmt: skip
# Where the company is read from each "at"/"with" after the interview (see _after_event).
_AFTER_EVENT = "after the event"
_HEADS = "|".join(re.escape(w) for w in sorted(word_set("role_heads")))
_TITLE_WORDS = frozenset(TITLES.split("|")) | word_set("plural_titles")
_COMPANY_PATTERNS = [
    # "the Yokohama laboratory of Sakurabashi Robotics": before a hospital the user was at
    rf"\b(?:office|offices|hq|headquarters|premises|branch|site|laboratory|lab|labs|campus"
    rf"|factory|plant|studio|studios|warehouse|depot|store) of {_CO}",
    _INSTITUTION,
    rf"\b{KIND} (?:at|with|for) {_CO}",
    rf"\b(?:company|firm|employer|organisation|organization)(?: is| called| named|:)? {_CO}",
    rf"\b(?:company|firm|fintech|startup|start-up|business|bank|agency|charity|practice|brand)"
    rf" (?:in|from|based in) [\w ]{{1,25}}?(?:,| called| named) {_CO}",
    rf"\binterview of {_CO}",
    rf"\binterview(?: with)?: {_CO}",
    r"\binterview(?: at)? \d{1,2}(?:[:.]\d\d)?(?: ?[ap]m)?,? (?P<co>(?-i:[A-Z][\w&']*(?: (?:"
    r"[A-Z][\w&']*|&))*))(?![\w&'])(?-i:(?! [A-Z&]))(?! (?:time|clock)\b)",  # not "Spanish time"
    _AFTER_EVENT,
    rf"\b{_EVENT} (?:at|for) {_CO}",
    rf"\binterview in (?:the )?{_CO}",
    rf"\b(?:link|invite|invitation|calendar invite) (?:from|for) (?:the )?{_CO}",
    # "on Google Meet, with Polar Soft for position Java Developer" (a person is skipped)
    rf"\b(?:with|w) (?:the )?{_CO} for (?:the |a |an )?(?:position|role|job|post|{_HEADS})\b",
    # "10am phone interview Redline Mechanical, field service tech."
    r"\binterview (?P<co>(?-i:[A-Z][\w&']*(?: [A-Z][\w&']*){0,3}))(?=[,.;])",
    rf"\b(?:in person|in-person|onsite|on site) at (?:the )?{_CO}",
    rf"\b(?:manager|team|recruiter|panel|people|someone|director|lead|founder|ceo|cto|head"
    rf"|interviewer|interviewers|engineer|woman|man|lady|guy|coordinator|hr)"
    rf" (?:at|from|@|of) {_CO}",
    rf"\b(?:manager|recruiter|interviewer|coordinator|called|named)(?:,)?"
    r" (?!(?:me|us|him|her|them|you|back|again|it)\b)[A-Za-z]+(?: [A-Za-z]+)?"
    rf" (?:at|from|@) {_CO}",
    rf"\b(?:with|w|at) (?:the )?{_CO} (?:team|panel|people)\b",
    rf"\b(?:it|its|it was|it is|interview was|interview is|call was|call is) (?:with|for) {_CO}",
    rf"\b(?:at|to|into|in) (?:the )?{_CO} (?:head office|office|offices|hq|headquarters|building"
    r"|campus|site|store|shop|branch|restaurant|hotel|clinic|warehouse|depot|factory|cafe|plant|studio)",
    rf"\b(?:office|offices|hq|headquarters|premises) of {_CO}",
    rf"\b(?i:{TITLES})\.? [A-Z]\w+(?: [A-Z]\w+)? (?:at|from) {_CO}",
    _BEFORE_EVENT,
    rf"\b(?:{_HEADS}) (?:at|with) {_CO}",
    # "im meant to be at Pellucid Insurance in parramatta at 9"
    rf"\b(?:meant|supposed|due|have|had|need|needed) to be at {_CO}",
    # "kifisias ave, Aegean Freight Systems offices, accounts payable clerk"
    r"(?:^|[,.;]\s+)(?P<co>(?-i:[A-Z][\w&'\-]*(?: (?:[A-Z][\w&'\-]*|&)){0,3}))"
    r" (?:office|offices|hq|headquarters)\b",
    rf"\b(?:applied (?:to|at|for)|applying to|work(?:ing)? at|join(?:ing)?) {_CO}",
]


@dataclass(frozen=True)
class Org:
    company: str | None
    role: str | None


def read_org(
    story: Story, interviewer: str | None, agency: str | None = None, agency_named: bool = False
) -> Org:
    """The company and role a story names (either may be ``None``).

    The recruiter's agency is never the company: when it is what was read, the story is
    read again without it ("the Salesforce office ... recruiter conor from Sigmar").
    """
    company = _company(story, interviewer)
    if agency and company and company.lower() == agency.lower():
        hidden = re.sub(re.escape(agency), lambda m: " " * len(m.group(0)), story.text, flags=re.I)
        # No other company named: the recruiter works for the employer itself.
        other = _company(Story(original=story.original, text=hidden), interviewer)
        # A firm the story calls an agency or search firm is never the employer.
        company = other or (None if agency_named else company)
    return Org(company=company, role=read_role(story))


def _company(story: Story, interviewer: str | None) -> str | None:
    text = story.text
    known = frozenset((interviewer or "").lower().split())
    for m in re.finditer(
        rf"\b{_EVENT}\b{_GAP} (?:with|w) "
        rf"{WHO}"
        rf"(?: (?:from|at|@) {_CO})?",
        text,
        re.IGNORECASE,
    ):
        if m.group("co") and is_person(m.group("name"), text[m.end("name") :], story, known):
            name = _clean_company(m.group("co"), story)
            if name:
                return name
        elif not is_person(m.group("name"), text[m.end("name") :], story, known):
            name = _clean_company(text[m.start("name") :], story)
            if name and (interviewer is None or name.lower() != interviewer.lower()):
                return name
    for m in re.finditer(rf"\b(?:with|w) {WHO} (?:from|at|@|of) {_CO}", text, re.IGNORECASE):
        if is_person(m.group("name"), text[m.end("name") :], story, known):
            name = _clean_company(m.group("co"), story)
            if name:
                return name
    for pattern in _COMPANY_PATTERNS:
        if pattern is _AFTER_EVENT:
            if name := _after_event(story, interviewer):
                return name
            continue
        whole = pattern is _BEFORE_EVENT  # "Stripe interview": the name is all of it
        for m in overlapping(pattern, text, re.IGNORECASE | re.MULTILINE):
            if pattern is _INSTITUTION:
                return m.group("co")
            name = _clean_company(text[m.start("co") :], story)
            if name and _person_with(story, m.start("co"), name):
                continue  # "with rachel kim onsite": the interviewer, not the company
            if name and (not whole or same_words(name, m.group("co"))):
                return name
    return (
        _capitalised_before_event(story)
        or _standalone_name(story)
        or _listed_with_role(story)
        or _paren_company(story)
    )


def _person_with(story: Story, start: int, name: str) -> bool:
    """Whether ``name`` (at ``start``) follows "with" and reads as a person's name."""
    before = story.text[max(0, start - 6) : start].lower()
    if not re.search(r"\b(?:with|w) $", before):
        return False
    return is_person(name, story.text[start + len(name) :], story)


_EVENT_WORD = re.compile(rf"\b{_EVENT}\b", re.IGNORECASE)
_LINK = re.compile(r"\b(?:at|with|w) ", re.IGNORECASE)


def _after_event(story: Story, interviewer: str | None) -> str | None:
    """ "interview is at half past ten at Erste Bank": each "at"/"with" in the clause
    after the interview is tried, not only the first."""
    text = story.text
    for event in _EVENT_WORD.finditer(text):
        clause = re.match(r"(?:[^.,;!?\n]|(?<=\d)\.(?=\d)){0,70}", text[event.end() :])
        end = event.end() + (clause.end() if clause else 0)
        for link in _LINK.finditer(text, event.end(), end):
            rest = text[link.end() :]
            if link.group(0).lower().startswith("w") and is_person(
                rest.split(" ")[0], rest[len(rest.split(" ")[0]) :], story
            ):
                continue
            name = _clean_company(rest, story)
            if name and (interviewer is None or name.lower() != interviewer.lower()):
                return name
    return None


_TERSE = re.compile(
    r"(?-i:(?P<co>[A-Z][\w&'.\-]*(?: [A-Z][\w&'.\-]*){0,3}))"
    r" (?:video |phone |zoom |teams |final |first |second )?(?:interview|screen|onsite|call)\b"
)
_ZONE_WORDS = frozenset(data("intake_zones")["abbreviations"])
_CALENDAR_WORDS = word_set("calendar_words")


def _capitalised_before_event(story: Story) -> str | None:
    """ "Thu 3pm ET Peloton interview": the capitalised words before the interview, less
    the day, the zone and the time (only in a story typed with capitals)."""
    if story.text == story.low:
        return None
    for m in _TERSE.finditer(story.text):
        words = m.group("co").split()
        while words and (words[0].lower().rstrip(".,") in _ZONE_WORDS | _CALENDAR_WORDS):
            words.pop(0)
        if words and all(w[:1].isupper() for w in words):
            name = _clean_company(" ".join(words), story)
            if name and same_words(name, " ".join(words)):
                return name
    return None


_SENTENCE_NAME = re.compile(
    r"(?:^|(?<=[.;!?])\s+)(?-i:(?P<co>[A-Z][\w&'\-]*(?: (?:[A-Z][\w&'\-]*|&|of)){0,3}))"
    r"(?:[.!]+(?=\s|$)|$)"
)


def _standalone_name(story: Story) -> str | None:
    """ "late. bus. interview 3pm. Crane & Sons.": a sentence that is only a capitalised name
    (not a person's given name, a day, a zone or a place) in a story typed with capitals."""
    if story.text == story.low:
        return None
    for m in _SENTENCE_NAME.finditer(story.text):
        words = m.group("co").split()
        first = words[0].lower()
        if first in given_names() or first in _ZONE_WORDS | _CALENDAR_WORDS:
            continue
        name = _clean_company(m.group("co"), story)
        if name and same_words(name, m.group("co")):
            return name
    return None


_LISTED = re.compile(
    r"(?:^|[.;!?]\s+|\bits for |\bit was for )(?P<co>[\w&'.\-]+(?: [\w&'.\-]+){0,2}),"
    r" (?P<role>[^,.;!?()]{2,40})(?=[,.;!?]|$)",
    re.IGNORECASE | re.MULTILINE,
)


# In a story typed with capitals, a capitalised name listed anywhere before a job title:
# "interview 14:00 IST w Arjun, Vayu Networks, network engineer."
_LISTED_CASED = re.compile(
    r"(?:^|[,.;!?]\s+)(?P<co>[A-Z][\w&'.\-]*(?: [A-Z][\w&'.\-]*){0,2}),"
    r" (?P<role>[^,.;!?()]{2,40})(?=[,.;!?]|$)",
    re.MULTILINE,
)


def _listed_with_role(story: Story) -> str | None:
    """ "flipkart, senior backend engineer, on zoom": a name listed before a job title."""
    cased = [] if story.text == story.low else list(_LISTED_CASED.finditer(story.text))
    for m in [*_LISTED.finditer(story.text), *cased]:
        if m.group("co").split()[0].lower() in given_names() | _PLACES:
            continue
        if clean_role(m.group("role"), strict=True):
            name = _clean_company(m.group("co"), story)
            if name and same_words(name, m.group("co")):
                return name
    return None


# Lower-case words inside a capitalised company name.
_NAME_PARTICLES = frozenset(
    {"do", "da", "de", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "la",
     "le", "y", "e", "et", "för", "og", "i"}
)  # fmt: skip


def _clean_company(raw: str, story: Story) -> str | None:
    if raw[:4].lower() == "the " and not (story.text != story.low and raw[:1] == "T"):
        raw = raw[4:]  # "at the bbc": the article is no part of the name
    cased = story.text != story.low and raw[:1].isupper()
    words: list[str] = []
    for i, token in enumerate(raw.split()[:5]):
        word = token.rstrip(".,;:!?")
        key = word.lower()
        if "@" in key or "/" in key or "(" in key or ")" in key:
            break
        possessive = key.endswith("'s")
        if possessive and not _name_ends(raw, token):
            word, key = word[:-2], key[:-2]
        elif len(key) > 2 and key.endswith("s'"):
            word, key, possessive = word[:-1], key[:-1], True  # "Harcourt Architects' studio"
        glue = key in ("&", "and", "of") and bool(words)
        after = raw.split()[i + 1 : i + 2]
        if cased and words and key in _NAME_PARTICLES and after and after[0][:1].isupper():
            glue = True  # "Vale do Sol Agritech", "Banco de Chile", "Van der Berg Bouw"
        if not glue:
            title = key in _TITLE_WORDS and not (word.isupper() and len(word) > 2)  # "ING"
            if not words and (title or (key in _ZONE_WORDS and len(key) <= 4)):
                return None  # "Sir Michael Grey", "EST": a person or a clock, not a company
            following = [t.strip(".,;:!?").lower() for t in raw.split()[i + 1 : i + 2]]
            if key == "head" and following in (["office"], ["offices"]):
                break  # "Greggs head office"
            if key in word_set("role_heads") and (i or raw.split()[1:2] in (["of"], ["at"])):
                return None  # "warehouse manager", "CEO of Arbor Health": a person's title
            place_word = i and cased and word[:1].isupper() and key in word_set("not_company")
            if (key in word_set("not_company") and not place_word) or key in _STOP or not key:
                break
            inside = cased and i and key.isdigit() and raw.split()[i + 1 : i + 2] != []
            if inside and raw.split()[i + 1][:1].isupper():
                pass  # "Pier 7 Media": a number inside a capitalised name
            elif re.fullmatch(r"\d+(?:[:.h]\d*)?(?:am|pm|h|hs|hrs)?", key):
                break  # "at 16h", "at 15hs": a time
            if i and cased and not word[:1].isupper() and not word[:1].isdigit():
                break
        words.append(word)
        if possessive or (token != word and not token.endswith("'s")):
            break
    while words and (words[-1].lower() in ("&", "and", "of") or words[-1] in _NAME_PARTICLES):
        words.pop()
    words = _without_site(words)
    while words and (words[-1].lower() in ("&", "and", "of") or words[-1] in _NAME_PARTICLES):
        words.pop()
    if not words:
        return None
    name = " ".join(words)
    key = name.lower()
    if agencies().fullmatch(key) or key.split()[-1] in word_set("role_heads"):
        return None
    if key in _PLACES:
        return None  # "interview in Berlin" names a place
    if len(words) > 1 and key.split()[-1] in _STREETS:
        return None  # "my interview at Gresham Street": where, not who
    if _AGENCY_LIKE.search(name):
        return None  # "Acorn Talent", "BrightPath Recruitment": the recruiter's firm
    if re.fullmatch(r"[\d\s]+|[a-z]", key) or key in _NOT_ALONE or _department(key, story):
        return None
    return capitalised(name)


_DEPARTMENTS = word_set("departments")
_UNIT = r"(?:team|teams|department|dept|division|group|squad|function|side|unit)"


def _department(key: str, story: Story) -> bool:
    """ "with the data team", "the finance department": a department word the story calls
    a team is part of the employer, not its name ("Data Dynamics" is a name)."""
    words = key.split()
    if len(words) > 1 and words[-1] in ("team", "department", "dept"):
        return " ".join(words[:-1]) in _DEPARTMENTS
    return key in _DEPARTMENTS and bool(re.search(rf"\b{re.escape(key)} {_UNIT}\b", story.low))


# Words after a company's name that say where it is, not who: "Rakuten HQ",
# "Safaricom House", "HSBC Canary Wharf", "Electronic Arts Vancouver".
_STREETS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd"})
_SITE_WORDS = frozenset(data()["words"]["site_words"])
_DISTRICTS = tuple(tuple(d.split()) for d in data()["words"]["business_districts"])


# A name that is a venue word and a place is all name: "Hotel Bristol", "Bank of Ireland".
_GENERIC = frozenset(
    {
        "hotel",
        "university",
        "college",
        "city",
        "museum",
        "theatre",
        "club",
        "hospital",
        "bank",
        "port",
    }
)


def _without_site(words: list[str]) -> list[str]:
    """Drop trailing place, district and building words, keeping at least one word."""
    keys = [w.lower() for w in words]
    while len(keys) > 1:
        for size in (3, 2, 1):
            tail = " ".join(keys[-size:])
            glued = keys[-size - 1] in ("of", "&", "and") if size < len(keys) else True
            if (
                not glued
                and " ".join(keys[:-size]) not in _GENERIC
                and (
                    tail in _PLACES
                    or tuple(keys[-size:]) in _DISTRICTS
                    or (size == 1 and tail in _SITE_WORDS)
                )
            ):
                keys, words = keys[:-size], words[:-size]
                break
        else:
            break
    return words


def _name_ends(raw: str, token: str) -> bool:
    """ "St Jude's is on ..." keeps its 's (a name); "Deloitte's graduate scheme" drops it."""
    after = raw.split(token, 1)[1].split()
    return not after or after[0].lower().strip(".,;:!?") in _STOP or token[-1] in ".,;:!?"


def _paren_company(story: Story) -> str | None:
    for m in PAREN.finditer(story.text):
        parts = [p.strip() for p in m.group("paren").split(",")]
        first = parts[0].lower() if parts else ""
        contact = first in ("hr", "recruiter", "recruitment", "coordinator", "talent", "people")
        if len(parts) == 2 and (contact or clean_role(parts[0], strict=True)):
            return _clean_company(parts[1], story)
    return None
