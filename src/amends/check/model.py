"""The checker's result types: a finding with its character span, and the report.

Offsets always refer to :attr:`CheckReport.text`, the exact text that was
checked. For plain-text input that is the input as given (including an optional
``Subject:`` first line); for :func:`amends.check.check_email` and ``.eml``
files it is ``"Subject: <subject>\\n<body>"`` (or just the body when there is no
subject), so ``report.text[f.start:f.end] == f.excerpt`` holds for every finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal, get_args

Severity = Literal["error", "warning"]
DraftKind = Literal["apology", "request", "follow-up", "confirmation", "script"]

CATEGORIES: tuple[str, ...] = (
    "missing-apology",
    "missing-ownership",
    "missing-interest",
    "missing-thanks",
    "missing-availability",
    "missing-timezone",
    "vague-time",
    "over-apology",
    "excuse",
    "blame",
    "demand",
    "begging",
    "emotional",
    "overshare",
    "too-long",
    "unfilled-placeholder",
    "subject",
)
"""The fixed category vocabulary used in JSON output and by ``--ignore``."""

ERROR_CATEGORIES: frozenset[str] = frozenset(
    {"blame", "demand", "begging", "overshare", "missing-apology", "unfilled-placeholder"}
)
"""Categories whose findings mean "never send this as it is" (severity ``error``)."""

DRAFT_KINDS: tuple[DraftKind, ...] = get_args(DraftKind)
"""What a draft can be: the apology after a miss, an advance request to move (or a
"running late" call), a follow-up after no reply or after their answer, a
confirmation of the new time, or a script said aloud (phone call, voicemail)."""

KIND_ALIASES: dict[str, DraftKind] = {"email": "apology"}
"""Older names still accepted: ``email`` was the only written kind before kinds existed."""


def severity_of(category: str) -> Severity:
    """The severity policy: errors for what must never be sent, warnings for the rest."""
    return "error" if category in ERROR_CATEGORIES else "warning"


@dataclass(frozen=True)
class Finding:
    """One problem: which rule, where (``start``/``end`` into the checked text), and the fix.

    A zero-width span (``start == end``) marks something *missing* from the draft
    as a whole (no apology, no subject); it sits where the body begins.
    """

    rule: str
    category: str
    severity: Severity
    start: int
    end: int
    excerpt: str
    message: str
    suggestion: str

    @property
    def whole_draft(self) -> bool:
        """True when the finding is about the draft as a whole, not some words in it."""
        return self.start == self.end

    def to_json(self) -> dict[str, Any]:
        """The ``findings[]`` object of the JSON contract."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class CheckReport:
    """Every finding for one draft (errors first, then text order) and the text they point into."""

    text: str
    kind: DraftKind
    findings: tuple[Finding, ...]
    words: int
    has_subject: bool
    kind_inferred: bool = False
    reason: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def passed(self) -> bool:
        """True when nothing would stop the draft being sent (no error-level finding)."""
        return self.errors == 0

    @property
    def categories(self) -> set[str]:
        return {f.category for f in self.findings}

    def summary(self) -> dict[str, Any]:
        """Counts for the ``summary`` object (categories in vocabulary order)."""
        counts = Counter(f.category for f in self.findings)
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "total": len(self.findings),
            "passed": self.passed,
            "kind": self.kind,
            "kind_inferred": self.kind_inferred,
            "reason": self.reason,
            "words": self.words,
            "has_subject": self.has_subject,
            "by_category": {c: counts[c] for c in CATEGORIES if counts[c]},
        }

    def to_json(self) -> dict[str, Any]:
        """``{"findings": [...], "summary": {...}}`` — the JSON contract of ``amends check``."""
        return {
            "findings": [f.to_json() for f in self.findings],
            "summary": self.summary(),
        }
