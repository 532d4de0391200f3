"""Isolation, walked route by route: every route of the OpenAPI schema (and every page
route that takes a case id), called as a second user, returns nothing of the first
user's data — another user's case is a 404 everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from amends.web import create_app
from amends.web.auth import Hosted
from tests.hosted_support import PASSWORD, SECRET, HostedSite, hosted_site
from tests.pg_cluster import Cluster
from tests.web_support import NOW, PLAN_BODY

FIRST = "sam@example.org"
SECOND = "ana@example.org"
COACH = "kim@coaching.example"
# Bodies that would be valid for each route, so a refusal is about ownership, not shape.
BODIES: dict[str, dict[str, Any]] = {
    "/api/cases/{case_id}/record": {"event": "note", "text": "written by someone else"},
    "/api/cases/{case_id}/write": {"kind": "follow-up"},
    "/api/cases/{case_id}/share": {"coach": COACH},
    "/api/session": {"email": SECOND, "password": PASSWORD},
    "/api/me": {"password": "not the password"},
    "/api/me/password": {"password": "not the password", "new_password": "a whole new phrase"},
    "/api/check": {"text": "Sorry I missed it."},
    "/api/slots": {"tz": "Europe/London", "now": "2026-11-23T11:30+00:00"},
}
# Routes whose purpose is the caller's own account, answered for the second user.
OWN = {"/api/me", "/api/me/export", "/api/me/password", "/api/session", "/api/csrf", "/healthz"}


@pytest.fixture(scope="module")
def world(pg_cluster: Cluster) -> Iterator[tuple[HostedSite, str, set[str]]]:
    """The first user owns a case shared with a coach; returns strings only they may see."""
    with hosted_site(pg_cluster) as site:
        first = site.signed_in(FIRST)
        body = {**PLAN_BODY, "company": "Zyxwv Holdings", "contact_name": "Quillon Ferreby"}
        case_id = first.post("/api/cases", json=body).json()["id"]
        first.post(f"/api/cases/{case_id}/record", json={"event": "note", "text": "Plover-7 note"})
        first.post(f"/api/cases/{case_id}/share", json={"coach": COACH})
        yield site, case_id, {case_id, "Zyxwv", "Quillon", "Plover-7", FIRST}


def _fill(path: str, case_id: str) -> str:
    return path.replace("{case_id}", case_id).replace("{email}", FIRST)


def test_the_schema_has_the_routes_this_test_must_cover() -> None:
    paths = {p for _, p in OPERATIONS}
    assert {"/api/cases/{case_id}", "/api/cases/{case_id}/share", "/api/me/export"} <= paths
    assert "/api/admin/users/{email}/export" in paths


def _schema_operations() -> list[tuple[str, str]]:
    """Every operation of the hosted app's OpenAPI schema (listing them needs no database)."""
    idle = SimpleNamespace(ping=lambda: None)  # never called: the schema is only read
    app = create_app(hosted=Hosted(idle, lambda: NOW), csrf_secret=SECRET)  # type: ignore[arg-type]
    return sorted(
        (method.upper(), path)
        for path, item in app.openapi()["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    )


OPERATIONS = _schema_operations()


@pytest.mark.parametrize("operation", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_no_route_shows_the_first_users_data_to_a_second_user(
    world: Any, operation: tuple[str, str]
) -> None:
    site, case_id, secrets = world
    method, template = operation
    second = site.signed_in(SECOND)
    path = _fill(template, case_id)
    own_plan = {**PLAN_BODY, "email": SECOND, "name": "Ana Ortiz"}
    body = BODIES.get(template, own_plan if method in {"POST", "PUT", "PATCH"} else None)
    response = second.request(method, path, json=body)
    # a 404 may repeat the id the caller sent; nothing else of the case may appear
    visible = secrets - {case_id} if "{case_id}" in template else secrets
    leaked = [s for s in visible if s in response.text]
    assert not leaked, (method, path, response.status_code, leaked)
    if "{case_id}" in template:
        assert response.status_code == 404, (method, path, response.status_code)
    if template.startswith("/api/admin/"):
        assert response.status_code == 403
    if template not in OWN and template.startswith("/api/") and method != "GET":
        assert response.status_code not in (401,), (method, path)
    # and the first user's case is exactly as it was
    first = site.signed_in(FIRST)
    events = first.get(f"/api/cases/{case_id}").json()["events"]
    assert [e["kind"] for e in events] == ["planned", "note"]


@pytest.mark.parametrize("action", ["record", "write"])
def test_page_routes_for_another_users_case_are_404(world: Any, action: str) -> None:
    site, case_id, secrets = world
    second = site.signed_in(SECOND)
    page = second.get("/cases").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    form = {"csrf_token": token.group(1), "event": "note", "text": "x", "kind": "follow-up"}
    response = second.post(f"/cases/{case_id}/{action}", data=form)
    assert response.status_code == 404
    assert not [s for s in secrets - {case_id} if s in response.text]
    assert not [s for s in secrets if s in page]


def test_the_coach_sees_the_shared_case_marked_with_its_owner(world: Any) -> None:
    site, case_id, _ = world
    coach = site.signed_in(COACH)
    listed = coach.get("/api/cases").json()["cases"]
    assert [(c["id"], c["owner"]) for c in listed] == [(case_id, FIRST)]
    page = coach.get("/cases").text
    assert case_id in page and FIRST in page
