"""Hosted workers accept on the TCP socket itself, so their connections get ``TCP_NODELAY``.

Handing uvicorn the socket's file descriptor (``fd=``) made it rebuild the socket
as a Unix one, and asyncio sets ``TCP_NODELAY`` only on TCP sockets: every
response written in two parts then waited for the client's delayed
acknowledgement. The workers must receive the bound socket object, with its
real family.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
import uvicorn
import uvicorn.supervisors

from amends.cli.hosted_serve import serve_workers


def test_the_workers_receive_the_bound_tcp_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: dict[str, Any] = {}

    class Supervisor:
        def __init__(self, config: Any, sockets: list[socket.socket]) -> None:
            handed.update(config=config, sockets=sockets)

        def run(self) -> None:
            handed["ran"] = True

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        config = uvicorn.Config("amends.web.workers:app_from_env", factory=True, workers=2)
        serve_workers(config, listening)
        assert handed["ran"]
        assert handed["config"].fd is None and handed["config"].workers == 2
        assert handed["sockets"] == [listening]
        assert handed["sockets"][0].family == socket.AF_INET  # asyncio sets TCP_NODELAY on it
