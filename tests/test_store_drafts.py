"""Unsaved plan drafts in the store: the web's /plan/<id> pages, kept until saved or expired."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from amends.store import NewEvent
from amends.store.base import HostedStore
from tests.conftest import Backend

MADE = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)
REQUEST = {"name": "Sam Patel", "company": "Acme", "at": "2026-11-23 10:00", "slot": ["x"]}


def test_a_draft_reads_back_exactly_under_an_unguessable_id(store: HostedStore) -> None:
    draft = store.save_draft(MADE, REQUEST)
    assert len(draft.id) >= 16
    again = store.get_draft(draft.id)
    assert again is not None
    assert again.request == REQUEST and again.created_at == MADE and again.case_id is None
    assert store.save_draft(MADE, REQUEST).id != draft.id


def test_unknown_and_absurd_ids_are_simply_not_there(store: HostedStore) -> None:
    assert store.get_draft("nosuchdraft") is None
    assert store.get_draft("") is None
    assert store.get_draft("x" * 500) is None


def test_a_saved_draft_remembers_its_case(store: HostedStore) -> None:
    draft = store.save_draft(MADE, REQUEST)
    case_id = store.create_case(MADE, {}, None, NewEvent("planned", MADE)).id
    store.mark_draft_saved(draft.id, case_id)
    found = store.get_draft(draft.id)
    assert found is not None and found.case_id == case_id


def test_a_discarded_draft_is_gone(store: HostedStore) -> None:
    draft = store.save_draft(MADE, REQUEST)
    store.delete_draft(draft.id)
    assert store.get_draft(draft.id) is None
    store.delete_draft(draft.id)  # discarding twice is harmless


def test_expiry_removes_only_drafts_older_than_the_cut_whatever_their_offset(
    store: HostedStore,
) -> None:
    tokyo = timezone(timedelta(hours=9))
    old = store.save_draft(MADE - timedelta(days=15), REQUEST)
    # Later than the cut in absolute time although its local clock reads earlier.
    recent = store.save_draft((MADE - timedelta(days=13)).astimezone(tokyo), REQUEST)
    assert store.expire_drafts(MADE - timedelta(days=14)) == 1
    assert store.get_draft(old.id) is None
    assert store.get_draft(recent.id) is not None


def test_drafts_survive_reopening_the_database(backend: Backend) -> None:
    with backend.open() as first:
        draft_id = first.save_draft(MADE, REQUEST).id
    with backend.open() as second:
        found = second.get_draft(draft_id)
    assert found is not None and found.request == REQUEST


def test_in_hosted_mode_a_draft_is_only_its_makers(store: HostedStore) -> None:
    sam = store.add_user("sam@example.org", "candidate", "x", MADE)
    kim = store.add_user("kim@example.org", "candidate", "x", MADE)
    draft = store.for_user(sam).save_draft(MADE, REQUEST)
    assert store.for_user(sam).get_draft(draft.id) is not None
    assert store.for_user(kim).get_draft(draft.id) is None
    store.for_user(kim).delete_draft(draft.id)  # cannot discard someone else's either
    assert store.for_user(sam).get_draft(draft.id) is not None
