"""Customary closures: days most offices keep closed that are not public holidays.

The catalogue is data (``data/closures.toml``, with a source for every entry):
24 and 31 December in Germany and Scandinavia, the day after Thanksgiving in
the US, Japan's year-end closure, Carnival in Brazil. The business calendar
asks :func:`closure_on` so the slot finder, the checklist and the case engine
all skip the same days.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from amends.datafiles import data_table

RULES = ("date", "weekday", "easter", "on-or-after")


def _easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (``dateutil``, imported only when a rule needs it,
    so commands that never date a closure, such as ``amends check``, do not load it)."""
    day: date = importlib.import_module("dateutil.easter").easter(year)
    return day


@dataclass(frozen=True)
class Closure:
    """One customary closure and the rule that dates it in a given year."""

    name: str
    countries: frozenset[str]
    rule: str
    month: int = 1
    day: int = 1
    weekday: int = 0
    nth: int = 1
    offset: int = 0

    def on(self, year: int) -> date:
        """The closure's date in ``year``."""
        if self.rule == "date":
            return date(year, self.month, self.day)
        if self.rule == "easter":
            return _easter(year) + timedelta(days=self.offset)
        if self.rule == "on-or-after":
            first = date(year, self.month, self.day)
            return first + timedelta(days=(self.weekday - first.weekday()) % 7)
        first = date(year, self.month, 1)
        nth = first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        return nth + timedelta(days=self.offset)


def _closure(entry: dict[str, Any]) -> Closure:
    rule = str(entry["rule"])
    if rule not in RULES:
        raise ValueError(f"closures.toml: unknown rule {rule!r} for {entry.get('name')!r}")
    numbers = {k: int(entry[k]) for k in ("month", "day", "weekday", "nth", "offset") if k in entry}
    return Closure(
        name=str(entry["name"]),
        countries=frozenset(str(c) for c in entry["countries"]),
        rule=rule,
        **numbers,
    )


@cache
def catalogue() -> tuple[Closure, ...]:
    """Every closure in ``data/closures.toml``."""
    return tuple(_closure(entry) for entry in data_table("closures").get("closure", []))


@cache
def _for_country(code: str) -> tuple[Closure, ...]:
    return tuple(c for c in catalogue() if code in c.countries)


@cache
def _dates(code: str, year: int) -> dict[date, str]:
    return {c.on(year): c.name for c in _for_country(code)}


def closure_on(code: str, day: date) -> str | None:
    """The customary closure of country ``code`` on ``day``, if any."""
    return _dates(code, day.year).get(day)


def closure_days(code: str, year: int) -> tuple[date, ...]:
    """Every customary closure of country ``code`` in ``year``."""
    return tuple(_dates(code, year))
