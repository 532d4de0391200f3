"""The web app under hostile or broken input: clean errors, headers on every answer, no hangs."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from amends.errors import InputError
from amends.web import create_app
from amends.web.security import CSP
from amends.web.server import TimelyH11Protocol, bind
from tests.conftest import CliRun
from tests.web_support import BASE, NOW, PLAN_BODY, TestClient, api_headers, make_client

DEEP = "[" * 2000 + "]" * 2000


@pytest.mark.parametrize("path", ["/api/plan", "/api/plan/eml", "/api/plan/ics", "/api/cases"])
def test_a_deeply_nested_plan_request_is_a_clean_422_not_a_500(path: str) -> None:
    # Plans on the web live at their own address (no plan JSON is carried in forms any
    # more); every route that takes a plan request as JSON refuses deep nesting cleanly.
    client = make_client()
    headers = {**api_headers(client), "content-type": "application/json"}
    response = client.post(path, content='{"name": ' + DEEP + "}", headers=headers)
    assert 400 <= response.status_code < 500
    assert "Traceback" not in response.text


def test_a_deeply_nested_api_body_is_refused_cleanly() -> None:
    client = make_client()
    headers = {**api_headers(client), "content-type": "application/json"}
    response = client.post("/api/plan", content='{"name": ' + DEEP + "}", headers=headers)
    assert 400 <= response.status_code < 500


def test_a_refused_host_still_carries_the_security_headers() -> None:
    response = make_client().get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_server_error_carries_the_security_headers() -> None:
    def broken_clock() -> object:
        raise RuntimeError("clock broke")

    app = create_app(clock=broken_clock)  # type: ignore[arg-type]
    client = TestClient(app, base_url=BASE, raise_server_exceptions=False)
    response = client.get("/api/cases")
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == CSP
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "clock broke" not in response.text


def test_a_form_with_too_many_fields_says_so_not_csrf() -> None:
    client = make_client()
    tok = api_headers(client)["X-CSRF-Token"]
    fields = "&".join(f"f{i}=x" for i in range(250)) + f"&csrf_token={tok}"
    response = client.post(
        "/plan",
        content=fields,
        headers={"Origin": BASE, "content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert "more than 200 fields" in response.json()["detail"]
    assert "CSRF" not in response.json()["detail"]


class _QuickProtocol(TimelyH11Protocol):
    header_timeout = 0.3


@pytest.fixture
def live_port() -> Iterator[int]:
    """A real uvicorn server (slow-client timeouts shortened) on a free loopback port."""
    sock = bind("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    app = create_app(clock=lambda: NOW, body_timeout=0.3)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="critical", http=_QuickProtocol, lifespan="off")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join(timeout=5)


def _get(port: int, path: str) -> bytes:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(request.encode())
        answer = b""
        while chunk := conn.recv(4096):
            answer += chunk
    return answer


def test_a_client_that_never_finishes_its_headers_is_disconnected(live_port: int) -> None:
    with socket.create_connection(("127.0.0.1", live_port), timeout=5) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never the blank line
        assert slow.recv(100) == b""  # closed by the server, long before our 5 s
    assert _get(live_port, "/api/csrf").startswith(b"HTTP/1.1 200")


def test_a_body_that_never_arrives_is_answered_408(live_port: int) -> None:
    head, _, body = _get(live_port, "/api/csrf").partition(b"\r\n\r\n")
    cookie = next(
        line.split(b":", 1)[1].split(b";")[0].strip().decode()
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"set-cookie:")
    )
    tok = json.loads(body)["token"]
    request = (
        "POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: 100\r\nCookie: {cookie}\r\nX-CSRF-Token: {tok}\r\n"
        f"Origin: {BASE}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", live_port), timeout=5) as slow:
        slow.sendall(request.encode() + b'{"name": ')  # 91 bytes short, forever
        assert slow.recv(100).startswith(b"HTTP/1.1 408")


def test_serve_on_a_taken_port_is_a_clean_error_without_running_at(cli: CliRun) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = cli(["serve", "--port", str(port), "--no-browser"])
    assert result.exit_code == 2
    assert "already in use" in result.stderr and "--port" in result.stderr
    assert "running at" not in result.stdout


def test_serve_on_an_unresolvable_host_is_a_clean_error(cli: CliRun) -> None:
    result = cli(["serve", "--host", "no-such-host.invalid", "--allow-remote", "--no-browser"])
    assert result.exit_code == 2
    assert result.stderr.startswith("amends: error: --host:")
    assert "running at" not in result.stdout and "warning" not in result.stderr


def test_bind_names_the_host_for_an_address_not_on_this_machine() -> None:
    with pytest.raises(InputError) as caught:
        bind("192.0.2.1", 0)  # TEST-NET-1: never assigned to a real interface
    assert caught.value.field == "host"


def test_an_unknown_case_is_404_not_422() -> None:
    client = make_client()
    response = client.get("/api/cases/nosuch", headers=api_headers(client))
    assert response.status_code == 404
    assert "nosuch" in response.json()["detail"]


def test_openapi_declares_the_csrf_header_and_the_error_answers() -> None:
    schema = make_client().get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["csrf"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-CSRF-Token",
        "description": "The session's CSRF token from GET /api/csrf, with its cookie.",
    }
    for path, methods in schema["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in methods.items():
            if method == "post" and path.startswith(("/api/plan", "/api/slots", "/api/cases")):
                assert {"csrf": []} in operation.get("security", []), (path, method)
            if path.startswith(("/api/plan", "/api/slots", "/api/check", "/api/cases")):
                assert {"403", "413", "422"} <= set(operation["responses"]), (path, method)


def test_api_exports_the_same_eml_and_ics_files_as_the_cli(cli: CliRun, tmp_path: Path) -> None:
    client = make_client()
    body = {**PLAN_BODY, "now": NOW.isoformat()}
    headers = {**api_headers(client), "content-type": "application/json"}
    eml = client.post("/api/plan/eml?message=1", content=json.dumps(body), headers=headers)
    ics = client.post("/api/plan/ics", content=json.dumps(body), headers=headers)
    assert eml.status_code == 200 and eml.headers["content-type"] == "message/rfc822"
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    args = ["plan", "--now", NOW.isoformat(), "--eml", str(tmp_path / "d"), "--ics"]
    args.append(str(tmp_path / "f.ics"))
    for key, value in PLAN_BODY.items():
        for item in value if isinstance(value, list) else [value]:
            args += ["--" + key.replace("_", "-"), str(item)]
    assert cli(args).exit_code == 0
    first = sorted((tmp_path / "d").iterdir())[0]
    assert eml.content == first.read_bytes()
    assert ics.content == (tmp_path / "f.ics").read_bytes()
    missing = client.post("/api/plan/eml?message=9", content=json.dumps(body), headers=headers)
    assert missing.status_code == 422
