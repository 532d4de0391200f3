"""The cached holiday table answers exactly as the ``holidays`` package, without importing it.

The business calendar reads public holidays, weekend days and weekend working
days from per-country tables cached on disk; these tests hold the table to the
package on random dates, check the cache is used (and survives concurrent
writers), and that a new package version starts a fresh table.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest

from amends.dates import holiday_table as table_module
from amends.dates.holiday_table import holiday_table, supported_countries

COUNTRIES = [("GB", None), ("GB", "SCT"), ("US", "CA"), ("SA", None), ("AE", None),
             ("IL", None), ("JP", None), ("IN", None), ("DE", "BY"), ("NZ", None),
             ("BR", None), ("CN", None), ("KR", None), ("FR", None), ("EG", None)]  # fmt: skip


@pytest.mark.parametrize(("code", "subdiv"), COUNTRIES)
def test_table_answers_like_the_holidays_package_on_random_dates(
    code: str, subdiv: str | None
) -> None:
    package = holidays.country_holidays(code, subdiv=subdiv, observed=True)
    table = holiday_table(code, subdiv)
    rng = random.Random(f"{code}-{subdiv}")
    days = [date(2024, 1, 1) + timedelta(days=rng.randrange(0, 6 * 366)) for _ in range(400)]
    days += [date(2026, 12, 24) + timedelta(days=n) for n in range(14)]  # across New Year
    for day in days:
        name = package.get(day)
        assert table.holiday_name(day) == (str(name) if name else None), day
        assert table.is_working_day(day) == package.is_working_day(day), day
        assert table.is_weekend(day) == package.is_weekend(day), day
        assert table.is_weekend_workday(day) == (day in package.weekend_workdays), day
    assert table.weekend == frozenset(package.weekend)


def test_supported_countries_are_the_packages() -> None:
    found = holidays.list_supported_countries()
    assert supported_countries() == {code: tuple(subs) for code, subs in found.items()}


def test_a_cached_table_is_read_back_without_importing_holidays() -> None:
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from amends.dates.calendar import calendar_for\n"
        "calendar = calendar_for('Europe/London')\n"
        "print(calendar.holiday_name(date(2026, 12, 25)), 'holidays' in sys.modules)\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["Christmas", "Day", "True"], ["Christmas", "Day", "False"]]


def test_a_new_holidays_version_starts_a_fresh_table(
    _hermetic_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holiday_table("GB").holiday_name(date(2026, 1, 1))
    monkeypatch.setattr(table_module, "_version", lambda: "999.0")
    holiday_table("GB").holiday_name(date(2026, 1, 1))
    folders = sorted(p.name for p in (_hermetic_home / "cache").iterdir())
    assert len(folders) == 2 and "holidays-999.0" in folders


def test_concurrent_writers_always_leave_a_complete_table(_hermetic_home: Path) -> None:
    def build(year: int) -> str | None:
        return holiday_table("US").holiday_name(date(year, 7, 4))

    with ThreadPoolExecutor(max_workers=8) as pool:
        names = list(pool.map(build, [2030 + n % 6 for n in range(24)]))
    assert all(names)
    files = list((_hermetic_home / "cache").glob("holidays-*/US-.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text("utf-8"))  # never a half-written file
    assert "2026" in data["years"] or "2030" in data["years"]
    assert not list(files[0].parent.glob(".*.tmp"))


def test_a_damaged_cache_file_is_rebuilt(_hermetic_home: Path) -> None:
    holiday_table("FR").holiday_name(date(2026, 7, 14))
    (path,) = (_hermetic_home / "cache").glob("holidays-*/FR-.json")
    path.write_text("{not json", "utf-8")
    expected = str(holidays.country_holidays("FR", observed=True).get(date(2026, 7, 14)))
    assert holiday_table("FR").holiday_name(date(2026, 7, 14)) == expected
    assert json.loads(path.read_text("utf-8"))["years"]
