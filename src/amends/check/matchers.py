"""Sentence rules: a trigger phrase, optionally only with (or without) context nearby.

Most of what recruiters dislike is a phrase ("I overslept", "you must"), but
whether it hurts often depends on the rest of the sentence: "I overslept" owned
in the same breath is not a bare excuse, and "traffic" is only blame when the
sentence disowns the miss. Each rule therefore has ``patterns`` (the trigger),
``requires`` (at least one must also appear in the sentence) and ``unless``
(none may appear in the sentence), all kept in the catalogue.
"""

from __future__ import annotations

from amends.check.rules import Rule
from amends.check.scan import Hit, Scan, cuts, within


def sentence_hits(scan: Scan, rule: Rule) -> list[Hit]:
    """Every non-overlapping place ``rule`` fires, one sentence at a time.

    Only the sentences holding a match are visited: the matches (sorted) are filed under
    the sentence each starts in, one pointer walking both lists, and a match running past
    its sentence's end is not the sentence's (what :func:`within` says).
    """
    hits: list[Hit] = []
    if not scan.may_match_any(rule.patterns):
        return hits
    every = scan.spans_any(rule.patterns)
    if not every:
        return hits
    for s, e, found in spans_by_sentence(every, scan.sentences, scan.sentences_ordered):
        if rule.unless and scan.search_any(rule.unless, s, e):
            continue
        extra: tuple[int, int] | None = None
        if rule.requires:
            req = next((w[0] for p in rule.requires if (w := within(scan.spans(p), s, e))), None)
            if req is None:
                continue
            extra = req
        for start, end in _merge(found) if len(found) > 1 else found:
            if extra is not None:
                start, end = min(start, extra[0]), max(end, extra[1])
            if hits and hits[-1].end > start and hits[-1].start >= s:
                continue
            hits.append(Hit(rule, start, end))
    return hits


def spans_by_sentence(
    spans: list[tuple[int, int]], sentences: tuple[tuple[int, int], ...], ordered: bool
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Per sentence (in order) holding one, the spans (sorted) inside it: ``within(spans, s,
    e)`` for every sentence, skipping those it leaves empty. Sentences not ``ordered`` (in
    order, none overlapping the next) are read one by one as :func:`within` reads them."""
    out: list[tuple[int, int, list[tuple[int, int]]]] = []
    if not ordered:
        for s, e in sentences:
            found = within(spans, s, e)
            if found:
                out.append((s, e, found))
        return out
    at, n = 0, len(spans)
    for s, e in sentences:
        while at < n and spans[at][0] < s:
            at += 1
        if at == n:
            break
        if spans[at][0] >= e:
            continue
        found = []
        while at < n and spans[at][0] < e:
            if spans[at][1] <= e:
                found.append(spans[at])
            at += 1
        if found:
            out.append((s, e, found))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches of different patterns of one rule become one span."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def classifier_hits(scan: Scan, rule: Rule) -> list[Hit]:
    """Body sentences the classifier says do ``rule.labels`` (the whole sentence is the span).

    ``unless`` patterns and ``unless_labels`` veto a sentence, so "I overslept,
    and that's on me" is ownership rather than a bare excuse; with ``requires``,
    one of those patterns must also appear (a template slot needs a bracket or
    a capitalised slot word to point at). With ``waive_outside_control`` the rule
    is off when ``--reason`` names a cause outside the user's control; with
    ``threshold_weak_reason`` it is more sensitive when ``--reason`` names a weak one.
    """
    hits: list[Hit] = []
    if rule.waive_outside_control and scan.reason_outside_control:
        return hits
    cut = rule.threshold
    if scan.reason_outside_control is False and rule.threshold_weak_reason is not None:
        cut = rule.threshold_weak_reason
    if scan.reason_outside_control and rule.threshold_outside_control is not None:
        cut = rule.threshold_outside_control
    wanted, against = cuts(rule.labels, cut), cuts(rule.unless_labels)
    for span in scan.reading_as(wanted, against):
        if rule.unless and scan.search_any(rule.unless, *span):
            continue
        if rule.requires and not scan.search_any(rule.requires, *span):
            continue
        hits.append(Hit(rule, *span))
    return hits
