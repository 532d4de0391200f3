"""Recording events: bad input is refused with the option to fix, and nothing is written."""

from __future__ import annotations

from typing import Any

import pytest

from amends.cases import EventInput, event_kind, record
from amends.errors import InputError
from amends.store import Store
from tests.case_factory import apply, at, new_case

EMAIL = ("contacted", "2026-11-23T11:00+00:00", {"via": "email"})


def _refused(store: Store, case_id: str, field: str, **given: Any) -> str:
    before = store.get_case(case_id).events
    with pytest.raises(InputError) as err:
        record(store, case_id, EventInput(**given))
    assert err.value.field == field
    assert store.get_case(case_id).events == before
    return err.value.message


def test_events_cannot_be_recorded_before_the_last_one(store: Store) -> None:
    case = apply(store, new_case(store), EMAIL)
    message = _refused(
        store, case.id, "now", kind="note", now=at("2026-11-23T10:59+00:00"), text="x"
    )
    assert "before this case's last event" in message


def test_the_new_interview_must_come_after_the_reply(store: Store) -> None:
    case = apply(store, new_case(store), EMAIL)
    message = _refused(
        store,
        case.id,
        "slot",
        kind="reply-yes",
        now=at("2026-11-24T09:00+00:00"),
        slot="2026-11-24 08:00",
    )
    assert "is not after the reply" in message and "GMT" in message


def test_a_new_time_inside_a_dst_gap_is_refused(store: Store) -> None:
    case = apply(
        store,
        new_case(store, at="2027-03-22 10:00", now="2027-03-22T10:40+00:00"),
        ("contacted", "2027-03-22T11:00+00:00", {"via": "email"}),
    )
    message = _refused(
        store,
        case.id,
        "slot",
        kind="reply-yes",
        now=at("2027-03-23T09:00+00:00"),
        slot="2027-03-28 01:30",
    )
    assert "does not exist" in message


def test_reply_yes_needs_a_slot_and_contacted_needs_a_channel(store: Store) -> None:
    case = apply(store, new_case(store), EMAIL)
    later = at("2026-11-24T09:00+00:00")
    needs_time = _refused(store, case.id, "slot", kind="reply-yes", now=later)
    assert "new interview time" in needs_time
    assert "--" not in needs_time  # the core names the need in words; the CLI adds the flag
    assert "call, voicemail" in _refused(
        store, case.id, "via", kind="contacted", now=later, via="fax"
    )
    assert "between 5 and 600" in _refused(
        store, case.id, "minutes", kind="reply-yes", now=later, slot="2026-11-27 14:00", minutes=0
    )


def test_interviewed_before_the_new_time_starts_is_refused(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        EMAIL,
        ("reply-yes", "2026-11-24T09:00+00:00", {"slot": "2026-11-27 14:00"}),
    )
    message = _refused(store, case.id, "now", kind="interviewed", now=at("2026-11-27T13:00+00:00"))
    assert "after it has started" in message


def test_text_events_need_one_clean_line(store: Store) -> None:
    case = new_case(store)
    now = at("2026-11-23T11:00+00:00")
    needs_text = _refused(store, case.id, "text", kind="lesson", now=now)
    assert "needs a short text" in needs_text
    assert "--" not in needs_text
    assert "single line" in _refused(
        store, case.id, "text", kind="note", now=now, text="two\nlines"
    )
    assert "under 500" in _refused(store, case.id, "text", kind="note", now=now, text="x" * 501)


def test_delivered_must_match_something_promised(store: Store) -> None:
    case = apply(
        store, new_case(store), ("promised", "2026-11-23T11:00+00:00", {"text": "portfolio"})
    )
    message = _refused(
        store, case.id, "text", kind="delivered", now=at("2026-11-23T12:00+00:00"), text="slides"
    )
    assert "open: portfolio" in message


def test_done_names_a_known_step(store: Store) -> None:
    case = new_case(store)
    message = _refused(
        store, case.id, "step", kind="done", now=at("2026-11-23T11:00+00:00"), step="laundry"
    )
    assert "follow-up" in message


def test_a_catalogue_safeguard_id_is_recorded_with_its_wording(store: Store) -> None:
    case = apply(
        store,
        new_case(store),
        ("safeguard", "2026-11-23T12:00+00:00", {"text": "two-device-reminders"}),
        ("safeguard", "2026-11-23T12:01+00:00", {"text": "A paper diary on my desk"}),
    )
    first, second = case.of_kind("safeguard")
    assert first.data["id"] == "two-device-reminders" and "two" in first.data["text"]
    assert second.data == {"text": "A paper diary on my desk"}


@pytest.mark.parametrize(
    ("words", "kind"),
    [(("reply", "yes"), "reply-yes"), (("reply", "no"), "reply-no"), (("note", None), "note")],
)
def test_event_names_as_typed(words: tuple[str, str | None], kind: str) -> None:
    assert event_kind(*words) == kind


@pytest.mark.parametrize(
    ("words", "field"),
    [
        (("reply", None), "answer"),
        (("reply", "maybe"), "answer"),
        (("note", "yes"), "answer"),
        (("planned", None), "event"),
        (("celebrate", None), "event"),
    ],
)
def test_bad_event_names_are_bad_input(words: tuple[str, str | None], field: str) -> None:
    with pytest.raises(InputError) as err:
        event_kind(*words)
    assert err.value.field == field


def test_unknown_case_is_bad_input(store: Store) -> None:
    with pytest.raises(InputError, match="no case 'zzz'"):
        record(store, "zzz", EventInput("note", at("2026-11-23T11:00+00:00"), text="x"))
