"""Running amends for many people: the secret key, health checks and access logs.

* The CSRF signing key comes from ``AMENDS_SECRET_KEY`` so every worker (and
  every restart) accepts every token; hosted mode refuses to start without a
  strong one rather than invent one per process.
* ``GET /healthz`` answers ``{"status", "database"}``: 200 when the database
  answers now, 503 when it does not — for the reverse proxy and the supervisor.
* Access logs are one JSON object per request on stderr, with the route
  *template* (``/api/cases/{case_id}``), never the path, query, client address,
  cookie or user — nothing that identifies a person.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amends.errors import InputError, StoreError
from amends.web.api_models import Health

SECRET_ENV = "AMENDS_SECRET_KEY"
MIN_SECRET = 32
_PLACEHOLDERS = ("change", "secret", "password", "example", "amends", "default", "xxxx")


def secret_key(value: str | None) -> bytes:
    """The signing key from ``AMENDS_SECRET_KEY``, or ``InputError`` when missing or weak."""
    how = "generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
    if value is None or not value.strip():
        raise InputError(f"${SECRET_ENV}", f"hosted mode needs this setting; {how}")
    text = value.strip()
    lowered = text.lower()
    if (
        len(text) < MIN_SECRET
        or len(set(text)) < 12
        or any(word in lowered for word in _PLACEHOLDERS)
    ):
        raise InputError(
            f"${SECRET_ENV}",
            f"is too weak (it needs {MIN_SECRET}+ random characters, "
            f"not a word or a pattern); {how}",
        )
    return text.encode()


def secret_from_env() -> bytes:
    """:func:`secret_key` applied to the environment."""
    return secret_key(os.environ.get(SECRET_ENV))


def health_router(ping: Callable[[], None]) -> APIRouter:
    """``GET /healthz`` around ``ping`` (which raises ``StoreError`` when the database is down)."""
    router = APIRouter(include_in_schema=True, tags=["operations"])

    health = {"model": Health, "description": "The database answers."}
    down = {"model": Health, "description": "The database does not answer."}

    @router.get("/healthz", response_model=None, responses={200: health, 503: down})
    def healthz() -> JSONResponse:
        """Whether this process can reach its database right now."""
        try:
            ping()
        except StoreError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})

    return router


def _route_template(scope: Scope) -> str:
    """The matched route's template (the router records it in the scope), never the path."""
    route = scope.get("route")
    return str(getattr(route, "path", None) or "(not routed)")


class AccessLog:
    """One JSON line per request: time, method, route template, status, duration, worker."""

    def __init__(self, app: ASGIApp, stream: TextIO | None = None) -> None:
        self.app = app
        self.stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            line = {
                "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "method": scope.get("method"),
                "route": _route_template(scope),
                "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 1),
                "worker": os.getpid(),
            }
            stream = self.stream or sys.stderr
            stream.write(json.dumps(line) + "\n")
            stream.flush()


def client_address(request: Request) -> str | None:
    """The client's address for rate limiting (set from X-Forwarded-For only by a trusted proxy)."""
    return request.client.host if request.client else None
