"""Issue 15: a time on another place's clock said to be "today" is the instant the story
means on that clock.

"Today" is the teller's today or the named place's (already another date there, or still
yesterday); of the two the one the story's tense fits is meant. An interview still to come
whose time has gone by on both is the next one on that clock; one told as missed is the
last one already gone by. Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story


def read(text: str, now: str, my_tz: str) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_a_time_ahead_on_a_clock_already_into_tomorrow_is_that_clocks_today() -> None:
    # 15:00 in London is 02:00 tomorrow in Sydney: the 4am still to come is Sydney's today
    got = read(
        "Interview at 4am Sydney time today with Bloom, I'm going to be late, laptop updating",
        "2026-03-10T15:00:00+00:00",
        "Europe/London",
    )
    assert (got["at"], got["tz"]) == ("2026-03-11 04:00", "Australia/Sydney")


def test_a_missed_time_on_a_clock_into_tomorrow_is_the_last_one_gone_by() -> None:
    # told as missed: Sydney's 4am two hours ahead is not it; the one gone by is
    got = read(
        "I missed my interview with Bloom at 4am Sydney time today, overslept",
        "2026-03-10T15:00:00+00:00",
        "Europe/London",
    )
    assert got["at"] == "2026-03-10 04:00"
    # 1am Sydney was an hour ago (14:00 London today): that one
    got = read(
        "I missed my interview with Bloom at 1am Sydney time today, overslept",
        "2026-03-10T15:00:00+00:00",
        "Europe/London",
    )
    assert got["at"] == "2026-03-11 01:00"


def test_an_upcoming_time_gone_by_on_both_todays_is_the_next_one_on_that_clock() -> None:
    # 23:00 in London is 19:00 in New York: this morning's 9am there has gone, so tomorrow's
    got = read(
        "interview with Bloom at 9am New York time today, I will be late, train delayed",
        "2026-03-10T23:00:00+00:00",
        "Europe/London",
    )
    assert (got["at"], got["tz"]) == ("2026-03-11 09:00", "America/New_York")
    # at noon in London the 9am in New York is still ahead: today's
    got = read(
        "interview with Bloom at 9am New York time today, I will be late, train delayed",
        "2026-03-10T12:00:00+00:00",
        "Europe/London",
    )
    assert got["at"] == "2026-03-10 09:00"


def test_a_clock_still_on_yesterday_keeps_its_own_today() -> None:
    # 01:30 on the 11th in Sydney is 14:30 on the 10th in London
    got = read(
        "interview with Bloom at 3pm London time today, I will be late, the power is out",
        "2026-03-11T01:30:00+11:00",
        "Australia/Sydney",
    )
    assert (got["at"], got["tz"]) == ("2026-03-10 15:00", "Europe/London")
    got = read(
        "missed the interview with Bloom at 3pm London time today, the power was out",
        "2026-03-11T06:30:00+11:00",
        "Australia/Sydney",
    )
    assert got["at"] == "2026-03-10 15:00"


def test_the_next_one_is_found_across_a_clock_change() -> None:
    # the night the UK moves to summer time (29 March 2026): tomorrow's 9am in New York
    got = read(
        "interview with Bloom at 9am New York time today, I will be late, train delayed",
        "2026-03-28T23:00:00+00:00",
        "Europe/London",
    )
    assert got["at"] == "2026-03-29 09:00"
    # Sydney leaves summer time at 3am on 5 April 2026: its 4am then is still read
    got = read(
        "Interview at 4am Sydney time today with Bloom, going to be late",
        "2026-04-04T15:00:00+01:00",
        "Europe/London",
    )
    assert got["at"] == "2026-04-05 04:00"


def test_a_time_the_clock_change_repeats_is_asked_not_guessed() -> None:
    # 2:30am on 5 April 2026 happens twice in Sydney
    result = read_story(
        "Interview at 2:30am Sydney time today with Bloom, going to be late",
        parse_instant("2026-04-04T15:00:00+01:00"),
        "Europe/London",
    )
    assert "fold" in result.missing
