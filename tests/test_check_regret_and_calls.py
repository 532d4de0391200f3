"""Two shapes stated as rules (eighth session), each with the near misses that stay clean.

- A plain feeling of regret in an apology ("I feel awful about it") is regret,
  not drama; dwelling on one's own state ("absolutely terrible", in a state all
  morning, sick to my stomach) is.
- A call that says the person was due to be there and was not ("I was meant to
  be with you at 10 this morning, and I'm sorry I wasn't") is about a miss, so it
  owes the line a call after a miss owes; a call that is due and still coming is not.
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


def _apology(middle: str) -> str:
    return _email(
        "I'm so sorry I missed our interview this morning; I misread the time and that is my "
        f"responsibility. {middle} I remain very interested in the role. {TIMES}"
    )


@pytest.mark.parametrize(
    "regret",
    [
        "I feel awful about it, honestly.",
        "i feel terrible for wasting your morning.",
        "Sorry again, I feel dreadful that you were kept waiting.",
    ],
)
def test_a_plain_feeling_of_regret_beside_an_apology_is_not_drama(regret: str) -> None:
    assert "emotional" not in check_text(_apology(regret), reason="forgot").categories


@pytest.mark.parametrize(
    "state",
    [
        "I feel absolutely terrible about it.",
        "I feel sick to my stomach and have been crying all morning.",
        "I feel like a complete failure.",
    ],
)
def test_dwelling_on_ones_own_state_is_still_drama(state: str) -> None:
    assert "emotional" in check_text(_apology(state), reason="forgot").categories


def test_a_call_saying_you_were_due_and_were_not_there_owes_ownership_for_a_weak_reason() -> None:
    text = (
        "Hi Jo, it's Sam Lee. I was meant to be with you at 10 this morning for the analyst "
        "interview, and I'm sorry I wasn't. I'm still very keen on the role. I'll email two "
        "times within the hour. Thanks very much."
    )
    assert "missing-ownership" in check_text(text, kind="script", reason="forgot").categories


def test_a_call_before_an_interview_still_ahead_owes_no_ownership_line() -> None:
    text = (
        "Hi Jo, it's Sam Lee. I'm meant to be with you at 10 this morning for the analyst "
        "interview and I'm on my way, about ten minutes out. Sorry for the short notice, "
        "and thanks very much."
    )
    assert "missing-ownership" not in check_text(text, kind="script", reason="forgot").categories


@pytest.mark.parametrize("owned", ["I should of set two alarms.", "i shouldve set a second alarm."])
def test_should_have_typed_as_heard_is_ownership(owned: str) -> None:
    text = _email(
        f"I'm sorry I missed our interview; my alarm did not go off. {owned} "
        f"I remain very interested in the role. {TIMES}"
    )
    assert "missing-ownership" not in check_text(text, reason="overslept").categories


def test_something_else_that_should_have_happened_is_no_ownership() -> None:
    text = _email(
        "I'm sorry I missed our interview. My alarm should of gone off at seven. "
        f"I remain very interested in the role. {TIMES}"
    )
    assert "missing-ownership" in check_text(text, reason="overslept").categories


@pytest.mark.parametrize(
    "deferral",
    [
        "I will revert with my availability once the project plan is final.",
        "After my recovery I will write to you with the dates.",
        "I'm hoping we can reschedule at some point.",
        "My assistant will be in touch at some point to arrange another date.",
        "I will come back to you with new times once my schedule is clearer.",
    ],
)
def test_times_put_off_until_something_happens_are_missing_availability(deferral: str) -> None:
    text = _email(
        "I'm sorry I missed our interview; my train was cancelled. I remain very interested "
        f"in the role. {deferral}"
    )
    found = check_text(text, reason="transit").categories
    assert "missing-availability" in found
    assert "vague-time" not in found


@pytest.mark.parametrize(
    "bounded",
    [
        "I will email two times after this call.",
        "I'll send my availability later today.",
    ],
)
def test_times_promised_within_a_bound_still_count(bounded: str) -> None:
    text = (
        "Hello Dana, this is Sam Lee. I'm sorry I missed our interview this morning; my train "
        f"was cancelled. I'm still very keen on the role. {bounded} Thank you."
    )
    assert "missing-availability" not in check_text(text, kind="script").categories


def _missed(middle: str, reason: str = "timezone-mistake", kind: str | None = None) -> set[str]:
    text = _email(
        f"I'm sorry I missed our interview this morning. {middle} I remain very interested in "
        f"the role. {TIMES}"
    )
    return set(check_text(text, reason=reason, kind=kind).categories)  # type: ignore[arg-type]


def test_acknowledging_the_trouble_their_side_took_is_not_blame() -> None:
    line = "I appreciate this is not ideal, as your team has already coordinated the diaries."
    assert "blame" not in _missed(line, reason="conflict", kind="request")


def test_acknowledging_their_side_then_turning_on_it_is_blame() -> None:
    assert "blame" in _missed("I appreciate your team is busy, but the link you sent was broken.")


@pytest.mark.parametrize(
    "owned",
    [
        "The time zone mix-up was on my side.",
        "That was a misjudgement on my part.",
        "The mistake was entirely on my end, and I now check both zones.",
    ],
)
def test_a_mistake_placed_on_my_side_is_ownership(owned: str) -> None:
    assert "missing-ownership" not in _missed(owned)


def test_on_my_side_as_a_place_owns_nothing() -> None:
    line = (
        "The invitation gave no zone, and your scheduling tool made the mix-up more or less "
        "inevitable on my side."
    )
    found = _missed(line)
    assert "blame" in found
    assert "missing-ownership" in found
