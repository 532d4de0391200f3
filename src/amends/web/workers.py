"""The app each ``amends serve --hosted --workers N`` process runs, built from the environment.

uvicorn imports :func:`app_from_env` as a factory in every worker, so the
workers share nothing but PostgreSQL (sessions, rate limits, cases) and the
configured ``AMENDS_SECRET_KEY`` (CSRF tokens): any worker accepts any session.
``amends serve`` checks the same settings, with one-line errors, before it
starts them.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from amends.store import DATABASE_URL_ENV
from amends.store.opening import open_store
from amends.web.app import create_app
from amends.web.auth import Hosted
from amends.web.context import real_clock
from amends.web.ops import secret_from_env
from amends.web.security import LOOPBACK_HOSTS

ALLOWED_HOSTS_ENV = "AMENDS_ALLOWED_HOSTS"


def allowed_hosts_from_env() -> list[str]:
    """``AMENDS_ALLOWED_HOSTS`` (comma-separated) or the loopback names."""
    hosts = [h.strip() for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    return hosts or list(LOOPBACK_HOSTS)


def app_from_env() -> FastAPI:
    """The hosted app configured only by the environment (one per worker process)."""
    secret = secret_from_env()
    store = open_store(url=os.environ.get(DATABASE_URL_ENV) or "")
    return create_app(
        hosted=Hosted(store, real_clock),
        csrf_secret=secret,
        allowed_hosts=allowed_hosts_from_env(),
    )
