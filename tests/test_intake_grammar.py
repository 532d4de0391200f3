"""Reading rules of the intake built on grammar rather than set phrases (issue 15, sixth round).

A reason told by what happened to a thing (a device, a vehicle, a relative, work); a recruiter
named in a phrase of their own; an in-person site told by its district, street or office; and
the words that are no part of a name or a reason. Stories here are written for this file.
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
        (
            "my headset keeps cutting and the app is only showing reconnecting, interview at 9",
            "technical",
        ),
        ("interview at 9.30 with Oakway, the browser says my version is too old", "technical"),
        ("the jeepney has been stuck near the market for half an hour, interview at 10", "transit"),
        ("interview at 10 with Fenwick Ltd, our tuk tuk broke down halfway", "transit"),
        ("my grandad had a fall this morning, interview at 11 with Brightside", "family-emergency"),
        (
            "my manager just told me i have to cover the desk thursday, interview thursday at 2",
            "conflict",
        ),
    ],
)
def test_a_reason_is_told_by_a_thing_and_its_trouble_in_one_clause(text: str, reason: str) -> None:
    assert fields(text).get("reason") == reason


def test_trouble_of_two_kinds_is_no_reason_by_domain_alone() -> None:
    # Two things went wrong: neither named by a cue, so the reason stays a question.
    got = fields("interview at 10 with Marlow, the shuttle is not moving and the hotspot died")
    assert "reason" not in got


def test_feeling_sick_about_it_is_no_illness() -> None:
    got = fields(
        "my flight from Oslo was delayed five hours so I missed the 8am interview with "
        "Harlow Group, honestly I feel sick about it"
    )
    assert got.get("reason") == "travel"


def test_forgetting_told_outright_outranks_the_circumstances() -> None:
    got = fields(
        "it completely slipped my mind, my 8am call with Rowan Studio, I was at my shift "
        "at the warehouse"
    )
    assert got.get("reason") == "forgot"


def test_a_bus_stuck_outranks_an_airport_merely_named() -> None:
    got = fields("the bus to the airport road is stuck in a jam, interview at 9.40 with Quill")
    assert got.get("reason") == "transit"


def test_remembering_late_is_forgetting() -> None:
    got = fields("only now remembered the 8am phone screen with Larch & Co, never got ready")
    assert got.get("reason") == "forgot"


def test_a_time_entered_wrongly_in_the_calendar_is_a_calendar_error() -> None:
    got = fields("i put the call with Tessel into my calendar as 10 when it was 8, missed it")
    assert got.get("reason") == "calendar-error"


@pytest.mark.parametrize(
    ("text", "recruiter"),
    [
        (
            "missed my 8am with Corvid Bank. the recruiter who found me the job is dana "
            "webb from lantern staffing, dana@lantern.example",
            "Dana Webb (Lantern Staffing)",
        ),
        (
            "Missed my 8am with Corvid Bank. The agency is Harbour Talent, my consultant is "
            "Ines, ines@harbourtalent.example",
            "Ines (Harbour Talent)",
        ),
        (
            "Missed my 8am with Corvid Bank. Recruiter Omar Haddad, Keystone Recruitment, "
            "omar@keystone.example",
            "Omar Haddad (Keystone Recruitment)",
        ),
        (
            "missed my 8am with Corvid Bank. the recruiter who arranged it is from Pinewood "
            "Staffing, Tomas Varga, tomas@pinewood.example",
            "Tomas Varga (Pinewood Staffing)",
        ),
    ],
)
def test_a_recruiter_named_in_a_phrase_of_their_own_keeps_their_firm(
    text: str, recruiter: str
) -> None:
    assert fields(text).get("recruiter") == recruiter


def test_a_known_agency_that_is_someones_given_name_is_no_agency() -> None:
    got = fields(
        "Missed my 8am with Corvid Bank. Kelly Marsh from Northgate Careers set it up, "
        "kelly@northgate.example"
    )
    assert got.get("recruiter") == "Kelly Marsh (Northgate Careers)"


def test_a_courtesy_title_of_another_language_is_no_part_of_the_name() -> None:
    got = fields("phone interview at 10 with Bu Dewi Lestari from Sinar Foods, I overslept")
    assert got.get("interviewer") == "Dewi Lestari"


def test_whatsapp_used_to_message_is_no_platform() -> None:
    got = fields("the recruiter sent me a whatsapp, my 8am with Norwood Ltd, I overslept")
    assert "platform" not in got


@pytest.mark.parametrize(
    "text",
    [
        "running late for my 9.30 at Larkspur Digital on Karl-Marx-Straße, tram broke down",
        "late for my 9.30 interview at the dockside office of Larkspur Digital, bus is stuck",
        "running late for the 9.30 at Larkspur Digital, riverside office, tram is stopped",
        "bus stuck, interview 9.30 on albion rd at Larkspur Digital",
    ],
)
def test_a_site_told_by_street_district_or_office_is_in_person_on_the_users_clock(
    text: str,
) -> None:
    got = fields(text)
    assert got.get("mode") == "in-person"
    assert got.get("tz") == "Europe/London"


def test_an_office_merely_named_as_who_the_interview_is_with_is_no_visit() -> None:
    got = fields("I have a call with the Berlin office of Larkspur Digital at 2pm, I feel ill")
    assert got.get("mode") != "in-person"


def test_a_plural_possessive_ends_the_company_name() -> None:
    got = fields("late for my 9.30 at Marsh Partners' Leeds studio, train is delayed")
    assert got.get("company") == "Marsh Partners"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("missed my 8am with Corvid Bank, overslept. interviewer: pilar okonjo.", "Pilar Okonjo"),
        (
            "overslept, missed the 8am with Corvid Bank. its with radek sova and hes upset",
            "Radek Sova",
        ),
    ],
)
def test_an_interviewer_named_right_after_their_role_is_read_in_lower_case(
    text: str, name: str
) -> None:
    assert fields(text).get("interviewer") == name


def test_a_role_word_followed_by_other_words_is_no_name() -> None:
    got = fields("overslept, missed the 8am with Corvid Bank. the interviewer is running late too.")
    assert "interviewer" not in got


def test_a_teams_message_names_the_platform() -> None:
    got = fields("teams says my account cannot be verified, the 9am with Corvid Bank has started")
    assert got.get("platform") == "Teams" and got.get("mode") == "video"


def test_a_private_matter_told_by_not_sharing_it_is_personal() -> None:
    got = fields(
        "something private came up, i would rather not go into it. "
        "need to move my friday 10am interview with Corvid Bank"
    )
    assert got.get("reason") == "personal"


def test_a_stomach_upset_told_by_what_happened_is_illness() -> None:
    got = fields(
        "something i ate last night, stuck in the bathroom all morning. "
        "teams call with Corvid Bank at 11"
    )
    assert got.get("reason") == "illness"


def test_a_day_ahead_with_no_time_and_a_reason_is_a_conflict() -> None:
    got = fields(
        "I have flu and the doctor says stay home. Next week I have an interview with Corvid Bank"
    )
    assert got.get("scenario") == "conflict"
    assert "at" not in got


def test_a_time_recorded_as_something_else_is_what_was_believed() -> None:
    got = fields(
        "I recorded the interview with Corvid Bank as 16:00 in my diary; the invite says 10:00 "
        "this morning, so I missed it",
        now="2026-06-15T12:00:00+01:00",
    )
    assert got.get("at") == "2026-06-15 10:00"


def test_an_in_house_recruiter_named_after_a_preposition_is_read() -> None:
    got = fields(
        "saw a missed call from Lena Brandt, the in-house recruiter at Corvid Bank, "
        "the 8am phone screen went out of my head. 020 7946 0999"
    )
    assert got.get("recruiter") == "Lena Brandt"
