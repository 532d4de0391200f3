"""Word-led patterns tried only where their leads open a word find exactly what finditer finds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.check.anchors import anchored_spans, lowered, probe, runner
from amends.check.draft import parse_draft
from amends.check.lazy_regex import LazyPattern
from amends.check.leads import LeadIndex, leads
from amends.check.matchers import spans_by_sentence
from amends.check.rules import catalogue
from amends.check.scan import Scan, within
from amends.check.text import fold

ROOT = Path(__file__).resolve().parents[1]
_PATTERNS = list(dict.fromkeys(catalogue().all_patterns()))
_INDEX = LeadIndex(_PATTERNS)


def _expected(pattern: LazyPattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def _found(pattern: LazyPattern, text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    lower = lowered(folded)
    assert lower is not None
    seen = probe(lower)
    places = _INDEX.places(id(pattern), _INDEX.words(seen), seen)
    return anchored_spans(pattern, folded, places)


def test_most_catalogue_patterns_are_word_led() -> None:
    assert len(_INDEX.patterns) > len(_PATTERNS) // 2


def test_leads_of_word_led_patterns_and_none_for_the_rest() -> None:
    assert leads(LazyPattern(r"\b(?:doctor|a&e|gp)\b")) == frozenset({"doctor", "a&e", "gp"})
    assert leads(LazyPattern(r"\bI\s+should\s+have\b")) == frozenset({"i"})
    assert leads(LazyPattern(r"\bI am\b")) == frozenset({"i am"})
    assert leads(LazyPattern(r"(?<=\bat[ ])(?:one|two)\b")) == frozenset({"one", "two"})
    assert leads(LazyPattern(r"(?-i:\b[A-Z]{3,}\b)")) is None  # no strings to file it under
    assert leads(LazyPattern(r"(?:fault|blame)")) is None  # may start inside a word
    assert leads(LazyPattern(r"\d+\s*pm")) is None


def _texts() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "training" / "check" / "train").glob("*.txt")):
        out.extend(line for line in path.read_text("utf-8").splitlines()[:30] if line.strip())
    return out


def test_places_find_every_match_of_every_word_led_pattern_in_the_corpus() -> None:
    text = "\n".join(_texts())
    for pattern in _INDEX.patterns:
        assert _found(pattern, text) == _expected(pattern, fold(text)), pattern.pattern


_WORDS = sorted({lead.strip() for p in _INDEX.patterns for lead in leads(p) or ()} - {""})
_GLUE = [" ", "  ", "\n", ", ", ". ", "'", "-", "&", "10:30", " pm ", "\t", "x", "Ab", "_"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _GLUE), min_size=1, max_size=16))
def test_places_agree_with_finditer_on_text_made_of_the_leads(pieces: list[str]) -> None:
    """Text made of the lead words themselves, glued with spaces, punctuation and other words
    (so leads also sit inside longer words), in any case: the same matches as finditer."""
    text = "".join(pieces)
    for variant in (text, text.upper(), text.title()):
        for pattern in _INDEX.patterns:
            assert _found(pattern, variant) == _expected(pattern, fold(variant)), (
                pattern.pattern,
                variant,
            )


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet=st.sampled_from("abI ry'\n.,-&ae01"), max_size=40))
def test_places_agree_with_finditer_on_arbitrary_short_text(text: str) -> None:
    for pattern in _INDEX.patterns:
        assert _found(pattern, text) == _expected(pattern, fold(text)), (pattern.pattern, text)


def _straightforward(scan: Scan, pattern: LazyPattern) -> list[tuple[int, int]]:
    """finditer over the text; sentence by sentence for a pattern whose fast form runs so."""
    if runner(pattern).window is None:
        return _expected(pattern, scan.folded)
    return [
        m.span()
        for s, e in scan.sentences
        for m in pattern.finditer(scan.folded, s, e)
        if m.end() > m.start()
    ]


def test_a_scan_finds_what_the_straightforward_search_finds_for_every_pattern() -> None:
    """Through the whole scan (gate, places, fast forms) every catalogue pattern finds what
    finditer finds."""
    odd = "Subject: Re: DATE\nHi NAME, I  should\nhave called. a&e, A&E. İstanbul"
    for text in [*_texts()[:80], odd, odd[:-9]]:
        scan = Scan(parse_draft(text), "apology")
        for pattern in _PATTERNS:
            assert scan.spans(pattern) == _straightforward(scan, pattern), (pattern.pattern, text)


def test_a_new_word_led_pattern_is_filed_as_it_is() -> None:
    """Whatever the rule file holds is filed from its parsed form: no pattern is written
    into code."""
    new = LazyPattern(r"\b(?:zebra\s+crossing|quokka)\b", re.IGNORECASE)
    index = LeadIndex([*_PATTERNS, new])
    assert id(new) in index.known
    seen = probe("the quokka at the zebra  crossing")
    assert index.places(id(new), index.words(seen), seen) == [4, 18]


_DRAFT_GLUE = [*_GLUE, "\n\n", "! ", "? ", "Subject: ", "e.g. "]


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + _DRAFT_GLUE), min_size=1, max_size=24))
def test_the_scan_never_misses_a_match_finditer_finds_in_any_draft(pieces: list[str]) -> None:
    """Drafts made of lead words, sentence ends and a subject line, through the whole scan
    (gate, leads, the one-step word-led search): each pattern's spans are finditer's."""
    text = "".join(pieces)
    for variant in (text, text.upper()):
        scan = Scan(parse_draft(variant), "apology")
        for pattern in _PATTERNS:
            assert scan.spans(pattern) == _straightforward(scan, pattern), (
                pattern.pattern,
                variant,
            )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=12),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15)), max_size=8),
)
def test_spans_filedspans_by_sentence_are_what_within_gives_each_sentence(
    raw_spans: list[tuple[int, int]], raw_sentences: list[tuple[int, int]]
) -> None:
    """A sentence rule visits only the sentences holding a match, and each gets exactly the
    spans ``within`` gives it, sentences in order or not."""
    spans = sorted({(a, a + n) for a, n in raw_spans})
    sentences = tuple((a, a + n) for a, n in raw_sentences)
    ordered = all(sentences[i][1] <= sentences[i + 1][0] for i in range(len(sentences) - 1))
    expected = [(s, e, w) for s, e in sentences if (w := within(spans, s, e))]
    assert spans_by_sentence(spans, sentences, ordered) == expected
    if ordered:
        assert spans_by_sentence(spans, sentences, False) == expected
