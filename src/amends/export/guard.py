"""Checks applied to text just before it enters an email header, a link or a calendar.

Header-bound values (display names, subjects, addresses) must stay on one
line: a CR or LF inside them is how header injection works, so they are
refused here, before :mod:`email` or :mod:`icalendar` ever see them, rather
than trusting a library to escape them. Every other text (bodies,
descriptions) only needs to be valid Unicode; its line breaks are normalised.
"""

from __future__ import annotations

import re
import unicodedata

from amends.errors import InputError
from amends.fields import ENCODED_WORD, refuse_disguised

# Every character Python's str.splitlines() treats as a line boundary, plus NUL.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\x00")
# Tabs and other controls are refused too: mail readers turn them into spaces.
_CONTROL = frozenset({"Cc", "Zl", "Zp"})
# An RFC 2047 encoded word: mail readers would decode it, so it cannot be carried literally.
_SPACE_RUN = re.compile(r"\s{2,}")
_ENCODED_WORD = ENCODED_WORD
_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(value: str, field: str) -> str:
    """Refuse lone surrogates, which no UTF-8 file can hold."""
    if _SURROGATE.search(value):
        raise InputError(field, "contains invalid Unicode (a lone surrogate character)")
    return value


def header_text(value: str, field: str) -> str:
    """A one-line header value, stripped; line breaks, NUL and other controls are refused.

    Text that looks like an RFC 2047 encoded word (``=?utf-8?q?...?=``) is also
    refused: mail readers decode it, so the recipient would see other text.
    Runs of white space become one space, as every mail reader shows them anyway
    (header folding cannot keep them), so a name typed with a double space still works.
    """
    valid_unicode(value, field)
    # A printable string has no control, line or paragraph separator (the quick answer).
    if not value.isprintable() and any(
        ch in LINE_BREAKS or unicodedata.category(ch) in _CONTROL for ch in value
    ):
        raise InputError(field, "must be a single line without control characters or line breaks")
    refuse_disguised(value, field)
    return _SPACE_RUN.sub(" ", value.strip())


def body_text(value: str, field: str = "body") -> str:
    """Body text with every line break normalised to ``\\n`` and no trailing blank lines."""
    valid_unicode(value, field)
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    return text.rstrip("\n")
