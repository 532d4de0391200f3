"""Without --kind/--reason the checker reads the kind and the cause from the draft itself.

Each test names the rule it holds: a follow-up, a confirmation or a request is not an apology
owing an apology and ownership; a cause outside the user's control told in the draft owes no
ownership line, is no excuse, and a late train in it is not blame; saying one cannot make the
slot is a fact, not a demand.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

SIGN = "\n\nThank you,\nPriyanka Rao\n"


def _email(subject: str, body: str) -> str:
    return f"Subject: {subject}\n\nDear Mr Okoro,\n\n{body}{SIGN}"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (
            "Following up – Data Engineer interview, Priyanka Rao",
            "I write further to my message of Monday about a new interview date. I am still "
            "keen on the Data Engineer post; Thursday at 10:00 or Friday at 15:00 (IST) are free.",
        ),
        (
            "Data Engineer interview – Priyanka Rao",
            "A quick follow-up to my note of last week about a new slot. I remain keen on the "
            "Data Engineer role and can do Thursday at 10:00 IST or any time you prefer.",
        ),
        (
            "Data Engineer interview – Priyanka Rao",
            "I am writing to follow up my email of 3 March about rescheduling. I am still very "
            "interested in the post and could meet on Thursday at 10:00 IST.",
        ),
    ],
)
def test_a_follow_up_by_its_own_words_owes_no_apology_or_ownership(subject: str, body: str) -> None:
    report = check_text(_email(subject, body))
    assert report.kind == "follow-up"
    assert not {"missing-apology", "missing-ownership"} & report.categories


def test_a_text_checking_that_an_earlier_message_arrived_is_a_follow_up() -> None:
    text = "hi tom, just checking my msg about a new time got to you - still keen, thanks, priya"
    assert check_text(text).kind == "follow-up"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Lena - confirmed for Wed 4 March, 11:00 CET at your Graz office. "
        "I'll be there ten minutes early. Looking forward to it.",
        "hi lena, thanks for moving it. confirming wed 4 march 11am cet at the graz office. "
        "ill be there early. looking forward to it, priya",
        _email(
            "Confirmation of interview – Priyanka Rao",
            "Thank you for agreeing to a new date. I write to confirm our meeting on Wednesday "
            "4 March at 11:00 (CET) at your Graz office. I look forward to it.",
        ),
    ],
)
def test_a_confirmation_by_its_own_words_owes_no_apology(text: str) -> None:
    report = check_text(text)
    assert report.kind == "confirmation"
    assert "missing-apology" not in report.categories


@pytest.mark.parametrize(
    "cause",
    [
        "I came down with a fever overnight and could not travel.",
        "The ferry across was cancelled because of the storm.",
        "My audio kept cutting out and then Teams crashed.",
        "I was called for jury service that morning.",
        "My daughter was taken to hospital after a fall.",
    ],
)
def test_a_cause_outside_ones_control_told_in_the_draft_owes_no_ownership(cause: str) -> None:
    text = _email(
        "Apology for missing our interview – Priyanka Rao",
        f"I am sorry I missed our interview this morning. {cause} I remain very interested in "
        "the role. Could we meet on Thursday at 10:00 IST or Friday at 15:00 IST?",
    )
    assert "missing-ownership" not in check_text(text).categories


def test_a_weak_cause_beside_an_outside_one_still_owes_ownership() -> None:
    text = _email(
        "Apology for missing our interview – Priyanka Rao",
        "I am sorry I missed our interview this morning. There was a power cut overnight and "
        "my alarm never went off. I remain very interested in the role. Could we meet on "
        "Thursday at 10:00 IST or Friday at 15:00 IST?",
    )
    assert "missing-ownership" in check_text(text).categories


def test_a_train_cancellation_mentioned_in_a_follow_up_is_not_blame() -> None:
    text = (
        "Hi Ola, Priya here - just following up on my message about moving the interview after "
        "the train cancellation. Still keen. Thu 10am or Fri 2pm IST work, or another slot. Thanks"
    )
    assert "blame" not in check_text(text).categories


def test_saying_one_cannot_make_the_slot_is_not_a_demand() -> None:
    text = _email(
        "Request to move Tuesday's interview – Priyanka Rao",
        "Sorry for the short notice, but I have tonsillitis and the doctor says I must rest "
        "until Friday, so I cant come in on Tuesday at 9. I am still keen on the role. Could we "
        "do Friday at 10:00 or Monday at 14:00 IST? Whatever suits you best.",
    )
    assert "demand" not in check_text(text).categories


def test_cannot_make_it_so_you_will_have_to_move_it_is_still_a_demand() -> None:
    text = _email(
        "Tuesday's interview – Priyanka Rao",
        "I cant make Tuesday at 9, so you will have to move it to Friday at 10:00 IST. "
        "I am still keen on the role.",
    )
    assert "demand" in check_text(text).categories


OWNED = "Sorry I missed our interview; I overslept, which is on me. I am keen on the role. "


@pytest.mark.parametrize(
    "order",
    [
        "Put me down for Monday at 10:00 GMT.",
        "So just pencil me in for Thursday at 15:00 GMT.",
        "Book me in at 9:30 GMT on Friday.",
    ],
)
def test_a_bare_order_booking_oneself_in_is_a_demand(order: str) -> None:
    report = check_text(_email("Interview – Priyanka Rao", OWNED + order))
    assert "demand" in report.categories


@pytest.mark.parametrize(
    "ask",
    [
        "Could you put me down for Monday at 10:00 GMT?",
        "Please pencil me in for Thursday at 15:00 GMT if that suits.",
        "You can put me down for either Monday at 10:00 or Tuesday at 11:00 GMT.",
    ],
)
def test_asking_to_be_booked_in_is_not_a_demand(ask: str) -> None:
    report = check_text(_email("Interview – Priyanka Rao", OWNED + ask))
    assert "demand" not in report.categories


def test_a_quoted_reply_subject_with_tbd_is_the_employers_wording_not_a_placeholder() -> None:
    text = _email("Re: Interview time TBD", OWNED + "Could we do Monday at 10:00 GMT?")
    assert "unfilled-placeholder" not in check_text(text).categories


@pytest.mark.parametrize(
    "subject", ["Interview time TBD", "Re: Interview at [TIME]", "Re: Interview with [NAME] TBD"]
)
def test_an_own_subject_or_a_template_shape_in_a_reply_subject_is_still_a_placeholder(
    subject: str,
) -> None:
    text = _email(subject, OWNED + "Could we do Monday at 10:00 GMT?")
    assert "unfilled-placeholder" in check_text(text).categories


@pytest.mark.parametrize(
    "later",
    [
        "I will send over some times later.",
        "I will pass on a few dates once I hear from my manager.",
        "I can share my availability once I know my schedule.",
    ],
)
def test_times_promised_for_later_with_no_when_are_missing_availability(later: str) -> None:
    report = check_text(_email("Missed interview – Priyanka Rao", OWNED + later))
    assert "missing-availability" in report.categories


def test_times_promised_later_today_are_bounded_and_count() -> None:
    text = _email("Missed interview – Priyanka Rao", OWNED + "I will send two times later today.")
    assert "missing-availability" not in check_text(text).categories


def test_asking_whether_they_got_an_earlier_message_is_a_follow_up() -> None:
    text = (
        "Hi Rhys, Priya Rao here about the analyst interview. Just checking you got my message "
        "from Tuesday about a new date. Thu 10am or Fri 3pm IST still work, or whatever suits. "
        "Thanks!"
    )
    report = check_text(text)
    assert report.kind == "follow-up"
    assert "missing-apology" not in report.categories


def test_thanks_for_booking_me_in_is_not_a_demand() -> None:
    text = _email(
        "Request to move interview – Priyanka Rao",
        "Thanks for booking me in for Tuesday. I have come down with flu, so I wanted to ask if "
        "we could move it. Would Thursday at 11:00 or Friday at 14:00 IST work? I am sorry for "
        "the trouble and still keen on the role.",
    )
    assert "demand" not in check_text(text).categories


def test_asking_to_hear_of_a_change_is_a_courtesy_not_begging() -> None:
    text = _email(
        "Confirming Thursday – Priyanka Rao",
        "Confirming Thursday 5 March at 10:00 IST by video. I look forward to it. If anything "
        "changes, please write to me.",
    )
    assert "begging" not in check_text(text).categories
