"""A catalogue pattern that is compiled the first time it runs.

The catalogue holds a few hundred patterns and a draft runs a fraction of them
(the substring gate rules the rest out), so compiling them all on every start
was most of a cold ``amends check``. A :class:`LazyPattern` keeps the source
and flags, answers ``search``/``match``/``fullmatch``/``finditer`` like a
compiled pattern, and carries what the checker derives from its parsed form
(the strings every match contains, how it is run fast), which the catalogue
cache fills in so a start with a cache parses none of them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any, Protocol


class PatternSource(Protocol):
    """What is read of a pattern to reason about it: its source and flags."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


class LazyPattern:
    """A regular expression compiled on first use; hashes and compares by identity."""

    __slots__ = (
        "_regex",
        "also",
        "flags",
        "leads",
        "leads_known",
        "led_plan",
        "marks",
        "need",
        "need_known",
        "pattern",
        "runner",
        "runner_spec",
    )

    def __init__(self, pattern: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = pattern
        self.flags = flags
        self._regex: re.Pattern[str] | None = None
        self.need: frozenset[str] | None = None
        """Strings one of which every match contains (when ``need_known``)."""
        self.need_known = False
        self.also: tuple[frozenset[str], ...] | None = None
        """Further strings every match needs one of each group of (None: not derived yet)."""
        self.leads: frozenset[str] | None = None
        """Strings one of which opens every match, each at a word start (when ``leads_known``)."""
        self.leads_known = False
        self.runner_spec: dict[str, Any] | None = None
        """How the pattern runs fast, as the catalogue cache keeps it."""
        self.runner: Any = None
        """The built runner (:class:`amends.check.anchors.Runner`), once asked for."""
        self.led_plan: Any = None
        """How the checker tries a word-led pattern at its leads (``amends.check.scan``)."""
        self.marks: frozenset[str] | None = None
        """Punctuation marks every match contains (None: not derived yet)."""

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self._regex
        if found is None:
            found = self._regex = re.compile(self.pattern, self.flags)
        return found

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.fullmatch(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"
