"""The next-step engine: what is due across open cases, and when.

Pure: it reads cases and an injected ``now`` and returns :class:`Due` items;
wording comes from ``data/next_steps.toml``. Silence is counted in business
days on the interviewer's calendar (:mod:`amends.dates.calendar`: their country's
weekend and public holidays), because that is when they read mail; the plan's
checklist and the calendar export count the same way.

Every item after the first hour starts inside the user's waking hours (their
``my_hours``, stored with the case): the morning-of confirmation is the start of
the user's own waking day, not 08:00 on the interviewer's clock; messages to the
interviewer (the follow-up, confirmations, the thank-you...) start where the user's
waking hours meet the interviewer's working hours when that still comes before the
item's deadline, else at the user's next waking time. The first-hour items and those tied to the
interview itself (tech check, joining early) keep their times.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from amends.cases.case import Case
from amends.cases.status import DEFAULT_BUSINESS_DAYS, Status, step_status
from amends.dates.calendar import next_waking, previous_waking
from amends.dates.meeting import shared_moment
from amends.dates.zones import wall_time
from amends.plan.triage import contact_label
from amends.texts import snippet, snippets

FIRST_HOUR = timedelta(hours=1)
THANK_YOU_WITHIN = timedelta(hours=24)
STAY_IN_TOUCH_AFTER = timedelta(days=90)
STEP_KEYS: tuple[str, ...] = tuple(snippets("next_steps"))
KEEP_TIME = frozenset(
    {"first-contact", "send-email", "involve-recruiter", "tech-check", "join-early"}
)
"""First-hour items run from the moment of realising; the tech check and joining early
belong to the interview's own time."""
TO_INTERVIEWER = frozenset(
    {
        "follow-up",
        "confirm-written",
        "confirm-24h",
        "thank-you",
        "deliver",
        "decline-reply",
        "stay-in-touch",
    }
)
"""Messages to the interviewer: timed where my waking hours meet their working hours
(when that still comes before the item's deadline)."""
CONFIRM_LENGTH = timedelta(minutes=15)


@dataclass(frozen=True)
class Due:
    """One thing to do for one case: from ``at``, ideally before ``by``."""

    case_id: str
    step: str
    at: datetime
    by: datetime | None
    status: Status
    title: str
    text: str
    write: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "step": self.step,
            "status": self.status,
            "at": self.at.isoformat(),
            "by": self.by.isoformat() if self.by else None,
            "title": self.title,
            "text": self.text,
            "write": self.write,
        }


class _Builder:
    """Collects the due steps of one case, skipping those marked done."""

    def __init__(self, case: Case, now: datetime, cli: bool) -> None:
        self.case, self.now = case, now
        self.items: list[Due] = []
        s = case.situation
        meeting = case.meeting
        named = contact_label(s)
        recruiter = s.contact.agency_recruiter or named
        self.context = {
            "id": case.id,
            "contact": named,
            "interviewer": s.contact.interviewer or named,
            "recruiter": recruiter,
            "company": s.interview.company,
            "role": s.interview.role,
            "mode": meeting.mode if meeting else s.interview.mode,
            "place": "address" if meeting and meeting.mode == "in-person" else "link",
            "channel": (case.record.plan or {}).get("first_action", {}).get("channel", "email"),
            "cli": cli,
        }

    def add(
        self,
        step: str,
        at: datetime,
        by: datetime | None = None,
        write: str | None = None,
        **extra: Any,
    ) -> None:
        if step in self.case.done_steps:
            return
        at = self.waking(step, at, by)
        ctx = {**self.context, **extra}
        self.items.append(
            Due(
                case_id=self.case.id,
                step=step,
                at=at,
                by=by,
                status=step_status(self.now, at, by),
                title=snippet("next_steps", f"{step}.title", **ctx),
                text=snippet("next_steps", f"{step}.text", **ctx),
                write=write,
            )
        )

    def waking(self, step: str, at: datetime, by: datetime | None) -> datetime:
        """``at`` moved into the user's waking hours (see the module docstring)."""
        if step in KEEP_TIME:
            return at
        s = self.case.situation
        mine = (s.candidate.tz, s.candidate_hours)
        if step in TO_INTERVIEWER:
            theirs = (s.interview.tz, s.interviewer_hours, s.interviewer_calendar)
            met = shared_moment(at, mine, theirs)
            if met is not None and (by is None or met <= by):
                return met
        later = next_waking(at, *mine)
        if by is None or later <= by:
            return later
        return previous_waking(at, *mine, CONFIRM_LENGTH)


def _contact_steps(b: _Builder, days: int) -> None:
    case, s = b.case, b.case.situation
    state, tz = case.state, s.interview.tz
    calendar = s.interviewer_calendar
    if state == "planned":
        plan = case.record.plan or {}
        by_text = plan.get("first_action", {}).get("respond_by")
        by = datetime.fromisoformat(by_text) if by_text else s.now + FIRST_HOUR
        b.add("first-contact", s.now, by)
    if state == "contacted" and not case.written_sent:
        first = case.of_kind("contacted")[0].at
        b.add("send-email", first, first + FIRST_HOUR, write="apology-email")
    recruiter_known = s.contact.agency_recruiter and s.contact.role != "recruiter"
    waiting = ("contacted", "awaiting-reply", "no-reply", "followed-up")
    if recruiter_known and state in waiting and "recruiter" not in case.channels:
        start = case.of_kind("contacted")[0].at
        b.add("involve-recruiter", start, start + FIRST_HOUR, write="recruiter")
    if state in ("awaiting-reply", "no-reply"):
        written = [e for e in case.of_kind("contacted") if e.data["via"] in ("email", "recruiter")]
        since = written[-1].at if written else case.last_at
        b.add(
            "follow-up", calendar.add_business_days(since, days, tz), write="follow-up", days=days
        )
    if state == "followed-up":
        followed = case.last("followed-up")
        assert followed is not None
        b.add("move-on", calendar.add_business_days(followed.at, days, tz))


def _meeting_steps(b: _Builder) -> None:
    case, now = b.case, b.now
    meeting = case.meeting
    if meeting is None or case.state not in ("rescheduled", "interviewed"):
        return
    start, end, agreed = meeting.slot.start, meeting.slot.end, meeting.agreed_at
    if case.state == "rescheduled" and now < start:
        b.add("confirm-written", agreed, min(agreed + timedelta(hours=24), start), "confirmation")
        b.add("prepare", agreed, start - timedelta(hours=2))
        mine = case.situation.candidate.tz
        day = start.astimezone(ZoneInfo(mine)).date()
        woken = next_waking(wall_time(day, time(0, 0), mine), mine, case.situation.candidate_hours)
        # Before an interview earlier than my waking day, the day-before confirmation covers it.
        morning = woken if woken <= start - FIRST_HOUR else None
        if start - timedelta(hours=24) > agreed:
            b.add(
                "confirm-24h",
                start - timedelta(hours=24),
                max(morning or start, start - timedelta(hours=12)),
            )
        if morning is not None and morning > agreed:
            b.add("confirm-morning", morning, start - timedelta(minutes=30))
        if meeting.mode == "video":
            b.add("tech-check", start - FIRST_HOUR, start - timedelta(minutes=30))
        b.add(
            "join-early",
            start - timedelta(minutes=15),
            start - timedelta(minutes=10),
            "joined-early",
        )
        return
    if case.state == "rescheduled":
        b.add("record-outcome", end)
        b.add("thank-you", end, end + THANK_YOU_WITHIN, "thank-you")
        return
    interviewed = case.last("interviewed")
    assert interviewed is not None
    after = min(end, interviewed.at)
    b.add("thank-you", after, after + THANK_YOU_WITHIN, "thank-you")


def _closing_steps(b: _Builder) -> None:
    case = b.case
    if case.state == "declined":
        declined = case.last("reply-no")
        assert declined is not None
        b.add("decline-reply", declined.at, declined.at + timedelta(hours=24), "decline-reply")
        b.add("stay-in-touch", declined.at + STAY_IN_TOUCH_AFTER, write="stay-in-touch")
    if case.state in ("thanked", "declined") and not case.lessons:
        b.add("log-lessons", case.last_at)
    for promise in case.open_promises:
        b.add("deliver", promise.at, promise.at + timedelta(hours=24), item=promise.data["text"])


def case_steps(
    case: Case, now: datetime, business_days: int = DEFAULT_BUSINESS_DAYS, *, cli: bool = True
) -> list[Due]:
    """Every step due (or coming) for one case, earliest first; none once it is closed.

    ``cli=False`` words each step for the web app, which offers buttons instead of
    naming commands.
    """
    if not case.is_open:
        return []
    b = _Builder(case, now, cli)
    _contact_steps(b, business_days)
    _meeting_steps(b)
    _closing_steps(b)
    return sorted(b.items, key=lambda d: d.at)


def next_steps(
    cases: Iterable[Case], now: datetime, business_days: int = DEFAULT_BUSINESS_DAYS
) -> list[Due]:
    """What is due across all open cases, earliest first (overdue items come first)."""
    items = [due for case in cases for due in case_steps(case, now, business_days)]
    return sorted(items, key=lambda d: (d.at, d.case_id, d.step))
