"""Who is in the story and how to reach them: emails, phone numbers, names, roles.

Addresses and numbers are found with ``email-validator`` and ``phonenumbers``
(the region for numbers without a country code comes from the person's own
zone); the person's *own* address or number ("my email is ...") is never
taken for the contact's. Names are read only from a phrase that says who they
are ("interviewer: Dana Lee", "Tom from Hays", "with Sam Ortiz at Acme"); an
agency recruiter is written "Tom (Hays)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from amends.intake.firms import (
    FIRM_PERSON,
    IN_HOUSE_PATTERNS,
    RECRUITER_FROM,
    SEARCH_FIRM,
    hedged,
    lower_words,
    not_firm,
)
from amends.intake.lexicon import agencies, cue_pattern, given_names, word_set
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
    name_up_to_stop,
    not_interviewer,
    other_person,
    overlapping,
    passes_on,
    signed_by_writer,
    titled_panel,
)
from amends.intake.phrases import PLACES_PEOPLE, read_interviewer, read_recruiter
from amends.intake.text import Story

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_OWNER = re.compile(
    r"\b(?P<mine>my (?:own )?(?:email|e-mail|mail|address|number|phone|mobile|cell|details"
    r"|contact details|contact info)"
    r"|mine|(?<!who )(?<!to )(?:reach|call|text|contact|email|ring) me|me at|i am on|im on)\b"
    r"|\b(?P<other>her|his|their|its|recruiters?|interviewers?|coordinators?|hr|they|[a-z]+'s"
    r"|clinic|office|reception|company|surgery|practice|switchboard|desk|main)\b",
    re.IGNORECASE,
)


@dataclass
class People:
    """Contact details and names found, with the spans to hide from the time reader."""

    contact_email: str | None = None
    contact_phone: str | None = None
    interviewer: str | None = None
    recruiter: str | None = None
    agency: str | None = None
    agency_named: bool = False  # the story calls the firm an agency or search firm
    contact_role: str | None = None
    recruiter_email: str | None = None
    emails: list[str] = field(default_factory=list)  # every address but the person's own
    spans: list[tuple[int, int]] = field(default_factory=list)
    contact_at: int = -1


def read_people(story: Story, region: str | None) -> People:
    """Find emails, phones, names and the contact's role in a story."""
    people = People()
    text = story.text
    for m in _EMAIL.finditer(text):
        people.spans.append(m.span())
        address = _valid_email(m.group(0).rstrip("."))
        if address and not _is_mine(text, m.start()):
            people.emails.append(m.group(0).rstrip("."))
            if people.contact_email is None:
                people.contact_email = m.group(0).rstrip(".")
                people.contact_at = m.start()
    for start, end, number in _phones(text, region, people.spans):
        people.spans.append((start, end))
        theirs = _CALLED_FROM.search(text[max(0, start - 40) : start]) is not None
        if (theirs or not _is_mine(text, start)) and people.contact_phone is None:
            people.contact_phone = number
            if people.contact_at < 0:
                people.contact_at = start
    named = _blanked(story, people.spans)  # "jordan lee jordanlee@..." is two words of a name
    _recruiter(named, people)
    _recruiter_phrase(named, people)
    found = (
        titled_panel(named.text)
        or _interviewer(named, people)
        or read_interviewer(named, address_words(people.contact_email))
        or _named_contact(named, people)
        or _address_owner(named, people)
    )
    people.interviewer = None if found and not_interviewer(named, found) else found
    people.contact_role = _contact_role(named, people)
    people.recruiter_email = _agency_address(people)
    return people


def _recruiter_phrase(story: Story, people: People) -> None:
    """A recruiter named in a phrase of their own (:mod:`.phrases`), or the firm of one found."""
    found = read_recruiter(story, address_words(people.contact_email))
    if found is None:
        return
    if people.recruiter is None:
        people.agency = people.agency or found.firm
        people.recruiter = f"{found.name} ({people.agency})" if people.agency else found.name
    elif found.firm and "(" not in people.recruiter and found.name == people.recruiter:
        people.agency = found.firm
        people.recruiter = f"{found.name} ({found.firm})"


def _agency_address(people: People) -> str | None:
    """The agency recruiter's address: one at the agency's domain, or the contact's when the
    story ties it to the recruiter ("Recruiter Kasia from Antal, k.nowak@antal.example")."""
    if not people.agency:
        return None
    agency = re.sub(r"[^a-z0-9]", "", people.agency.lower())
    for address in people.emails:
        domain = re.sub(r"[^a-z0-9]", "", address.split("@")[1].lower())
        if agency and agency[:6] in domain:
            return address
    if people.contact_role == "recruiter" and people.recruiter and people.contact_email:
        return people.contact_email
    return None


def _blanked(story: Story, spans: list[tuple[int, int]]) -> Story:
    """The story with its addresses and numbers blanked, so no name runs into them."""
    chars = list(story.text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return Story(original=story.original, text="".join(chars))


def _valid_email(candidate: str) -> str | None:
    try:
        return validate_email(candidate, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _phones(
    text: str, region: str | None, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text, region or "US", leniency=phonenumbers.Leniency.POSSIBLE
    )
    for match in matcher:
        raw = match.raw_string.strip()
        start = match.start
        if raw.startswith("(") and raw.count("(") > raw.count(")"):
            raw, start = raw[1:].strip(), start + 1  # "(+971 4 555 0123)": the bracket is text
        lead = re.search(r"(?<![\d+])(0\d{2,4}) $", text[max(0, start - 7) : start])
        if lead and len(re.sub(r"\D", "", lead.group(1) + raw)) <= 12:
            # "01274 555 0134" read as "555 0134": the area code before it belongs to it
            raw, start = f"{lead.group(1)} {raw}", start - len(lead.group(0))
        inside = any(s <= start < e for s, e in taken)
        if (
            not inside
            and re.fullmatch(r"\+?[0-9 ().\-/]+", raw)
            and len(re.sub(r"\D", "", raw)) >= 7
            and not re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", raw)
        ):
            found.append((start, match.end, raw))
    return found


# "Mr Asante call me last week from 024 ...": the number someone rang from is theirs.
_CALLED_FROM = re.compile(
    r"\b(?:call|calls|called|rang|rung|phoned|texted|ringing|calling)\b[^.]{0,30}\bfrom\s*$"
)


def _is_mine(text: str, start: int) -> bool:
    """ "my email is ..." (the person's own), unless someone else is named after "my"; the
    details signed under a sign-off are the writer's own too."""
    window = text[max(0, start - 30) : start]
    owners = list(_OWNER.finditer(window))
    if owners:
        return owners[-1].group("mine") is not None
    return signed_by_writer(text, start)


def _agency_name(story: Story, start: int, end: int) -> str:
    written = story.text[start:end]
    return written if written != written.lower() else written.title()


_AGENCY_WORDS = re.compile(
    r"\b(?:from|at|with) (?P<org>(?:[A-Z][\w&]*\s){0,3}(?:Recruitment|Recruiting|Staffing|Talent"
    r"|Personnel|Resourcing|Search|Headhunters|Agency|Careers|Hire|Jobs|Workforce)"
    r"(?: (?:Group|Partners|Solutions|International|Consulting|Consultants|Ltd)"
    # "Midwest Talent Bridge": one more capitalised word of the name (not a day or month)
    r"| (?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\b)(?-i:[A-Z][a-z]+)(?![\w&]| [A-Z]))?\b)"
)


# "Recruiter Ana Ruiz, Lumen Talent, ana@...": a firm set off by commas that places people.
_APPOSED_FIRM = re.compile(
    rf"\b(?i:recruiter|recruitment consultant|consultant|headhunter)(?: is| was|:)? {NAME}, "
    r"(?P<org>[A-Z][\w&]*(?: [A-Z&][\w&]*){0,3})(?=[,.;]|$| \()"
)


def _apposed_firm(text: str) -> re.Match[str] | None:
    return next(
        (m for m in _APPOSED_FIRM.finditer(text) if PLACES_PEOPLE.search(m.group("org"))), None
    )


def _first_name(story: Story, m: re.Match[str]) -> bool:
    """A known agency's name that is a person's given name here ("Kelly Nguyen from ...")."""
    after = story.text[m.end() : m.end() + 30]
    return m.group(0) in given_names() and re.match(r" [A-Z][a-z]", after) is not None


def _firm_person(story: Story, people: People) -> bool:
    """The recruiter and their firm from a phrase that says the firm arranged the interview."""
    for pattern in FIRM_PERSON:
        for m in overlapping(pattern, story.text, re.IGNORECASE):
            name = clean_name(m.group("name"), story, address_words(people.contact_email))
            firm = m.group("org").strip()
            if lower_words(story, firm):
                continue  # "a flight to Lagos tomorrow at midday for ...": no firm's name
            if name and other_person(story, name):
                continue  # "my friend Sam from Google referred me": a referral, no recruiter
            if name and firm and not not_firm(firm) and not hedged(story.text, m.end()):
                people.agency = people.agency or _agency_name(story, m.start("org"), m.end("org"))
                people.recruiter = f"{name} ({people.agency})"
                return True
    return False


def _in_house(story: Story, people: People) -> bool:
    """The employer's own talent partner, named: the recruiter, with no firm."""
    for pattern in IN_HOUSE_PATTERNS:
        for m in overlapping(pattern, story.text):
            name = clean_name(m.group("name"), story, address_words(people.contact_email))
            if name:
                people.recruiter = name
                return True
    return False


def _recruiter(story: Story, people: People) -> None:
    if _in_house(story, people):
        return
    text = story.text
    found = next((m for m in agencies().finditer(story.low) if not _first_name(story, m)), None)
    named = _AGENCY_WORDS.search(text) or _apposed_firm(text)
    from_org = RECRUITER_FROM.search(text)
    firm = SEARCH_FIRM.search(text)
    if firm:
        people.agency, people.agency_named = firm.group("org").strip(), True
    elif found:
        people.agency = _agency_name(story, found.start(), found.end())
    elif named:
        people.agency = named.group("org").strip()
    elif from_org:
        people.agency = from_org.group("org")
    patterns = [
        rf"\b(?:recruiter|recruitment consultant|agent|consultant|headhunter){INTRO} {NAME}",
        rf"\b{NAME}(?:,| \(| is| was) ?(?:the |my |our |a |an |who is the |whos the |who is my )?"
        r"(?:agency )?(?:recruiter|recruitment consultant|headhunter)\b",
        rf"\b{NAME} (?:from|at|@|with|of) (?:{agencies().pattern})",
        rf"\brecruiter (?:is |was )?(?:from|at|with) [\w&' ]{{1,30}}, {NAME}",
        rf"\brecruiter (?:from|at|with) [\w&']+(?: [\w&']+){{0,2}}(?: who [a-z ]{{1,20}}?)?"
        rf" (?:is|was) {NAME}",
        rf"\brecruiter(?:'s|s)? (?:cell|number|mobile|phone|email|details),? {NAME}",
        rf"\brecruiter\b[^.]{{0,80}}?\b(?:her|his|their) name is {NAME}",
    ]
    if people.agency:
        firm_re = re.escape(people.agency)
        patterns += [
            rf"\b{WHO} (?:from|at|@|with|of) (?:the )?{firm_re}",
            rf"\b{WHO},? \({firm_re}\)",  # "Jo Kent (Hays) emailed me"
            rf"\brecruiter,? \({firm_re}\),? (?:is|was) {NAME}",
            rf"\b{WHO} (?:from|at) (?:the|my) (?:recruitment |staffing )?agency\b",
            rf"\b(?:my |the )?(?:contact|consultant|recruiter|person) (?:there|at the agency)"
            rf" (?:is|was) {NAME}",
        ]
    if _firm_person(story, people):
        return
    for pattern in patterns:
        for m in overlapping(pattern, text, re.IGNORECASE):
            name = clean_name(m.group("name"), story, address_words(people.contact_email))
            if hedged(text, m.end()):
                continue
            if name and name.lower() not in agencies().pattern:
                paren = re.match(r"\s*\(([A-Z][\w&' ]{1,40})\)", text[m.end("name") :])
                agency = people.agency or (paren.group(1).strip() if paren else None)
                people.recruiter = f"{name} ({agency})" if agency else name
                return


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
    if not words:
        return False
    if words[0].rstrip(".") in TITLE_WORDS:
        return True
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


def _contact_role(story: Story, people: People) -> str | None:
    """The contact's role, when the story ties the contact to one.

    The words right before the address or number say whose it is ("the recruiter is
    Camille Petit camille@..."); otherwise a coordinator named anywhere, then the one
    kind of person the story has, then the one who reached out.
    """
    # "the marine coordinator job", "underwriting assistant role": a job title, nobody's role.
    low = _JOB_TITLE_WORD.sub("job", story.low)
    near = low[max(0, people.contact_at - 70) : people.contact_at]
    if people.contact_at >= 0 and not people.recruiter and _BOOKED_IT.search(near):
        return "coordinator"  # "kari the office manager who booked me in: +47 ..."
    tied = _tied_role(low, people) if people.contact_at >= 0 else None
    if tied:
        return None if tied == _NONE else tied
    if cue_pattern("contact_roles", "coordinator").search(low):
        return "coordinator"
    if people.contact_at >= 0:
        # Only one kind of person in the story: the address or number is theirs.
        if people.recruiter and not people.interviewer:
            return "recruiter"
        if people.interviewer and not people.recruiter and "recruiter" not in low:
            return "interviewer"
    if _reached_out(low, "recruiters?", people.recruiter) or re.search(
        r"\b(?:screen|call|chat|interview) (?:with|w) (?:the|a|my|an|their) (?:\w+ )?recruiter\b"
        r"|\brecruiter\b[^.]{0,40}\b(?:call|ring|phone) me\b"
        r"|\b(?:call|calls|voicemail|email|message) from (?:the |my )?recruiter\b"
        r"|\b(?:contact|email|call|ring|text|message) (?:the|my) recruiter\b",
        low,
    ):
        return "recruiter"
    if _reached_out(low, "interviewer|hiring manager", people.interviewer):
        return "interviewer"
    return None


# The person who booked the interview, named before their number, is its coordinator.
_BOOKED_IT = re.compile(
    r"\b(?:who|that|whos) (?:set (?:it|this|the interview|the call|me) up|booked (?:me in|it|the"
    r" interview|the call)|sent (?:the|me the|out the) invite|organi[sz]ed (?:it|the interview)"
    r"|arranged (?:it|the interview)|scheduled (?:it|the interview))\b"
)
_COORDINATOR_WORDS = r"coordinator|co-ordinator|hr|pa|assistant|secretary|scheduler"
_JOB_TITLE_WORD = re.compile(
    r"\b(?:coordinator|co-ordinator|assistant|secretary|scheduler|recruiter|manager)s?"
    r"(?= (?:job|role|position|post|vacancy|opening|interview)\b)"
)


# A number with no person behind it: the company's, the clinic's, the front desk's.
_NO_PERSON = re.compile(
    r"\b(?:reception|receptionist|switchboard|front desk|main line|main number|office number"
    r"|clinic number|company number|office line|landline|general enquiries"
    r"|(?:clinic|office|company|store|shop|practice|surgery|branch|salon|reception|main|hotel)"
    r" (?:no|num|nr|tel|phone|line|landline))\b"
)


def _tied_role(low: str, people: People) -> str | None:
    """The role named nearest before the contact's address or number (the last word wins:
    "care assistant job. manager is mrs begum 0116..." is the manager's number)."""
    before = low[max(0, people.contact_at - 70) : people.contact_at]
    address = (people.contact_email or "").lower()
    if not address and _NO_PERSON.search(before[-30:]):
        return _NONE
    # The role word nearest the contact, over a name and a comma or two ("the coordinator,
    # Ms Aya Tsuchida, can be reached on ...").
    near = before[-45:]
    named = re.search(
        r"\b(?:the|their|our|his|her|my) [a-z-]+, (?:[a-z.]+ ){1,3}[a-z-]+, [a-z ]{0,25}$", before
    )
    if named and named.start() < len(before) - 45:
        near = before[named.start() :]
    found: list[tuple[int, str]] = []
    for kind, words in (
        ("recruiter", r"recruiters?"),
        ("coordinator", rf"(?:{_COORDINATOR_WORDS})s?"),
        ("interviewer", r"interviewers?|hiring manager|interviewing me|line manager|store manager"
         r"|office manager|(?:is|was) the manager|manager (?:is|was)"),
    ):  # fmt: skip
        hits = [m.end() for m in re.finditer(rf"\b(?:{words})\b", near)]
        if hits:
            found.append((hits[-1], kind))
    if found:
        return max(found)[1]
    if _ties(before, address, "recruiter", people.recruiter, people.agency):
        return "recruiter"
    if _ties(before, address, "interviewer", people.interviewer, None):
        return "interviewer"
    return None


_NONE = "none"  # a contact tied to no person: no role, and no guess from elsewhere


_REACHED = (
    r"emailed|called|rang|texted|messaged|phoned|reached out|asked|texting|emailing|calling"
    r"|ringing|messaging|asking|wrote|left me|left a|sent me|sent an?"
    # due to call: "jo will call", "she was going to ring me"
    r"|will (?:call|ring|phone)|(?:was|is|were) (?:going|due|supposed|meant) to (?:call|ring|phone)"
    r"|(?:was|is) gonna (?:call|ring)"
)


def _reached_out(low: str, words: str, name: str | None) -> bool:
    """ "the recruiter emailed asking where I was": the one who reached out is the contact."""
    first = re.escape((name or "").split(" ")[0].lower())
    who = f"{words}|{first}" if first else words
    # "the interviewer is called paul" names them; it is no call.
    return (
        re.search(rf"\b(?:{who})\b[^.]{{0,40}}(?<!is )(?<!was )\b(?:{_REACHED})\b", low) is not None
    )


def _ties(before: str, address: str, word: str, name: str | None, agency: str | None) -> bool:
    first = (name or "").split(" ")[0].lower()
    if re.search(rf"\b{word}s?\b", before[-45:]):
        return True
    if first and (re.search(rf"\b{re.escape(first)}\b", before) or first in address):
        return True
    return bool(agency and agency.lower().replace(" ", "") in address.replace(".", ""))
