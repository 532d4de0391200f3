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


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in text)


def one_line(
    value: str, field: str, *, max_length: int = MAX_ONE_LINE, required: bool = True
) -> str:
    """Return ``value`` stripped, or raise if it is empty, multi-line or absurdly long."""
    text = value.strip()
    # Checked on the raw value: a trailing newline or tab is refused too, not silently trimmed.
    if _has_control(value):
        raise InputError(field, "must be a single line without control characters or line breaks")
    if not text:
        if required:
            raise InputError(field, "must not be empty")
        return text
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
