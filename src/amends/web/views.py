"""Typed page contexts: exactly what each template may read, computed from core results.

Templates get one object per page, never raw dicts, so a missing value is a
type error here rather than a silent blank on screen. Nothing in this module
decides anything about the user's situation; it only arranges the core's
answers for display.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from amends.dates.format import moment_text
from amends.dates.zones import zone_names
from amends.plan.reasons import catalogue
from amends.plan.request import PlanRequest
from amends.plan.result import Message, Plan
from amends.web.forms import PlanForm

MESSAGE_TITLES: dict[str, str] = {
    "phone-script": "Phone script",
    "voicemail": "Voicemail",
    "email": "Email",
    "email-with-reason": "Email (naming the reason)",
    "recruiter-email": "Email to the recruiter",
    "alternative-mode": "Offer another way to meet",
}
CHANNEL_TITLES: dict[str, str] = {
    "call": "Call now",
    "call-voicemail-email": "Call now; if nobody answers, leave a voicemail, then email",
    "email": "Send the email now",
    "recruiter": "Contact your recruiter now",
}
PHASE_TITLES: dict[str, str] = {
    "contain": "Contain (first hour)",
    "correct": "Correct",
    "consolidate": "Consolidate",
}
SCENARIO_CHOICES: tuple[tuple[str, str], ...] = (
    ("missed", "I missed it"),
    ("late", "I am running late"),
    ("conflict", "I cannot make it (known in advance)"),
    ("tech-failure", "The video call failed"),
)
MODE_CHOICES: tuple[tuple[str, str], ...] = (
    ("video", "Video call"),
    ("phone", "Phone call"),
    ("in-person", "In person"),
)
CONTACT_ROLE_CHOICES: tuple[tuple[str, str], ...] = (
    ("interviewer", "The interviewer"),
    ("recruiter", "A recruiter"),
    ("coordinator", "An HR coordinator"),
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Layout:
    """What the base layout needs on every page."""

    csrf: str
    active: str
    title: str


@dataclass(frozen=True)
class MessageView:
    """One message card: body, counts, and the ways to send it."""

    dom_id: str
    kind: str
    title: str
    subject: str | None
    body: str
    words: int
    speaking_seconds: int | None
    to_name: str | None
    mailto: str | None = None
    mailto_shortened: bool = False
    tel: str | None = None
    eml: bool = False


@dataclass(frozen=True)
class SlotView:
    theirs: str
    mine: str
    differs: bool


@dataclass(frozen=True)
class StepView:
    when: str
    text: str


@dataclass(frozen=True)
class PhaseView:
    title: str
    steps: tuple[StepView, ...]


@dataclass(frozen=True)
class PlanView:
    """The computed plan, arranged for the page."""

    action_title: str
    action_summary: str
    action_why: str
    respond_by_iso: str
    respond_by_text: str
    minutes_left: int
    messages: tuple[MessageView, ...]
    slots: tuple[SlotView, ...]
    slot_note: str | None
    phases: tuple[PhaseView, ...]
    request_json: str
    ics: bool
    company: str
    role: str


@dataclass(frozen=True)
class PlanPage:
    layout: Layout
    form: PlanForm
    plan: PlanView | None = None
    scenarios: tuple[Choice, ...] = ()
    reasons: tuple[Choice, ...] = ()
    modes: tuple[Choice, ...] = ()
    contact_roles: tuple[Choice, ...] = ()
    zones: tuple[str, ...] = ()
    notice: str | None = None


def plan_page(layout: Layout, form: PlanForm, plan: PlanView | None = None) -> PlanPage:
    """The plan page with its fixed choices filled in."""
    return PlanPage(
        layout=layout,
        form=form,
        plan=plan,
        scenarios=tuple(Choice(v, label) for v, label in SCENARIO_CHOICES),
        reasons=tuple(Choice(r.code, r.label) for r in catalogue().values()),
        modes=tuple(Choice(v, label) for v, label in MODE_CHOICES),
        contact_roles=tuple(Choice(v, label) for v, label in CONTACT_ROLE_CHOICES),
        zones=tuple(sorted(zone_names())),
    )


def message_view(index: int, message: Message, links: dict[str, Any]) -> MessageView:
    """A card for ``message``; ``links`` holds the export layer's mailto/tel/eml answers."""
    return MessageView(
        dom_id=f"msg-{index}",
        kind=message.kind,
        title=MESSAGE_TITLES.get(message.kind, message.kind),
        subject=message.subject,
        body=message.body,
        words=message.words,
        speaking_seconds=message.speaking_seconds,
        to_name=message.to_name,
        mailto=links.get("mailto"),
        mailto_shortened=bool(links.get("mailto_shortened")),
        tel=links.get("tel"),
        eml=bool(links.get("eml")),
    )


def plan_view(
    plan: Plan,
    request: PlanRequest,
    links: Sequence[dict[str, Any]],
    ics: bool,
) -> PlanView:
    """Arrange a :class:`Plan` for display; ``request`` is frozen for later downloads."""
    s = plan.situation
    my_tz = s.candidate.tz
    action = plan.first_action
    phases: dict[str, list[StepView]] = {}
    for step in plan.steps:
        phases.setdefault(step.phase, []).append(StepView(moment_text(step.at, my_tz), step.text))
    return PlanView(
        action_title=CHANNEL_TITLES.get(action.channel, action.channel),
        action_summary=action.summary,
        action_why=action.why,
        respond_by_iso=action.respond_by.isoformat(),
        respond_by_text=moment_text(action.respond_by, my_tz),
        minutes_left=action.minutes_left,
        messages=tuple(
            message_view(i, m, links[i] if i < len(links) else {})
            for i, m in enumerate(plan.messages)
        ),
        slots=tuple(
            SlotView(slot.interviewer_local, slot.candidate_local, s.zones_differ)
            for slot in plan.slots
        ),
        slot_note=plan.slot_note,
        phases=tuple(
            PhaseView(PHASE_TITLES.get(name, name), tuple(items)) for name, items in phases.items()
        ),
        request_json=request.model_dump_json(exclude_defaults=True),
        ics=ics,
        company=s.interview.company,
        role=s.interview.role,
    )


@dataclass(frozen=True)
class Segment:
    """A run of the draft: plain, or covered by the findings listed in ``refs``."""

    text: str
    refs: tuple[int, ...] = ()


@dataclass(frozen=True)
class FindingView:
    number: int
    rule: str
    category: str
    severity: str
    excerpt: str
    message: str
    suggestion: str | None


@dataclass(frozen=True)
class CheckPage:
    layout: Layout
    text: str = ""
    error: str | None = None
    checked: bool = False
    segments: tuple[Segment, ...] = ()
    findings: tuple[FindingView, ...] = ()
    summary: dict[str, Any] = field(default_factory=dict)


def segments(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Segment, ...]:
    """Cut ``text`` at every span edge so overlapping findings highlight correctly.

    ``spans[i]`` is finding ``i+1``'s ``[start, end)``; out-of-range spans are clipped.
    """
    size = len(text)
    clipped = [(max(0, min(a, size)), max(0, min(b, size))) for a, b in spans]
    cuts = sorted({0, size, *(a for a, _ in clipped), *(b for _, b in clipped)})
    parts: list[Segment] = []
    for lo, hi in itertools.pairwise(cuts):
        if lo == hi:
            continue
        refs = tuple(i + 1 for i, (a, b) in enumerate(clipped) if a <= lo and hi <= b and a < b)
        parts.append(Segment(text[lo:hi], refs))
    return tuple(parts)


@dataclass(frozen=True)
class CaseView:
    """One tracked case as the cases page shows it."""

    id: str
    title: str
    state: str
    next_due: str | None
    next_text: str | None
    outcomes: tuple[Choice, ...]
    contact: str = ""
    owner: str = ""  # hosted mode: whose case it is, shown when it is someone else's
    mine: bool = True  # False: shared with me to read (and add notes)
    coaches: tuple[str, ...] = ()  # hosted mode, my own case: who I shared it with


@dataclass(frozen=True)
class CasesPage:
    layout: Layout
    cases: tuple[CaseView, ...] = ()
    notice: str | None = None
    error: str | None = None
    error_case: str | None = None
    kinds: tuple[Choice, ...] = ()
    followups: tuple[MessageView, ...] = ()
    followup_case: str | None = None
    sharing: bool = False  # hosted mode: cases can be shared with a coach


@dataclass(frozen=True)
class ErrorPage:
    layout: Layout
    status: int
    message: str
