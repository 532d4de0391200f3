"""Hosted mode's JSON API: sessions, sharing a case with a coach, one's own data, admin.

Every answer comes from :mod:`amends.accounts` or the user's scoped store; the
routes only translate. Another user's case is "no such case" in the store and
so a 404 here, like on every other route.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from amends import accounts
from amends.errors import InputError
from amends.store import HostedStore, UserRecord
from amends.web import api_models as m
from amends.web import services
from amends.web.api_models import answers
from amends.web.auth import Hosted, current_store, current_user, is_https, session_cookie
from amends.web.auth import session_token as cookie_session
from amends.web.context import config
from amends.web.ops import client_address

router = APIRouter(prefix="/api", tags=["hosted"])


def hosted(request: Request) -> Hosted:
    """The running app's hosted-mode settings."""
    value: Hosted = request.app.state.hosted
    return value


def me() -> UserRecord:
    """The signed-in user (the sign-in gate guarantees one on these routes)."""
    user = current_user.get()
    if user is None:
        raise HTTPException(401, "sign in first")
    return user


def my_store() -> HostedStore:
    """The signed-in user's scoped store."""
    store = current_store.get()
    if store is None:
        raise HTTPException(401, "sign in first")
    return store


def admin() -> UserRecord:
    """The signed-in user when they are an admin; 403 otherwise."""
    user = me()
    if user.role != "admin":
        raise HTTPException(403, "only an admin can do this")
    return user


class SignIn(BaseModel):
    """Body of ``POST /api/session``."""

    model_config = ConfigDict(extra="forbid", str_max_length=1024)

    email: str
    password: str


class Password(BaseModel):
    """Body of ``DELETE /api/me``: the password confirms the deletion."""

    model_config = ConfigDict(extra="forbid", str_max_length=1024)

    password: str


class NewPassword(BaseModel):
    """Body of ``PUT /api/me/password``."""

    model_config = ConfigDict(extra="forbid", str_max_length=1024)

    password: str
    new_password: str


class Share(BaseModel):
    """Body of ``POST /api/cases/{id}/share``."""

    model_config = ConfigDict(extra="forbid")

    coach: str = Field(max_length=254)


def sign_in_response(request: Request, body: SignIn) -> Response:
    """Sign in, answering 200 with the session cookie, or 401 / 403 / 429."""
    h = hosted(request)
    try:
        session = accounts.sign_in(
            h.store, body.email, body.password, client_address(request), h.clock()
        )
    except accounts.RateLimited as exc:
        return JSONResponse(
            {"detail": str(exc)}, status_code=429, headers={"Retry-After": str(exc.retry_after)}
        )
    except accounts.SignInRefused as exc:
        return JSONResponse({"detail": str(exc)}, status_code=403 if exc.disabled else 401)
    response = JSONResponse(
        {**_me_json(session.user), "expires_at": session.expires_at.isoformat()}
    )
    response.headers.append("set-cookie", session_cookie(session, is_https(request.scope)))
    return response


def _me_json(user: UserRecord) -> dict[str, Any]:
    return {"email": user.email, "role": user.role}


@router.post("/session", **answers(m.Session, what="Signed in."))
def post_session(request: Request, body: SignIn) -> Response:
    """Sign in with email and password; sets the ``amends_session`` cookie."""
    return sign_in_response(request, body)


@router.delete("/session", status_code=204)
def delete_session(request: Request) -> Response:
    """Sign out: the session ends on the server and the cookie is cleared."""
    h = hosted(request)
    accounts.sign_out(h.store, cookie_session(request.scope), h.clock())
    response = Response(status_code=204)
    response.headers.append("set-cookie", session_cookie(None, is_https(request.scope)))
    return response


@router.get("/me", **answers(m.Me, what="Who is signed in."))
def get_me() -> dict[str, Any]:
    """Who is signed in."""
    return _me_json(me())


@router.get("/me/export", **answers(m.AccountExport))
def get_my_export(request: Request) -> dict[str, Any]:
    """Everything amends holds about me, in the shape of ``amends export`` plus ``account``."""
    return accounts.export_account(hosted(request).store, me(), hosted(request).clock())


@router.delete("/me", **answers(m.Deleted, what="The account and its cases are erased."))
def delete_me(request: Request, body: Password) -> Response:
    """Delete my account and every case I own (the password confirms it)."""
    h = hosted(request)
    user = me()
    try:
        erased = accounts.delete_account(h.store, user, body.password, h.clock())
    except accounts.SignInRefused as exc:
        return JSONResponse({"detail": str(exc)}, status_code=403)
    response = JSONResponse({"deleted": user.email, "cases_erased": erased})
    response.headers.append("set-cookie", session_cookie(None, is_https(request.scope)))
    return response


@router.put("/me/password", **answers(m.Session, what="Password changed."))
def put_my_password(request: Request, body: NewPassword) -> Response:
    """Change my password: every other session ends; this one goes on with a new cookie."""
    h = hosted(request)
    try:
        session = accounts.change_password(
            h.store, me(), body.password, body.new_password, h.clock()
        )
    except accounts.SignInRefused as exc:
        return JSONResponse({"detail": str(exc)}, status_code=403)
    response = JSONResponse(
        {**_me_json(session.user), "expires_at": session.expires_at.isoformat()}
    )
    response.headers.append("set-cookie", session_cookie(session, is_https(request.scope)))
    return response


@router.get("/cases/{case_id}/share", **answers(m.Shares, what="Who the case is shared with."))
def get_shares(request: Request, case_id: str) -> dict[str, Any]:
    """The coaches one of my cases is shared with."""
    coaches = services.case_coaches(config(request).db_path, case_id)
    return {"case_id": case_id, "shared_with": coaches}


@router.post("/cases/{case_id}/share", **answers(m.Shares, what="Shared."))
def post_share(request: Request, case_id: str, body: Share) -> dict[str, Any]:
    """Share one of my cases with a coach (they may read it and add notes)."""
    cfg = config(request)
    coaches = services.share_case(cfg.db_path, case_id, body.coach, cfg.clock())
    return {"case_id": case_id, "shared_with": coaches}


@router.delete("/cases/{case_id}/share/{email}", **answers(m.Shares, what="No longer shared."))
def delete_share(request: Request, case_id: str, email: str) -> dict[str, Any]:
    """Stop sharing one of my cases with a coach (404 when it was not shared with them)."""
    coaches = services.unshare_case(config(request).db_path, case_id, email)
    if coaches is None:
        raise HTTPException(404, f"case {case_id} is not shared with that coach")
    return {"case_id": case_id, "shared_with": coaches}


@router.get("/admin/users", **answers(m.Users, what="Every account."))
def admin_users(request: Request) -> dict[str, Any]:
    """Every account (admins only)."""
    admin()
    return {"users": [u.to_json() for u in hosted(request).store.list_users()]}


@router.get("/admin/users/{email}/export", **answers(m.AccountExport))
def admin_export(request: Request, email: str) -> dict[str, Any]:
    """Everything amends holds about one user (admins only)."""
    admin()
    h = hosted(request)
    return accounts.export_account(h.store, _user(h.store, email), h.clock())


@router.delete(
    "/admin/users/{email}", **answers(m.Deleted, what="The account and its cases are erased.")
)
def admin_delete(request: Request, email: str) -> dict[str, Any]:
    """Delete a user and every case they own (admins only)."""
    admin()
    h = hosted(request)
    user = _user(h.store, email)
    return {
        "deleted": user.email,
        "cases_erased": accounts.delete_account(h.store, user, None, h.clock()),
    }


def _user(store: HostedStore, email: str) -> UserRecord:
    try:
        return accounts.find_user(store, email)
    except InputError as exc:  # unknown or malformed address: not found
        raise HTTPException(404, "there is no such account") from exc
