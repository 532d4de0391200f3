"""Hosted mode wired into the app: sign-in pages, the gate, health, logs, error mapping.

:func:`install_hosted` turns the app :func:`~amends.web.app.create_app` builds
into a multi-user one (the worker processes build theirs with
:func:`amends.web.workers.app_from_env`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, cast

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from amends import accounts
from amends.errors import AccessError, InputError
from amends.web import hosted_api, services
from amends.web.auth import (
    SIGN_IN_PATH,
    Hosted,
    current_user,
    is_https,
    session_cookie,
    session_token,
)
from amends.web.context import config, csrf_token, render_page, wants_html
from amends.web.ops import client_address, health_router
from amends.web.views import ErrorPage, Layout, SignInPage

pages = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: ``/cases`` yes, ``//evil.example`` or ``https://…`` no."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/cases"
    return target


def _page(request: Request, email: str, nxt: str, error: str | None, status: int) -> Response:
    layout = Layout(csrf=csrf_token(request), active="", title="Sign in")
    return render_page(request, "sign_in.html", SignInPage(layout, email, nxt, error), status)


@pages.get(SIGN_IN_PATH, response_class=HTMLResponse)
def sign_in_form(request: Request, next: str | None = None) -> Response:
    """The sign-in page (signed-in users go straight on)."""
    if current_user.get() is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _page(request, "", _safe_next(next), None, 200)


@pages.post(SIGN_IN_PATH, response_class=HTMLResponse)
def sign_in_post(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/cases",
) -> Response:
    """Sign in from the form: on to ``next`` with the cookie, or the form again with why."""
    h: Hosted = request.app.state.hosted
    target = _safe_next(next)
    try:
        session = accounts.sign_in(h.store, email, password, client_address(request), h.clock())
    except accounts.RateLimited as exc:
        return _page(request, email, target, str(exc).capitalize() + ".", 429)
    except accounts.SignInRefused as exc:
        return _page(
            request, email, target, str(exc).capitalize() + ".", 403 if exc.disabled else 401
        )
    response = RedirectResponse(target, status_code=303)
    response.headers.append("set-cookie", session_cookie(session, is_https(request.scope)))
    return response


@pages.post("/cases/{case_id}/share")
def share_post(
    request: Request, case_id: str, coach: Annotated[str, Form(max_length=254)] = ""
) -> Response:
    """Share one of my cases with a coach from the Cases page."""
    cfg = config(request)
    services.share_case(cfg.db_path, case_id, coach, cfg.clock())
    return RedirectResponse(f"/cases#case-{case_id}", status_code=303)


@pages.post("/cases/{case_id}/unshare")
def unshare_post(
    request: Request, case_id: str, coach: Annotated[str, Form(max_length=254)] = ""
) -> Response:
    """Stop sharing one of my cases with a coach from the Cases page."""
    services.unshare_case(config(request).db_path, case_id, coach)
    return RedirectResponse(f"/cases#case-{case_id}", status_code=303)


@pages.post("/sign-out")
def sign_out_post(request: Request) -> Response:
    """End this session and go back to the sign-in page."""
    h: Hosted = request.app.state.hosted
    accounts.sign_out(h.store, session_token(request.scope), h.clock())
    response = RedirectResponse(SIGN_IN_PATH, status_code=303)
    response.headers.append("set-cookie", session_cookie(None, is_https(request.scope)))
    return response


def install_hosted(app: FastAPI, hosted: Hosted) -> None:
    """Add hosted mode's routes and error mapping to ``app`` (middlewares: see create_app)."""
    app.state.hosted = hosted
    app.include_router(health_router(hosted.store.ping))
    app.include_router(hosted_api.router)
    app.include_router(pages)
    env = app.state.config.templates
    env.globals["signed_in"] = current_user.get
    env.globals["hosted"] = True
    local_input_error = cast(
        Callable[[Request, Exception], Awaitable[Response]], app.exception_handlers[InputError]
    )

    async def input_error(request: Request, exc: Exception) -> Response:
        # An unknown case id — or another user's — is a missing resource here.
        if isinstance(exc, InputError) and exc.field == "case":
            if wants_html(request):
                return _error_page(request, 404, exc.message)
            return JSONResponse({"detail": exc.message}, status_code=404)
        response: Response = await local_input_error(request, exc)
        return response

    async def access_error(request: Request, exc: Exception) -> Response:
        if wants_html(request):
            return _error_page(request, 403, str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=403)

    app.add_exception_handler(InputError, input_error)
    app.add_exception_handler(AccessError, access_error)


def _error_page(request: Request, status: int, message: str) -> Response:
    layout = Layout(csrf=csrf_token(request), active="", title="Something went wrong")
    return render_page(request, "error.html", ErrorPage(layout, status, message), status)
