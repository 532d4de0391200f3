"""Issue 15, ``realised``: the moment the person found out, as the labelled stories have it —
a time the story gives for it. Told without a word of noticing, the interview out of mind
(or the person asleep) until a time is that moment. "Just realised" with no time gives none,
and neither does a time still ahead or an arrival (writers label an arrival either way).

Every story is written for this file.
"""

from __future__ import annotations

from amends.dates.zones import parse_instant
from amends.intake import read_story

LONDON = ("2026-03-10T13:00:00+00:00", "Europe/London")  # Tuesday 10 March, 13:00


def read(text: str) -> dict[str, str]:
    return read_story(text, parse_instant(LONDON[0]), LONDON[1]).fields


def test_out_of_mind_or_asleep_until_a_time_is_when_it_was_realised() -> None:
    got = read("had a migraine and was asleep until 12:30, missed my 11am interview at Orbis")
    assert got["realised"] == "2026-03-10T12:30+00:00"
    got = read("the 11am interview at Orbis went clean out of my head until 12.15, so sorry")
    assert got["realised"] == "2026-03-10T12:15+00:00"
    got = read("missed the 11am with Orbis, i didnt realise till i checked my phone at 12:40")
    assert got["realised"] == "2026-03-10T12:40+00:00"


def test_a_noticing_with_no_time_gives_no_realised_time() -> None:
    for story in (
        "just realised I missed my 11am interview with Orbis, overslept",
        "only noticed now that the interview with Orbis was at 11am, i thought it was tomorrow",
    ):
        assert "realised" not in read(story), story


def test_a_time_ahead_or_an_arrival_that_was_still_seen_is_no_realised_time() -> None:
    for story in (
        "my interview at Orbis was at 11 and the tube was stuck, I'll get there at 11:40",
        "I got to Orbis at 11:40 for my 11am interview, they still saw me",
        "the 11am interview at Orbis is out of my head until 14:00 today, i have a shift",
    ):
        assert "realised" not in read(story), story


def test_an_arrival_after_the_start_that_found_them_gone_is_when_the_miss_was_seen() -> None:
    # Sets 10 and 11's convention (tests/heldout/README.md): reaching the place once the slot
    # had begun, and finding it over, is the moment the person saw the miss.
    story = (
        "missed the 11am interview at Orbis, the bus broke down, got there at 11:50 and they had"
        " left"
    )
    assert read(story).get("realised", "").startswith("2026-03-10T11:50"), read(story)
