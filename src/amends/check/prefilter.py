"""Skip a pattern cheaply when the draft cannot contain a match.

Most of the catalogue's few hundred patterns match nowhere in a given draft,
yet running each one over the text costs tens of microseconds. From a
pattern's parsed form we derive words that every match must contain (for
``\\bI should have\\b``: "should have"; for an alternation, one word per
branch); if none of them occurs in the lower-cased draft — a plain substring
search, much faster than the regular expression — the pattern is skipped.
The test is a necessary condition only, so it never changes a result.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from functools import cache
from typing import Any

MIN_LITERAL = 2
"""Shorter required strings filter too little to be worth checking."""


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The candidate whose shortest member is longest (the most selective test)."""
    usable = [c for c in candidates if c and min(map(len, c)) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av).lower())
            continue
        close()
        if op is sre.BRANCH:
            branches = [_sequence(b) for b in av[1]]
            if all(b is not None for b in branches):
                candidates.append(frozenset().union(*(b for b in branches if b is not None)))
        elif op is sre.SUBPATTERN:
            inner = _sequence(av[3])
            if inner is not None:
                candidates.append(inner)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            inner = _sequence(av[2])
            if inner is not None:
                candidates.append(inner)
    close()
    return _best(candidates)


@cache
def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings at least one of which every match contains (None: no such test)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    return _sequence(parsed.data)


def may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """False only when ``pattern`` certainly has no match in the text ``lowered`` came from."""
    need = required(pattern)
    return need is None or any(s in lowered for s in need)


def trie_pattern(literals: Iterable[str]) -> str:
    """A regular expression matching, at any position, the longest of ``literals`` there.

    The literals are laid out as a trie (``sorr(?:y)?``), so the engine tries
    one branch per next character instead of every literal at every position;
    an optional tail is greedy, so the deepest literal on the path wins.
    """
    root: dict[str, Any] = {}
    for word in literals:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        kids = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


class Gate:
    """One pass for many patterns: which of them can match a given text at all.

    Each pattern's required strings (:func:`required`) are indexed once. For a
    draft, one regular expression built as a trie of every required string
    reports, at each position, the longest string starting there; every other
    string starting there is a prefix of it, so the strings present are exactly
    those reported and their prefixes. The patterns they belong to — plus those
    with no usable test — are the ones worth running. Patterns the gate was not
    built from fall back to :func:`may_match`, so the answer is always the same
    as asking pattern by pattern.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        by_literal: dict[str, set[int]] = {}
        always: set[int] = set()
        self.patterns = list(dict.fromkeys(patterns))  # kept alive, so their ids stay theirs
        for pattern in self.patterns:
            need = required(pattern)
            if need is None:
                always.add(id(pattern))
                continue
            for literal in need:
                by_literal.setdefault(literal, set()).add(id(pattern))
        self.known = frozenset(id(p) for p in self.patterns)
        self.always = frozenset(always)
        literals = sorted(by_literal)
        self._unlocks: dict[str, frozenset[int]] = {
            longer: frozenset(
                p
                for n in range(1, len(longer) + 1)
                if longer[:n] in by_literal
                for p in by_literal[longer[:n]]
            )
            for longer in literals
        }
        self._finder = re.compile(f"(?=({trie_pattern(literals)}))") if literals else None

    def possible(self, lowered: str) -> set[int]:
        """The ``id`` of every known pattern that may match the text ``lowered`` came from.

        Ids, not the patterns: hashing a compiled pattern hashes its whole
        program every time, which a set of a few hundred patterns per draft
        cannot afford.
        """
        out = set(self.always)
        if self._finder is None:
            return out
        unlocks = self._unlocks
        for longest in {m.group(1) for m in self._finder.finditer(lowered)}:
            out |= unlocks[longest]
        return out
