"""A hosted app on a fresh PostgreSQL schema, with signed-in clients for the web tests."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*starlette.testclient.*")
    from fastapi.testclient import TestClient

from amends.accounts import add_user
from amends.store.postgres import PostgresStore
from amends.web import create_app
from amends.web.auth import Hosted
from tests.pg_cluster import Cluster
from tests.web_support import BASE, NOW

SECRET = b"k3Jx9-qLw2Zr7Tn4Vb8Yp1Hs6Md0Fc5Ge_aUo"
PASSWORD = "correct horse battery"
PEOPLE = {
    "sam@example.org": "candidate",
    "ana@example.org": "candidate",
    "kim@coaching.example": "coach",
    "root@centre.example": "admin",
}


@dataclass
class HostedSite:
    """The app, its store and a settable clock."""

    store: PostgresStore
    now: list[datetime] = field(default_factory=lambda: [NOW])
    app: Any = None

    def client(self, base_url: str = BASE) -> TestClient:
        return TestClient(self.app, base_url=base_url)

    def csrf(self, client: TestClient) -> str:
        token = client.get("/api/csrf").json()["token"]
        assert isinstance(token, str)
        return token

    def signed_in(self, email: str, password: str = PASSWORD) -> TestClient:
        """A client with a live session for ``email`` and its CSRF token as a default header."""
        client = self.client()
        token = self.csrf(client)
        client.headers["X-CSRF-Token"] = token
        response = client.post("/api/session", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        return client


@contextmanager
def hosted_site(cluster: Cluster) -> Iterator[HostedSite]:
    """Four people (two candidates, a coach, an admin) on an empty hosted install."""
    with cluster.fresh_schema() as url, PostgresStore.open(url, pool_timeout=1.0) as store:
        for email, role in PEOPLE.items():
            add_user(store, email, role, PASSWORD, NOW)
        site = HostedSite(store)
        site.app = create_app(
            hosted=Hosted(store, lambda: site.now[0]),
            clock=lambda: site.now[0],
            csrf_secret=SECRET,
        )
        yield site
