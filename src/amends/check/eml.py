"""Read an RFC 5322 message (the bytes of an ``.eml`` file) into a draft to check.

Kept apart from :mod:`amends.check.draft` so that checking plain text never
loads Python's ``email`` package (most of a cold ``amends check`` otherwise):
:func:`amends.check.draft.read_eml` imports this module when a message comes.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from html.parser import HTMLParser

from amends.check.draft import Draft, compose_draft
from amends.errors import InputError


class _HTMLText(HTMLParser):
    """Plain text of an HTML body: block elements become line breaks."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML mail body (no external dependency, no network)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", "".join(parser.parts)).strip("\n") + "\n"


def read_eml(data: bytes, name: str = "message") -> Draft:
    """The subject and text body of an RFC 5322 message (``policy=email.policy.default``).

    Prefers the ``text/plain`` part and falls back to ``text/html`` converted to
    text; raises :class:`InputError` when the message has no readable text body.
    """
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    raw_subject = msg["subject"]
    subject = None if raw_subject is None else str(raw_subject)
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError("", f"{name}: the message has no text body to check")
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError) as exc:
        raise InputError("", f"{name}: the message body cannot be decoded ({exc})") from None
    if not isinstance(content, str):
        raise InputError("", f"{name}: the message body is not text")
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    content = content.replace("\r\n", "\n")
    if not content.strip():
        raise InputError("", f"{name}: the message body is empty")
    return compose_draft(subject, content)
