"""Arbitrary Unicode (line breaks, commas, quotes, emoji, right-to-left text) in every field.

Each format either refuses the value with a clean InputError (only one-line
fields with line breaks or control characters, and invalid addresses or
phone numbers) or writes it so that it reads back exactly.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from amends.errors import InputError
from amends.export.eml import eml_for_message
from amends.export.guard import LINE_BREAKS
from amends.export.ics import prepare_calendar
from amends.export.links import mailto_link, tel_link
from amends.fields import BIDI_CONTROLS
from tests.export_support import NOW, by_kind, confirmed, parse_eml, plan

TRICKY = [
    *"\r\n,;:\\\"'<>()[]@=?&#%+ \t",
    "\u200f",
    "\u202e",
    "مرحبا",
    "שלום",
    "😀",
    "👩‍💻",
    "Zoë",
    "Núñez",
    "\x00",
    "\x07",
    "\u2028",
    "\x85",
    "=?utf-8?q?x?=",
]
texts = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(TRICKY)), max_size=8).map("".join)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PLAN = plan()
EMAIL = PLAN.message("email")
assert EMAIL is not None

_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")


def _one_space(value: str) -> str:
    """What a header keeps: stripped, with white-space runs shown as one space."""
    return re.sub(r"\s{2,}", " ", value.strip())


def _header_refusable(value: str) -> bool:
    control = any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in value)
    bidi = any(ch in BIDI_CONTROLS for ch in value)
    return (
        control
        or bidi
        or any(ch in LINE_BREAKS for ch in value)
        or bool(_ENCODED_WORD.search(value))
    )


def _one_line_refusable(value: str, max_length: int) -> bool:
    control = any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in value)
    invisible = all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in value.strip())
    bidi = any(ch in BIDI_CONTROLS for ch in value)
    encoded = bool(_ENCODED_WORD.search(value))
    blank = invisible and bool(value.strip())
    return control or bidi or encoded or blank or len(value.strip()) > max_length


@SETTINGS
@given(name=texts, subject=texts, body=texts)
def test_eml_refuses_cleanly_or_round_trips(name: str, subject: str, body: str) -> None:
    message = dataclasses.replace(EMAIL, to_name=name, subject=subject, body=body)
    try:
        data = eml_for_message(message, PLAN.situation, NOW)
    except InputError as err:
        bad = {"contact_name": name, "subject": subject}
        assert err.field in bad, err
        assert _header_refusable(bad[err.field]), (err, bad[err.field])
        return
    parsed = parse_eml(data)
    assert parsed.get("Subject", "") == _one_space(subject)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["dana@acme.example"]
    assert parsed["To"].addresses[0].display_name == _one_space(name)
    expected = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    assert parsed.get_content().replace("\r\n", "\n").removesuffix("\n") == expected
    header_block = data.split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":")[0] for line in header_block.split(b"\r\n") if line[:1] != b" "]
    allowed = {b"From", b"To", b"Subject", b"Date", b"X-Unsent", b"Content-Type"}
    allowed |= {b"Content-Transfer-Encoding", b"MIME-Version"}
    assert set(names) <= allowed and len(names) == len(set(names)), "no injected header lines"
    assert (b"Subject" in names) == bool(subject.strip())


@SETTINGS
@given(subject=texts, body=texts)
def test_mailto_refuses_cleanly_or_decodes_to_the_same_text(subject: str, body: str) -> None:
    try:
        link = mailto_link("dana@acme.example", subject, body, max_length=100_000)
    except InputError as err:
        assert err.field == "subject"
        assert _header_refusable(subject)
        return
    parts = urlsplit(link.url)
    assert re.fullmatch(r"[A-Za-z0-9%@:?&=._~-]*", link.url), "only unreserved or %-encoded"
    query = dict(item.split("=", 1) for item in parts.query.split("&") if item)
    if subject.strip():
        assert unquote(query["subject"]) == _one_space(subject)
    normalised = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if body:
        assert unquote(query["body"]) == normalised.replace("\n", "\r\n")


@SETTINGS
@given(body=st.text(max_size=60))
def test_mailto_body_is_percent_encoded_byte_for_byte_as_the_standard_library_does(
    body: str,
) -> None:
    """The link's own encoder writes exactly what ``quote(text, safe="")`` writes."""
    assume(not any("\ud800" <= ch <= "\udfff" for ch in body))
    link = mailto_link(None, None, body, max_length=100_000)
    raw = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").replace("\n", "\r\n")
    expected = f"mailto:?body={quote(raw, safe='')}" if body else "mailto:"
    assert link.url == expected


@SETTINGS
@given(phone=texts)
def test_tel_refuses_cleanly_or_is_e164(phone: str) -> None:
    try:
        link = tel_link(phone)
    except InputError as err:
        assert err.field == "contact_phone"
        return
    assert re.fullmatch(r"tel:\+?[0-9]{5,15}", link)
    assert link.removeprefix("tel:").lstrip("+") == re.sub(r"\D", "", phone)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company=texts, role=texts, interviewer=texts, address=texts)
def test_ics_refuses_cleanly_or_round_trips_every_text_field(
    company: str, role: str, interviewer: str, address: str
) -> None:
    values = {"company": company, "role": role, "interviewer": interviewer, "address": address}
    assume(all(v.strip() for v in values.values()))
    try:
        slot = confirmed(mode="in-person", link=None, **values)
        data = prepare_calendar(slot, NOW).data
    except InputError as err:
        limits = {"company": 120, "role": 120, "interviewer": 100, "address": 200}
        assert err.field in values, err
        assert _one_line_refusable(values[err.field], limits[err.field])
        return
    assert b"\n" not in data.replace(b"\r\n", b""), "no broken ICS lines"
    kinds = by_kind(data)
    interview = kinds["interview"]
    s = {k: v.strip() for k, v in values.items()}
    assert str(interview["summary"]) == (
        f"{s['role']} interview at {s['company']} with {s['interviewer']}"
    )
    assert str(interview["location"]) == s["address"]
    assert f"Interviewer: {s['interviewer']}\n" in str(interview["description"])
    assert f"Place: {s['address']}\n" in str(kinds["travel"]["description"])


@SETTINGS
@given(tail=st.text(alphabet="abcXYZ019-._~!$&'()*+,;=:@/%?#", max_size=40))
def test_ics_meeting_links_round_trip(tail: str) -> None:
    link = "https://meet.example/" + tail
    interview = by_kind(prepare_calendar(confirmed(link=link), NOW).data)["interview"]
    assert str(interview["url"]) == link
    assert str(interview["location"]) == link
