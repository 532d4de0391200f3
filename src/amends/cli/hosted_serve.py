"""`amends serve --hosted`: check everything a hosted install needs, then start the workers.

Every check fails with one line and exit 2 before any process starts: no
PostgreSQL URL, a missing or weak ``AMENDS_SECRET_KEY``, a database that cannot
be reached or is from a newer amends, a port that is taken or a ``--host`` that
does not resolve. What will be served, where and on which database (password
redacted) is announced before the port is bound; "running at" only once it is.
The schema is brought up to date here, once, so the workers start on a current
one. With ``--workers 1`` the app runs in this process; with more, uvicorn starts
that many processes on the socket bound here, each building the app from the
environment (:func:`amends.web.workers.app_from_env`).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from typing import Any

from amends.errors import InputError
from amends.store import DATABASE_URL_ENV, resolve_target

MAX_WORKERS = 64


def check_workers(workers: int) -> int:
    """``workers`` when it is a sensible number of processes, else ``InputError('workers')``."""
    if not 1 <= workers <= MAX_WORKERS:
        raise InputError(
            "workers", f"{workers} is not a number of processes from 1 to {MAX_WORKERS}"
        )
    return workers


def hosted_url(db_given: bool, url: str | None) -> str:
    """The PostgreSQL URL hosted mode runs on; an SQLite file is refused."""
    if db_given:
        raise InputError("db", "hosted mode runs on PostgreSQL: give --database-url, not --db")
    target = resolve_target(None, url)
    if target.url is None:
        raise InputError(
            "database_url",
            f"hosted mode needs a PostgreSQL database: pass --database-url or set "
            f"${DATABASE_URL_ENV} (postgresql://user@host/dbname)",
        )
    return target.url


def run_hosted(host: str, port: int, workers: int, url: str, allowed_hosts: list[str]) -> None:
    """Validate the configuration, migrate, and serve until stopped.

    ``allowed_hosts`` (from ``--host``) is extended by ``$AMENDS_ALLOWED_HOSTS``: the
    public names a reverse proxy forwards.
    """
    import uvicorn  # the web stack loads only when serving

    from amends.store.opening import open_store
    from amends.store.postgres import redact
    from amends.web.app import create_app
    from amends.web.auth import Hosted
    from amends.web.context import real_clock
    from amends.web.ops import secret_from_env
    from amends.web.server import bind
    from amends.web.workers import ALLOWED_HOSTS_ENV

    secret = secret_from_env()
    extra = [h.strip() for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    allowed_hosts = [*allowed_hosts, *(h for h in extra if h not in allowed_hosts)]
    store = open_store(url=url)  # reachable, not newer, migrated — or one line and exit 2
    common = {
        "log_level": "warning",
        "access_log": False,  # amends writes its own JSON access log, without personal data
        "server_header": False,
        "proxy_headers": True,  # client address and https from a reverse proxy on loopback
    }
    bare = host.strip().strip("[]")
    where = f"http://{f'[{bare}]' if ':' in bare else bare}:{port}/"
    processes = f"{workers} worker{'s' if workers != 1 else ''}"
    sys.stdout.write(
        f"amends: hosted mode ({processes}): sign-in, private cases and the API "
        f"at {where}, on {redact(url)}\n"
    )
    sys.stdout.flush()
    try:
        listening = bind(host, port)  # a taken port or unknown host: one line, exit 2
    except InputError:
        store.close()
        raise
    sys.stdout.write(f"amends is running at {where} (Ctrl+C to stop)\n")
    sys.stdout.flush()
    if workers == 1:
        web = create_app(
            hosted=Hosted(store, real_clock), csrf_secret=secret, allowed_hosts=allowed_hosts
        )
        try:
            uvicorn.Server(uvicorn.Config(web, **common)).run(sockets=[listening])  # type: ignore[arg-type]
        finally:
            store.close()
        return
    store.close()
    os.environ[DATABASE_URL_ENV] = url
    os.environ[ALLOWED_HOSTS_ENV] = ",".join(allowed_hosts)
    app = "amends.web.workers:app_from_env"
    config = uvicorn.Config(app, factory=True, workers=workers, **common)  # type: ignore[arg-type]
    serve_workers(config, listening)


def serve_workers(config: Any, listening: socket.socket) -> None:
    """uvicorn's worker processes, each accepting on the socket bound (and checked) above.

    The socket object itself is handed to the workers, as ``uvicorn.run`` does with one
    it binds. Handing them its file descriptor (``fd=``) made uvicorn rebuild it as a
    Unix socket, so asyncio never set ``TCP_NODELAY`` on the connections it accepted:
    a response written in two parts (headers, then body) waited for the client's
    delayed acknowledgement, ≈ 40 ms a request, whatever the number of workers.
    """
    from uvicorn.supervisors import Multiprocess

    with contextlib.suppress(KeyboardInterrupt):  # the supervisor stops its workers itself
        Multiprocess(config, sockets=[listening]).run()
