"""The web layer's only doorway into the core: plan, slots, check, export, cases.

Each function calls one public core API and returns its result unchanged;
no rule about the user's situation is decided here. Keeping every core call in
one module means the pages and the JSON API cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from amends.errors import InputError
from amends.plan import Plan
from amends.request import PlanRequest


@dataclass(frozen=True)
class PlanResult:
    """A plan together with the exact request (``now`` frozen) it was computed from."""

    plan: Plan
    request: PlanRequest


def make_plan(request: PlanRequest, now: datetime) -> PlanResult:
    """Validate ``request`` and compute the plan exactly as ``amends plan`` does.

    ``now`` is frozen into the returned request so downloads and "save as case"
    later reproduce the same plan.
    """
    from amends.planning import make_plan as core_make_plan

    frozen = request.model_copy(update={"now": request.now or now.isoformat()})
    return PlanResult(core_make_plan(frozen, now), frozen)


def find_slots(body: Any, now: datetime) -> Any:
    """The slot finder's result for an ``/api/slots`` body (as ``amends slots`` builds it)."""
    from amends.slots import find_slots as core_find_slots
    from amends.slots import slot_request_from_options
    from amends.zones import parse_instant

    request = slot_request_from_options(
        parse_instant(body.now, "now") if body.now else now,
        body.tz,
        body.my_tz,
        country=body.country,
        hours=body.hours,
        my_hours=body.my_hours,
        duration=body.duration,
        days=body.days,
        count=body.count,
        windows=body.windows,
    )
    return core_find_slots(request)


def with_profile(request: PlanRequest) -> PlanRequest:
    """Fill the fields the request leaves unset from the profile file, as the CLI does."""
    from amends.web.forms import stored_profile

    values = stored_profile()
    values.update(request.model_dump(exclude_unset=True))
    return PlanRequest.model_validate(values)


def check(text: str) -> Any:
    """The draft checker's report for ``text`` (``.to_json()`` is the CLI contract)."""
    from amends.check import check_text

    return check_text(text)


def default_db(db_path: Path | None) -> Path | None:
    """The database the web app uses (``None`` means the store's own default)."""
    return db_path


def message_links(plan: Plan) -> list[dict[str, Any]]:
    """Per message, in order: ``mailto``/``tel`` URLs and whether an ``.eml`` draft exists."""
    from amends.export import plan_links
    from amends.export.plan_exports import is_written

    links = plan_links(plan)["messages"]
    result: list[dict[str, Any]] = []
    for message, link in zip(plan.messages, links, strict=True):
        mailto = link.get("mailto")
        result.append(
            {
                "mailto": mailto["url"] if mailto else None,
                "mailto_shortened": bool(mailto and mailto.get("shortened")),
                "tel": link.get("tel"),
                "eml": is_written(message),
            }
        )
    return result


def eml_file(plan: Plan, index: int, now: datetime) -> tuple[str, bytes]:
    """File name and bytes of message ``index`` as an ``.eml`` draft."""
    from amends.export import eml_for_message
    from amends.export.plan_exports import eml_name, is_written

    if not 0 <= index < len(plan.messages) or not is_written(plan.messages[index]):
        raise InputError("message", "choose one of the plan's emails")
    message = plan.messages[index]
    return eml_name(index + 1, message), eml_for_message(message, plan.situation, now)


def ics_file(plan: Plan, now: datetime) -> tuple[str, bytes]:
    """File name and bytes of the plan's follow-through calendar."""
    from amends.export import follow_up_calendar

    return "amends-follow-up.ics", follow_up_calendar(plan, now).data


def save_case(db_path: Path | None, result: PlanResult) -> str:
    """Store the plan as a tracked case (state ``planned``); returns the new case id."""
    from amends.cases.service import save_plan

    store = _store(db_path)
    try:
        return save_plan(store, result.plan)
    finally:
        store.close()


def _store(db_path: Path | None) -> Any:
    """The signed-in user's scoped store in hosted mode (closing it is a no-op), else the file."""
    from amends.web.auth import current_store

    scoped = current_store.get()
    if scoped is not None:
        return scoped
    from amends.store import open_store

    return open_store(db_path)


def case_summaries(db_path: Path | None, now: datetime) -> list[dict[str, Any]]:
    """``amends cases --format json``'s ``cases`` list (open cases only)."""
    from amends.cases import load_cases, summary_json
    from amends.cases.engine import case_steps

    store = _store(db_path)
    try:
        cases = load_cases(store, include_closed=False)
    finally:
        store.close()
    return [summary_json(c, case_steps(c, now)) for c in cases]


def case_detail(db_path: Path | None, case_id: str, now: datetime) -> dict[str, Any]:
    """``amends case show ID --format json``."""
    from amends.cases import case_json, load_case
    from amends.cases.engine import case_steps

    store = _store(db_path)
    try:
        case = load_case(store, case_id)
    finally:
        store.close()
    return case_json(case, case_steps(case, now))


def record_event(
    db_path: Path | None, case_id: str, event: str, now: datetime, **options: Any
) -> dict[str, Any]:
    """``amends case record ID EVENT --format json``; options are the record options."""
    from amends.cases import EventInput, event_json, event_kind, record
    from amends.cases.engine import case_steps

    given = EventInput(kind=event_kind(event, options.pop("answer", None)), now=now, **options)
    store = _store(db_path)
    try:
        case, stored = record(store, case_id, given)
    finally:
        store.close()
    return {
        "case_id": case.id,
        "state": case.state,
        "event": event_json(stored),
        "next": [d.to_json() for d in case_steps(case, now)],
    }


def write_message(
    db_path: Path | None, case_id: str, kind: str, now: datetime, topic: str | None
) -> dict[str, Any]:
    """``amends write KIND --case ID --format json``."""
    from amends.cases import load_case, write

    store = _store(db_path)
    try:
        case = load_case(store, case_id)
    finally:
        store.close()
    draft: dict[str, Any] = write(case, kind, now, topic).to_json()
    return draft
