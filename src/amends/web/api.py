"""The JSON API under ``/api/``: the CLI's JSON contracts over HTTP.

Bodies use the CLI option names in snake_case and answers are exactly what the
matching ``amends ... --format json`` prints. Core :class:`InputError` becomes
422 in FastAPI's own ``{"detail": [{"loc": ["body", field], ...}]}`` shape.
State-changing requests need the ``X-CSRF-Token`` header (``GET /api/csrf``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from amends.plan.request import PlanRequest
from amends.slots import SlotsInput
from amends.web import services
from amends.web.context import config, csrf_token

router = APIRouter(prefix="/api", tags=["api"])
MAX_DRAFT = 20_000


class CheckRequest(BaseModel):
    """Body of ``POST /api/check``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_DRAFT)


class SlotsRequest(SlotsInput):
    """Body of ``POST /api/slots``: the ``amends slots`` options in snake_case.

    ``--busy`` calendar files are a command-line feature and are refused here.
    """


@router.get("/csrf")
def get_csrf(request: Request) -> dict[str, str]:
    """The session's CSRF token; send it back as ``X-CSRF-Token`` with the cookie."""
    return {"token": csrf_token(request), "header": "X-CSRF-Token"}


@router.post("/plan")
def post_plan(request: Request, body: PlanRequest) -> dict[str, Any]:
    """Exactly what ``amends plan --format json`` prints for the same options."""
    result = services.make_plan(services.with_profile(body), config(request).clock())
    return result.plan.to_json()


@router.post("/slots")
def post_slots(request: Request, body: SlotsRequest) -> dict[str, Any]:
    """Exactly what ``amends slots --format json`` prints for the same options."""
    result: dict[str, Any] = services.find_slots(body, config(request).clock()).to_json()
    return result


@router.post("/check")
def post_check(body: CheckRequest) -> dict[str, Any]:
    """Exactly what ``amends check --format json`` prints for the same draft."""
    report: dict[str, Any] = services.check(body.text).to_json()
    return report


@router.get("/cases")
def get_cases(request: Request) -> dict[str, Any]:
    """Exactly what ``amends cases --format json`` prints (open cases)."""
    cfg = config(request)
    return {"cases": services.case_summaries(cfg.db_path, cfg.clock())}


@router.get("/cases/{case_id}")
def get_case(request: Request, case_id: str) -> dict[str, Any]:
    """Exactly what ``amends case show ID --format json`` prints."""
    cfg = config(request)
    return services.case_detail(cfg.db_path, case_id, cfg.clock())


@router.post("/cases", status_code=201)
def post_case(request: Request, body: PlanRequest) -> dict[str, Any]:
    """Save a plan as a new case; answers the new case as ``GET /api/cases/{id}`` would."""
    cfg = config(request)
    result = services.make_plan(services.with_profile(body), cfg.clock())
    case_id = services.save_case(cfg.db_path, result)
    return services.case_detail(cfg.db_path, case_id, cfg.clock())


class RecordRequest(BaseModel):
    """Body of ``POST /api/cases/{id}/record``: ``amends case record`` options."""

    model_config = ConfigDict(extra="forbid", str_max_length=2000)

    event: str
    answer: str | None = None
    via: str | None = None
    slot: str | None = None
    minutes: int = Field(default=60, ge=5, le=600)
    mode: str | None = None
    link: str | None = None
    address: str | None = None
    text: str | None = None
    step: str | None = None


@router.post("/cases/{case_id}/record")
def post_record(request: Request, case_id: str, body: RecordRequest) -> dict[str, Any]:
    """Exactly what ``amends case record ID EVENT --format json`` prints."""
    cfg = config(request)
    options = body.model_dump(exclude={"event"})
    return services.record_event(cfg.db_path, case_id, body.event, cfg.clock, options)


class WriteRequest(BaseModel):
    """Body of ``POST /api/cases/{id}/write``: ``amends write KIND --case ID`` options."""

    model_config = ConfigDict(extra="forbid", str_max_length=2000)

    kind: str
    topic: str | None = None


@router.post("/cases/{case_id}/write")
def post_write(request: Request, case_id: str, body: WriteRequest) -> dict[str, Any]:
    """Exactly what ``amends write KIND --case ID --format json`` prints."""
    cfg = config(request)
    return services.write_message(cfg.db_path, case_id, body.kind, cfg.clock(), body.topic)
