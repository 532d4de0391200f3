"""Every after-the-reply message, rendered from ``templates/followup``.

:func:`write` decides whether a message fits the case's state and gathers the
facts it quotes (times in both zones, the place, open promises); the wording
is entirely in the templates. ``apology-email`` returns the first-hour email
saved with the plan, for a case where only a voicemail went out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from babel.dates import format_date

from amends.cases.case import Case
from amends.dates.format import (
    LOCALE,
    at_zone,
    dual_moment_text,
    long_date,
    my_time_suffix,
    short_date,
    time_text,
)
from amends.dates.slot import Slot
from amends.errors import InputError, StateError
from amends.fields import one_line
from amends.plan.reasons import get_reason
from amends.texts import render_text


def month_year(moment: datetime) -> str:
    """``November 2026`` (Babel, same locale as every other date)."""
    return str(format_date(moment.date(), "MMMM y", locale=LOCALE))


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


def _base(case: Case) -> dict[str, Any]:
    s = case.situation
    return {
        "candidate": s.candidate,
        "interview": s.interview,
        "contact": s.contact,
        "to_name": s.contact.name or None,
        "interviewer": s.contact.interviewer or s.contact.name,
        "interviewer_or_company": s.contact.interviewer or s.interview.company,
        "recruiter": s.contact.agency_recruiter,
    }


def _open_slots(case: Case, now: datetime) -> list[str]:
    """The plan's proposed times that are still ahead, as messages write them."""
    s = case.situation
    texts = []
    for raw in (case.record.plan or {}).get("slots", []):
        start = datetime.fromisoformat(raw["start"])
        if start > now:
            slot = Slot(start, datetime.fromisoformat(raw["end"]), s.interview.tz, s.candidate.tz)
            texts.append(slot.message_text)
    return texts


def _need(condition: bool, case: Case, kind: str, needs: str) -> None:
    if not condition:
        raise StateError(f"case {case.id} is {case.state}: '{kind}' is for {needs}")


def _meeting_context(case: Case, kind: str) -> dict[str, Any]:
    meeting = case.meeting
    _need(meeting is not None, case, kind, "a case with an accepted new time (reply yes)")
    assert meeting is not None
    s = case.situation
    start = meeting.slot.start
    return {
        "meeting": meeting,
        "when": meeting.slot.message_text,
        "when_short": short_date(at_zone(start, s.interview.tz)),
        "their_time": time_text(start, s.interview.tz),
        "both_times": time_text(start, s.interview.tz)
        + my_time_suffix(start, s.interview.tz, s.candidate.tz),
    }


def _kind_context(case: Case, kind: str, now: datetime, topic: str | None) -> dict[str, Any]:
    s, state = case.situation, case.state
    if kind in ("confirmation", "joined-early"):
        return _meeting_context(case, kind)
    if kind == "thank-you":
        ctx = _meeting_context(case, kind)
        if not topic:
            raise InputError("topic", 'name one topic you discussed, e.g. --topic "the Q3 roadmap"')
        start = ctx["meeting"].slot.start
        same_day = at_zone(start, s.candidate.tz).date() == at_zone(now, s.candidate.tz).date()
        met = "today" if same_day else "on " + long_date(at_zone(start, s.interview.tz))
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
            "written_on": long_date(at_zone(first, s.interview.tz)),
            "slots": _open_slots(case, now),
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
            + dual_moment_text(s.interview.start, s.interview.tz, s.candidate.tz),
            "framing": (reason.framing_ahead if ahead else reason.framing)
            if reason.mention
            else "",
            "contacted_on": long_date(at_zone(contacted[0].at, s.interview.tz))
            if contacted
            else None,
            "silent": state in ("awaiting-reply", "no-reply", "followed-up"),
            "slots": _open_slots(case, now),
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
        raise StateError(f"case {case.id} has no saved plan email; see `amends plan --help`")
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
    ctx = {**_base(case), **_kind_context(case, name, now, clean_topic)}
    stem = "followup/" + name.replace("-", "_")
    to_name = ctx["recruiter"] if name == "recruiter" else ctx["to_name"]
    to_email = None if name == "recruiter" else case.situation.contact.email
    return FollowUpMessage(
        kind=name,
        case_id=case.id,
        subject=render_text(f"{stem}_subject.txt.j2", **ctx),
        body=render_text(f"{stem}.txt.j2", **ctx),
        to_name=to_name,
        to_email=to_email,
    )
