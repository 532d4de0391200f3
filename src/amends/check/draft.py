"""Turn what the user gives (plain text, bytes, an ``.eml`` message) into a draft to check.

A draft is the text every offset refers to, plus where its subject and body
are inside it. Plain text may start with a ``Subject:`` line; an e-mail message
is flattened to ``"Subject: <subject>\\n<body>"`` so both inputs are checked, and
reported, the same way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

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


def read_eml(data: bytes, name: str = "message") -> Draft:
    """The subject and text body of an RFC 5322 message (see :mod:`amends.check.eml`).

    The reader, and Python's ``email`` package with it, is imported only when a
    message comes: a plain-text check does not pay for it.
    """
    reader: Callable[[bytes, str], Draft] = importlib.import_module("amends.check.eml").read_eml
    return reader(data, name)
