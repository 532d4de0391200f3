"""A plain ASCII address is answered without loading email-validator, exactly as it would answer.

:func:`amends.fields.plain_address` is only a shortcut: whenever it answers, the
library must accept the address and give the same mailbox, domain and normalised
form; whatever it declines (``None``) goes to the library, errors included.
"""

from __future__ import annotations

import json
from pathlib import Path

import email_validator
import pytest
from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
from hypothesis import given, settings
from hypothesis import strategies as st

from amends import fields
from amends.errors import InputError
from amends.fields import email_address, plain_address, split_address

# Pieces addresses are made of, including every edge the shortcut must leave to the library.
LOCAL_PIECES = ["dana", "Dana", "d.lee", "x", "o'brien", "a+b", "a_b", "-", ".", "..", "1", "~"]
LOCAL_PIECES += ["Postmaster", "info", "ü", " ", '"', "(", "<", "@", "a" * 60]
DOMAIN_PIECES = ["acme", "ACME", "example", "co", "uk", "org", "de", "a1", "1", "x", "-", "."]
DOMAIN_PIECES += ["xn--bcher-kva", "ab--cd", "test", "localhost", "invalid", "onion", "local"]
DOMAIN_PIECES += ["arpa", "home", "internal", "exämple", "_", "b" * 63, "c" * 64, "[1.2.3.4]"]


def _library(text: str) -> tuple[str, str, str] | None:
    try:
        checked = validate_email(text, check_deliverability=False, allow_smtputf8=True)
    except EmailNotValidError:
        return None
    return str(checked.local_part), str(checked.ascii_domain), str(checked.normalized)


# Anything made of the pieces, and dot-separated ones (mostly well formed, with edge labels).
jumbled = st.builds(
    lambda local, domain: "".join(local) + "@" + "".join(domain),
    st.lists(st.sampled_from(LOCAL_PIECES), min_size=1, max_size=4),
    st.lists(st.sampled_from([*DOMAIN_PIECES, ".", ".", "-"]), min_size=1, max_size=6),
)
dotted = st.builds(
    lambda local, domain: ".".join(local) + "@" + ".".join(domain),
    st.lists(st.sampled_from(LOCAL_PIECES[:12]), min_size=1, max_size=3),
    st.lists(st.sampled_from(DOMAIN_PIECES), min_size=1, max_size=4),
)
addresses = st.one_of(jumbled, dotted, dotted)


@settings(max_examples=1500, deadline=None)
@given(addresses)
def test_a_plain_address_gets_the_answer_email_validator_gives(text: str) -> None:
    shortcut = plain_address(text)
    if shortcut is not None:
        answer = _library(text)
        assert answer is not None, text
        assert (answer[0], answer[1]) == shortcut
        assert answer[2] == f"{shortcut[0]}@{shortcut[1]}"


@settings(max_examples=400, deadline=None)
@given(addresses)
def test_an_address_is_normalised_or_refused_as_email_validator_does(text: str) -> None:
    fields.email_address.cache_clear()
    # Spaces around a typed value are trimmed before it is read (fields.one_line), so the
    # library is asked about the trimmed text: " dana@acme.org" is that address, not a refusal.
    answer = _library(text.strip())
    if answer is None:
        with pytest.raises(InputError):
            email_address(text, "email")
    else:
        assert email_address(text, "email") == answer[2]
        assert split_address(answer[2]) == (answer[0], answer[1])


@pytest.mark.parametrize(
    "text",
    ["dana@acme.example", "Dana.Lee@Acme.Example", "sam.patel+jobs@mail.example.co.uk", "a@b.cd"],
)
def test_ordinary_addresses_take_the_shortcut(text: str) -> None:
    assert plain_address(text) is not None
    assert email_address(text, "email") == _library(text)[2]  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "postmaster@acme.example",  # the library lower-cases the mailbox
        "dana@acme.test",  # a special-use domain: refused by the library
        "dana@xn--bcher-kva.de",  # Punycode
        "jürgen@example.de",  # not ASCII
        "dana@localhost",  # no dot
        "dana@acme.c0m1",  # the top-level domain does not end in a letter
        "d" * 65 + "@acme.example",  # a mailbox longer than the RFC's 64
    ],
)
def test_unusual_addresses_are_left_to_the_library(text: str) -> None:
    assert plain_address(text) is None


def test_the_library_names_are_kept_per_version_and_a_damaged_copy_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMENDS_HOME", str(tmp_path))
    fields._special_names.cache_clear()
    try:
        special, mailboxes = fields._special_names()
        assert set(special) == set(email_validator.SPECIAL_USE_DOMAIN_NAMES)
        assert mailboxes == set(CASE_INSENSITIVE_MAILBOX_NAMES)
        (kept,) = tmp_path.rglob("names.json")
        assert kept.parent.name == f"email-validator-{email_validator.__version__}"
        kept.write_text("{broken", "utf-8")
        fields._special_names.cache_clear()
        assert set(fields._special_names()[0]) == set(special)
        assert json.loads(kept.read_text("utf-8"))["special_use"] == sorted(special)
    finally:
        fields._special_names.cache_clear()
