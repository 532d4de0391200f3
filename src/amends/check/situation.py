"""What the draft is about: its kind (given or inferred) and the reason code, if any.

The same sentence is right in one message and wrong in another: an advance
request to move an interview owes no ownership line, a confirmation no
apology, and a short factual reason outside the user's control ("my train was
cancelled") needs no "that was my responsibility". The reason codes and whether
each is outside the user's control come from the reason catalogue the plan
messages use (``amends.plan.reason_table``, ``data/reasons.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from amends.check.model import DRAFT_KINDS, KIND_ALIASES, DraftKind
from amends.check.rules import Catalogue
from amends.check.scan import Scan
from amends.errors import InputError
from amends.plan.reason_table import known_code, reason_table

PRIVATE_REASONS = frozenset({"personal"})
"""Reasons stated once and not owned: a private matter is not the reader's to weigh, and a
line of "that was my responsibility" after it would only invite questions."""

NOT_WEAK_REASONS = PRIVATE_REASONS | {"conflict"}
"""Reasons owed no ownership that are not outside one's control either: a private matter, and
a clash with another commitment (what a request to move an interview is about). Together with
the causes outside one's control, what is left is the weak reasons: overslept, forgot, a
calendar or time-zone mistake."""


def weak_reason(scan: Scan) -> bool | None:
    """Whether ``--reason`` names a weak reason (``None``: no reason code given)."""
    if scan.reason is None:
        return None
    return scan.reason_outside_control is False and scan.reason not in NOT_WEAK_REASONS


@dataclass(frozen=True)
class Reason:
    """One reason code as the checker needs it."""

    code: str
    outside_control: bool
    framing: str


@cache
def reasons() -> dict[str, Reason]:
    """Every reason code of the catalogue (``data/reasons.toml``), as the checker reads it."""
    return {
        code: Reason(code, bool(entry["outside_control"]), str(entry["framing"]).strip())
        for code, entry in reason_table()["reasons"].items()
    }


def resolve_reason(code: str | None) -> Reason | None:
    """The reason for ``--reason CODE``; an unknown code is bad input naming the valid ones."""
    if code is None or not code.strip():
        return None
    return reasons()[known_code(code, "reason")]


def resolve_kind(kind: str | None) -> DraftKind | None:
    """A valid kind (old names mapped), ``None`` to infer it; bad input otherwise."""
    if kind is None:
        return None
    name = kind.strip().lower()
    if name in KIND_ALIASES:
        return KIND_ALIASES[name]
    for valid in DRAFT_KINDS:
        if name == valid:
            return valid
    raise InputError(
        "kind", f"{kind.strip()[:40]!r} is not a draft kind; use one of: {', '.join(DRAFT_KINDS)}"
    )


def infer_kind(scan: Scan, cat: Catalogue) -> DraftKind:
    """Guess the kind from the words of the body (``kind_*`` lexicon entries).

    A confirmation or a follow-up says so ("confirming Tuesday at 10", "following
    up on my email") even when it mentions the miss; weaker signs (a quoted
    "Re: Confirmation" subject, "a quick follow-up call") count only when the body
    tells no miss; otherwise a draft about a
    miss is an apology; one that agrees to a time they offered and moves nothing
    ("Thursday at 15:00 CET works well for me", "see you then") is a confirmation; one
    about an interview still ahead is a request, and text without a subject that reads
    as speech is a script.
    """
    lex = cat.lexicon
    end = len(scan.folded)
    subject = scan.draft.subject_start
    start = scan.draft.body_start if subject is None else subject  # "Running late for…" too
    if scan.search_any(lex["kind_confirmation"], start, end):
        return "confirmation"
    if scan.search_any(lex["kind_follow_up"], start, end):
        return "follow-up"
    missed = scan.search_any(lex["kind_missed"], start, end)
    if not scan.search_any(lex["kind_missed"], scan.draft.body_start, end):
        # a quoted subject or "a quick follow-up call" never outranks a miss told in the body
        if scan.search_any(lex["kind_confirmation_weak"], start, end):
            return "confirmation"
        if scan.search_any(lex["kind_follow_up_weak"], start, end):
            return "follow-up"
    if (
        not missed
        and scan.search_any(lex["kind_accepted"], start, end)
        and not scan.search_any(lex["kind_moving"], start, end)
    ):
        return "confirmation"  # agrees to a time they offered, moves nothing
    if scan.draft.subject is None and scan.search_any(lex["kind_spoken"], start, end):
        return "script"
    if not missed and scan.search_any(lex["kind_request"], start, end):
        return "request"
    return "apology"
