"""The HTML pages: the plan form without JavaScript, errors beside fields, escaping, downloads."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from amends.profile import load_profile
from amends.web.views import segments
from tests.conftest import CliRun
from tests.web_support import NOW, PLAN_BODY, form_token, make_client


def _form(client: Any, **changes: Any) -> dict[str, Any]:
    token = form_token(client.get("/plan").text)
    return {**PLAN_BODY, "remember": "1", **changes, "csrf_token": token}


def test_plan_form_has_a_label_for_every_control() -> None:
    html = make_client().get("/plan").text
    ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html)
    assert len(ids) >= 20
    for control in ids:
        assert f'for="{control}"' in html, control
    assert re.search(r'<form method="post" action="/plan"', html)  # works without JavaScript


def test_make_my_plan_redirects_to_the_plans_own_address() -> None:
    client = make_client()
    response = client.post("/plan", data=_form(client), follow_redirects=False)
    assert response.status_code == 303
    address = response.headers["location"]
    assert re.fullmatch(r"/plan/[A-Za-z0-9_-]{16}", address)
    html = client.get(address).text
    assert html.startswith("<!doctype html>")
    assert "Do this first" in html
    assert 'data-countdown="2026-11-23T12:30:00+00:00"' in html
    assert "seconds spoken" in html
    assert 'href="tel:+442079460000"' in html
    assert 'href="mailto:dana@acme.example?' in html
    assert "(UTC−5)" in html and "GMT" in html  # slots on both clocks
    assert f'href="{address}/follow-up.ics"' in html
    assert f'action="{address}/save"' in html and f'action="{address}/discard"' in html


def test_the_plan_page_survives_a_reload_with_the_same_plan() -> None:
    client = make_client()
    address = client.post("/plan", data=_form(client), follow_redirects=False).headers["location"]
    first, again = client.get(address), client.get(address)
    assert first.status_code == again.status_code == 200
    body = re.compile(r'<div class="msg-body" id="msg-0-body">(.*?)</div>', re.S)
    found_first, found_again = body.search(first.text), body.search(again.text)
    assert found_first and found_again
    assert found_first.group(1) == found_again.group(1)


def test_htmx_submit_is_sent_to_the_plans_address_as_a_full_page() -> None:
    client = make_client()
    response = client.post(
        "/plan", data=_form(client), headers={"HX-Request": "true"}, follow_redirects=False
    )
    assert response.status_code == 200
    assert re.fullmatch(r"/plan/[A-Za-z0-9_-]+", response.headers["hx-redirect"])


def test_a_discarded_plan_is_gone_with_a_clear_page() -> None:
    client = make_client()
    address = client.post("/plan", data=_form(client), follow_redirects=False).headers["location"]
    token = form_token(client.get(address).text)
    gone = client.post(f"{address}/discard", data={"csrf_token": token})
    assert gone.status_code == 200 and "The plan was discarded." in gone.text
    missing = client.get(address)
    assert missing.status_code == 404
    assert "no longer kept here" in missing.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tz": "Europe/Londn"}, "tz"),
        ({"contact_email": "dana-at-acme"}, "contact_email"),
        ({"company": ""}, "company"),
        ({"fold": "sideways"}, "fold"),
    ],
)
def test_invalid_field_rerenders_the_form_with_message_beside_it_and_input_kept(
    change: dict[str, str], field: str
) -> None:
    client = make_client()
    response = client.post("/plan", data=_form(client, **change))
    assert response.status_code == 422
    html = response.text
    assert f'id="f-{field}-error"' in html
    control = re.search(rf'<(?:input|select)[^>]*id="f-{field}"[^>]*>', html)
    assert control and 'aria-invalid="true"' in control.group(0)
    assert 'value="Data Analyst"' in html  # everything typed is kept
    assert 'value="dana@acme.example"' in html or field == "contact_email"
    assert "Do this first" not in html


def test_user_text_is_autoescaped_everywhere() -> None:
    client = make_client()
    evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    response = client.post("/plan", data=_form(client, company=evil[:100], name="Sam <b>Lee</b>"))
    assert response.status_code == 200, response.text
    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;" in response.text
    bad = client.post("/plan", data=_form(client, tz=evil))
    assert "<script>alert(1)" not in bad.text


def test_profile_is_remembered_in_the_profile_file(_hermetic_home: Path) -> None:
    client = make_client()
    client.post("/plan", data=_form(client))
    assert load_profile()["name"] == "Sam Patel"
    assert load_profile()["my_tz"] == "America/New_York"
    html = client.get("/plan").text
    assert 'value="Sam Patel"' in html and 'value="sam@example.org"' in html
    token = form_token(html)
    client.post("/profile/forget", data={"csrf_token": token})
    assert load_profile() == {}


def _plan_address(client: Any) -> str:
    response = client.post("/plan", data=_form(client), follow_redirects=False)
    return str(response.headers["location"])


def test_ics_download_is_a_calendar_without_command_names() -> None:
    client = make_client()
    response = client.get(f"{_plan_address(client)}/follow-up.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert events
    text = " ".join(str(e.get("DESCRIPTION", "")) for e in events)
    assert "record their yes in amends" in text
    assert "amends prepare" not in text


def test_eml_download_is_a_draft_email() -> None:
    client = make_client()
    address = _plan_address(client)
    html = client.get(address).text
    link = re.search(rf'href="({address}/message-\d+\.eml)"', html)
    assert link
    response = client.get(link.group(1))
    assert response.status_code == 200
    assert b"To: " in response.content and b"Subject: " in response.content
    assert client.get(f"{address}/message-1.eml").status_code == 422  # the phone script


def test_unknown_page_is_a_404_page() -> None:
    response = make_client().get("/nowhere")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_overlapping_findings_split_into_highlight_segments() -> None:
    parts = segments("abcdef", [(1, 4), (3, 5), (10, 20)])
    assert [(p.text, p.refs) for p in parts] == [
        ("a", ()),
        ("bc", (1,)),
        ("d", (1, 2)),
        ("e", (2,)),
        ("f", ()),
    ]


def test_serve_refuses_a_remote_bind_without_the_flag(cli: CliRun) -> None:
    result = cli(["serve", "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.stderr


def test_serve_help_has_an_example(cli: CliRun) -> None:
    result = cli(["serve", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


DRAFT = (
    "Subject: Sorry\n\nHi Dana,\nSorry, my alarm didn't go off and the traffic was terrible.\nSam"
)


def test_check_page_highlights_each_finding_with_its_explanation() -> None:
    client = make_client()
    token = form_token(client.get("/check").text)
    response = client.post("/check", data={"csrf_token": token, "text": DRAFT})
    assert response.status_code == 200
    html = response.text
    assert "<mark" in html and 'id="finding-1"' in html
    assert 'href="#finding-1"' in html


def test_check_page_refuses_an_empty_draft_beside_the_field() -> None:
    client = make_client()
    token = form_token(client.get("/check").text)
    response = client.post("/check", data={"csrf_token": token, "text": "  "})
    assert response.status_code == 422
    assert 'id="f-text-error"' in response.text


def test_check_page_escapes_the_draft() -> None:
    client = make_client()
    token = form_token(client.get("/check").text)
    html = client.post("/check", data={"csrf_token": token, "text": "<b>sorry</b> " + DRAFT}).text
    assert "<b>sorry</b>" not in html and "&lt;b&gt;sorry" in html


def test_a_plan_reopened_later_counts_its_minutes_from_now() -> None:
    clock = {"now": NOW}
    client = make_client(clock=lambda: clock["now"])
    address = client.post("/plan", data=_form(client), follow_redirects=False).headers["location"]
    assert "60 minutes left" in client.get(address).text
    clock["now"] = NOW + timedelta(minutes=45)
    assert "15 minutes left" in client.get(address).text
    clock["now"] = NOW + timedelta(hours=3)
    assert "the hour is over, send it anyway" in client.get(address).text
