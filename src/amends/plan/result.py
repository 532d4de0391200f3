"""The result types of a first-hour plan: what to do first, what to say, when to propose.

:func:`amends.plan.make_plan` builds them; :meth:`Plan.to_json` is the stable JSON
contract documented in the README (``first_action``, ``messages``, ``slots``,
``steps``, ``links``, and ``files`` / ``case_id`` when an interface filled them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from amends.dates.slot import Slot
from amends.plan.reasons import Reason
from amends.plan.situation import Situation

if TYPE_CHECKING:
    from amends.export.links import PlanLinks
    from amends.slots.offer import Window

Channel = Literal["call", "call-voicemail-email", "email", "recruiter"]
MessageKind = Literal[
    "phone-script",
    "voicemail",
    "email",
    "email-with-reason",
    "recruiter-email",
    "alternative-mode",
]
Phase = Literal["contain", "correct", "consolidate"]
SPEAKING_WORDS_PER_MINUTE = 150


@dataclass(frozen=True)
class FirstAction:
    """The first thing to do, why, and the clock it runs against."""

    channel: Channel
    why: str
    respond_by: datetime
    minutes_used: int
    minutes_left: int
    summary: str

    def to_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "why": self.why,
            "respond_by": self.respond_by.isoformat(),
            "minutes_used": self.minutes_used,
            "minutes_left": self.minutes_left,
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Message:
    """One message to say or send. ``to_*`` describe the recipient when known."""

    kind: MessageKind
    body: str
    subject: str | None = None
    to_name: str | None = None
    to_email: str | None = None
    to_phone: str | None = None
    variant: str = "standard"
    note: str | None = None
    """A word to the user about this message (never part of what is sent or said)."""

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def spoken(self) -> bool:
        return self.kind in ("phone-script", "voicemail")

    @property
    def written(self) -> bool:
        """True for messages sent in writing (emails), not said aloud."""
        return not self.spoken

    @property
    def speaking_seconds(self) -> int | None:
        """Estimated at 150 words per minute, for what is said aloud."""
        return self._seconds_for(self.words)

    def _seconds_for(self, words: int) -> int | None:
        """The one speaking-time formula, from a word count already made."""
        if not self.spoken:
            return None
        return round(words * 60 / SPEAKING_WORDS_PER_MINUTE)

    def to_json(self) -> dict[str, Any]:
        words = self.words  # counted once: the speaking time is read from it
        return {
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "words": words,
            "speaking_seconds": self._seconds_for(words),
            "variant": self.variant,
            "note": self.note,
            "to": {"name": self.to_name, "email": self.to_email, "phone": self.to_phone},
        }


@dataclass(frozen=True)
class Step:
    """A checklist item with the clock time it is due.

    ``key`` names the rule that timed it (``follow_up``, ``move_on``...), so the
    calendar export can take its dates from the same list instead of recomputing them.
    """

    phase: Phase
    at: datetime
    text: str
    key: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"phase": self.phase, "at": self.at.isoformat(), "text": self.text, "key": self.key}


@dataclass(frozen=True)
class PlanWarning:
    """A problem with something the user gave that the plan still honours (they may know
    better): a ``--slot`` on the interviewer's weekend, at 03:00 on their own clock, a
    ``--busy`` calendar with events that could not be used..."""

    field: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class Plan:
    """Everything the first hour needs, computed from one :class:`Situation`."""

    situation: Situation
    reason: Reason
    first_action: FirstAction
    messages: tuple[Message, ...]
    slots: tuple[Slot, ...]
    steps: tuple[Step, ...]
    slot_note: str | None = None
    windows: tuple[Window, ...] = ()
    links: PlanLinks | None = None
    """``mailto:``/``tel:`` per message; filled by :func:`amends.plan.make_plan`."""
    files: tuple[str, ...] = ()
    """Paths of the ``.eml``/``.ics`` files an interface wrote for this plan."""
    case_id: str | None = None
    """The case this plan was saved as, when an interface saved it."""
    warnings: tuple[PlanWarning, ...] = ()
    """Problems with the user's own ``slot`` times (weekend, holiday, outside hours), and
    (field ``busy``) events of a busy calendar that were skipped because they could not
    be read, counted per reason."""

    def message(self, kind: MessageKind) -> Message | None:
        """The message of ``kind``, if this plan has one."""
        return next((m for m in self.messages if m.kind == kind), None)

    def to_json(self) -> dict[str, Any]:
        s = self.situation
        data: dict[str, Any] = {
            "first_action": self.first_action.to_json(),
            "messages": [m.to_json() for m in self.messages],
            "slots": [slot.to_json() for slot in self.slots],
            "windows": [window.to_json() for window in self.windows],
            "slot_note": self.slot_note,
            "steps": [step.to_json() for step in self.steps],
            "warnings": [warning.to_json() for warning in self.warnings],
            "situation": {
                "scenario": s.happening.scenario,
                "reason": s.happening.reason,
                "reason_outside_control": self.reason.outside_control,
                "proof_if_asked": self.reason.proof_if_asked,
                "company": s.interview.company,
                "role": s.interview.role,
                "interview_start": s.interview.start.isoformat(),
                "interviewer_tz": s.interview.tz,
                "candidate_tz": s.candidate.tz,
                "mode": s.interview.mode,
                "now": s.now.isoformat(),
            },
        }
        if self.links is not None:
            data["links"] = self.links.to_json()
        if self.files:
            data["files"] = list(self.files)
        if self.case_id is not None:
            data["case_id"] = self.case_id
        return data
