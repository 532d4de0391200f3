"""Validation of the small text fields every interface accepts.

One-line fields (names, subjects, places) end up in email headers, calendar
properties and phone scripts, so line breaks and control characters are
refused at the boundary rather than escaped somewhere downstream.
"""

from __future__ import annotations

import re
import unicodedata

from amends.errors import InputError

MAX_ONE_LINE = 200
MAX_DETAIL = 300

_EMAIL = re.compile(
    r"^[^@\s<>\"(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_PHONE_ALLOWED = re.compile(r"^\+?[0-9 ().\-/]+$")


# Embeddings, overrides and isolates reorder what a reader sees ("moc.elpmaxe" shown as
# "example.com"): no name, subject or place needs them, so they are refused outright.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in text)


def _invisible(text: str) -> bool:
    """True when nothing in ``text`` would show: only spaces and format characters (U+200B...)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def one_line(
    value: str, field: str, *, max_length: int = MAX_ONE_LINE, required: bool = True
) -> str:
    """Return ``value`` stripped, or raise if it is empty, multi-line or absurdly long.

    Text that is not valid Unicode (bytes that were not UTF-8 arrive as lone
    surrogates), text-direction overrides and text made only of invisible
    characters are refused too: each would be stored or shown as something else.
    """
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise InputError(field, "contains text that is not valid UTF-8")
    text = value.strip()
    # Checked on the raw value: a trailing newline or tab is refused too, not silently trimmed.
    if _has_control(value):
        raise InputError(field, "must be a single line without control characters or line breaks")
    if any(ch in BIDI_CONTROLS for ch in value):
        raise InputError(
            field, "contains invisible text-direction controls (such as U+202E); type it without"
        )
    if _invisible(text):
        if required:
            raise InputError(field, "must not be empty" if not text else "has no visible text")
        return ""
    if len(text) > max_length:
        raise InputError(field, f"is {len(text)} characters long; keep it under {max_length}")
    return text


def email_address(value: str, field: str) -> str:
    """Return a plausible email address (``name@example.org``) or raise."""
    text = one_line(value, field, max_length=254)
    if not _EMAIL.match(text):
        raise InputError(field, f"{text!r} is not an email address like name@example.org")
    return text


def phone_number(value: str, field: str) -> str:
    """Return a phone number written with digits and usual separators, or raise.

    The number keeps the user's own spelling for display; :func:`phone_e164`
    gives the normalised form for ``tel:`` links.
    """
    text = one_line(value, field, max_length=40)
    digits = re.sub(r"\D", "", text)
    if not _PHONE_ALLOWED.match(text) or not 5 <= len(digits) <= 15 or "+" in text[1:]:
        raise InputError(
            field,
            f"{text!r} is not a phone number; use digits with an optional leading + "
            "and country code, e.g. +44 20 7946 0000",
        )
    return text


def phone_e164(value: str) -> str:
    """Normalise a validated phone number: ``+44 (20) 7946-0000`` -> ``+442079460000``.

    Numbers written without a leading ``+`` (no country code) keep only their
    digits; that is still a valid ``tel:`` local number.
    """
    digits = re.sub(r"\D", "", value)
    return ("+" + digits) if value.strip().startswith("+") else digits


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
