"""The .eml drafts: headers built by the email package, safe against injection, round-trip."""

from __future__ import annotations

import dataclasses
from email.utils import parsedate_to_datetime

import pytest

from amends.errors import InputError
from amends.export.eml import address, build_email, eml_bytes, eml_for_message
from amends.plan import Message
from amends.plan.situation import Situation
from tests.export_support import NOW, parse_eml, plan


def _email_message(**changes: object) -> tuple[Message, Situation]:
    p = plan()
    message = p.message("email")
    assert message is not None
    return dataclasses.replace(message, **changes), p.situation  # type: ignore[arg-type]


def test_email_draft_round_trips_subject_body_and_addresses() -> None:
    message, situation = _email_message()
    parsed = parse_eml(eml_for_message(message, situation, NOW))
    assert parsed["Subject"] == message.subject
    assert parsed["To"].addresses[0].addr_spec == "dana@acme.example"
    assert parsed["To"].addresses[0].display_name == "Dana Lee"
    assert parsed["From"].addresses[0].addr_spec == "sam@example.org"
    assert parsed["From"].addresses[0].display_name == "Sam Patel"
    assert parsed.get_content().replace("\r\n", "\n").rstrip("\n") == message.body.rstrip("\n")


def test_draft_is_marked_unsent_dated_now_and_utf8() -> None:
    message, situation = _email_message()
    data = eml_for_message(message, situation, NOW)
    parsed = parse_eml(data)
    assert parsed["X-Unsent"] == "1"
    assert parsedate_to_datetime(parsed["Date"]) == NOW
    assert parsed.get_content_charset() == "utf-8"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


@pytest.mark.parametrize("name", ["Doe, Jane (HR)", "Zoë Núñez", 'O"Brien \\ Sons; Ltd', "مريم 😀"])
def test_punctuation_and_non_ascii_display_names_are_encoded_not_split(name: str) -> None:
    message, situation = _email_message(to_name=name)
    data = eml_for_message(message, situation, NOW)
    parsed = parse_eml(data)
    to = parsed["To"].addresses
    assert len(to) == 1, "a comma in a display name must not create a second recipient"
    assert to[0].display_name == name
    assert to[0].addr_spec == "dana@acme.example"
    assert data.isascii(), "headers are RFC 2047 encoded, the body transfer-encoded"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", "Sorry\r\nBcc: victim@example.org"),
        ("subject", "Sorry\nX-Injected: yes"),
        ("subject", "Sorry\x00"),
        ("to_name", "Dana\r\nBcc: victim@example.org"),
        ("to_name", "Dana\u2028Lee"),
        ("to_email", "dana@acme.example\r\nBcc: victim@example.org"),
        ("to_email", "dana@acme.example, victim@example.org"),
        ("subject", "=?utf-8?q?Hidden?="),
    ],
)
def test_header_injection_attempts_are_refused_before_the_email_library(
    field: str, value: str
) -> None:
    message, situation = _email_message(**{field: value})
    expected = {"subject": "subject", "to_name": "contact_name", "to_email": "contact_email"}
    with pytest.raises(InputError) as info:
        eml_for_message(message, situation, NOW)
    assert info.value.field == expected[field]


def test_invalid_recipient_address_is_a_clean_input_error() -> None:
    with pytest.raises(InputError) as info:
        address("Dana", "not-an-address", name_field="contact_name", email_field="contact_email")
    assert info.value.field == "contact_email"
    assert "email address" in info.value.message


def test_draft_without_known_address_has_no_recipient_but_keeps_the_text() -> None:
    message, situation = _email_message(to_email=None)
    parsed = parse_eml(eml_for_message(message, situation, NOW))
    assert parsed["To"] is None
    assert parsed["Subject"] == message.subject


def test_body_line_breaks_of_any_style_are_normalised_and_controls_survive() -> None:
    msg = build_email(
        subject="Hi", body="one\r\ntwo\rthree\n\x07bell\x00", to=None, sender=None, now=NOW
    )
    parsed = parse_eml(eml_bytes(msg))
    assert parsed.get_content().replace("\r\n", "\n") == "one\ntwo\nthree\n\x07bell\x00\n"


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        build_email(subject="Hi", body="x", to=None, sender=None, now=NOW.replace(tzinfo=None))
