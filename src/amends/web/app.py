"""The FastAPI application factory for ``amends serve``.

:func:`create_app` wires the security middlewares around the HTML pages and the
JSON API. Everything that varies between a real run and a test (database path,
clock, allowed hosts) is a parameter, so tests never patch globals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from amends import __version__
from amends.errors import InputError, StateError, StoreError
from amends.web.auth import Hosted
from amends.web.security import (
    DEFAULT_MAX_BODY,
    LOOPBACK_HOSTS,
    CsrfSigner,
    HostGuard,
    RequestGuard,
    SecurityHeaders,
)

Clock = Callable[[], datetime]
WEB_DIR = Path(str(resources.files("amends.web")))


def real_clock() -> datetime:
    """The only place the web app reads the real time."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class WebConfig:
    """Per-app settings the routes read from ``request.app.state.config``."""

    db_path: Path | None
    clock: Clock
    templates: Environment


def config(request: Request) -> WebConfig:
    """The running app's :class:`WebConfig`."""
    cfg: WebConfig = request.app.state.config
    return cfg


def csrf_token(request: Request) -> str:
    """The session's CSRF token (set by :class:`RequestGuard` on every request)."""
    return str(getattr(request.state, "csrf_token", ""))


def render(request: Request, template: str, page: Any, status: int = 200) -> HTMLResponse:
    """Render ``template`` with the single typed context object ``page``."""
    env = config(request).templates
    html = env.get_template(template).render(page=page)
    return HTMLResponse(html, status_code=status)


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(WEB_DIR / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    return env


def create_app(
    *,
    db_path: Path | None = None,
    clock: Clock | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    max_body: int = DEFAULT_MAX_BODY,
    csrf_secret: bytes | None = None,
    hosted: Hosted | None = None,
) -> FastAPI:
    """Build the app. ``clock`` replaces the real time (tests); ``db_path`` the case store.

    With ``hosted`` (issue 14) every route but sign-in, static files and
    ``/healthz`` needs a session, cases come from the user's scoped store and
    ``csrf_secret`` must be the configured key shared by every worker.
    """
    from amends.web import api, pages

    app = FastAPI(
        title="amends",
        version=__version__,
        description="Local JSON API of amends: plan, slots, check and cases. "
        "State-changing requests need the X-CSRF-Token header (GET /api/csrf).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = WebConfig(db_path=db_path, clock=clock or real_clock, templates=_templates())
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    if hosted is not None and not csrf_secret:
        raise ValueError("hosted mode needs the configured csrf_secret (AMENDS_SECRET_KEY)")
    if hosted is not None:
        from amends.web.hosted import install_hosted

        install_hosted(app, hosted)
    signer = CsrfSigner(csrf_secret) if csrf_secret else CsrfSigner.random()
    # Added innermost first: HostGuard runs first, then headers, then (hosted) the
    # sign-in gate — so a signed-out API call is a 401 — then body/CSRF checks.
    app.add_middleware(RequestGuard, signer=signer, max_body=max_body)
    if hosted is not None:
        from amends.web.auth import SignInGate

        app.add_middleware(SignInGate, hosted=hosted)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HostGuard, allowed_hosts=list(allowed_hosts))
    if hosted is not None:
        from amends.web.ops import AccessLog

        app.add_middleware(AccessLog)
    return app


def input_error_detail(err: InputError) -> list[dict[str, Any]]:
    """FastAPI's own 422 shape for one core :class:`InputError`."""
    return [{"loc": ["body", err.field], "msg": err.message, "type": "value_error"}]


def _error_handlers(app: FastAPI) -> None:
    from amends.web.views import ErrorPage, Layout

    def page(request: Request, status: int, message: str) -> Response:
        layout = Layout(csrf=csrf_token(request), active="", title="Something went wrong")
        return render(request, "error.html", ErrorPage(layout, status, message), status)

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        if wants_html(request):
            return page(request, 422, exc.cli_text())
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
            return page(request, 422, "; ".join(f"{d['loc'][-1]}: {d['msg']}" for d in detail))
        return JSONResponse({"detail": detail}, status_code=422)
