"""Keep the checked, compiled facts of the rule catalogue in the cache folder.

Parsing ``check_rules.toml`` (pure-Python TOML), translating and compiling its
few hundred patterns and parsing each again to learn what every match contains
and how to run it fast took most of a cold ``amends check``. The first start
does all of that — validating the catalogue as before — and writes the result
as one JSON file in the cache folder; later starts read it and compile only the
patterns a draft actually runs. The file is keyed by a hash of the catalogue,
of the modules that derive these facts and of the Python version, so a changed
catalogue, checker or interpreter is never read from an old file. A missing,
stale or unreadable cache only costs the slower start.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amends.check import anchors
from amends.check.lazy_regex import LazyPattern
from amends.check.leads import leads
from amends.check.prefilter import also_required, marks, required
from amends.paths import cache_dir, write_cache

FORMAT = 3
_DERIVING = (
    "rules.py",
    "anchors.py",
    "leads.py",
    "prefilter.py",
    "lazy_regex.py",
    "catalogue_cache.py",
)


@dataclass(frozen=True)
class Index:
    """What the cache keeps: the parsed TOML, each source's regex, each regex's facts."""

    data: dict[str, Any]
    translated: dict[str, str]
    facts: dict[str, dict[str, Any]]

    def apply(self, patterns: Iterable[LazyPattern]) -> None:
        """Give each pattern its kept facts (a pattern the cache lacks derives its own)."""
        for pattern in patterns:
            fact = self.facts.get(pattern.pattern)
            if fact is None:
                continue
            need = fact["need"]
            pattern.need = None if need is None else frozenset(need)
            pattern.need_known = True
            pattern.also = tuple(frozenset(group) for group in fact["also"])
            pattern.runner_spec = fact["runner"]
            found = fact["leads"]
            pattern.leads = None if found is None else frozenset(found)
            pattern.leads_known = True
            if need is None:  # the marks are kept for the patterns with no other test
                pattern.marks = frozenset(fact["marks"])


def cache_path() -> Path:
    return cache_dir() / "check-catalogue.json"


def key_of(text: str) -> str:
    """The catalogue's key: its text, the deriving modules' source, the Python version."""
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    h.update(text.encode("utf-8"))
    here = Path(__file__).parent
    for name in _DERIVING:
        try:
            h.update(b"\0" + (here / name).read_bytes())
        except OSError:
            h.update(b"\0?")
    return h.hexdigest()


def read(key: str) -> Index | None:
    """The kept index for ``key`` (None when absent, stale or unreadable)."""
    try:
        doc = json.loads(cache_path().read_text("utf-8"))
        if doc.get("key") != key:
            return None
        return Index(doc["data"], doc["translated"], doc["facts"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(
    key: str, data: dict[str, Any], translated: dict[str, str], patterns: Iterable[LazyPattern]
) -> None:
    """Keep a freshly validated catalogue (``data`` is its parsed TOML) for later starts."""
    facts: dict[str, dict[str, Any]] = {}
    for pattern in dict.fromkeys(patterns):
        need = required(pattern)
        facts[pattern.pattern] = {
            "need": None if need is None else sorted(need),
            "also": [sorted(group) for group in also_required(pattern)],
            "runner": anchors.to_spec(pattern),
            "leads": None if (found := leads(pattern)) is None else sorted(found),
            "marks": sorted(marks(pattern)) if need is None else [],
        }
    doc = {"key": key, "data": data, "translated": translated, "facts": facts}
    write_cache(cache_path(), json.dumps(doc, ensure_ascii=False))
