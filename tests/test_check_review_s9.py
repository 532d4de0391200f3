"""Shapes the ninth session's catalogue entries state, each with the near miss it must not swallow.

- A loose window stays vague though the same sentence defers to them ("free most of the
  second fortnight, and I defer to your convenience"); handing them the choice outright
  ("any time that suits you", "whatever time suits you") is an invitation, not a vague time.
- Availability may be told as the state of one's diary ("my diary is lighter later in
  February"); a diary that was wrong offers no time at all.
- Asking to move the interview ("I need to ask to move our interview") is a request;
  telling them to move it ("I need to ask you to move it to Friday") is still a demand.
- An acronym naming the role ("the COO role") is the role, not an unfilled slot; a
  capitalised slot word ("the NAME role", "at COMPANY") still is one.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

OWNED = "I'm sorry I missed our interview this morning; the mistake was mine."
KEEN = "I remain very interested in the role."
TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _email(body: str) -> str:
    return (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        f"{body}\n\nThank you for your understanding,\nSam Lee\n07700 900123\n"
    )


def _apology(*lines: str) -> set[str]:
    return set(check_text(_email(" ".join(lines)), kind="apology").categories)


def _request(*lines: str) -> set[str]:
    return set(check_text(_email(" ".join(lines)), kind="request").categories)


@pytest.mark.parametrize(
    "line",
    [
        "I should be available at most reasonable hours during the second fortnight of March, "
        "and would defer entirely to your convenience in the matter.",
        "I'm free most of next week, so whatever works at your convenience.",
    ],
)
def test_a_loose_window_stays_vague_beside_a_deference(line: str) -> None:
    assert "vague-time" in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        "I am glad to fit around any time that suits you over the coming days.",
        "I am glad to fit around whatever time suits you over the coming days.",
    ],
)
def test_handing_them_the_choice_is_an_invitation_not_a_vague_time(line: str) -> None:
    found = _apology(OWNED, KEEN, line)
    assert "vague-time" not in found
    assert "missing-availability" not in found


def test_availability_told_as_a_lighter_diary_is_vague() -> None:
    line = "My diary is lighter in the latter part of February, so perhaps some point then."
    assert "vague-time" in _apology(OWNED, KEEN, line)


def test_a_diary_that_was_wrong_offers_no_vague_time() -> None:
    assert "vague-time" not in _apology(OWNED, "My calendar was wrong about the day.", KEEN, TIMES)


def test_asking_to_move_the_interview_is_a_request_not_a_demand() -> None:
    line = "I'm sorry for the inconvenience, but I need to ask to move our interview on Monday."
    assert "demand" not in _request(line, KEEN, TIMES)


def test_asking_them_to_move_it_to_a_set_day_is_still_a_demand() -> None:
    line = "I'm sorry, but I need to ask you to move it to Friday; no other day works."
    assert "demand" in _request(line, KEEN)


def test_an_acronym_naming_the_role_is_not_an_unfilled_slot() -> None:
    keen = "I remain very interested in the COO role at Lindqvist Timber."
    assert "unfilled-placeholder" not in _apology(OWNED, keen, TIMES)


@pytest.mark.parametrize(
    "keen",
    [
        "I remain very interested in the NAME role at Lindqvist Timber.",
        "I remain very interested in the role at COMPANY.",
    ],
)
def test_a_capitalised_slot_word_is_still_unfilled(keen: str) -> None:
    assert "unfilled-placeholder" in _apology(OWNED, keen, TIMES)


def test_thanks_for_moving_fast_sets_nothing_for_them() -> None:
    line = "Thanks for rebooking so quickly."
    body = f"{line} Tuesday at 10:00 GMT works well for me."
    found = set(check_text(_email(body), kind="confirmation").categories)
    assert "demand" not in found


@pytest.mark.parametrize(
    "line",
    [
        "I'm free from mid-March onwards, any time that suits.",
        "I'm free once my exams finish, any time that works.",
        "I'm available towards the end of the month, whichever slot is easiest.",
        "I'll be back from travelling in a few weeks, any time that is convenient then.",
    ],
)
def test_a_loose_window_stays_vague_beside_a_deference_not_said_to_them(line: str) -> None:
    """Only a choice handed to them ("any time that suits you") excuses the sentence: "any
    time that suits" / "whichever slot is easiest" beside a loose window hands over nothing."""
    assert "vague-time" in _apology(OWNED, KEEN, line)


@pytest.mark.parametrize(
    "line",
    [
        "I'm sorry, but I need to ask to move our interview; it will have to be Friday.",
        "I need to ask to reschedule for Friday at 10am, as that is the only time I can do.",
        "I'd like to ask to move it to Friday, and I will see you then.",
        "I need to ask to move our interview to Friday, so please confirm.",
    ],
)
def test_asking_to_move_it_is_still_a_demand_when_the_sentence_then_settles_it(line: str) -> None:
    assert "demand" in _request(line, KEEN)


@pytest.mark.parametrize(
    "keen",
    [
        "I remain very interested in the COO role at COMPANY NAME.",
        "I remain very interested in the COO role, and look forward to meeting RECRUITER NAME.",
    ],
)
def test_an_acronym_role_does_not_excuse_another_slot_in_its_sentence(keen: str) -> None:
    assert "unfilled-placeholder" in _apology(OWNED, keen, TIMES)


@pytest.mark.parametrize(
    "keen",
    [
        "The UX role at Lindqvist Timber is one I remain keen on.",
        "Dear Dana, I remain very interested in the QA role.",
    ],
)
def test_an_acronym_role_opening_or_after_a_greeting_is_not_an_unfilled_slot(keen: str) -> None:
    assert "unfilled-placeholder" not in _apology(OWNED, keen, TIMES)
