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
