"""The substring gate only skips patterns that cannot match: answers never change."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.check.prefilter import Gate, letter_key, letter_runs, may_match
from amends.check.rules import catalogue

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    out = []
    for path in sorted((ROOT / "training" / "check" / "train").glob("*.txt")):
        out.extend(line for line in path.read_text("utf-8").splitlines()[:40] if line.strip())
    return out


def test_gate_agrees_with_asking_pattern_by_pattern() -> None:
    patterns = catalogue().all_patterns()
    gate = Gate(patterns)
    for text in _texts():
        lowered = text.lower()
        possible = gate.possible(lowered)
        for pattern in set(patterns):
            assert (id(pattern) in possible) == may_match(pattern, lowered), (pattern.pattern, text)


def test_gate_never_skips_a_pattern_that_matches() -> None:
    patterns = catalogue().all_patterns()
    gate = Gate(patterns)
    for text in _texts():
        possible = gate.possible(text.lower())
        for pattern in set(patterns):
            if pattern.search(text):
                assert id(pattern) in possible, (pattern.pattern, text)


def test_gate_agrees_on_odd_text_and_repeated_words() -> None:
    """Words seen before come from the gate's cache; literals with apostrophes, spaces or
    no letters at all ("n't", "should have", "${") are confirmed in the text itself."""
    patterns = catalogue().all_patterns()
    gate = Gate(patterns)
    odd = [
        "Zoë wasnt there; I should  have called. ${name} %(slot)s n't",
        "I should have called",
        "should\nhave, start art, café, ÇA VA, 10:30 pm",
        "",
    ]
    for text in odd * 2:
        lowered = text.lower()
        possible = gate.possible(lowered)
        for pattern in set(patterns):
            assert (id(pattern) in possible) == may_match(pattern, lowered), (pattern.pattern, text)


def test_a_literal_key_lies_inside_one_word_of_every_text_holding_the_literal() -> None:
    assert letter_key("should have") == "should"
    assert letter_key("n't") is None
    assert letter_key("${") is None
    for literal, text in [
        ("should have", "i should have"),
        ("start", "restarted"),
        ("café", "a café"),
    ]:
        key = letter_key(literal)
        assert key is not None and any(key in word for word in letter_runs(text))


def _drafts() -> list[str]:
    import tomllib

    out = []
    for path in sorted((ROOT / "training" / "check" / "drafts").glob("*.toml")):
        out.extend(str(d["text"]) for d in tomllib.loads(path.read_text("utf-8"))["draft"])
    return out


def test_fast_forms_find_exactly_what_the_catalogue_patterns_find() -> None:
    """Lower-case runners, peeled word boundaries and anchors never change a match."""
    from amends.check.anchors import lowered, probe, run, runner
    from amends.check.text import fold

    odd = [
        "Zoë  \u00a0 10:30, \u0661\u0660:\u0663\u0660 pm ſorry",
        "XXX DATE at TIME ___ !! (your name) [Name] {{slot}}",
        "sorry\tsorry\n\nI  should\nhave called. 9am PT / 12 pm ET",
    ]
    patterns = list(dict.fromkeys(catalogue().all_patterns()))
    for text in [*_drafts(), *odd]:
        folded = fold(text)
        lower = lowered(folded)
        assert lower is not None
        seen = probe(lower)
        for pattern in patterns:
            expected = [m.span() for m in pattern.finditer(folded) if m.end() > m.start()]
            assert run(runner(pattern), folded, lower, seen) == expected, pattern.pattern


def test_a_draft_whose_lower_case_changes_length_keeps_the_catalogue_patterns() -> None:
    from amends.check import check_text
    from amends.check.anchors import lowered

    text = "İstanbul office: sorry I missed our 10:00 interview, the trains were awful."
    assert lowered(text) is None
    report = check_text(text)
    assert report.text[report.findings[0].start : report.findings[0].end]


def _vocabulary() -> list[str]:
    """Every string the gate looks for, and some of what sits around it in drafts."""
    from amends.check.prefilter import also_required, required

    out: set[str] = set()
    for pattern in catalogue().all_patterns():
        for group in (required(pattern) or frozenset(), *also_required(pattern)):
            out.update(group)
    return sorted(out)


_GLUE = [" ", " ", "\n", ", ", ". ", "'", "10:30", " pm ", " EST ", "[", "]", "X", "!"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_vocabulary() + _GLUE), min_size=1, max_size=14))
def test_gate_never_skips_a_pattern_that_matches_text_made_of_its_own_strings(
    pieces: list[str],
) -> None:
    """Text made of the very strings the gate (with its further requirements) checks, in any
    order and case: every pattern that matches it is kept, and the gate agrees with asking
    pattern by pattern."""
    text = "".join(pieces)
    for variant in (text, text.upper(), text.title()):
        lowered = variant.lower()
        possible = _GATE.possible(lowered)
        for pattern in _PATTERNS:
            kept = id(pattern) in possible
            assert kept == may_match(pattern, lowered), (pattern.pattern, variant)
            if pattern.search(variant):
                assert kept, (pattern.pattern, variant)


_PATTERNS = list(dict.fromkeys(catalogue().all_patterns()))
_GATE = Gate(_PATTERNS)


def test_further_requirements_rule_out_a_pattern_whose_second_part_is_missing() -> None:
    from amends.check.lazy_regex import LazyPattern
    from amends.check.prefilter import also_required, required

    pattern = LazyPattern(r"(?:so|very)\s+(?:sorry|sad)\s+(?:for|about)\s+the\s+delay")
    assert required(pattern) == frozenset({"delay"})
    assert frozenset({"so", "very"}) in also_required(pattern)
    gate = Gate([pattern])
    assert id(pattern) not in gate.possible("apologies for the delay")
    assert id(pattern) in gate.possible("so sorry for the delay")
    assert not may_match(pattern, "apologies for the delay")


_REPEATS = [
    r"\?{2,}(?=[ ,.]|$)",
    r"(?-i:(?<!\d)\d*X{3,}\d*)",
    r"!{2,}",
    r"_{3,}",
    r"ab{2}c",
    r"a(?:b{2,3})c",
]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="?!_Xxabc 0.,\n", max_size=30))
def test_a_character_repeated_at_least_n_times_is_a_required_string_of_its_own(text: str) -> None:
    """``\\?{2,}`` needs "??" and ``X{3,}`` "xxx": every ``finditer`` match holds one of the
    required strings, and the gate keeps the pattern whenever it matches."""
    from amends.check.lazy_regex import LazyPattern
    from amends.check.prefilter import required

    for source in _REPEATS:
        pattern = LazyPattern(source)
        need = required(pattern)
        assert need, source
        for m in pattern.finditer(text):
            assert any(s in m.group().lower() for s in need), (source, text)
        if pattern.search(text):
            assert may_match(pattern, text.lower()), (source, text)
            assert id(pattern) in Gate([pattern]).possible(text.lower()), (source, text)


def test_repeated_characters_do_not_move_where_a_pattern_runs() -> None:
    """The fast form's sentence window is what it was before repeats counted (it decides
    how ``^`` and ``$`` read), while the gate now rules "??" patterns out of plain text."""
    from amends.check.lazy_regex import LazyPattern
    from amends.check.prefilter import required, window_strings

    pattern = LazyPattern(r"(?:\bat\s+|^|[ (])\?{2,}(?=[ ,.;:)]|$)(?!\s*$)|\?\?:\?\?")
    assert window_strings(pattern) is None
    assert required(pattern) == frozenset({"??", "??:??"})
    assert not may_match(pattern, "see you at ten.")


def test_a_pattern_with_no_other_test_is_ruled_out_by_a_punctuation_mark_the_draft_lacks() -> None:
    from amends.check import check_text
    from amends.check.lazy_regex import LazyPattern
    from amends.check.prefilter import marks

    slot = LazyPattern(r"(?-i:\b[A-Z]{2,}(?:_[A-Z]{2,})+\b)")
    either = LazyPattern(r"\[\d|\(\d")  # a mark in one branch only is no requirement
    assert marks(slot) == {"_"} and marks(either) == frozenset()
    gate = Gate([slot, either])
    assert id(slot) not in gate.possible("dear first name, see you at ten")
    assert id(slot) in gate.possible("dear first_name, see you at ten")
    assert id(either) in gate.possible("no brackets at all")
    assert may_match(slot, "no underscore") is False
    # the catalogue's own template-slot pattern still finds its slot, and only where one is
    found = check_text("Dear FIRST_NAME,\n\nI am so sorry I missed our interview.")
    assert "unfilled-placeholder" in found.categories
