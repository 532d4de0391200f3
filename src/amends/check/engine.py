"""Run every applicable rule over a draft and turn hits into findings.

The order of work: settle what the draft is (its kind, given or inferred, and
the reason code), prepare the draft once, run each rule's check — catalogue
patterns and the sentence classifier side by side — drop what the user
silenced (``--ignore`` or an inline marker), merge findings that say the same
thing about the same words, then order them errors first, each group top to
bottom like the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from amends.check import context, evidence
from amends.check.draft import Draft
from amends.check.matchers import classifier_hits, sentence_hits
from amends.check.model import CATEGORIES, CheckReport, Finding
from amends.check.rules import Catalogue, Check, Rule, catalogue, selectors
from amends.check.scan import Hit, Scan
from amends.check.situation import Reason, infer_kind, resolve_kind, resolve_reason
from amends.check.text import Marker, find_markers, fold
from amends.errors import InputError

_CHECKS: dict[Check, Callable[[Scan, Rule, Catalogue], list[Hit]]] = {
    "sentence": lambda scan, rule, cat: sentence_hits(scan, rule),
    "absence": context.absence_hits,
    "apology-count": context.apology_hits,
    "clock-zone": context.clock_zone_hits,
    "length": context.length_hits,
    "narrative": context.narrative_hits,
    "subject-missing": lambda scan, rule, cat: context.subject_missing_hits(scan, rule),
    "subject-vague": context.subject_vague_hits,
    "subject-shouty": context.subject_shouty_hits,
    "classifier": lambda scan, rule, cat: evidence.corroborated(
        scan, rule, classifier_hits(scan, rule), cat
    ),
    "availability": context.availability_hits,
}


def resolve_ignore(ignore: Iterable[str], field: str = "ignore") -> frozenset[str]:
    """Normalise ``--ignore`` values (rule ids or categories, comma-separated allowed).

    Raises :class:`InputError` naming the valid choices for an unknown value, so a
    typo never silently disables nothing.
    """
    chosen: set[str] = set()
    valid: set[str] = set()
    for raw in ignore:
        valid = valid or selectors()
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


def _suggestion(rule: Rule, hit: Hit, scan: Scan, reason: Reason | None, cat: Catalogue) -> str:
    """The rule's rewrite, made concrete with the reason's own honest framing when known."""
    if not rule.suggestion_for_reason:
        return rule.suggestion
    if reason is None:
        for code, cues in cat.reason_cues.items():
            if scan.search_any(cues, hit.start, hit.end):
                reason = resolve_reason(code)
                break
    if reason is None or reason.outside_control:
        return rule.suggestion
    return rule.suggestion_for_reason.replace("{framing}", reason.framing)


SUBSUMED_BY: dict[str, tuple[str, ...]] = {"excuse": ("blame",), "begging": ("demand",)}
"""A sentence reported as blame is not reported again as an excuse: putting the miss on
someone or something else is the flaw to fix, and the blame rewrite already owns it. A
sentence that sets a deadline in polite words ("I would be grateful for a time by close of
play tomorrow") is a demand, not a plea: its courtesy is what the model hears as begging."""


def _merge(findings: list[tuple[int, Finding]], scan: Scan, cat: Catalogue) -> list[Finding]:
    """One finding per category and sentence, then errors first, each group in text order.

    Findings of one category in one sentence say the same thing (a pattern for
    "wasn't my fault", another for "the invite was wrong", the classifier for the
    whole sentence): the first in catalogue order speaks for all, over the
    words the patterns found (the whole sentence when only the model did).
    """
    groups: dict[tuple[str, int, int], list[tuple[int, Finding]]] = {}
    for order, f in findings:
        place = (f.start, f.end) if f.start == f.end else scan.sentence_at(f.start)
        groups.setdefault((f.category, *place), []).append((order, f))
    merged: list[tuple[int, Finding]] = []
    for (category, a, b), group in groups.items():
        if any((heavier, a, b) in groups for heavier in SUBSUMED_BY.get(category, ())):
            continue
        group.sort(key=lambda item: item[0])
        order, first = group[0]
        spans = [(f.start, f.end) for _, f in group if cat.rule(f.rule).check == "sentence"]
        if spans:
            start, end = min(a for a, _ in spans), max(b for _, b in spans)
            if (start, end) != (first.start, first.end):
                text = scan.draft.text
                first = replace(first, start=start, end=end, excerpt=text[start:end])
        merged.append((order, first))
    merged.sort(key=lambda item: (item[1].severity != "error", item[1].start, item[1].end, item[0]))
    return [f for _, f in merged]


def check_draft(
    draft: Draft,
    *,
    kind: str | None = None,
    reason: str | None = None,
    ignore: Iterable[str] = (),
) -> CheckReport:
    """Check a prepared :class:`Draft`; offsets in the report refer to ``draft.text``.

    ``kind`` is one of :data:`amends.check.DRAFT_KINDS` (``None``: inferred from the
    words); ``reason`` a code from ``data/reasons.toml`` (``amends reasons``).
    """
    given = resolve_kind(kind)
    found_reason = resolve_reason(reason)
    ignored = resolve_ignore(ignore)
    cat = catalogue()
    scan = Scan(
        draft=draft,
        kind=given or "apology",
        reason=None if found_reason is None else found_reason.code,
        reason_outside_control=None if found_reason is None else found_reason.outside_control,
        kind_given=given is not None,
    )
    resolved = scan.kind = given or infer_kind(scan, cat)
    # without a "<" no marker is blanked, so the scan's folded text is this very fold
    markers = find_markers(fold(draft.text) if "<" in draft.text else scan.folded)
    findings: list[tuple[int, Finding]] = []
    for order, rule in enumerate(cat.rules):
        if resolved not in rule.applies_to or rule.id in ignored or rule.category in ignored:
            continue
        for hit in _CHECKS[rule.check](scan, rule, cat):
            if _silenced(rule, hit, markers) or (rule.body_only and hit.end <= draft.body_start):
                continue
            finding = Finding(
                rule=rule.id,
                category=rule.category,
                severity=rule.severity,
                start=hit.start,
                end=hit.end,
                excerpt=draft.text[hit.start : hit.end],
                message=rule.message,
                suggestion=_suggestion(rule, hit, scan, found_reason, cat),
            )
            findings.append((order, finding))
    findings = evidence.standing_excuses(findings, scan, cat)
    findings = context.vague_beside_times(findings, scan, cat)
    body_words = len(scan.body_words)
    return CheckReport(
        text=draft.text,
        kind=resolved,
        findings=tuple(_merge(findings, scan, cat)),
        words=body_words,
        has_subject=draft.subject is not None,
        kind_inferred=given is None,
        reason=scan.reason,
    )
