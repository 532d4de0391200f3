"""The scan's shortcuts give what the plain way gives: live patterns as a set, a word's
positions filed once per distinct word, paragraph word counts read off the body's words."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.check.anchors import lowered, probe
from amends.check.draft import parse_draft
from amends.check.lazy_regex import LazyPattern
from amends.check.leads import LeadIndex
from amends.check.prefilter import may_match
from amends.check.rules import catalogue
from amends.check.scan import Scan
from amends.check.text import fold, paragraphs, words
from tests.check_corpus_cases import load_cases

_CAT = catalogue()
_GROUPS = [
    *(r.patterns for r in _CAT.rules),
    *(r.unless for r in _CAT.rules),
    *(r.requires for r in _CAT.rules),
    *_CAT.lexicon.values(),
]


def _drafts() -> list[str]:
    return [case.text for case in load_cases()[::4]]


def test_live_patterns_are_those_the_gate_keeps_and_a_repeated_one_stays_repeated() -> None:
    for text in _drafts():
        scan = Scan(parse_draft(text), "apology")
        for group in _GROUPS:
            expected = [p for p in group if may_match(p, scan.lowered)]
            assert Counter(map(id, scan.live(group))) == Counter(map(id, expected))
    repeated = (_CAT.lexicon["apology"][0], _CAT.lexicon["apology"][0])
    scan = Scan(parse_draft("I am so sorry. Sorry again."), "apology")
    assert len(scan.live(repeated)) == 2
    assert scan.spans_any(repeated) == sorted(scan.spans(repeated[0]) * 2)


def test_any_of_a_group_finds_every_span_of_each_member_sorted() -> None:
    for text in _drafts():
        scan = Scan(parse_draft(text), "apology")
        for group in _GROUPS:
            every = sorted(
                m.span() for p in group for m in p.finditer(scan.folded) if m.end() > m.start()
            )
            if all(scan.spans(p) == [m.span() for m in p.finditer(scan.folded)] for p in group):
                assert scan.spans_any(group) == every


_INDEX = LeadIndex(list(dict.fromkeys(_CAT.all_patterns())))
_WORDS = ["doctor", "doctors", "i", "in", "interview", "sorry", "a&e", "gp", "x", "mis-read"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, " ", "\n", ", ", "-", "'"]), min_size=1, max_size=30))
def test_every_key_lists_the_words_filed_under_it_in_text_order(pieces: list[str]) -> None:
    """Several distinct words under one key ("doctor", "doctors") give one list, in order,
    as reading the words one by one would."""
    text = "".join(pieces)
    lower = lowered(fold(text))
    assert lower is not None
    seen = probe(lower)
    expected: dict[str, list[int]] = {}
    for m in re.finditer(r"\w+", seen):
        for key in _INDEX._word(m.group()):
            expected.setdefault(key, []).append(m.start())
    assert _INDEX.words(seen) == expected


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["word", "it's", "e.g.", "10.30", "mid-way", " ", "\n", "\n\n", "\n \n", "."]
        ),
        min_size=1,
        max_size=60,
    )
)
def test_a_paragraphs_words_are_the_body_words_starting_in_it(pieces: list[str]) -> None:
    """The long-narrative rule counts a paragraph's words from the body's: none runs across a
    paragraph's edge."""
    scan = Scan(parse_draft("".join(pieces)), "apology")
    text = scan.folded
    for start, end in paragraphs(text, scan.draft.body_start, len(text)):
        inside = [w for w in scan.body_words if start <= w[0] < end]
        assert inside == words(text, start, end)


def test_a_marker_free_draft_is_folded_once_for_markers_and_rules() -> None:
    """Without a "<" nothing is blanked, so the scan's folded text is the draft's fold."""
    for text in _drafts():
        if "<" not in text:
            scan = Scan(parse_draft(text), "apology")
            assert scan.folded == fold(scan.draft.text)


def test_unknown_patterns_are_kept_in_order_when_the_gate_does_not_know_them() -> None:
    stranger = LazyPattern(r"\bzebra\b")
    scan = Scan(parse_draft("a zebra crossing"), "apology")
    group = (stranger, _CAT.lexicon["apology"][0])
    assert [id(p) for p in scan.live(group)] == [id(stranger)]
