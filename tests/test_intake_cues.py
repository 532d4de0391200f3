"""Reading rules of the free-text intake added in the fifth session (issue 15).

Each test states one rule with stories written for this file: reasons told indirectly,
clashes told about a coming day, agency and HR people, interviewers named as the person
one is meeting, named sites, fixed-offset zones and a relative time beside a zoned one.
Nothing here is copied from the labelled corpora.
"""

from __future__ import annotations

import pytest

from amends.dates.zones import parse_instant
from amends.intake import read_story

NOW = "2026-06-15T09:00:00+01:00"  # Monday 09:00 in London


def fields(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("my boss needs me at a client meeting on thursday when the interview is", "conflict"),
        ("cant do the zoom on weds 2pm, im on a night shift then", "conflict"),
        ("my sisters wedding got moved to the same day as my interview on friday", "personal"),
        ("I have to appear in court that morning, so the 10:00 interview on Friday", "personal"),
        ("the hospital gave me my surgery date and it is the day of the interview", "medical"),
        ("i had an emergency dental procedure and missed the 9am interview", "medical"),
        (
            "dad had heart attack, we were in hospital all day, missed the phone interview",
            "family-emergency",
        ),
        (
            "my son threw up at daycare and they wont take him, late for my 10am interview",
            "family-emergency",
        ),
        ("laptop is doing an update and not finishing, interview in 10 minutes", "technical"),
        ("teams says my org doesnt allow guests, the interview started at 9", "technical"),
        (
            "i worked out the gap as eight hours but it was seven, missed the interview",
            "timezone-mistake",
        ),
        ("i thought that meant 9am for me, so i missed the video interview", "timezone-mistake"),
        (
            "i had the interview with Orla Foods down as next tuesday but it was today",
            "calendar-error",
        ),
        ("the ferry is running an hour behind, I will be late for the interview", "transit"),
        ("my flight got delayed and i missed the interview at 2", "travel"),
        (
            "flight delayed, sat on the tarmac with no wifi, missed the 2pm video interview",
            "travel",
        ),
        ("i have no wifi at home so i missed the 10am video interview", "technical"),
        ("my car battery is dead, i wont make the 3pm interview", "transit"),
        (
            "my childminder is sick so i have the kids, cant do the 2pm interview",
            "family-emergency",
        ),
        ("i got confused between am and pm and missed the 10 interview", "calendar-error"),
        ("it was on teams and i couldnt install it in time, missed the interview", "technical"),
        ("i hit snooze one too many times and missed the 9:30 interview", "overslept"),
        ("our basement flooded, waiting for the plumber, cant make the interview", "personal"),
    ],
)
def test_reasons_told_indirectly_map_to_the_catalogue(text: str, reason: str) -> None:
    assert fields(text).get("reason") == reason


def test_a_weekday_in_a_clash_told_in_the_past_tense_is_the_coming_one() -> None:
    # Monday: "forgot i booked" is past, but the interview on Thursday is still ahead.
    got = fields(
        "totally forgot i booked a trip for this week, its thurs 2pm the interview at Kelp Ltd"
    )
    assert got["at"] == "2026-06-18 14:00"
    assert got["scenario"] == "conflict"


def test_an_agency_person_who_set_the_interview_up_is_the_recruiter() -> None:
    got = fields(
        "so Ama from Talentway set me up with a phone interview with Rook Foods on wednesday "
        "at 10 and my exam got moved to that day, ama@talentway.example"
    )
    assert got["recruiter"] == "Ama (Talentway)"
    assert got["contact_role"] == "recruiter"


def test_the_recruiter_named_after_the_firm_with_a_title_is_read() -> None:
    got = fields(
        "missed my phone interview at 9 with Stone Builders, the recruiter from Keel Recruitment "
        "mr joe bates arranged it, 07700 900123",
        now="2026-06-15T12:00:00+01:00",
    )
    assert got["recruiter"] == "Joe Bates (Keel Recruitment)"


def test_a_hedged_recruiter_name_is_not_labelled() -> None:
    got = fields(
        "i forgot the 8am interview, a recruiter set it up, Ian something from Reed i think"
    )
    assert "recruiter" not in got


def test_the_employers_hr_department_is_no_agency() -> None:
    got = fields(
        "I missed the 8:00 video interview with Calder Foods owing to illness. It was arranged "
        "by Ms Ruth Hale of their HR department, ruth.hale@calder.example."
    )
    assert "recruiter" not in got
    assert got["contact_role"] == "coordinator"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "overslept, missed my interview for the cook job. "
            "the manager im meeting is called piotr",
            "Piotr",
        ),
        ("missed my 8am interview, the partner's name was Helga", "Helga"),
        ("running late for the 10am at Bell Dental, seeing dr nora quinn", "Nora Quinn"),
        ("tram stuck, 15 min late for my interview with greta", "Greta"),
    ],
)
def test_the_person_one_is_meeting_is_the_interviewer(text: str, name: str) -> None:
    assert fields(text).get("interviewer") == name


def test_a_comma_before_interviewer_was_going_to_be_is_no_name() -> None:
    got = fields(
        "missed my 8am interview at Acme head office in Leeds, "
        "interviewer was going to be Mark Hill"
    )
    assert got["interviewer"] == "Mark Hill"


def test_a_job_title_word_ties_no_contact_role() -> None:
    got = fields(
        "bus is late, my 10am interview at Pell Insurance downtown for the underwriting assistant "
        "job is with Carol Penn, her cell 07700 900456"
    )
    assert got["contact_role"] == "interviewer"


@pytest.mark.parametrize(
    "site", ["Northfield General Hospital", "St Anne's College", "Harlow Council", "Brambles Cafe"]
)
def test_an_interview_at_a_named_hospital_college_council_or_cafe_is_in_person(site: str) -> None:
    got = fields(f"the train is stuck, i will be late for my 10am interview at {site}")
    assert got["mode"] == "in-person"
    assert got["tz"] == "Europe/London"  # a named local site: the user's own clock


def test_an_interview_with_a_company_named_like_a_site_but_not_at_it_has_no_mode() -> None:
    got = fields("forgot my interview at 12 with Pembroke Bakery, the lady who set it up rang me")
    assert "mode" not in got


def test_an_interview_in_the_cbd_is_in_person() -> None:
    got = fields(
        "motorway closed after a crash, my interview at Rata Legal in the cbd at 9:30",
        now="2026-03-31T08:25:00+13:00",
        my_tz="Pacific/Auckland",
    )
    assert got["mode"] == "in-person"
    assert got["tz"] == "Pacific/Auckland"


@pytest.mark.parametrize(
    ("zone_words", "tz"),
    [
        ("GMT+3", "Etc/GMT-3"),
        ("UTC-5", "Etc/GMT+5"),
        ("KSA time", "Asia/Riyadh"),
        ("Brisbane time", "Australia/Brisbane"),
        ("WIB", "Asia/Jakarta"),
        ("UTC+5:30", "Asia/Kolkata"),
        ("GMT+0530", "Asia/Kolkata"),
        ("utc+5.45", "Asia/Kathmandu"),
    ],
)
def test_zone_words_and_fixed_offsets_name_the_interviewers_clock(zone_words: str, tz: str) -> None:
    got = fields(
        f"my video interview with Acme is tomorrow at 11am {zone_words}, i have an exam then"
    )
    assert got["tz"] == tz
    assert got["at"] == "2026-06-16 11:00"


@pytest.mark.parametrize(
    ("place", "tz"),
    [
        ("Pangyo", "Asia/Seoul"),
        ("Fortitude Valley", "Australia/Brisbane"),
        ("Tartu", "Europe/Tallinn"),
    ],
)
def test_more_cities_locate_the_team(place: str, tz: str) -> None:
    got = fields(
        f"the team is based in {place} and the video call is at 3pm their time tomorrow, "
        "i have an exam"
    )
    assert got["tz"] == tz


def test_a_zoned_time_naming_the_same_moment_as_in_20_minutes_is_the_start() -> None:
    got = fields(
        "laptop stuck updating, the teams interview is in 20 minutes, at 12:00 UK time",
        now="2026-12-01T16:40:00+05:00",
        my_tz="Asia/Karachi",
    )
    assert got["at"] == "2026-12-01 12:00"
    assert got["tz"] == "Europe/London"


def test_twelve_in_a_morning_story_is_noon() -> None:
    got = fields(
        "my father was taken to hospital this morning so i missed the phone interview at 12:00",
        now="2026-06-15T20:00:00+04:00",
        my_tz="Asia/Dubai",
    )
    assert got["at"] == "2026-06-15 12:00"


def test_an_ordinal_floor_is_no_day_of_the_month() -> None:
    got = fields("the lift broke and i am stuck on the 12th floor, my interview is at 9:30")
    assert got["at"] == "2026-06-15 09:30"


def test_a_host_who_has_not_let_me_in_at_the_start_is_a_tech_failure() -> None:
    got = fields(
        "the zoom interview was supposed to start at 10 and the host hasnt let me in yet",
        now="2026-11-23T10:05:00+00:00",
    )
    assert (got["scenario"], got["reason"]) == ("tech-failure", "technical")


def test_can_we_move_a_coming_slot_is_a_clash_about_the_interview() -> None:
    got = fields("can we move thursday's 10am? i have a hospital appointment")
    assert (got["scenario"], got["reason"], got["at"]) == (
        "conflict",
        "medical",
        "2026-06-18 10:00",
    )


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("missed my 10am interview at Keogh Dental - receptionist job", "Receptionist"),
        ("missed my 10am interview with Acme Foods (role: payroll clerk)", "Payroll Clerk"),
        (
            "missed my 10am interview with Acme Foods, applying to be a store supervisor",
            "Store Supervisor",
        ),
        (
            "missed my 10am interview with Acme Foods for Junior Developer (Python)",
            "Junior Developer",
        ),
    ],
)
def test_a_role_after_a_dash_a_label_or_applying_to_be_is_read(text: str, role: str) -> None:
    assert fields(text, now="2026-06-15T12:00:00+01:00")["role"] == role


@pytest.mark.parametrize("zone_words", ["UTC-3:30", "UTC-0330", "GMT-3.30"])
def test_an_offset_no_zone_keeps_all_year_is_asked_not_guessed(zone_words: str) -> None:
    # Newfoundland is -03:30 only in winter: reading it as St John's would move a July
    # interview by an hour, so the zone is left for the person to give.
    got = fields(
        f"my video interview with Acme is tomorrow at 11am {zone_words}, i have an exam then"
    )
    assert "tz" not in got
    assert got["at"] == "2026-06-16 11:00"
