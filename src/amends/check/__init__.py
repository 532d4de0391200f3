"""The draft checker: read a message the way an experienced recruiter would.

``check_text`` takes plain text (optionally starting with a ``Subject:`` line),
``check_email`` a separate subject and body, ``check_eml`` the bytes of an
``.eml`` file. Each returns a :class:`CheckReport` whose findings carry
character offsets into ``report.text`` — the text as given for ``check_text``,
``"Subject: <subject>\\n<body>"`` for the other two — with the rule, category,
severity, the offending excerpt, what is wrong and a suggested fix. The rules
and all their wording live in ``data/check_rules.toml``.

``kind="script"`` checks something said aloud (phone script, voicemail): no
subject is expected, ownership may wait for the e-mail, and the length limit is
what fits in a minute of speech.
"""

from __future__ import annotations

from collections.abc import Iterable

from amends.check.draft import Draft, compose_draft, looks_like_eml, parse_draft, read_eml
from amends.check.engine import check_draft, resolve_ignore
from amends.check.model import (
    CATEGORIES,
    DRAFT_KINDS,
    ERROR_CATEGORIES,
    CheckReport,
    DraftKind,
    Finding,
    Severity,
    severity_of,
)
from amends.check.rules import Rule, catalogue

__all__ = [
    "CATEGORIES",
    "DRAFT_KINDS",
    "ERROR_CATEGORIES",
    "CheckReport",
    "Draft",
    "DraftKind",
    "Finding",
    "Rule",
    "Severity",
    "catalogue",
    "check_draft",
    "check_email",
    "check_eml",
    "check_text",
    "looks_like_eml",
    "parse_draft",
    "read_eml",
    "resolve_ignore",
    "severity_of",
]


def check_text(text: str, *, ignore: Iterable[str] = (), kind: DraftKind = "email") -> CheckReport:
    """Check plain text; an optional first line ``Subject: …`` is read as the subject."""
    return check_draft(parse_draft(text), kind=kind, ignore=ignore)


def check_email(
    subject: str | None, body: str, *, ignore: Iterable[str] = (), kind: DraftKind = "email"
) -> CheckReport:
    """Check a subject and body given separately (``None``: the message has no subject)."""
    return check_draft(compose_draft(subject, body), kind=kind, ignore=ignore)


def check_eml(data: bytes, *, ignore: Iterable[str] = (), name: str = "message") -> CheckReport:
    """Check an RFC 5322 message (the bytes of an ``.eml`` file)."""
    return check_draft(read_eml(data, name), kind="email", ignore=ignore)
