"""The TOML tables under ``data/``, parsed once per content and kept as JSON in the cache dir.

Wording and catalogues are TOML so people can review them; Python's TOML reader
is written in Python, and reading the half-dozen tables a plan needs costs more
than most of the plan. Each table's parsed form is therefore kept as JSON (which
Python reads in C) under ``<cache dir>/data/<name>-<checksum>.json``: the
checksum of the TOML text is in the name, so an edited or upgraded table is
parsed afresh, never answered from an old copy. A table holding values JSON
cannot carry (TOML dates) is simply parsed every time.

:func:`parse_toml` is the one place the TOML reader loads (with importlib): for a
table not yet cached, or a file of the user's own (the profile), so a start that
finds its tables cached does not load it at all.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from importlib import resources
from typing import Any

from amends.paths import cache_dir, write_cache


def parse_toml(text: str) -> dict[str, Any]:
    """``text`` parsed as TOML; a ``ValueError`` (``TOMLDecodeError``) when it is not."""
    parsed: dict[str, Any] = importlib.import_module("tomllib").loads(text)
    return parsed


def data_table(name: str) -> dict[str, Any]:
    """The parsed ``data/<name>.toml`` (a fresh copy: callers may keep or change it)."""
    text = resources.files("amends.data").joinpath(f"{name}.toml").read_text("utf-8")
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    path = cache_dir() / "data" / f"{name}-{checksum}.json"
    try:
        found = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        found = None
    if isinstance(found, dict):
        return found
    data = parse_toml(text)
    try:
        copy = json.dumps(data, ensure_ascii=False)
    except TypeError:  # a TOML date or time: no JSON form, parsed each time instead
        return data
    write_cache(path, copy)
    return data
