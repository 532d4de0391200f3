"""The recruiter and their agency: "Tom (Hays)" for an agency's, the name alone for the
employer's own talent partner.

Names are read only from a phrase that says who they are ("Tom from Hays", "recruiter:
Dana Lee", "the agency is Sunstate Recruitment, my consultant is Tayla"); a hedged name
("Dave something from Hays I think") is left out.
"""

from __future__ import annotations

import re

from amends.intake.contacts import People
from amends.intake.firms import (
    FIRM_PERSON,
    IN_HOUSE_PATTERNS,
    RECRUITER_FROM,
    SEARCH_FIRM,
    hedged,
    lower_words,
    not_firm,
)
from amends.intake.lexicon import agencies, given_names
from amends.intake.names import (
    INTRO,
    NAME,
    WHO,
    address_words,
    clean_name,
    other_person,
    overlapping,
)
from amends.intake.phrases import PLACES_PEOPLE, read_recruiter
from amends.intake.text import Story


def read_recruiters(story: Story, people: People) -> None:
    """Fill the recruiter and agency of ``people`` from the story (its addresses blanked)."""
    _recruiter(story, people)
    _recruiter_phrase(story, people)
    _firm_for_person(people)


# The last word of a firm that places people, never of a person's name ("Hartwell Recruiting").
_FIRM_END = re.compile(
    r"(?i:recruit\w*|staffing|talent|search|personnel|resourcing|headhunters|placements|careers"
    r"|agency|workforce)"
)


def _firm_for_person(people: People) -> None:
    """ "Recruiter: Hartwell Recruiting": a firm read where a recruiter's name stands is the
    agency, and no recruiter is named."""
    who = re.sub(r"\s*\(.*\)$", "", people.recruiter or "")
    if not who or not _FIRM_END.fullmatch(who.split()[-1]):
        return
    people.agency = people.agency or who
    people.recruiter = None


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


def agency_address(people: People) -> str | None:
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
