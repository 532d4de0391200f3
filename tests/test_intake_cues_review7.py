"""Reading rules of the free-text intake fixed after the seventh-session review (issue 15).

Each test states one rule with stories written for this file: a cue word used in its
ordinary sense is no reason, no platform and no firm. Nothing here is copied from the
labelled corpora.
"""

from __future__ import annotations

import time

import pytest

from amends.dates.zones import parse_instant
from amends.intake import read_story
from amends.intake.lexicon import cue_pattern

NOW = "2026-12-01T10:00:00Z"  # Tuesday 10:00 in London


def fields(text: str, now: str = NOW, my_tz: str = "Europe/London") -> dict[str, str]:
    return read_story(text, parse_instant(now), my_tz).fields


def test_teams_of_people_are_not_the_teams_platform() -> None:
    story = (
        "I have a meeting with teams from three countries at 10am tomorrow, "
        "which clashes with my in person interview at Acme"
    )
    assert "platform" not in fields(story)


def test_with_teams_still_names_the_platform_for_a_call() -> None:
    assert fields("my interview with teams at 10am tomorrow, the link does not work").get(
        "platform"
    ) in ("Teams", None)
    assert fields("the interview is on teams tomorrow at 10am").get("platform") == "Teams"


def test_a_person_updating_a_calendar_is_no_technical_fault() -> None:
    assert (
        fields("I missed my interview at 9am, HR was updating the calendar").get("reason")
        != "technical"
    )


def test_a_device_updating_is_still_a_technical_fault() -> None:
    story = "I missed my interview at 9am, my laptop was updating and would not start"
    assert fields(story)["reason"] == "technical"


def test_a_late_train_is_no_timezone_mistake() -> None:
    story = "I am late for my interview at 11am, the train is 1 hour later than timetabled"
    assert fields(story).get("reason") != "timezone-mistake"


def test_a_place_hours_ahead_is_still_a_timezone_mistake() -> None:
    story = "I missed my interview at 9am, dubai is 4 hours ahead and I forgot that"
    assert fields(story)["reason"] == "timezone-mistake"


def test_nobody_letting_me_into_an_office_is_no_technical_fault() -> None:
    story = (
        "I got to the office on time but nobody let me in, reception was empty, "
        "I missed the 9am interview"
    )
    assert fields(story).get("reason") != "technical"


def test_nobody_letting_me_into_a_call_is_still_a_technical_fault() -> None:
    story = "I missed my 9am zoom interview, I waited an hour and nobody let me in"
    assert fields(story)["reason"] == "technical"


def test_restarting_a_process_is_no_technical_fault() -> None:
    story = "I missed my 9am interview, I will phone them to restart the process"
    assert fields(story).get("reason") != "technical"


def test_a_restarting_laptop_is_still_a_technical_fault() -> None:
    story = "I missed my 9am interview, my laptop suddenly restarted"
    assert fields(story)["reason"] == "technical"


@pytest.mark.parametrize(
    "story",
    [
        "I missed my 9am interview. the job is in private banking",
        "I missed my 9am interview with Dr Lee, she is in private practice",
        "I missed my 9am interview for the IT support role, they wanted someone to fix laptops",
    ],
)
def test_a_single_noun_is_not_a_reason(story: str) -> None:
    assert "reason" not in fields(story)


def test_being_in_the_calendar_invite_is_no_calendar_error() -> None:
    # The noun names no mix-up of dates; the missing link is the stated cause (the learned
    # reading may call it technical), never a calendar error.
    story = "I missed my 9am interview. I was in the calendar invite but never got the link"
    assert fields(story).get("reason") in (None, "technical")


def test_being_asleep_at_a_future_time_is_not_oversleeping() -> None:
    story = (
        "my interview is at 10am tomorrow but I work nights and will be asleep then, can I move it"
    )
    assert fields(story).get("reason") != "overslept"


@pytest.mark.parametrize(
    "story",
    [
        "My friend Sam from Google referred me, my interview is tomorrow at 10am",
        "my sister Jo from Deloitte put me forward for an interview tomorrow at 10am",
    ],
)
def test_a_friend_or_relative_who_referred_me_is_not_the_recruiter(story: str) -> None:
    assert "recruiter" not in fields(story)


def test_a_recruiter_who_put_me_forward_is_still_the_recruiter() -> None:
    story = "Priya Shah from Hays put me forward, my interview is tomorrow at 10am"
    assert fields(story).get("recruiter") == "Priya Shah (Hays)"


def test_my_manager_named_after_is_is_not_the_interviewer() -> None:
    story = (
        "my current manager is Dana and she asked me to cover, "
        "so I cant make my interview tomorrow at 10am"
    )
    assert "interviewer" not in fields(story)


def test_a_recruiter_named_in_apposition_is_not_the_company() -> None:
    story = (
        "my interview tomorrow at 10am with Mark, a recruiter at Robert Walters, "
        "clashes with a dentist appointment"
    )
    assert fields(story).get("company") != "Mark"


def test_jury_duty_is_not_a_company() -> None:
    assert "company" not in fields("my thu interview at 10am clashes with jury duty")


def test_news_of_a_clock_change_is_not_a_timezone_mistake() -> None:
    story = "daylight saving starts in the US on sunday, my interview is monday 9am eastern"
    assert fields(story).get("reason") != "timezone-mistake"


def test_a_long_word_is_read_in_linear_time() -> None:
    word = "a" * 4000
    start = time.process_time()
    for code in ("medical", "illness"):
        cue_pattern("reasons.cues", code).search(word)
    assert time.process_time() - start < 0.2
