"""Hosted mode's sign-in gate: who is asking, and which store they may see.

:class:`SignInGate` is a plain ASGI middleware (so it also covers 404s and
errors) that runs inside the CSRF guard. It reads the opaque session cookie,
looks the session up in the database (so any worker accepts any session), and
either lets the request through with the signed-in user and their scoped
store, or answers: 401 JSON for ``/api/…`` (never a redirect), a 303 to the
sign-in page for pages. Sign-in itself, static files, the CSRF token and
``GET /healthz`` are open.

The scoped store travels in a context variable, which Starlette copies into
the worker thread of a sync route, so the existing services reach the right
user's cases without taking a user parameter.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amends.accounts import Session, session_user
from amends.accounts.sessions import SESSION_HOURS
from amends.errors import StoreError
from amends.store import HostedStore, UserRecord
from amends.store.opening import open_store
from amends.web.security import cookie_value

SESSION_COOKIE = "amends_session"
SIGN_IN_PATH = "/sign-in"
OPEN_PATHS = frozenset({SIGN_IN_PATH, "/healthz", "/api/csrf"})
OPEN_API = frozenset({("POST", "/api/session")})

current_store: ContextVar[HostedStore | None] = ContextVar("amends_current_store", default=None)
current_user: ContextVar[UserRecord | None] = ContextVar("amends_current_user", default=None)


@dataclass(frozen=True)
class Hosted:
    """What hosted mode adds to an app: the shared store and the clock."""

    store: HostedStore
    clock: Callable[[], datetime]


def case_store(db_path: Path | None) -> HostedStore:
    """The store a web request works on: the signed-in user's scoped view in hosted
    mode (closing it leaves the shared pool open), else the local database."""
    scoped = current_store.get()
    return scoped if scoped is not None else open_store(db_path)


def session_token(scope: Scope) -> str | None:
    """The session token from the request's cookie header, if any."""
    return cookie_value(scope, SESSION_COOKIE)


def is_https(scope: Scope) -> bool:
    """True when the client reached us over HTTPS (directly or via a trusted proxy)."""
    return scope.get("scheme") == "https"


def session_cookie(session: Session | None, https: bool) -> str:
    """The ``Set-Cookie`` value that starts (or, for ``None``, ends) a session."""
    secure = "; Secure" if https else ""
    if session is None:
        return f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{secure}"
    age = SESSION_HOURS * 3600
    return (
        f"{SESSION_COOKIE}={session.token}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{secure}"
    )


def is_open(method: str, path: str) -> bool:
    """Routes that work without signing in."""
    return path in OPEN_PATHS or path.startswith("/static/") or (method, path) in OPEN_API


async def _deny(scope: Scope, send: Send, status: int, detail: str) -> None:
    path = str(scope.get("path", "/"))
    if path.startswith("/api/") or path == "/openapi.json":
        body = json.dumps({"detail": detail}).encode()
        headers = [(b"content-type", b"application/json")]
    elif status == 401:  # a page: on to the sign-in form, back here afterwards
        target = SIGN_IN_PATH
        if scope.get("method") == "GET" and path not in ("/", SIGN_IN_PATH):
            target += "?next=" + quote(path, safe="/")
        body, status = b"", 303
        headers = [(b"location", target.encode())]
    else:
        body = f"amends cannot serve this page right now: {detail}\n".encode()
        headers = [(b"content-type", b"text/plain; charset=utf-8")]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SignInGate:
    """Every route but the open ones needs a live session; sets the user's scoped store."""

    def __init__(self, app: ASGIApp, hosted: Hosted) -> None:
        self.app = app
        self.hosted = hosted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = str(scope["method"]), str(scope["path"])
        token = session_token(scope)
        try:
            # The lookup is a database round trip: in a worker thread, so this worker's
            # event loop goes on reading and answering other requests meanwhile (on the
            # loop, every signed-in request waited for every other one's lookup).
            user = (
                None
                if token is None
                else await run_in_threadpool(
                    session_user, self.hosted.store, token, self.hosted.clock()
                )
            )
        except StoreError as exc:
            if is_open(method, path):
                user = None  # /healthz and sign-in report the outage themselves
            else:
                await _deny(scope, send, 503, str(exc))
                return
        if user is None and not is_open(method, path):
            clear = token is not None  # expired or forged: drop it
            await _deny(
                scope, _clearing(send, is_https(scope)) if clear else send, 401, "sign in first"
            )
            return
        scope.setdefault("state", {})["user"] = user
        store_token = current_store.set(self.hosted.store.for_user(user) if user else None)
        user_token = current_user.set(user)
        try:
            await self.app(scope, receive, send)
        finally:
            current_store.reset(store_token)
            current_user.reset(user_token)


def _clearing(send: Send, https: bool) -> Send:
    cookie = session_cookie(None, https).encode()

    async def send_clear(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
        await send(message)

    return send_clear
