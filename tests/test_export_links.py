"""mailto: and tel: links: RFC 6068 encoding, the length fallback, E.164 numbers."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest

from amends.errors import InputError
from amends.export.links import MAX_MAILTO, mailto_link, tel_link


def _decode(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    query = {
        key: unquote(value)
        for key, _, value in (item.partition("=") for item in parts.query.split("&") if item)
    }
    return unquote(parts.path), query


def test_mailto_encodes_spaces_as_percent20_and_line_breaks_as_crlf() -> None:
    link = mailto_link("dana@acme.example", "Sorry, Dana & team", "Line one\nLine two")
    assert "+" not in link.url
    assert "%20" in link.url
    assert "%0D%0A" in link.url
    assert "\n" not in link.url and " " not in link.url
    to, query = _decode(link.url)
    assert to == "dana@acme.example"
    assert query == {"subject": "Sorry, Dana & team", "body": "Line one\r\nLine two"}
    assert not link.shortened


def test_mailto_reserved_characters_cannot_break_out_of_their_field() -> None:
    tricky = "a&body=evil?x=#frag%20;,/\\\"'<>"
    link = mailto_link("dana@acme.example", tricky, tricky)
    _, query = _decode(link.url)
    assert query["subject"] == tricky
    assert query["body"] == tricky
    assert parse_qs(urlsplit(link.url).query).keys() == {"subject", "body"}


def test_mailto_address_with_plus_and_query_characters_is_encoded() -> None:
    link = mailto_link("jane+jobs?x@acme.example", "Hi", None)
    assert link.url.startswith("mailto:jane%2Bjobs%3Fx@acme.example?")
    assert _decode(link.url)[0] == "jane+jobs?x@acme.example"


def test_long_body_falls_back_to_recipient_and_subject_with_a_flag() -> None:
    body = "Zoë Núñez 😀 " * 300
    link = mailto_link("dana@acme.example", "Apology", body)
    assert link.shortened and link.includes_subject
    assert len(link.url) <= MAX_MAILTO
    assert _decode(link.url) == ("dana@acme.example", {"subject": "Apology"})


def test_short_body_is_kept_just_under_the_limit() -> None:
    link = mailto_link("d@acme.example", "S", "x" * 1800)
    assert not link.shortened
    assert len(link.url) <= MAX_MAILTO


def test_absurd_subject_falls_back_to_recipient_only() -> None:
    link = mailto_link("d@acme.example", "😀" * 200, None)
    assert link.shortened and not link.includes_subject
    assert link.url == "mailto:d@acme.example"


def test_mailto_without_recipient_is_still_valid() -> None:
    link = mailto_link(None, "Hi", "Body")
    assert link.url == "mailto:?subject=Hi&body=Body"


@pytest.mark.parametrize("bad", ["nobody", "a@b", "dana@acme.example\r\nBcc: x@y.org", "a b@c.org"])
def test_invalid_mailto_address_is_refused(bad: str) -> None:
    with pytest.raises(InputError) as info:
        mailto_link(bad, "Hi", "Body")
    assert info.value.field == "contact_email"


def test_subject_with_line_break_is_refused_in_links_too() -> None:
    with pytest.raises(InputError) as info:
        mailto_link("d@acme.example", "Hi\r\nBcc: x@y.org", "Body")
    assert info.value.field == "subject"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("+44 20 7946 0000", "tel:+442079460000"),
        ("+1 (212) 555-0100", "tel:+12125550100"),
        ("+44 (20) 7946-0000", "tel:+442079460000"),
        ("020 7946 0000", "tel:02079460000"),
    ],
)
def test_tel_link_is_e164_normalised(written: str, expected: str) -> None:
    assert tel_link(written) == expected


@pytest.mark.parametrize("bad", ["call me", "+44 20 +7946", "12", "+44\n2079460000", ""])
def test_invalid_phone_is_refused(bad: str) -> None:
    with pytest.raises(InputError) as info:
        tel_link(bad)
    assert info.value.field == "contact_phone"


@pytest.mark.parametrize(
    "body",
    ["Dear Dana,\n\nSorry.\n\n\nKind regards,\nSam", "Zoë\r\nNúñez 😀\rend\n", "a%b\n%\n\n"],
)
def test_body_encoded_line_by_line_is_exactly_quote_of_the_crlf_text(body: str) -> None:
    link = mailto_link(None, None, body)
    crlf = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").replace("\n", "\r\n")
    assert link.url == "mailto:?body=" + quote(crlf, safe="")
