"""Protections a server on the user's own machine still needs.

A local web app is reachable by every page the user's browser opens, so:

* **DNS rebinding** — a hostile site can make its own name resolve to
  127.0.0.1. :class:`HostGuard` refuses any ``Host`` header outside the
  allow-list (parsing ``[::1]:8765`` properly, which Starlette's stock
  middleware does not) and never looks at ``X-Forwarded-Host``.
* **Cross-site requests** — :class:`RequestGuard` refuses oversized bodies
  (413) and every state-changing request that is not both same-origin (by
  ``Origin`` or ``Sec-Fetch-Site``) and carrying the per-session CSRF token
  (double-submit: an HMAC-signed cookie echoed in a form field or header).
* **Injection and framing** — every response gets a CSP without inline script
  or style, ``frame-ancestors 'none'``, ``nosniff`` and ``no-referrer``.

These are plain ASGI middlewares so they also cover 404s, 405s and errors.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "amends_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
DEFAULT_MAX_BODY = 256 * 1024
MAX_FORM_FIELDS = 200
BODY_TIMEOUT = 20.0  # seconds to send a whole body; slow-loris clients are dropped
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)


def split_host(value: str) -> tuple[str, str | None] | None:
    """Split a ``Host`` header into (hostname, port); ``None`` when malformed.

    Handles bracketed IPv6 (``[::1]:8765`` -> ``("::1", "8765")``), which a naive
    split on the last colon gets wrong.
    """
    text = value.strip().lower()
    if not text or any(ch in text for ch in " /\\@?#\t"):
        return None
    if text.startswith("["):
        end = text.find("]")
        if end == -1:
            return None
        host, rest = text[1:end], text[end + 1 :]
        if rest and not rest.startswith(":"):
            return None
        port = rest[1:] if rest else None
    elif text.count(":") > 1:
        return None  # an IPv6 literal without brackets is not a valid Host header
    else:
        host, _, port_text = text.partition(":")
        port = port_text if ":" in text else None
    if port is not None and (not port.isdigit() or not 0 < int(port) < 65536):
        return None
    return (host, port) if host else None


def normalise_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """Allow-list entries as bare lowercase host names (brackets and ports removed)."""
    names: set[str] = set()
    for entry in hosts:
        text = entry.strip().lower()
        if text.startswith("[") and "]" in text:
            text = text[1 : text.index("]")]
        if text:
            names.add(text)
    return frozenset(names)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class _SlowBody(Exception):
    """The client did not finish sending its body within the time allowed."""


class _TooManyFields(Exception):
    """A form post with more fields than any of our forms has."""


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class HostGuard:
    """Refuse requests whose ``Host`` is not on the allow-list (DNS-rebinding defence)."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.allowed = normalise_hosts(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        parsed = split_host(_header(scope, b"host") or "")
        if parsed is None or parsed[0] not in self.allowed:
            await _plain(send, 400, "Invalid host header")
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Add the CSP and the other hardening headers to every HTTP response.

    It is the outermost middleware, so the host guard's 400 and the body guard's
    413 carry the headers too; an unhandled exception becomes a 500 answered
    here, with the headers, before Starlette's own error page (which would not
    pass through any middleware) can be sent. The exception is re-raised so the
    server still logs it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0] not in _OURS]
                headers.extend(SECURITY_HEADERS)
                if not any(k == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:
                await _json_error(send_with_headers, 500, "Something went wrong on our side.")
            raise


_OURS = frozenset(name for name, _ in SECURITY_HEADERS)


@dataclass(frozen=True)
class CsrfSigner:
    """Make and verify session tokens: ``nonce.hmac(secret, nonce)``."""

    secret: bytes

    @classmethod
    def random(cls) -> CsrfSigner:
        return cls(secrets.token_bytes(32))

    def _sign(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def new_token(self) -> str:
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        if not token or token.count(".") != 1 or len(token) > 200:
            return False
        nonce, sig = token.split(".")
        return hmac.compare_digest(sig, self._sign(nonce))


def cookie_value(scope: Scope, name: str) -> str | None:
    """The value of cookie ``name`` in the request's cookie header, if any."""
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is just "no such cookie"
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def cookie_token(scope: Scope) -> str | None:
    """The CSRF token from the request's cookie header, if any."""
    return cookie_value(scope, CSRF_COOKIE)


class RequestGuard:
    """Body-size limit for every request; same-origin and CSRF checks for unsafe methods."""

    def __init__(
        self,
        app: ASGIApp,
        signer: CsrfSigner,
        max_body: int = DEFAULT_MAX_BODY,
        body_timeout: float = BODY_TIMEOUT,
    ) -> None:
        self.app = app
        self.signer = signer
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _json_error(send, 413, "The request body is too large.")
            return
        try:
            body = await self._read(receive)
        except _SlowBody:
            await _json_error(send, 408, "The request body was not sent in time.")
            return
        if body is None:
            await _json_error(send, 413, "The request body is too large.")
            return
        if scope["method"] not in SAFE_METHODS:
            problem = self._forbidden(scope, body)
            if problem:
                await _json_error(send, *problem)
                return
        token = cookie_token(scope)
        if self.signer.valid(token):
            scope.setdefault("state", {})["csrf_token"] = token
            await self.app(scope, _replay(body, receive), send)
            return
        fresh = self.signer.new_token()
        scope.setdefault("state", {})["csrf_token"] = fresh
        await self.app(scope, _replay(body, receive), _with_cookie(send, fresh))

    async def _read(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        deadline = asyncio.get_running_loop().time() + self.body_timeout
        while True:
            left = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(left, 0.0))
            except TimeoutError:
                raise _SlowBody from None
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _forbidden(self, scope: Scope, body: bytes) -> tuple[int, str] | None:
        """Why this unsafe request is refused (status, message), or ``None`` when it may proceed."""
        if not same_origin(scope):
            return 403, "Cross-site request refused."
        cookie = cookie_token(scope)
        if not self.signer.valid(cookie):
            return 403, "Missing or expired session token; reload the page and try again."
        try:
            sent = _header(scope, CSRF_HEADER.encode()) or _form_token(scope, body)
        except _TooManyFields:
            return 413, f"The form has more than {MAX_FORM_FIELDS} fields."
        if not sent or not hmac.compare_digest(sent, cookie or ""):
            return 403, "Missing or wrong CSRF token; reload the page and try again."
        return None


def same_origin(scope: Scope) -> bool:
    """True unless ``Origin`` or ``Sec-Fetch-Site`` says the request comes from elsewhere.

    Browsers send ``Origin: null`` for form posts under ``Referrer-Policy:
    no-referrer``; then ``Sec-Fetch-Site`` (sent by every current browser) decides.
    Clients that send neither header (curl, scripts) still need the CSRF token.
    """
    origin = (_header(scope, b"origin") or "").strip().lower()
    host = (_header(scope, b"host") or "").strip().lower()
    if origin and origin != "null":
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc == host
    site = _header(scope, b"sec-fetch-site")
    if site is None:
        return origin != "null"
    return site.strip().lower() in ("same-origin", "none")


def _form_token(scope: Scope, body: bytes) -> str | None:
    ctype = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        return None
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), max_num_fields=MAX_FORM_FIELDS)
    except ValueError:
        raise _TooManyFields from None
    values = fields.get(CSRF_FIELD)
    return values[0] if values else None


def _with_cookie(send: Send, token: str) -> Send:
    """Wrap ``send`` so the response starts a session by setting the CSRF cookie."""
    cookie = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict".encode()

    async def send_cookie(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", []), (b"set-cookie", cookie)]
            message = {**message, "headers": headers}
        await send(message)

    return send_cookie


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _json_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
