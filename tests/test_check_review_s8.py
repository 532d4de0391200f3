"""Near misses of the eighth session's checker rules, found in review: each rule as stated,
with the shape it must not swallow.

- Acknowledging the trouble their side took is not blame, but an acknowledgement that
  goes on to pin the miss on them ("…since your assistant sent the wrong link", "…which
  is why the invitation never arrived") still is.
- Times promised for later are missing availability only when the promise is unbounded:
  "this afternoon", "today", "as soon as I hang up" bound it, wherever they sit.
- "I should of" typed as heard owns the miss; "I should of course add…" owns nothing.
- A mistake placed on my side owns it; a denial ("there was no problem on my end") does not.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _email(body: str) -> str:
    return (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        f"{body}\n\nThank you for your understanding,\nSam Lee\n07700 900123\n"
    )


def _missed(middle: str, reason: str = "timezone-mistake") -> set[str]:
    text = _email(
        f"I'm sorry I missed our interview this morning. {middle} I remain very interested in "
        f"the role. {TIMES}"
    )
    return set(check_text(text, reason=reason).categories)


@pytest.mark.parametrize(
    "line",
    [
        "I understand this is not ideal, since your assistant sent the wrong link.",
        "I am aware your coordinator was busy, which is why the invitation never arrived.",
        "I realise your team is busy, so the wrong time in the invitation is understandable.",
    ],
)
def test_acknowledging_their_side_then_pinning_the_miss_on_it_is_blame(line: str) -> None:
    assert "blame" in _missed(line)


def test_acknowledging_the_trouble_they_took_beside_ownership_stays_clean() -> None:
    line = "I understand how busy your team is, and I am grateful for the trouble they took."
    assert "blame" not in _missed(line)


@pytest.mark.parametrize(
    "bounded",
    [
        "Once I am back at my desk this afternoon I will send you three times.",
        "As soon as I hang up I will email you two times.",
        "I will send times after lunch today.",
    ],
)
def test_times_promised_within_a_bound_anywhere_in_the_sentence_still_count(bounded: str) -> None:
    text = (
        "Hello Dana, this is Sam Lee. I'm sorry I missed our interview this morning; my train "
        f"was cancelled. I'm still very keen on the role. {bounded} Thank you."
    )
    assert "missing-availability" not in check_text(text, kind="script").categories


def test_times_put_off_with_no_bound_are_still_missing_availability() -> None:
    text = (
        "Hello Dana, this is Sam Lee. I'm sorry I missed our interview this morning; my train "
        "was cancelled. I'm still very keen on the role. Once my schedule settles I will send "
        "you three times. Thank you."
    )
    assert "missing-availability" in check_text(text, kind="script").categories


def test_should_of_course_owns_nothing() -> None:
    line = "My alarm did not go off. I should of course mention that I am free all week."
    assert "missing-ownership" in _missed(line, reason="overslept")


def test_should_of_course_have_still_owns_it() -> None:
    line = "My alarm did not go off. I should of course have set a second one."
    assert "missing-ownership" not in _missed(line, reason="overslept")


@pytest.mark.parametrize(
    "denial",
    [
        "There was no problem on my end, as far as I can tell.",
        "The problem is not on my end; I checked my connection.",
        "The issue wasn't on my side.",
    ],
)
def test_denying_a_problem_on_my_side_is_no_ownership(denial: str) -> None:
    assert "missing-ownership" in _missed(denial)


def test_a_mix_up_on_my_part_is_still_ownership() -> None:
    assert "missing-ownership" not in _missed("There was a mix-up on my part with the time zone.")
