"""Review 7 of the draft checker: each test names the rule it holds.

A miss told in the body makes an apology whatever a quoted subject or a passing
"follow-up call" says; an outside cause is the user's own situation; a demand stays
a demand behind a polite clause; an invitation to propose a time offers availability.
"""

from __future__ import annotations

import pytest

from amends.check import check_text
from amends.plan.result import Message

SIGN = "\n\nKind regards,\nTomasz Weber\n"


def _email(subject: str, body: str) -> str:
    return f"Subject: {subject}\n\nDear Ms Adeyemi,\n\n{body}{SIGN}"


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Re: Confirmation of your interview", "I apologise for missing our interview at noon."),
        ("Re: Interview confirmed - Friday", "I'm so sorry I missed the interview on Friday."),
        ("Re: Follow-up interview on Monday", "I missed the follow-up interview this morning."),
        ("Interview", "I'm sorry I missed the call we had confirmed for Friday at 14:00."),
        ("Interview", "Sorry I missed our call today. I'd welcome a quick follow-up chat."),
        ("Interview", "I hope you got my message with my references. I missed our call today."),
    ],
)
def test_a_miss_told_in_the_body_outranks_a_quoted_subject_or_a_passing_follow_up(
    subject: str, body: str
) -> None:
    report = check_text(_email(subject, body))
    assert report.kind == "apology"
    assert "missing-availability" in report.categories


def test_a_quoted_confirmation_subject_without_a_miss_is_still_a_confirmation() -> None:
    text = _email("Re: Interview confirmed", "Thank you, I will be there at 10:00 on Friday.")
    assert check_text(text).kind == "confirmation"


@pytest.mark.parametrize(
    ("place", "cause"),
    [
        # the hospital is the employer, the user was at the gym
        ("at St Mary's Hospital", "I was at the gym and never looked at my phone."),
        ("", "I was at the gym and by accident left my phone in the locker."),
        ("", "I was snowed under with deadlines and lost the afternoon."),
    ],
)
def test_an_outside_cause_is_the_users_own_situation_not_a_bare_noun(
    place: str, cause: str
) -> None:
    text = _email(
        "Missed interview",
        f"I am sorry I missed my interview {place} this morning. {cause} I am still keen on "
        "the post. Could we meet on Monday at 10:00 BST or Tuesday at 15:00 BST?",
    )
    assert "missing-ownership" in check_text(text).categories


def test_a_forgotten_detail_is_not_the_weak_cause_of_the_miss() -> None:
    text = _email(
        "Missed interview this morning",
        "I am sorry I missed our interview this morning. The bus I was on broke down on the "
        "bypass and my phone had no battery. I forgot to say in my form that I can start in "
        "July. I am still keen. Could we meet on Monday at 10:00 BST or Tuesday at 15:00 BST?",
    )
    assert "missing-ownership" not in check_text(text).categories


def test_cannot_make_it_so_the_interview_will_have_to_be_later_is_still_a_demand() -> None:
    text = _email(
        "Tuesday",
        "Sorry for the short notice. I can't make Tuesday at 10:00 BST, so the interview will "
        "have to be on Wednesday at 16:00 BST.",
    )
    assert "demand" in check_text(text).categories


def test_a_plea_with_if_anything_changes_is_still_begging() -> None:
    text = _email(
        "Missed interview",
        "I missed our interview today and that is on me. I beg you, if anything changes please "
        "give me one more chance, I desperately need this role.",
    )
    assert "begging" in check_text(text).categories


def test_let_me_know_if_anything_changes_is_a_courtesy_not_begging() -> None:
    text = _email(
        "Interview on Monday",
        "Thank you for the new slot on Monday at 10:00 BST. Please let me know if anything "
        "changes. I look forward to meeting you.",
    )
    assert "begging" not in check_text(text).categories


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for sending three new times. Please put me down for the Thursday 11:00 BST "
        "slot you suggested. I look forward to meeting the panel.",
        "I missed our call today and I own that. I am still keen on the post. Book me in at "
        "whichever time works best for the panel.",
    ],
)
def test_booking_their_own_offer_or_leaving_the_time_to_them_is_not_a_demand(body: str) -> None:
    assert "demand" not in check_text(_email("New interview time", body)).categories


def test_picking_one_of_their_new_times_is_a_confirmation_owing_no_apology() -> None:
    text = _email(
        "New interview time",
        "Thank you for sending three new times. Please put me down for the Thursday 11:00 BST "
        "slot you suggested. I look forward to meeting the panel.",
    )
    report = check_text(text)
    assert report.kind == "confirmation"
    assert "missing-apology" not in report.categories


def test_a_bare_booking_order_is_still_a_demand() -> None:
    text = _email(
        "Missed interview",
        "I missed our call today and I own that. Put me down for Thursday at 11:00 BST.",
    )
    assert "demand" in check_text(text).categories


@pytest.mark.parametrize(
    "offer",
    [
        "I will email a few times later, or you could simply propose a date that suits you.",
        "I will email you some times later on today.",
        "I can send a few options later this afternoon.",
    ],
)
def test_an_invitation_or_a_bounded_later_offers_availability(offer: str) -> None:
    text = _email(
        "Missed interview",
        f"I am sorry I missed our interview today; it was my error. I am still keen. {offer}",
    )
    assert "missing-availability" not in check_text(text).categories


def test_times_promised_for_some_unbounded_later_still_lack_availability() -> None:
    text = _email(
        "Missed interview",
        "I am sorry I missed our interview today; it was my error. I am still keen. I will "
        "email a few times later.",
    )
    assert "missing-availability" in check_text(text).categories


@pytest.mark.parametrize(
    "subject",
    ["Re: Panel interview TBC?", "Fwd: Final round - slot TBD (100% on site)"],
)
def test_a_quoted_subject_naming_tbd_with_punctuation_is_not_a_placeholder(subject: str) -> None:
    text = _email(subject, "Thank you. I can do Monday at 10:00 BST or Tuesday at 15:00 BST.")
    assert "unfilled-placeholder" not in check_text(text).categories


def test_a_template_shape_in_a_quoted_tbd_subject_is_still_a_placeholder() -> None:
    text = _email("Re: Interview TBD - %ROLE%", "Thank you. I can do Monday at 10:00 BST.")
    assert "unfilled-placeholder" in check_text(text).categories


def test_a_messages_json_speaking_time_is_the_property_itself() -> None:
    said = Message(kind="voicemail", body=" ".join(["word"] * 75))
    written = Message(kind="email", body="Dear Ms Adeyemi, thank you.", subject="Interview")
    assert said.to_json()["speaking_seconds"] == said.speaking_seconds == 30
    assert written.to_json()["speaking_seconds"] is None is written.speaking_seconds


def test_tbd_standing_where_the_day_should_be_is_a_placeholder() -> None:
    text = _email("Missed call", "Sorry I missed our call. I can do TBC at 14:00 BST if it suits.")
    assert "unfilled-placeholder" in check_text(text).categories
