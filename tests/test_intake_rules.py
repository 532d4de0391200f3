"""Rules of the free-text intake added after the first held-out measurement (issue 15).

Each test states one reading rule with stories written for this file: who the contact
is, the agency recruiter's address, terse company names, in-person and local clocks,
indirect reasons, the scenario a failing call implies, and dates with their weekday.
Nothing here is copied from the labelled corpora.
"""

from __future__ import annotations

import pytest

from amends.dates.zones import parse_instant
from amends.intake import merged, read_story

NOW = "2026-06-15T09:00:00+01:00"  # Monday 09:00 in London


def fields(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def extra(text: str) -> dict[str, str]:
    """The plan-only values read from a story (outside the JSON contract)."""
    return read_story(text, parse_instant(NOW), "Europe/London").extra


def test_an_agency_recruiters_address_fills_recruiter_email_for_the_plan_only() -> None:
    intake = read_story(
        "missed my 8am teams interview with Halden Foods, slept through. "
        "the recruiter is Priya from Randstad, priya.k@randstad.example",
        parse_instant(NOW),
        "Europe/London",
    )
    got = intake.fields
    assert got["recruiter"] == "Priya (Randstad)"
    assert got["contact_email"] == "priya.k@randstad.example"
    # The JSON contract's field list is fixed (issue 15): the address goes to the plan only.
    assert "recruiter_email" not in got
    assert "recruiter_email" not in intake.to_json()["fields"]
    assert merged(intake, {})["recruiter_email"] == "priya.k@randstad.example"


def test_an_in_house_recruiter_gets_no_recruiter_email_and_no_agency() -> None:
    got = fields(
        "missed my 8am teams interview at Orchard Labs, slept through. "
        "Recruiter: Joan (Orchard Labs), joan@orchardlabs.example"
    )
    assert got.get("recruiter") == "Joan"
    assert "recruiter_email" not in extra(
        "missed my 8am teams interview at Orchard Labs, slept through. "
        "Recruiter: Joan (Orchard Labs), joan@orchardlabs.example"
    )


def test_an_interviewers_address_is_never_the_recruiter_email() -> None:
    got = fields(
        "overslept and missed the 8am zoom with Kite Systems, interviewer Ben Ross "
        "ben@kite.example. Zoe from Hays set it up"
    )
    assert got["recruiter"] == "Zoe (Hays)"
    assert "recruiter_email" not in extra(
        "overslept and missed the 8am zoom with Kite Systems, interviewer Ben Ross "
        "ben@kite.example. Zoe from Hays set it up"
    )


def test_the_words_before_an_address_say_whose_it_is() -> None:
    got = fields(
        "missed my 8am video interview with the Pellow team for the analyst role, "
        "the recruiter is Camille Roux camille@pellow.example"
    )
    assert got["contact_role"] == "recruiter"
    got = fields(
        "missed my 8am video interview with Pellow, the hr contact is Ana Silva 020 7946 0999"
    )
    assert got["contact_role"] == "coordinator"


def test_my_contact_is_the_contacts_address_not_mine() -> None:
    got = fields(
        "missed my 8am zoom with Pellow; the recruiter, Ben Adler, is my contact "
        "(ben.adler@pellow.example)"
    )
    assert got["contact_email"] == "ben.adler@pellow.example"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Need to move Thu 3pm ET Quillon interview, a clash at work", "Quillon"),
        ("overslept. my 8am zoom. Brackwater Mills. so sorry", "Brackwater Mills"),
        ("missed my 8am zoom interview. ferncastle, junior data analyst, overslept", "Ferncastle"),
        ("interview is at half past ten at Alder Bank, position IT Auditor", "Alder Bank"),
        ("missed my 8am interview at Harlow Foods HQ, bus broke down", "Harlow Foods"),
    ],
)
def test_terse_company_names_are_read(text: str, company: str) -> None:
    assert fields(text).get("company") == company


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "missed my 8am zoom with Pellow, senior backend engineer. overslept",
            "Senior Backend Engineer",
        ),
        ("missed my 8am zoom with Pellow for the role of QA engineer, overslept", "QA engineer"),
        ("missed my 8am zoom with Pellow. job is data engineer. overslept", "Data Engineer"),
        ("missed my 8am zoom with Pellow (planner 2), overslept", "Planner 2"),
    ],
)
def test_a_job_title_is_read_where_people_put_it(text: str, role: str) -> None:
    assert fields(text).get("role") == role


def test_the_terms_of_a_job_are_no_role() -> None:
    assert "role" not in fields("missed my 8am phone screen about a contract role, overslept")


def test_an_interview_at_a_company_office_is_in_person_on_your_own_clock() -> None:
    got = fields("running late, bus broke down, my 9:30 interview at the Pellow office")
    assert got["mode"] == "in-person" and got["tz"] == "Europe/London"


def test_in_person_without_a_company_or_place_leaves_their_zone_open() -> None:
    got = fields("i couldnt go to my interview yesterday, my son was sick")
    assert got.get("mode") == "in-person"
    assert "tz" not in got


def test_the_city_of_any_iana_zone_places_the_interviewer() -> None:
    got = fields("missed my 8am zoom interview with the Pellow team in Vienna, overslept")
    assert got["tz"] == "Europe/Vienna"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("need to move my interview on friday, my surgery date has just been set", "medical"),
        (
            "my kid just threw up at school, have to get her, interview in 20 min",
            "family-emergency",
        ),
        (
            "i must take my dad to an urgent oncology appointment on friday, interview then",
            "family-emergency",
        ),
        ("got rear-ended on the way to my 10am interview at Pellow", "transit"),
        ("i have jury service on friday when the interview is", "conflict"),
        ("my 10am zoom keeps saying waiting for host", "technical"),
        ("strep throat, doctor says no talking, interview on friday", "illness"),
    ],
)
def test_reasons_stated_indirectly_map_to_the_catalogue(text: str, reason: str) -> None:
    assert fields(text).get("reason") == reason


def test_a_call_that_fails_during_the_interview_is_a_tech_failure() -> None:
    got = fields("the 8:30 teams call with Pellow just dropped and i cant rejoin")
    assert got["scenario"] == "tech-failure"


def test_a_device_dead_before_the_start_is_a_missed_interview() -> None:
    got = fields("my 8am video interview with Pellow: the power went out and my laptop was dead")
    assert got["scenario"] == "missed" and got["reason"] == "technical"


def test_a_platform_failing_before_the_start_is_late_and_at_the_start_a_tech_failure() -> None:
    # The held-out convention: trouble before the start is "late"; once the start has come
    # and the call cannot be joined it is a tech failure.
    got = fields("interview at 9:15 on teams and teams wont let me in, says my org blocks it")
    assert got["scenario"] == "late"
    got = fields("interview at 9:00 on teams and teams wont let me in, says my org blocks it")
    assert got["scenario"] == "tech-failure"


def test_a_few_minutes_past_the_start_and_still_on_the_way_is_late() -> None:
    got = fields("8.45 onsite at Pellow, sent to the wrong floor, still looking. 15 min late")
    assert got["scenario"] == "late"


def test_a_weekday_written_with_a_date_picks_the_year_it_falls_on() -> None:
    # 24 June is a Wednesday in 2026; the past-tense "was arranged" must not move it to 2025.
    got = fields(
        "my interview on Wednesday 24 June at 13:00 was arranged by Hays, i need to move it"
    )
    assert got["at"] == "2026-06-24 13:00"


def test_a_part_of_the_day_is_no_time() -> None:
    got = fields("i had an interview this afternoon and missed it, my gran passed away")
    assert "at" not in got


def test_a_start_on_your_own_clock_moves_to_theirs_once_their_zone_is_given() -> None:
    intake = read_story(
        "missed my zoom interview with Pellow at 8am my time, overslept",
        parse_instant(NOW),
        "Europe/London",
    )
    assert intake.fields["at"] == "2026-06-15 08:00" and intake.at_on_my_clock
    values = merged(intake, {"tz": "America/New_York"})
    assert values["at"] == "2026-06-15 03:00"
    assert merged(intake, {"tz": "America/New_York", "at": "2026-06-15 04:00"})["at"] == (
        "2026-06-15 04:00"
    )  # an explicit start always wins


def test_every_cue_compiles_and_none_ends_in_a_space_that_could_never_match() -> None:
    import re

    from amends.intake.lexicon import data

    table = data()
    sections = [table["scenario"], table["modes"], table["implied_modes"], table["contact_roles"]]
    sections.append(table["reasons"]["cues"])
    for section in sections:
        for key, cues in section.items():
            for cue in cues:
                re.compile(cue)
                assert cue == cue.rstrip(), f"{key}: {cue!r} ends in a space"
