"""Tenancy in the store layer, on both backends: each user sees only their own cases and
what was shared with them; coaches read shared cases and add notes, nothing more;
export and deletion of one's own data."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from amends.accounts import SignInRefused, add_user, delete_account, export_account
from amends.cases import EventInput, import_all, load_case, load_cases, record, save_plan
from amends.errors import AccessError, InputError, StateError
from amends.store import HostedStore, UserRecord
from tests.case_factory import at, make_plan

NOW = at("2026-12-01T09:00+00:00")
PASSWORD = "correct horse battery"


@dataclass
class People:
    store: HostedStore
    sam: UserRecord
    ana: UserRecord
    kim: UserRecord  # a coach

    def as_(self, user: UserRecord) -> HostedStore:
        return self.store.for_user(user)


@pytest.fixture
def people(store: HostedStore) -> People:
    sam = add_user(store, "sam@example.org", "candidate", PASSWORD, NOW)
    ana = add_user(store, "ana@example.org", "candidate", PASSWORD, NOW)
    kim = add_user(store, "kim@coaching.example", "coach", PASSWORD, NOW)
    return People(store, sam, ana, kim)


def _case(store: HostedStore, company: str = "Acme") -> str:
    return save_plan(store, make_plan(company=company))


def _note(store: HostedStore, case_id: str, text: str) -> None:
    record(store, case_id, EventInput(kind="note", now=NOW, text=text))


def test_each_candidate_sees_only_their_own_cases(people: People) -> None:
    sams = _case(people.as_(people.sam), "Sam Co")
    anas = _case(people.as_(people.ana), "Ana Co")
    assert [c.id for c in load_cases(people.as_(people.sam))] == [sams]
    assert [c.id for c in load_cases(people.as_(people.ana))] == [anas]
    assert load_case(people.as_(people.sam), sams).record.owner == "sam@example.org"
    assert {c.id for c in people.store.list_cases()} == {sams, anas}  # unscoped: the admin CLI


def test_another_users_case_is_unknown_for_reading_and_writing(people: People) -> None:
    sams = _case(people.as_(people.sam))
    ana = people.as_(people.ana)
    with pytest.raises(InputError, match="no case") as err:
        ana.get_case(sams)
    assert err.value.field == "case"
    with pytest.raises(InputError, match="no case"):
        _note(ana, sams, "sneaky")
    with pytest.raises(InputError, match="no case"):
        ana.share_case(sams, "kim@coaching.example", NOW)
    with pytest.raises(InputError, match="no case"):
        ana.shared_with(sams)
    assert len(people.store.get_case(sams).events) == 1


def test_a_shared_case_is_readable_by_the_coach_and_marked_with_its_owner(people: People) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    _case(people.as_(people.ana))
    sam.share_case(sams, "KIM@coaching.example".lower(), NOW)
    sam.share_case(sams, "kim@coaching.example", NOW)  # sharing twice is harmless
    assert sam.shared_with(sams) == ["kim@coaching.example"]
    kim = people.as_(people.kim)
    seen = kim.list_cases()
    assert [(c.id, c.owner) for c in seen] == [(sams, "sam@example.org")]


def test_a_coach_adds_notes_but_changes_nothing_else(people: People) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    sam.share_case(sams, "kim@coaching.example", NOW)
    kim = people.as_(people.kim)
    _note(kim, sams, "Call me before you reply to them")
    with pytest.raises(AccessError, match="add notes"):
        record(kim, sams, EventInput(kind="contacted", now=NOW, via="email"))
    with pytest.raises(AccessError, match="not yours"):
        kim.share_case(sams, "kim@coaching.example", NOW)
    with pytest.raises(AccessError):
        kim.unshare_case(sams, "kim@coaching.example")
    assert [e.kind for e in sam.get_case(sams).events] == ["planned", "note"]
    assert load_case(sam, sams).state == "planned"


def test_unsharing_takes_the_case_away_from_the_coach(people: People) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    sam.share_case(sams, "kim@coaching.example", NOW)
    assert sam.unshare_case(sams, "kim@coaching.example")
    assert not sam.unshare_case(sams, "kim@coaching.example")
    assert people.as_(people.kim).list_cases() == []


@pytest.mark.parametrize("coach", ["ana@example.org", "nobody@example.org", "sam@example.org"])
def test_a_case_is_shared_only_with_a_coach(people: People, coach: str) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    with pytest.raises(InputError) as err:
        sam.share_case(sams, coach, NOW)
    assert err.value.field == "coach"


def test_importing_never_takes_over_another_users_case_id(people: People) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    exported = export_account(people.store, people.sam, NOW)
    with pytest.raises(StateError, match="already taken"):
        import_all(people.as_(people.ana), exported)
    assert load_cases(people.as_(people.ana)) == []
    assert len(sam.get_case(sams).events) == 1


def test_the_export_holds_my_account_and_only_my_own_cases(people: People) -> None:
    sam, ana = people.as_(people.sam), people.as_(people.ana)
    sams = _case(sam)
    _case(ana)
    sam.share_case(sams, "kim@coaching.example", NOW)
    mine = export_account(people.store, people.sam, NOW)
    assert mine["format"] == "amends-export" and [c["id"] for c in mine["cases"]] == [sams]
    assert mine["account"]["email"] == "sam@example.org"
    assert "password" not in str(mine)
    assert export_account(people.store, people.kim, NOW)["cases"] == []  # shared is not theirs


def test_deleting_my_account_erases_my_cases_and_history_only(people: People) -> None:
    sam, ana = people.as_(people.sam), people.as_(people.ana)
    sams = _case(sam)
    _note(sam, sams, "a private note")
    sam.share_case(sams, "kim@coaching.example", NOW)
    anas = _case(ana)
    with pytest.raises(SignInRefused):
        delete_account(people.store, people.sam, "wrong password", NOW)
    assert people.store.get_case(sams)
    assert delete_account(people.store, people.sam, PASSWORD, NOW) == 1
    assert [c.id for c in people.store.list_cases()] == [anas]
    assert people.as_(people.kim).list_cases() == []
    assert people.store.user_with_hash("sam@example.org") is None
    assert len(people.store.get_case(anas).events) == 1


def test_an_admin_deletes_a_coach_and_their_shares_go_with_them(people: People) -> None:
    sam = people.as_(people.sam)
    sams = _case(sam)
    sam.share_case(sams, "kim@coaching.example", NOW)
    assert delete_account(people.store, people.kim, None, NOW) == 0
    assert sam.shared_with(sams) == []
    assert len(sam.get_case(sams).events) == 1
