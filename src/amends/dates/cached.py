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
import os
import zoneinfo
from functools import cache

from amends.paths import cached_json as cached
from amends.paths import installed_version


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


def tz_folder() -> str:
    """The cache folder of answers derived from the tz database."""
    return f"tz-{tz_stamp()}"


def babel_folder() -> str:
    """The cache folder of answers derived from Babel's locale data."""
    return f"babel-{installed_version('babel')}"


__all__ = ["babel_folder", "cached", "tz_folder", "tz_stamp"]
