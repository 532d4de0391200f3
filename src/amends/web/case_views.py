"""The cases page, arranged from the core's cases: what is due next, and only what fits now.

Each card leads with the next step and when it is due on the user's own clock;
the buttons are the events the state machine allows in the case's state and the
messages the writer accepts now, so nothing on the page can fail for being
out of turn. Order: the most urgent first, and the newest within equal urgency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amends.cases.case import Case
from amends.cases.engine import Due
from amends.cases.machine import allowed
from amends.dates.format import dual_moment_text, moment_text
from amends.store.records import EventRecord
from amends.texts import snippets
from amends.web.labels import (
    ANNOTATION_WORDS,
    EVENT_WORDS,
    MESSAGE_TITLES,
    MODE_CHOICES,
    STATE_WORDS,
    STATUS_WORDS,
    VIA_WORDS,
)
from amends.web.services import CaseCard
from amends.web.views import Choice, Layout, MessageView

STEP_TITLES: dict[str, dict[str, str]] = snippets("next_steps")


@dataclass(frozen=True)
class DueView:
    step: str
    title: str
    text: str
    status: str
    status_words: str
    when: str


@dataclass(frozen=True)
class MeetingView:
    when: str
    mode: str
    link: str | None
    address: str | None


@dataclass(frozen=True)
class EntryView:
    """One line of the case's history: its number, when, what, and whether it was withdrawn."""

    number: int
    when: str
    words: str
    corrected_by: int | None


@dataclass(frozen=True)
class CaseView:
    """One tracked case as its card shows it."""

    id: str
    title: str
    state_words: str
    contact: str
    is_open: bool
    due: tuple[DueView, ...]
    events: tuple[Choice, ...]
    vias: tuple[Choice, ...]
    kinds: tuple[Choice, ...]
    meeting: MeetingView | None
    mode: str
    saved: tuple[MessageView, ...]
    history: tuple[EntryView, ...] = ()
    withdrawable: tuple[Choice, ...] = ()  # entries a correction may withdraw (mine only)
    moved: bool = False
    owner: str = ""  # hosted mode: whose case it is, shown when it is someone else's
    mine: bool = True  # False: shared with me to read (and add notes)
    coaches: tuple[str, ...] = ()  # hosted mode, my own case: who I shared it with
    error: str | None = None
    notice: str | None = None
    written: MessageView | None = None

    @property
    def next(self) -> DueView | None:
        return self.due[0] if self.due else None

    def allows(self, event: str) -> bool:
        return any(e.value == event for e in self.events)


@dataclass(frozen=True)
class CasesPage:
    layout: Layout
    cases: tuple[CaseView, ...] = ()
    notice: str | None = None
    show_closed: bool = False
    closed_count: int = 0
    sharing: bool = False  # hosted mode: cases can be shared with a coach
    extra: dict[str, Any] = field(default_factory=dict)
    pages: Pages | None = None


@dataclass(frozen=True)
class Pages:
    """Where a page of the case list is: its number, how many there are, the query to keep."""

    number: int
    count: int
    keep: str = ""  # e.g. "&closed=1"

    @property
    def previous(self) -> str | None:
        return f"/cases?page={self.number - 1}{self.keep}" if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return f"/cases?page={self.number + 1}{self.keep}" if self.number < self.count else None


def _due_view(due: Due, my_tz: str) -> DueView:
    moment = due.by if due.by is not None and due.status != "upcoming" else due.at
    prefix = "by" if moment is due.by else "from"
    return DueView(
        step=due.step,
        title=due.title,
        text=due.text,
        status=due.status,
        status_words=STATUS_WORDS.get(due.status, ""),
        when=f"{prefix} {moment_text(moment, my_tz)}",
    )


def _saved_messages(case: Case) -> tuple[MessageView, ...]:
    """Every message saved with the case's plan, ready to copy again."""
    views = []
    for i, m in enumerate((case.record.plan or {}).get("messages", [])):
        kind = str(m.get("kind", ""))
        views.append(
            MessageView(
                dom_id=f"saved-{case.id}-{i}",
                kind=kind,
                title=MESSAGE_TITLES.get(kind, "Message"),
                subject=m.get("subject"),
                body=str(m.get("body", "")),
                words=len(str(m.get("body", "")).split()),
                speaking_seconds=m.get("speaking_seconds"),
                to_name=(m.get("to") or {}).get("name"),
            )
        )
    return tuple(views)


def _entry_words(event: EventRecord) -> str:
    """What a history entry says: the event in the page's words, and its detail."""
    d = event.data
    if event.kind == "contacted":
        return VIA_WORDS.get(str(d.get("via")), EVENT_WORDS["contacted"])
    if event.kind == "correction":
        return f"{EVENT_WORDS['correction']} (entry {d.get('entry')})" + (
            f": {d['text']}" if d.get("text") else ""
        )
    words = EVENT_WORDS.get(event.kind) or ANNOTATION_WORDS.get(event.kind, event.kind)
    step = STEP_TITLES.get(str(d.get("step")), {}).get("title") if event.kind == "done" else None
    detail = d.get("text") or step
    return f"{words}: {detail}" if detail else words


def _history(case: Case, my_tz: str) -> tuple[tuple[EntryView, ...], tuple[Choice, ...]]:
    """The numbered history, and the entries a correction may still withdraw."""
    gone = case.corrected
    entries = tuple(
        EntryView(n, moment_text(e.at, my_tz), _entry_words(e), gone.get(n))
        for n, e in enumerate(case.events, start=1)
    )
    withdrawable = tuple(
        Choice(str(v.number), f"{v.number}. {v.words} ({v.when})")
        for v, e in zip(entries, case.events, strict=True)
        if v.number > 1 and v.corrected_by is None and e.kind != "correction"
    )
    return entries, withdrawable


def _by_due(card: CaseCard) -> list[str]:
    """The message kinds, the one the next due step asks for first."""
    wanted = [d.write for d in card.due if d.write in card.kinds]
    return [str(k) for k in dict.fromkeys([*wanted, *card.kinds])]


def case_view(card: CaseCard, mine: bool = True, **extra: Any) -> CaseView:
    """The card of one case (``extra``: an error, a notice or a message just written).

    A case shared with me (``mine`` false, hosted mode) is read-only but for notes.
    """
    case = card.case
    s = case.situation
    my_tz = s.candidate.tz
    meeting = case.meeting
    modes = dict(MODE_CHOICES)
    history, withdrawable = _history(case, my_tz)
    return CaseView(
        id=case.id,
        title=case.title,
        state_words=STATE_WORDS.get(case.state, ""),
        contact=s.contact.name,
        is_open=case.is_open,
        due=tuple(_due_view(d, my_tz) for d in card.due),
        events=tuple(Choice(e, EVENT_WORDS.get(e, e)) for e in allowed(case.state)) if mine else (),
        vias=tuple(
            Choice(v, label)
            for v, label in VIA_WORDS.items()
            if v != "recruiter" or s.contact.agency_recruiter or s.contact.role == "recruiter"
        ),
        kinds=tuple(Choice(k, MESSAGE_TITLES.get(k, k)) for k in _by_due(card)) if mine else (),
        moved=case.state == "rescheduled",
        meeting=MeetingView(
            when=dual_moment_text(meeting.slot.start, s.interview.tz, my_tz),
            mode=modes.get(meeting.mode, meeting.mode),
            link=meeting.link,
            address=meeting.address,
        )
        if meeting
        else None,
        mode=s.interview.mode,
        saved=_saved_messages(case),
        history=history,
        withdrawable=withdrawable if mine else (),
        owner=case.record.owner or "",
        mine=mine,
        **extra,
    )
