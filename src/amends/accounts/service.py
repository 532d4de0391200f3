"""Accounts of a hosted install: adding and managing users, signing in and out.

The rules live here, the rows in the store (:class:`~amends.store.base.HostedStore`):
passwords are argon2id hashes; a session is an opaque random token whose hash
the store keeps; failed sign-ins are counted per account and per client
address, and the 11th within 15 minutes is refused without even checking the
password (:class:`RateLimited`, HTTP 429). Wrong password and unknown email give
the same answer, so sign-in never tells whether an address has an account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from amends.accounts.passwords import (
    check_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from amends.accounts.sessions import SESSION_HOURS, new_token, token_hash
from amends.errors import AmendsError, InputError
from amends.fields import email_address
from amends.store.base import HostedStore
from amends.store.records import ROLES, UserRecord

MAX_FAILURES = 10
FAILURE_WINDOW = timedelta(minutes=15)


class SignInRefused(AmendsError):
    """Sign-in failed: wrong or unknown credentials (401) or a disabled account (403)."""

    def __init__(self, message: str, disabled: bool = False) -> None:
        super().__init__(message)
        self.disabled = disabled


class RateLimited(AmendsError):
    """Too many failed sign-ins for this account or address (429); wait and retry."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, round(retry_after / 60))
        super().__init__(f"too many failed sign-ins; try again in {minutes} minutes")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Session:
    """A signed-in session: the token goes to the browser once, never stored in clear."""

    token: str
    user: UserRecord
    expires_at: datetime


def normal_email(email: str, field: str = "email") -> str:
    """The address as accounts are keyed: validated, trimmed and lower-cased."""
    return email_address(email.strip(), field).lower()


def check_role(role: str) -> str:
    """``role`` when it is one of the three, else ``InputError('role')``."""
    if role not in ROLES:
        raise InputError("role", f"{role!r} is not a role; use one of {', '.join(ROLES)}")
    return role


def add_user(store: HostedStore, email: str, role: str, password: str, now: datetime) -> UserRecord:
    """Create an account (the password is checked and hashed here, never stored)."""
    address = normal_email(email)
    return store.add_user(address, check_role(role), hash_password(password), now)


def find_user(store: HostedStore, email: str) -> UserRecord:
    """The account with ``email``, or ``InputError('email')`` when there is none."""
    found = store.user_with_hash(normal_email(email))
    if found is None:
        raise InputError("email", f"there is no account for {email.strip().lower()}")
    return found[0]


def set_disabled(store: HostedStore, email: str, disabled: bool, now: datetime) -> UserRecord:
    """Disable (signing it out everywhere) or re-enable an account."""
    user = find_user(store, email)
    store.set_disabled(user.id, disabled, now)
    return UserRecord(user.id, user.email, user.role, disabled, user.created_at)


def reset_password(store: HostedStore, email: str, password: str, now: datetime) -> UserRecord:
    """Give an account a new password; every session it had ends."""
    user = find_user(store, email)
    store.set_password_hash(user.id, hash_password(password), now)
    return user


def _keys(email: str, address: str | None) -> list[str]:
    keys = [f"account:{email}"]
    if address:
        keys.append(f"address:{address}")
    return keys


def sign_in(
    store: HostedStore, email: str, password: str, address: str | None, now: datetime
) -> Session:
    """Check the credentials and open a session, or raise ``SignInRefused`` / ``RateLimited``."""
    try:
        key_email = normal_email(email)
    except InputError:
        key_email = email.strip().lower()[:254]
    keys = _keys(key_email, address)
    if store.failures_since(keys, now - FAILURE_WINDOW) >= MAX_FAILURES:
        raise RateLimited(int(FAILURE_WINDOW.total_seconds()))
    found = store.user_with_hash(key_email)
    if not verify_password(found[1] if found else None, password) or found is None:
        store.record_failure(keys, now, now - FAILURE_WINDOW)
        raise SignInRefused("wrong email or password")
    user, stored_hash = found
    if user.disabled:
        raise SignInRefused("this account is disabled; ask the person who runs amends", True)
    store.clear_failures(keys[0])
    if needs_rehash(stored_hash):
        store.set_password_hash(user.id, hash_password(password), now)
    token = new_token()
    expires = now + timedelta(hours=SESSION_HOURS)
    store.create_session(token_hash(token), user.id, now, expires)
    return Session(token, user, expires)


def session_user(store: HostedStore, token: str | None, now: datetime) -> UserRecord | None:
    """The user a session token belongs to, or ``None`` (missing, forged, expired, revoked)."""
    if not token or len(token) > 200:
        return None
    return store.session_user(token_hash(token), now)


def sign_out(store: HostedStore, token: str | None, now: datetime) -> None:
    """End the session of ``token`` (nothing happens for an unknown token)."""
    if token and len(token) <= 200:
        store.revoke_session(token_hash(token), now)


def confirm_password(store: HostedStore, user: UserRecord, password: str) -> None:
    """Raise ``SignInRefused`` unless ``password`` is ``user``'s (before deleting data)."""
    found = store.user_with_hash(user.email)
    if found is None or not verify_password(found[1], password):
        raise SignInRefused("the password is not right; nothing was deleted")


def change_password(
    store: HostedStore, user: UserRecord, current: str, new: str, now: datetime
) -> Session:
    """The user's own password change: every session ends, a fresh one is returned."""
    check_password(new, "new_password")
    found = store.user_with_hash(user.email)
    if found is None or not verify_password(found[1], current):
        raise SignInRefused("the current password is not right; nothing was changed")
    store.set_password_hash(user.id, hash_password(new), now)
    token = new_token()
    expires = now + timedelta(hours=SESSION_HOURS)
    store.create_session(token_hash(token), user.id, now, expires)
    return Session(token, user, expires)
