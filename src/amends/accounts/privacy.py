"""A user's own data: download all of it, or delete the account with all of it.

The export has the shape of ``amends export`` (so it can be imported into a
personal install) plus an ``account`` block; it holds the cases the user owns,
not those others shared with them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from amends.accounts.service import confirm_password
from amends.cases.service import export_all
from amends.store.base import HostedStore
from amends.store.records import UserRecord


def export_account(store: HostedStore, user: UserRecord, now: datetime) -> dict[str, Any]:
    """Everything amends holds about ``user``: the account and the cases they own."""
    scoped = store.for_user(user)
    document = export_all(scoped, now)
    document["cases"] = [case.to_json() for case in scoped.list_cases() if case.owner == user.email]
    document["account"] = user.to_json()
    return document


def delete_account(
    store: HostedStore, user: UserRecord, password: str | None, now: datetime
) -> int:
    """Erase ``user`` and their cases (after the password, unless an admin acts: ``None``)."""
    if password is not None:
        confirm_password(store, user, password)
    return store.erase_user(user.id)
