"""The TOML tables under ``data/``, parsed once per content and kept as JSON in the cache dir.

Wording and catalogues are TOML so people can review them; Python's TOML reader
is written in Python, and reading the half-dozen tables a plan needs costs more
than most of the plan. Each table's parsed form is therefore kept as JSON (which
Python reads in C) under ``<cache dir>/data/<name>-<checksum>.json``: the
checksum of the TOML text is in the name, so an edited or upgraded table is
parsed afresh, never answered from an old copy. A table holding values JSON
cannot carry (TOML dates) is simply parsed every time.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from importlib import resources
from typing import Any

from amends.paths import cache_dir, write_cache


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
    data = tomllib.loads(text)
    try:
        copy = json.dumps(data, ensure_ascii=False)
    except TypeError:  # a TOML date or time: no JSON form, parsed each time instead
        return data
    write_cache(path, copy)
    return data
