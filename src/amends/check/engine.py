"""Run every applicable rule over a draft and turn hits into findings.

The order of work: prepare the draft once, run each rule's check, drop what the
user silenced (``--ignore`` or an inline marker), then sort by position so the
report reads top to bottom like the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from amends.check import context
from amends.check.draft import Draft
from amends.check.matchers import sentence_hits
from amends.check.model import CATEGORIES, DRAFT_KINDS, CheckReport, DraftKind, Finding
from amends.check.rules import Catalogue, Check, Rule, catalogue, selectors
from amends.check.scan import Hit, Scan
from amends.check.text import Marker, find_markers, fold, words
from amends.errors import InputError

_CHECKS: dict[Check, Callable[[Scan, Rule, Catalogue], list[Hit]]] = {
    "sentence": lambda scan, rule, cat: sentence_hits(scan, rule),
    "absence": lambda scan, rule, cat: context.absence_hits(scan, rule),
    "apology-count": context.apology_hits,
    "clock-zone": context.clock_zone_hits,
    "length": context.length_hits,
    "narrative": context.narrative_hits,
    "subject-missing": lambda scan, rule, cat: context.subject_missing_hits(scan, rule),
    "subject-vague": context.subject_vague_hits,
}


def resolve_ignore(ignore: Iterable[str], field: str = "ignore") -> frozenset[str]:
    """Normalise ``--ignore`` values (rule ids or categories, comma-separated allowed).

    Raises :class:`InputError` naming the valid choices for an unknown value, so a
    typo never silently disables nothing.
    """
    valid = selectors()
    chosen: set[str] = set()
    for raw in ignore:
        for part in str(raw).replace(",", " ").split():
            name = part.strip().lower()
            if name not in valid:
                shown = name[:40]
                raise InputError(
                    field,
                    f"{shown!r} is not a rule id or category; categories: {', '.join(CATEGORIES)} "
                    "(rule ids: see the README, section amends check)",
                )
            chosen.add(name)
    return frozenset(chosen)


def _silenced(rule: Rule, hit: Hit, markers: list[Marker]) -> bool:
    for marker in markers:
        names = marker.selectors
        applies = not names or rule.id in names or rule.category in names
        if applies and (rule.whole_draft or marker.covers(hit.start, hit.end)):
            return True
    return False


def check_draft(
    draft: Draft, *, kind: DraftKind = "email", ignore: Iterable[str] = ()
) -> CheckReport:
    """Check a prepared :class:`Draft`; offsets in the report refer to ``draft.text``."""
    if kind not in DRAFT_KINDS:
        raise InputError("kind", f"{kind!r} is not a draft kind; use one of: email, script")
    ignored = resolve_ignore(ignore)
    cat = catalogue()
    scan = Scan(draft=draft, kind=kind)
    markers = find_markers(fold(draft.text))
    findings: list[tuple[int, int, int, Finding]] = []
    for order, rule in enumerate(cat.rules):
        if kind not in rule.applies_to or rule.id in ignored or rule.category in ignored:
            continue
        for hit in _CHECKS[rule.check](scan, rule, cat):
            if _silenced(rule, hit, markers):
                continue
            finding = Finding(
                rule=rule.id,
                category=rule.category,
                severity=rule.severity,
                start=hit.start,
                end=hit.end,
                excerpt=draft.text[hit.start : hit.end],
                message=rule.message,
                suggestion=rule.suggestion,
            )
            findings.append((hit.start, hit.end, order, finding))
    findings.sort(key=lambda item: item[:3])
    body_words = len(words(scan.folded, draft.body_start))
    return CheckReport(
        text=draft.text,
        kind=kind,
        findings=tuple(f for *_, f in findings),
        words=body_words,
        has_subject=draft.subject is not None,
    )
