"""Dates and zone labels read from the cached tables say exactly what Babel and tzdata say.

Day and month names, the cities of shared abbreviations and the shared
abbreviations themselves are computed once per Babel / tz database version
and kept in the cache folder (``amends.dates.cached``), so a normal run loads
neither Babel nor every zone. These tests hold every cached answer to the
libraries it comes from and check that a damaged or outdated file is rebuilt.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date, get_timezone_location

from amends.dates import cached, format
from amends.dates.format import date_text, shared_abbreviations
from amends.paths import cache_dir

PATTERNS = [
    "EEEE d MMMM y", "EEEE, MMMM d, y", "EEE d MMM", "EEE, MMM d", "EEEE d MMMM",
    "EEEE, MMMM d", "EEEE", "MMMM y",
]  # fmt: skip
DAYS = [date(2027, 12, 20) + timedelta(days=n) for n in range(800)]  # a leap day, two New Years


@pytest.fixture(autouse=True)
def _fresh_tables() -> None:
    """Each test reads the cache folder of its own home, not the process's first one."""
    format._names.cache_clear()
    format.date_text.cache_clear()
    format.shared_abbreviations.cache_clear()
    format._place.cache_clear()
    format._cities.cache_clear()


@pytest.mark.parametrize("locale", ["en_GB", "en_US"])
@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_date_pattern_of_the_messages_reads_as_babel_writes_it(
    pattern: str, locale: str
) -> None:
    for day in DAYS:
        assert date_text(day, pattern, locale) == format_date(day, pattern, locale=locale)


@pytest.mark.parametrize("pattern", ["dd/MM/yyyy", "EEEE 'at' d", "EEEEE d", "LLLL", "d.M.yy"])
def test_a_pattern_outside_the_table_is_left_to_babel(pattern: str) -> None:
    for day in DAYS[:40]:
        assert date_text(day, pattern, "en_GB") == format_date(day, pattern, locale="en_GB")


def test_the_names_table_is_kept_per_babel_version(cache_home: Path) -> None:
    date_text(date(2026, 11, 24), "EEEE d MMMM y", "en_GB")
    (folder,) = cache_home.glob("babel-*")
    table = json.loads((folder / "names-en_GB.json").read_text("utf-8"))
    assert table["EEEE"][1] == "Tuesday" and table["MMMM"][10] == "November"


def test_a_damaged_names_table_is_rebuilt(cache_home: Path) -> None:
    path = cache_home / cached.babel_folder() / "names-en_US.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"EEEE": ["Funday"], "MMMM": []}), "utf-8")
    assert date_text(date(2026, 11, 24), "EEEE, MMMM d, y", "en_US") == "Tuesday, November 24, 2026"
    assert len(json.loads(path.read_text("utf-8"))["EEEE"]) == 7
    path.write_text("{not json", "utf-8")
    format._names.cache_clear()
    format.date_text.cache_clear()
    assert date_text(date(2026, 11, 25), "EEE, MMM d", "en_US") == "Wed, Nov 25"


def _computed_shared() -> set[str]:
    """The shared abbreviations worked out again from the zones, without the cache."""
    return set(format._shared(datetime.now().year)) | format._SHARED_OUTSIDE_TZDATA


def test_shared_abbreviations_from_the_cache_match_the_zones(cache_home: Path) -> None:
    first = shared_abbreviations()
    assert first == _computed_shared()
    assert {"CST", "IST"} <= first
    format.shared_abbreviations.cache_clear()
    assert shared_abbreviations() == first  # read back from the file
    assert list(cache_home.glob("tz-*/shared-abbreviations-*.json"))


@pytest.mark.parametrize(
    "key", ["Asia/Shanghai", "America/Chicago", "Asia/Kolkata", "Europe/Dublin"]
)
def test_the_city_of_a_shared_abbreviation_is_babels(key: str) -> None:
    expected = get_timezone_location(key, locale="en", return_city=True)
    assert format._place(key) == expected
    format._place.cache_clear()
    format._cities.cache_clear()
    assert format._place(key) == expected  # read back from the file


def test_a_changed_tz_database_gets_a_fresh_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cached.tz_folder()
    cached.tz_stamp.cache_clear()
    monkeypatch.setattr(cached, "installed_version", lambda package: "2099.1")
    try:
        assert cached.tz_folder() != before
        assert cached.babel_folder() == "babel-2099.1"
    finally:
        cached.tz_stamp.cache_clear()


@pytest.fixture
def cache_home() -> Path:
    return cache_dir()


@pytest.mark.parametrize("english", ["gb", "us"])
def test_clock_from_the_minute_table_writes_what_the_hour_and_minute_say(english: str) -> None:
    """Every minute of the day: 24-hour ``09:05`` in British, 12-hour ``9:05 AM`` in American."""
    for minute in range(24 * 60):
        hour, rest = divmod(minute, 60)
        moment = datetime(2026, 3, 29, hour, rest)
        if english == "us":
            half = "AM" if hour < 12 else "PM"
            assert format.clock(moment, "us") == f"{hour % 12 or 12}:{rest:02d} {half}"
        else:
            assert format.clock(moment, "gb") == f"{hour:02d}:{rest:02d}"
