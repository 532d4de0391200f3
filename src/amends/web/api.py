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

from amends.request import PlanRequest
from amends.web import services
from amends.web.app import config, csrf_token

router = APIRouter(prefix="/api", tags=["api"])
MAX_DRAFT = 20_000


class CheckRequest(BaseModel):
    """Body of ``POST /api/check``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_DRAFT)


@router.get("/csrf")
def get_csrf(request: Request) -> dict[str, str]:
    """The session's CSRF token; send it back as ``X-CSRF-Token`` with the cookie."""
    return {"token": csrf_token(request), "header": "X-CSRF-Token"}


@router.post("/plan")
def post_plan(request: Request, body: PlanRequest) -> dict[str, Any]:
    """Exactly what ``amends plan --format json`` prints for the same options."""
    result = services.make_plan(services.with_profile(body), config(request).clock())
    return result.plan.to_json()


@router.post("/check")
def post_check(body: CheckRequest) -> dict[str, Any]:
    """Exactly what ``amends check --format json`` prints for the same draft."""
    report: dict[str, Any] = services.check(body.text).to_json()
    return report
