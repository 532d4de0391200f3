"""The shapes the JSON API answers with, as pydantic models, so ``/openapi.json`` is typed.

Every route returns exactly what the matching ``amends ... --format json`` prints
(the core's ``to_json``), and these models describe that output field by field:
required fields are those always present, codes are enums (scenario, mode,
state, event, message kind, channel...). They document; they do not rebuild
the answers (a model that filtered or reshaped them would let the API drift
from the CLI). ``tests/test_api_schema.py`` walks the schema and checks real
answers of every route against it, so a shape that changes without its model
fails there. Models are ``extra="forbid"``: the schema says what is not there too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from amends.cases.events import RECORDABLE
from amends.cases.machine import OPENING, State
from amends.cases.messages import KINDS
from amends.cases.status import Status
from amends.check.model import DraftKind, Severity
from amends.plan.result import Channel, MessageKind, Phase
from amends.plan.situation import Mode, Scenario, Situation
from amends.slots.offer import Side

if TYPE_CHECKING:  # the core's tuples are the one source; mypy sees plain strings
    EventKind = str
    WriteKind = str
else:
    EventKind = Literal[(OPENING, *RECORDABLE)]
    WriteKind = Literal[KINDS]
Role = Literal["candidate", "coach", "admin"]
WarningField = Literal["slot", "busy"]


class Shape(BaseModel):
    """A documented answer: every field listed, nothing else."""

    model_config = ConfigDict(extra="forbid")


class Csrf(Shape):
    token: str
    header: Literal["X-CSRF-Token"]


class FirstAction(Shape):
    channel: Channel
    why: str
    respond_by: datetime
    minutes_used: int
    minutes_left: int
    summary: str


class Recipient(Shape):
    name: str | None
    email: str | None
    phone: str | None


class Message(Shape):
    kind: MessageKind
    subject: str | None
    body: str
    words: int
    speaking_seconds: int | None
    variant: str
    note: str | None
    to: Recipient


class SlotTimes(Shape):
    start: datetime
    end: datetime
    interviewer_local: str
    candidate_local: str


class Span(Shape):
    start: datetime
    end: datetime


class Window(Shape):
    dates: list[date]
    start: str = Field(description="HH:MM on the interviewer's clock")
    end: str = Field(description="HH:MM on the interviewer's clock")
    interviewer_local: str
    candidate_local: str
    text: str
    spans: list[Span]


class Step(Shape):
    phase: Phase
    at: datetime
    text: str
    key: str


class PlanWarning(Shape):
    field: WarningField = Field(description="slot: a time you typed; busy: a calendar's event")
    message: str


class PlanFacts(Shape):
    scenario: Scenario
    reason: str
    reason_outside_control: bool
    proof_if_asked: bool
    company: str
    role: str
    interview_start: datetime
    interviewer_tz: str
    candidate_tz: str
    mode: Mode
    now: datetime


class Mailto(Shape):
    url: str
    shortened: bool
    includes_subject: bool


class MessageLinks(Shape):
    kind: MessageKind
    variant: str
    mailto: Mailto | None
    tel: str | None


class PlanLinks(Shape):
    tel: str | None
    messages: list[MessageLinks]


class Plan(Shape):
    """``amends plan --format json``."""

    first_action: FirstAction
    messages: list[Message]
    slots: list[SlotTimes]
    windows: list[Window]
    slot_note: str | None
    steps: list[Step]
    warnings: list[PlanWarning]
    situation: PlanFacts
    links: PlanLinks | None = None
    files: list[str] | None = Field(default=None, description="CLI only: files written")
    case_id: str | None = Field(default=None, description="CLI only: --save")


class Intake(Shape):
    """``amends intake --format json``."""

    fields: dict[str, str]
    missing: list[str]
    questions: list[str]


class NearMiss(SlotTimes):
    minutes_outside: int
    side: Side


class Slots(Shape):
    """``amends slots --format json``."""

    slots: list[SlotTimes]
    windows: list[Window]
    near_misses: list[NearMiss]
    explanation: str | None
    notes: list[str]
    country: str | None
    business_days: list[date]


class Finding(Shape):
    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str


class CheckSummary(Shape):
    errors: int
    warnings: int
    total: int
    passed: bool
    kind: DraftKind
    kind_inferred: bool
    reason: str | None
    words: int
    has_subject: bool
    by_category: dict[str, int]


class Check(Shape):
    """``amends check --format json``."""

    findings: list[Finding]
    summary: CheckSummary


class Due(Shape):
    case_id: str
    step: str
    status: Status
    at: datetime
    by: datetime | None
    title: str
    text: str
    write: WriteKind | None


class CaseSummary(Shape):
    id: str
    state: State
    company: str
    role: str
    contact: str
    interview_start: datetime
    opened: datetime
    next: Due | None
    owner: str | None = Field(default=None, description="Hosted mode: whose case it is")


class DamagedCase(Shape):
    id: str
    problem: str


class CaseList(Shape):
    """``amends cases --format json``."""

    cases: list[CaseSummary]
    damaged: list[DamagedCase]
    total: int = Field(description="open cases in all, of which `cases` is one page")


EventData = dict[str, str | int | None]


class Event(Shape):
    seq: int
    entry: int | None = Field(description="1-based number in the case's history")
    kind: EventKind
    at: datetime
    data: EventData
    corrected_by: int | None = Field(description="the entry of the correction withdrawing it")


class Meeting(SlotTimes):
    mode: Mode
    link: str | None
    address: str | None
    agreed_at: datetime


class CaseDetail(CaseSummary):
    """``amends case show ID --format json``."""

    allowed: list[str] = Field(description="events the state allows, as the CLI types them")
    meeting: Meeting | None
    promised_open: list[str]
    lessons: list[str]
    safeguards: list[str]
    events: list[Event]
    next: list[Due]  # type: ignore[assignment]  # every Due here, the first one in listings
    situation: Situation
    plan: Plan | None


class Recorded(Shape):
    """``amends case record ID EVENT --format json``."""

    case_id: str
    state: State
    event: Event
    next: list[Due]


class WrittenTo(Shape):
    name: str | None
    email: str | None


class Written(Shape):
    """``amends write KIND --case ID --format json``."""

    case_id: str
    kind: WriteKind
    subject: str | None
    body: str
    words: int
    to: WrittenTo


class Me(Shape):
    email: str
    role: Role


class Session(Me):
    expires_at: datetime


class Shares(Shape):
    case_id: str
    shared_with: list[str]


class Account(Shape):
    email: str
    role: Role
    disabled: bool
    created_at: datetime


class Users(Shape):
    users: list[Account]


class Deleted(Shape):
    deleted: str
    cases_erased: int


class ExportedEvent(Shape):
    kind: EventKind
    at: datetime
    data: EventData


class ExportedCase(Shape):
    id: str
    created_at: datetime
    situation: Situation
    plan: Plan | None
    events: list[ExportedEvent]


class AccountExport(Shape):
    """``amends export`` of one's own cases, plus the account."""

    format: Literal["amends-export"]
    version: int
    schema_version: int
    exported_at: datetime
    cases: list[ExportedCase]
    account: Account


class Health(Shape):
    status: Literal["ok", "error"]
    database: Literal["ok", "unreachable"]


def answers(model: type[BaseModel], status: int = 200, what: str = "") -> dict[str, Any]:
    """Route arguments documenting ``model`` as the answer (the route returns it as JSON)."""
    doc = (model.__doc__ or "The answer.").strip().splitlines()[0].replace("``", "`")
    description = what or doc
    return {
        "response_model": None,
        "responses": {status: {"model": model, "description": description}},
    }
