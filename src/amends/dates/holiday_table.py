"""Public holidays as a precomputed table per country and year, cached in the user's cache dir.

The ``holidays`` package is the source of truth, but importing it loads some
250 country modules and every ``country_holidays()`` call rebuilds a year from
rules: far too slow for a command that should answer in a blink. So the
answers the business calendar needs (holiday names, which days are weekend
days, official weekend working days) are computed once per country and year
and kept as small JSON files under ``<cache dir>/holidays-<version>/``. The
package version is in the folder name, so an upgrade of ``holidays`` starts a
fresh table. Files are written atomically (a temporary file, then a rename),
so concurrent writers never leave a half-written table: the last one wins and
every reader sees a complete file.

``holidays`` is imported (with ``importlib``, on purpose) only when a table or
a year is missing from the cache.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from amends.paths import cache_dir, installed_version, prune_stale, write_cache

YEARS_AROUND = (-1, 3)
"""On a first build, the table covers the year asked for, one before and two after."""


def _holidays() -> Any:
    """The ``holidays`` package, imported only to build a missing table."""
    return importlib.import_module("holidays")


def _version() -> str:
    return installed_version("holidays")


def _folder() -> Path:
    return cache_dir() / f"holidays-{_version()}"


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None  # missing or unreadable: rebuilt from the package


def _write(path: Path, data: Any) -> None:
    write_cache(path, json.dumps(data, ensure_ascii=False, sort_keys=True))


@cache
def supported_countries() -> dict[str, tuple[str, ...]]:
    """ISO code -> subdivision codes with holiday data (``holidays.list_supported_countries``)."""
    path = _folder() / "supported.json"
    data = _read(path)
    if not isinstance(data, dict):
        found = _holidays().list_supported_countries()
        data = {code: list(subdivs) for code, subdivs in found.items()}
        _write(path, data)
        prune_stale(path.parent, "holidays-*")  # the tables of older holidays versions
    return {str(code): tuple(subdivs) for code, subdivs in data.items()}


@dataclass
class HolidayTable:
    """One country's (or subdivision's) holidays, weekend days and weekend working days."""

    code: str
    subdiv: str | None
    weekend: frozenset[int]
    years: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def _path(self) -> Path:
        return _folder() / f"{self.code}-{self.subdiv or ''}.json"

    def _year(self, year: int) -> dict[str, Any]:
        found = self.years.get(year)
        if found is None:
            self._build(range(year + YEARS_AROUND[0], year + YEARS_AROUND[1]))
            found = self.years[year]
        return found

    def _build(self, years: range) -> None:
        """Compute ``years`` from the ``holidays`` package and save the whole table."""
        # One more year each side, so a holiday observed across New Year is in its table.
        wider = list(range(years.start - 1, years.stop + 1))
        data = _holidays().country_holidays(
            self.code, subdiv=self.subdiv, observed=True, years=wider
        )
        self.weekend = frozenset(data.weekend)
        for year in years:
            day, flags = date(year, 1, 1), []
            while day.year == year:
                flags.append("1" if data.is_weekend(day) else "0")
                day += timedelta(days=1)
            self.years[year] = {
                "holidays": {
                    d.isoformat(): str(name) for d, name in sorted(data.items()) if d.year == year
                },
                "weekend_days": "".join(flags),
                "workdays": sorted(d.isoformat() for d in data.weekend_workdays if d.year == year),
            }
        _write(self._path, self.to_json())

    def to_json(self) -> dict[str, Any]:
        """The cached form: weekend and each year's answers."""
        return {
            "weekend": sorted(self.weekend),
            "years": {str(year): answers for year, answers in sorted(self.years.items())},
        }

    def holiday_name(self, day: date) -> str | None:
        """The holiday (or observed day) on ``day``, as ``holidays`` names it."""
        name = self._year(day.year)["holidays"].get(day.isoformat())
        return str(name) if name else None

    def is_weekend(self, day: date) -> bool:
        """True on the country's weekend days (as they were on that date)."""
        flags: str = self._year(day.year)["weekend_days"]
        return flags[day.timetuple().tm_yday - 1] == "1"

    def is_weekend_workday(self, day: date) -> bool:
        """True on a weekend day officially made a working day."""
        workdays: list[str] = self._year(day.year)["workdays"]
        return day.isoformat() in workdays

    def is_working_day(self, day: date) -> bool:
        """Not a holiday, and not a weekend day unless officially worked (``holidays``' rule)."""
        if self.is_weekend(day):
            return self.is_weekend_workday(day)
        return self.holiday_name(day) is None

    def holiday_ordinals(self, year: int) -> set[int]:
        """The ordinals of the days of ``year`` that :meth:`holiday_name` names."""
        holidays: dict[str, str] = self._year(year)["holidays"]
        return {date.fromisoformat(d).toordinal() for d, name in holidays.items() if name}

    def closed_ordinals(self, year: int) -> set[int]:
        """The ordinals of the days of ``year`` that :meth:`is_working_day` says are not."""
        answers = self._year(year)
        first = date(year, 1, 1).toordinal()
        weekend = _weekend_ordinals(answers["weekend_days"], first)
        holidays = self.holiday_ordinals(year)
        worked = {date.fromisoformat(d).toordinal() for d in answers["workdays"]}
        return set((weekend - worked) | (holidays - weekend))


@lru_cache(maxsize=256)
def _flagged(flags: str) -> tuple[int, ...]:
    """The positions of the ``1`` flags of a year's weekend string: a few dozen distinct
    strings (a year's first weekday and length, a weekend) serve every country and year."""
    return tuple(n for n, flag in enumerate(flags) if flag == "1")


@lru_cache(maxsize=256)
def _weekend_ordinals(flags: str, first: int) -> frozenset[int]:
    """The ordinals of a year's weekend days from its first day's: the same for every
    country with that weekend, so a search reaching a new country's year rarely builds it."""
    return frozenset(first + n for n in _flagged(flags))


def _from_json(code: str, subdiv: str | None, data: Any) -> HolidayTable | None:
    try:
        years = {int(year): answers for year, answers in data["years"].items()}
        return HolidayTable(code, subdiv, frozenset(int(d) for d in data["weekend"]), years)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def holiday_table(code: str, subdiv: str | None = None) -> HolidayTable:
    """The table of ``code`` (and ``subdiv``), read from the cache or built on first use."""
    empty = HolidayTable(code, subdiv, frozenset())
    found = _from_json(code, subdiv, _read(empty._path))
    if found is not None:
        return found
    # Which years are built first does not change any answer (a missing year is built
    # when asked for); the current ones are simply the likeliest to be asked.
    empty._year(date.today().year)
    return empty
