"""An error needs more than one misread clause: what a sentence does as a whole decides.

Also the context rules that keep good drafts quiet: an apology in the subject line,
a role named in brackets, "my time" as a phrase, follow-ups that chase a new date.
"""

from __future__ import annotations

import pytest

from amends.check import check_text
from amends.check.draft import parse_draft
from amends.check.evidence import corroborated
from amends.check.rules import catalogue
from amends.check.scan import Hit, Scan

TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"


def _apology(middle: str, times: str = TIMES, subject: str = "Apology – Sam Lee, Analyst") -> str:
    return (
        f"Subject: {subject}\n\n"
        "Dear Dana,\n\n"
        f"I'm sorry I missed our interview this morning; that was my responsibility. {middle}\n\n"
        f"I remain very interested in the role. {times}\n\n"
        "Thank you for your understanding,\nSam Lee\n"
    )


@pytest.mark.parametrize(
    "invitation",
    [
        "If another day suits you better, please tell me and I will adapt.",
        "If you would rather pick a different time, please just let me know.",
    ],
)
def test_an_invitation_with_please_is_not_pleading(invitation: str) -> None:
    report = check_text(_apology(invitation))
    assert "begging" not in report.categories, [(f.rule, f.excerpt) for f in report.findings]


@pytest.mark.parametrize(
    "question",
    [
        "Can we do wednesday at 9 or thursday at 4 instead?",
        "Please, could we try Monday at 11 or Tuesday at 3, UK time?",
    ],
)
def test_a_question_offering_times_is_not_a_demand(question: str) -> None:
    report = check_text(_apology("", times=question))
    assert "demand" not in report.categories, [(f.rule, f.excerpt) for f in report.findings]


def test_a_deadline_set_for_them_is_still_a_demand() -> None:
    text = _apology("", times="I will need a confirmed slot from your side by 5pm tomorrow.")
    assert "demand" in check_text(text).categories


def test_blame_the_classifier_alone_finds_must_point_at_something() -> None:
    text = _apology(
        "I had everything ready and then simply sat and waited. "
        "To be fair, the invite your coordinator sent had the wrong day on it."
    )
    scan = Scan(draft=parse_draft(text), kind="apology")
    cat = catalogue()
    rule = cat.rule("blame-sentence")
    story, pointed = scan.body_sentences[2], scan.body_sentences[3]
    hits = [Hit(rule, *story), Hit(rule, *pointed)]
    assert corroborated(scan, rule, hits, cat) == [Hit(rule, *pointed)]


def test_pointing_at_their_side_is_still_blame() -> None:
    text = _apology("To be fair, the invite your coordinator sent had the wrong day on it.")
    assert "blame" in check_text(text).categories


def test_an_apology_in_the_subject_line_counts() -> None:
    text = (
        "Subject: Apologies, Elaine – Chief People Officer conversation\n\n"
        "Dear Elaine,\n\n"
        "I missed our 10:00 this morning because I let a diary error go unchecked. That is my "
        "responsibility.\n\nI remain very interested in the role. I can speak on Thursday 21 "
        "May at 10:00 or Friday 22 May at 15:00 (UK time).\n\n"
        "Thank you for your understanding.\n\nGordon Blair\n"
    )
    assert "missing-apology" not in check_text(text, kind="apology").categories


def test_a_role_named_in_brackets_is_not_a_template_slot() -> None:
    text = (
        "Hi Ahmed, Bilal Qureshi here (delivery driver role). Sorry I missed the 9am today, "
        "that's on me. Still want the job. Can I come Mon 10am or Tue 2pm UK time? Thanks"
    )
    assert "unfilled-placeholder" not in check_text(text).categories
    assert "unfilled-placeholder" in check_text("Hi (interviewer), sorry I missed it.").categories


def test_managing_my_time_declares_no_zone_for_the_times_offered() -> None:
    text = _apology(
        "I mismanaged my time and I now set two alarms.",
        times="Could we do Wednesday at 10 AM or Thursday at 3 PM?",
    )
    assert "missing-timezone" in check_text(text).categories
    with_zone = _apology("", times="Could we do Wednesday at 10 AM, my time, or later?")
    assert "missing-timezone" not in check_text(with_zone).categories


def test_an_hour_in_words_offered_without_a_zone_is_flagged() -> None:
    text = _apology("", times="Could I come in on Thursday at ten or Friday at two?")
    assert "missing-timezone" in check_text(text).categories


FOLLOW_UP = (
    "Subject: Follow-up – Welder interview, Mateus Silva\n\n"
    "Dear Mr O'Brien,\n\n"
    "I am following up on my email of last week about {about}. "
    "I am still very interested in the Welder position.{thanks}\n\n"
    "Best regards,\nMateus Silva\n"
)


def test_a_follow_up_chasing_a_new_date_owes_times_and_thanks() -> None:
    text = FOLLOW_UP.format(about="the interview I missed", thanks="")
    found = check_text(text, kind="follow-up").categories
    assert {"missing-availability", "missing-thanks"} <= found


def test_a_follow_up_pointing_at_times_already_sent_owes_no_new_ones() -> None:
    text = FOLLOW_UP.format(
        about="rescheduling, with the times I suggested", thanks=" Thank you for your time."
    )
    assert check_text(text, kind="follow-up").findings == ()


def test_a_personal_matter_is_stated_once_and_owes_no_ownership_line() -> None:
    text = (
        "Subject: Apology for missing our interview – Sam Lee, Analyst\n\n"
        "Dear Dana,\n\nI am sorry I missed our interview at 10:00 this morning. A personal "
        "matter arose that I could not leave.\n\nI remain very interested in the role. "
        f"{TIMES}\n\nThank you for your understanding,\nSam Lee\n"
    )
    assert "missing-ownership" not in check_text(text, reason="personal").categories
    assert "missing-ownership" in check_text(text, reason="forgot").categories


def test_exclamation_marks_in_the_subject_are_a_subject_matter_not_drama() -> None:
    text = _apology("", subject="Sorry!!")
    found = check_text(text).categories
    assert "subject" in found
    assert "emotional" not in found
    assert "emotional" in check_text(_apology("I can't believe it!!")).categories


@pytest.mark.parametrize(
    "line",
    [
        "I would be happy to accommodate any time you propose.",
        "Please choose any time in the windows above.",
        "I now confirm the zone in writing whenever an interview is booked.",
        "I'll email two times for later this week straight after this call.",
    ],
)
def test_invitations_windows_and_promises_are_not_vague_times(line: str) -> None:
    assert "vague-time" not in check_text(_apology(line)).categories


def test_any_time_in_the_coming_weeks_is_still_vague() -> None:
    text = _apology("", times="I'm flexible, so any time in the next few weeks should be fine.")
    assert "vague-time" in check_text(text).categories


@pytest.mark.parametrize(
    "line",
    [
        "I was there, but the building's wifi was down, so I could not connect at 11:00.",
        "Please send the agenda by tomorrow at noon so I can prepare.",
    ],
)
def test_a_time_that_did_not_happen_or_a_deadline_needs_no_zone(line: str) -> None:
    assert "missing-timezone" not in check_text(_apology(line)).categories


def test_a_time_given_again_after_its_zone_needs_none() -> None:
    times = "Could we meet Tuesday at 10:00 or 14:00 SAST? I will pencil in 10:00 for now."
    assert "missing-timezone" not in check_text(_apology("", times=times)).categories


def test_the_interview_as_it_stands_in_a_request_to_move_it_needs_no_zone() -> None:
    text = (
        "Subject: Request to move our interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
        "I am writing to ask whether we could move our interview, currently arranged for "
        "Thursday 14 May at 10:00. Could we meet on Friday 15 May at 10:00 BST instead?\n\n"
        "I remain very interested in the role. Thank you for your understanding,\nSam Lee\n"
    )
    assert "missing-timezone" not in check_text(text, kind="request").categories


def test_a_call_that_tells_a_bare_excuse_owes_ownership_but_a_plain_voicemail_does_not() -> None:
    excuse = (
        "Hi, this is Sam Lee calling about the analyst interview at eight. I'm so sorry. My "
        "alarm never went off. I'm still very interested. Could we try tomorrow at 09:00 GMT? "
        "Thank you."
    )
    plain = (
        "Hello Dana, this is Sam Lee about our interview this morning. I'm very sorry I missed "
        "it. I'm still very interested, and I'll email you my availability within the hour. "
        "Thank you."
    )
    assert "missing-ownership" in check_text(excuse, kind="script").categories
    assert "missing-ownership" not in check_text(plain, kind="script").categories


def test_an_excuse_clause_inside_an_offer_of_times_is_not_reported() -> None:
    line = (
        "I know things get busy, so to make it easy: I'm available Tuesday at 10:00 GMT or "
        "Wednesday at 15:00 GMT, or any time you'd like to suggest."
    )
    assert "excuse" not in check_text(_apology("", times=line)).categories


@pytest.mark.parametrize(
    "line",
    [
        "Please let me know by Friday whether you can reschedule.",
        "I have kept Thursday at 10:00 GMT free, so please send the details.",
        "I am only free on Thursday at 10:00 GMT, so please arrange the panel around that.",
        "They'll need to fit me in by the end of next week.",
    ],
)
def test_terms_set_for_their_side_are_demands(line: str) -> None:
    assert "demand" in check_text(_apology(line)).categories


@pytest.mark.parametrize(
    "offer",
    [
        "I could do any time convenient in the coming days.",
        "I'm flexible most mornings over the next fortnight.",
        "Could we push it back a bit?",
        "I can do any day next week.",
    ],
)
def test_unbounded_offers_are_vague(offer: str) -> None:
    assert "vague-time" in check_text(_apology("", times=offer)).categories


@pytest.mark.parametrize("slot", ["Here is the link: INSERT_LINK.", "Shall we say %%DAY%%?"])
def test_mail_merge_fields_are_template_slots(slot: str) -> None:
    assert "unfilled-placeholder" in check_text(_apology(slot)).categories


def test_i_beg_your_pardon_is_an_idiom_not_pleading() -> None:
    assert (
        "begging" not in check_text(_apology("I beg your pardon for the short notice.")).categories
    )


def test_a_cheers_sign_off_is_not_thanks() -> None:
    text = _apology("").replace("Thank you for your understanding,", "Cheers,")
    assert "missing-thanks" in check_text(text).categories


@pytest.mark.parametrize(
    "line",
    [
        "I should have checked, but your receptionist sent me to the wrong floor.",
        "That part is on me; still, the coordinator's invitation had the wrong date.",
    ],
)
def test_owning_it_then_turning_on_the_employers_side_is_still_blame(line: str) -> None:
    assert "blame" in check_text(_apology(line), reason="calendar-error").categories


def test_owning_a_misreading_of_their_invitation_is_not_blame() -> None:
    line = "Your invitation said 10:00 EST and I misread it as my own local time."
    assert "blame" not in check_text(_apology(line), reason="calendar-error").categories
