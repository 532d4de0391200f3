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


def read(
    text: str, now: str = LONDON_MON[0], my_tz: str = LONDON_MON[1], learned: bool = True
) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz, learned=learned).fields


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


def test_the_companys_place_in_brackets_after_a_time_and_today_is_their_zone() -> None:
    got = read(
        "I missed a Zoom interview at 16:00 today with Ardennes Ledger (Luxembourg) for the "
        "auditor role, a client call ran over."
    )
    assert got["tz"] == "Europe/Luxembourg"


def test_where_the_companys_yard_is_or_its_district_office_is_their_zone() -> None:
    got = read(
        "phone interview with hallam joinery was this afternoon, their yard is near leeds. "
        "missed it, phone was off. 0113 496 0111"
    )
    assert got["tz"] == "Europe/London"
    got = read(
        "cannot take the phone interview with Kelani Rubber (their Colombo 03 office) at "
        "15:00 today, I have a fever",
        now="2026-11-23T05:00:00+00:00",
        my_tz="Asia/Colombo",
    )
    assert got["tz"] == "Asia/Colombo"


def test_a_start_told_by_its_day_alone_ahead_with_trouble_is_a_conflict() -> None:
    got = read("strep throat, doc says stay home 2 days. interview thursday at Fellgate Print")
    assert got["scenario"] == "conflict"
    assert "at" not in got


def test_a_matter_the_person_will_not_describe_is_personal() -> None:
    got = read(
        "Something happened at home that I would rather keep to myself and I missed my 9:30 "
        "interview at Ortolan Foods this morning.",
        learned=False,
    )
    assert got["reason"] == "personal"


def test_trouble_told_in_other_words_gives_the_reason() -> None:
    assert (
        read("the flood is high and my ojek cannot pass, interview at 11", learned=False)["reason"]
        == "transit"
    )
    assert (
        read(
            "boss pulled me into a client call that wont end, interview at 11:30",
            learned=False,
        )["reason"]
        == "conflict"
    )
    assert (
        read("diagnosed with influenza, interview friday at Brackley Foods", learned=False)[
            "reason"
        ]
        == "illness"
    )


def test_the_interview_word_of_another_language_makes_the_story_about_it() -> None:
    # without it the story would be about nothing and every field would be asked
    got = read("RER B bloqué, stuck. entretien 11h chez Maison Ferrand.")
    assert got["reason"] == "transit"
    assert read("paro de micros, no buses. entrevista 9:30 Cordillera Vinos")["reason"] == (
        "transit"
    )


def test_reaching_the_place_after_the_start_is_when_the_miss_was_seen() -> None:
    got = read(
        "the bus broke down so I missed the 10:00 at Harrow Fold Printing. arrived 10:35 and "
        "they had already gone.",
        now="2026-11-23T11:00:00+00:00",
    )
    assert got["realised"] == "2026-11-23T10:35+00:00"
    # an arrival before the start notices nothing
    got = read(
        "got to Harrow Fold Printing at 9:40 for the 10:00 but the bus broke down",
        now="2026-11-23T09:45:00+00:00",
    )
    assert "realised" not in got


def test_someone_getting_in_touch_is_when_a_forgotten_interview_came_back() -> None:
    got = read(
        "it never crossed my mind until the recruiter from Tolley Search called at 4:15 "
        "asking where i was. interview was at 3 with Penrose Mills",
        now="2026-11-23T17:00:00+00:00",
    )
    assert got["realised"] == "2026-11-23T16:15+00:00"
