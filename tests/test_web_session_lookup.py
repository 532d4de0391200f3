"""Hosted mode looks a request's session up off the event loop.

The lookup is a database round trip. Made on the event loop, it held up every
other request of that worker until it returned, so a worker answered one
signed-in request's lookup at a time however many clients waited. Here two
requests' lookups must be under way at the same moment: the fake store's
lookup waits (bounded) for the other one to start, which can only happen when
the loop is free.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime
from typing import Any

import httpx
from starlette.types import Receive, Scope, Send

from amends.web.auth import SESSION_COOKIE, Hosted, SignInGate


class _Store:
    """A hosted store whose session lookup waits until a second one has begun."""

    def __init__(self) -> None:
        self.both = threading.Barrier(2, timeout=10)

    def session_user(self, token_hash: str, now: datetime) -> Any:
        self.both.wait()  # BrokenBarrierError if the other lookup never starts
        return object()

    def for_user(self, user: Any) -> Any:
        return None


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def test_two_requests_look_their_sessions_up_at_the_same_time() -> None:
    store = _Store()
    gate = SignInGate(_ok, Hosted(store, lambda: datetime(2026, 11, 23, tzinfo=UTC)))  # type: ignore[arg-type]

    async def both() -> list[int]:
        transport = httpx.ASGITransport(app=gate)
        cookies = {SESSION_COOKIE: "a-session-token"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://127.0.0.1", cookies=cookies
        ) as client:
            answers = await asyncio.gather(client.get("/api/cases"), client.get("/api/cases"))
        return [answer.status_code for answer in answers]

    assert _run_on_own_loop(both) == [200, 200]
    assert not store.both.broken


def _run_on_own_loop(make: Any) -> Any:
    """Run a coroutine on a fresh loop in its own thread: a browser test earlier in the same
    process may leave an event loop running on the main thread, where ``asyncio.run`` refuses."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(make())))
    thread.start()
    thread.join(timeout=30)
    assert result, "the two lookups did not finish"
    return result[0]
