"""Engineer 15k's intake rules for the interviewer's zone, the scenario, the reason and
``realised``: a zone named on a start survives when the story gives a second, different
time; a clock in brackets after the interview word names the start's zone; "it is already
10:05" is the time now; cities written as their own people write them are places.

Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON_MON = ("2026-11-23T10:40:00+00:00", "Europe/London")  # Monday 23 November


def read(text: str, now: str = LONDON_MON[0], my_tz: str = LONDON_MON[1]) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_the_one_zone_named_on_two_differing_starts_is_the_interviewers() -> None:
    # 15:00 Helsinki is 13:00 in London: the two starts differ, so the start is asked,
    # but the zone named on one of them is still where the interviewer is.
    got = read(
        "the invite said 15:00 Helsinki time, 14:00 here. I joined the zoom with Saimaa "
        "Soft at 15:00 my time and it had ended",
        now="2026-11-23T16:00:00+00:00",
    )
    assert got["tz"] == "Europe/Helsinki"
    assert "at" not in got


def test_two_different_named_zones_on_differing_starts_leave_the_zone_open() -> None:
    got = read(
        "the invite said 15:00 Helsinki time, the email said 9:00 New York time. I joined "
        "the zoom with Saimaa Soft at 15:00 my time and it had ended",
        now="2026-11-23T16:00:00+00:00",
    )
    assert "tz" not in got


def test_a_clock_in_brackets_after_the_interview_word_is_the_starts_zone() -> None:
    got = read(
        "My train to Lyon is cancelled and I will miss my 16:30 interview (Paris time) at "
        "the Part-Dieu offices of Rhône Verre.",
        now="2026-11-23T12:00:00+00:00",
    )
    assert got["tz"] == "Europe/Paris"
    assert got["at"] == "2026-11-23 16:30"


def test_a_time_told_as_already_now_is_not_the_start() -> None:
    got = read(
        "teams wont let me in and it is already 10:45. interview with Brindle Data at "
        "10:30 Kyiv time",
        now="2026-11-23T08:45:00+00:00",  # 10:45 in Kyiv
        my_tz="Europe/Kyiv",
    )
    assert got["at"] == "2026-11-23 10:30"
    assert got["tz"] == "Europe/Kyiv"


def test_a_city_written_in_its_own_language_is_a_place() -> None:
    got = read(
        "I cannot attend my interview at Donaukanal Partners, Wien, on Wednesday 25 November "
        "at 14:00 owing to a family matter."
    )
    assert got["tz"] == "Europe/Vienna"
