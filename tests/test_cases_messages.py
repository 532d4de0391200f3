"""Every after-the-reply message keeps the first-hour rules: short, owned, zoned, signed."""

from __future__ import annotations

import re
from typing import Any

import pytest

from amends.cases import KINDS, Case, FollowUpMessage, write
from amends.errors import InputError, StateError
from amends.store import Store
from tests.case_factory import apply, at, new_case

EMAIL = ("contacted", "2026-11-23T11:00+00:00", {"via": "email"})
YES = (
    "reply-yes",
    "2026-11-24T09:00+00:00",
    {"slot": "2026-11-27 14:00", "link": "https://meet.example/abc"},
)
NO = ("reply-no", "2026-11-24T09:00+00:00", {})
TOPIC = "the churn model"
# kind -> (events that make it fit, the time it is written)
SCENES: dict[str, tuple[tuple[tuple[str, str, dict[str, Any]], ...], str]] = {
    "apology-email": ((("contacted", "2026-11-23T10:45+00:00", {"via": "voicemail"}),), "11:00"),
    "confirmation": ((EMAIL, YES), "2026-11-24T09:05+00:00"),
    "joined-early": ((EMAIL, YES), "2026-11-27T13:50+00:00"),
    "thank-you": (
        (EMAIL, YES, ("interviewed", "2026-11-27T15:05+00:00", {})),
        "2026-11-27T16:00+00:00",
    ),
    "decline-reply": ((EMAIL, NO), "2026-11-24T09:05+00:00"),
    "follow-up": ((EMAIL,), "2026-11-26T10:00+00:00"),
    "recruiter": ((EMAIL,), "2026-11-23T11:05+00:00"),
    "stay-in-touch": ((EMAIL, NO), "2027-02-22T10:00+00:00"),
}
FOLLOW_UP_KINDS = [k for k in KINDS if k != "apology-email"]
CLOCK = re.compile(r"\b([01]\d|2[0-3]):[0-5]\d\b")
ZONE_AFTER = re.compile(r"^ (GMT|UTC|[A-Z]{2,5} \(UTC|[A-Z]{2,5}, UTC)")


def _draft(store: Store, kind: str, **overrides: Any) -> tuple[Case, FollowUpMessage]:
    events, when = SCENES[kind]
    case = apply(store, new_case(store, **overrides), *events)
    now = at(when if "T" in when else f"2026-11-23T{when}+00:00")
    return case, write(case, kind, now, topic=TOPIC if kind == "thank-you" else None)


def test_every_kind_has_a_scene() -> None:
    assert set(SCENES) == set(KINDS)


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_subject_names_the_person_and_the_role(store: Store, kind: str) -> None:
    _, draft = _draft(store, kind)
    assert draft.subject and "Sam Rivera" in draft.subject and "Data Analyst" in draft.subject


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_signature_carries_contact_details(store: Store, kind: str) -> None:
    _, draft = _draft(store, kind)
    tail = draft.body.splitlines()[-3:]
    assert tail[1] == "Sam Rivera" and "+1 212 555 0100" in tail[2] and "sam@example.org" in tail[2]


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_every_clock_time_carries_its_zone(store: Store, kind: str) -> None:
    _, draft = _draft(store, kind)
    for text in (draft.subject or "", draft.body):
        for match in CLOCK.finditer(text):
            assert ZONE_AFTER.match(text[match.end() :]), f"{match.group()} has no zone in {text!r}"


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_concise_without_over_apology_begging_demands_or_blame(store: Store, kind: str) -> None:
    _, draft = _draft(store, kind)
    body = draft.body.lower()
    assert draft.words <= 160
    assert len(re.findall(r"\b(sorry|apologi[sz]e|apologies)\b", body)) <= 1
    for word in ("beg", "desperate", "must ", "demand", "unacceptable", "your fault", "traffic"):
        assert word not in body
    assert "!!" not in body


def test_confirmation_states_date_both_zones_link_and_interviewer(store: Store) -> None:
    _, draft = _draft(store, "confirmation")
    assert "Friday 27 November 2026 at 14:00 GMT" in draft.body
    assert "09:00 EST, UTC−5, my time" in draft.body
    assert "https://meet.example/abc" in draft.body and "With: Dana Lee" in draft.body


def test_confirmation_gives_the_address_for_an_in_person_interview(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        EMAIL,
        (
            "reply-yes",
            "2026-11-24T09:00+00:00",
            {"slot": "2026-11-27 14:00", "mode": "in-person", "address": "1 King St, London"},
        ),
    )
    body = write(case, "confirmation", at("2026-11-24T09:05+00:00")).body
    assert "Address: 1 King St, London" in body and "link" not in body.lower()


def test_joined_early_says_so_with_the_time_on_both_clocks(store: Store) -> None:
    _, draft = _draft(store, "joined-early")
    assert "joined the call" in draft.body and "14:00 GMT (09:00 EST, UTC−5, my time)" in draft.body


def test_thank_you_names_the_topic_and_the_open_promise(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        *SCENES["thank-you"][0],
        ("promised", "2026-11-27T15:10+00:00", {"text": "the case study"}),
    )
    body = write(case, "thank-you", at("2026-11-27T16:00+00:00"), topic=TOPIC).body
    assert TOPIC in body and "the case study" in body and "today" in body
    assert "missed" not in body.lower()


def test_thank_you_without_a_topic_is_bad_input(store: Store) -> None:
    case = apply(store, new_case(store), *SCENES["thank-you"][0])
    with pytest.raises(InputError) as err:
        write(case, "thank-you", at("2026-11-27T16:00+00:00"))
    assert err.value.field == "topic"


def test_decline_reply_keeps_the_door_open_without_arguing(store: Store) -> None:
    _, draft = _draft(store, "decline-reply")
    assert "future roles" in draft.body and "stay in touch" in draft.body
    assert "but" not in draft.body.split()


def test_follow_up_names_the_date_of_the_first_email(store: Store) -> None:
    _, draft = _draft(store, "follow-up")
    assert "Monday 23 November 2026" in draft.body


def test_follow_up_repeats_only_the_offered_times_still_ahead(store: Store) -> None:
    case = apply(
        store,
        new_case(store, slot=["2026-11-25 14:00", "2026-12-01 10:00"]),
        EMAIL,
    )
    body = write(case, "follow-up", at("2026-11-26T10:00+00:00")).body
    assert "Tuesday 1 December at 10:00 GMT" in body and "25 November" not in body


def test_recruiter_message_goes_to_the_recruiter_and_owns_the_miss(store: Store) -> None:
    _, draft = _draft(store, "recruiter")
    assert draft.to_name == "Chris Wong" and draft.body.startswith("Dear Chris,")
    assert "Monday 23 November 2026 at 10:00 GMT" in draft.body
    assert "I apologised to Dana Lee" in draft.body


@pytest.mark.parametrize(
    ("kind", "events"),
    [
        ("confirmation", (EMAIL,)),
        ("thank-you", (EMAIL,)),
        ("decline-reply", (EMAIL,)),
        ("follow-up", (EMAIL, YES)),
        ("stay-in-touch", (EMAIL, YES)),
    ],
)
def test_a_message_that_does_not_fit_the_case_is_refused(
    store: Store, kind: str, events: tuple[tuple[str, str, dict[str, Any]], ...]
) -> None:
    case = apply(store, new_case(store), *events)
    with pytest.raises(StateError, match=f"'{kind}' is for"):
        write(case, kind, at("2026-11-24T10:00+00:00"), topic=TOPIC)


def test_recruiter_message_needs_a_recruiter(store: Store) -> None:
    case = apply(store, new_case(store, recruiter=None), EMAIL)
    with pytest.raises(StateError, match="agency recruiter"):
        write(case, "recruiter", at("2026-11-24T10:00+00:00"))


def test_unknown_message_kind_lists_the_valid_ones(store: Store) -> None:
    with pytest.raises(InputError, match="thank-you"):
        write(new_case(store), "haiku", at("2026-11-24T10:00+00:00"))


def test_apology_email_is_the_one_saved_with_the_plan(store: Store) -> None:
    case, draft = _draft(store, "apology-email")
    saved = case.plan_message("email-with-reason", "email")
    assert saved is not None and draft.body == saved["body"] and draft.subject == saved["subject"]


# The checker's absence rules describe the first apology email. After the reply the
# apology has been made: repeating it is the over-apology the product forbids, and a
# thank-you or a gracious "no" asks for no new time. Every other rule must stay silent.
NOT_THIS_MESSAGE = ("missing-apology", "missing-ownership")
ALSO_NOT: dict[str, tuple[str, ...]] = {
    "confirmation": ("missing-interest",),  # the time is agreed; no pitch needed
    "joined-early": ("missing-interest", "missing-thanks"),  # two lines while waiting
    "thank-you": ("missing-availability",),
    "decline-reply": ("missing-availability",),
    "stay-in-touch": ("missing-availability",),
}


def _checker() -> Any:
    check = pytest.importorskip("amends.check")
    try:
        check.catalogue()
    except FileNotFoundError:
        pytest.skip("the draft checker's rules are not installed yet")
    return check


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_every_follow_up_message_passes_the_draft_checker(store: Store, kind: str) -> None:
    check = _checker()
    _, draft = _draft(store, kind)
    ignore = (*NOT_THIS_MESSAGE, *ALSO_NOT.get(kind, ()))
    report = check.check_email(draft.subject, draft.body, ignore=ignore)
    assert [(f.rule, f.excerpt) for f in report.findings] == []


@pytest.mark.parametrize("kind", [k for k in FOLLOW_UP_KINDS if k != "recruiter"])
def test_after_the_reply_the_apology_is_not_repeated(store: Store, kind: str) -> None:
    # The recruiter hears about the miss for the first time; everyone else already has.
    _, draft = _draft(store, kind)
    assert not re.search(r"\b(sorry|apologi[sz]e|apologies|apologised)\b", draft.body.lower())
