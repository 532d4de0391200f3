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


def _apology(middle: str) -> str:
    return (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        "I'm so sorry I missed our interview this morning; I misread the time and that is my "
        f"responsibility. {middle} I remain very interested in the role. {TIMES}\n\n"
        "Thank you for your understanding,\nSam Lee\n07700 900123\n"
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


@pytest.mark.parametrize(
    "owned", ["I should of checked the invite.", "i shouldve checked the date twice."]
)
def test_should_have_typed_as_heard_is_ownership(owned: str) -> None:
    text = (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        f"I'm sorry I missed our interview; I got the date wrong. {owned} "
        f"I remain very interested in the role. {TIMES}\n\nThank you,\nSam Lee\n"
    )
    assert "missing-ownership" not in check_text(text, reason="calendar-error").categories


def test_should_without_have_is_no_ownership() -> None:
    text = (
        "Subject: Missed interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        "I'm sorry I missed our interview; I got the date wrong. It should be fine next "
        f"time. I remain very interested in the role. {TIMES}\n\nThank you,\nSam Lee\n"
    )
    assert "missing-ownership" in check_text(text, reason="calendar-error").categories
