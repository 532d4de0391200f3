"""`amends serve`: run the local web app (loopback only unless explicitly allowed)."""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
import webbrowser
from pathlib import Path
from typing import Annotated, Any

import typer

from amends.cli.app import app
from amends.errors import InputError

SERVE_HELP = """Start the amends web app: plan, check a draft and track cases in your browser.

It listens on this computer only (127.0.0.1) and opens your browser. Binding to
any other address exposes your data to your network: it needs --allow-remote.

Example:

  amends serve --port 8765 --no-browser
"""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback IP literals (``127.x``, ``::1``)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str) -> list[str]:
    """Host headers to accept: loopback names, plus the bound name for remote binds."""
    from amends.web.security import LOOPBACK_HOSTS  # imported lazily: keeps `amends` quick

    names = list(LOOPBACK_HOSTS)
    bare = host.strip().strip("[]").lower()
    if bare in ("0.0.0.0", "::", ""):
        names.extend({socket.gethostname().lower(), socket.getfqdn().lower()})
    elif bare not in names:
        names.append(bare)
    return names


def browser_url(host: str, port: int) -> str:
    """The address to open: loopback for wildcard binds, brackets around IPv6."""
    bare = host.strip().strip("[]")
    if bare in ("0.0.0.0", "::", ""):
        bare = "127.0.0.1"
    shown = f"[{bare}]" if ":" in bare else bare
    return f"http://{shown}:{port}/"


@app.command("serve", help=SERVE_HELP)
def serve_command(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Do not open a browser window.")
    ] = False,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Allow a non-loopback --host (others on your network can connect).",
        ),
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Case database file (default: $AMENDS_DB or your data folder).",
            show_default=False,
        ),
    ] = None,
) -> None:
    if not 0 < port < 65536:
        raise InputError("port", f"{port} is not a port number between 1 and 65535")
    if not is_loopback(host) and not allow_remote:
        raise InputError(
            "host",
            f"{host} is not a loopback address; add --allow-remote to expose amends "
            "to your network",
        )
    import uvicorn  # the web stack loads only when serving, so other commands start fast

    from amends.web import create_app
    from amends.web.server import TimelyH11Protocol, bind

    listening = bind(host, port)  # before "running at": a taken port is an error, not a lie
    if not is_loopback(host):
        sys.stderr.write(
            f"amends: warning: listening on {host}: anyone who can reach this machine on "
            f"port {port} can read and change your plans and cases.\n"
        )
    web = create_app(db_path=db, allowed_hosts=allowed_hosts_for(host))
    url = browser_url(host, port)
    server = uvicorn.Server(
        uvicorn.Config(
            web,
            host=host.strip("[]"),
            port=port,
            log_level="warning",
            server_header=False,
            http=TimelyH11Protocol,
        )
    )
    sys.stdout.write(f"amends is running at {url} (Ctrl+C to stop)\n")
    sys.stdout.flush()
    if not no_browser:
        threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
    server.run(sockets=[listening])


def _open_when_ready(server: Any, url: str) -> None:
    """Open the browser once the server accepts connections (not before: it would fail)."""
    for _ in range(100):
        if server.started:
            webbrowser.open(url)
            return
        time.sleep(0.1)
