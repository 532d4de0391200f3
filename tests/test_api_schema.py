"""/openapi.json describes the real answers: every route typed, no bare objects, enums
for the codes, and real answers of every route (personal and hosted) match the schema
field by field (nothing undocumented, nothing required missing, every code in its enum)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

import pytest

from amends.cases import KINDS, STATES
from amends.cases.events import RECORDABLE
from amends.cases.machine import OPENING
from amends.plan.situation import MODES, SCENARIOS
from amends.web import api_models
from tests.hosted_support import HostedSite, hosted_site
from tests.pg_cluster import Cluster
from tests.web_support import NOW, PLAN_BODY, api_headers, make_client

Schema = dict[str, Any]


def _resolve(spec: Schema, schema: Schema) -> Schema:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = spec["components"]["schemas"][name]
    return schema


def _subschemas(schema: Schema) -> Iterator[Schema]:
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        yield from schema.get(key, [])
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            yield schema[key]
    yield from schema.get("properties", {}).values()


def _bare(spec: Schema, schema: Schema, where: str, seen: set[int]) -> list[str]:
    """Places in ``schema`` that say nothing about the shape (``{}``, an untyped object)."""
    schema = _resolve(spec, schema)
    if id(schema) in seen:
        return []
    seen.add(id(schema))
    found = []
    described = {"type", "anyOf", "oneOf", "allOf", "enum", "const", "$ref"}
    if not described & set(schema):
        found.append(where)
    if schema.get("type") == "object":
        extra = schema.get("additionalProperties")
        if not schema.get("properties") and not isinstance(extra, dict):
            found.append(f"{where} (object without properties)")
        if extra is True:
            found.append(f"{where} (accepts anything extra)")
    for n, sub in enumerate(_subschemas(schema)):
        found += _bare(spec, sub, f"{where}/{n}", seen)
    return found


def _answers(spec: Schema) -> Iterator[tuple[str, str, str, Schema]]:
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status.startswith("2") and status != "204":
                    content = response.get("content", {})
                    for media, body in content.items():
                        if media == "application/json":
                            yield path, method, status, body.get("schema", {})


def _conforms(spec: Schema, schema: Schema, value: Any, where: str) -> list[str]:
    """Why ``value`` does not match ``schema`` (empty when it does)."""
    schema = _resolve(spec, schema)
    if "anyOf" in schema:
        options = [_conforms(spec, s, value, where) for s in schema["anyOf"]]
        return [] if any(not o for o in options) else min(options, key=len)
    if "enum" in schema and value not in schema["enum"]:
        return [f"{where}: {value!r} not in {schema['enum']}"]
    if "const" in schema and value != schema["const"]:
        return [f"{where}: {value!r} is not {schema['const']!r}"]
    kind = schema.get("type")
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
        "array": lambda v: isinstance(v, list),
        "object": lambda v: isinstance(v, dict),
    }
    if kind is not None and not checks[kind](value):
        return [f"{where}: {type(value).__name__} is not {kind}"]
    problems: list[str] = []
    if kind == "array":
        for n, item in enumerate(value):
            problems += _conforms(spec, schema.get("items", {}), item, f"{where}[{n}]")
    if kind == "object":
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        problems += [
            f"{where}: {k!r} missing" for k in schema.get("required", []) if k not in value
        ]
        for key, item in value.items():
            if key in props:
                problems += _conforms(spec, props[key], item, f"{where}.{key}")
            elif isinstance(extra, dict):
                problems += _conforms(spec, extra, item, f"{where}.{key}")
            elif extra is not True:
                problems.append(f"{where}: {key!r} is not documented")
    return problems


def _check(spec: Schema, path: str, method: str, response: Any) -> None:
    assert response.status_code < 300, response.text
    status = str(response.status_code)
    schema = spec["paths"][path][method]["responses"][status]["content"]["application/json"]
    problems = _conforms(spec, schema["schema"], response.json(), f"{method} {path}")
    assert not problems, problems


def _personal_spec() -> Schema:
    spec: Schema = make_client().get("/openapi.json").json()
    return spec


@pytest.fixture
def site(pg_cluster: Cluster) -> Iterator[HostedSite]:
    with hosted_site(pg_cluster) as s:
        yield s


def test_every_route_answers_a_typed_schema_without_bare_objects(site: HostedSite) -> None:
    for spec in (_personal_spec(), site.signed_in("sam@example.org").get("/openapi.json").json()):
        routes = 0
        for path, method, status, schema in _answers(spec):
            routes += 1
            assert schema, (path, method, status)
            assert not _bare(spec, schema, f"{method} {path} {status}", set())
        assert routes >= 10


def test_every_json_route_documents_its_success_answer(site: HostedSite) -> None:
    spec = site.signed_in("sam@example.org").get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            ok = [s for s in operation["responses"] if s.startswith("2")]
            assert ok, (path, method)
            content = operation["responses"][ok[0]].get("content", {})
            if ok[0] != "204":
                assert content and all(c.get("schema") for c in content.values()), (path, method)


def _enum(spec: Schema, model: str, *fields: str) -> list[Any]:
    schema = spec["components"]["schemas"][model]
    for name in fields:
        schema = _resolve(spec, schema["properties"][name])
        schema = next((s for s in schema.get("anyOf", [schema]) if "enum" in s), schema)
    return list(schema["enum"])


def test_the_walker_reports_undocumented_missing_and_out_of_enum_fields() -> None:
    spec = _personal_spec()
    ref = {"$ref": "#/components/schemas/Csrf"}
    assert not _conforms(spec, ref, {"token": "t", "header": "X-CSRF-Token"}, "csrf")
    assert _conforms(spec, ref, {"token": "t", "header": "X-CSRF-Token", "x": 1}, "csrf")
    assert _conforms(spec, ref, {"header": "X-CSRF-Token"}, "csrf")
    assert _conforms(spec, ref, {"token": "t", "header": "X-Other"}, "csrf")
    assert _conforms(spec, ref, {"token": 5, "header": "X-CSRF-Token"}, "csrf")


def test_codes_are_enums_kept_equal_to_the_core() -> None:
    spec = _personal_spec()
    assert _enum(spec, "PlanFacts", "scenario") == list(SCENARIOS)
    assert _enum(spec, "PlanFacts", "mode") == list(MODES)
    assert _enum(spec, "Event", "kind") == [OPENING, *RECORDABLE]
    assert _enum(spec, "CaseSummary", "state") == list(STATES)
    assert _enum(spec, "Written", "kind") == list(KINDS)
    assert list(get_args(api_models.WriteKind)) == list(KINDS)
    assert _enum(spec, "Message", "kind")
    assert _enum(spec, "FirstAction", "channel")
    required = spec["components"]["schemas"]["Plan"]["required"]
    assert {"first_action", "messages", "slots", "warnings"} <= set(required)
    assert "links" not in required and "case_id" not in required


def test_personal_answers_match_the_schema_field_by_field() -> None:
    spec = _personal_spec()
    client = make_client()
    headers = api_headers(client)
    body = {**PLAN_BODY, "now": NOW.isoformat()}
    windows = {k: v for k, v in body.items() if k != "slot"} | {"windows": True}
    _check(spec, "/api/csrf", "get", client.get("/api/csrf"))
    for plan in (body, windows):
        _check(spec, "/api/plan", "post", client.post("/api/plan", json=plan, headers=headers))
    story = {"text": "I overslept and missed my 10am interview at Acme", "my_tz": "Europe/London"}
    _check(spec, "/api/intake", "post", client.post("/api/intake", json=story, headers=headers))
    slots = {"tz": "Europe/London", "my_tz": "Asia/Tokyo", "now": "2026-11-23T10:00Z"}
    _check(spec, "/api/slots", "post", client.post("/api/slots", json=slots, headers=headers))
    draft = {"text": "Dear Dana, sorry I missed it, my alarm failed. Can we redo it?"}
    _check(spec, "/api/check", "post", client.post("/api/check", json=draft, headers=headers))
    made = client.post("/api/cases", json=body, headers=headers)
    _check(spec, "/api/cases", "post", made)
    cid = made.json()["id"]
    record = f"/api/cases/{cid}/record"
    for event in (
        {"event": "contacted", "via": "email"},
        {"event": "correction", "entry": 2, "text": "not sent yet"},
        {"event": "contacted", "via": "email"},
        {
            "event": "reply",
            "answer": "yes",
            "slot": "2026-11-27 14:00",
            "link": "https://m.example/x",
        },
        {"event": "promised", "text": "the case study"},
    ):
        _check(
            spec,
            "/api/cases/{case_id}/record",
            "post",
            client.post(record, json=event, headers=headers),
        )
    _check(spec, "/api/cases", "get", client.get("/api/cases"))
    _check(spec, "/api/cases/{case_id}", "get", client.get(f"/api/cases/{cid}"))
    write = client.post(f"/api/cases/{cid}/write", json={"kind": "confirmation"}, headers=headers)
    _check(spec, "/api/cases/{case_id}/write", "post", write)


def test_hosted_answers_match_the_schema_field_by_field(site: HostedSite) -> None:
    spec = site.signed_in("sam@example.org").get("/openapi.json").json()
    sam = site.signed_in("sam@example.org")
    made = sam.post("/api/cases", json={**PLAN_BODY, "now": NOW.isoformat()})
    cid = made.json()["id"]
    _check(spec, "/api/cases", "post", made)
    _check(spec, "/api/me", "get", sam.get("/api/me"))
    _check(spec, "/api/me/export", "get", sam.get("/api/me/export"))
    share = sam.post(f"/api/cases/{cid}/share", json={"coach": "kim@coaching.example"})
    _check(spec, "/api/cases/{case_id}/share", "post", share)
    _check(spec, "/api/cases/{case_id}/share", "get", sam.get(f"/api/cases/{cid}/share"))
    kim = site.signed_in("kim@coaching.example")
    _check(spec, "/api/cases", "get", kim.get("/api/cases"))
    gone = sam.delete(f"/api/cases/{cid}/share/kim@coaching.example")
    _check(spec, "/api/cases/{case_id}/share/{email}", "delete", gone)
    root = site.signed_in("root@centre.example")
    _check(spec, "/api/admin/users", "get", root.get("/api/admin/users"))
    exported = root.get("/api/admin/users/sam@example.org/export")
    _check(spec, "/api/admin/users/{email}/export", "get", exported)
    _check(
        spec, "/api/admin/users/{email}", "delete", root.delete("/api/admin/users/ana@example.org")
    )
    session = site.client()
    session.headers["X-CSRF-Token"] = site.csrf(session)
    signed = session.post(
        "/api/session", json={"email": "sam@example.org", "password": "correct horse battery"}
    )
    _check(spec, "/api/session", "post", signed)
    _check(spec, "/healthz", "get", site.client().get("/healthz"))
