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
from amends.cli.hosted_serve import check_workers, hosted_url, run_hosted
from amends.cli.store_options import UrlOption
from amends.errors import InputError
from amends.store import resolve_target

SERVE_HELP = """Start the amends web app: plan, check a draft and track cases in your browser.

It listens on this computer only (127.0.0.1) and opens your browser. Binding to
any other address exposes your data to your network: it needs --allow-remote.

Hosted mode (--hosted) serves a career centre or a coach's candidates: everyone
signs in, each sees only their own cases and those shared with them, and
several processes (--workers) share one PostgreSQL database. It needs
--database-url (or $AMENDS_DATABASE_URL) and $AMENDS_SECRET_KEY.

Example:

  amends serve --port 8765 --no-browser

  AMENDS_SECRET_KEY=... amends serve --hosted --workers 4 --database-url postgresql://amends@localhost/amends
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
    hosted: Annotated[
        bool,
        typer.Option(
            "--hosted",
            help="Serve many people: sign-in on every page, PostgreSQL, $AMENDS_SECRET_KEY.",
        ),
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", help="Hosted mode: number of app processes.")
    ] = 1,
    url: UrlOption = None,
) -> None:
    if not 0 < port < 65536:
        raise InputError("port", f"{port} is not a port number between 1 and 65535")
    check_workers(workers)
    if hosted:
        database = hosted_url(db is not None, url)
    elif workers != 1:
        raise InputError("workers", "several processes need hosted mode: add --hosted")
    elif url is not None or resolve_target(db, None).url is not None:
        raise InputError(
            "database_url",
            "a PostgreSQL database is served with --hosted (sign-in, private cases per person)",
        )
    if not is_loopback(host) and not allow_remote:
        raise InputError(
            "host",
            f"{host} is not a loopback address; add --allow-remote to expose amends "
            "to your network",
        )
    if hosted:
        run_hosted(host, port, workers, database, allowed_hosts_for(host))
        return
    import uvicorn  # the web stack loads only when serving, so other commands start fast

    from amends.web import create_app
    from amends.web.server import TimelyH11Protocol, bind

    listening = bind(host, port)  # before "running at": a taken port is an error, not a lie
    if not is_loopback(host):  # (hosted mode signs every request in, so it has no warning)
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
