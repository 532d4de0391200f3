"""Who is in the story and how to reach them: emails, phone numbers, names, roles.

Addresses and numbers are found with ``email-validator`` and ``phonenumbers``
(the region for numbers without a country code comes from the person's own
zone); the person's *own* address or number ("my email is ...") is never
taken for the contact's. Names are read only from a phrase that says who they
are ("interview with Dana Lee", "Tom from Hays", "the recruiter, Priya").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amends.intake.lexicon import agencies, cue_pattern, word_set
from amends.intake.text import Story

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_MINE = re.compile(
    r"\b(?:my|mine|me|i am|im|reach me|contact me|my own)\b[^.@\d]{0,25}$", re.IGNORECASE
)
_NAME = (
    r"(?P<name>(?:(?:dr|mr|mrs|ms|prof)\.? )?[A-Za-z][A-Za-z'\-]+(?: [A-Za-z][A-Za-z'\-]+){0,2})"
)
_TITLES = {"dr": "Dr", "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "prof": "Prof"}


@dataclass
class People:
    """Contact details and names found, with the spans to hide from the time reader."""

    contact_email: str | None = None
    contact_phone: str | None = None
    interviewer: str | None = None
    recruiter: str | None = None
    contact_role: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def read_people(story: Story, region: str | None) -> People:
    """Find emails, phones, names and the contact's role in a story."""
    people = People()
    text = story.text
    for m in _EMAIL.finditer(text):
        people.spans.append(m.span())
        address = _valid_email(m.group(0).rstrip("."))
        if address and not _is_mine(text, m.start()) and people.contact_email is None:
            people.contact_email = address
    for start, end, number in _phones(text, region):
        people.spans.append((start, end))
        if not _is_mine(text, start) and people.contact_phone is None:
            people.contact_phone = number
    _names(story, people)
    people.contact_role = _contact_role(story.low, people)
    return people


def _valid_email(candidate: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(candidate, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _phones(text: str, region: str | None) -> list[tuple[int, int, str]]:
    import phonenumbers

    found: list[tuple[int, int, str]] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        text, region or "US", leniency=phonenumbers.Leniency.VALID
    )
    for match in matcher:
        raw = match.raw_string.strip()
        if re.fullmatch(r"\+?[0-9 ().\-/]+", raw):
            found.append((match.start, match.end, raw))
    return found


def _is_mine(text: str, start: int) -> bool:
    return _MINE.search(text[max(0, start - 40) : start]) is not None


def _clean_name(raw: str) -> str | None:
    """Cut a captured phrase at the first word that cannot be part of a name."""
    words: list[str] = []
    for word in raw.split():
        key = word.lower().rstrip(".")
        if key in _TITLES and not words:
            words.append(_TITLES[key])
            continue
        if key in word_set("not_name") or key in word_set("not_company") or not word.isalpha():
            break
        words.append(word if not word.islower() else word.capitalize())
    if not words or (len(words) == 1 and words[0] in _TITLES.values()):
        return None
    return " ".join(words)


_INTERVIEWER = [
    rf"\binterview(?:ing)? (?:is |was )?(?:with|w) {_NAME}",
    rf"\b(?:interviewer|hiring manager|line manager|panel lead)(?: is| was|,| called| named|:|s name is| \()? {_NAME}",  # noqa: E501
    rf"\b{_NAME},? (?:\()?(?:the|my|our|who is the|whos the) (?:interviewer|hiring manager)",
    rf"\b(?:call|meeting|chat|screen|zoom|teams call) with {_NAME}",
    rf"\b(?:meet|meeting|speak to|speaking to|talk to|talking to) {_NAME} (?:from|at)",
]
_RECRUITER_NAMED = [
    rf"\b(?:recruiter|agent|consultant|headhunter)(?: is| was|,| called| named|:|s name is| \()? {_NAME}",  # noqa: E501
    rf"\b{_NAME},? (?:\()?(?:the|my|our|a|an|who is the|whos the|who is my) (?:agency )?(?:recruiter|recruitment consultant|headhunter)",  # noqa: E501
]


def _names(story: Story, people: People) -> None:
    text = story.text
    for pattern in _RECRUITER_NAMED:
        m = re.search(pattern, text, re.IGNORECASE)
        if m and (name := _clean_name(m.group("name"))):
            people.recruiter = name
            break
    agency_from = re.compile(
        rf"\b{_NAME} (?:from|at|@|with) (?P<agency>{agencies().pattern})", re.I
    )
    m = agency_from.search(text)
    if people.recruiter is None and m and (name := _clean_name(m.group("name"))):
        people.recruiter = name
    for pattern in _INTERVIEWER:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            name = _clean_name(m.group("name"))
            if name and name != people.recruiter and not _is_company_word(name, story):
                people.interviewer = name
                return


def _is_company_word(name: str, story: Story) -> bool:
    """ "interview with Acme" names a company, not a person: told apart by what follows."""
    low = story.low
    key = name.lower()
    if agencies().fullmatch(key):
        return True
    return (
        re.search(rf"\b{re.escape(key)}(?:s)? (?:interview|office|team|hr|recruit)", low)
        is not None
    )


def _contact_role(low: str, people: People) -> str | None:
    """The contact's role, when the story ties the contact to one."""
    if cue_pattern("contact_roles", "coordinator").search(low):
        return "coordinator"
    if people.contact_email or people.contact_phone:
        near = re.search(
            r"\b(?:recruiter|recruiters|agency|agent|headhunter)\b[^.]{0,40}(?:@|\+?\d{3})", low
        )
        if near:
            return "recruiter"
        if re.search(r"\binterviewers?\b[^.]{0,40}(?:@|\+?\d{3})", low):
            return "interviewer"
    return None
