"""The interviewer: the person the interview is with, read from a phrase that says so.

"interviewer: Dana Lee", "with Sam Ortiz at Acme", "dr patel was gonna call me", a hiring or
office manager the interview is with; titles are dropped and particles kept
(:mod:`.names`). Someone who only passes the interview on, a coordinator, a recruiter or
someone of the user's own life is never the interviewer.
"""

from __future__ import annotations

import re

from amends.intake.contacts import People
from amends.intake.lexicon import given_names, word_set
from amends.intake.names import (
    INTRO,
    LEADS,
    NAME,
    PARTICLE_RE,
    TITLE_RE,
    TITLE_WORDS,
    TITLES,
    WHO,
    WORD,
    address_words,
    clean_name,
    firm_named_like_person,
    name_up_to_stop,
    not_interviewer,
    overlapping,
    passes_on,
    titled_panel,
)
from amends.intake.phrases import read_interviewer
from amends.intake.text import Story


def find_interviewer(story: Story, people: People) -> str | None:
    """The interviewer of a story (its addresses blanked), its recruiter already read."""
    found = (
        titled_panel(story.text)
        or _interviewer(story, people)
        or read_interviewer(story, address_words(people.contact_email))
        or _named_contact(story, people)
        or _address_owner(story, people)
    )
    return None if found and not_interviewer(story, found) else found


def _interviewer(story: Story, people: People) -> str | None:
    text = story.text
    explicit = [
        rf"\b(?:interviewer|hiring manager|line manager|panel lead|store manager|the manager)"
        rf"{INTRO} {NAME}",
        rf"\b{NAME} (?:is|was|will be) (?:interviewing me|my interviewer|the interviewer)",
        rf"\binterviewing me (?:is|was|will be) (?:the [a-z ]{{2,20}}, )?{NAME}",
        rf"\b(?:guy|man|woman|lady|person|someone|chap) (?:called|named) {NAME}",
        rf"\b(?:manager|interviewer|director|lead) (?:at|from) [A-Z][\w&]*(?: [A-Z][\w&]*)*,"
        rf" {NAME}",
        rf"\b{NAME}(?:,| \(| (?=the |my |our )) ?(?:the |my |our |who is the |whos the )?"
        r"(?:interviewer|hiring manager)\b(?! (?:is|was|will|would|going|name|called)\b| ?:)",
        rf"\b(?:interviewer|hiring manager) (?:is|was) (?:(?:going|meant|supposed|due) )?to be"
        rf" {NAME}",
        # "Dan Ruiz, Head of Sales, was interviewing"
        rf"\b{NAME}, [\w&' ]{{2,40}}, (?:is|was|will be) (?:interviewing|my interviewer"
        r"|the interviewer|the hiring manager)\b",
        # "I was meant to meet Gemma Starling", "supposed to speak to Dr Ade"
        rf"\b(?:meant|supposed|due|going|scheduled|set|booked) to (?:meet|see|speak (?:to|with)"
        rf"|talk (?:to|with)|be interviewed by) {NAME}",
        rf"\b(?:interviewed|interviewing) by {NAME}",
        # "dr patel was gonna call me": the person due to ring for the interview
        rf"(?<!from )(?<!at )(?<!of )(?<!with )\b{NAME} (?:was|is|were) (?:gonna|going to"
        r"|supposed to|meant to|due to|to) (?:call|ring|phone|interview) me\b",
        rf"\b{NAME} (?:is |was |will be )?interviewing\b(?! (?:me )?(?:at|for|with)\b)",
        rf"\b(?:interviewer|hiring manager|hiring mgr)\b[^.]{{0,80}}?\b(?:her|his|their) name is"
        rf" {NAME}",
        # "with their head of finance, Gemma Starling", "with the cfo jo starling"
        rf"\b(?:with|w|meet|meeting) (?:their|the|our|his|her) (?:[a-z]+ ){{0,2}}?(?:head of [a-z]+"
        rf"|(?:{LEADS})|ceo|cfo|cto|coo|founder|co-founder|director|partner|owner|principal"
        rf"|head|lead|chair|editor|manager|supervisor|superintendent|matron)"
        rf"(?:(?: of [\w&'-]+(?: [\w&'-]+){{0,2}})?, | ){NAME}",
        # A hiring or office manager the interview is with is the interviewer.
        rf"\b{NAME} (?:is|was|will be) (?:the|my) (?:hiring |office |store |line |practice )?"
        r"manager\b",
        rf"\b(?:hiring |office |store |line )?manager (?:is|was|will be) {NAME}",
        rf"\b(?:panel|interview|call)\b[^.]{{0,20}}\b(?:chaired|led|conducted) by {NAME}",
        # "the partner's name was Stavros", "the manager im meant to be meeting is called tomasz"
        rf"\b(?:{LEADS}|partner|manager|interviewer|designer|director|owner|person|lady|guy"
        rf"|woman|man|founder|boss)(?:'s|s)? name (?:is|was) {NAME}",
        rf"\b(?:{LEADS}|partner|manager|designer|director|owner|person|lady|guy|woman|man"
        rf"|founder|boss|one) (?:that |who )?(?:im|i am|i was|i'm|i will be|ill be)"
        rf" (?:meant to be |supposed to be |going to be |due to be )?(?:meeting|seeing|speaking"
        rf" (?:to|with)|talking to)(?: with)? (?:is|was) (?:called |named )?{NAME}",
        rf"\b(?:meeting|seeing) (?P<name>{TITLE_RE}{WORD}(?: {WORD}){{0,2}})",
    ]
    firm = (people.agency or "").lower()
    for pattern in explicit:
        for m in overlapping(pattern, text, re.IGNORECASE):
            name = clean_name(m.group("name"), story, address_words(people.contact_email))
            if name and not (firm and name.lower() in firm) and not passes_on(text, m, name):
                return name
    for m in overlapping(rf"\bmanager {NAME}", text, re.IGNORECASE):
        name = clean_name(m.group("name"), story)  # "manager Tina rang": only a known given name
        if name and name.split()[0].lower() in given_names() and not passes_on(text, m, name):
            return name
    recruiter_first = (people.recruiter or "").split(" ")[0]
    titled = re.search(
        rf"\b(?:(?i:{TITLES})\.? ){{1,2}}(?P<name>[A-Z][^\W\d_\-]*(?:-[^\W\d_]+)*"
        rf"(?:(?: (?:{PARTICLE_RE})){{0,2}} [A-Z][^\W\d_\-]*(?:-[^\W\d_]+)*){{0,2}})\b(?!')",
        text,
    )
    around = text[max(0, titled.start() - 30) : titled.end() + 30].lower() if titled else ""
    sender = titled and passes_on(text, titled, name_up_to_stop(titled.group("name")), False)
    not_them = re.search(rf"\b(?:{_NOT_THEM})\b", around) or sender
    pronoun = titled is not None and titled.group("name").split()[0].lower() in word_set("not_name")
    if (
        titled
        and not not_them
        and not pronoun
        and not (people.recruiter or "").startswith(titled.group("name"))
    ):
        return name_up_to_stop(titled.group("name"))
    for m in overlapping(rf"\b(?:with|w) {WHO}", text, re.IGNORECASE):
        name = clean_name(m.group("name"), story)
        if not name or name.split()[0] == recruiter_first:
            continue
        if re.match(r"\s*\((?:hr|recruiter|coordinator|recruitment)\b", text[m.end() :], re.I):
            continue  # "with Jana (HR, ...)": the coordinator, not the interviewer
        if is_person(m.group("name"), text[m.end() :], story):
            return name
    return None


# Words by a titled name that say it is someone else's ("Mr Grant from reception").
_NOT_THEM = r"coordinator|hr|assistant|secretary|pa|recruit(?:er|ment)|reception(?:ist)?|scheduler"
# Words that say the contact is someone other than the interviewer.
_OTHER_PEOPLE = re.compile(
    r"\b(?:recruiter|recruiters|recruitment|agency|agent|hr|coordinator|co-ordinator|assistant"
    r"|secretary|pa|reception|receptionist|talent|scheduler|consultant|headhunter|through)\b"
)


def _named_contact(story: Story, people: People) -> str | None:
    """ "Fairleigh Media, content writer, Zoe. zoe@fairleigh.example": in a story naming
    nobody else, a known given name written right before the contact's address or number
    is the person the interview is with."""
    if people.contact_at < 0 or people.recruiter or _OTHER_PEOPLE.search(story.low):
        return None
    before = story.text[max(0, people.contact_at - 40) : people.contact_at]
    m = re.search(rf"(?:^|[.,;:!?]\s*|\s)(?P<name>{WORD}(?: {WORD})?)[\s,:;.-]*$", before)
    if m is None:
        return None
    name = clean_name(m.group("name"), story, address_words(people.contact_email))
    if not name or name.split()[0].lower() not in given_names():
        return None
    return name


def _address_owner(story: Story, people: People) -> str | None:
    """ "Mirthe de Graaf, Polderlicht Energie, grid planner. mirthe.degraaf@...": in a story
    naming nobody else, a name of two or more words whose first and last words are both in
    the contact's address is the person the interview is with."""
    if not people.contact_email or people.recruiter or _OTHER_PEOPLE.search(story.low):
        return None
    local = re.sub(r"[^a-z]", "", people.contact_email.split("@")[0].lower())
    pattern = rf"(?<!\w){WORD}(?: (?:{PARTICLE_RE}))*(?: {WORD}){{1,2}}(?!\w)"
    for m in overlapping(pattern, story.text, re.IGNORECASE):
        found = m.group(0).split()
        for size in range(len(found), 1, -1):  # "luz herrera from": also "luz herrera"
            with_them = re.search(r"\b(?:with|w)\s+$", story.text[: m.start()], re.IGNORECASE)
            if size < len(found) and not (found[size].lower() == "from" and with_them):
                continue  # "(interview) with luz herrera from ...", and only that
            words = [w.lower() for w in found[:size]]
            first, last = words[0], words[-1].replace("-", "").replace("'", "")
            if len(first) > 1 and len(last) > 2 and local.startswith(first) and last in local:
                name = clean_name(" ".join(found[:size]), story, frozenset(words))
                if name and len(name.split()) == size:
                    return name
    return None


# A role in apposition after a name: ", a recruiter", ", the hiring manager".
_APPOSED_ROLE = (
    r"(?:an?|the|our|my)\s+(?:[a-z]+\s+)?(?:recruiter|interviewer|hiring manager"
    r"|coordinator|recruitment consultant|talent partner|head of|director)\b"
)


def is_person(phrase: str, after: str, story: Story, known: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase after "with" is a person: a title, a given name, or "X from Y"
    (``known``: words of a name already read, such as the interviewer's)."""
    words = phrase.lower().split()
    if not words or firm_named_like_person(phrase + after):
        return False  # "w/ John Lewis": the employer
    first = phrase.split()[0].rstrip(".")
    if words[0].rstrip(".") in TITLE_WORDS and not (first.isupper() and len(first) > 2):
        return True  # a title; "with ING" (in capitals) is the bank
    name = clean_name(phrase, story, known) or ""
    if re.match(r"\s*\((?:hr|recruiter|interviewer|hiring manager|coordinator)\b", after, re.I):
        return True  # "with Jana (HR, Orbis Pharma)"
    apposed = phrase.rstrip().endswith(",") or after.lstrip().startswith(",")
    if apposed and re.match(_APPOSED_ROLE, after.lstrip(" ,"), re.IGNORECASE):
        return True  # "with Mark, a recruiter at Robert Walters"
    if re.match(r"\s*(?:from|@)\s", after, re.IGNORECASE) or (
        re.match(
            r"\s*at\s+(?![\d])(?!noon|midday|the\b|their\b|its\b|our\b|his\b|her\b|home\b|work\b"
            r"|unit\b|suite\b|building\b|block\b|floor\b|level\b)",
            after,
            re.IGNORECASE,
        )
        and not re.match(r"\s*at\s+\d", after)
    ):
        return bool(name) and name.lower().split()[0] not in word_set("role_heads")
    return bool(name) and name.lower().split()[0] in given_names()
