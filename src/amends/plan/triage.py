"""Triage: the first action after a missed (or about-to-be-missed) interview.

The rules come from the product brief: call first when there is a direct number
and it is still the same working day; email first when there is no number, it
is outside the contact's business hours, or availability must be written down;
go through the recruiter first when one arranged the interview; before the
start time, call (or write) before it begins. The respond-by clock runs 60
minutes from the moment the person realised.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from amends.dates.calendar import Hours, calendar_for
from amends.dates.format import moment_text, time_text
from amends.plan.reasons import get_reason
from amends.plan.result import Channel, FirstAction
from amends.plan.situation import Situation
from amends.texts import snippet

RESPOND_WITHIN = timedelta(minutes=60)
CALL_AHEAD_WINDOW = timedelta(hours=24)


def in_business_hours(
    moment: datetime, tz: str, country: str | None = None, hours: Hours | None = None
) -> bool:
    """A working day of the contact's country, inside their working hours, on their clock.

    Asks the one business calendar (:func:`amends.dates.calendar.calendar_for`), so a
    Sunday in Riyadh is a working day here exactly as it is for the slot finder.
    """
    return calendar_for(tz, country).is_working_time(moment, tz, hours)


def _open_now(s: Situation) -> bool:
    tz = s.interview.tz
    return in_business_hours(s.now, tz, s.interview.country, s.interviewer_hours)


def contact_label(s: Situation) -> str:
    """How triage names the person to reach."""
    if s.contact.name:
        return s.contact.name
    return snippet("triage", f"unnamed.{s.contact.role}")


def recruiter_label(s: Situation) -> str:
    """The recruiter to involve: the agency's, else the contact when they are one."""
    if s.contact.agency_recruiter:
        return s.contact.agency_recruiter
    if s.contact.role == "recruiter" and s.contact.name:
        return s.contact.name
    return snippet("triage", "unnamed.your_recruiter")


def respond_by(s: Situation) -> datetime:
    """Everything should be out within 60 minutes (and before the start, when still ahead)."""
    if s.happening.scenario in ("late", "conflict"):
        return min(s.interview.start, s.now + RESPOND_WITHIN)
    return s.happening.realised + RESPOND_WITHIN


def _choose(s: Situation) -> tuple[Channel, str]:
    scenario = s.happening.scenario
    phone = s.contact.has_phone
    start, now, tz = s.interview.start, s.now, s.interview.tz
    if scenario == "late":
        absent = get_reason(s.happening.reason).absent_ahead  # ill or called away: not coming
        key = "absent" if absent else "late"
        return ("call", f"{key}_call") if phone else ("email", f"{key}_email")
    if scenario == "conflict":
        soon = start - now <= CALL_AHEAD_WINDOW and _open_now(s)
        return ("call", "conflict_call") if phone and soon else ("email", "conflict_email")
    if scenario == "tech-failure":  # the interviewer is waiting right now
        return ("call", "tech_call") if phone else ("email", "tech_email")
    if s.contact.role == "recruiter":  # the one to write to is the recruiter themself
        return "recruiter", "recruiter_is_contact"
    if s.contact.agency_recruiter:
        return "recruiter", "recruiter"
    same_day = now.astimezone(ZoneInfo(tz)).date() == start.astimezone(ZoneInfo(tz)).date()
    if not phone:
        return "email", "missed_email_no_phone"
    if not same_day:
        return "email", "missed_email_later"
    if not _open_now(s):
        return "email", "missed_email_after_hours"
    return "call-voicemail-email", "missed_call"


def first_action(s: Situation) -> FirstAction:
    """The first action, the reason for it, and the respond-by clock."""
    channel, why_key = _choose(s)
    deadline = respond_by(s)
    used = max(0, int((s.now - s.happening.realised).total_seconds() // 60))
    left = int((deadline - s.now).total_seconds() // 60)
    context = {
        "contact": contact_label(s),
        "phone": s.contact.phone,
        "start": time_text(s.interview.start, s.interview.tz)
        if s.happening.scenario == "late"
        else moment_text(s.interview.start, s.interview.tz),
        "respond_by": time_text(deadline, s.candidate.tz),
        "recruiter": recruiter_label(s),
        "recruiter_is_contact": s.contact.role == "recruiter",
    }
    return FirstAction(
        channel=channel,
        why=snippet("triage", f"why.{why_key}", **context),
        respond_by=deadline,
        minutes_used=used,
        minutes_left=max(0, left),
        summary=snippet("triage", f"summary.{channel}", **context),
    )
