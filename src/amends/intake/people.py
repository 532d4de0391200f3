"""Who is in the story and how to reach them: emails, phone numbers, names, roles.

The readers run in order, each on its own module: the addresses and numbers first
(:mod:`.contacts`), which are then blanked so no name runs into them; the recruiter and
agency (:mod:`.recruiters`); the interviewer (:mod:`.interviewers`), who is never the
recruiter; then whose the contact is (:mod:`.contact_role`). An agency recruiter is
written "Tom (Hays)".
"""

from __future__ import annotations

from amends.intake.contact_role import contact_role
from amends.intake.contacts import People, blanked, read_contacts
from amends.intake.interviewers import find_interviewer
from amends.intake.recruiters import agency_address, read_recruiters
from amends.intake.text import Story

__all__ = ["People", "read_people"]


def read_people(story: Story, region: str | None) -> People:
    """Find emails, phones, names and the contact's role in a story."""
    people = read_contacts(story, region)
    named = blanked(story, people.spans)  # "jordan lee jordanlee@..." is two words of a name
    read_recruiters(named, people)
    people.interviewer = find_interviewer(named, people)
    people.contact_role = contact_role(named, people)
    people.recruiter_email = agency_address(people)
    return people
