"""Skip a pattern cheaply when the draft cannot contain a match.

Most of the catalogue's few hundred patterns match nowhere in a given draft,
yet running each one over the text costs tens of microseconds. From a
pattern's parsed form we derive words that every match must contain (for
``\\bI should have\\b``: "should have"; for an alternation, one word per
branch); if none of them occurs in the lower-cased draft, the pattern is
skipped; so is one whose other required strings (:func:`also_required`) are
not all there. :class:`Gate` answers that for every pattern at once from the
draft's distinct words.
The test is a necessary condition only, so it never changes a result.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from functools import cache
from typing import Any

from amends.check.lazy_regex import LazyPattern, PatternSource

MIN_LITERAL = 2
"""Shorter required strings filter too little to be worth checking."""


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The candidate whose shortest member is longest (the most selective test)."""
    usable = [c for c in candidates if c and min(map(len, c)) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Any, repeats: bool = True) -> frozenset[str] | None:
    """Strings one of which every match of the sequence ``items`` contains, or None."""
    return _best(_candidates(items, flatten=False, repeats=repeats))


def _all(items: Any) -> list[frozenset[str]]:
    """Every set of strings one of which each match of the sequence ``items`` contains.

    Each is necessary on its own: the literal runs of the sequence, an alternation
    whose every branch needs one, and what the groups and repeats it runs through
    need (their own sequences, flattened).
    """
    return _candidates(items, flatten=True)


def _candidates(items: Any, flatten: bool, repeats: bool = True) -> list[frozenset[str]]:
    """Sets of strings every match of ``items`` holds one of: a group or a repeated part
    gives all of its own (``flatten``) or only its most selective one; with ``repeats``, a
    character repeated at least twice ("\\?{2,}") is a string of its own ("??")."""
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
        if repeats and op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and _one_literal(av[2]):
            # "\?{2,}", "X{3,}": the character at least ``min`` times, in the run
            run.append(chr(av[2][0][1]).lower() * av[0])
            if av[0] != av[1]:
                close()
            continue
        close()
        inner = None
        if op is sre.BRANCH:
            branches = [_sequence(b, repeats) for b in av[1]]
            if all(b is not None for b in branches):
                candidates.append(frozenset().union(*(b for b in branches if b is not None)))
        elif op is sre.SUBPATTERN:
            inner = av[3]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            inner = av[2]
        if inner is not None and flatten:
            candidates.extend(_candidates(inner, flatten, repeats))
        elif inner is not None and (best := _sequence(inner, repeats)) is not None:
            candidates.append(best)
    close()
    return candidates


def marks(pattern: PatternSource) -> frozenset[str]:
    """Punctuation marks every match contains, all of them (``_`` for ``[A-Z]+(?:_[A-Z]+)+``).

    One character is too short for :func:`required`, but a mark such as ``_`` or ``[`` is
    rare in a draft, and finding it is one C-level search: a pattern with no other test
    (:attr:`Gate.always`) is ruled out by a mark the draft lacks. Only ASCII marks that are
    neither letters, digits nor spaces, which ignoring case leaves as they are. Kept on a
    catalogue pattern (the catalogue cache may have filled it in).
    """
    if isinstance(pattern, LazyPattern):
        if pattern.marks is None:
            pattern.marks = _marks_of(pattern)
        return pattern.marks
    return _marks_of(pattern)


def _marks_of(pattern: PatternSource) -> frozenset[str]:
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return frozenset()
    return _marks(parsed.data)


def _marks(items: Any) -> frozenset[str]:
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            ch = chr(av)
            if ch.isascii() and not ch.isalnum() and not ch.isspace():
                found.add(ch)
        elif op is sre.SUBPATTERN:
            found |= _marks(av[3].data)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found |= _marks(av[2].data)
        elif op is sre.BRANCH:
            branches = [_marks(b.data) for b in av[1]]
            found |= frozenset.intersection(*branches) if branches else frozenset()
        elif op is sre.ATOMIC_GROUP:
            found |= _marks(av.data)
    return frozenset(found)


def _one_literal(items: Any) -> bool:
    """Whether ``items`` is a single literal character (what ``X{3,}`` repeats)."""
    return len(items) == 1 and items[0][0] is sre.LITERAL


def also_required(pattern: PatternSource) -> tuple[frozenset[str], ...]:
    """Further sets of strings every match holds one of, beyond :func:`required`'s.

    "(?:so|very) (?:sorry|sad) (?:for|about) the delay" needs "delay" (what
    :func:`required` picks, the most selective) and also one of "sorry"/"sad":
    a draft with "delay" but neither is ruled out too. Kept on a catalogue
    pattern, as :func:`required` is.
    """
    if isinstance(pattern, LazyPattern):
        if pattern.also is None:
            pattern.also = _also(pattern.pattern, pattern.flags)
        return pattern.also
    return _also(pattern.pattern, pattern.flags)


@cache
def _also(source: str, flags: int) -> tuple[frozenset[str], ...]:
    need = _required(source, flags)
    if need is None:
        return ()
    parsed = sre_parse.parse(source, flags)
    usable = (c for c in _all(parsed.data) if c and min(map(len, c)) >= MIN_LITERAL)
    return tuple(sorted(set(usable) - {need}, key=sorted))


def required(pattern: PatternSource) -> frozenset[str] | None:
    """Lower-case strings at least one of which every match contains (None: no such test).

    A catalogue pattern keeps the answer (the catalogue cache may have filled it in).
    """
    if isinstance(pattern, LazyPattern):
        if not pattern.need_known:
            pattern.need = _required(pattern.pattern, pattern.flags)
            pattern.need_known = True
        return pattern.need
    return _required(pattern.pattern, pattern.flags)


def window_strings(pattern: PatternSource) -> frozenset[str] | None:
    """:func:`required` as it was before repeated characters counted: what
    :attr:`amends.check.anchors.Runner.window` is made of, which decides where a pattern
    runs (sentence by sentence), so it must not move when the gate learns more."""
    return _required(pattern.pattern, pattern.flags, False)


@cache
def _required(source: str, flags: int, repeats: bool = True) -> frozenset[str] | None:
    try:
        parsed = sre_parse.parse(source, flags)
    except re.error:
        return None
    return _sequence(parsed.data, repeats)


def may_match(pattern: PatternSource, lowered: str) -> bool:
    """False only when ``pattern`` certainly has no match in the text ``lowered`` came from."""
    need = required(pattern)
    if need is None:  # a pattern with no other test needs its punctuation marks
        return all(ch in lowered for ch in marks(pattern))
    return any(s in lowered for s in need) and all(
        any(s in lowered for s in group) for group in also_required(pattern)
    )


_LETTERS = re.compile(r"[a-z]+")
_WORD_CACHE_LIMIT = 50_000


def letter_key(literal: str) -> str | None:
    """The longest run of ``a``-``z`` in a literal (None when shorter than :data:`MIN_LITERAL`).

    Wherever the literal occurs in a text, its key lies inside one maximal run of
    letters of that text (one "word" of :func:`letter_runs`), so the words of a
    draft tell which keys — and which literals — it may contain.
    """
    best = max(_LETTERS.findall(literal), key=len, default="")
    return best if len(best) >= MIN_LITERAL else None


def letter_runs(lowered: str) -> set[str]:
    """The distinct maximal runs of ``a``-``z`` in a lower-cased text."""
    return set(_LETTERS.findall(lowered))


class Gate:
    """One pass for many patterns: which of them can match a given text at all.

    Each pattern's required strings (:func:`required`) are indexed once by their
    :func:`letter_key`. For a draft, its distinct words (runs of letters) are
    looked up — each word's keys are found once and kept, as the words of
    drafts repeat — and a literal that is its own key is then certainly in the
    text; a longer one ("should have", "n't") is confirmed by a substring search,
    as is one with no key at all ("${"). The patterns of the literals present —
    plus those with no usable test — are the ones worth running: exactly the
    patterns :func:`may_match` keeps. Patterns the gate was not built from fall
    back to :func:`may_match`, so the answer is always the same as asking
    pattern by pattern.
    """

    def __init__(self, patterns: Iterable[PatternSource]) -> None:
        self.patterns = list(dict.fromkeys(patterns))  # kept alive, so their ids stay theirs
        exact: dict[str, set[int]] = {}
        loose: dict[str, set[int]] = {}
        keyless: dict[str, set[int]] = {}
        always: set[int] = set()
        needs: dict[int, frozenset[int]] = {}
        groups: dict[frozenset[str], int] = {}
        for pattern in self.patterns:
            need = required(pattern)
            if need is None:
                always.add(id(pattern))
                continue
            tokens = [id(pattern)]
            for group in also_required(pattern):
                # a further group is a requirement of its own, numbered below zero
                # (an ``id`` never is), and found by the same tables
                tokens.append(groups.setdefault(group, -1 - len(groups)))
            if len(tokens) > 1:
                needs[id(pattern)] = frozenset(tokens)
            further = zip(also_required(pattern), tokens[1:], strict=True)
            for group, token in ((need, id(pattern)), *further):
                for literal in group:
                    key = letter_key(literal)
                    table = keyless if key is None else exact if key == literal else loose
                    table.setdefault(literal, set()).add(token)
        self.known = frozenset(id(p) for p in self.patterns)
        self.always = frozenset(always)
        self._marks = tuple(
            (id(p), tuple(sorted(found)))
            for p in self.patterns
            if id(p) in always and (found := marks(p))
        )
        self._needs = needs
        self._with_needs = frozenset(needs)
        self._exact = {k: frozenset(v) for k, v in exact.items()}
        self._loose = {k: frozenset(v) for k, v in loose.items()}
        self._keyless = {k: frozenset(v) for k, v in keyless.items()}
        loose_by_key: dict[str, list[str]] = {}
        for literal in loose:
            key = letter_key(literal)
            assert key is not None
            loose_by_key.setdefault(key, []).append(literal)
        self._keys = frozenset(exact) | frozenset(loose_by_key)
        self._loose_by_key = loose_by_key
        self._by_word: dict[str, tuple[frozenset[int], tuple[str, ...]]] = {}
        self._by_token: dict[str, tuple[frozenset[int], tuple[str, ...]]] = {}

    def _word(self, word: str) -> tuple[frozenset[int], tuple[str, ...]]:
        """Patterns a word certainly unlocks, and longer literals it may (to confirm)."""
        ids: set[int] = set()
        maybe: list[str] = []
        n = len(word)
        pieces = {word[i:j] for i in range(n) for j in range(i + MIN_LITERAL, n + 1)}
        for key in self._keys.intersection(pieces):
            ids.update(self._exact.get(key, ()))
            maybe.extend(self._loose_by_key.get(key, ()))
        return frozenset(ids), tuple(maybe)

    def possible(self, lowered: str) -> set[int]:
        """The ``id`` of every known pattern that may match the text ``lowered`` came from
        (and, below zero, the further requirements the text meets).

        Ids, not the patterns: hashing a compiled pattern hashes its whole
        program every time, which a set of a few hundred patterns per draft
        cannot afford.
        """
        by_word = self._by_word
        words = letter_runs(lowered)
        new = words.difference(by_word)
        if new:
            if len(by_word) > _WORD_CACHE_LIMIT:
                by_word.clear()
                new = words
            for word in new:
                by_word[word] = self._word(word)
        return self._possible_of(list(map(by_word.__getitem__, words)), lowered)

    def possible_in(self, words: Iterable[str], lowered: str) -> set[int]:
        """:meth:`possible` of ``lowered`` given its distinct words (the runs of word
        characters of a text that has the same letters ``a``-``z`` where ``lowered`` has
        them): every run of letters lies inside one word, so the words' runs are the text's.
        Each word's entry (its runs' patterns together) is kept, as words repeat."""
        kept = self._by_token
        if len(kept) > _WORD_CACHE_LIMIT:
            kept.clear()
        found: list[frozenset[int]] = []  # the words' patterns, empty sets left out
        maybe: set[str] = set()  # their longer literals, each once
        for word in words:
            entry = kept.get(word)
            if entry is None:
                entry = kept[word] = self._token(word)
            ids, longer = entry
            if ids:
                found.append(ids)
            if longer:
                maybe.update(longer)
        return self._present(set(self.always).union(*found), maybe, lowered)

    def _token(self, word: str) -> tuple[frozenset[int], tuple[str, ...]]:
        """The patterns and longer literals of every run of letters in one word."""
        runs = _LETTERS.findall(word)
        if len(runs) == 1 and runs[0] == word:
            return self._word(word)
        ids: set[int] = set()
        maybe: list[str] = []
        for run in dict.fromkeys(runs):
            more, longer = self._word(run)
            ids |= more
            maybe.extend(longer)
        return frozenset(ids), tuple(maybe)

    def _possible_of(
        self, entries: list[tuple[frozenset[int], tuple[str, ...]]], lowered: str
    ) -> set[int]:
        # one union of every word's patterns (a C-level pass, not one step per word)
        out = set(self.always).union(*[ids for ids, _ in entries])
        return self._present(out, {s for _, longer in entries for s in longer}, lowered)

    def _present(self, out: set[int], maybe: set[str], lowered: str) -> set[int]:
        """``out`` (the patterns the words unlock) with those of the longer literals ``maybe``
        and of the literals with no key found in ``lowered``, less those whose further
        requirements it does not meet."""
        loose = self._loose
        for literal in maybe:
            if literal in lowered:
                out |= loose[literal]
        for literal, ids in self._keyless.items():
            if literal in lowered:
                out |= ids
        for key, chars in self._marks:
            for ch in chars:
                if ch not in lowered:
                    out.discard(key)
                    break
        needs = self._needs
        for key in self._with_needs.intersection(out):
            if not needs[key] <= out:
                out.discard(key)
        return out
