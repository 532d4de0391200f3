"""Errors as people see them: an HTML page for the pages, FastAPI's JSON shape for the API."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from amends.errors import InputError, StateError, StoreError
from amends.web.context import csrf_token, render_page, wants_html
from amends.web.labels import error_text, label
from amends.web.views import ErrorPage, Layout


def input_error_detail(err: InputError) -> list[dict[str, Any]]:
    """FastAPI's own 422 shape for one core :class:`InputError` (its alternatives in ``ctx``)."""
    item: dict[str, Any] = {"loc": ["body", err.field], "msg": err.message, "type": "value_error"}
    if err.alternatives:
        choices = [{"field": a.field, "value": a.value} for a in err.alternatives]
        item["ctx"] = {"alternatives": choices}
    return [item]


def install_error_handlers(app: FastAPI) -> None:
    """Answer core errors with 422/409/503 (page or JSON) instead of a 500."""

    def page(request: Request, status: int, message: str) -> Response:
        layout = Layout(csrf=csrf_token(request), active="", title="Something went wrong")
        return render_page(request, "error.html", ErrorPage(layout, status, message), status)

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        if wants_html(request):
            return page(request, 422, f"{label(exc.field)}: {error_text(exc)}")
        return JSONResponse({"detail": input_error_detail(exc)}, status_code=422)

    @app.exception_handler(StateError)
    async def state_error(request: Request, exc: StateError) -> Response:
        if wants_html(request):
            return page(request, 409, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=409)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        if wants_html(request):
            return page(request, 503, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_html(request):
            return page(request, exc.status_code, str(exc.detail))
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if wants_html(request):
            names = ", ".join(sorted({label(str(d["loc"][-1])) for d in detail}))
            return page(request, 422, f"Part of the form was missing or not valid: {names}.")
        return JSONResponse({"detail": detail}, status_code=422)
