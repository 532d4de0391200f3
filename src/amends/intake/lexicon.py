"""The intake's cue lists (``data/intake.toml``, ``data/intake_zones.toml``), compiled once.

Cues are content, kept as data so a reviewer can add "zoom kept freezing" without
reading code; this module only loads them and turns each list into one regular
expression with word boundaries.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import available_timezones


@cache
def data(name: str = "intake") -> dict[str, Any]:
    """The TOML table ``data/<name>.toml``."""
    text = resources.files("amends.data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(cues: list[str]) -> re.Pattern[str]:
    """One pattern matching any cue as whole words (cues are regular expressions)."""
    parts = "|".join(f"(?:{cue.strip()})" for cue in cues)
    return re.compile(rf"(?<![\w@])(?:{parts})(?![\w@])")


@cache
def cue_pattern(section: str, key: str) -> re.Pattern[str]:
    """The compiled cues of ``[section] key`` (e.g. ``scenario``, ``late``)."""
    table: Any = data()
    for part in section.split("."):
        table = table[part]
    return alternation(list(table[key]))


@cache
def word_set(key: str) -> frozenset[str]:
    """A ``[words]`` list as a set of lower-case words."""
    return frozenset(data()["words"][key])


@cache
def given_names() -> frozenset[str]:
    """Common given names (``[names] given``), lower case."""
    return frozenset(data()["names"]["given"])


@cache
def typos() -> dict[str, str]:
    """Phone-typing shortcuts and misspellings, token -> replacement."""
    return dict(data()["typos"])


@cache
def platforms() -> list[tuple[str, re.Pattern[str]]]:
    """(canonical platform name, cue pattern), in data order."""
    return [(name, alternation(cues)) for name, cues in data()["platforms"].items()]


@cache
def agencies() -> re.Pattern[str]:
    """Known staffing and recruitment agencies."""
    return alternation([re.escape(a) for a in data()["agencies"]["names"]])


@cache
def places() -> dict[str, str]:
    """Place names -> IANA zone: ``[places]`` of ``data/intake_zones.toml``, then the city of
    every IANA zone ("Vienna", "Ho Chi Minh") unless it reads as a name or a common word."""
    table = data("intake_zones")
    found: dict[str, str] = {}
    skip = frozenset(table["iana_cities"]["not_places"])
    areas = frozenset(table["iana_cities"]["areas"])
    for name in sorted(available_timezones()):
        area, _, city = name.rpartition("/")
        if area.split("/")[0] not in areas:
            continue
        key = city.replace("_", " ").lower()
        if key not in skip and len(key) > 3:
            found.setdefault(key, name)
    found.update(table["places"])
    return found


def question(key: str) -> str:
    """The question template for a missing field (a Jinja2 snippet)."""
    return str(data()["questions"][key])
