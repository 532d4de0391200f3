"""Validation of the small text fields every interface accepts.

One-line fields (names, subjects, places) end up in email headers, calendar
properties and phone scripts, so line breaks and control characters are
refused at the boundary rather than escaped somewhere downstream.

``email-validator`` and ``phonenumbers`` load (with importlib, here only) when an
address or a number is first checked: a plan or profile without one does not pay
for them. A plain ASCII address (``dana.lee@acme.example``) does not load
``email-validator`` at all: compiling its Unicode patterns is a fifth of a cold
``amends plan``. :func:`plain_address` accepts only the shape whose answer the
library's rules fix (its two name lists read from a cached copy, per version);
anything else, and every error message, still comes from the library.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from amends.errors import InputError
from amends.paths import cached_json, installed_version

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

MAX_ONE_LINE = 200
MAX_DETAIL = 300

_PHONE_ALLOWED = re.compile(r"^\+?[0-9 ().\-/]+$")
# The same, with an optional extension: "ext. 42", "x42", "#42".
_PHONE_SHAPE = re.compile(
    r"^\+?[0-9 ().\-/]+(?:,?\s*(?:ext\.?|extension|x|#)\s*[0-9]{1,7})?$", re.I
)


# Embeddings, overrides and isolates reorder what a reader sees ("moc.elpmaxe" shown as
# "example.com"): no name, subject or place needs them, so they are refused outright.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# An RFC 2047 encoded word: mail readers would decode it, so the recipient would see other text.
ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")


@cache
def _emails() -> ModuleType:
    return importlib.import_module("email_validator")


# The dot-atom of RFC 5322 (the library's ASCII local part) at a host name of two or
# more labels of letters, digits and inner hyphens (plain_address checks the rest).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PLAIN_ADDRESS = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@({_LABEL}(?:\.{_LABEL})+)")
_MAX_LOCAL = 64
_MAX_DOMAIN = 253
_MAX_ADDRESS = 254


def _library_names() -> dict[str, list[str]]:
    """The library's special-use domains and the mailboxes it lower-cases (a fresh copy)."""
    names = importlib.import_module("email_validator.rfc_constants")
    return {
        "special_use": sorted(_emails().SPECIAL_USE_DOMAIN_NAMES),
        "case_insensitive": sorted(names.CASE_INSENSITIVE_MAILBOX_NAMES),
    }


def _names_valid(found: object) -> bool:
    return isinstance(found, dict) and all(
        isinstance(found.get(key), list) for key in ("special_use", "case_insensitive")
    )


@cache
def _special_names() -> tuple[tuple[str, ...], frozenset[str]]:
    """:func:`_library_names`, kept in the cache folder per version of ``email-validator``."""
    folder = f"email-validator-{installed_version('email_validator')}"
    table = cached_json(folder, "names.json", _library_names, _names_valid)
    return tuple(table["special_use"]), frozenset(table["case_insensitive"])


def plain_address(text: str) -> tuple[str, str] | None:
    """``(mailbox, domain)`` of an ASCII address as ``email-validator`` would answer, or ``None``.

    ``None`` means "ask the library": anything but a dot-atom mailbox of at most 64
    characters at a host name of two or more labels of letters, digits and inner
    hyphens, ending in a letter, with no ``--`` (the library keeps such an address as
    typed, the domain in lower case). Special-use domains (``.test``, ``.localhost``...)
    and the mailboxes the library lower-cases (``Postmaster``) are left to it too.
    """
    found = _PLAIN_ADDRESS.fullmatch(text)
    if found is None or len(text) > _MAX_ADDRESS:
        return None
    local, domain = found.group(1), found.group(2).lower()
    if len(local) > _MAX_LOCAL or len(domain) > _MAX_DOMAIN:
        return None
    if "--" in domain or not domain[-1].isalpha():  # Punycode; a top-level domain ends in a letter
        return None
    special, case_insensitive = _special_names()
    if local.lower() in case_insensitive:
        return None
    if any(domain == name or domain.endswith("." + name) for name in special):
        return None
    return local, domain


@cache
def _phones() -> ModuleType:
    return importlib.import_module("phonenumbers")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in text)


def _invisible(text: str) -> bool:
    """True when nothing in ``text`` would show: only spaces and format characters (U+200B...)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def refuse_disguised(value: str, field: str) -> None:
    """Refuse text that would be shown as something else: direction overrides, encoded words.

    A reader sees ``U+202E``-reordered text backwards, and a mail reader decodes an
    RFC 2047 encoded word (``=?utf-8?q?...?=``) into other text.
    """
    if not BIDI_CONTROLS.isdisjoint(value):
        raise InputError(
            field, "contains invisible text-direction controls (such as U+202E); type it without"
        )
    if ENCODED_WORD.search(value):
        raise InputError(
            field, "contains an encoded-word sequence like =?utf-8?q?...?=; write the text itself"
        )


def one_line(
    value: str, field: str, *, max_length: int = MAX_ONE_LINE, required: bool = True
) -> str:
    """Return ``value`` stripped, or raise if it is empty, multi-line or absurdly long.

    Text that is not valid Unicode (bytes that were not UTF-8 arrive as lone
    surrogates), text-direction overrides and text made only of invisible
    characters are refused too: each would be stored or shown as something else.
    """
    # Printable text holds neither surrogates nor controls: the per-character checks are skipped.
    printable = value.isprintable()
    if not printable and any("\ud800" <= ch <= "\udfff" for ch in value):
        raise InputError(field, "contains text that is not valid UTF-8")
    text = value.strip()
    # Checked on the raw value: a trailing newline or tab is refused too, not silently trimmed.
    if not printable and _has_control(value):
        raise InputError(field, "must be a single line without control characters or line breaks")
    if printable:  # no direction controls (format characters are unprintable) and no Cf
        if "=?" in value:
            refuse_disguised(value, field)
        invisible = not text  # printable space is U+0020 alone, which strip removed
    else:
        refuse_disguised(value, field)
        invisible = _invisible(text)
    if invisible:
        if required:
            raise InputError(field, "must not be empty" if not text else "has no visible text")
        return ""
    if len(text) > max_length:
        raise InputError(field, f"is {len(text)} characters long; keep it under {max_length}")
    return text


@lru_cache(maxsize=2048)  # pure, and asked several times per plan
def email_address(value: str, field: str) -> str:
    """Return the address normalised (``Dana@EXAMPLE.org`` -> ``Dana@example.org``) or raise.

    Internationalised domains (``dana@exämple.de``, or its ``xn--`` form) and
    mailboxes (``jürgen@example.de``) are accepted, as mail servers do; the
    domain is kept in its Unicode form. No network lookup is made.
    """
    text = one_line(value, field, max_length=254)
    plain = plain_address(text)
    if plain is not None:
        return f"{plain[0]}@{plain[1]}"
    try:
        checked = _emails().validate_email(text, check_deliverability=False, allow_smtputf8=True)
    except _emails().EmailNotValidError as exc:
        raise InputError(
            field, f"{text!r} is not an email address like name@example.org ({exc})"
        ) from None
    return str(checked.normalized)


@lru_cache(maxsize=2048)  # pure, and asked several times per plan
def split_address(address: str) -> tuple[str, str]:
    """``(mailbox, domain)`` of a validated address, the domain in ASCII (``xn--``) form.

    Every mail client and server understands an ASCII domain; a mailbox with
    non-ASCII letters needs SMTPUTF8 (RFC 6531) whatever is done to it.
    """
    plain = plain_address(address)
    if plain is not None:
        return plain
    checked = _emails().validate_email(address, check_deliverability=False, allow_smtputf8=True)
    return str(checked.local_part), str(checked.ascii_domain)


_PHONE_HINT = "use digits with an optional leading + and country code, e.g. +44 20 7946 0000"


def _parse_phone(text: str, region: str | None) -> PhoneNumber | None:
    """The number ``phonenumbers`` reads in ``text`` (``region`` for national numbers)."""
    try:
        number = _phones().parse(text, None if text.startswith("+") else region)
    except _phones().NumberParseException:
        return None
    possible = _phones().is_possible_number_with_reason(number)
    return number if possible == _phones().ValidationResult.IS_POSSIBLE else None


@lru_cache(maxsize=2048)  # pure, and asked several times per plan
def phone_number(value: str, field: str, region: str | None = None) -> str:
    """Return a phone number fit to show and dial, or raise naming ``field``.

    A number with its country code (``+44 (0)20 7946 0000``, ``+1 212 555 0100
    ext. 42``) keeps the user's own spelling. A national number (``020 7946
    0000``) takes its country from ``region`` (the ISO code of the zone or
    profile) and is written in international format, so whoever reads it abroad
    can dial it. Numbers that cannot exist (``+999 123``, too short for their
    country) are refused. Without a country code or region only the shape is checked.
    """
    text = one_line(value, field, max_length=40)
    region = region if region in _phones().SUPPORTED_REGIONS else None
    known_country = text.startswith("+") or region is not None
    if not _PHONE_SHAPE.match(text):
        raise InputError(field, f"{text!r} is not a phone number; {_PHONE_HINT}")
    if known_country:
        number = _parse_phone(text, region)
        if number is None:
            raise InputError(field, f"{text!r} is not a phone number that can exist; {_PHONE_HINT}")
        if text.startswith("+"):
            return text
        return str(_phones().format_number(number, _phones().PhoneNumberFormat.INTERNATIONAL))
    digits = re.sub(r"\D", "", text)
    if not _PHONE_ALLOWED.match(text) or not 5 <= len(digits) <= 15:
        raise InputError(field, f"{text!r} is not a phone number; {_PHONE_HINT}")
    return text


@lru_cache(maxsize=2048)  # pure, and asked for every message of a plan
def phone_for_reader(value: str, reader_country: str | None) -> str:
    """A validated number as a reader in ``reader_country`` (ISO code) expects to read it.

    A number of the reader's own country is shown in its national format (``020 7946
    0000`` to someone in Britain, ``(212) 555-0100`` in the US), as they would dial it;
    any other number keeps its international form. Numbers without a country code
    are shown as given.
    """
    text = value.strip()
    number = _parse_phone(text, None) if text.startswith("+") else None
    if number is None or not reader_country:
        return value
    if number.country_code != _phones().country_code_for_region(reader_country.upper()):
        return value  # (same country code: the reader dials it as a national number)
    return str(_phones().format_number(number, _phones().PhoneNumberFormat.NATIONAL))


@lru_cache(maxsize=2048)  # pure, and asked several times per plan
def phone_e164(value: str) -> str:
    """The ``tel:`` form of a validated number: ``+44 (0)20 7946 0000`` -> ``+442079460000``.

    An extension becomes ``;ext=42`` (RFC 3966). A number without a country
    code (none was known) keeps only its digits: still a valid local ``tel:``.
    """
    text = value.strip()
    number = _parse_phone(text, None) if text.startswith("+") else None
    if number is None:
        return re.sub(r"\D", "", text)
    dial = str(_phones().format_number(number, _phones().PhoneNumberFormat.E164))
    return dial + (f";ext={number.extension}" if number.extension else "")


def web_link(value: str, field: str = "link", *, max_length: int = 500) -> str:
    """A meeting or profile link: one line, ``https://`` (or ``http://``), no spaces.

    Anything else (``javascript:``, ``data:``, ``file:``) is refused: these links
    end up in messages and calendar files other people open.
    """
    text = one_line(value, field, max_length=max_length)
    if not text.lower().startswith(("https://", "http://")) or any(ch.isspace() for ch in text):
        raise InputError(field, f"{text[:60]!r} is not a web address starting with https://")
    if len(text.split("://", 1)[1].split("/", 1)[0]) == 0:
        raise InputError(field, f"{text[:60]!r} has no host name after https://")
    return text
