"""The substring gate only skips patterns that cannot match: answers never change."""

from __future__ import annotations

import re
from pathlib import Path

from amends.check.prefilter import Gate, may_match, trie_pattern
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
            assert (pattern in possible) == may_match(pattern, lowered), (pattern.pattern, text)


def test_gate_never_skips_a_pattern_that_matches() -> None:
    patterns = catalogue().all_patterns()
    gate = Gate(patterns)
    for text in _texts():
        possible = gate.possible(text.lower())
        for pattern in set(patterns):
            if pattern.search(text):
                assert pattern in possible, (pattern.pattern, text)


def test_trie_reports_the_longest_literal_at_each_position() -> None:
    finder = re.compile(f"(?=({trie_pattern(['sorr', 'sorry', 'so', 'ab'])}))")
    found = [m.group(1) for m in finder.finditer("so sorry, abs")]
    assert found == ["so", "sorry", "ab"]
