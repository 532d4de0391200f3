"""Time zones and local times, validated before anything is constructed.

Every zone name is checked against the installed IANA list *before*
``ZoneInfo`` sees it, so ``""``, ``../etc/passwd``, a 300-character string and
a Windows name all get the same clean error with suggestions. Local wall-clock
times are resolved explicitly: a time inside a DST gap (which is not always one
hour long: Australia/Lord_Howe shifts 30 minutes, Antarctica/Troll two hours,
Pacific/Apia skipped a whole day) is refused, and a time inside a DST fold must
be disambiguated by the caller.
"""

from __future__ import annotations

import importlib
import os
import re
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Literal
from zoneinfo import ZoneInfo, available_timezones

from amends.datafiles import data_table
from amends.errors import InputError

Fold = Literal["earlier", "later"]
# Plans, slots and reminders reach weeks around a date; near year 1 or 9999 that
# arithmetic overflows. No interview happens outside these years.
MIN_YEAR = 1970
MAX_YEAR = 2199
MAX_ZONE_NAME = 64
_LOCAL_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
# Names the zone database carries for backward compatibility that are not places:
# abbreviations (``EST`` is a fixed UTC-5 all year, not New York), POSIX rule
# zones, tzdata's placeholder and the system's own ``localtime`` link (which
# differs from machine to machine). They are refused like any unknown name.
_NOT_PLACES = frozenset(
    {"EST", "MST", "HST", "CET", "EET", "MET", "WET", "Factory", "localtime"}
    | {"EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT"}
)


@cache
def zone_names() -> frozenset[str]:
    """All IANA place names this installation knows (from ``tzdata`` or the system)."""
    return frozenset(
        n
        for n in available_timezones()
        if not n.startswith(("posix/", "right/")) and n not in _NOT_PLACES
    )


@cache
def _packaged_zones() -> frozenset[str]:
    """The names the ``tzdata`` package lists in its ``zones`` file (read as zoneinfo does)."""
    try:
        text = resources.files("tzdata").joinpath("zones").read_text("utf-8")
    except (ImportError, OSError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _in_zone_folder(root: str, parts: list[str]) -> bool:
    """True when ``root/parts...`` is a zone file ``available_timezones`` finds: reached
    through real folders (its walk follows no folder links), named exactly so (letter case
    included) and starting with the TZif mark."""
    folder = root
    for depth, part in enumerate(parts):
        try:
            with os.scandir(folder) as entries:
                entry = next((e for e in entries if e.name == part), None)
        except OSError:
            return False
        if entry is None:
            return False
        path = os.path.join(folder, part)
        if depth < len(parts) - 1:
            if entry.is_symlink() or not entry.is_dir():
                return False
            folder = path
        elif entry.is_dir():
            return False
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"TZif"
    except OSError:
        return False


@cache
def _listed(name: str) -> bool:
    """``name in zone_names()``, answered by looking ``name`` up instead of listing every
    zone (which opens all two thousand zone files): the same rules, one name."""
    parts = name.split("/")
    if name in _NOT_PLACES or name == "posixrules" or parts[0] in ("posix", "right"):
        return False
    if any(part in ("", ".", "..") for part in parts):
        return False
    if name in _packaged_zones():
        return True
    return any(os.path.exists(root) and _in_zone_folder(root, parts) for root in zoneinfo.TZPATH)


@cache
def _aliases() -> dict[str, list[str]]:
    data = data_table("zone_aliases")["aliases"]
    return {k.casefold(): list(v) for k, v in data.items()}


def suggest_zones(name: str, limit: int = 3) -> list[str]:
    """Close valid zone names for a mistyped one (aliases first, then spelling)."""
    key = name.strip().casefold()
    if key in _aliases():
        return _aliases()[key][:limit]
    names = sorted(zone_names())
    lowered = {n.casefold(): n for n in names}
    if key in lowered:
        return [lowered[key]]
    by_city = {n.rsplit("/", 1)[-1].casefold().replace("_", " "): n for n in names}
    spaced = key.replace("_", " ")
    if spaced in by_city:
        return [by_city[spaced]]
    close_matches = importlib.import_module("difflib").get_close_matches  # only for a typo
    close = close_matches(key, list(lowered), n=limit, cutoff=0.6)
    if not close:
        close = [
            lowered[c]
            for c in close_matches(spaced, list(by_city), n=limit, cutoff=0.7)
            for c in [by_city[c].casefold()]
        ]
        return close
    return [lowered[c] for c in close]


def zone(name: str, field: str = "tz") -> ZoneInfo:
    """Return the ``ZoneInfo`` for a valid IANA name, or raise an ``InputError``."""
    text = name.strip() if isinstance(name, str) else ""
    if text and len(text) <= MAX_ZONE_NAME and _listed(text):
        return ZoneInfo(text)
    shown = text if len(text) <= 40 else text[:37] + "..."
    hints = suggest_zones(text) if text and len(text) <= MAX_ZONE_NAME else []
    hint = f"; did you mean {' or '.join(hints)}?" if hints else ""
    what = f"{shown!r} is not" if text else "an empty value is not"
    raise InputError(field, f"{what} an IANA time zone such as Europe/London{hint}")


def is_zone(name: str) -> bool:
    """True when ``name`` is a valid IANA zone name."""
    return bool(name) and len(name) <= MAX_ZONE_NAME and _listed(name)


def _in_range(moment: datetime, raw: str, field: str) -> datetime:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise InputError(
            field, f"{raw[:40]!r} is outside the years {MIN_YEAR} to {MAX_YEAR} amends works in"
        )
    return moment


def _offset_of(moment: datetime) -> timedelta:
    offset = moment.utcoffset()
    assert offset is not None
    return offset


def gap_or_fold(naive: datetime, tz: ZoneInfo) -> Literal["gap", "fold"] | None:
    """Say whether a wall-clock time does not exist (gap) or exists twice (fold) in ``tz``."""
    early = naive.replace(tzinfo=tz, fold=0)
    late = naive.replace(tzinfo=tz, fold=1)
    if _offset_of(early) == _offset_of(late):
        return None
    # In a gap the round trip through UTC lands on a different wall time.
    back = early.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return "gap" if back != naive else "fold"


def localize(naive: datetime, tz: ZoneInfo, field: str, fold: Fold | None = None) -> datetime:
    """Attach ``tz`` to a wall-clock time, refusing gaps and unresolved folds."""
    kind = gap_or_fold(naive, tz)
    shown = naive.strftime("%Y-%m-%d %H:%M")
    if kind == "gap":
        before = naive.replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz)
        fmt = "%H:%M" if before.date() == naive.date() else "%Y-%m-%d %H:%M"
        raise InputError(
            field,
            f"{shown} does not exist in {tz.key} (the clocks skip over it); "
            f"did you mean {before.strftime(fmt)}?",
        )
    if kind == "fold":
        if fold is None:
            first = naive.replace(tzinfo=tz, fold=0)
            second = naive.replace(tzinfo=tz, fold=1)
            raise InputError(
                field,
                f"{shown} happens twice in {tz.key} (clocks go back); write it with its offset "
                f"({first.strftime('%z')[:3]}:{first.strftime('%z')[3:]} or "
                f"{second.strftime('%z')[:3]}:{second.strftime('%z')[3:]}) or choose earlier/later",
            )
        return naive.replace(tzinfo=tz, fold=0 if fold == "earlier" else 1)
    return naive.replace(tzinfo=tz)


_OFFSET_TAIL = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


_PLAIN_LOCAL = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})")


def _plain_local(raw: str) -> datetime | None:
    """``2026-11-24 14:30`` (the shape every interface sends) read without ``strptime``, which
    gives the same time; ``None`` for any other text, left to ``strptime``."""
    found = _PLAIN_LOCAL.fullmatch(raw)
    if found is None:
        return None
    year, month, day, hour, minute = map(int, found.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:  # an impossible date: strptime says so
        return None


def parse_local(text: str, tz: ZoneInfo, field: str, fold: Fold | None = None) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM`` as a wall-clock time in ``tz``.

    A trailing UTC offset (``2026-11-01 01:30-04:00``) is accepted as an explicit
    fold choice, but only if ``tz`` really uses that offset at that moment.
    """
    raw = text.strip() if isinstance(text, str) else ""
    if not raw or len(raw) > 40:
        raise InputError(field, "expected a date and time like 2026-11-24 14:30")
    if _OFFSET_TAIL.search(raw):
        try:
            moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
        except ValueError:
            raise InputError(
                field, f"{raw!r} is not a date and time like 2026-11-24 14:30"
            ) from None
        _in_range(moment, raw, field)
        candidates = [moment.replace(tzinfo=None).replace(tzinfo=tz, fold=f) for f in (0, 1)]
        for cand in candidates:
            if (
                _offset_of(cand) == _offset_of(moment)
                and gap_or_fold(moment.replace(tzinfo=None), tz) != "gap"
            ):
                return cand
        raise InputError(
            field, f"{raw} is not a valid local time in {tz.key} (its offset does not match)"
        )
    naive = _plain_local(raw)
    for fmt in _LOCAL_FORMATS if naive is None else ():
        try:
            naive = datetime.strptime(raw, fmt)
            break
        except ValueError:
            continue
    if naive is None:
        raise InputError(field, f"{raw!r} is not a date and time like 2026-11-24 14:30")
    return localize(_in_range(naive, raw, field), tz, field, fold)


def parse_instant(text: str, field: str = "now") -> datetime:
    """Parse an ISO-8601 instant that carries its offset (``2026-11-22T09:05+00:00``)."""
    raw = text.strip() if isinstance(text, str) else ""
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z")) if 0 < len(raw) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InputError(
            field, f"{raw!r} is not an ISO-8601 time with offset, e.g. 2026-11-22T09:05+00:00"
        )
    return _in_range(moment, raw, field)


def wall_time(day: date, clock: time, tz: str) -> datetime:
    """``clock`` on ``day`` in ``tz``; a time inside a DST gap moves forward past it."""
    zone_info = ZoneInfo(tz)
    naive = datetime.combine(day, clock)
    return datetime.fromtimestamp(naive.replace(tzinfo=zone_info).timestamp(), zone_info)


def offset_seconds(tz: ZoneInfo, seconds: int) -> int:
    """``tz``'s UTC offset, in seconds, at ``seconds`` after 1970 UTC (as ``astimezone`` reads
    it): the one reading behind the slot search's offset tables and the follow-up's
    shared-moment search."""
    offset = datetime.fromtimestamp(seconds, tz).utcoffset()
    return offset // _ONE_SECOND if offset is not None else 0


_ONE_SECOND = timedelta(seconds=1)
