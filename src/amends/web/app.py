"""The FastAPI application factory for ``amends serve``.

:func:`create_app` only builds the app: it wires the security middlewares around
the HTML pages and the JSON API. Shared page context lives in
:mod:`amends.web.context`, error pages in :mod:`amends.web.error_pages`. Everything
that varies between a real run and a test (database path, clock, allowed hosts)
is a parameter, so tests never patch globals.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from amends import __version__
from amends.web import api, case_pages, pages, shell
from amends.web.auth import Hosted, SignInGate
from amends.web.context import WEB_DIR, Clock, WebConfig, page_templates, real_clock
from amends.web.error_pages import install_error_handlers
from amends.web.hosted import install_hosted
from amends.web.ops import AccessLog
from amends.web.security import (
    BODY_TIMEOUT,
    DEFAULT_MAX_BODY,
    LOOPBACK_HOSTS,
    CsrfSigner,
    HostGuard,
    RequestGuard,
    SecurityHeaders,
)


def create_app(
    *,
    db_path: Path | None = None,
    clock: Clock | None = None,
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    max_body: int = DEFAULT_MAX_BODY,
    csrf_secret: bytes | None = None,
    body_timeout: float = BODY_TIMEOUT,
    hosted: Hosted | None = None,
) -> FastAPI:
    """Build the app. ``clock`` replaces the real time (tests); ``db_path`` the case store.

    With ``hosted`` (issue 14) every route but sign-in, static files and
    ``/healthz`` needs a session, cases come from the user's scoped store and
    ``csrf_secret`` must be the configured key every worker shares.
    """
    if hosted is not None and not csrf_secret:
        raise ValueError("hosted mode needs the configured csrf_secret (AMENDS_SECRET_KEY)")
    app = FastAPI(
        title="amends",
        version=__version__,
        description="Local JSON API of amends: plan, slots, check and cases. "
        "State-changing requests need the X-CSRF-Token header (GET /api/csrf).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.config = WebConfig(
        db_path=db_path, clock=clock or real_clock, templates=page_templates()
    )
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(case_pages.router)
    app.include_router(shell.router)
    install_error_handlers(app)
    if hosted is not None:
        install_hosted(app, hosted)
    signer = CsrfSigner(csrf_secret) if csrf_secret else CsrfSigner.random()
    # Added innermost first: the security headers wrap everything but the access log (so
    # even a refused host or a 500 carries them), then HostGuard, then (hosted) the sign-in
    # gate — so a signed-out API call is a 401 — then body/CSRF checks.
    app.add_middleware(RequestGuard, signer=signer, max_body=max_body, body_timeout=body_timeout)
    if hosted is not None:
        app.add_middleware(SignInGate, hosted=hosted)
    app.add_middleware(HostGuard, allowed_hosts=list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    if hosted is not None:
        app.add_middleware(AccessLog)  # outermost: every request, refused or not
    return app
