"""Starting the HTTP server honestly: bind first, then say where it runs; drop slow clients.

``amends serve`` used to print "running at ..." and then fail to bind, so a
port held by another program looked like amends (and the browser opened on
whatever held it). :func:`bind` takes the socket before anything is printed and
turns every failure into one :class:`~amends.errors.InputError`. The
:class:`TimelyH11Protocol` closes a connection whose request headers do not
arrive in time (a slow-loris client otherwise holds a connection forever;
uvicorn only times out idle keep-alive connections). Slow bodies are dropped
by :class:`~amends.web.security.RequestGuard`.
"""

from __future__ import annotations

import asyncio
import errno
import socket
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from amends.errors import InputError

HEADER_TIMEOUT = 10.0  # seconds for a client to send its request line and headers


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready socket on ``host:port``, or an ``InputError`` naming the option."""
    bare = host.strip().strip("[]")
    try:
        infos = socket.getaddrinfo(
            bare or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except (socket.gaierror, UnicodeError):
        raise InputError(
            "host", f"{host!r} is not an address or host name this computer can resolve"
        ) from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(
                "port", f"port {port} is already in use on {bare}; choose another with --port"
            ) from None
        if exc.errno == errno.EACCES:
            raise InputError(
                "port", f"port {port} needs administrator rights; use a port above 1023"
            ) from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise InputError("host", f"{bare} is not an address of this computer") from None
        raise InputError("host", f"cannot listen on {bare}:{port} ({exc.strerror})") from None
    return sock


class TimelyH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing connections whose headers arrive too slowly."""

    header_timeout = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def _arm_header_timer(self) -> None:
        self._cancel_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def handle_events(self) -> None:
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:
            self._cancel_header_timer()

    def on_response_complete(self) -> None:
        # Armed first: a pipelined request handled inside super() cancels it again.
        self._arm_header_timer()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_header_timer()
        super().connection_lost(exc)
