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
from datetime import datetime
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from amends.dates.format import moment_text
from amends.dates.zones import zone_names
from amends.plan.reasons import catalogue
from amends.plan.result import Message, Plan
from amends.web.forms import PlanForm
from amends.web.labels import (
    CONTACT_ROLE_CHOICES,
    MESSAGE_TITLES,
    MODE_CHOICES,
    SCENARIO_CHOICES,
)

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
# Message kinds shown together as one tab, switched between (short / with the reason).
TAB_OF: dict[str, str] = {"email-with-reason": "email"}
VARIANT_TITLES: dict[str, str] = {"email": "Short", "email-with-reason": "With the reason"}
SAY_LINES = 2  # the opening of the phone script: who you are, and the apology


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
    note: str | None = None
    variant_title: str | None = None
    index: int = 0
    phone_text: str | None = None


@dataclass(frozen=True)
class MessageTab:
    """One tab of the messages: a kind, with its variants to switch between."""

    dom_id: str
    title: str
    variants: tuple[MessageView, ...]


@dataclass(frozen=True)
class PrimaryAction:
    """The button that does the first action: a ``tel:`` call or the pre-filled email."""

    label: str
    href: str
    detail: str
    kind: str  # "tel" or "mailto"


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
    ics: bool
    company: str
    role: str
    tabs: tuple[MessageTab, ...] = ()
    primary: PrimaryAction | None = None
    say: tuple[str, ...] = ()
    say_label: str = ""
    draft_id: str = ""
    slot_warnings: tuple[str, ...] = ()
    """Problems with the user's own times (``plan.warnings``), shown beside the slot field."""
    warnings: tuple[str, ...] = ()
    """Every ``plan.warnings`` message (times typed, busy events skipped), with the times."""


@dataclass(frozen=True)
class PlanPage:
    layout: Layout
    form: PlanForm
    plan: PlanView | None = None
    scenarios: tuple[Choice, ...] = ()
    reasons: tuple[Choice, ...] = ()
    modes: tuple[Choice, ...] = ()
    contact_roles: tuple[Choice, ...] = ()
    zone_options: str = ""  # pre-rendered, escaped <option> list (see zone_options())
    notice: str | None = None
    duplicates: tuple[Choice, ...] = ()
    saved_case: str | None = None


@cache
def zone_options() -> Markup:
    """The ``<option>`` list of every IANA zone, escaped and joined once per process.

    It is most of the plan page (597 zones) and never changes while the app runs,
    so rendering it on every request was the page's main cost.
    """
    return Markup("").join(
        Markup('<option value="{}"></option>').format(escape(z)) for z in sorted(zone_names())
    )


def plan_page(
    layout: Layout, form: PlanForm, plan: PlanView | None = None, **extra: Any
) -> PlanPage:
    """The plan page with its fixed choices filled in."""
    return PlanPage(
        layout=layout,
        form=form,
        plan=plan,
        **extra,
        scenarios=tuple(Choice(v, label) for v, label in SCENARIO_CHOICES),
        reasons=tuple(Choice(r.code, r.label) for r in catalogue().values()),
        modes=tuple(Choice(v, label) for v, label in MODE_CHOICES),
        contact_roles=tuple(Choice(v, label) for v, label in CONTACT_ROLE_CHOICES),
        zone_options=zone_options(),
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
        note=message.note,
        variant_title=VARIANT_TITLES.get(message.kind),
        index=index,
        phone_text=message.to_phone,
    )


def message_tabs(messages: Sequence[MessageView]) -> tuple[MessageTab, ...]:
    """Group the messages into tabs in the plan's order (both emails share one tab)."""
    groups: dict[str, list[MessageView]] = {}
    for m in messages:
        groups.setdefault(TAB_OF.get(m.kind, m.kind), []).append(m)
    return tuple(
        MessageTab(f"tab-{key}", MESSAGE_TITLES.get(key, key), tuple(items))
        for key, items in groups.items()
    )


def primary_action(channel: str, messages: Sequence[MessageView]) -> PrimaryAction | None:
    """The first action as one button: call the number, or open the email ready to send."""
    by_kind = {m.kind: m for m in messages}
    script = by_kind.get("phone-script")
    if channel.startswith("call") and script and script.tel:
        number = script.phone_text or script.tel.removeprefix("tel:")
        return PrimaryAction(f"Call {script.to_name or 'them'}", script.tel, number, "tel")
    kinds = ("recruiter-email",) if channel == "recruiter" else ("email-with-reason", "email")
    for kind in (*kinds, "email", "recruiter-email"):
        m = by_kind.get(kind)
        if m and m.mailto:
            who = f" to {m.to_name}" if m.to_name else ""
            return PrimaryAction(
                "Open the email in your mail app", m.mailto, f"Ready{who}", "mailto"
            )
    return None


def what_to_say(plan: Plan) -> tuple[str, tuple[str, ...]]:
    """The one thing to say first: the phone script's opening, or the email's subject."""
    if plan.first_action.channel.startswith("call"):
        for m in plan.messages:
            if m.kind == "phone-script":
                lines = [line for line in m.body.splitlines() if line.strip()]
                return "Say", tuple(lines[:SAY_LINES])
    for m in plan.messages:
        if m.written and m.subject:
            return "Subject", (m.subject,)
    return "", ()


def plan_view(
    plan: Plan,
    links: Sequence[dict[str, Any]],
    ics: bool,
    draft_id: str = "",
    viewed_at: datetime | None = None,
) -> PlanView:
    """Arrange a :class:`Plan` for display; ``draft_id`` addresses its downloads.

    ``viewed_at`` is the real time the page is shown: a plan reopened later counts
    its minutes left from then, not from when it was made.
    """
    s = plan.situation
    my_tz = s.candidate.tz
    action = plan.first_action
    messages = tuple(
        message_view(i, m, links[i] if i < len(links) else {}) for i, m in enumerate(plan.messages)
    )
    say_label, say = what_to_say(plan)
    phases: dict[str, list[StepView]] = {}
    for step in plan.steps:
        phases.setdefault(step.phase, []).append(StepView(moment_text(step.at, my_tz), step.text))
    return PlanView(
        action_title=CHANNEL_TITLES.get(action.channel, action.channel),
        action_summary=action.summary,
        action_why=action.why,
        respond_by_iso=action.respond_by.isoformat(),
        respond_by_text=moment_text(action.respond_by, my_tz),
        minutes_left=action.minutes_left
        if viewed_at is None
        else max(0, int((action.respond_by - viewed_at).total_seconds() // 60)),
        messages=messages,
        slots=tuple(
            SlotView(slot.interviewer_local, slot.candidate_local, s.zones_differ)
            for slot in plan.slots
        ),
        slot_note=plan.slot_note,
        phases=tuple(
            PhaseView(PHASE_TITLES.get(name, name), tuple(items)) for name, items in phases.items()
        ),
        ics=ics,
        company=s.interview.company,
        role=s.interview.role,
        tabs=message_tabs(messages),
        primary=primary_action(action.channel, messages),
        say=say,
        say_label=say_label,
        draft_id=draft_id,
        slot_warnings=tuple(w.message for w in plan.warnings if w.field == "slot"),
        warnings=tuple(w.message for w in plan.warnings),
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
class ErrorPage:
    layout: Layout
    status: int
    message: str


@dataclass(frozen=True)
class SignInPage:
    """Hosted mode's sign-in form: what was typed (never the password) and what went wrong."""

    layout: Layout
    email: str
    next: str
    error: str | None
