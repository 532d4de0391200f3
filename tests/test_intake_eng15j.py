"""Engineer 15j's intake rules for the mode and the interviewer's zone: an office named as
the interview's site makes it in person (and local), an office where someone else sits does
not, and a platform or a phone named in looser words says the mode.

Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON_MON = ("2026-11-23T10:40:00+00:00", "Europe/London")  # Monday 23 November


def read(text: str, now: str = LONDON_MON[0], my_tz: str = LONDON_MON[1]) -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_a_site_office_named_as_its_own_phrase_is_an_in_person_interview_in_my_zone() -> None:
    got = read(
        "Flu, cant get out of bed. Interview Friday 11:00, Brackenridge Paper, Ashby office."
    )
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"
    got = read("Missed the 9:30 interview, Tollcross Joinery, Riverside building. Car died.")
    assert got["mode"] == "in-person"


def test_an_office_of_a_company_after_the_interview_is_in_person() -> None:
    got = read(
        "the interview with Fenwick Mills Carlisle office for buyer was at 9, train cancelled"
    )
    assert got["mode"] == "in-person"
    assert (
        read("I have interview on Friday 10:00 in office of Gorse Bank, I am sick.")["mode"]
        == "in-person"
    )


def test_a_home_virtual_or_called_office_is_no_site() -> None:
    assert "mode" not in read("Missed the 9:30 interview with Tollcross Joinery, home office.")
    assert "mode" not in read(
        "Missed the 9:30 interview with Tollcross Joinery, i called their office, no answer."
    )


def test_an_office_where_the_interviewer_sits_leaves_the_platform_to_say_the_mode() -> None:
    got = read(
        "zoom keeps freezing, interview started at 10:30 with Ana, shes in their Leeds office"
    )
    assert got["mode"] == "video"
    got = read("missed my 9:00 phone screen with Corve Bank, theyre in their Ludlow office")
    assert got["mode"] == "phone"
    got = read(
        "google meet at noon with Corve Bank missed, the interviewer sits in their Hull office"
    )
    assert got["mode"] == "video"


def test_a_site_office_beside_a_named_platform_does_not_override_it() -> None:
    got = read("Teams interview with Corve Bank, Paris office, on Thursday at 15:00 Paris time")
    assert got["mode"] == "video"


def test_an_interview_said_to_be_by_phone_in_looser_words_is_a_phone_interview() -> None:
    assert read("Missed the interview with Corve Bank by phone at 9am, I overslept.")["mode"] == (
        "phone"
    )
    assert read("missed my phone interveiw at 9am with corve bank, overslept")["mode"] == "phone"
    # a phone merely used to reach someone is no mode
    assert "mode" not in read(
        "Missed the 9am interview, I overslept. Can reach me by phone to rebook?"
    )


def test_a_lone_video_sentence_is_a_video_interview() -> None:
    assert read("Forgot my interview today. 9am. Video. Corve Bank, analyst role.")["mode"] == (
        "video"
    )


def test_arriving_at_a_building_or_having_to_be_in_an_office_is_in_person() -> None:
    got = read(
        "Train stuck, I arrive Corve Bank building at 10:45 but my interview is 10:00.",
        now="2026-11-23T09:50:00+00:00",
    )
    assert got["mode"] == "in-person"
    got = read(
        "tram stopped, i have to be in the canal dock office for 11, interview w/ corve bank",
        now="2026-11-23T10:40:00+00:00",
    )
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"


def test_being_meant_to_be_at_a_company_on_a_street_is_in_person() -> None:
    got = read("overslept, was meant to be at corve dental on mill street for 10 for the job")
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"


def test_a_platform_call_with_a_company_in_a_city_is_on_that_citys_clock() -> None:
    got = read("I had a zoom with Corve Bank in Santiago at 15:00 their time and nobody came")
    assert got["tz"] == "America/Santiago"
    got = read(
        "the video interview with Marsh & Lowe Partners in London started at 2pm, link broken"
    )
    assert got["tz"] == "Europe/London"


def test_an_interviewer_from_a_company_in_a_city_puts_the_interview_on_its_clock() -> None:
    got = read(
        "the call started at 15:00 and zoom cant find my camera, the interviewer is Dr. Ana Ruiz"
        " from Ostra Labs in Oslo",
        now="2026-11-23T14:04:00+00:00",
    )
    assert got["tz"] == "Europe/Oslo"


def test_an_interviewer_at_their_city_site_puts_the_interview_on_its_clock() -> None:
    got = read(
        "missed my 2pm video interview, it was with Dr Lin at their Hsinchu fab",
        my_tz=("Asia/Taipei"),
        now="2026-11-23T18:00:00+08:00",
    )
    assert got["tz"] == "Asia/Taipei"
    got = read("zoom froze at 10, interview with Corve Bank, she is in their Kisumu office")
    assert got["tz"] == "Africa/Nairobi"


def test_a_city_place_named_as_the_users_own_work_is_no_interviewer_zone() -> None:
    got = read("boss put me on the shenzhen factory visit so i cant do the 3pm interview friday")
    assert "tz" not in got


def test_their_clock_said_to_be_the_same_as_mine_is_my_zone() -> None:
    got = read(
        "phone screen with Corve Bank at 8:30 their time, theyre in a town near me so"
        " same as me, and i missed it"
    )
    assert got["tz"] == "Europe/London"


def test_an_illness_before_an_interview_later_today_with_no_time_is_a_conflict() -> None:
    got = read(
        "Interview with Corve Bank this afternoon, in person. Threw my back out, cant drive.",
        now="2026-11-23T09:00:00+00:00",
    )
    assert got["scenario"] == "conflict"
    # trouble on the way to it says nothing sure: late or a clash
    got = read(
        "Interview with Corve Bank this afternoon, in person. The trains are on strike.",
        now="2026-11-23T09:00:00+00:00",
    )
    assert "scenario" not in got


def test_not_going_to_a_slot_named_by_its_time_is_a_story_about_the_interview() -> None:
    got = read(
        "Didnt go to the 3pm at Corve Bank, Ashby office. Private reasons.",
        now="2026-11-23T19:00:00+00:00",
    )
    assert got["scenario"] == "missed"
    assert got["at"] == "2026-11-23 15:00"
    assert got["mode"] == "in-person"


def test_an_office_in_a_district_named_after_the_company_is_in_person() -> None:
    got = read("Sick today. Company is Corve Bank, office in Maslak, interview Thursday 14:00.")
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"


def test_a_hyphenated_site_name_before_the_workshop_word_is_in_person() -> None:
    got = read(
        "Strike on Thursday, interview at the Corve Saint-Roch workshop, Thu 10:00, no trains."
    )
    assert got["mode"] == "in-person"


def test_teams_written_first_before_the_time_or_alone_after_a_comma_is_the_platform() -> None:
    got = read("teams 10:00 w/ corve bank, audio dead on my side.", now="2026-11-23T10:05:00+00:00")
    assert got["platform"] == "Teams"
    assert got["mode"] == "video"
    got = read("Interview Corve Bank 3pm today, analyst role, Teams. Kid sick, need to rebook.")
    assert got["platform"] == "Teams"
    # teams of people are no platform
    assert "platform" not in read("I missed my interview with two teams at Corve Bank at 9am.")


def test_an_interview_at_a_company_at_a_time_in_a_district_is_in_person() -> None:
    got = read(
        "the interview at Corve Bank for analyst is at 2.30 in Westlands and my bus is stuck",
        now="2026-11-23T14:05:00+00:00",
    )
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"
    # "in two hours", "in the afternoon", "in teams" say when or how, not where
    for tail in ("in two hours", "in the afternoon", "in teams"):
        text = f"the interview at Corve Bank is at 2.30 {tail} and I have flu"
        assert "mode" not in read(text) or read(text)["mode"] != "in-person"
