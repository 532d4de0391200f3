"""Times, clocks and sites: the shapes added in the eighth session (issue 15).

Every story here is written for this file, each rule with the near misses that must stay
as they were: a clock restated in its own clause, a day struck out with "not", an hour
written with an h, a weekday on another clock, a place written after a time with "=",
a street or the employer's premises named, a country's clock, an article before a name.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story


def read(text: str, now: str, my_tz: str) -> tuple[dict[str, str], list[str]]:
    intake = read_story(text, parse_instant(now), my_tz)
    return intake.fields, intake.missing


BRISBANE_TUE = ("2027-10-19T09:00:00+10:00", "Australia/Brisbane")  # Tuesday 19 October


def test_a_clock_restated_in_its_own_clause_takes_no_day_from_another_clause() -> None:
    # "which is 4pm for me" is the same moment as "2pm Perth time" on Thursday; the Friday
    # told later in the sentence (and struck out with "not") is no day of it.
    got, missing = read(
        "the interview with Saltbush Mining is Thursday 21 October at 2pm Perth time, which"
        " is 4pm for me, not Friday the 22nd like I put in my diary, and ive booked the"
        " friday off so on the thursday im rostered on all afternoon",
        *BRISBANE_TUE,
    )
    assert got["at"] == "2027-10-21 14:00" and got["tz"] == "Australia/Perth"
    assert "at" not in missing


def test_a_second_time_that_is_no_restatement_still_takes_the_day_of_its_sentence() -> None:
    # Near miss: "and the other one is 4pm" restates nothing: two different starts, asked.
    got, missing = read(
        "the interview with Saltbush Mining is Thursday 21 October at 2pm Perth time, and"
        " the call with Koala Freight is 4pm on Friday the 22nd",
        *BRISBANE_TUE,
    )
    assert "at" not in got and "at" in missing


def test_a_date_written_on_after_a_struck_out_weekday_is_struck_out_too() -> None:
    got, _ = read(
        "my interview with Dunmore Hydro is at 10am on Thursday, not Friday the 22nd",
        *BRISBANE_TUE,
    )
    assert got["at"] == "2027-10-21 10:00"
    # Near miss: a date with no "not" before its weekday is the interview's own.
    got, _ = read("my interview with Dunmore Hydro is at 10am on Friday the 22nd", *BRISBANE_TUE)
    assert got["at"] == "2027-10-22 10:00"


def test_a_place_closed_by_an_equals_sign_is_the_clock_of_the_time_before_it() -> None:
    got, missing = read(
        "Brownstone Legal Tech interview is 10am New York = 2pm UK today, on Teams",
        "2026-10-26T12:30:00+00:00",
        "Europe/London",
    )
    assert got["at"] == "2026-10-26 10:00" and got["tz"] == "America/New_York"
    # Near miss: an equals sign with no place after it names no clock.
    got, missing = read(
        "Brownstone Legal Tech interview is 10am = in 2 hours, on teams",
        "2026-10-26T08:00:00+00:00",
        "Europe/London",
    )
    assert "tz" not in got and "tz" in missing


def test_a_weekday_between_the_time_and_its_clock_keeps_the_clock() -> None:
    got, _ = read(
        "my zoom interview with Formosa Chipworks is at 9am friday taipei time",
        "2026-12-02T10:00:00-08:00",
        "America/Vancouver",
    )
    assert got["tz"] == "Asia/Taipei" and got["at"] == "2026-12-04 09:00"


def test_a_weekday_on_another_clock_naming_its_today_is_that_today() -> None:
    # Wednesday 17:20 in Vancouver is Thursday 09:20 in Taipei: "9am thursday taipei time"
    # is this morning there, not next week.
    got, _ = read(
        "zoom frozen in the waiting room, the interview with Formosa Chipworks was at 9am"
        " thursday taipei time and nobody let me in",
        "2026-12-02T17:20:00-08:00",
        "America/Vancouver",
    )
    assert got["at"] == "2026-12-03 09:00"
    # Near miss: the same weekday on the person's own clock keeps the tense's reading.
    got, _ = read(
        "i will be on the zoom with Formosa Chipworks at 9am on wednesday",
        "2026-12-02T08:00:00-08:00",
        "America/Vancouver",
    )
    assert got["at"] == "2026-12-09 09:00"


def test_an_hour_written_with_an_h_after_at_or_is_carries_its_clock() -> None:
    got, _ = read(
        "I missed it: the interview with Lumière Conseil was yesterday at 15h Paris time by Teams",
        "2027-11-05T12:00:00+00:00",
        "Africa/Dakar",
    )
    assert got["at"] == "2027-11-04 15:00" and got["tz"] == "Europe/Paris"
    got, _ = read(
        "my 10h interview at Lumière Sud in La Défense, the RER is stopped",
        "2026-04-28T09:45:00+02:00",
        "Europe/Paris",
    )
    assert got["at"] == "2026-04-28 10:00"
    # Near miss: a length in hours is no time ("a 12h shift").
    got, missing = read(
        "after a 12h shift i slept through my interview with Lumière Sud",
        "2026-04-28T14:45:00+02:00",
        "Europe/Paris",
    )
    assert "at" not in got and "at" in missing


def test_an_article_before_a_name_is_no_place_abbreviation() -> None:
    # "in La Défense" is no Los Angeles; "in LA," and "in LA for" are.
    got, _ = read(
        "my 10h interview at Lumière Sud in La Défense, the RER is stopped",
        "2026-04-28T09:45:00+02:00",
        "Europe/Paris",
    )
    assert got["tz"] == "Europe/Paris" and got["mode"] == "in-person"
    got, _ = read(
        "my interview with Riot is with the team in LA, at 3pm their time on zoom",
        "2026-06-28T09:00:00+09:00",
        "Asia/Tokyo",
    )
    assert got["tz"] == "America/Los_Angeles"


def test_a_street_after_a_comma_puts_the_interview_there_in_person() -> None:
    for text in (
        "train stuck outside Stevenage. 9am interview at Calder & Reeve, 40 Gresham St. Late.",
        "My interview is 9am at Indico Telecom, Avenida Julius Nyerere. I am still waiting.",
        "The interview is today 9am at Donaublick Versicherung, Praterstraße 31. taxi is late",
    ):
        got, _ = read(text, "2026-10-26T08:05:00+00:00", "Europe/London")
        assert got.get("mode") == "in-person", text
        assert got.get("tz") == "Europe/London", text


def test_words_after_a_comma_that_are_no_street_name_no_site() -> None:
    for text in (
        "the interview is 9am at Calder & Reeve, with dr hollis. i overslept",
        "the interview is 9am at Calder & Reeve, the easy way. i overslept",
        "the interview is 9am at Calder & Reeve, via zoom if needed. i overslept",
    ):
        got, _ = read(text, "2026-10-26T10:05:00+00:00", "Europe/London")
        assert got.get("mode") != "in-person", text


def test_the_employers_premises_named_put_the_interview_there_in_person() -> None:
    for text in (
        "overslept, the interview at Okonjo Freight was 9.30 this morning at their ikeja office",
        "interview 2pm at Himal Trekking Gear, Thamel showroom, store manager. need to push it",
        "late for my 10h interview at Atlas Argan Cosmetics (Ain Sebaa site), the tram stopped",
        "i forgot the interview at Grupo Textil at 4pm today, there office on Av. Insurgentes",
    ):
        got, _ = read(text, "2026-05-14T11:20:00+01:00", "Africa/Lagos")
        assert got.get("mode") == "in-person", text
        assert got.get("tz") == "Africa/Lagos", text


def test_an_office_word_that_is_a_job_or_a_website_names_no_premises() -> None:
    for text in (
        "i missed the interview at Okonjo Freight at 9.30, for their office manager role",
        "missed the 2pm interview at Himal Trekking Gear, site reliability engineer",
        "missed the 2pm interview with Himal Trekking Gear, their office called me after",
    ):
        got, _ = read(text, "2026-05-14T15:20:00+01:00", "Africa/Lagos")
        assert got.get("mode") != "in-person", text


def test_a_country_with_one_clock_names_the_zone() -> None:
    got, _ = read(
        "teams crashed mid interview with Kwanza Energia, started 10.30 angola time",
        "2026-04-21T10:40:00+01:00",
        "Europe/Lisbon",
    )
    assert got["tz"] == "Africa/Luanda" and got["at"] == "2026-04-21 10:30"


def test_two_titles_before_a_name_are_both_dropped() -> None:
    got, _ = read(
        "I overslept, the interview at Donaublick Versicherung is today 9.30. The interview"
        " is with Herr Mag. Gruber.",
        "2027-01-19T08:50:00+01:00",
        "Europe/Vienna",
    )
    assert got["interviewer"] == "Gruber"
    got, _ = read(
        "teams crashed mid interview with Kwanza Energia. interviewer Eng. Domingos Neto,"
        " d.neto@kwanzaenergia.co.ao",
        "2026-04-21T10:40:00+01:00",
        "Europe/Lisbon",
    )
    assert got["interviewer"] == "Domingos Neto"


def test_a_belief_told_in_one_sentence_is_about_that_sentences_time_only() -> None:
    # "I was thinking it is my time" follows the first 14:00; the invitation's 14:00 Yangon
    # time (10:30 for the person) is the same start, on the interviewer's clock, although
    # its sentence also names an exam.
    got, _ = read(
        "I confirmed interview with Irrawaddy Agri by Zoom for Thursday 14 May at 14:00 and I"
        " was thinking it is my time. Now I see in the invitation it is 14:00 Yangon time,"
        " this mean 10:30 for me, and in this hour I have state exam which I cannot move.",
        "2026-05-11T10:00:00+03:00",
        "Europe/Chisinau",
    )
    assert got["at"] == "2026-05-14 14:00" and got["tz"] == "Asia/Yangon"


def test_a_time_of_another_event_on_the_persons_clock_is_still_no_second_start() -> None:
    # Near miss: the other event's own time, with no clock named, stays the clash.
    got, _ = read(
        "I have an exam at 10:30 on Thursday. My interview with Irrawaddy Agri is Thursday"
        " 14 May at 14:00 Yangon time",
        "2026-05-11T10:00:00+03:00",
        "Europe/Chisinau",
    )
    assert got["at"] == "2026-05-14 14:00" and got["tz"] == "Asia/Yangon"


def test_thinking_it_was_at_a_time_is_a_belief_and_logging_in_is_noticing() -> None:
    got, _ = read(
        "interview with Pualani Resorts was 9am hawaii time, logged into zoom at 11.55"
        " thinking it was at noon, but since the clocks changed on sunday it was actually"
        " 11am here.",
        "2026-11-04T12:05:00-08:00",
        "America/Los_Angeles",
    )
    assert got["at"] == "2026-11-04 09:00" and got["tz"] == "Pacific/Honolulu"
    assert got["realised"] == "2026-11-04T11:55-08:00"
    # Near miss: logging in before the start notices no miss.
    got, _ = read(
        "the zoom interview with Pualani Resorts is at 2pm, logged into zoom at 1.50 and the"
        " link is dead",
        "2026-11-04T13:55:00-08:00",
        "America/Los_Angeles",
    )
    assert "realised" not in got


def test_the_number_under_a_sign_off_is_the_writers_own() -> None:
    text = (
        "At 10:00 this morning the video link for my interview with Carthage Dispositifs"
        " (Tunis) had expired. The interviewer was to be Mme Leïla Ben Salah. Kind regards,"
        " Hugo Marchetti, +33 6 41 27 88 05"
    )
    got, _ = read(text, "2026-11-24T10:20:00+01:00", "Europe/Paris")
    assert "contact_phone" not in got
    assert got["interviewer"] == "Leïla Ben Salah"
    assert got["tz"] == "Africa/Tunis"  # the company's city in brackets
    # Near miss: a number after "regards" that is told as someone's is theirs.
    got, _ = read(
        "missed my interview with Carthage Dispositifs at 10:00 today. regards to all, her"
        " number is +33 6 41 27 88 05",
        "2026-11-24T10:20:00+01:00",
        "Europe/Paris",
    )
    assert got["contact_phone"] == "+33 6 41 27 88 05"


def test_a_recruiter_who_set_it_all_up_is_from_their_firm() -> None:
    got, _ = read(
        "i cant do the interview at Fynbos Wealth on tuesday the 14th at 11:00, Thabo from"
        " Network Finance set it all up, his email is thabo.mokoena@networkfinance.co.za",
        "2026-07-08T19:00:00+02:00",
        "Africa/Johannesburg",
    )
    assert got["recruiter"] == "Thabo (Network Finance)"
    assert got["contact_role"] == "recruiter"


def test_a_countrys_people_before_time_name_its_clock_but_a_language_names_no_place() -> None:
    got, _ = read(
        "Stuck in Reykjavik, all flights grounded. Interview Thursday 13:00 Norwegian time,"
        " Fjordlys Energi, their office in Bjørvika.",
        "2026-03-02T15:00:00+00:00",
        "Atlantic/Reykjavik",
    )
    assert got["tz"] == "Europe/Oslo" and got["at"] == "2026-03-05 13:00"
    # Near miss: the interview held in a language is no clock and no place.
    got, missing = read(
        "my interview with Fjordlys Energi on zoom is thursday at 13:00 in norwegian, im sick",
        "2026-03-02T15:00:00+00:00",
        "Atlantic/Reykjavik",
    )
    assert "tz" not in got and "tz" in missing


def test_their_office_is_in_a_town_says_where_they_are_not_a_site_travelled_to() -> None:
    got, _ = read(
        "missed the interview with Harrow Mills at 11, their office is in toronto. overslept",
        "2026-06-15T13:00:00-04:00",
        "America/Toronto",
    )
    assert "mode" not in got and got["tz"] == "America/Toronto"


def test_there_time_typed_for_their_time_keeps_the_place_after_it() -> None:
    got, _ = read(
        "my video interview is on thursday at 1pm there time in sharjah, that is 12:30 for me",
        "2026-09-14T10:00:00+03:30",
        "Asia/Tehran",
    )
    assert got["tz"] == "Asia/Dubai" and got["at"] == "2026-09-17 13:00"
    # Near miss: getting there in time is no clock.
    got, missing = read(
        "my video interview is on thursday at 1pm, i hope to get there in time",
        "2026-09-14T10:00:00+03:30",
        "Asia/Tehran",
    )
    assert "tz" not in got and "tz" in missing


def test_a_place_before_the_interview_word_is_the_clock_of_the_time_before_it() -> None:
    got, _ = read(
        "i missed the 10am providence interview, it was on zoom",
        "2026-10-27T15:30:00+00:00",
        "Europe/London",
    )
    assert got["tz"] == "America/New_York" and got["at"] == "2026-10-27 10:00"


def test_words_between_the_interview_and_with_the_company_in_a_city_keep_the_city() -> None:
    got, _ = read(
        "booked a 9am video interview for friday with Kestrel Aerospace in seattle but i have"
        " my driving test then",
        "2026-03-24T20:00:00+00:00",
        "Europe/London",
    )
    assert got["tz"] == "America/Los_Angeles" and got["at"] == "2026-03-27 09:00"


def test_the_time_realised_is_the_start_not_the_moment_of_noticing() -> None:
    got, _ = read(
        "just realised the 8am on wednesday with Tidewater Games is 8am london time, thats"
        " midnight here. its a video interview",
        "2027-01-18T19:00:00-08:00",
        "America/Vancouver",
    )
    assert got["at"].endswith(" 08:00") and "realised" not in got
    # Near miss: realising at a time is the moment of noticing.
    got, _ = read(
        "missed my 9am zoom interview with Tidewater Games, only realised at 10.30",
        "2027-01-18T11:00:00-08:00",
        "America/Vancouver",
    )
    assert got["at"] == "2027-01-18 09:00" and got["realised"] == "2027-01-18T10:30-08:00"


def test_the_time_one_might_make_it_for_and_a_message_time_are_no_second_start() -> None:
    got, _ = read(
        "im not going to be ready for the 3pm interview at their office in oakland. i might"
        " make it for 3:30",
        "2026-08-20T13:40:00-07:00",
        "America/Los_Angeles",
    )
    assert got["at"] == "2026-08-20 15:00"
    got, _ = read(
        "Blanked on an interview today. 1pm. Video. Recruiter Carla (Apex Staffing) sent a"
        " message at 1:15.",
        "2026-06-04T17:00:00-05:00",
        "America/Chicago",
    )
    assert got["at"] == "2026-06-04 13:00"


def test_the_in_person_named_as_a_noun_is_the_interview() -> None:
    got, _ = read(
        "my eyes opened at 8.30 and the in-person at Wattle & Finch is 9.30 at their Surry"
        " Hills studio, i can probably make it by 10. its for the graduate architect interview",
        "2026-11-03T08:40:00+11:00",
        "Australia/Sydney",
    )
    assert got["at"] == "2026-11-03 09:30" and got["mode"] == "in-person"
