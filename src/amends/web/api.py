"""The JSON API under ``/api/``: the CLI's JSON contracts over HTTP.

Bodies use the CLI option names in snake_case and answers are exactly what the
matching ``amends ... --format json`` prints. Core :class:`InputError` becomes
422 in FastAPI's own ``{"detail": [{"loc": ["body", field], ...}]}`` shape.
State-changing requests need the ``X-CSRF-Token`` header (``GET /api/csrf``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response, Security
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, ConfigDict, Field

from amends.errors import InputError
from amends.web import api_models as m
from amends.web import services
from amends.web.api_models import answers
from amends.web.context import config, csrf_token
from amends.web.request_models import PlanBody, SlotsRequest


class ErrorDetail(BaseModel):
    """Every refusal outside validation: ``{"detail": "a sentence for a person"}``."""

    detail: str


class FieldError(BaseModel):
    """One bad field: ``loc`` ends with the field name, ``msg`` says what would be valid."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(BaseModel):
    """422: every bad field of the request."""

    detail: list[FieldError]


# Declared so the schema says what the middleware enforces on every state-changing call.
CSRF_HEADER = APIKeyHeader(
    name="X-CSRF-Token",
    scheme_name="csrf",
    description="The session's CSRF token from GET /api/csrf, with its cookie.",
    auto_error=False,
)
_CSRF = [Security(CSRF_HEADER)]
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorDetail, "description": "Hosted mode: not signed in."},
    403: {"model": ErrorDetail, "description": "Cross-site request or missing CSRF token."},
    404: {"model": ErrorDetail, "description": "No such case (or not yours)."},
    413: {"model": ErrorDetail, "description": "Body over 256 KiB or more than 200 form fields."},
    422: {"model": ValidationErrors, "description": "A field is not valid; each is named."},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)
FILE = {"type": "string", "format": "binary"}
MAX_DRAFT = 20_000
DEFAULT_PAGE = 100  # cases per page of GET /api/cases unless ?limit= says otherwise
MAX_PAGE = 1_000


class CheckRequest(BaseModel):
    """Body of ``POST /api/check``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_DRAFT)
    kind: str | None = Field(
        default=None,
        max_length=40,
        description="apology, request, follow-up, confirmation or script (as --kind); "
        "inferred from the draft when absent",
    )
    reason: str | None = Field(
        default=None, max_length=40, description="a reason code (as --reason, `amends reasons`)"
    )
    ignore: list[str] = Field(
        default_factory=list, max_length=40, description="rule ids or categories (as --ignore)"
    )


@router.get("/csrf", **answers(m.Csrf, what="The session's CSRF token."))
def get_csrf(request: Request) -> dict[str, str]:
    """The session's CSRF token; send it back as ``X-CSRF-Token`` with the cookie."""
    return {"token": csrf_token(request), "header": "X-CSRF-Token"}


@router.post("/plan", dependencies=_CSRF, **answers(m.Plan))
def post_plan(request: Request, body: PlanBody) -> JSONResponse:
    """Exactly what ``amends plan --format json`` prints for the same options.

    The plan's JSON is already plain JSON values, so it is sent as it is: walking
    it again to validate and re-encode it took a fifth of the route's time.
    """
    result = services.make_plan(services.with_profile(body), config(request).clock())
    return JSONResponse(result.plan.to_json())


class IntakeRequest(BaseModel):
    """Body of ``POST /api/intake``: the story, and optionally ``now`` and your zone."""

    model_config = ConfigDict(extra="forbid")

    text: str
    now: str | None = None
    my_tz: str | None = None


@router.post("/intake", dependencies=_CSRF, **answers(m.Intake))
def post_intake(request: Request, body: IntakeRequest) -> dict[str, Any]:
    """Exactly what ``amends intake --format json`` prints for the same story."""
    result = services.intake(body.text, body.now, body.my_tz, config(request).clock())
    return result.to_json()


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    "/plan/eml",
    dependencies=_CSRF,
    response_class=Response,
    responses={
        200: {"content": {"message/rfc822": {"schema": FILE}}, "description": "The .eml draft."}
    },
)
def post_plan_eml(request: Request, body: PlanBody, message: int = 1) -> Response:
    """Email ``message`` (1 = the first email) of the plan as an ``.eml`` draft, as ``--eml``."""
    now = config(request).clock()
    result = services.make_plan(services.with_profile(body), now)
    emails = [i for i, m in enumerate(result.plan.messages) if m.written]
    if not 1 <= message <= len(emails):
        raise InputError("message", f"choose an email from 1 to {len(emails)}")
    name, data = services.eml_file(result.plan, emails[message - 1], result.plan.situation.now)
    return _attachment(data, name, "message/rfc822")


@router.post(
    "/plan/ics",
    dependencies=_CSRF,
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {"schema": FILE}}, "description": "The .ics calendar."}
    },
)
def post_plan_ics(request: Request, body: PlanBody) -> Response:
    """The plan's follow-through reminders as an ``.ics`` calendar, as ``--ics`` writes it."""
    result = services.make_plan(services.with_profile(body), config(request).clock())
    name, data = services.ics_file(result.plan, result.plan.situation.now, cli=True)
    return _attachment(data, name, "text/calendar; charset=utf-8")


@router.post("/slots", dependencies=_CSRF, **answers(m.Slots))
def post_slots(request: Request, body: SlotsRequest) -> dict[str, Any]:
    """Exactly what ``amends slots --format json`` prints for the same options."""
    result: dict[str, Any] = services.find_slots(body, config(request).clock()).to_json()
    return result


@router.post("/check", dependencies=_CSRF, **answers(m.Check))
def post_check(body: CheckRequest) -> dict[str, Any]:
    """Exactly what ``amends check --format json`` prints for the same draft."""
    report: dict[str, Any] = services.check(
        body.text, kind=body.kind, reason=body.reason, ignore=body.ignore
    ).to_json()
    return report


@router.get("/cases", **answers(m.CaseList))
def get_cases(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """One page of the open cases: what ``amends cases --format json --limit --offset``
    prints, with ``total`` (open cases in all)."""
    cfg = config(request)
    return services.case_listing(cfg.db_path, cfg.clock(), limit, offset)


@router.get("/cases/{case_id}", **answers(m.CaseDetail))
def get_case(request: Request, case_id: str) -> dict[str, Any]:
    """Exactly what ``amends case show ID --format json`` prints."""
    cfg = config(request)
    try:
        return services.case_detail(cfg.db_path, case_id, cfg.clock())
    except InputError as err:
        if err.field != "case":
            raise
        raise HTTPException(404, detail=f"There is no case {case_id[:40]!r}.") from None


@router.post("/cases", status_code=201, dependencies=_CSRF, **answers(m.CaseDetail, 201))
def post_case(request: Request, body: PlanBody) -> dict[str, Any]:
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
    entry: int | None = Field(
        default=None, ge=1, le=1_000_000, description="correction: the history entry to withdraw."
    )


@router.post("/cases/{case_id}/record", dependencies=_CSRF, **answers(m.Recorded))
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


@router.post("/cases/{case_id}/write", dependencies=_CSRF, **answers(m.Written))
def post_write(request: Request, case_id: str, body: WriteRequest) -> dict[str, Any]:
    """Exactly what ``amends write KIND --case ID --format json`` prints."""
    cfg = config(request)
    return services.write_message(cfg.db_path, case_id, body.kind, cfg.clock(), body.topic)
