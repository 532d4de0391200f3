"""Decisions stated as rules, each checked on the project's own wording.

A deferral is not availability, a placeholder is a placeholder in any bracket
or token shape, pleading for another chance is begging (not a demand), plain
regret is not drama, and a hearing attended as a witness is a clash, not
private detail.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"
SIGNATURE = "Thank you for your understanding,\nSam Lee\n07700 900123\n"


def _email(body: str, subject: str = "Missed interview – Sam Lee, Analyst") -> str:
    return f"Subject: {subject}\n\nDear Dana,\n\n{body}\n\n{SIGNATURE}"


def _apology(middle: str) -> str:
    return _email(
        "I'm sorry I missed our interview this morning; my bus broke down on the ring road. "
        f"I remain very interested in the role. {middle}"
    )


@pytest.mark.parametrize(
    "deferral",
    [
        "We could discuss a fresh date later on.",
        "I will be in touch about rebooking once my recovery is done.",
        "I'll contact you again when the dust has settled.",
        "Maybe we can sort out another slot at a later stage.",
        "Please let me know if you would be willing to offer me a second chance.",
    ],
)
def test_a_deferral_or_a_whether_question_is_missing_availability(deferral: str) -> None:
    assert "missing-availability" in check_text(_apology(deferral), reason="transit").categories


def test_an_invitation_beside_a_deferral_still_offers_availability() -> None:
    text = _apology("If it helps, I can talk later today at whatever time suits you.")
    assert "missing-availability" not in check_text(text, reason="transit").categories


def test_the_interview_a_request_gives_up_is_not_a_time_offered() -> None:
    text = _email(
        "I apologise for the inconvenience: I won't be able to attend the interview on "
        "Monday at 09:30 because of a hospital appointment. I am still keen on the role."
    )
    assert "missing-availability" in check_text(text, kind="request", reason="medical").categories


@pytest.mark.parametrize(
    "slot",
    [
        "Could we meet on (insert two times)?",
        "Could we meet on [add date here]?",
        "Could we meet on Tuesday at ?? GMT?",
        "Could we meet on Tuesday at xx:xx GMT?",
        "Could we meet on Tuesday, time TBC?",
        "Could we meet on [   ] at 10:00 GMT?",
        "I am still keen on the $JOB_TITLE post. " + TIMES,
    ],
)
def test_a_template_slot_of_any_shape_is_a_placeholder(slot: str) -> None:
    found = check_text(_apology(slot), reason="transit")
    assert "unfilled-placeholder" in found.categories
    assert not found.passed


def test_a_question_mark_pair_ending_a_question_is_not_a_placeholder() -> None:
    found = check_text(_apology(f"Would either of these suit?? {TIMES}"), reason="transit")
    assert "unfilled-placeholder" not in found.categories


@pytest.mark.parametrize(
    "plea",
    [
        "I am asking you to find it in your heart to give me one more interview.",
        "My children are depending on me getting this post.",
        "I have been praying every day for this job.",
    ],
)
def test_appeals_to_the_heart_or_the_familys_need_are_begging(plea: str) -> None:
    found = check_text(_apology(f"{plea} {TIMES}"), reason="transit").categories
    assert "begging" in found
    assert "demand" not in found


def test_plain_regret_beside_an_apology_is_not_drama() -> None:
    text = _apology(f"I feel very bad about the inconvenience. {TIMES}")
    assert "emotional" not in check_text(text, reason="transit").categories


@pytest.mark.parametrize(
    "state",
    [
        "I have scarcely slept since, and I was completely overcome all evening.",
        "Honestly I have been in pieces about it all day.",
    ],
)
def test_being_overcome_or_sleepless_is_emotional(state: str) -> None:
    assert "emotional" in check_text(_apology(f"{state} {TIMES}"), reason="transit").categories


def test_a_hearing_attended_as_a_witness_is_a_clash_not_overshare() -> None:
    text = _email(
        "I am sorry for the inconvenience: I have been called to a court hearing as a witness "
        f"on the morning of our interview. I remain very interested in the role. {TIMES}"
    )
    assert "overshare" not in check_text(text, kind="request", reason="conflict").categories


def test_a_long_line_putting_the_miss_on_their_side_is_blame_even_for_an_outside_cause() -> None:
    text = _email(
        "I'm sorry I missed our interview; my son had a fall and I went with him to hospital. "
        "I rang your number again and again from the waiting room but nobody answered, so in "
        "the end it was your end that made it impossible to let anyone know in time. "
        f"I remain very interested in the role. {TIMES}"
    )
    assert "blame" in check_text(text, reason="family-emergency").categories


@pytest.mark.parametrize("reason", ["conflict", "personal", "transit"])
def test_only_a_weak_reason_is_owed_an_ownership_line(reason: str) -> None:
    text = _email(
        "I'm sorry I could not be there this afternoon: something came up I could not leave. "
        f"I remain very interested in the role. {TIMES}"
    )
    assert "missing-ownership" not in check_text(text, reason=reason).categories
    assert "missing-ownership" in check_text(text, reason="forgot").categories


def test_open_availability_beside_a_concrete_time_is_flexibility_not_vague() -> None:
    text = _apology(f"{TIMES} Failing that, I am around most afternoons next week.")
    assert "vague-time" not in check_text(text, reason="transit").categories


def test_open_availability_alone_is_vague() -> None:
    text = _apology("I am around most afternoons next week.")
    assert "vague-time" in check_text(text, reason="transit").categories


def test_a_journeys_own_timetable_needs_no_zone() -> None:
    text = _apology(f"My coach gets in at 18:20 tonight, so I am free from tomorrow. {TIMES}")
    assert "missing-timezone" not in check_text(text, reason="transit").categories


def test_a_time_offered_after_a_journey_still_needs_a_zone() -> None:
    text = _apology("My coach gets in at 18:20 tonight, so I could meet tomorrow at 10:00.")
    assert "missing-timezone" in check_text(text, reason="transit").categories


def test_a_call_that_can_still_join_now_owes_no_pitch() -> None:
    text = (
        "Hello, this is Sam Lee, I missed the start of your video call at ten: my laptop froze "
        "and I could not get back in. I can join right now by phone, or tomorrow at 14:00 CET. "
        "Sorry for the trouble, and thank you."
    )
    found = check_text(text, kind="script", reason="technical").categories
    assert "missing-interest" not in found


def test_a_call_after_the_miss_still_says_you_want_the_role() -> None:
    text = (
        "Hello, this is Sam Lee, I missed your video call at ten this morning. My laptop "
        "froze and I could not get back in. Could we try tomorrow at 14:00 CET? "
        "Sorry for the trouble, and thank you."
    )
    assert "missing-interest" in check_text(text, kind="script", reason="technical").categories


@pytest.mark.parametrize(
    "line",
    [
        "Great, I'll be there on Thursday at 11:00 GMT, see you then!",
        "I'll dial in at 09:30 GMT on Friday as you proposed; please send me the link beforehand.",
        "As arranged, I'll come in on Monday at 2pm GMT and I'll ask the front desk for you.",
    ],
)
def test_confirming_a_time_they_set_is_not_booking_it_for_them(line: str) -> None:
    assert "demand" not in check_text(_email(line), kind="confirmation").categories
    assert "demand" not in check_text(_apology(line), reason="transit").categories


@pytest.mark.parametrize(
    "line",
    [
        "I'll come in on Friday at 3pm GMT instead, so tell the manager to expect me.",
        "I'll pop in on Friday at 3pm GMT instead, so please let the front desk know.",
    ],
)
def test_announcing_a_time_and_ordering_them_to_arrange_it_is_still_a_demand(line: str) -> None:
    assert "demand" in check_text(_apology(line), reason="transit").categories


@pytest.mark.parametrize(
    "line",
    [
        'Your message "Second interview TBC" reached me after the call.',
        "I only saw \u201cPanel TBA\u201d in the invitation this evening.",
    ],
)
def test_a_quoted_or_passing_tbd_is_not_a_placeholder(line: str) -> None:
    assert "unfilled-placeholder" not in check_text(_apology(f"{line} {TIMES}")).categories


def test_a_quoted_subject_with_tbd_is_not_a_placeholder() -> None:
    text = _email(f"Thank you for your reply. {TIMES}", subject="Re: Second interview TBC")
    assert "unfilled-placeholder" not in check_text(text, kind="follow-up").categories


@pytest.mark.parametrize("slot", ["Could we meet on Friday at TBD?", "New time: TBC"])
def test_a_tbd_where_the_time_goes_is_a_placeholder(slot: str) -> None:
    assert "unfilled-placeholder" in check_text(_apology(slot)).categories


@pytest.mark.parametrize(
    "line",
    [
        "I was held up at St Mercy's clinic with my father.",
        "My whole family relies on the 6:40 train into town.",
        "I pray the new time works for your panel.",
    ],
)
def test_a_hospital_a_bus_or_a_polite_hope_is_not_begging(line: str) -> None:
    assert "begging" not in check_text(_apology(f"{line} {TIMES}"), reason="transit").categories


def test_asking_for_mercy_or_the_familys_need_of_the_pay_is_begging() -> None:
    for plea in ["Please show me some mercy.", "My kids are relying on me getting this income."]:
        assert "begging" in check_text(_apology(f"{plea} {TIMES}"), reason="transit").categories


@pytest.mark.parametrize(
    "line",
    [
        "I look forward to shaking hands with the panel.",
        "To overcome the problem, I now keep two alarms.",
        "I have not slept on the decision yet, but I am keen.",
    ],
)
def test_words_about_hands_problems_or_decisions_are_not_drama(line: str) -> None:
    assert "emotional" not in check_text(_apology(f"{line} {TIMES}"), reason="transit").categories


@pytest.mark.parametrize("state", ["I am still shaking.", "I have not slept a wink since."])
def test_the_writers_own_shaking_or_sleeplessness_is_drama(state: str) -> None:
    assert "emotional" in check_text(_apology(f"{state} {TIMES}"), reason="transit").categories


def test_a_time_after_a_landing_and_a_new_clause_still_needs_a_zone() -> None:
    text = _apology("My plane landed at 15:10 and I would be free to talk at 17:00.")
    assert "missing-timezone" in check_text(text, reason="transit").categories


def test_an_arrival_time_needs_no_zone() -> None:
    text = _apology(f"My coach arrived at 15:10, far too late. {TIMES}")
    assert "missing-timezone" not in check_text(text, reason="transit").categories


@pytest.mark.parametrize(
    "line",
    [
        "I'm so sorry, my daughter has a temperature and I have to stay with her, so I can't "
        "make our 3pm GMT call today.",
        "I'll ring you at 10:00 GMT on Wednesday as agreed.",
    ],
)
def test_a_duty_at_home_or_a_call_as_agreed_is_not_a_demand(line: str) -> None:
    text = _email(f"{line} I remain very interested in the role. {TIMES}")
    assert "demand" not in check_text(text, kind="request", reason="family-emergency").categories


def test_a_strike_that_stopped_the_journey_is_a_cause_not_blame() -> None:
    text = _email(
        "I'm sorry I missed our interview: the bus strike made it impossible to get to the "
        f"office in time. I remain very interested in the role. {TIMES}"
    )
    assert "blame" not in check_text(text, reason="transit").categories
