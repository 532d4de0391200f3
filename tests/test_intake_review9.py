"""The ninth session's intake rules for companies, people and zones: each reads the shape it
was written for, and its look-alikes stay absent or keep their old reading.

Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON_MON = ("2026-11-23T10:40:00+00:00", "Europe/London")  # Monday 23 November


def read(text: str, now: str = LONDON_MON[0], my_tz: str = LONDON_MON[1]) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_a_department_the_story_calls_a_team_is_no_company() -> None:
    assert "company" not in read("Running late for my interview with the data team at 3pm.")
    assert "company" not in read("I missed my call with the finance department at 9am.")
    # the company that owns the team is still read
    got = read("Running late for my interview with the finance team at Acme at 3pm.")
    assert got["company"] == "Acme"


def test_a_company_whose_name_starts_with_a_department_word_is_still_read() -> None:
    assert read("Running late for my interview with Data Dynamics at 3pm.")["company"] == (
        "Data Dynamics"
    )
    got = read("Running late for my interview with the Data Dynamics team at 3pm.")
    assert got["company"] == "Data Dynamics"


def test_a_country_with_one_main_clock_named_before_time_is_its_zone() -> None:
    assert read("My interview is at 9am Spanish time tomorrow and I will be late.")["tz"] == (
        "Europe/Madrid"
    )
    assert read("Interview at 10:00 Portuguese time tomorrow, my bus is stuck.")["tz"] == (
        "Europe/Lisbon"
    )


def test_a_language_is_no_zone() -> None:
    got = read("My interview is in Spanish at 9am tomorrow and I will be late.")
    assert "tz" not in got
    assert got["at"] == "2026-11-24 09:00"


def test_dialling_in_to_a_company_with_a_building_somewhere_is_not_in_person() -> None:
    got = read(
        "Interview at their building in Leeds at 2pm but I was dialling in and the link broke."
    )
    assert got.get("mode") != "in-person"
    # the rule itself: going to their building is in person
    got = read("Interview at their building in Leeds at 2pm tomorrow, my train is late.")
    assert got["mode"] == "in-person"


def test_a_short_hour_with_an_h_before_the_interview_is_its_length() -> None:
    got = read("My 1h interview is at 3pm tomorrow and I will be late.")
    assert got["at"] == "2026-11-24 15:00"
    assert "at" not in read("I will be late for my 2h assessment tomorrow.")
    # a later hour written with an h is still a clock ("my 9h interview": 9 o'clock)
    assert read("My 9h interview tomorrow, I will be late.")["at"] == "2026-11-24 09:00"


def test_a_plural_title_names_everyone_after_it() -> None:
    got = read("Running late for my interview with Drs Johnson and Lee at 3pm tomorrow.")
    assert got["interviewer"] == "Johnson and Lee"
    got = read("Running late for my interview with Profs Okafor, Baptiste and Lin at 3pm.")
    assert got["interviewer"] == "Okafor, Baptiste and Lin"


def test_a_single_title_before_two_names_keeps_its_one_person() -> None:
    got = read("Running late for my interview with Dr Johnson and Lee at 3pm tomorrow.")
    assert got["interviewer"] == "Johnson"


def test_today_on_a_clock_a_day_ahead_is_the_day_that_fits_the_tense() -> None:
    london_afternoon = "2026-11-23T15:00:00+00:00"  # already 24 November in Sydney
    got = read("I missed my interview at 10am Sydney time today, I overslept.", london_afternoon)
    assert got["at"] == "2026-11-23 10:00"
    # still ahead: the Sydney morning that falls on the person's today
    got = read("I will be late for my interview at 10am Sydney time today.", london_afternoon)
    assert got["at"] == "2026-11-24 10:00"


def test_today_on_a_clock_on_the_same_day_is_unchanged() -> None:
    got = read("I missed my interview at 9am Sydney time today.", "2026-11-23T01:00:00+00:00")
    assert got["at"] == "2026-11-23 09:00"


def test_a_weekday_with_next_week_in_its_sentence_is_next_weeks() -> None:
    got = read("Next week I have an interview at 9am thursday singapore time, I will be late.")
    assert got["at"] == "2026-12-03 09:00"
    assert read("My interview is thursday next week at 9am.")["at"] == "2026-12-03 09:00"
    assert read("I missed my interview last week on tuesday at 10.")["at"] == "2026-11-17 10:00"


def test_next_week_in_another_sentence_leaves_the_weekday_alone() -> None:
    got = read("My interview is on thursday at 9am. My sister visits next week.")
    assert got["at"] == "2026-11-26 09:00"


def test_a_time_taken_back_straight_away_gives_way_to_the_next() -> None:
    got = read("Interview is at 10, no wait 10.30 i just checked, at Sphinx Textiles tomorrow.")
    assert got["at"] == "2026-11-24 10:30"
    got = read("My interview tomorrow at 9am, no, 9:15, with Nopal Fintech. I will be late.")
    assert got["at"] == "2026-11-24 09:15"


def test_a_no_that_starts_a_new_thought_takes_no_time_back() -> None:
    got = read("My interview is at 10 tomorrow, no idea how to get there.")
    assert got["at"] == "2026-11-24 10:00"
    got = read("I missed my interview at 10am, no alarm went off.")
    assert got["at"] == "2026-11-23 10:00"


def test_an_ordinal_before_a_district_is_no_day_of_the_month() -> None:
    got = read("I will not reach my 11:00 interview at Donaukanal Consulting in the 1st district.")
    assert got["at"] == "2026-11-23 11:00"


def test_not_reaching_the_interview_at_a_company_is_in_person() -> None:
    got = read("I will not reach my 11:00 interview at Donaukanal Consulting on time.")
    assert got["mode"] == "in-person"
    got = read("I will not reach my 11:00 video interview at Donaukanal Consulting on time.")
    assert got["mode"] == "video"
    assert "mode" not in read("I can not reach my interviewer at Donaukanal Consulting at 11.")


def test_the_companys_place_in_brackets_after_a_timed_interview_is_their_zone() -> None:
    got = read("Google Meet interview 16:00 w/ Ararat Cloud (Yerevan), I will be late.")
    assert got["tz"] == "Asia/Yerevan"
    # brackets that name no place say nothing about the zone
    assert "tz" not in read("Interview 16:00 w/ Ararat Cloud (remote), I will be late.")


def test_an_agency_name_keeps_one_more_capitalised_word_after_its_agency_word() -> None:
    got = read("Phone interview at 1pm with Prairie Bolt, the recruiter Kyle from Midwest Talent"
               " Bridge is ringing me.")  # fmt: skip
    assert got["recruiter"] == "Kyle (Midwest Talent Bridge)"
    # a day after the firm is no part of its name
    got = read("Phone interview at 1pm with Prairie Bolt, the recruiter Kyle from Midwest Talent"
               " Monday rang me.")  # fmt: skip
    assert got["recruiter"] == "Kyle (Midwest Talent)"
