"""Every scenario × reason × mode × contact renders messages that honour the product rules.

These checks are deliberately simple and independent of the draft checker: they
read the rendered text the way a reviewer would.
"""

from __future__ import annotations

import re

import pytest

from amends.plan import Plan
from amends.plan.reasons import catalogue
from amends.plan.wording import slot_text
from tests.plan_cases import MATRIX, plan_for, request_fields

APOLOGY = re.compile(r"\b(apolog\w*|sorry)\b", re.I)
OWNERSHIP = re.compile(
    r"responsib|\bon me\b|\bmy (own )?(mistake|error|side)\b|\bown it\b|ownership|"
    r"scheduling error|my own calendar|\bon my part\b",
    re.I,
)
INTEREST = re.compile(r"\binterested\b", re.I)
THANKS = re.compile(r"\bthank", re.I)
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
ZONED_TIME = re.compile(r"\b\d{1,2}:\d{2} (?:[A-Z]{2,5}\b|UTC[+\u2212-]\d)")
PLACEHOLDER = re.compile(r"\[[^\]]*\]|\{[^}]*\}|<[^>@\s]*>|\bNone\b|\bXX+\b|\bTBD\b")
# Words that would name an outside-control cause; a weak reason must never borrow one.
EXCUSE_WORDS = re.compile(
    r"transport|traffic|train|flight|travel|taken ill|unwell|illness|medical|emergency|"
    r"doctor|hospital|power cut|internet outage",
    re.I,
)
EMAIL_KINDS = {"email", "email-with-reason", "recruiter-email", "alternative-mode"}


_plan = plan_for


@pytest.fixture(scope="module")
def plans() -> dict[tuple[str, str, str, str], Plan]:
    return {case: _plan(request_fields(*case)) for case in MATRIX}


def _all_messages(plans: dict[tuple[str, str, str, str], Plan]):  # type: ignore[no-untyped-def]
    for case, plan in plans.items():
        for message in plan.messages:
            yield case, message


def test_every_message_apologises_owns_a_weak_reason_shows_interest_and_thanks(plans) -> None:  # type: ignore[no-untyped-def]
    """Causes outside one's control get a factual line and no self-blame; weak ones are owned."""
    reasons = catalogue()
    failures = []
    for case, m in _all_messages(plans):
        rules = {"apology": APOLOGY, "interest": INTEREST, "thanks": THANKS}
        if not reasons[case[1]].outside_control and case[0] != "conflict":
            rules["ownership"] = OWNERSHIP  # a request to move, days ahead, is not a confession
        for name, rule in rules.items():
            if not rule.search(m.body):
                failures.append(f"{case} {m.kind}: no {name}")
    assert not failures, "\n".join(failures[:20])


def test_every_clock_time_in_every_message_carries_its_zone(plans) -> None:  # type: ignore[no-untyped-def]
    failures = []
    for case, m in _all_messages(plans):
        text = f"{m.subject or ''}\n{m.body}"
        bare = len(CLOCK_TIME.findall(text)) - len(ZONED_TIME.findall(text))
        if bare:
            failures.append(f"{case} {m.kind}: {bare} time(s) without a zone")
    assert not failures, "\n".join(failures[:20])


def test_no_message_contains_an_unfilled_placeholder(plans) -> None:  # type: ignore[no-untyped-def]
    failures = [
        f"{case} {m.kind}: {PLACEHOLDER.search(m.body).group(0)!r}"  # type: ignore[union-attr]
        for case, m in _all_messages(plans)
        if PLACEHOLDER.search(m.body) or (m.subject and PLACEHOLDER.search(m.subject))
    ]
    assert not failures, "\n".join(failures[:20])


def test_phone_script_fits_in_sixty_seconds_and_voicemail_is_short(plans) -> None:  # type: ignore[no-untyped-def]
    for case, m in _all_messages(plans):
        if m.kind in ("phone-script", "voicemail"):
            assert m.speaking_seconds is not None
            assert m.speaking_seconds <= 60, (case, m.kind, m.speaking_seconds, m.body)
            assert m.words <= 150, (case, m.kind)


def test_email_bodies_stay_under_180_words(plans) -> None:  # type: ignore[no-untyped-def]
    over = [
        f"{case} {m.kind}: {m.words} words"
        for case, m in _all_messages(plans)
        if m.kind in EMAIL_KINDS and m.words > 180
    ]
    assert not over, "\n".join(over[:20])


def test_every_email_has_a_subject_naming_the_person_and_the_role(plans) -> None:  # type: ignore[no-untyped-def]
    for case, m in _all_messages(plans):
        if m.kind in EMAIL_KINDS:
            assert m.subject, (case, m.kind)
            assert "Sam Patel" in m.subject and "Senior Data Analyst" in m.subject, m.subject


def test_weak_reason_is_owned_and_never_replaced_by_another_reason(plans) -> None:  # type: ignore[no-untyped-def]
    reasons = catalogue()
    for (scenario, code, mode, contact), plan in plans.items():
        reason = reasons[code]
        others = [r for r in reasons.values() if r.code != code]
        for m in plan.messages:
            for other in others:
                for framing in (other.framing, other.framing_ahead, other.spoken):
                    if framing not in (reason.framing, reason.framing_ahead, reason.spoken):
                        assert framing not in m.body, (scenario, code, m.kind, other.code)
            if not reason.outside_control:
                found = EXCUSE_WORDS.search(m.body)
                assert found is None, (scenario, code, mode, contact, m.kind, found)


def test_email_with_reason_states_the_catalogue_framing_in_one_line(plans) -> None:  # type: ignore[no-untyped-def]
    reasons = catalogue()
    for (scenario, code, _mode, _contact), plan in plans.items():
        m = plan.message("email-with-reason")
        if not reasons[code].mention:
            assert m is None, (scenario, code)
            continue
        assert m is not None
        expected = (
            reasons[code].framing_ahead
            if scenario in ("late", "conflict")
            else reasons[code].framing
        )
        assert expected in m.body, (scenario, code)


def test_messages_offer_the_given_slots_with_both_zones_or_invite_a_proposal(plans) -> None:  # type: ignore[no-untyped-def]
    for case, plan in plans.items():
        email = plan.message("email")
        assert email is not None
        if plan.slots:
            for slot in plan.slots:
                text = slot_text(slot.start, plan.situation, "gb")
                assert text in email.body, case
                assert "my time" in text  # London vs New York differ
        else:
            assert "suits you" in email.body, case


def test_senior_variant_takes_full_ownership_and_offers_goodwill(plans) -> None:  # type: ignore[no-untyped-def]
    """ "This is not how I work" owns a lapse: never after an illness, nor in a request ahead."""
    reasons = catalogue()
    for (scenario, code, mode, contact), plan in plans.items():
        email = plan.message("email")
        assert email is not None
        owns_a_lapse = scenario != "conflict" and not reasons[code].outside_control
        if contact == "agency-recruiter-senior":
            assert ("This is not how I work" in email.body) == owns_a_lapse, (scenario, code, mode)
            assert "https://sam.example/portfolio" in email.body
            assert email.variant == "senior"
        else:
            assert "This is not how I work" not in email.body


def test_recruiter_is_involved_when_an_agency_arranged_the_interview(plans) -> None:  # type: ignore[no-untyped-def]
    for (scenario, _code, _mode, contact), plan in plans.items():
        recruiter_email = plan.message("recruiter-email")
        if contact == "agency-recruiter-senior":
            assert recruiter_email is not None
            assert recruiter_email.body.startswith("Dear Alex,")
            if scenario == "missed":
                assert plan.first_action.channel == "recruiter"
        else:
            assert recruiter_email is None


def test_alternative_mode_is_offered_for_in_person_and_after_a_technical_failure(plans) -> None:  # type: ignore[no-untyped-def]
    for (scenario, code, mode, _contact), plan in plans.items():
        alt = plan.message("alternative-mode")
        expected = mode == "in-person" or scenario == "tech-failure"
        assert (alt is not None) == expected, (scenario, code, mode)
        if alt is not None and scenario == "tech-failure":
            if mode != "in-person":
                assert "carry on straight away" in alt.body, (code, mode)
            if mode == "video":
                assert "by phone" in alt.body
                assert "Microsoft Teams or Google Meet" in alt.body  # not Zoom, which failed


def test_coordinator_is_greeted_by_first_name_with_non_ascii_characters_intact(plans) -> None:  # type: ignore[no-untyped-def]
    for (_scenario, _code, _mode, contact), plan in plans.items():
        if contact == "coordinator-no-phone":
            email = plan.message("email")
            assert email is not None
            assert email.body.startswith("Dear Zoë,")
            script = plan.message("phone-script")  # no number: still there, for the main line
            assert script is not None and script.to_phone is None
            assert script.note and "switchboard" in script.note


def test_only_the_interviewer_is_told_about_our_interview(plans) -> None:  # type: ignore[no-untyped-def]
    for (scenario, code, _mode, contact), plan in plans.items():
        if contact != "coordinator-no-phone":
            continue
        for m in plan.messages:
            text = f"{m.subject or ''}\n{m.body}"
            assert "our interview" not in text, (scenario, code, m.kind)
            if m.kind.startswith("email"):
                assert "my interview with Dana Lee" in m.body, (scenario, code, m.kind)
