"""Addresses and numbers in a story, and whose they are.

Addresses and numbers are found with ``email-validator`` and ``phonenumbers``
(the region for numbers without a country code comes from the person's own
zone); the person's *own* address or number ("my email is ...") is never
taken for the contact's. :class:`People` is the record the name readers
(:mod:`.recruiters`, :mod:`.interviewers`, :mod:`.contact_role`) fill in after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from amends.intake.names import signed_by_writer
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


def read_contacts(story: Story, region: str | None) -> People:
    """The contact's address and number (the first of each not the person's own), every
    other address, and the spans of all of them."""
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
    return people


def blanked(story: Story, spans: list[tuple[int, int]]) -> Story:
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
