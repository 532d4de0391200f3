"""Small tables derived from the tz database and Babel, cached in the user's cache dir.

Listing every zone name walks the zone folders; finding which abbreviations are
shared reads some 300 zones; Babel loads a quarter megabyte of locale data to
name a weekday. The answers are the same on every run until the data changes,
so each is computed once and kept as a JSON file in a folder named after what
it derives from: ``tz-<stamp>/`` (the ``tzdata`` package's version and the
version line of each system zone folder) or ``babel-<version>/``. An upgrade
therefore starts a fresh folder, and a file that cannot be read is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import zoneinfo
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from amends.paths import cache_dir, installed_version, write_cache


def _zone_folder_version(folder: str) -> str:
    """``# version 2025b`` from a system zone folder's ``tzdata.zi``, else its change time."""
    try:
        with open(os.path.join(folder, "tzdata.zi"), encoding="utf-8") as handle:
            return handle.readline().strip()
    except OSError:
        pass
    try:
        return str(os.stat(folder).st_mtime_ns)
    except OSError:
        return "absent"


@cache
def tz_stamp() -> str:
    """What the zone answers derive from: the ``tzdata`` package and the system zone folders."""
    parts = [
        installed_version("tzdata"),
        *(f"{d}={_zone_folder_version(d)}" for d in zoneinfo.TZPATH),
    ]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def cached(folder: str, name: str, build: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """The JSON value ``<cache dir>/<folder>/<name>``, built and kept when missing or invalid."""
    path = cache_dir() / folder / name
    found = _read(path)
    if found is not None and valid(found):
        return found
    value = build()
    write_cache(path, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return value


def tz_folder() -> str:
    """The cache folder of answers derived from the tz database."""
    return f"tz-{tz_stamp()}"


def babel_folder() -> str:
    """The cache folder of answers derived from Babel's locale data."""
    return f"babel-{installed_version('babel')}"


def cached_entry(folder: str, name: str, key: str, build: Callable[[str], str]) -> str:
    """One entry of the JSON object ``<folder>/<name>``, built and added when missing."""
    path = cache_dir() / folder / name
    found = _read(path)
    table = found if isinstance(found, dict) else {}
    value = table.get(key)
    if isinstance(value, str):
        return value
    value = build(key)
    write_cache(path, json.dumps({**table, key: value}, ensure_ascii=False, sort_keys=True))
    return value
