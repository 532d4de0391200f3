"""The local server's defences: Host allow-list, CSRF + same-origin, body limit, headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from amends.web.security import CSP, split_host
from tests.web_support import BASE, PLAN_BODY, api_headers, make_client, token

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "amends" / "web" / "templates"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8765", ("127.0.0.1", "8765")),
        ("localhost", ("localhost", None)),
        ("[::1]:8765", ("::1", "8765")),
        ("[::1]", ("::1", None)),
        ("LOCALHOST:80", ("localhost", "80")),
        ("::1", None),
        ("[::1", None),
        ("[::1]x", None),
        ("127.0.0.1:99999", None),
        ("127.0.0.1:abc", None),
        ("evil.example/127.0.0.1", None),
        ("", None),
    ],
)
def test_host_header_parsing_handles_bracketed_ipv6(
    header: str, expected: tuple[str, str | None] | None
) -> None:
    assert split_host(header) == expected


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "[::1]"])
def test_loopback_host_headers_are_accepted(host: str) -> None:
    client = make_client()
    assert client.get("/plan", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "[::2]:8765"]
)
def test_foreign_host_is_refused_against_dns_rebinding(host: str) -> None:
    client = make_client()
    response = client.get("/plan", headers={"host": host})
    assert response.status_code == 400
    assert client.get("/api/csrf", headers={"host": host}).status_code == 400


def test_forwarded_host_header_is_never_trusted() -> None:
    client = make_client()
    spoofed = {"host": "evil.example", "x-forwarded-host": "127.0.0.1:8765"}
    assert client.get("/plan", headers=spoofed).status_code == 400
    page = client.get("/plan", headers={"x-forwarded-host": "evil.example"})
    assert page.status_code == 200
    assert "evil.example" not in page.text


def test_remote_bind_allows_only_the_listed_names() -> None:
    client = make_client(allowed_hosts=["127.0.0.1", "laptop.local"])
    assert client.get("/plan", headers={"host": "laptop.local:8765"}).status_code == 200
    assert client.get("/plan", headers={"host": "other.local:8765"}).status_code == 400


def test_state_change_without_csrf_token_is_refused() -> None:
    client = make_client()
    token(client)  # the session cookie exists, but the token is not sent back
    response = client.post("/api/plan", json=PLAN_BODY)
    assert response.status_code == 403
    form = client.post("/plan", data={"company": "Acme"})
    assert form.status_code == 403


def test_state_change_without_session_cookie_is_refused() -> None:
    client = make_client()
    value = token(client)
    client.cookies.clear()
    response = client.post("/api/plan", json=PLAN_BODY, headers={"X-CSRF-Token": value})
    assert response.status_code == 403


def test_forged_or_mismatched_token_is_refused() -> None:
    client = make_client()
    token(client)
    other = make_client()
    foreign = token(other)  # valid format, signed by another server instance
    response = client.post("/api/check", json={"text": "hi"}, headers={"X-CSRF-Token": foreign})
    assert response.status_code == 403
    forged = client.post("/api/check", json={"text": "hi"}, headers={"X-CSRF-Token": "a.b"})
    assert forged.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_cross_site_request_is_refused_even_with_token(headers: dict[str, str]) -> None:
    client = make_client()
    sent = {"X-CSRF-Token": token(client), **headers}
    response = client.post("/api/check", json={"text": "Sorry I missed it."}, headers=sent)
    assert response.status_code == 403
    assert "Cross-site" in response.json()["detail"]


def test_same_origin_request_with_token_is_accepted() -> None:
    client = make_client()
    sent = {**api_headers(client), "Sec-Fetch-Site": "same-origin"}
    response = client.post("/api/plan", json=PLAN_BODY, headers=sent)
    assert response.status_code == 200


def test_null_origin_form_post_is_judged_by_sec_fetch_site() -> None:
    client = make_client()
    sent = {"X-CSRF-Token": token(client), "Origin": "null", "Sec-Fetch-Site": "same-origin"}
    response = client.post("/api/plan", json=PLAN_BODY, headers=sent)
    assert response.status_code == 200


def test_form_post_carries_token_in_a_field() -> None:
    client = make_client()
    value = token(client)
    data = {**PLAN_BODY, "csrf_token": value}
    response = client.post("/plan", data=data)
    assert response.status_code == 200
    assert "Do this first" in response.text


def test_oversize_body_is_refused_with_413() -> None:
    client = make_client(max_body=1024)
    headers = api_headers(client)
    response = client.post("/api/check", json={"text": "x" * 5000}, headers=headers)
    assert response.status_code == 413


def test_oversize_streamed_body_without_length_is_refused() -> None:
    client = make_client(max_body=1024)
    headers = api_headers(client)

    def chunks() -> object:
        for _ in range(10):
            yield b"x" * 512

    response = client.post(
        "/api/check",
        content=chunks(),  # type: ignore[arg-type]
        headers={**headers, "content-type": "application/json"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/plan", "/check", "/cases", "/api/csrf", "/nowhere"])
def test_every_response_carries_csp_and_hardening_headers(path: str) -> None:
    response = make_client().get(path)
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "frame-ancestors 'none'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_session_cookie_is_httponly_and_samesite_strict() -> None:
    response = make_client().get("/plan")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_templates_have_no_inline_scripts_or_styles() -> None:
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text("utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template.name
        assert not re.search(r"<style\b|\sstyle=", text), template.name
        assert not re.search(r"\son[a-z]+=|hx-on", text), template.name


def test_htmx_is_configured_same_origin_only_and_without_eval() -> None:
    html = make_client().get("/plan").text
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)
    assert meta
    config = meta.group(1)
    for setting in (
        '"selfRequestsOnly":true',
        '"allowScriptTags":false',
        '"allowEval":false',
        '"includeIndicatorStyles":false',
    ):
        assert setting in config
    assert 'src="/static/vendor/htmx.min.js"' in html


def test_api_docs_do_not_load_anything_from_a_cdn() -> None:
    client = make_client()
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 200
    assert BASE  # base url is loopback
