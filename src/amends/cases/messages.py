"""Every after-the-reply message, rendered from ``templates/followup``.

:func:`write` decides whether a message fits the case's state and gathers the
facts it quotes (times in both zones, the place, open promises); the wording
is entirely in the templates. ``apology-email`` returns the first-hour email
saved with the plan, for a case where only a voicemail went out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from amends.cases.case import Case
from amends.dates.format import (
    LOCALE,
    English,
    at_zone,
    date_text,
    dual_moment_text,
    long_date,
    my_time_suffix,
    short_date,
    time_text,
)
from amends.errors import InputError, StateError
from amends.fields import one_line
from amends.plan.english import english_for, localise, render
from amends.plan.names import parse_name
from amends.plan.reasons import get_reason
from amends.plan.situation import Situation
from amends.plan.wording import slot_text
from amends.slots import find_slots
from amends.slots.query import SlotRequest

FRESH_SLOTS = 3
"""How many times a follow-up offers when the plan's own have passed or are too close."""
MIN_NOTICE = timedelta(hours=18)
"""A time offered again must be at least this far ahead (never "in two hours")."""


def month_year(moment: datetime) -> str:
    """``November 2026`` (Babel, same locale as every other date)."""
    return date_text(moment.date(), "MMMM y", LOCALE)


KINDS: tuple[str, ...] = (
    "apology-email",
    "confirmation",
    "joined-early",
    "thank-you",
    "decline-reply",
    "follow-up",
    "recruiter",
    "stay-in-touch",
)
MAX_TOPIC = 120


@dataclass(frozen=True)
class FollowUpMessage:
    """A message ready to send; ``to_json`` has the shape of a plan message."""

    kind: str
    case_id: str
    subject: str | None
    body: str
    to_name: str | None
    to_email: str | None

    @property
    def words(self) -> int:
        return len(self.body.split())

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "words": self.words,
            "to": {"name": self.to_name, "email": self.to_email},
        }


def _base(case: Case, english: English) -> dict[str, Any]:
    s = case.situation
    greeting = s.candidate.greeting
    contact = parse_name(s.contact.name)
    interviewer = parse_name(s.contact.interviewer) or contact
    recruiter = parse_name(s.contact.agency_recruiter)
    return {
        "english": english,
        "candidate": s.candidate_as_read(),
        "interview": s.interview,
        "contact": s.contact,
        "to_name": contact.address(english, greeting) if contact else None,
        "contact_name": contact.full(english) if contact else None,
        "interviewer": interviewer.full(english) if interviewer else s.interview.company,
        "interviewer_or_company": interviewer.full(english) if interviewer else s.interview.company,
        "recruiter": recruiter.address(english, greeting) if recruiter else None,
    }


def fresh_slots(case: Case, now: datetime) -> list[datetime]:
    """Times to offer now: the plan's that are still a day or so ahead, else new ones.

    A follow-up written days later must not offer times already past, or only
    hours away; when fewer than two of the plan's remain, the slot finder is
    asked again from ``now`` (the interviewer's working days and hours).
    """
    s = case.situation
    kept = [
        start
        for raw in (case.record.plan or {}).get("slots", [])
        if (start := datetime.fromisoformat(raw["start"])) >= now + MIN_NOTICE
    ]
    if len(kept) >= 2:
        return kept
    request = SlotRequest(
        now=now,
        interviewer_tz=s.interview.tz,
        candidate_tz=s.candidate.tz,
        country=s.interview.country,
        hours=s.interview.hours,
        count=FRESH_SLOTS,
    )
    found = [slot.start for slot in find_slots(request).slots if slot.start >= now + MIN_NOTICE]
    return sorted({*kept, *found})[:FRESH_SLOTS]


def _open_slots(case: Case, now: datetime, english: English) -> list[str]:
    """The times to offer, as messages write them (their clock, mine beside it)."""
    at_now: Situation = replace(case.situation, now=now)
    return [slot_text(start, at_now, english) for start in fresh_slots(case, now)]


def _need(condition: bool, case: Case, kind: str, needs: str) -> None:
    if not condition:
        raise StateError(f"case {case.id} is {case.state}: '{kind}' is for {needs}")


def _meeting_context(case: Case, kind: str, english: English) -> dict[str, Any]:
    meeting = case.meeting
    _need(meeting is not None, case, kind, "a case with an accepted new time (reply yes)")
    assert meeting is not None
    s = case.situation
    start = meeting.slot.start
    return {
        "meeting": meeting,
        "when": dual_moment_text(start, s.interview.tz, s.candidate.tz, english),
        "when_short": short_date(at_zone(start, s.interview.tz), english),
        "their_time": time_text(start, s.interview.tz, english),
        "both_times": time_text(start, s.interview.tz, english)
        + my_time_suffix(start, s.interview.tz, s.candidate.tz, english),
    }


def _kind_context(
    case: Case, kind: str, now: datetime, topic: str | None, english: English
) -> dict[str, Any]:
    s, state = case.situation, case.state
    if kind in ("confirmation", "joined-early"):
        return _meeting_context(case, kind, english)
    if kind == "thank-you":
        ctx = _meeting_context(case, kind, english)
        if not topic:
            raise InputError("topic", 'name one topic you discussed, e.g. "the Q3 roadmap"')
        start = ctx["meeting"].slot.start
        same_day = at_zone(start, s.candidate.tz).date() == at_zone(now, s.candidate.tz).date()
        met = "today" if same_day else "on " + long_date(at_zone(start, s.interview.tz), english)
        promises = [str(p.data["text"]) for p in case.open_promises]
        return {**ctx, "topic": topic, "met_when": met, "promises": promises}
    if kind == "decline-reply":
        _need(bool(case.of_kind("reply-no")), case, kind, "a case where they said no")
        return {}
    if kind == "follow-up":
        _need(state in ("awaiting-reply", "no-reply"), case, kind, "a case awaiting a reply")
        written = [e for e in case.of_kind("contacted") if e.data["via"] in ("email", "recruiter")]
        first = written[0].at if written else case.record.created_at
        return {
            "written_on": long_date(at_zone(first, s.interview.tz), english),
            "slots": _open_slots(case, now, english),
        }
    if kind == "recruiter":
        has_recruiter = bool(s.contact.agency_recruiter) and s.contact.role != "recruiter"
        _need(has_recruiter and case.is_open, case, kind, "an open case with an agency recruiter")
        reason = get_reason(s.happening.reason)
        ahead = s.happening.scenario in ("late", "conflict")
        contacted = [e for e in case.of_kind("contacted") if e.data["via"] != "recruiter"]
        return {
            "ahead": ahead,
            "missed_when": "on "
            + dual_moment_text(s.interview.start, s.interview.tz, s.candidate.tz, english),
            "framing": localise(reason.framing_ahead if ahead else reason.framing, english)
            if reason.mention
            else "",
            "contacted_on": long_date(at_zone(contacted[0].at, s.interview.tz), english)
            if contacted
            else None,
            "silent": state in ("awaiting-reply", "no-reply", "followed-up"),
            "slots": _open_slots(case, now, english),
        }
    if kind == "stay-in-touch":
        _need(
            state in ("declined", "closed", "no-reply", "followed-up"),
            case,
            kind,
            "a case that ended without an interview (declined, no reply or closed)",
        )
        month = month_year(at_zone(case.record.created_at, s.interview.tz))
        return {"month": month}
    raise InputError("kind", f"{kind!r} is not a message; use one of: {', '.join(KINDS)}")


def _saved_email(case: Case) -> FollowUpMessage:
    message = case.plan_message("email-with-reason", "email")
    if message is None:
        raise StateError(f"case {case.id} has no email saved with its plan")
    to = message.get("to") or {}
    return FollowUpMessage(
        "apology-email",
        case.id,
        message.get("subject"),
        str(message["body"]),
        to.get("name"),
        to.get("email"),
    )


def write(case: Case, kind: str, now: datetime, topic: str | None = None) -> FollowUpMessage:
    """The message ``kind`` for ``case``; ``StateError`` when it does not fit the case now."""
    name = kind.strip().lower()
    if name not in KINDS:
        raise InputError("kind", f"{kind[:30]!r} is not a message; use one of: {', '.join(KINDS)}")
    if name == "apology-email":
        return _saved_email(case)
    clean_topic = one_line(topic, "topic", max_length=MAX_TOPIC) if topic is not None else None
    english = english_for(case.situation)
    ctx = {**_base(case, english), **_kind_context(case, name, now, clean_topic, english)}
    stem = "followup/" + name.replace("-", "_")
    contact = case.situation.contact
    to_name = contact.agency_recruiter if name == "recruiter" else contact.name or None
    to_email = None if name == "recruiter" else contact.email
    return FollowUpMessage(
        kind=name,
        case_id=case.id,
        subject=render(f"{stem}_subject.txt.j2", english, **ctx),
        body=render(f"{stem}.txt.j2", english, **ctx),
        to_name=to_name,
        to_email=to_email,
    )
