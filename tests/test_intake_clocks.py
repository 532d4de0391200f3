"""Times told on more than one clock, and times that are not the interview (issue 15).

Every story here is written for this file. A start told on two clocks that agree as one
instant is one start, kept on the interviewer's clock; two instants that really differ
are asked about; a day the clocks changed on, or the day someone phoned, is no
interview day; the moment the person noticed is on their own clock.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates.zones import parse_instant
from amends.intake import read_story

NOW = "2026-06-15T09:00:00+01:00"  # Monday 09:00 in London


def read(
    text: str, now: str = NOW, my_tz: str = "Europe/London"
) -> tuple[dict[str, str], list[str]]:
    intake = read_story(text, parse_instant(now), my_tz)
    return intake.fields, intake.missing


def test_a_start_told_on_both_clocks_is_one_start_on_the_interviewers_clock() -> None:
    got, missing = read(
        "i missed it, the call with Fenwick Labs was 11 their time which was 9:30 for me",
        now="2026-05-12T13:00:00+08:00",
        my_tz="Australia/Perth",
    )
    # "their time" alone does not say where they are: the zone is asked, never guessed.
    assert "tz" in missing and "tz" not in got
    got, _ = read(
        "missed the call with Fenwick Labs in adelaide, 11am their time which was 9:30 for me",
        now="2026-05-12T13:00:00+08:00",
        my_tz="Australia/Perth",
    )
    assert got["at"] == "2026-05-12 11:00"
    assert got["tz"] == "Australia/Adelaide"


def test_a_bare_hour_followed_by_a_clock_word_is_a_time() -> None:
    got, _ = read(
        "the phone interview with Orla Foods is 11 dublin time, thats 12 for me, my phone died",
        now="2026-06-15T10:20:00+02:00",
        my_tz="Europe/Paris",
    )
    assert got["at"] == "2026-06-15 11:00"
    assert got["tz"] == "Europe/Dublin"


def test_two_clocks_that_name_different_instants_are_asked_about() -> None:
    got, missing = read(
        "my interview with Orla Foods is at 11 dublin time, the invite says 3pm for me",
        now="2026-06-15T08:00:00+02:00",
        my_tz="Europe/Paris",
    )
    assert "at" not in got
    assert "at" in missing


def test_the_day_the_clocks_changed_is_not_the_interview_day() -> None:
    got, _ = read(
        "the us clocks changed on sunday and ours havent. the zoom with Marlow Legal was 10am "
        "new york time today, i worked it out as 3pm for me but it was actually 2pm",
        now="2026-03-10T15:20:00+00:00",
    )
    assert got["at"] == "2026-03-10 10:00"
    assert got["tz"] == "America/New_York"


def test_a_time_without_a_day_matches_the_other_clock_across_midnight() -> None:
    got, _ = read(
        "I missed my Teams interview with Kauri Water, set for 7:00 this morning Auckland time, "
        "which was in fact 19:00 here.",
        now="2026-07-01T09:00:00+01:00",
    )
    assert got["at"] == "2026-07-01 07:00"
    assert got["tz"] == "Pacific/Auckland"


def test_another_events_time_in_its_own_sentence_is_no_second_start() -> None:
    got, _ = read(
        "My manager called an all-hands meeting at 08:00 that will run long. My Teams interview "
        "with Dunlin Bank is at 11:00 Riyadh time today and I will not be free.",
        now="2026-06-15T08:30:00+01:00",
    )
    assert got["at"] == "2026-06-15 11:00"
    assert got["tz"] == "Asia/Riyadh"


def test_the_day_someone_phoned_is_not_the_interview_day() -> None:
    got, _ = read(
        "bus stuck in traffic, i'll be 30 minutes late to my interview at 10:00 with Tarn "
        "Software. Their HR called me on thursday to confirm.",
        now="2026-06-15T09:20:00+01:00",
    )
    assert got["at"] == "2026-06-15 10:00"


def test_a_title_with_a_full_stop_does_not_split_the_sentence_from_its_day() -> None:
    got, _ = read(
        "I missed yesterday's interview with Dr. Moss of Ferro Labs, scheduled for 15:00 "
        "Zurich time.",
        now="2026-06-16T09:00:00+01:00",
    )
    assert got["at"] == "2026-06-15 15:00"


def test_the_time_now_on_a_named_clock_is_not_a_start() -> None:
    got, _ = read(
        "teams cant find my camera, its 9:03 stockholm time and the interview started at 9",
        now="2026-06-15T10:03:00+03:00",
        my_tz="Europe/Helsinki",
    )
    assert got.get("at") == "2026-06-15 09:00"


def test_this_morning_their_time_is_read_on_their_clock() -> None:
    got, _ = read(
        "i just realised i had a video interview with a company in seoul at 10 this morning "
        "their time and i missed it",
        now="2026-11-18T19:40:00-08:00",
        my_tz="America/Los_Angeles",
    )
    assert got["at"] == "2026-11-19 10:00"
    assert got["tz"] == "Asia/Seoul"


def test_short_weekdays_and_spaced_minutes_are_read() -> None:
    got, _ = read("i have to move my interview with Acme on wed 9am, doctor appointment")
    assert got["at"] == "2026-06-17 09:00"
    got, _ = read(
        "missed my 12 30 interview with Acme, train cancelled", now="2026-06-15T14:00:00+01:00"
    )
    assert got["at"] == "2026-06-15 12:30"


def test_a_start_soon_with_trouble_but_no_cue_word_is_late() -> None:
    got, _ = read("in 20 min I have the call with Acme and my laptop is stuck updating")
    assert got["scenario"] == "late"


def test_coinciding_with_an_operation_is_a_clash() -> None:
    got, _ = read("my knee operation on wednesday coincides with my interview at Acme at 11:30")
    assert got["scenario"] == "conflict"


def test_seeing_the_missed_calls_is_when_you_realised() -> None:
    got, _ = read(
        "I missed yesterday's 14:00 phone interview with Acme; I only saw the missed calls at "
        "19:30.",
        now="2026-06-16T08:30:00+01:00",
    )
    assert got["at"] == "2026-06-15 14:00"
    assert got["realised"] == "2026-06-15T19:30+01:00"


_ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Asia/Tokyo"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(_ZONES),
    st.sampled_from(_ZONES),
    st.integers(min_value=8, max_value=17),
    st.integers(min_value=1, max_value=300),
)
def test_a_start_written_on_both_clocks_always_agrees_with_zoneinfo(
    their: str, mine: str, hour: int, day: int
) -> None:
    """Whatever the pair of zones and the date, a start told on their clock and converted
    to the person's clock is one start, on their clock, at the hour written."""
    start = datetime(2026, 1, 1, hour, 0, tzinfo=ZoneInfo(their)) + timedelta(days=day)
    on_mine = start.astimezone(ZoneInfo(mine))
    city = their.split("/")[-1].replace("_", " ").lower()
    if their == "Asia/Kolkata":
        city = "india"
    text = (
        f"i missed the zoom with Acme on {start.strftime('%d %B')} at {start.strftime('%H:%M')} "
        f"{city} time, which was {on_mine.strftime('%H:%M')} for me"
    )
    now = (start + timedelta(hours=3)).astimezone(UTC).isoformat()
    got, _ = read(text, now=now, my_tz=mine)
    assert got["at"] == start.strftime("%Y-%m-%d %H:%M")
