"""Turn what the user gives (plain text, bytes, an ``.eml`` message) into a draft to check.

A draft is the text every offset refers to, plus where its subject and body
are inside it. Plain text may start with a ``Subject:`` line; an e-mail message
is flattened to ``"Subject: <subject>\\n<body>"`` so both inputs are checked, and
reported, the same way.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage
from html.parser import HTMLParser

from amends.errors import InputError

_SUBJECT_LINE = re.compile(r"[ \t\ufeff]*subject[ \t]*:[ \t]*", re.IGNORECASE)
_HEADER_LINE = re.compile(r"[A-Za-z][A-Za-z0-9-]*:[ \t]")
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "date", "message-id", "mime-version", "content-type", "received"}
)


@dataclass(frozen=True)
class Draft:
    """The text to check and the spans of its parts (``subject_*`` are None without one)."""

    text: str
    body_start: int
    subject_start: int | None = None
    subject_end: int | None = None

    @property
    def subject(self) -> str | None:
        if self.subject_start is None or self.subject_end is None:
            return None
        return self.text[self.subject_start : self.subject_end]

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


def parse_draft(text: str) -> Draft:
    """Split plain text into an optional ``Subject:`` first line and the body.

    Blank lines before the subject are allowed; the subject line is kept in the
    text, so offsets refer to the text exactly as given.
    """
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        if text[pos:line_end].strip() or nl < 0:
            break
        pos = nl + 1
    m = _SUBJECT_LINE.match(text, pos)
    if not m:
        return Draft(text=text, body_start=0)
    nl = text.find("\n", m.end())
    line_end = len(text) if nl < 0 else nl
    end = line_end
    while end > m.end() and text[end - 1].isspace():
        end -= 1
    body_start = len(text) if nl < 0 else nl + 1
    return Draft(text=text, body_start=body_start, subject_start=m.end(), subject_end=end)


def compose_draft(subject: str | None, body: str) -> Draft:
    """The draft for a separate subject and body: ``"Subject: <subject>\\n<body>"``."""
    if subject is None:
        return Draft(text=body, body_start=0)
    one_line = " ".join(subject.split())
    head = "Subject: "
    text = f"{head}{one_line}\n{body}"
    return Draft(
        text=text,
        body_start=len(head) + len(one_line) + 1,
        subject_start=len(head),
        subject_end=len(head) + len(one_line),
    )


def looks_like_eml(text: str) -> bool:
    """True when ``text`` starts with an e-mail header block (From:, To:, Date:, …)."""
    names: set[str] = set()
    for line in text.lstrip("\ufeff").splitlines():
        if not line.strip():
            break
        if line[:1] in " \t":
            continue
        if not _HEADER_LINE.match(line):
            return False
        names.add(line.split(":", 1)[0].lower())
    return bool(names & _MAIL_HEADERS)


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
