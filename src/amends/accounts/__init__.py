"""Hosted mode's accounts: users, roles, passwords, sessions, sign-in limits, privacy.

A personal install has no accounts and sees every case; a hosted install
(PostgreSQL, ``amends serve --hosted``) signs every request in and reads the
store only through :meth:`~amends.store.base.HostedStore.for_user`.
"""

from __future__ import annotations

from amends.accounts.privacy import delete_account, export_account
from amends.accounts.service import (
    FAILURE_WINDOW,
    MAX_FAILURES,
    RateLimited,
    Session,
    SignInRefused,
    add_user,
    change_password,
    check_role,
    confirm_password,
    find_user,
    normal_email,
    reset_password,
    session_user,
    set_disabled,
    sign_in,
    sign_out,
)

__all__ = [
    "FAILURE_WINDOW",
    "MAX_FAILURES",
    "RateLimited",
    "Session",
    "SignInRefused",
    "add_user",
    "change_password",
    "check_role",
    "confirm_password",
    "delete_account",
    "export_account",
    "find_user",
    "normal_email",
    "reset_password",
    "session_user",
    "set_disabled",
    "sign_in",
    "sign_out",
]
