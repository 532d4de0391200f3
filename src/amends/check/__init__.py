"""The draft checker: read a message the way an experienced recruiter would.

``check_text`` takes plain text (optionally starting with a ``Subject:`` line),
``check_email`` a separate subject and body, ``check_eml`` the bytes of an
``.eml`` file. Each returns a :class:`CheckReport` whose findings carry
character offsets into ``report.text`` — the text as given for ``check_text``,
``"Subject: <subject>\\n<body>"`` for the other two — with the rule, category,
severity, the offending excerpt, what is wrong and a suggested fix. The rules
and all their wording live in ``data/check_rules.toml``.

``kind`` says what the draft is — ``apology`` (after a miss), ``request`` (to
move an interview still ahead, or a "running late" call), ``follow-up``,
``confirmation`` or ``script`` (said aloud: no subject, ownership may wait for
the e-mail, a minute of speech) — and is inferred from the words when not
given; ``email`` is accepted as the older name of ``apology``. ``reason`` is a
code from ``data/reasons.toml``: a cause outside the user's control needs no
ownership line. Sentence functions (blame, demands, pleading, offered times, …)
are decided by the catalogue's patterns and a small sentence classifier
(``data/check_model.json``) together.
"""

from __future__ import annotations

from collections.abc import Iterable

from amends.check.draft import Draft, compose_draft, looks_like_eml, parse_draft, read_eml
from amends.check.engine import check_draft, resolve_ignore
from amends.check.model import (
    CATEGORIES,
    DRAFT_KINDS,
    ERROR_CATEGORIES,
    KIND_ALIASES,
    CheckReport,
    DraftKind,
    Finding,
    Severity,
    severity_of,
)
from amends.check.rules import Rule, catalogue
from amends.check.situation import reasons

__all__ = [
    "CATEGORIES",
    "DRAFT_KINDS",
    "ERROR_CATEGORIES",
    "KIND_ALIASES",
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
    "reasons",
    "resolve_ignore",
    "severity_of",
]


def check_text(
    text: str,
    *,
    ignore: Iterable[str] = (),
    kind: str | None = None,
    reason: str | None = None,
) -> CheckReport:
    """Check plain text; an optional first line ``Subject: …`` is read as the subject."""
    return check_draft(parse_draft(text), kind=kind, reason=reason, ignore=ignore)


def check_email(
    subject: str | None,
    body: str,
    *,
    ignore: Iterable[str] = (),
    kind: str | None = None,
    reason: str | None = None,
) -> CheckReport:
    """Check a subject and body given separately (``None``: the message has no subject)."""
    return check_draft(compose_draft(subject, body), kind=kind, reason=reason, ignore=ignore)


def check_eml(
    data: bytes,
    *,
    ignore: Iterable[str] = (),
    name: str = "message",
    kind: str | None = None,
    reason: str | None = None,
) -> CheckReport:
    """Check an RFC 5322 message (the bytes of an ``.eml`` file)."""
    return check_draft(read_eml(data, name), kind=kind, reason=reason, ignore=ignore)
