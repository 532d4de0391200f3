"""Accounts on both backends: argon2id hashes, opaque sessions, expiry, revocation, rate limits."""

from __future__ import annotations

from datetime import timedelta

import pytest

from amends.accounts import (
    MAX_FAILURES,
    RateLimited,
    SignInRefused,
    add_user,
    reset_password,
    session_user,
    set_disabled,
    sign_in,
    sign_out,
)
from amends.errors import InputError
from amends.store import HostedStore
from tests.case_factory import at

NOW = at("2026-12-01T09:00+00:00")
PASSWORD = "correct horse battery"


@pytest.fixture
def hosted(store: HostedStore) -> HostedStore:
    add_user(store, "Sam@Example.org", "candidate", PASSWORD, NOW)
    return store


def test_a_new_user_is_kept_with_an_argon2id_hash_only(hosted: HostedStore) -> None:
    found = hosted.user_with_hash("sam@example.org")
    assert found is not None
    user, password_hash = found
    assert user.email == "sam@example.org" and user.role == "candidate" and not user.disabled
    assert password_hash.startswith("$argon2id$") and PASSWORD not in password_hash
    assert [u.email for u in hosted.list_users()] == ["sam@example.org"]


@pytest.mark.parametrize(
    ("email", "role", "password", "field"),
    [
        ("sam@example.org", "candidate", PASSWORD, "email"),  # already has an account
        ("not-an-email", "candidate", PASSWORD, "email"),
        ("kim@example.org", "superuser", PASSWORD, "role"),
        ("kim@example.org", "coach", "short", "password"),
        ("kim@example.org", "coach", " padded password ", "password"),
    ],
)
def test_bad_account_details_are_refused_naming_the_field(
    hosted: HostedStore, email: str, role: str, password: str, field: str
) -> None:
    with pytest.raises(InputError) as err:
        add_user(hosted, email, role, password, NOW)
    assert err.value.field == field
    assert len(hosted.list_users()) == 1


def test_signing_in_gives_an_opaque_token_the_store_keeps_only_hashed(
    hosted: HostedStore,
) -> None:
    session = sign_in(hosted, " SAM@example.org ", PASSWORD, "203.0.113.9", NOW)
    assert len(session.token) >= 40
    assert session_user(hosted, session.token, NOW) == session.user
    assert hosted.session_user(session.token, NOW) is None  # the clear token is no key


def test_wrong_password_and_unknown_email_get_the_same_answer(hosted: HostedStore) -> None:
    with pytest.raises(SignInRefused) as wrong:
        sign_in(hosted, "sam@example.org", "not the password", None, NOW)
    with pytest.raises(SignInRefused) as unknown:
        sign_in(hosted, "nobody@example.org", PASSWORD, None, NOW)
    assert str(wrong.value) == str(unknown.value) == "wrong email or password"


def test_a_disabled_user_cannot_sign_in_and_loses_open_sessions(hosted: HostedStore) -> None:
    session = sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    set_disabled(hosted, "sam@example.org", True, NOW)
    assert session_user(hosted, session.token, NOW) is None
    with pytest.raises(SignInRefused, match="disabled") as err:
        sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    assert err.value.disabled
    set_disabled(hosted, "sam@example.org", False, NOW)
    assert sign_in(hosted, "sam@example.org", PASSWORD, None, NOW).user.email == "sam@example.org"


@pytest.mark.parametrize("token", [None, "", "forged-token", "x" * 5000])
def test_forged_or_missing_tokens_belong_to_nobody(hosted: HostedStore, token: str | None) -> None:
    sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    assert session_user(hosted, token, NOW) is None


def test_sessions_expire_and_end_on_sign_out(hosted: HostedStore) -> None:
    session = sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    assert session_user(hosted, session.token, session.expires_at - timedelta(seconds=1))
    assert session_user(hosted, session.token, session.expires_at) is None
    other = sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    sign_out(hosted, other.token, NOW)
    assert session_user(hosted, other.token, NOW) is None
    assert session_user(hosted, session.token, NOW) is not None  # only that session ended


def test_a_password_reset_ends_every_session(hosted: HostedStore) -> None:
    sessions = [sign_in(hosted, "sam@example.org", PASSWORD, None, NOW) for _ in range(2)]
    reset_password(hosted, "sam@example.org", "a brand new passphrase", NOW)
    assert all(session_user(hosted, s.token, NOW) is None for s in sessions)
    with pytest.raises(SignInRefused):
        sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    assert sign_in(hosted, "sam@example.org", "a brand new passphrase", None, NOW)


def test_ten_failures_lock_the_account_for_fifteen_minutes(hosted: HostedStore) -> None:
    for n in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            sign_in(hosted, "sam@example.org", "guess", f"198.51.100.{n}", NOW)
    with pytest.raises(RateLimited) as err:  # even the right password, from a new address
        sign_in(hosted, "sam@example.org", PASSWORD, "192.0.2.1", NOW + timedelta(minutes=1))
    assert err.value.retry_after > 0
    later = NOW + timedelta(minutes=15, seconds=1)
    assert sign_in(hosted, "sam@example.org", PASSWORD, "192.0.2.1", later)


def test_ten_failures_from_one_address_lock_that_address_for_every_account(
    hosted: HostedStore,
) -> None:
    add_user(hosted, "kim@example.org", "coach", PASSWORD, NOW)
    for n in range(MAX_FAILURES):
        with pytest.raises(SignInRefused):
            sign_in(hosted, f"guess{n}@example.org", "guess", "198.51.100.7", NOW)
    with pytest.raises(RateLimited):
        sign_in(hosted, "kim@example.org", PASSWORD, "198.51.100.7", NOW)
    assert sign_in(hosted, "kim@example.org", PASSWORD, "198.51.100.8", NOW)


def test_a_successful_sign_in_forgets_the_accounts_earlier_failures(hosted: HostedStore) -> None:
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInRefused):
            sign_in(hosted, "sam@example.org", "guess", None, NOW)
    sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
    with pytest.raises(SignInRefused):  # a fresh count: this is failure 1, not 10
        sign_in(hosted, "sam@example.org", "guess", None, NOW)
    assert sign_in(hosted, "sam@example.org", PASSWORD, None, NOW)
