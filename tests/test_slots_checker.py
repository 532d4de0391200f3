"""An independent checker of slot proposals, and tests that it catches bad ones.

It shares no code with ``amends.slots``: wall-clock times are read minute by
minute with ``astimezone``, weekends come from a hand-written table, public
holidays straight from the ``holidays`` package, business days are counted
here. Every slot test verifies the finder's output with :func:`violations`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from dateutil.easter import easter as dateutil_easter

from amends.dates.slot import Slot

# Official weekends, written out by hand (Monday = 0). Countries with declared
# weekend working days (China, Russia, ...) are deliberately not listed.
WEEKENDS: dict[str, frozenset[int]] = {
    **dict.fromkeys(
        ["GB", "US", "DE", "FR", "AU", "NZ", "JP", "IE", "BR", "MX", "CA", "ZA", "IN", "ES"],
        frozenset({5, 6}),
    ),
    **dict.fromkeys(["SA", "EG", "IL", "KW", "QA", "JO", "OM", "BH"], frozenset({4, 5})),
    "IR": frozenset({4}),
}
# Zones whose country the checker knows without asking amends.
ZONE_COUNTRY = {
    "Europe/London": "GB-ENG",
    "Europe/Dublin": "IE",
    "Europe/Berlin": "DE",
    "Europe/Paris": "FR",
    "Europe/Madrid": "ES",
    "America/New_York": "US",
    "America/Chicago": "US",
    "America/Los_Angeles": "US",
    "America/Toronto": "CA-ON",
    "America/Sao_Paulo": "BR",
    "America/Mexico_City": "MX",
    "Australia/Sydney": "AU-NSW",
    "Australia/Melbourne": "AU-VIC",
    "Australia/Lord_Howe": "AU-NSW",
    "Pacific/Auckland": "NZ",
    "Asia/Tokyo": "JP",
    "Asia/Kolkata": "IN",
    "Asia/Riyadh": "SA",
    "Africa/Cairo": "EG",
    "Asia/Jerusalem": "IL",
    "Asia/Tehran": "IR",
    "Africa/Johannesburg": "ZA",
}


def _customary_closures(country: str, year: int) -> set[date]:
    """Customary office closures, restated by hand (not read from amends' catalogue)."""
    days: set[date] = set()
    if country in ("DE", "AT", "CH", "DK", "NO", "SE", "IS", "LU", "LI"):
        days |= {date(year, 12, 24), date(year, 12, 31)}
    if country == "SE":
        days |= {d for d in (date(year, 6, n) for n in range(19, 26)) if d.weekday() == 4}
    if country == "US":
        thursdays = [date(year, 11, n) for n in range(1, 31) if date(year, 11, n).weekday() == 3]
        days.add(thursdays[3] + timedelta(days=1))
    if country == "JP":
        days |= {date(year, 12, 29), date(year, 12, 30), date(year, 12, 31)}
        days |= {date(year, 1, 2), date(year, 1, 3)}
    if country == "BR":
        sunday = dateutil_easter(year)
        days |= {sunday - timedelta(days=48), sunday - timedelta(days=47)}
    return days


@dataclass(frozen=True)
class Rules:
    """What a proposal must respect, restated for the checker."""

    now: datetime
    their_tz: str
    my_tz: str
    country: str
    hours: tuple[int, int] = (9 * 60, 17 * 60)
    my_hours: tuple[int, int] = (8 * 60, 20 * 60)
    duration: timedelta = timedelta(minutes=45)
    days: int = 5
    busy: tuple[tuple[datetime, datetime], ...] = field(default=())
    same_day_allowed: bool = False


def _minutes(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def is_business_day(country: str, day: date) -> bool:
    """Not a weekend day (hand table), not a public holiday of the country or its region
    (``holidays``), not a customary closure (hand table)."""
    code, _, region = country.partition("-")
    if day.weekday() in WEEKENDS[code]:
        return False
    if day in _customary_closures(code, day.year):
        return False
    return day not in holidays.country_holidays(code, subdiv=region or None, years=day.year)


def allowed_days(rules: Rules) -> list[date]:
    """The first ``days`` business days after today on the interviewer's clock."""
    day = rules.now.astimezone(ZoneInfo(rules.their_tz)).date()
    if not rules.same_day_allowed:
        day += timedelta(days=1)
    out: list[date] = []
    while len(out) < rules.days:
        if is_business_day(rules.country, day):
            out.append(day)
        day += timedelta(days=1)
    return out


def _in_my_hours(minute: int, hours: tuple[int, int]) -> bool:
    start, end = hours
    return start <= minute < end if start < end else minute >= start or minute < end


def violations(slot: Slot, rules: Rules) -> list[str]:
    """Every rule ``slot`` breaks (an empty list means it is a valid proposal)."""
    problems: list[str] = []
    their, mine = ZoneInfo(rules.their_tz), ZoneInfo(rules.my_tz)
    # On instants: aware datetimes of one zone subtract as wall times (wrong across DST).
    if slot.end.astimezone(UTC) - slot.start.astimezone(UTC) != rules.duration:
        problems.append("wrong length")
    if slot.start < rules.now:
        problems.append("in the past")
    day = slot.start.astimezone(their).date()
    if day not in allowed_days(rules):
        problems.append(f"{day} is not one of the next {rules.days} business days")
    moment = slot.start.astimezone(UTC)
    theirs_ok = mine_ok = True
    while moment < slot.end:
        local = moment.astimezone(their)
        if theirs_ok and (
            local.date() != day or not rules.hours[0] <= _minutes(local) < rules.hours[1]
        ):
            problems.append(f"{local:%Y-%m-%d %H:%M %Z} outside the interviewer's hours")
            theirs_ok = False
        if mine_ok and not _in_my_hours(_minutes(moment.astimezone(mine)), rules.my_hours):
            problems.append(f"{moment.astimezone(mine):%H:%M %Z} outside the candidate's hours")
            mine_ok = False
        moment += timedelta(minutes=1)
    # The last minute must also end by the close of the interviewer's day.
    last = (slot.end - timedelta(minutes=1)).astimezone(their)
    if last.date() != day:
        problems.append("runs past the interviewer's day")
    for start, end in rules.busy:
        if start < slot.end and slot.start < end:
            problems.append(f"overlaps busy time {start.isoformat()}")
    return problems


def assert_all_valid(slots: tuple[Slot, ...] | list[Slot], rules: Rules) -> None:
    """Each slot keeps every rule and no two overlap."""
    for slot in slots:
        assert violations(slot, rules) == [], (slot.to_json(), violations(slot, rules))
    ordered = sorted(slots, key=lambda s: s.start)
    for a, b in itertools.pairwise(ordered):
        assert a.end <= b.start, f"{a.to_json()} overlaps {b.to_json()}"


# --- the checker itself must catch bad slots -------------------------------------------

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # Monday


def _slot(text: str, tz: str, my_tz: str = "Europe/London", minutes: int = 45) -> Slot:
    start = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))
    return Slot(start, start + timedelta(minutes=minutes), tz, my_tz)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-11-24 16:30", "interviewer's hours"),  # ends 17:15
        ("2026-11-28 10:00", "business days"),  # Saturday
        ("2026-11-26 10:00", "business days"),  # Thanksgiving
        ("2026-11-23 15:00", "business days"),  # same day
        ("2026-11-24 08:30", "interviewer's hours"),
    ],
)
def test_checker_rejects_slots_that_break_a_rule(text: str, why: str) -> None:
    rules = Rules(NOW, "America/New_York", "Europe/London", "US")
    found = violations(_slot(text, "America/New_York"), rules)
    assert any(why in problem for problem in found), found


def test_checker_rejects_candidate_hours_and_busy_overlap() -> None:
    busy = (datetime(2026, 11, 24, 15, 30, tzinfo=UTC), datetime(2026, 11, 24, 16, tzinfo=UTC))
    rules = Rules(NOW, "America/New_York", "Europe/London", "US", busy=busy and (busy,))
    assert any(
        "busy" in p for p in violations(_slot("2026-11-24 10:00", "America/New_York"), rules)
    )
    late = _slot("2026-11-24 15:00", "America/New_York")  # 20:00 in London
    assert any("candidate" in p for p in violations(late, rules))


def test_checker_accepts_a_plain_good_slot() -> None:
    rules = Rules(NOW, "America/New_York", "Europe/London", "US")
    assert violations(_slot("2026-11-24 10:00", "America/New_York"), rules) == []


def test_checker_weekend_table_matches_what_people_know() -> None:
    # Saturday in Saudi Arabia is weekend, Sunday is a working day.
    assert not is_business_day("SA", date(2026, 11, 28))
    assert is_business_day("SA", date(2026, 11, 29))
