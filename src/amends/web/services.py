"""The web layer's only doorway into the core: plan, slots, check, export, cases.

Each function calls one public core API and returns its result unchanged;
no rule about the user's situation is decided here. Keeping every core call in
one module means the pages and the JSON API cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from amends.accounts import normal_email
from amends.cases import (
    EventInput,
    case_json,
    event_kind,
    load_case,
    record_json,
)
from amends.cases import record as record_case_event
from amends.cases import write as write_case_message
from amends.cases.case import Case
from amends.cases.engine import Due, case_steps
from amends.cases.listing import case_page
from amends.cases.messages import KINDS
from amends.cases.service import cases_for_interview, save_plan
from amends.check import CheckReport, check_text
from amends.dates.zones import parse_instant
from amends.errors import InputError, StateError
from amends.export.confirmed import Confirmed
from amends.export.eml import eml_for_message
from amends.export.ics import follow_up_calendar, prepare_calendar
from amends.export.links import mailto_link
from amends.export.plan_exports import eml_name
from amends.intake import Intake, read_story
from amends.plan import Plan, PlanRequest
from amends.plan import make_plan as core_make_plan
from amends.slots import SlotResult, slot_request_from_options
from amends.slots import find_slots as core_find_slots
from amends.store import DraftRecord
from amends.web.auth import case_store
from amends.web.context import Clock
from amends.web.forms import stored_profile
from amends.web.request_models import PlanBody, SlotsRequest, body_of, request_of

CARDS_PER_PAGE = 20  # cases on one page of /cases (the rest behind "Later cases")
DRAFT_LIFETIME = timedelta(days=14)  # an unsaved plan outlives its first fortnight only as a case


@dataclass(frozen=True)
class PlanResult:
    """A plan together with the exact request (``now`` frozen) it was computed from."""

    plan: Plan
    request: PlanRequest


def make_plan(request: PlanRequest, now: datetime, *, cli: bool = True) -> PlanResult:
    """Validate ``request`` and compute the plan exactly as ``amends plan`` does.

    ``now`` is frozen into the returned request so downloads and "save as case"
    later reproduce the same plan. Calendar files are the command line's own:
    the web never reads a path on the server. The pages pass ``cli=False`` (the
    checklist names no commands); the JSON API keeps the CLI's exact output.
    """
    if request.slot_options.busy:
        raise InputError("busy", "calendar files can only be read by the command line")
    frozen = replace(request, now=request.now or now.isoformat())
    return PlanResult(core_make_plan(frozen, now, cli=cli), frozen)


def plan_errors(request: PlanRequest, now: datetime) -> list[InputError]:
    """Every field's problem at once (empty when the plan can be made)."""
    _, errors = request.validate_all(now)
    return errors


def keep_draft(db_path: Path | None, result: PlanResult, now: datetime) -> str:
    """Keep a computed plan as an unsaved draft (expiring old ones); returns its id."""
    payload = body_of(result.request).model_dump(mode="json", exclude_defaults=True)
    with case_store(db_path) as store:
        store.expire_drafts(now - DRAFT_LIFETIME)
        return store.save_draft(now, payload).id


def draft(db_path: Path | None, draft_id: str) -> DraftRecord | None:
    """The unsaved plan ``draft_id`` (``None`` once discarded or expired)."""
    with case_store(db_path) as store:
        return store.get_draft(draft_id)


def draft_plan(record: DraftRecord, now: datetime) -> PlanResult:
    """Recompute the draft's plan: ``now`` was frozen into it, so it is the same plan."""
    return make_plan(request_of(record.request), now, cli=False)


def discard_draft(db_path: Path | None, draft_id: str) -> None:
    """Forget an unsaved plan (the user chose "Discard")."""
    with case_store(db_path) as store:
        store.delete_draft(draft_id)


def save_draft_case(db_path: Path | None, record: DraftRecord, result: PlanResult) -> str:
    """Save the draft's plan as a new case and remember which case it became."""
    with case_store(db_path) as store:
        case_id = save_plan(store, result.plan)
        store.mark_draft_saved(record.id, case_id)
    return case_id


def same_interview_cases(db_path: Path | None, plan: Plan) -> list[Case]:
    """Open cases about the same interview (asked about before saving a second copy)."""
    with case_store(db_path) as store:
        return cases_for_interview(store, plan.situation)


def find_slots(body: SlotsRequest, now: datetime) -> SlotResult:
    """The slot finder's result for an ``/api/slots`` body (as ``amends slots`` builds it)."""
    if body.slot_options.busy:
        raise InputError("busy", "calendar files can only be read by the command line")
    moment = parse_instant(body.now, "now") if body.now else now
    return core_find_slots(
        slot_request_from_options(moment, body.tz, body.my_tz, body.slot_options)
    )


def with_profile(body: PlanBody) -> PlanRequest:
    """Fill the fields the request leaves unset from the profile file, as the CLI does."""
    values = stored_profile()
    values.update(body.model_dump(exclude_unset=True))
    return request_of(values)


def intake(text: str, now_text: str | None, my_tz: str | None, clock: datetime) -> Intake:
    """What ``amends intake`` reads from a story."""
    moment = parse_instant(now_text, "now") if now_text else clock
    zone_name = my_tz or stored_profile().get("my_tz")
    if not zone_name:
        raise InputError("my_tz", "is needed (no zone in your profile), e.g. Europe/London")
    return read_story(text, moment, str(zone_name))


def check(
    text: str,
    *,
    kind: str | None = None,
    reason: str | None = None,
    ignore: Sequence[str] = (),
) -> CheckReport:
    """The draft checker's report for ``text`` (``.to_json()`` is the CLI contract).

    ``kind``, ``reason`` and ``ignore`` are the CLI's ``--kind``, ``--reason`` and
    ``--ignore``: an unknown value is an :class:`InputError` naming the field.
    """
    return check_text(text, kind=kind, reason=reason, ignore=ignore)


def message_links(plan: Plan) -> list[dict[str, Any]]:
    """Per message, in order: ``mailto``/``tel`` URLs and whether an ``.eml`` draft exists.

    The links come with the plan (:func:`amends.plan.make_plan` computes them once).
    """
    links = plan.links.messages if plan.links else ()
    result: list[dict[str, Any]] = []
    for message, link in zip(plan.messages, links, strict=True):
        result.append(
            {
                "mailto": link.mailto.url if link.mailto else None,
                "mailto_shortened": bool(link.mailto and link.mailto.shortened),
                "tel": link.tel,
                "eml": message.written,
            }
        )
    return result


def eml_file(plan: Plan, index: int, now: datetime) -> tuple[str, bytes]:
    """File name and bytes of message ``index`` as an ``.eml`` draft."""
    if not 0 <= index < len(plan.messages) or not plan.messages[index].written:
        raise InputError("message", "choose one of the plan's emails")
    message = plan.messages[index]
    return eml_name(index + 1, message), eml_for_message(message, plan.situation, now)


def ics_file(plan: Plan, now: datetime, *, cli: bool = False) -> tuple[str, bytes]:
    """File name and bytes of the plan's follow-through calendar.

    Worded for the web's people by default; ``cli=True`` gives the command line's
    own file byte for byte (the JSON API mirrors the CLI's contracts).
    """
    return "amends-follow-up.ics", follow_up_calendar(plan, now, cli=cli).data


def save_case(db_path: Path | None, result: PlanResult) -> str:
    """Store the plan as a tracked case (state ``planned``); returns the new case id."""
    with case_store(db_path) as store:
        return save_plan(store, result.plan)


def case_summaries(db_path: Path | None, now: datetime) -> list[dict[str, Any]]:
    """``amends cases --format json``'s ``cases`` list (open cases only)."""
    cases: list[dict[str, Any]] = case_listing(db_path, now)["cases"]
    return cases


def case_listing(
    db_path: Path | None, now: datetime, limit: int | None = None, offset: int = 0
) -> dict[str, Any]:
    """``amends cases --format json [--limit N --offset M]``: one page of the open cases
    (read from the case index), and the damaged ones that cannot be shown."""
    with case_store(db_path) as store:
        page = case_page(store, now, limit=limit, offset=offset, detail=True)
    return {
        "cases": [c.to_json() for c in page.items],
        "damaged": [{"id": i, "problem": p} for i, p in page.damaged],
        "total": page.total,
    }


def case_detail(db_path: Path | None, case_id: str, now: datetime) -> dict[str, Any]:
    """``amends case show ID --format json``."""
    with case_store(db_path) as store:
        case = load_case(store, case_id)
    return case_json(case, case_steps(case, now))


def record_event(
    db_path: Path | None, case_id: str, event: str, clock: Clock, options: dict[str, Any]
) -> dict[str, Any]:
    """``amends case record ID EVENT --format json``; ``options`` are the record options.

    The event's time is read from ``clock`` inside the write transaction, so a
    request that waited for another worker's write to the same case is never
    refused as earlier than that write.
    """
    fields = dict(options)
    given = EventInput(kind=event_kind(event, fields.pop("answer", None)), now=clock(), **fields)
    with case_store(db_path) as store:
        case, stored = record_case_event(store, case_id, given, clock)
    return record_json(case, stored, case_steps(case, stored.at))


def write_message(
    db_path: Path | None, case_id: str, kind: str, now: datetime, topic: str | None
) -> dict[str, Any]:
    """``amends write KIND --case ID --format json``."""
    with case_store(db_path) as store:
        case = load_case(store, case_id)
    return write_case_message(case, kind, now, topic).to_json()


@dataclass(frozen=True)
class CaseCard:
    """One case as the cases page needs it: the case, its due steps and its message kinds."""

    case: Case
    due: list[Due]
    kinds: list[str]


@dataclass(frozen=True)
class CardPage:
    """One page of the cases page, most urgent first (see :func:`case_cards`)."""

    cards: list[CaseCard]
    damaged: list[str]
    total: int  # cases the page's filter lists in all (open ones, or every one)
    closed: int  # closed cases in all


def case_cards(
    db_path: Path | None,
    now: datetime,
    include_closed: bool,
    page: tuple[int, int] = (CARDS_PER_PAGE, 0),
    target: str | None = None,
) -> CardPage:
    """One page (``(limit, offset)``) of readable cases, most urgent first, each with its
    steps worded for the web and the messages it can have now; ``target`` (a card being
    answered) is always on it. Damaged cases are named, never allowed to take it down."""
    limit, offset = page
    with case_store(db_path) as store:
        listed = case_page(store, now, include_closed, limit, offset, urgent_first=True)
        everything = case_page(store, now, True, 0).total
        opened = listed.total if not include_closed else case_page(store, now, False, 0).total
        ids = [c.id for c in listed.items]
        if target is not None and target not in ids:
            ids.insert(0, target)
        records = {r.id: r for r in store.get_cases(ids, brief=False)}
    cases = [Case(records[i]) for i in ids if i in records and not records[i].damage]
    cards = [CaseCard(c, case_steps(c, now, cli=False), writable_kinds(c, now)) for c in cases]
    return CardPage(cards, [i for i, _ in listed.damaged], listed.total, everything - opened)


def writable_kinds(case: Case, now: datetime) -> list[str]:
    """The follow-up messages that fit ``case`` now, asked of the writer itself.

    The writer is the one judge of what fits a state, so the page offers only
    kinds it accepts (a thank-you is tried with a stand-in topic).
    """
    kinds: list[str] = []
    for kind in KINDS:
        try:
            write_case_message(case, kind, now, "the role" if kind == "thank-you" else None)
        except (InputError, StateError):
            continue
        kinds.append(kind)
    return kinds


def interview_calendar(db_path: Path | None, case_id: str, now: datetime) -> tuple[str, bytes]:
    """The confirmed interview's reminders as ``.ics`` (what ``amends prepare`` writes)."""
    with case_store(db_path) as store:
        case = load_case(store, case_id)
    meeting = case.meeting
    if meeting is None:
        raise StateError("this case has no agreed new interview time yet")
    s = case.situation
    confirmed = Confirmed(
        start=meeting.slot.start,
        interviewer_tz=s.interview.tz,
        candidate_tz=s.candidate.tz,
        mode=meeting.mode,  # type: ignore[arg-type]
        company=s.interview.company,
        role=s.interview.role,
        interviewer=s.contact.interviewer or s.contact.name,
        link=meeting.link if meeting.mode == "video" else None,
        address=meeting.address if meeting.mode == "in-person" else None,
        minutes=int((meeting.slot.end - meeting.slot.start).total_seconds() // 60),
        original_start=s.interview.start,
    )
    return f"amends-interview-{case.id}.ics", prepare_calendar(confirmed, now).data


def mailto_for(message: dict[str, Any]) -> str | None:
    """A ``mailto:`` link for a written follow-up (``None`` when it has no address or subject)."""
    to = (message.get("to") or {}).get("email")
    if not to or not message.get("subject"):
        return None
    return mailto_link(to, message.get("subject"), message.get("body")).url


def case_coaches(db_path: Path | None, case_id: str) -> list[str]:
    """The coaches one of my cases is shared with (hosted mode)."""
    with case_store(db_path) as store:
        return store.shared_with(case_id)


def share_case(db_path: Path | None, case_id: str, coach: str, now: datetime) -> list[str]:
    """Share one of my cases with a coach; returns who it is shared with now."""
    with case_store(db_path) as store:
        store.share_case(case_id, normal_email(coach, "coach"), now)
        return store.shared_with(case_id)


def unshare_case(db_path: Path | None, case_id: str, coach: str) -> list[str] | None:
    """Stop sharing with ``coach``; ``None`` when the case was not shared with them."""
    with case_store(db_path) as store:
        if not store.unshare_case(case_id, coach.strip().lower()):
            return None
        return store.shared_with(case_id)
