"""The company and the role: "the data analyst role at Acme", "Stripe interview (backend eng)".

Only phrases that say what a word is are read: a role is followed by "role",
"position" or "job" (or ends in a job-title word such as "analyst"); a company
follows "at" after the interview or role, precedes "interview", is what the
interview is "with" (when that is not a person) or where the interviewer is
"from". In a story typed with capitals a name is its capitalised words; in an
all-lower-case story it runs to the next small word. Lower-case names get
capitals for the messages ("acme" -> "Acme"); everything else is kept as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.intake.lexicon import agencies, data, given_names, places, word_set
from amends.intake.names import TITLES, WHO, overlapping
from amends.intake.people import is_person
from amends.intake.text import Story

_CO = r"(?P<co>(?!(?:\d+|the|a|an|my|their|our)\b)[A-Za-z0-9&][\w&'\-.]*(?: [\w&'\-]+){0,4})"
_ROLE = r"(?P<role>[A-Za-z0-9][\w/+#&\-]*(?: [A-Za-z0-9][\w/+#&\-]*){0,5})"
_KIND = (
    r"(?:role|position|positon|job|post|opening|vacancy|internship|gig|opportunity|program"
    r"|programme)"
)
_DET = r"(?:the |a |an |my |our |their |this |that )?"
_EVENT = (
    r"(?:interview|interviews|call|chat|meeting|screen|screening|onsite|zoom|skype|teams"
    r"|webex|facetime|conversation|assessment|its|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|\d{1,2}[:.]\d\d)"
)
_GAP = r"(?:[^.,;!?\n()]|(?<=\d)\.(?=\d)){0,40}?"
_ACRONYMS = word_set("acronyms")
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
_TITLE_WORDS = frozenset(TITLES.split("|"))
_COMPANY_PATTERNS = [
    # "the Yokohama laboratory of Sakurabashi Robotics": before a hospital the user was at
    rf"\b(?:office|offices|hq|headquarters|premises|branch|site|laboratory|lab|labs|campus"
    rf"|factory|plant|studio|studios|warehouse|depot|store) of {_CO}",
    _INSTITUTION,
    rf"\b{_KIND} (?:at|with|for) {_CO}",
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
_ROLE_PATTERNS = [
    (rf"\b(?:for|as|about) {_DET}{_ROLE} {_KIND}\b", False),
    (rf"\b{_DET}{_ROLE} {_KIND} (?:at|with|for|interview)\b", False),
    (rf"\b(?:position|role|job|post) of {_DET}{_ROLE}", False),
    (
        rf"\b(?:position|positon|role|job title|title|post|job)(?: is| was|:| -| =)? {_DET}{_ROLE}",
        True,
    ),
    (
        rf"\b(?:its|it is|it was|this is) (?:a |an |the |for (?:the |a |an )?){_ROLE} {_KIND}\b",
        False,
    ),
    (rf"\b(?:its|it is|it was) for (?:the |a |an )?{_ROLE}(?=[,.;!]|$)", True),
    (rf"\b(?:i am|im|i m) (?:a |an |the )?{_ROLE} candidate\b", True),
    (rf"\b(?:for|as) (?:a |an |the ){_ROLE}(?= at | with | interview|[,.]|$)", True),
    (rf"\bfor {_ROLE}(?= was| is| at | with | and | but | on | interview|[,.]|$)", True),
    (
        rf"(?:^|,\s*|\b(?:my|the|an?|this|that|todays|tomorrows|for|missed) ){_ROLE} interview\b",
        True,
    ),
    # "customer success manager at Beacon Labs": a job title starting a clause, then "at".
    (rf"(?:^|[.;!?,]\s*){_ROLE} (?:at|with) (?-i:[A-Z])", True),
    (rf"(?:^|[.;!?]\s+|,\s*|\s[-\u2013\u2014]\s*){_ROLE} {_KIND}\b", True),
    # "applying to be a store supervisor", "applied for the role of buyer"
    (
        rf"\b(?:applying|applied|apply) (?:to be|as|for the (?:role|position|post) of)"
        rf" {_DET}{_ROLE}(?=[,.;!?]|$| at | with | and | but )",
        True,
    ),
    (rf"\bfor {_ROLE}(?= \()", True),  # "for Junior Developer (Python)"
]
_PAREN = re.compile(r"(?P<lead>\w+)?\s*\((?P<paren>[^)]{2,60})\)")
_ROLE_LABEL = re.compile(r"(?:role|position|job|post|title)\s*[:=-]\s*", re.IGNORECASE)


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
    return Org(company=company, role=_role(story))


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
            if name and (not whole or _same_words(name, m.group("co"))):
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
            if name and _same_words(name, " ".join(words)):
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
        if name and _same_words(name, m.group("co")):
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
        if _clean_role(m.group("role"), strict=True):
            name = _clean_company(m.group("co"), story)
            if name and _same_words(name, m.group("co")):
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
            if not words and (key in _TITLE_WORDS or (key in _ZONE_WORDS and len(key) <= 4)):
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
    if re.fullmatch(r"[\d\s]+|[a-z]", key) or key in _NOT_ALONE:
        return None
    return _capitalised(name)


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


def _same_words(name: str, raw: str) -> bool:
    return name.lower().split() == raw.lower().replace("'s", "").split()


def _name_ends(raw: str, token: str) -> bool:
    """ "St Jude's is on ..." keeps its 's (a name); "Deloitte's graduate scheme" drops it."""
    after = raw.split(token, 1)[1].split()
    return not after or after[0].lower().strip(".,;:!?") in _STOP or token[-1] in ".,;:!?"


def _paren_company(story: Story) -> str | None:
    for m in _PAREN.finditer(story.text):
        parts = [p.strip() for p in m.group("paren").split(",")]
        first = parts[0].lower() if parts else ""
        contact = first in ("hr", "recruiter", "recruitment", "coordinator", "talent", "people")
        if len(parts) == 2 and (contact or _clean_role(parts[0], strict=True)):
            return _clean_company(parts[1], story)
    return None


def _role(story: Story) -> str | None:
    text = story.text
    for m in _PAREN.finditer(text):
        lead = (m.group("lead") or "").lower()
        content = m.group("paren").split(",")[0]
        content = re.sub(rf"\s+{_KIND}$", "", content.strip(), flags=re.IGNORECASE)
        named = _ROLE_LABEL.match(content)  # "(role: payroll clerk)"
        content = content[named.end() :] if named else content
        strict = lead not in ("interview", "role", "position") and not named
        role = _clean_role(content, strict=strict)
        if role:
            return role
    for pattern, strict in _ROLE_PATTERNS:
        for m in overlapping(pattern, text, re.IGNORECASE | re.MULTILINE):
            role = _clean_role(m.group("role"), strict=strict)
            if role:
                return role
    return _listed_role(text)


_CLAUSE = re.compile(r"(?:^|(?<=[.;!?,])\s*)(?P<role>[^.;!?,()\n]{2,50})(?=[.;!?,]|$)", re.M)
# A clause naming the person one deals with is not the job applied for.
_CONTACT_WORDS = frozenset({"recruiter", "interviewer", "coordinator", "co-ordinator"})
# First words of a coordinator who arranges the interview, not a job applied for.
_CONTACT_LEADS = frozenset(
    {"recruitment", "talent", "interview", "people", "scheduling", "agency", "hiring", "hr"}
)
# "Crestline Legal, paralegal.": a capitalised name and a comma just before a one-word title.
_LISTED_AFTER_NAME = re.compile(r"(?:^|[.;!?]\s+)[A-Z][\w&'\-]*(?: [A-Z][\w&'\-]*){0,3},\s*$")
_NOT_LISTED = frozenset(
    {"hiring", "line", "the", "my", "their", "his", "her", "our", "your", "agency", "hr"}
)


def _listed_role(text: str) -> str | None:
    """ "Interview 14:00 at Glovo's Barcelona office, ops analyst.": a clause that is only a
    job title (its last word a title word) is the role."""
    for m in _CLAUSE.finditer(text):
        phrase = m.group("role").strip()
        words = phrase.split()
        if not words or len(words) > 5:
            continue
        listed = text[: m.start("role")].rstrip().endswith(",")
        if len(words) == 1 and not (listed and _LISTED_AFTER_NAME.search(text[: m.start("role")])):
            continue  # one title word alone ("Analyst.") says too little
        last = words[-1].lower()
        if words[0].lower() in _NOT_LISTED or words[0].lower() in _CONTACT_LEADS:
            continue  # "the hiring manager", "hr coordinator": who someone is, not the job
        if last in _CONTACT_WORDS and not (last == "coordinator" and len(words) > 1):
            continue  # "agency recruiter"; "logistics coordinator" is a job
        role = _clean_role(phrase, strict=True)
        if role and _same_words(role, re.sub(r"^(?:the|a|an|my) ", "", phrase, flags=re.I)):
            return role
    return None


# Words that cannot start a company's name but can start a job title ("team leader").
_ROLE_FIRST_WORDS = frozenset(
    {
        "tech",
        "technical",
        "final",
        "sales",
        "team",
        "office",
        "store",
        "shift",
        "station",
        "night",
        "video",
    }
)


def _clean_role(raw: str, strict: bool) -> str | None:
    words = raw.strip(" ,.").split()
    while words and words[0].lower() in {"the", "a", "an", "my", "our", "their", "new"}:
        words.pop(0)
    kept: list[str] = []
    for i, word in enumerate(words):
        key = word.lower().rstrip(".,")
        joins = key in _JOINS and 0 < i < len(words) - 1 and bool(kept)
        # "Lecturer in Chemistry"; "analista de datos" (a lower-case story: no capitals to read)
        follows = joins and (words[i + 1][:1].isupper() or (key in _ROMANCE and raw == raw.lower()))
        if joins and follows and kept[-1].lower() in word_set("role_heads"):
            kept.append(word)  # "Lecturer in Chemistry", "Head of Sales"
            continue
        acronym = word.isupper() and len(word) > 1 and key in _ACRONYMS  # "IT Auditor"
        if not acronym and (
            key in _STOP or key in {"interview", "role", "position", "job", "zoom", "teams"}
        ):
            runs_on = i < len(words) - 1 and key not in {"interview", "role", "position", "job"}
            if runs_on and not (kept and kept[-1].lower() in word_set("role_heads")):
                return None  # the phrase runs on past a small word: not a job title
            break
        kept.append(word.rstrip(".,"))
    if not kept:
        return None
    first, last = kept[0].lower(), _head_word(kept)
    heads = word_set("role_heads")
    if first in word_set("not_company") - _ROLE_FIRST_WORDS:
        return None
    if all(w.lower() in word_set("employment_terms") for w in kept):
        return None  # "a contract role at Nike" says the terms, not the job
    heads = word_set("role_heads")
    if any(
        w.lower() in ("in", "of", "and", "for")
        or (w.lower() in _ROMANCE and kept[i].lower() in heads)
        for i, w in enumerate(kept[1:-1])
    ):
        return _capitalised(" ".join(kept))
    if first in word_set("title_leads") and len(kept) > 1:
        return _capitalised(" ".join(kept))  # "vp engineering", "head marketing"
    if len(kept) == 1 and kept[0].isupper() and 2 <= len(kept[0]) <= 4 and not strict:
        return kept[0]  # "the SE role"
    if last not in heads and (strict or last in word_set("not_company")):
        return None
    if last not in heads and len(kept) == 1 and kept[0][:1].isupper() and not strict:
        return None
    return _capitalised(" ".join(kept))


# Small words inside a job title after its head word: "Head of Sales", "Analista de Datos".
_ROMANCE = frozenset({"de", "du", "des", "di", "da", "del"})
_JOINS = frozenset({"in", "of", "and", "for"}) | _ROMANCE
_GRADE = re.compile(r"\d+|i{1,3}|iv|v|vi|band|level|grade|[a-z]\d?", re.IGNORECASE)


def _head_word(kept: list[str]) -> str:
    """The word that says what the job is: "planner 1" -> planner, "physio band 6" -> physio,
    "sub-editor" -> editor."""
    words = [w.lower() for w in kept]
    while (
        len(words) > 1 and _GRADE.fullmatch(words[-1]) and words[-1] not in word_set("role_heads")
    ):
        words.pop()
    last = words[-1]
    if last not in word_set("role_heads") and "-" in last:
        return last.rsplit("-", 1)[1]
    return last


def _capitalised(text: str) -> str:
    """Lower-case input gets capitals ("data analyst" -> "Data Analyst"); other text is kept."""
    if text != text.lower():
        return text
    return " ".join(
        w.upper() if w in _ACRONYMS else w if w in _JOINS else w[:1].upper() + w[1:]
        for w in text.split()
    )
