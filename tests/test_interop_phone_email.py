"""Real-world phone numbers and email addresses, read with phonenumbers and email-validator."""

from __future__ import annotations

import json
from email import policy
from email.parser import Parser

import pytest

from amends.errors import InputError
from amends.export.eml import address, build_email, eml_bytes
from amends.export.links import mailto_link, tel_link
from amends.fields import email_address, phone_for_reader, phone_number
from tests.conftest import CliRun
from tests.web_support import NOW

PLAN = [
    "plan", "--name", "Sam Patel", "--company", "Acme", "--role", "Analyst",
    "--at", "2026-11-23 10:00", "--scenario", "missed", "--reason", "forgot",
    "--now", "2026-11-23T10:40Z", "--format", "json",
]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "tel"),
    [
        ("+44 (0)20 7946 0000", "tel:+442079460000"),
        ("+44 20 7946 0000", "tel:+442079460000"),
        ("+1 (212) 555-0100 ext. 42", "tel:+12125550100;ext=42"),
        ("+49 30 123456 x7", "tel:+4930123456;ext=7"),
    ],
)
def test_international_numbers_dial_in_e164_with_extensions(typed: str, tel: str) -> None:
    assert tel_link(typed) == tel


def test_the_uk_trunk_zero_in_brackets_is_not_dialled(cli: CliRun) -> None:
    result = cli([*PLAN, "--tz", "Europe/London", "--contact-phone", "+44 (0)20 7946 0000"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["links"]["tel"] == "tel:+442079460000"


@pytest.mark.parametrize(
    ("tz", "typed", "tel"),
    [
        ("Europe/London", "020 7946 0000", "tel:+442079460000"),
        ("America/New_York", "(212) 555-0100", "tel:+12125550100"),
        ("Europe/Berlin", "030 123456", "tel:+4930123456"),
    ],
)
def test_a_national_number_takes_its_country_from_the_zone(
    tz: str, typed: str, tel: str, cli: CliRun
) -> None:
    result = cli([*PLAN, "--tz", tz, "--contact-phone", typed, "--at", "2026-11-23 05:00"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["links"]["tel"] == tel


def test_country_option_decides_a_national_number_over_the_zone(cli: CliRun) -> None:
    args = [*PLAN, "--tz", "Europe/London", "--country", "DE", "--contact-phone", "030 123456"]
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["links"]["tel"] == "tel:+4930123456"


@pytest.mark.parametrize("typed", ["+999 123", "+44 12", "020 79", "++44 20 7946 0000"])
def test_impossible_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InputError, match="phone number") as caught:
        phone_number(typed, "contact_phone", "GB")
    assert caught.value.field == "contact_phone"


def test_a_national_number_is_shown_in_international_format() -> None:
    assert phone_number("020 7946 0000", "phone", "GB") == "+44 20 7946 0000"
    assert phone_number("+44 (0)20 7946 0000", "phone", "GB") == "+44 (0)20 7946 0000"


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("dana@exämple.de", "dana@exämple.de"),
        ("jürgen@example.de", "jürgen@example.de"),
        ("Dana@EXAMPLE.org", "Dana@example.org"),
        ("dana@XN--EXMPLE-CUA.DE", "dana@exämple.de"),
    ],
)
def test_international_addresses_are_accepted_and_normalised(typed: str, normal: str) -> None:
    assert email_address(typed, "contact_email") == normal


@pytest.mark.parametrize("typed", ["dana@", "@example.org", "dana@localhost", "a b@example.org"])
def test_addresses_that_cannot_receive_mail_are_refused(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        email_address(typed, "contact_email")
    assert caught.value.field == "contact_email"


def test_mailto_encodes_an_idn_domain_as_ascii_and_a_unicode_mailbox_as_utf8() -> None:
    assert mailto_link("dana@exämple.de", None, None).url == "mailto:dana@xn--exmple-cua.de"
    assert mailto_link("jürgen@example.de", None, None).url == "mailto:j%C3%BCrgen@example.de"


def test_eml_carries_idn_domains_and_unicode_mailboxes_faithfully() -> None:
    to = address(
        "Jürgen Weiß", "jürgen@exämple.de", name_field="contact_name", email_field="contact_email"
    )
    sender = address("Sam", "sam@example.org", name_field="name", email_field="email")
    data = eml_bytes(build_email(subject="Hello", body="Hi", to=to, sender=sender, now=NOW))
    back = Parser(policy=policy.default).parsestr(data.decode("utf-8"))  # RFC 6532: UTF-8 headers
    assert back["To"].addresses[0].addr_spec == "jürgen@xn--exmple-cua.de"
    assert back["To"].addresses[0].display_name == "Jürgen Weiß"
    assert "=?utf-8?" not in data.split(b"\r\n\r\n")[0].decode("utf-8").split("<")[-1]


@pytest.mark.parametrize(
    ("phone", "country", "shown"),
    [
        ("+44 20 7946 0000", "GB", "020 7946 0000"),
        ("+44 (0)20 7946 0000", "GB", "020 7946 0000"),
        ("+1 212 555 0100", "US", "(212) 555-0100"),
        ("+1 212 555 0100 ext. 42", "US", "(212) 555-0100 ext. 42"),
        ("+1 212 555 0100", "GB", "+1 212 555 0100"),
        ("+44 20 7946 0000", "", "+44 20 7946 0000"),
    ],
)
def test_a_number_is_shown_as_the_reader_in_its_country_expects(
    phone: str, country: str, shown: str
) -> None:
    assert phone_for_reader(phone, country) == shown


def test_messages_to_an_interviewer_at_home_show_the_national_number(cli: CliRun) -> None:
    args = [*PLAN, "--tz", "Europe/London", "--my-tz", "Europe/London"]
    result = cli([*args, "--phone", "+44 7700 900123", "--contact-email", "dana@acme.example"])
    assert result.exit_code == 0, result.stderr
    email = next(m for m in json.loads(result.stdout)["messages"] if m["kind"] == "email")
    assert "07700 900123" in email["body"] and "+44 7700" not in email["body"]
    abroad = cli([*args, "--phone", "+1 212 555 0100", "--contact-email", "dana@acme.example"])
    assert abroad.exit_code == 0, abroad.stderr
    bodies = " ".join(m["body"] for m in json.loads(abroad.stdout)["messages"])
    assert "+1 212 555 0100" in bodies and "(212)" not in bodies
