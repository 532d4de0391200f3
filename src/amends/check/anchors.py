"""Run a catalogue pattern the fast way, with the same matches.

Python's regular-expression engine tries a case-insensitive pattern that opens
with ``\\b`` at every position of the text, and a draft meets a few hundred
such patterns: that, not the matching itself, was most of the checker's time.
Each pattern gets a :class:`Runner`, an equivalent the engine can skip through:

- written in lower case and matched, case-sensitively, against the lower-cased
  draft (a pattern wholly inside ``(?-i:...)`` is matched case-sensitively
  against the draft itself): the engine can then jump to the places where the
  first character fits instead of trying every one;
- a leading ``\\b`` is taken off and checked in Python where a match starts
  (it would hide that first character from the engine);
- a pattern whose every match starts with a digit or a punctuation mark (a
  clock time, ``!!``, ``___``) is tried, anchored, only where those characters
  are, found by substring search.

Matching left to right and resuming as ``finditer`` does gives exactly its
matches. A draft whose lower case has another length (a few non-ASCII letters)
is matched with the catalogue's own patterns.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from amends.check.lazy_regex import LazyPattern, PatternSource
from amends.check.prefilter import window_strings

MAX_ANCHORS = 48
"""More start strings than this filter too little to be worth the searches."""
MAX_CLASS = 10
"""A character class opens at most this many start strings (``[ap]``, a digit)."""
_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})
_BEGINNING = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING})
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_PROBE_TABLE = str.maketrans(dict.fromkeys(_ASCII_SPACES, " "))
_CASE_TABLE = str.maketrans({"\u0131": "i", "\u017f": "s"})
_OTHER_SPACE = re.compile(r"(?! )\s")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
AT_START = frozenset({""})
"""The anchors of a pattern that can only match at the very start of the text (``^``)."""


def lowered(folded: str) -> str | None:
    """The draft in lower case for the lower-case runners, or None when its length changes.

    Dotless i and long s, which match "i" and "s" ignoring case, are written so.
    """
    out = folded.lower()
    if len(out) != len(folded):
        return None
    return out.translate(_CASE_TABLE) if not out.isascii() else out


def probe(lowered_text: str) -> str:
    """The text anchors are searched in: every character ``\\s`` matches is a space and
    every one ``\\d`` matches outside 0-9 a "0" (so an anchor found is a place worth trying).
    """
    out = lowered_text.translate(_PROBE_TABLE)
    if not out.isascii():
        out = _OTHER_DIGIT.sub("0", _OTHER_SPACE.sub(" ", out))
    return out


def _class_chars(items: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av).lower())
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.update("0123456789")
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return frozenset(chars) if len(chars) <= MAX_CLASS else None


def _nullable(op: Any, av: Any) -> bool:
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return bool(av[0] == 0) or av[2].getwidth()[0] == 0
    if op is sre.SUBPATTERN:
        return bool(av[3].getwidth()[0] == 0)
    if op is sre.BRANCH:
        return any(b.getwidth()[0] == 0 for b in av[1])
    return op in _ZERO_WIDTH


def _item(op: Any, av: Any, limit: int) -> frozenset[str] | None:
    """The start strings of one non-literal item (None: cannot tell)."""
    if op is sre.IN:
        return _class_chars(av)
    if op is sre.CATEGORY:
        return _class_chars([(op, av)])
    if op is sre.SUBPATTERN:
        return _sequence(av[3].data, limit)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _sequence(av[2].data, limit)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch.data, limit)
            if found is None:
                return None
            out |= found
        return frozenset(out)
    return None


def _sequence(items: list[Any], limit: int = MAX_ANCHORS) -> frozenset[str] | None:
    """Strings one of which every match of ``items`` starts with (None: cannot tell, or
    more than ``limit`` of them)."""
    prefix = ""
    for at, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            if prefix:
                break
            continue
        if op is sre.LITERAL:
            prefix += chr(av).lower()
            continue
        if prefix:
            break
        head = _item(op, av, limit)
        if head is None or not all(head):
            return None
        if _nullable(op, av):
            tail = _sequence(items[at + 1 :], limit)
            if tail is None:
                return None
            head = head | tail
        return head if len(head) <= limit else None
    return frozenset({prefix}) if prefix else None


def start_strings(data: list[Any], limit: int) -> frozenset[str] | None:
    """:func:`anchors` of a parsed pattern, up to ``limit`` strings."""
    return _sequence(data, limit)


@cache
def anchors(pattern: PatternSource) -> frozenset[str] | None:
    """Lower-case strings one of which begins every match (:data:`AT_START`: only at 0).

    None when the pattern's start cannot be put as a few strings. A match of
    ``\\s`` is a space in the probe, so "i " stands for "I" followed by any
    whitespace.
    """
    if pattern.flags & (re.MULTILINE | re.VERBOSE):
        return None
    try:
        data = sre_parse.parse(pattern.pattern, pattern.flags).data
    except re.error:
        return None
    if data and data[0][0] is sre.AT and data[0][1] in _BEGINNING:
        return AT_START
    return _sequence(data)


@dataclass(frozen=True)
class Runner:
    """How one catalogue pattern is run (see the module docstring)."""

    regex: LazyPattern
    lowered: bool = False
    """Matched against the lower-cased draft (else against the folded draft)."""
    boundary: bool = False
    """A leading ``\\b`` was taken off: it is checked where each match starts."""
    anchors: frozenset[str] | None = None
    """Rare start strings: the pattern is tried only where one of them is."""
    window: frozenset[str] | None = None
    """For a pattern the engine must try at every position: strings every match contains
    (:func:`amends.check.prefilter.window_strings`); it runs only over the sentences holding one."""


def lower_source(source: str) -> str:
    """A pattern's source in lower case, escapes (``\\S``, ``\\W``, ``\\B``) kept as written."""
    out: list[str] = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i : i + 2])
            i += 2
            continue
        out.append(source[i].lower())
        i += 1
    return "".join(out)


def _case_sensitive_inner(source: str) -> str | None:
    """The inside of a pattern written wholly as ``(?-i:...)``, or None."""
    if not source.startswith("(?-i:") or not source.endswith(")"):
        return None
    depth = 0
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = source.find("]", i + 2)
            i = (close if close > 0 else i) + 1
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return source[5:i] if i == len(source) - 1 else None
        i += 1
    return None


def _rare(found: frozenset[str] | None) -> bool:
    return found is not None and all(a and not a[0].isalpha() and a[0] != " " for a in found)


def runner(pattern: LazyPattern) -> Runner:
    """The fast equivalent of one catalogue pattern (the pattern itself when none is safe).

    Built once per pattern and kept on it; from the catalogue cache's description
    when there is one, so no pattern is parsed on a start with a cache.
    """
    made: Runner | None = pattern.runner
    if made is None:
        spec = pattern.runner_spec
        made = pattern.runner = _make_runner(pattern) if spec is None else from_spec(pattern, spec)
    return made


def _strings(values: Any) -> frozenset[str] | None:
    return None if values is None else frozenset(str(v) for v in values)


def from_spec(pattern: LazyPattern, spec: dict[str, Any]) -> Runner:
    """The runner :func:`to_spec` described (its own regex compiled only when it runs)."""
    source = spec["regex"]
    regex = pattern if source is None else LazyPattern(str(source), int(spec["flags"]))
    return Runner(
        regex,
        lowered=bool(spec["lowered"]),
        boundary=bool(spec["boundary"]),
        anchors=_strings(spec["anchors"]),
        window=_strings(spec["window"]),
    )


def to_spec(pattern: LazyPattern) -> dict[str, Any]:
    """The runner of ``pattern`` as plain data, for the catalogue cache."""
    made = runner(pattern)
    own = made.regex is pattern
    return {
        "regex": None if own else made.regex.pattern,
        "flags": made.regex.flags,
        "lowered": made.lowered,
        "boundary": made.boundary,
        "anchors": None if made.anchors is None else sorted(made.anchors),
        "window": None if made.window is None else sorted(made.window),
    }


def _make_runner(pattern: LazyPattern) -> Runner:
    found = anchors(pattern)
    if found is not AT_START and _rare(found):
        return Runner(pattern, anchors=found)
    source = pattern.pattern
    inner = _case_sensitive_inner(source)
    lowered = inner is None
    if inner is None:
        if "(?-i" in source or "(?i" in source or not pattern.flags & re.IGNORECASE:
            return Runner(pattern)
        inner = lower_source(source)
    flags = pattern.flags & ~re.IGNORECASE
    try:
        data = sre_parse.parse(inner, flags).data
    except re.error:
        return Runner(pattern)
    boundary = bool(data) and data[0] == (sre.AT, sre.AT_BOUNDARY) and inner.startswith("\\b")
    if boundary:
        inner, data = inner[2:], data[1:]
    window = None if _skippable(data) else window_strings(pattern)
    fast = LazyPattern(inner, flags)
    try:
        fast.regex  # noqa: B018 - compile now: a source that does not compile is not used
    except re.error:
        return Runner(pattern)
    return Runner(fast, lowered=lowered, boundary=boundary, window=window)


def _skippable(data: Any) -> bool:
    """Whether the engine can jump to where a match may start (its first item is a
    character, a class or an alternation of them) instead of trying every position."""
    while data and data[0][0] is sre.SUBPATTERN:
        data = data[0][1][3].data
    if not data:
        return False
    op, av = data[0]
    if op in (sre.LITERAL, sre.IN):
        return True
    if op is sre.BRANCH:
        return all(b.data and b.data[0][0] in (sre.LITERAL, sre.IN) for b in av[1])
    return False


def positions(probe_text: str, needle: str) -> list[int]:
    """Every index where ``needle`` occurs in ``probe_text`` (overlaps included)."""
    out: list[int] = []
    find = probe_text.find
    at = find(needle)
    while at >= 0:
        out.append(at)
        at = find(needle, at + 1)
    return out


def anchored_spans(pattern: LazyPattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The non-empty matches ``finditer`` would give, trying only at ``starts`` (sorted)."""
    out: list[tuple[int, int]] = []
    end = 0
    match = pattern.regex.match
    for at in starts:
        if at < end:
            continue
        m = match(text, at)
        if m is not None and m.end() > at:
            out.append((at, m.end()))
            end = m.end()
    return out


def is_word(ch: str) -> bool:
    """Whether ``ch`` is a word character for ``\\b`` (Unicode ``\\w``)."""
    return ch.isalnum() or ch == "_"


def _with_boundary(regex: LazyPattern, text: str) -> list[tuple[int, int]]:
    """``finditer`` of ``\\b`` + ``regex``: a match counts where a word boundary is."""
    out: list[tuple[int, int]] = []
    search = regex.regex.search
    pos, n = 0, len(text)
    while pos <= n:
        m = search(text, pos)
        if m is None:
            break
        at, end = m.span()
        before = at > 0 and is_word(text[at - 1])
        after = at < n and is_word(text[at])
        if before == after:
            pos = at + 1
            continue
        if end > at:
            out.append((at, end))
        pos = end if end > at else at + 1
    return out


def run(
    rule: Runner,
    folded: str,
    lowered_text: str,
    probe_text: str,
    sentences: Sequence[tuple[int, int]] = (),
    kept: dict[frozenset[str], list[int]] | None = None,
) -> list[tuple[int, int]]:
    """The non-empty matches of the runner's pattern, as ``finditer`` over ``folded`` gives.

    With ``sentences`` (every sentence of the text, in order), a pattern that
    has a :attr:`Runner.window` is run only over the sentences holding one of
    its required strings: a match that crosses a sentence break is not kept.
    ``kept`` holds the places of each set of anchors found so far in this probe text:
    patterns share them (every clock time starts with a digit).
    """
    if rule.anchors is not None:
        places = None if kept is None else kept.get(rule.anchors)
        if places is None:
            places = sorted({p for a in rule.anchors for p in positions(probe_text, a)})
            if kept is not None:
                kept[rule.anchors] = places
        return anchored_spans(rule.regex, folded, places)
    text = lowered_text if rule.lowered else folded
    if rule.window is not None and sentences:
        return _windowed(rule, text, lowered_text, sentences)
    if rule.boundary:
        return _with_boundary(rule.regex, text)
    return [m.span() for m in rule.regex.regex.finditer(text) if m.end() > m.start()]


def _windowed(
    rule: Runner, text: str, lowered_text: str, sentences: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    assert rule.window is not None
    places = sorted({p for s in rule.window for p in positions(lowered_text, s)})
    out: list[tuple[int, int]] = []
    at = 0
    last = -1
    for p in places:
        while at < len(sentences) and sentences[at][1] <= p:
            at += 1
        if at == len(sentences):
            break
        start, end = sentences[at]
        if start > p or at == last:
            continue
        last = at
        for m in rule.regex.regex.finditer(text, start, end):
            a, b = m.span()
            if b > a and (not rule.boundary or _boundary_at(text, a)):
                out.append((a, b))
    return out


def _boundary_at(text: str, at: int) -> bool:
    before = at > 0 and is_word(text[at - 1])
    after = at < len(text) and is_word(text[at])
    return before != after
