"""Intake rules added after the third held-out set (issue 15): where an in-person interview
is and whose clock it is on, names read from titles and roles, and the days a start takes.

The held-out conventions (``tests/heldout/README.md``): an interview at a place the person
travels to is in person, on that place's zone or the person's own when it is local; a
hiring manager is the interviewer; a reception number has no contact role. Every story
here is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

NOW = "2026-06-15T09:00:00+01:00"  # Monday 09:00 in London


def fields(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_an_interview_at_the_company_in_a_nearby_town_is_in_person_on_the_persons_clock() -> None:
    got = fields("bus is stuck, my 11:00 interview at Fenwick Tiles in wakefield, tiler job")
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"
    assert got["company"] == "Fenwick Tiles"


def test_an_interview_at_the_company_in_a_known_city_is_on_that_citys_clock() -> None:
    got = fields("tomorrow at 10 i have interview at Hafen Logistik in hamburg but I am ill")
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/Berlin"
    assert got["at"] == "2026-06-16 10:00"


def test_an_interview_in_a_city_at_the_company_is_in_person_there() -> None:
    got = fields(
        "Tomorrow I have interview in Lisbon at Costa Verde Foods at 9:30, my flight is cut"
    )
    assert (got["mode"], got["tz"]) == ("in-person", "Europe/Lisbon")


def test_held_up_on_the_way_to_an_interview_at_the_company_alone_says_no_mode() -> None:
    # In person needs a named office, site or building; the company's name is none.
    got = fields(
        "the train is stuck outside york, my 10am interview at Pennock Mills, running late"
    )
    assert "mode" not in got and "tz" not in got
    got = fields("taxi never showed so i missed my 2pm interview at Larkfield Homes")
    assert "mode" not in got and "tz" not in got


def test_held_up_on_the_way_to_a_named_office_is_in_person() -> None:
    got = fields("tube is stuck, I'll be late for my 10am at Pennock Mills' office in leeds")
    assert (got["mode"], got["tz"]) == ("in-person", "Europe/London")


def test_a_named_building_after_the_company_is_a_place_travelled_to() -> None:
    got = fields("interview at 3pm at the Ledger at canary wharf and the dlr is down, im late")
    assert got["mode"] == "in-person"


def test_transit_without_a_place_to_go_to_says_no_mode() -> None:
    got = fields("car broke down, missed my 8:30 interview with Vellum Press")
    assert "mode" not in got and "tz" not in got


def test_a_company_merely_mentioned_with_at_is_no_place_travelled_to() -> None:
    got = fields(
        "Please help me tell Mr Obi at Lantern College I was ill and missed our 8:00 interview"
    )
    assert "mode" not in got and "tz" not in got


def test_the_journey_to_a_named_town_puts_the_interview_there() -> None:
    got = fields(
        "my train to Glasgow is cancelled and I will miss my 11am interview with Thistle Homes"
    )
    assert (got["mode"], got["tz"]) == ("in-person", "Europe/London")


def test_a_video_platform_keeps_the_interview_a_video_one_wherever_the_company_is() -> None:
    got = fields("zoom wont load, my 9:30 interview at Hafen Logistik in hamburg starts now")
    assert got["mode"] == "video"


def test_company_and_role_names_are_no_reason_cues() -> None:
    got = fields(
        "running 10 min late for my 11am at Brightsmile Dental, dental nurse job, "
        "taxi went the wrong way"
    )
    assert got["reason"] == "transit"


def test_a_title_makes_a_lower_case_word_a_name() -> None:
    got = fields("overslept and missed my 8:30 at Oakley Foods with mr hendry")
    assert got["interviewer"] == "Hendry"
    got = fields("overslept and missed my 8:30 at Oakley Foods with signora Conti")
    assert got["interviewer"] == "Conti"


def test_a_manager_the_interview_is_with_is_the_interviewer_and_the_nearest_role_wins() -> None:
    got = fields(
        "stuck on the m6, late for 10am at Pike Bakery. shop assistant job. "
        "the manager is Joanne Fitch 01632 960123"
    )
    assert got["interviewer"] == "Joanne Fitch"
    assert got["contact_role"] == "interviewer"


def test_a_reception_number_has_no_contact_role() -> None:
    got = fields(
        "train cancelled, my 11am interview at Marlow Insurance, with mr dunmore. "
        "their reception is 020 7946 0321"
    )
    assert got["contact_phone"] == "020 7946 0321"
    assert "contact_role" not in got


def test_a_lone_given_name_before_the_contact_is_the_interviewer() -> None:
    got = fields(
        "teams wont open, interview 9:30 Ardent Labs, data analyst, Helen. helen@ardent.example"
    )
    assert got["interviewer"] == "Helen"
    assert got["contact_role"] == "interviewer"


def test_a_lone_name_in_a_story_with_a_recruiter_is_not_taken_for_the_interviewer() -> None:
    got = fields(
        "teams wont open, interview 9:30 Ardent Labs, the recruiter set it up. Helen. "
        "helen@ardent.example"
    )
    assert "interviewer" not in got


def test_a_person_after_with_is_the_interviewer_not_the_company() -> None:
    got = fields(
        "i missed my interview yesterday at 3, Quarry Soft, software tester, with sarah lane onsite"
    )
    assert got["company"] == "Quarry Soft"
    assert got["interviewer"] == "Sarah Lane"


def test_a_day_after_not_or_since_is_no_day_of_the_start() -> None:
    got = fields(
        "ill since last night, cant make my 10 oclock interview at Pell Joinery",
        now="2026-06-15T07:00:00+01:00",
    )
    assert got["at"] == "2026-06-15 10:00"
    got = fields("oh no my interview was yesterday at 3 not today, Quarry Soft, with sarah lane")
    assert got["at"] == "2026-06-14 15:00"


def test_a_night_told_about_another_clause_is_no_day_of_the_start() -> None:
    got = fields(
        "my dad was taken ill last night and i completely missed my 8am with Rowan Homes",
        now="2026-06-15T10:00:00+01:00",
    )
    assert got["at"] == "2026-06-15 08:00"


def test_a_street_address_or_a_business_district_after_the_interview_is_in_person() -> None:
    got = fields(
        "flight delayed, my interview is at 2pm at Hollin Bank at 40 grove st, analyst role"
    )
    assert got["mode"] == "in-person"
    got = fields(
        "Interview 11:30 at Northgate Canary Wharf, junior trader. Coordinator: Ana, 020 7946 0123"
    )
    assert (got["mode"], got["tz"]) == ("in-person", "Europe/London")


def test_by_video_said_after_the_time_is_a_video_interview() -> None:
    got = fields(
        "I missed my interview with Tallis Group yesterday at 3pm, by video, as I was ill."
    )
    assert got["mode"] == "video"


def test_a_name_followed_by_interviewing_is_the_interviewer() -> None:
    got = fields(
        "teams call w/ Perrin Foods just dropped, 9am interview, cant rejoin. "
        "Omar Shah interviewing."
    )
    assert got["interviewer"] == "Omar Shah"


def test_a_one_word_title_listed_after_the_company_is_the_role() -> None:
    got = fields(
        "my calendar said tuesday. it was today 8am. Harwell Legal, paralegal. amy@harwell.example"
    )
    assert got["role"] == "Paralegal"
    got = fields("forgot my 8am video interview with Tern Freight. logistics coordinator. sorry")
    assert got["role"] == "Logistics Coordinator"


def test_reasons_told_indirectly() -> None:
    assert (
        fields(
            "I will be chairing a budget review that morning, so I must move "
            "the 10:00 interview with Ardmore tomorrow"
        )["reason"]
        == "conflict"
    )
    assert (
        fields(
            "the zoom link from Kestrel didnt work, it said i dont have permission, "
            "interview was at 8"
        )["reason"]
        == "technical"
    )


def test_an_international_number_in_brackets_and_a_clinic_number_are_read() -> None:
    got = fields(
        "I need to move tomorrow's 10:00 interview with Dr Reza Amini; "
        "his PA arranges it (+971 4 555 0199)."
    )
    assert got["contact_phone"] == "+971 4 555 0199"
    got = fields(
        "missed my 8am phone interview w Wattle Health, dr lee was going to call me. "
        "clinic number (07) 3555 0177",
        my_tz="Australia/Brisbane",
        now="2026-06-15T10:00:00+10:00",
    )
    assert got["contact_phone"] == "(07) 3555 0177"


def test_the_firm_that_arranged_the_interview_is_the_recruiters() -> None:
    story = "missed my 10am zoom with Halden Foods, overslept. "
    got = fields(story + "Tom from Brightwater set it up, tom@brightwater.example")
    assert (got["recruiter"], got["contact_role"]) == ("Tom (Brightwater)", "recruiter")
    got = fields(story + "It was arranged by Tom Reilly of Brightwater, tom@brightwater.example")
    assert got["recruiter"] == "Tom Reilly (Brightwater)"
    got = fields(story + "Tom Reilly is the recruiter, tom@brightwater.example")
    assert got["recruiter"] == "Tom Reilly"


def test_a_recruiter_from_the_employer_itself_is_just_the_name() -> None:
    got = fields(
        "missed my 10am zoom with Halden Foods. Sara from Halden set it up, sara@halden.example"
    )
    assert got["recruiter"] == "Sara"


def test_a_time_after_my_is_the_persons_appointment_the_interview() -> None:
    got = fields(
        "the taxi went the wrong way and now im 10 min out from my 9:30 at Corran Optics, "
        "lens tech job",
        now="2026-06-15T09:15:00+01:00",
    )
    assert got["at"] == "2026-06-15 09:30"


def test_an_area_code_written_apart_belongs_to_the_number() -> None:
    got = fields(
        "my son is ill, i will be late for my 9.30 interview at Hebden Print. phone 01274 555 0199"
    )
    assert got["contact_phone"].replace(" ", "") == "012745550199"


def test_a_relatives_operation_is_a_family_emergency_and_a_hospital_procedure_medical() -> None:
    story = "on friday i have the final round at Alder Clinic at 10am. "
    assert fields(story + "my sons operation is that day")["reason"] == "family-emergency"
    got = fields("I missed my interview at 11am today. I was in hospital for a procedure.")
    assert got["reason"] == "medical"


def test_a_firm_called_a_search_firm_is_the_recruiters_and_never_the_company() -> None:
    got = fields(
        "I missed the 8:00 call with the search firm Alder & Vane about the CFO role. "
        "The consultant is Maria Vane, maria@aldervane.example"
    )
    assert got["recruiter"] == "Maria Vane (Alder & Vane)"
    assert "company" not in got


def test_late_for_a_time_at_their_office_is_a_late_in_person_interview() -> None:
    got = fields(
        "late for 10am at their office. tube delays. Pelham Foods, buyer, Nadia. 020 7946 0777"
    )
    assert (got["scenario"], got["mode"], got["reason"]) == ("late", "in-person", "transit")


def test_an_interview_in_the_city_centre_is_in_person() -> None:
    got = fields("flight delayed, interview is 11:00 in the city centre with Tarn Digital, im late")
    assert (got["mode"], got["tz"]) == ("in-person", "Europe/London")


def test_a_bare_time_before_at_the_company_names_the_company() -> None:
    got = fields("train stuck, no way im making my 9.30 at halden build in swindon, site job")
    assert got["company"] == "Halden Build"
    assert got["mode"] == "in-person"


def test_the_interview_arranged_through_a_firms_person_names_the_recruiter() -> None:
    got = fields(
        "I must move Thursday's 11:00 interview at Ashdown Foods. It was arranged through "
        "Priya Shah at Odgers, priya.shah@odgers.example."
    )
    assert got["recruiter"] == "Priya Shah (Odgers)"
    got = fields(
        "missed my 8am teams interview with Vautrin, wifi dropped. the recruiter from "
        "Michael Page who set it up is claire dubois, 06 12 34 56 78",
        my_tz="Europe/Paris",
        now="2026-06-15T10:00:00+02:00",
    )
    assert got["recruiter"] == "Claire Dubois (Michael Page)"


def test_a_call_that_never_worked_told_after_the_slot_is_a_missed_interview() -> None:
    got = fields(
        "yesterday the teams call at 10 never worked, my laptop kept crashing the whole time "
        "and i missed the interview with Harlow Print"
    )
    assert (got["scenario"], got["reason"]) == ("missed", "technical")


def test_a_call_that_failed_part_way_told_later_is_still_a_tech_failure() -> None:
    got = fields(
        "yesterday at 3pm my webex interview with Harlow Print froze halfway through and "
        "we never got it back"
    )
    assert got["scenario"] == "tech-failure"


def test_accented_city_names_and_hk_time_are_zones() -> None:
    got = fields("video interview tomorrow 10am Montréal time with Keel Systems, i am sick")
    assert got["tz"] == "America/Toronto"
    got = fields("interview 9am HK time tmrw with Keel Systems, i am ill")
    assert got["tz"] == "Asia/Hong_Kong"


def test_cet_with_the_company_in_a_named_country_is_that_countrys_zone() -> None:
    got = fields("interview at 14:00 CET tomorrow with Keel AG in Switzerland, I am sick")
    assert got["tz"] == "Europe/Zurich"


def test_an_in_house_talent_partner_is_the_recruiter_by_name_alone() -> None:
    got = fields(
        "the talent partner at Keel Systems, Jess Moran, set up my 2pm tomorrow, i have flu"
    )
    assert got["recruiter"] == "Jess Moran"
    assert got["company"] == "Keel Systems"
    assert "role" not in got
    got = fields(
        "Jess Moran from Talent Acquisition booked my interview for 2pm tomorrow, i have flu"
    )
    assert got["recruiter"] == "Jess Moran"


def test_captain_and_lic_are_titles_dropped_from_names() -> None:
    got = fields("Captain Reyes was going to interview me at 8 today at Keel Systems, overslept")
    assert got["interviewer"] == "Reyes"
    got = fields("phone interview with Lic. Ortega from Keel Systems in 40 min, stuck in traffic")
    assert (got["interviewer"], got["company"]) == ("Ortega", "Keel Systems")


def test_the_person_due_to_call_for_a_phone_interview_is_the_interviewer() -> None:
    got = fields(
        "felt awful and slept through my 8am phone interview, ms okafor was going to call me"
    )
    assert got["interviewer"] == "Okafor"
    got = fields(
        "the recruiter from Tallis Search was supposed to call me at 8 for a phone screen "
        "but I missed it"
    )
    assert "interviewer" not in got


def test_a_titled_name_keeps_its_particles() -> None:
    got = fields("ill today, my 14:00 interview at Vos Bouw is with Mr. Joost van der Berg")
    assert got["interviewer"] == "Joost van der Berg"


def test_at_the_same_time_as_is_no_time_written_down_wrongly() -> None:
    got = fields(
        "i forgot i had a dentist appointment at the same time as my interview tomorrow "
        "at 3 with Keel Systems"
    )
    assert (got["scenario"], got["at"]) == ("conflict", "2026-06-16 15:00")


def test_a_clash_made_by_forgetting_what_was_booked_has_the_forgot_reason() -> None:
    got = fields(
        "forgot i booked my driving test for 10am tomorrow, same time as my interview at Keel"
    )
    assert (got["scenario"], got["reason"]) == ("conflict", "forgot")
    got = fields("my daughter's school play is on thursday at 10, same as my interview at Keel")
    assert got.get("reason") != "forgot"


def test_a_person_due_to_call_is_the_contact_even_without_a_number() -> None:
    got = fields(
        "my phone interview with Keel Systems tomorrow at 10, the talent acquisition partner "
        "Jo Park will call, I have a funeral"
    )
    assert (got["recruiter"], got["contact_role"]) == ("Jo Park", "recruiter")


def test_an_interview_entered_for_the_wrong_month_is_a_calendar_error() -> None:
    got = fields(
        "turns out i saved my interview with Brook & Vale for the wrong month, it was at 8 today"
    )
    assert got["reason"] == "calendar-error"


def test_a_call_that_dropped_twice_is_a_technical_reason() -> None:
    got = fields("my 8:30 zoom interview with Brook & Vale today dropped twice and i gave up")
    assert got["reason"] == "technical"
