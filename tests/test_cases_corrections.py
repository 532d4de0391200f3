"""A mistaken entry is withdrawn by appending a correction, never by rewriting history.

Runs on both backends (the ``store`` fixture): the correction is an ordinary
appended event, so the append-only triggers stay untouched, and everything
derived (state, new time, open promises, next steps) follows the entries still
standing. Export and import carry corrections as they are.
"""

from __future__ import annotations

from typing import Any

import pytest

from amends.cases import EventInput, export_all, import_all, load_case, next_steps, record
from amends.cases.case import Case
from amends.errors import InputError
from amends.store import NewEvent, SQLiteStore, Store
from tests.case_factory import apply, at, new_case

VOICEMAIL = ("contacted", "2026-11-23T10:45+00:00", {"via": "voicemail"})
EMAIL = ("contacted", "2026-11-23T11:00+00:00", {"via": "email"})
WRONG_NO = ("reply-no", "2026-11-24T09:00+00:00", {})


def _correct(store: Store, case: Case, entry: int | None, when: str, text: str = "") -> Case:
    given = EventInput("correction", at(when), entry=entry, text=text or None)
    corrected, _ = record(store, case.id, given)
    return corrected


def _refusal(store: Store, case: Case, entry: int | None) -> InputError:
    with pytest.raises(InputError) as caught:
        _correct(store, case, entry, "2026-11-24T10:00+00:00")
    assert caught.value.field == "entry"
    return caught.value


def test_a_wrong_reply_is_withdrawn_and_the_right_one_recorded(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    assert case.state == "declined"
    case = _correct(store, case, 4, "2026-11-24T09:05+00:00", "they said yes, I misclicked")
    assert case.state == "awaiting-reply"
    case = apply(
        store,
        case,
        ("reply-yes", "2026-11-24T09:10+00:00", {"slot": "2026-11-27 14:00", "mode": "video"}),
    )
    assert case.state == "rescheduled" and case.meeting is not None
    kinds = [e.kind for e in case.events]
    assert kinds == ["planned", "contacted", "contacted", "reply-no", "correction", "reply-yes"]
    assert case.corrected == {4: 5}
    assert case.events[4].data == {
        "entry": 4,
        "kind": "reply-no",
        "text": "they said yes, I misclicked",
    }


def test_the_withdrawn_entry_stays_in_the_stored_history(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    _correct(store, case, 4, "2026-11-24T09:05+00:00")
    stored = store.get_case(case.id)
    assert [e.kind for e in stored.events][3:] == ["reply-no", "correction"]


def test_next_steps_follow_the_entries_still_standing(store: Store) -> None:
    case = apply(store, new_case(store), EMAIL)
    later = at("2026-11-23T11:10+00:00")
    assert "first-contact" not in [d.step for d in next_steps([case], later)]
    case = _correct(store, case, 2, "2026-11-23T11:05+00:00", "the email is still a draft")
    assert case.state == "planned"
    assert "first-contact" in [d.step for d in next_steps([case], later)]


def test_a_far_future_typo_no_longer_blocks_the_case(store: Store) -> None:
    case = new_case(store)
    typo = NewEvent("note", at("2062-11-23T10:50+00:00"), {"text": "called, no answer"})
    store.append_event(case.id, lambda _: typo)  # as an older amends let it through
    case = load_case(store, case.id)
    with pytest.raises(InputError) as caught:
        apply(store, case, VOICEMAIL)
    assert caught.value.field == "now"
    case = _correct(store, case, 2, "2026-11-23T10:44+00:00", "wrong year")
    case = apply(store, case, VOICEMAIL)
    assert case.state == "contacted"
    assert case.notes == []


def test_a_correction_is_not_earlier_than_what_still_stands(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    with pytest.raises(InputError) as caught:
        _correct(store, case, 4, "2026-11-23T10:50+00:00")
    assert caught.value.field == "now" and "last standing event" in caught.value.message


def test_an_entry_later_events_depend_on_is_not_withdrawn(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, ("waiting", "2026-11-23T10:50+00:00", {}))
    error = _refusal(store, case, 2)
    assert "entry 3 (waiting) depends on it" in error.message
    assert load_case(store, case.id).state == "awaiting-reply"


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        (None, "needs the number of the history entry"),
        (9, "entry 9 is not in this case's history; choose one from 2 to 4"),
        (0, "is not in this case's history"),
        (1, "opened the case and cannot be withdrawn"),
    ],
)
def test_an_entry_that_cannot_be_withdrawn_is_refused_naming_it(
    store: Store, entry: int | None, words: str
) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    assert words in _refusal(store, case, entry).message
    assert len(store.get_case(case.id).events) == 4


def test_a_correction_is_withdrawn_only_once_and_never_itself(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    case = _correct(store, case, 4, "2026-11-24T09:05+00:00")
    assert "already corrected by entry 5" in _refusal(store, case, 4).message
    assert "is itself a correction" in _refusal(store, case, 5).message


def test_a_closed_case_can_be_reopened_by_withdrawing_the_close(store: Store) -> None:
    case = apply(store, new_case(store), VOICEMAIL, EMAIL, WRONG_NO)
    case = apply(store, case, ("close", "2026-11-24T09:30+00:00", {}))
    assert not case.is_open
    case = _correct(store, case, 5, "2026-11-24T09:40+00:00")
    assert case.state == "declined" and case.is_open


def test_a_withdrawn_promise_is_no_longer_open(store: Store) -> None:
    promise = ("promised", "2026-11-23T10:50+00:00", {"text": "the portfolio"})
    case = apply(store, new_case(store), VOICEMAIL, promise)
    assert [p.data["text"] for p in case.open_promises] == ["the portfolio"]
    case = _correct(store, case, 3, "2026-11-23T10:55+00:00")
    assert case.open_promises == []


def _exported(store: Store) -> dict[str, Any]:
    case = new_case(store)
    typo = NewEvent("contacted", at("2062-11-23T10:50+00:00"), {"via": "email"})
    store.append_event(case.id, lambda _: typo)
    case = _correct(store, load_case(store, case.id), 2, "2026-11-23T10:44+00:00")
    apply(store, case, VOICEMAIL)
    return export_all(store, at("2026-11-24T12:00+00:00"))


def test_corrections_survive_export_and_import(store: Store) -> None:
    document = _exported(store)
    with SQLiteStore.memory() as other:
        assert import_all(other, document) == (1, 0)
        case = load_case(other, document["cases"][0]["id"])
        assert [e.kind for e in case.events] == ["planned", "contacted", "correction", "contacted"]
        assert case.corrected == {2: 3} and case.state == "contacted"
        assert export_all(other, at("2026-11-24T12:00+00:00")) == document


def test_an_import_with_an_impossible_correction_is_refused(store: Store) -> None:
    document = _exported(store)
    document["cases"][0]["events"][2]["data"]["entry"] = 4  # names a later entry
    with SQLiteStore.memory() as other, pytest.raises(InputError) as caught:
        import_all(other, document)
    assert caught.value.field == "file" and "event" not in caught.value.message[:6]
    assert "corrects an entry that cannot be corrected" in caught.value.message
