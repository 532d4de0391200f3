"""Cases over the web: save a plan, act on what is due, record the reply, download, close."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.web_support import NOW, PLAN_BODY, api_headers, form_token, make_client


def _save(client: Any, **changes: Any) -> str:
    """Make a plan in the form, save it as a case and return the new case id."""
    token = form_token(client.get("/plan").text)
    made = client.post("/plan", data={**PLAN_BODY, **changes, "csrf_token": token})
    address = str(made.url.path)
    saved = client.post(f"{address}/save", data={"csrf_token": token}, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    found = re.search(r"saved=([a-z0-9]+)", saved.headers["location"])
    assert found
    return found.group(1)


def _card(html: str, case_id: str) -> str:
    """The HTML of one case's card."""
    found = re.search(
        rf'<article class="card case[^"]*" id="case-{case_id}".*?\n</article>', html, re.S
    )
    assert found, f"no card for {case_id}"
    return found.group(0)


def _record(client: Any, case_id: str, **fields: str) -> Any:
    token = form_token(client.get("/cases").text)
    return client.post(f"/cases/{case_id}/record", data={"csrf_token": token, **fields})


def test_a_saved_case_leads_with_what_is_due_next_on_the_users_clock(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    card = _card(client.get("/cases").text, case_id)
    assert "Next: First contact" in card
    assert "Due now" in card and "EST (UTC−5)" in card  # Sam's clock is New York's
    assert "Plan made, nothing sent yet" in card
    assert "`" not in card and "amends case" not in card


def test_only_the_actions_and_messages_valid_in_the_state_are_offered(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    card = _card(client.get("/cases").text, case_id)
    assert "I called" in card and "I sent the email" in card
    assert "I told the recruiter" not in card  # this interview has no recruiter
    assert "They said yes" not in card and "I had the interview" not in card
    assert 'value="thank-you"' not in card and 'value="apology-email"' in card
    _record(client, case_id, event="contacted", via="email")
    card = _card(client.get("/cases").text, case_id)
    assert "Waiting for their reply" in card
    assert "They said yes" in card and "I called" in card
    assert 'value="follow-up"' in card


def test_an_action_out_of_turn_is_explained_inside_its_card(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    first, second = _save(client), _save(client, company="Globex")
    response = _record(client, first, event="thanked")
    assert response.status_code == 422
    assert f'id="case-{first}-error"' in _card(response.text, first)
    assert "Problem" not in _card(response.text, second)


def test_they_said_yes_records_the_time_and_link_and_offers_the_interview_calendar(
    tmp_path: Path,
) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    _record(client, case_id, event="contacted", via="email")
    link = "https://meet.example/acme-sam"
    yes = _record(client, case_id, event="reply-yes", slot="2026-11-25T14:00", link=link)
    assert yes.status_code == 200, yes.text
    card = _card(yes.text, case_id)
    assert "New interview agreed" in card
    assert "Wednesday 25 November 2026 at 14:00 GMT" in card and link in card
    ics = client.get(f"/cases/{case_id}/interview.ics")
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    events = list(Calendar.from_ical(ics.content).walk("VEVENT"))
    assert any(link in str(e.get("DESCRIPTION", "")) + str(e.get("LOCATION", "")) for e in events)
    token = form_token(yes.text)
    written = client.post(
        f"/cases/{case_id}/write", data={"csrf_token": token, "kind": "confirmation"}
    )
    assert link in _card(written.text, case_id)


def test_they_said_yes_without_a_time_asks_for_it_in_words(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    _record(client, case_id, event="contacted", via="email")
    response = _record(client, case_id, event="reply-yes")
    assert response.status_code == 422
    card = _card(response.text, case_id)
    assert "new interview time" in card and "--slot" not in card


def test_marking_a_step_done_takes_it_off_the_card(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    done = _record(client, case_id, event="done", step="first-contact")
    assert done.status_code == 200
    card = _card(done.text, case_id)
    assert "Marked as done." in card and "Next: First contact" not in card


def test_a_closed_case_leaves_the_list_and_can_be_shown_again(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    _record(client, case_id, event="contacted", via="email")
    _record(client, case_id, event="reply-no")
    assert "Close this case" in _card(client.get("/cases").text, case_id)
    _record(client, case_id, event="close")
    listing = client.get("/cases").text
    assert f'id="case-{case_id}"' not in listing and "Show closed cases (1)" in listing
    assert "Closed" in _card(client.get("/cases?closed=1").text, case_id)


def test_every_saved_message_can_be_read_and_copied_again(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    card = _card(client.get("/cases").text, case_id)
    assert "Messages saved with the plan (4)" in card
    for title in ("Phone script", "Voicemail", "Email"):
        assert f">{title}" in card
    assert card.count('data-copy="saved-') == 4


def test_the_most_urgent_case_comes_first_then_the_newest(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    agreed = _save(client, company="Initech")
    _record(client, agreed, event="contacted", via="email")
    _record(client, agreed, event="reply-yes", slot="2026-11-30T14:00")
    older, newer = _save(client, company="Acme"), _save(client, company="Globex")
    _record(client, agreed, event="done", step="confirm-written")
    _record(client, agreed, event="done", step="prepare")
    ids = re.findall(
        r'<article class="card case[^"]*" id="case-([a-z0-9]+)"', client.get("/cases").text
    )
    assert ids == [newer, older, agreed]


def test_saving_the_same_plan_twice_asks_first(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    case_id = _save(client)
    token = form_token(client.get("/plan").text)
    made = client.post("/plan", data={**PLAN_BODY, "csrf_token": token})
    address = str(made.url.path)
    again = client.post(f"{address}/save", data={"csrf_token": token})
    assert "This interview is saved already" in again.text
    assert f'href="/cases#case-{case_id}"' in again.text
    assert len(client.get("/api/cases").json()["cases"]) == 1
    client.post(f"{address}/save", data={"csrf_token": token, "again": "1"})
    assert len(client.get("/api/cases").json()["cases"]) == 2


def test_cases_api_mirrors_the_cli_contracts(tmp_path: Path) -> None:
    client = make_client(db_path=tmp_path / "cases.db")
    headers = api_headers(client)
    created = client.post("/api/cases", json=PLAN_BODY, headers=headers)
    assert created.status_code == 201
    case_id = created.json()["id"]
    listed = client.get("/api/cases").json()["cases"]
    assert [c["id"] for c in listed] == [case_id]
    assert client.get(f"/api/cases/{case_id}").json()["state"] == "planned"
    record = client.post(
        f"/api/cases/{case_id}/record",
        json={"event": "contacted", "via": "call"},
        headers=headers,
    )
    assert record.status_code == 200 and record.json()["state"] == "contacted"
    wrong = client.post(f"/api/cases/{case_id}/record", json={"event": "nap"}, headers=headers)
    assert wrong.status_code in (409, 422)
    unknown = client.get("/api/cases/nope")
    assert unknown.status_code == 404
    assert "nope" in unknown.json()["detail"]
    write = client.post(
        f"/api/cases/{case_id}/write", json={"kind": "apology-email"}, headers=headers
    )
    assert write.status_code == 200 and write.json()["body"]


def test_the_whole_follow_through_from_plan_to_thank_you_and_close(tmp_path: Path) -> None:
    clock = {"now": NOW}
    client = make_client(db_path=tmp_path / "cases.db", clock=lambda: clock["now"])
    case_id = _save(client)
    _record(client, case_id, event="contacted", via="call")
    _record(client, case_id, event="contacted", via="email")
    link = "https://meet.example/acme-sam"
    _record(client, case_id, event="reply-yes", slot="2026-11-25T14:00", link=link)
    clock["now"] = datetime(2026, 11, 25, 15, 5, tzinfo=UTC)
    card = _card(client.get("/cases").text, case_id)
    assert "I had the interview" in card
    _record(client, case_id, event="interviewed")
    card = _card(client.get("/cases").text, case_id)
    assert "Next: Thank-you note" in card and 'value="thank-you"' in card
    token = form_token(client.get("/cases").text)
    thanks = client.post(
        f"/cases/{case_id}/write",
        data={"csrf_token": token, "kind": "thank-you", "topic": "the Q3 roadmap"},
    )
    assert "the Q3 roadmap" in _card(thanks.text, case_id)
    _record(client, case_id, event="thanked")
    assert "Close this case" in _card(client.get("/cases").text, case_id)
    _record(client, case_id, event="close")
    assert f'id="case-{case_id}"' not in client.get("/cases").text
