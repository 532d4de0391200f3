"""The interviewer's country, inferred from their IANA zone or given explicitly.

Weekends and public holidays belong to a country, not to a time zone, so the
finder needs one. The zone tables shipped with ``tzdata`` (``zone.tab``,
``zone1970.tab``, ``iso3166.tab``) map a zone to the country it serves; link
names that the tables do not list (``US/Eastern``, ``Asia/Calcutta``) are
matched by their compiled rules. Zones that serve no country (``Etc/GMT-14``,
``UTC``) give ``None`` and the caller says so plainly instead of guessing.

Where a zone implies a holiday region (Europe/London -> England, Australia/Sydney
-> New South Wales), :func:`country_of_zone` adds it from ``data/zone_regions.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from amends.datafiles import data_table
from amends.dates.holiday_table import supported_countries
from amends.errors import InputError

_CODE = re.compile(r"^([A-Za-z]{2})(?:[-_ ]([A-Za-z0-9]{1,4}))?$")
# Codes people commonly type that are not ISO 3166 (the UK's code is GB).
_COMMON_ALIASES = {"UK": "GB", "EL": "GR"}
# Universal time is nobody's civil time, even where its rules match a country's.
_NO_COUNTRY = frozenset(
    {"UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "GREENWICH", "UNIVERSAL", "ZULU"}
)


@dataclass(frozen=True)
class Country:
    """An ISO 3166 country code, optionally with a subdivision (``US-CA``, ``GB-SCT``)."""

    code: str
    subdiv: str | None = None
    name: str = ""

    @property
    def label(self) -> str:
        """``GB`` or ``US-CA``."""
        return f"{self.code}-{self.subdiv}" if self.subdiv else self.code


def _table(name: str) -> list[list[str]]:
    path = resources.files("tzdata").joinpath("zoneinfo", name)
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@cache
def country_names() -> dict[str, str]:
    """ISO 3166 code -> English short name, from ``iso3166.tab``."""
    return {row[0]: row[1] for row in _table("iso3166.tab") if len(row) >= 2}


@cache
def _zone_tab() -> dict[str, str]:
    return {row[2]: row[0] for row in _table("zone.tab") if len(row) >= 3}


@cache
def _zone1970_tab() -> dict[str, str]:
    # The first code of a row is the country of the zone's most populous city.
    return {row[2]: row[0].split(",")[0] for row in _table("zone1970.tab") if len(row) >= 3}


def canonical_zones() -> tuple[str, ...]:
    """The tz database's canonical zones (``zone1970.tab``): one per region of shared clocks."""
    return tuple(_zone1970_tab())


def _compiled(name: str) -> bytes | None:
    try:
        return resources.files("tzdata").joinpath("zoneinfo", *name.split("/")).read_bytes()
    except (OSError, ValueError):
        return None


@cache
def _by_rules() -> dict[bytes, str]:
    """Compiled zone data -> country, for canonical zones of ``zone1970.tab``."""
    found: dict[bytes, str] = {}
    for name, code in _zone1970_tab().items():
        data = _compiled(name)
        if data is not None:
            found.setdefault(data, code)
    return found


@cache
def country_for_zone(zone_name: str) -> str | None:
    """The ISO 3166 code a zone serves (``Europe/London`` -> ``GB``), or ``None``."""
    if zone_name.startswith("Etc/") or zone_name.upper() in _NO_COUNTRY:
        return None
    code = _zone_tab().get(zone_name) or _zone1970_tab().get(zone_name)
    if code:
        return code
    data = _compiled(zone_name)
    return _by_rules().get(data) if data is not None else None


@cache
def zone_regions() -> dict[str, str]:
    """Zone -> ``CC-REGION`` label, from ``data/zone_regions.toml``."""
    return {str(k): str(v) for k, v in data_table("zone_regions")["regions"].items()}


@cache
def country_of_zone(zone_name: str) -> Country | None:
    """The country (with its holiday region when the zone implies one) a zone serves.

    ``Europe/London`` -> ``GB-ENG``, ``Australia/Sydney`` -> ``AU-NSW``,
    ``America/New_York`` -> ``US`` (the zone spans many states), ``UTC`` -> ``None``.
    """
    region = zone_regions().get(zone_name)
    code = country_for_zone(zone_name)
    if region is not None and (code is None or region.startswith(f"{code}-")):
        return parse_country(region)
    if code is None or code not in country_names():
        return None
    return Country(code, None, country_names()[code])


def parse_country(text: str, field: str = "country") -> Country:
    """Validate ``GB``, ``us``, ``US-CA`` or ``GB-SCT`` against ISO 3166 and ``holidays``."""
    raw = text.strip() if isinstance(text, str) else ""
    match = _CODE.match(raw) if len(raw) <= 8 else None
    if not match:
        raise InputError(
            field, f"{raw[:20]!r} is not a two-letter country code such as GB, US or US-CA"
        )
    code = match.group(1).upper()
    subdiv = match.group(2).upper() if match.group(2) else None
    if code not in country_names():
        alias = _COMMON_ALIASES.get(code)
        hint = f"; did you mean {alias}?" if alias else ""
        raise InputError(field, f"{code} is not an ISO 3166 country code{hint}")
    if subdiv is not None:
        supported = supported_countries().get(code, ())
        if subdiv not in supported:
            known = ", ".join(supported[:8]) + (", ..." if len(supported) > 8 else "")
            valid = f"one of {known}" if supported else "none (no holiday data by region)"
            raise InputError(field, f"{code} has no subdivision {subdiv}; valid: {valid}")
    return Country(code, subdiv, country_names()[code])
