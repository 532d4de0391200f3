"""Shapes eng13g's catalogue entries and decisions state, each with the near miss it spares.

- A call that promises the times by e-mail offers availability however the promise is worded
  ("two or three new times within the hour", "within the hour with a couple of times",
  "some times straight after this"); a call-back request alone offers none.
- The missed interview's own time, written as a label ("Ruby here, 3pm interview for the porter
  job", "the delivery driver interview at 9 this morning"), is referred to, not offered.
- Asking for a reply in their own time ("glad to hear from you at your convenience") is neither
  an invitation to propose a time nor vague availability.
- Vague availability in more shapes: a diary open "over the coming weeks", "from the 16th
  onward", a gap they are to find; "whatever time suits you over the coming days" still hands
  them the choice.
- One's own availability stated plainly is not a demand; with a deadline it still is. A reply
  by a date asked conditionally for one's own arrangements is a courtesy.
- Blame that shares the fault out or asks a rhetorical question at their arrangements is blame;
  naming their link while confirming is not.
- Template slots in more shapes (marked up, an ellipsis, title-case slot words, "##:##"); a real
  time made bold is not one. "Rehab" in an employer's name is not private detail.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

OWNED = "I'm sorry I missed our interview this morning; the mistake was mine."
KEEN = "I remain very interested in the role."
TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _email(body: str, subject: str = "Missed interview – Sam Lee, Analyst") -> str:
    return (
        f"Subject: {subject}\n\nDear Dana,\n\n"
        f"{body}\n\nThank you for your understanding,\nSam Lee\n07700 900123\n"
    )


def _found(text: str, kind: str, reason: str | None = None) -> set[str]:
    return set(check_text(text, kind=kind, reason=reason).categories)


@pytest.mark.parametrize(
    "promise",
    [
        "I'm still very interested and will email you two or three new times within the hour.",
        "I'm still very keen. I'll email you within the hour with a couple of times.",
        "I'm still keen – I'll email you some times straight after this.",
    ],
)
def test_a_call_promising_times_by_email_offers_availability(promise: str) -> None:
    call = (
        "Hi, this is Sam Lee about this morning's interview. I'm sorry I missed it. "
        f"{promise} Thanks."
    )
    assert "missing-availability" not in _found(call, "script", "illness")


@pytest.mark.parametrize(
    "opening",
    [
        "Hi this is Ruby Ellison, 3pm interview for the kitchen porter job.",
        "hi its Aaron calling for Ms Cortez about the delivery driver interview at 9 this morning.",
    ],
)
def test_the_missed_interviews_own_time_is_not_an_offer(opening: str) -> None:
    call = (
        f"{opening} Sorry, my bus broke down and I missed it. I still really want the job. "
        "Please call me back on 07411 238 905 to rearrange. Thanks"
    )
    assert "missing-availability" in _found(call, "script", "transit")


def test_a_reply_asked_for_at_their_convenience_offers_no_time() -> None:
    body = (
        "I write further to my letter of last Monday concerning our postponed interview. "
        f"{KEEN}\n\nI should be glad to hear from you at your convenience."
    )
    found = _found(_email(body, "Following up – Sam Lee, Analyst"), "follow-up", "illness")
    assert "missing-availability" in found
    assert "vague-time" not in found


@pytest.mark.parametrize(
    "line",
    [
        "My diary is reasonably elastic over the coming weeks, so land on whatever suits.",
        "My calendar from the 16th onward is a blank page, so pick whatever day your team likes.",
        "I will happily slot in wherever there's a gap in your diary before Christmas.",
    ],
)
def test_open_ended_availability_is_vague(line: str) -> None:
    assert "vague-time" in _found(_email(f"{OWNED} {KEEN} {line}"), "apology")


def test_handing_them_the_choice_over_the_coming_days_is_not_vague() -> None:
    line = "I am glad to fit around whatever time suits you over the coming days."
    assert "vague-time" not in _found(_email(f"{OWNED} {KEEN} {line}"), "apology")


def test_a_time_one_will_not_reach_leaves_loose_availability_vague() -> None:
    text = (
        "Hey Fatima, Jordan here. Really sorry, the line is suspended and no way Ill make 2pm. "
        "Can we sort another day? Im around most of next week, whenever you fancy. Thanks"
    )
    assert "vague-time" in _found(text, "apology", "transit")


def test_own_availability_stated_plainly_is_not_a_demand() -> None:
    line = "I am available Wednesday, Thursday or Friday next week, between 9:00 and 12:00 CET."
    body = f"{OWNED} {KEEN} {line} Please tell me which time is best for you."
    assert "demand" not in _found(_email(body), "apology")


def test_own_availability_with_a_deadline_is_still_a_demand() -> None:
    line = "I can do Thursday at 10:00 GMT, and I need a new slot by end of day tomorrow please."
    assert "demand" in _found(_email(f"{OWNED} {KEEN} {line}"), "apology")


def test_a_reply_date_asked_for_ones_own_arrangements_is_a_courtesy() -> None:
    line = (
        "Could we meet on Monday at 09:30 or Wednesday at 13:00 (UK time)? If you could let me "
        "know by Friday which suits, I can book the time off with my current clinic."
    )
    body = f"I'm sorry to ask, but I have a hospital appointment that morning. {KEEN} {line}"
    assert "demand" not in _found(_email(body, "Request to move – Sam Lee"), "request", "medical")


@pytest.mark.parametrize(
    "line",
    [
        "I had the time wrong and I own that, but I don't think the mix-up started with me.",
        "My bus was held, and how was anyone meant to find Suite 400 with no sign for you?",
        "I was given the 19th; it may be worth checking what is being passed on to candidates.",
    ],
)
def test_fault_shared_out_or_pointed_at_their_arrangements_is_blame(line: str) -> None:
    assert "blame" in _found(
        _email(f"Sorry I missed our interview. {line} {KEEN} {TIMES}"), "apology"
    )


def test_naming_their_link_while_confirming_is_not_blame() -> None:
    body = (
        "Thank you for rescheduling. I'm confirming our interview on Thursday, October 8 at "
        "10:00 AM Eastern on Zoom, using the link you sent. I'll join a few minutes early."
    )
    assert "blame" not in _found(
        _email(body, "Confirming Thursday's interview – Sam Lee"), "confirmation"
    )


@pytest.mark.parametrize(
    "slot",
    [
        "or ~~second time~~?",
        "or **second option**?",
        "or on ... at ...?",
        "or Wednesday at ##:## GMT?",
    ],
)
def test_a_marked_up_or_elided_slot_is_a_placeholder(slot: str) -> None:
    line = f"Could we meet on Tuesday at 10:00 GMT {slot}"
    assert "unfilled-placeholder" in _found(_email(f"{OWNED} {KEEN} {line}"), "apology")


@pytest.mark.parametrize(
    "line",
    ["Could we meet on Day, Date at Time?", "Could we meet on DAY2 at TIME2?", "Best, Your Name"],
)
def test_template_slot_words_are_a_placeholder(line: str) -> None:
    assert "unfilled-placeholder" in _found(_email(f"{OWNED} {KEEN} {TIMES} {line}"), "apology")


def test_a_real_time_made_bold_is_not_a_placeholder() -> None:
    line = "Could we meet on **Tuesday at 10:00 GMT**? The QA team and the COO role interest me."
    assert "unfilled-placeholder" not in _found(_email(f"{OWNED} {KEEN} {line}"), "apology")


def test_rehab_in_an_employers_name_is_not_private_detail() -> None:
    body = (
        "I apologize for the inconvenience, but I have been given a surgery date that falls on our "
        "interview. I'm still very interested in the assistant position at Cedar Valley Rehab. "
        "I could do April 14 at 10:00 a.m. Central, or another time that suits you."
    )
    assert "overshare" not in _found(
        _email(body, "Request to move – Sam Lee"), "request", "medical"
    )
