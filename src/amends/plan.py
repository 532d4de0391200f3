"""The first-hour recovery plan: what to do first, what to say, when to propose.

:func:`build_plan` is the one entry point interfaces call. :meth:`Plan.to_json`
is the stable JSON contract documented in the README (``first_action``,
``messages``, ``slots``, ``steps``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from amends.model import Situation
from amends.reasons import Reason, get_reason
from amends.timeslot import Slot

if TYPE_CHECKING:
    from amends.slots.result import Window

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

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def spoken(self) -> bool:
        return self.kind in ("phone-script", "voicemail")

    @property
    def speaking_seconds(self) -> int | None:
        """Estimated at 150 words per minute, for what is said aloud."""
        if not self.spoken:
            return None
        return round(self.words * 60 / SPEAKING_WORDS_PER_MINUTE)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "body": self.body,
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "variant": self.variant,
            "to": {"name": self.to_name, "email": self.to_email, "phone": self.to_phone},
        }


@dataclass(frozen=True)
class Step:
    """A checklist item with the clock time it is due."""

    phase: Phase
    at: datetime
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"phase": self.phase, "at": self.at.isoformat(), "text": self.text}


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
    extra: dict[str, Any] = field(default_factory=dict)

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
        data.update(self.extra)
        return data


def build_plan(
    situation: Situation,
    slots: Sequence[Slot] = (),
    *,
    windows: Sequence[Window] = (),
    slot_note: str | None = None,
) -> Plan:
    """Compute the whole first-hour plan.

    ``slots`` are the reschedule proposals (from the slot finder or the user's
    ``--slot`` options, already validated) and ``windows`` availability windows
    (window mode); with neither, the messages invite the contact to propose a
    time instead. ``slot_note`` says plainly why fewer times than asked fit.
    """
    from amends.compose import compose_messages
    from amends.steps import build_steps
    from amends.triage import first_action

    reason = get_reason(situation.happening.reason)
    action = first_action(situation)
    chosen = tuple(slots)
    offered = tuple(windows)
    messages = compose_messages(situation, reason, action, chosen, offered)
    steps = build_steps(situation, reason, action, chosen)
    return Plan(
        situation=situation,
        reason=reason,
        first_action=action,
        messages=tuple(messages),
        slots=chosen,
        steps=tuple(steps),
        slot_note=slot_note,
        windows=offered,
    )
