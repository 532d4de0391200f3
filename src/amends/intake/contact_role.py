"""Whose the contact's address or number is: ``contact_role``.

Only when the story ties the address, number or call to a person: the role named
nearest before the address or number, the one who booked it, the one kind of person
the story has, or the one who reached out. A reception or switchboard number has none.
"""

from __future__ import annotations

import re

from amends.intake.contacts import People
from amends.intake.lexicon import cue_pattern
from amends.intake.text import Story


def contact_role(story: Story, people: People) -> str | None:
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
