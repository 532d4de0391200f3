"""The labelling conventions the independent held-out sets follow, as behaviour.

Each test states one decision (README of tests/heldout, "Conventions"): what a
hope to meet some day, a one-word subject, an owned draft's brief reason, a
polite deadline or a counterfactual about the invitation is. The drafts are the
project's own wording.
"""

from __future__ import annotations

import pytest

from amends.check import check_text

TIMES = "Could we meet on Tuesday at 10:00 GMT or Wednesday at 14:00 GMT?"
SIGNATURE = "Thank you for your understanding,\nSam Lee\n07700 900123\n"


def _email(body: str, subject: str = "Missed interview – Sam Lee, Analyst") -> str:
    return f"Subject: {subject}\n\nDear Dana,\n\n{body}\n\n{SIGNATURE}"


def _found(story: str, reason: str) -> frozenset[str]:
    """The categories found in an apology telling ``story``, then interest and two times."""
    text = _email(f"{story} I remain very interested in the role. {TIMES}")
    return frozenset(check_text(text, reason=reason).categories)


@pytest.mark.parametrize(
    "hope",
    [
        "I hope we can arrange another meeting when I am back on my feet.",
        "Hopefully we can catch up again before long.",
        "I would welcome another occasion to speak in due course.",
    ],
)
def test_a_hope_to_meet_some_day_is_missing_availability(hope: str) -> None:
    text = _email(
        "I'm sorry I missed our interview this morning; I was taken ill overnight. "
        f"I remain very interested in the role. {hope}"
    )
    assert "missing-availability" in check_text(text, reason="illness").categories


def test_a_hope_to_meet_with_concrete_times_offers_availability() -> None:
    text = _email(
        "I'm sorry I missed our interview this morning; I was taken ill overnight. "
        "I remain very interested in the role. I hope we can meet on Tuesday at 10:00 GMT."
    )
    assert "missing-availability" not in check_text(text, reason="illness").categories


def test_a_follow_up_hoping_to_reconnect_after_the_miss_still_owes_times() -> None:
    text = _email(
        "Just checking in after last week's diary mix-up, which was my own doing. "
        "I am still very interested in the role and hope we can reconnect soon.",
        subject="Following up – Sam Lee, Analyst",
    )
    found = check_text(text, kind="follow-up", reason="calendar-error").categories
    assert "missing-availability" in found


@pytest.mark.parametrize("subject", ["Hello there!", "Correspondence", "Greetings"])
def test_a_one_word_subject_that_names_nobody_is_vague(subject: str) -> None:
    body = f"I'm sorry I missed our interview; that was my responsibility. {TIMES}"
    text = _email(body, subject=subject)
    assert "subject" in check_text(text, reason="overslept").categories


def test_a_one_word_subject_that_is_the_senders_name_is_not_vague() -> None:
    body = f"I'm sorry I missed our interview; that was my responsibility. {TIMES}"
    text = _email(body, subject="Sam").replace("Sam Lee\n", "Sam\n")
    assert "subject" not in check_text(text, reason="overslept").categories


@pytest.mark.parametrize(
    "excuse",
    [
        "With the house move and a sick cat, the whole appointment went clean out of my head.",
        "Between two night shifts the interview dropped right off my radar.",
    ],
)
def test_a_bare_forgetting_story_is_an_excuse(excuse: str) -> None:
    text = _email(f"I'm sorry I missed our interview on Monday. {excuse} {TIMES}")
    found = check_text(text, reason="forgot").categories
    assert {"excuse", "missing-ownership"} <= found


def test_a_brief_reason_in_a_draft_that_owns_the_miss_is_not_an_excuse() -> None:
    story = (
        "I missed our 09:00 call because I read the invitation in my own time zone. "
        "That scheduling error is mine; I now add every interview in both zones. "
    )
    assert "excuse" not in _found(story.strip(), "timezone-mistake")


def test_an_owned_draft_that_retells_the_story_at_length_keeps_its_excuse() -> None:
    text = _email(
        "I'm sorry I missed our interview; the mistake was mine. I had two interviews that "
        "week, I moved the wrong one when the agency rang, then my laptop synced the old entry "
        "back over my phone, and by the time I checked again on Tuesday night I had it down "
        f"for the following week. I remain very interested in the role. {TIMES}"
    )
    assert "excuse" in check_text(text, reason="calendar-error").categories


@pytest.mark.parametrize(
    "deadline",
    [
        "Kindly confirm the new slot within 48 hours so I can plan my travel.",
        "I would be grateful if you could let me have a time by close of play tomorrow.",
        "I'll come in on Friday at 09:00 GMT instead, let me know if that's a problem.",
    ],
)
def test_a_deadline_or_an_announced_time_is_a_demand_and_not_begging(deadline: str) -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. "
        f"I remain very interested in the role. {deadline}"
    )
    report = check_text(text, reason="overslept")
    assert "demand" in report.categories
    assert "begging" not in report.categories
    assert not report.passed


def test_you_owe_me_nothing_is_not_a_demand() -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. I know you owe me "
        f"nothing, and I remain very interested in the role. {TIMES}"
    )
    assert "demand" not in check_text(text, reason="overslept").categories


@pytest.mark.parametrize(
    "sentence",
    [
        "I can be there within the hour if a slot opens up today.",
        "I'll be there by 13:45 for the 14:00 start.",
    ],
)
def test_offering_to_come_or_arriving_early_is_not_a_demand(sentence: str) -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. "
        f"I remain very interested in the role. {TIMES} {sentence}"
    )
    assert "demand" not in check_text(text, reason="overslept").categories


def test_leaving_the_choice_to_them_after_times_is_not_a_demand() -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. I remain very "
        "interested in the role. Kindly let me know if Monday 11:00 or Tuesday 15:00 GMT is "
        "convenient; otherwise I will adjust to a time you propose."
    )
    assert "demand" not in check_text(text, reason="overslept").categories


def test_a_counterfactual_about_their_invitation_is_blame() -> None:
    text = _email(
        "I'm sorry I missed this morning's interview. Had your invitation said the lift was "
        "out of service, I would not have waited twenty minutes in the lobby. "
        f"I remain very interested in the role. {TIMES}"
    )
    report = check_text(text, reason="travel")
    assert "blame" in report.categories
    assert not report.passed


def test_i_beg_your_pardon_is_not_begging() -> None:
    story = (
        "I must apologise for missing our interview, owing to a family emergency. I beg your "
        "pardon for the disruption to your diary. "
    )
    assert "begging" not in _found(story.strip(), "family-emergency")


def test_overdraft_detail_is_overshare() -> None:
    story = (
        "I'm sorry I missed our interview. My flight was cancelled and my card was declined "
        "at the desk because I'm deep in my overdraft this month. "
    )
    assert "overshare" in _found(story.strip(), "travel")


def test_a_plea_is_not_ownership() -> None:
    story = (
        "I am so sorry for missing our interview. As a personal favour, I would ask you to "
        "keep the door open for me; I have turned down other processes for this one. "
    )
    assert "missing-ownership" in _found(story.strip(), "calendar-error")


def test_a_long_held_wish_to_work_there_is_interest() -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. I've wanted to work "
        f"at your studio since college. {TIMES}"
    )
    assert "missing-interest" not in check_text(text, reason="overslept").categories


def test_a_vague_window_with_no_time_is_vague() -> None:
    text = _email(
        "Please accept my apologies for missing today's interview; I had an urgent medical "
        "appointment. I remain very interested in the role and would be glad to meet at a "
        "mutually convenient time in the next few weeks."
    )
    assert "vague-time" in check_text(text, reason="medical").categories


def test_a_placeholder_where_the_times_belong_is_not_also_missing_availability() -> None:
    text = _email(
        "I'm sorry I missed our interview; my train was cancelled. I remain very interested "
        "in the role. I could come in on (add two times here)."
    )
    found = check_text(text, reason="transit").categories
    assert "unfilled-placeholder" in found
    assert "missing-availability" not in found


@pytest.mark.parametrize("reason", ["conflict", "personal", "illness"])
def test_a_reason_that_is_not_weak_is_never_an_excuse(reason: str) -> None:
    text = _email(
        "I'm sorry, but something came up at work on Thursday morning that I cannot move, so "
        f"I will not be able to make our 10:00. I remain very interested in the role. {TIMES}",
        subject="Request to move Thursday's interview – Sam Lee, Analyst",
    )
    assert "excuse" not in check_text(text, kind="request", reason=reason).categories


def test_the_same_bare_reason_is_an_excuse_when_the_reason_is_weak() -> None:
    story = "I'm sorry I missed our interview; something came up at work and I got busy. "
    assert "excuse" in _found(story.strip(), "forgot")


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        ("overslept", "I've asked the recruiter to copy me into every invite from now on."),
        ("overslept", "I appreciate you may have other candidates to see this week."),
        ("transit", "A signal failure outside Leeds held every train into the city for an hour."),
    ],
)
def test_safeguards_courtesies_and_factual_outside_causes_raise_no_error(
    reason: str, sentence: str
) -> None:
    text = _email(
        f"I'm sorry I missed our interview this morning; that was my responsibility. {sentence} "
        f"I remain very interested in the role. {TIMES}"
    )
    report = check_text(text, reason=reason)
    assert report.errors == 0, [(f.rule, f.excerpt) for f in report.findings]


def test_an_outside_cause_put_on_the_employers_people_is_still_blame() -> None:
    text = _email(
        "I'm sorry I missed our interview this morning. Nobody on your side answered the "
        f"phone when I rang from the car park. I remain very interested in the role. {TIMES}"
    )
    assert "blame" in check_text(text, reason="technical").categories


@pytest.mark.parametrize(
    "offer",
    [
        "I'm flexible most of next week.",
        "Happy to meet whenever the panel is free.",
        "Sometime in January would be ideal.",
        "Any afternoon after the 10th would be fine.",
    ],
)
def test_unbounded_availability_is_vague(offer: str) -> None:
    text = _email(f"I'm sorry I missed our interview; that was my responsibility. {offer}")
    assert "vague-time" in check_text(text, reason="overslept").categories


def test_a_continental_clock_time_needs_a_zone() -> None:
    text = _email(
        "I'm sorry I missed our interview; that was my responsibility. "
        "Could we try 14h00 on Thursday or 10h30 on Friday?"
    )
    assert "missing-timezone" in check_text(text, reason="overslept").categories


@pytest.mark.parametrize(
    "detail",
    [
        "The police kept me in a cell overnight after a misunderstanding.",
        "My ex and I were at the family court until noon over custody.",
        "My gynaecologist needed me in for an urgent ultrasound.",
    ],
)
def test_arrests_courts_and_named_procedures_are_overshare(detail: str) -> None:
    assert "overshare" in _found(f"I'm sorry I missed our interview. {detail}", "personal")


def test_a_specialism_named_as_work_experience_is_not_overshare() -> None:
    story = (
        "I'm sorry I missed our interview; that was my responsibility. I spent four years "
        "in oncology research at a university hospital."
    )
    assert "overshare" not in _found(story, "overslept")


@pytest.mark.parametrize(
    "sentence",
    [
        "the teams link in ur email was for a diff meeting so i sat there alone",
        "I must say the platform your company uses is not very reliable.",
        "The invitation from your HR colleague did not include any link at all.",
    ],
)
def test_faulting_the_employers_arrangements_is_blame_even_for_a_technical_cause(
    sentence: str,
) -> None:
    assert "blame" in _found(f"I'm sorry about this morning. {sentence}", "technical")


def test_the_time_a_request_gives_up_needs_no_zone() -> None:
    text = _email(
        "I'm sorry for the inconvenience, but my employer has set a mandatory audit on "
        "Tuesday morning, so 10:00 will no longer work for me. Could we move to Wednesday "
        "at 10:00 or Thursday at 15:00 (CET)? I'm still very keen on the role.",
        subject="Request to move Tuesday's interview – Sam Lee, Analyst",
    )
    found = check_text(text, kind="request", reason="conflict").categories
    assert "missing-timezone" not in found
