"""Where the catalogue's word-led patterns may match: one pass over a draft's words.

Nearly every catalogue pattern opens with ``\\b`` and a word ("I should have",
"(?:doctor|gp|nurse|…)"): each of its matches starts where a word starts, and
with one of a few strings (its *leads*: "i ", "doctor", "gp", …), which the
pattern's parsed form gives (:func:`leads`). Running such a pattern over the
whole draft made the engine try it at every position — a word list of sixty
entries, sixty tries at each — and a few hundred of them were most of a
check. Instead, :class:`LeadIndex` files every lead under the word it starts
with once, for the whole catalogue; a draft's words are read once, each
distinct word's patterns found once and kept (words repeat from draft to
draft), and a pattern is then tried, anchored, only at the words that may
open one of its matches. A lead that runs past its first word ("a&e",
"walk-in", "i " for "I" and a space) is confirmed in the text there.

The places are a superset of where matches start, and the pattern itself
decides at each, so the matches are exactly those of ``finditer``
(:func:`amends.check.anchors.anchored_spans`).
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from typing import Any

from amends.check.anchors import is_word, start_strings
from amends.check.lazy_regex import LazyPattern, PatternSource

MAX_LEADS = 400
"""More lead strings than this are not worth filing (the pattern runs as before)."""
_WORD_CACHE_LIMIT = 50_000
_WORD_RUN = re.compile(r"\w+")
_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})


def _ends_outside_a_word(items: Any) -> bool:
    """Whether every match of the sequence ``items`` ends with a character that is no word
    character (a lookbehind such as ``(?<=\\bat[ ])``)."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.LITERAL:
        return not is_word(chr(av))
    if op is sre.IN:
        chars = [chr(c) for o, c in av if o is sre.LITERAL]
        return len(chars) == len(av) and not any(map(is_word, chars))
    return False


def _word_led(items: Any) -> bool:
    """Whether every match of ``items`` starts where a word starts: a ``\\b`` (or a
    lookbehind ending outside a word) before the first character, read in order past
    other zero-width items and into a leading group."""
    for op, av in items:
        if op is sre.AT and av is sre.AT_BOUNDARY:
            return True
        if op is sre.ASSERT and av[0] < 0 and _ends_outside_a_word(av[1].data):
            return True
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            return _word_led(av[3].data)
        return False
    return False


def leads(pattern: PatternSource) -> frozenset[str] | None:
    """Lower-case strings one of which begins every match, each match beginning a word.

    None when the pattern is not word-led or its start cannot be put as strings; as
    in :func:`amends.check.anchors.anchors`, a space stands for any whitespace. Kept
    on a catalogue pattern (the catalogue cache may have filled it in).
    """
    if isinstance(pattern, LazyPattern):
        if not pattern.leads_known:
            pattern.leads = _leads(pattern.pattern, pattern.flags)
            pattern.leads_known = True
        return pattern.leads
    return _leads(pattern.pattern, pattern.flags)


def _leads(source: str, flags: int) -> frozenset[str] | None:
    if flags & (re.MULTILINE | re.VERBOSE):
        return None
    try:
        data = sre_parse.parse(source, flags).data
    except re.error:
        return None
    if not _word_led(data):
        return None
    found = start_strings(list(data), MAX_LEADS)
    if not found or not all(is_word(s[0]) for s in found):
        return None
    return found


def _head(lead: str) -> str:
    """The word characters a lead opens with (all of it, for a one-word lead)."""
    for i, ch in enumerate(lead):
        if not is_word(ch):
            return lead[:i]
    return lead


def word_places(probe: str) -> dict[str, list[int]]:
    """Each distinct word (run of word characters) of ``probe`` and where it starts, in order.

    The words come from one ``findall``; each is found again from the end of the one
    before, where nothing but non-word characters comes before it, so ``find`` gives its
    very start.
    """
    at: dict[str, list[int]] = {}
    pos = 0
    find = probe.find
    for word in _WORD_RUN.findall(probe):
        pos = find(word, pos)
        found = at.get(word)
        if found is None:
            at[word] = [pos]
        else:
            found.append(pos)
        pos += len(word)
    return at


class LeadIndex:
    """Every lead of a catalogue's word-led patterns, and, per draft, where each opens a word.

    A lead made of word characters only opens a word that starts with it; a longer
    one ("a&e", "i ") opens the word that is its head exactly (filed as ``"=" +
    head``), and is then compared with the text. Patterns are known by ``id``
    (hashing a compiled pattern hashes its program); the index keeps them alive so
    the ids stay theirs.
    """

    def __init__(self, patterns: Iterable[LazyPattern]) -> None:
        self.patterns = [p for p in dict.fromkeys(patterns) if leads(p) is not None]
        self._whole: dict[int, frozenset[str]] = {}
        self._longer: dict[int, tuple[str, ...]] = {}
        prefixes: set[str] = set()
        heads: set[str] = set()
        for pattern in self.patterns:
            found = sorted(leads(pattern) or ())
            self._whole[id(pattern)] = frozenset(s for s in found if _head(s) == s)
            self._longer[id(pattern)] = tuple(s for s in found if _head(s) != s)
            prefixes.update(self._whole[id(pattern)])
            heads.update(_head(s) for s in self._longer[id(pattern)])
        self.known = frozenset(map(id, self.patterns))
        self._prefixes = frozenset(prefixes)
        self._heads = frozenset(heads)
        self._longest = max(map(len, prefixes), default=0)
        self._by_word: dict[str, tuple[str, ...]] = {}

    def _word(self, word: str) -> tuple[str, ...]:
        """The keys a word is filed under: the leads it starts with, ``"=" + word`` when it
        is the head of a longer lead."""
        keys = [word[:n] for n in range(1, min(len(word), self._longest) + 1)]
        found = tuple(k for k in keys if k in self._prefixes)
        if word in self._heads:
            found = (*found, "=" + word)
        if len(self._by_word) > _WORD_CACHE_LIMIT:
            self._by_word.clear()
        self._by_word[word] = found
        return found

    def words(self, probe: str) -> dict[str, list[int]]:
        """Per key (see :meth:`_word`), the positions of the words of ``probe`` filed under it.

        ``probe`` is the draft in lower case with every whitespace character a space
        (:func:`amends.check.anchors.probe`): its word starts are the text's. Each
        distinct word's keys are looked up once; its positions are then given to
        every key at once (a key's list is in text order: see :meth:`places`).
        """
        return self.filed(word_places(probe))

    def filed(self, at: dict[str, list[int]]) -> dict[str, list[int]]:
        """:meth:`words` of a probe whose words start at ``at`` (:func:`word_places`)."""
        out: dict[str, list[int]] = {}
        joined: list[list[int]] = []
        cached = self._by_word.get
        for word, starts in at.items():
            keys = cached(word)
            if keys is None:
                keys = self._word(word)
            for key in keys:
                found = out.get(key)
                if found is None:
                    out[key] = starts
                else:
                    out[key] = both = [*found, *starts]
                    joined.append(both)
        for both in joined:
            both.sort()  # several words under one key: their positions in text order
        return out

    def plan(self, key: int) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
        """What :meth:`places` reads for the pattern with ``id`` ``key``: its one-word leads,
        and each longer lead as the key its head is filed under and the lead itself."""
        return self._whole[key], tuple(("=" + _head(lead), lead) for lead in self._longer[key])

    def places(
        self,
        key: int,
        words: dict[str, list[int]],
        probe: str,
        present: frozenset[str] | None = None,
    ) -> list[int]:
        """Where the pattern with ``id`` ``key`` may match, in order (``words``: see
        :meth:`words`; ``present``: its keys, as a set, so a pattern's leads are met with
        the draft's in one intersection)."""
        keys = frozenset(words) if present is None else present
        lists = [words[s] for s in self._whole[key] & keys]
        for lead in self._longer[key]:
            found = words.get("=" + _head(lead))
            if found:
                lists.append([p for p in found if probe.startswith(lead, p)])
        if not lists:
            return []
        if len(lists) == 1:
            return lists[0]
        return sorted(set().union(*lists))
