"""Times the seventh review found misread (issue 15): rescheduling words, hedges, counts
before "here", the day told on the interviewer's clock, noticing times, long stories.

Every story here is written for this file.
"""

from __future__ import annotations

import time

from amends.dates.zones import parse_instant
from amends.intake import read_story

NOW = "2026-12-01T10:00:00+00:00"  # Tuesday 10:00 in London


def read(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_a_time_changed_to_a_new_day_is_a_reschedule_not_a_clock_change() -> None:
    got = read("the interview time changed to friday at 10am and I cant make it, double booked")
    assert got["at"] == "2026-12-04 10:00"
    assert got["scenario"] == "conflict"
    got = read("they moved it, the time changed to friday 10am, I have a clash")
    assert got["at"] == "2026-12-04 10:00"
    # The clocks themselves changing still names no interview day.
    got = read(
        "the clocks went back on sunday so I missed my 9am interview",
        now="2026-12-01T18:00:00+00:00",
    )
    assert got["at"] == "2026-12-01 09:00"


def test_i_think_its_is_a_hedge_not_a_mistaken_belief() -> None:
    got = read("i think its tomorrow at 3pm but i cant make it because of a clash")
    assert got["at"] == "2026-12-02 15:00"
    got = read("I think it's at 3pm tomorrow, I'm going to be late, the bus broke down")
    assert got["at"] == "2026-12-02 15:00"


def test_a_count_before_here_or_for_me_is_no_clock_time() -> None:
    got = read(
        "the interview is today at 4pm and we are 3 here waiting in reception, "
        "they are running late"
    )
    assert got["at"] == "2026-12-01 16:00"
    got = read("my interview is at 11:30 and the 10 here is cancelled so I'll be late")
    assert got["at"] == "2026-12-01 11:30"
    got = read("the recruiter sent 3 for me to choose from, my interview is tomorrow at 11am")
    assert got["at"] == "2026-12-02 11:00"
    got = read("my interview with Acme is tomorrow 10am, i have 5 today for them to review")
    assert got["at"] == "2026-12-02 10:00"
    # After "at", the same words still make the number a time on the person's clock.
    got = read("missed the call, it was at 4 here", now="2026-12-01T18:00:00+00:00")
    assert got["at"] == "2026-12-01 16:00"


def test_tomorrow_is_the_persons_tomorrow_whichever_clock_the_time_is_on() -> None:
    late = "2026-12-01T16:00:00+00:00"  # already 2 December in Tokyo
    theirs = read("my interview is at 11am their time tomorrow, they are in Tokyo", now=late)
    bare = read("my interview is at 11am tomorrow, they are in Tokyo", now=late)
    assert theirs["at"] == bare["at"] == "2026-12-02 11:00"
    assert theirs["tz"] == "Asia/Tokyo"


def test_an_interview_soon_with_nothing_wrong_is_not_late() -> None:
    got = read("my interview is at 11am today with Acme, what should I wear?")
    assert got["at"] == "2026-12-01 11:00"
    assert "scenario" not in got
    got = read("my interview is at 11am today and my laptop wont turn on")
    assert got["scenario"] == "late"


def test_a_noticing_time_before_the_start_is_no_realised_time() -> None:
    got = read(
        "I sat down at 8:30 to prepare but dozed off and missed my 9am interview",
        now="2026-12-01T11:00:00+00:00",
    )
    assert got["at"] == "2026-12-01 09:00"
    assert "realised" not in got


def test_a_noticing_time_later_than_now_is_on_the_missed_day() -> None:
    got = read(
        "I missed my interview yesterday at 9pm, only saw the missed calls at 11:30pm",
        now="2026-12-01T03:00:00+00:00",
        my_tz="America/New_York",
    )
    assert got["at"] == "2026-11-29 21:00"
    assert got["realised"] == "2026-11-29T23:30-05:00"


def test_here_in_a_named_place_is_that_places_clock() -> None:
    got = read("the interview is tomorrow at 9am here in Toronto")
    assert got["at"] == "2026-12-02 09:00"
    assert got["tz"] == "America/Toronto"


def test_minutes_after_a_space_need_an_interview_word_not_any_word() -> None:
    got = read("I was at 3 30 people interview panel today")
    assert got.get("at") != "2026-12-01 15:30"
    got = read("my 12 30 video interview is today")
    assert got["at"] == "2026-12-01 12:30"


def test_many_repeated_mentions_are_read_in_linear_time() -> None:
    read("interview warm up")  # patterns compiled once, outside the measure
    started = time.process_time()
    read("interview " + "1 here " * 560)
    read("interview " + "next fri " * 440)
    assert time.process_time() - started < 3.0
