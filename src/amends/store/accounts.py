"""The account queries of hosted mode: users, sessions, failed sign-ins, shares, erasure.

Written once for both backends (mixed into :class:`~amends.store.sqlbase.SQLStore`).
The rules — password hashing, token generation, expiry and rate limits — live
in :mod:`amends.accounts`; this module only reads and writes rows. Instants
that are compared in SQL (session expiry, failure windows) are stored as UTC
ISO-8601 text with microseconds, which sorts like the instants themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from amends.errors import AccessError, InputError, StateError
from amends.store.records import CaseRecord, UserRecord
from amends.store.tx import Tx

_USER_COLUMNS = "id, email, role, disabled, created_at"


def utc_text(moment: datetime) -> str:
    """A sortable UTC ISO-8601 text for ``moment``."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _user(row: Sequence[Any]) -> UserRecord:
    uid, email, role, disabled, created = row[:5]
    return UserRecord(
        int(uid), str(email), str(role), bool(disabled), datetime.fromisoformat(created)
    )


class AccountQueries:
    """Mixin: what hosted mode stores besides cases."""

    _viewer: UserRecord | None

    def _transaction(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _get(self, tx: Tx, case_id: str, lock: bool = False) -> CaseRecord:
        raise NotImplementedError

    def _bool_in(self, value: bool) -> Any:
        return int(value)

    # -- users -----------------------------------------------------------------

    def add_user(self, email: str, role: str, password_hash: str, now: datetime) -> UserRecord:
        """A new account; ``InputError('email')`` when the address already has one."""
        with self._transaction(write=True) as tx:
            if tx.rows("SELECT 1 FROM users WHERE email = ?", (email,)):
                raise InputError("email", f"{email} already has an account")
            rows = tx.rows(
                "INSERT INTO users (email, role, password_hash, disabled, created_at) "
                f"VALUES (?, ?, ?, ?, ?) RETURNING {_USER_COLUMNS}",
                (email, role, password_hash, self._bool_in(False), now.isoformat()),
            )
            return _user(rows[0])

    def user_with_hash(self, email: str) -> tuple[UserRecord, str] | None:
        """The account with this email and its password hash, or ``None``."""
        with self._transaction(write=False) as tx:
            rows = tx.rows(
                f"SELECT {_USER_COLUMNS}, password_hash FROM users WHERE email = ?", (email,)
            )
        return (_user(rows[0]), str(rows[0][5])) if rows else None

    def list_users(self) -> list[UserRecord]:
        """Every account, oldest first."""
        with self._transaction(write=False) as tx:
            return [_user(r) for r in tx.rows(f"SELECT {_USER_COLUMNS} FROM users ORDER BY id")]

    def set_disabled(self, user_id: int, disabled: bool, now: datetime) -> None:
        """Disable (ending every session) or re-enable an account."""
        with self._transaction(write=True) as tx:
            tx.run("UPDATE users SET disabled = ? WHERE id = ?", (self._bool_in(disabled), user_id))
            if disabled:
                self._revoke_all(tx, user_id, now)

    def set_password_hash(self, user_id: int, password_hash: str, now: datetime) -> None:
        """A new password; every existing session of the account ends."""
        with self._transaction(write=True) as tx:
            tx.run("UPDATE users SET password_hash = ? WHERE id = ?", (password_hash, user_id))
            self._revoke_all(tx, user_id, now)

    # -- sessions --------------------------------------------------------------

    def create_session(
        self, token_hash: str, user_id: int, now: datetime, expires_at: datetime
    ) -> None:
        """Keep a new session (only the hash of its token is stored).

        The user's ended sessions (expired or revoked) go at the same time, so
        the table holds live sessions only.
        """
        with self._transaction(write=True) as tx:
            tx.run(
                "DELETE FROM sessions WHERE user_id = ? "
                "AND (expires_at <= ? OR revoked_at IS NOT NULL)",
                (user_id, utc_text(now)),
            )
            tx.run(
                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (token_hash, user_id, utc_text(now), utc_text(expires_at)),
            )

    def session_user(self, token_hash: str, now: datetime) -> UserRecord | None:
        """The enabled user of a live (unexpired, unrevoked) session, else ``None``."""
        with self._transaction(write=False) as tx:
            rows = tx.rows(
                "SELECT u.id, u.email, u.role, u.disabled, u.created_at FROM sessions s "
                "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? "
                "AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = ?",
                (token_hash, utc_text(now), self._bool_in(False)),
            )
        return _user(rows[0]) if rows else None

    def revoke_session(self, token_hash: str, now: datetime) -> None:
        """End one session (signing out)."""
        with self._transaction(write=True) as tx:
            tx.run(
                "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
                (utc_text(now), token_hash),
            )

    @staticmethod
    def _revoke_all(tx: Tx, user_id: int, now: datetime) -> None:
        tx.run(
            "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
            (utc_text(now), user_id),
        )

    # -- failed sign-ins -------------------------------------------------------

    def failures_since(self, keys: Sequence[str], since: datetime) -> int:
        """The largest number of failures any of ``keys`` had since ``since``."""
        with self._transaction(write=False) as tx:
            counts = [
                int(tx.rows(
                    "SELECT count(*) FROM sign_in_failures WHERE key = ? AND at > ?",
                    (key, utc_text(since)),
                )[0][0])
                for key in keys
            ]  # fmt: skip
        return max(counts, default=0)

    def record_failure(self, keys: Sequence[str], now: datetime, forget_before: datetime) -> None:
        """Count one failed sign-in against each key; every row older than the window goes."""
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM sign_in_failures WHERE at <= ?", (utc_text(forget_before),))
            for key in keys:
                tx.run("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)", (key, utc_text(now)))

    def clear_failures(self, key: str) -> None:
        """Forget the failures of ``key`` (after a successful sign-in)."""
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM sign_in_failures WHERE key = ?", (key,))

    # -- shares ----------------------------------------------------------------

    def _owned(self, tx: Tx, case_id: str) -> tuple[CaseRecord, UserRecord]:
        viewer = self._viewer
        if viewer is None:
            raise StateError("sharing a case needs a signed-in user")
        case = self._get(tx, case_id)
        if case.owner != viewer.email:
            raise AccessError(f"case {case.id} is not yours to share")
        return case, viewer

    def share_case(self, case_id: str, coach_email: str, now: datetime) -> None:
        """Let the coach with ``coach_email`` read the case (and add notes); idempotent."""
        with self._transaction(write=True) as tx:
            case, viewer = self._owned(tx, case_id)
            rows = tx.rows(
                "SELECT id FROM users WHERE email = ? AND role = 'coach' AND disabled = ?",
                (coach_email, self._bool_in(False)),
            )
            if not rows or int(rows[0][0]) == viewer.id:
                raise InputError("coach", f"there is no coach with the email {coach_email}")
            if not tx.rows(
                "SELECT 1 FROM shares WHERE case_id = ? AND coach_id = ?", (case.id, rows[0][0])
            ):
                tx.run(
                    "INSERT INTO shares (case_id, coach_id, created_at) VALUES (?, ?, ?)",
                    (case.id, rows[0][0], now.isoformat()),
                )

    def unshare_case(self, case_id: str, coach_email: str) -> bool:
        """Stop sharing with ``coach_email``; False when it was not shared with them."""
        with self._transaction(write=True) as tx:
            case, _ = self._owned(tx, case_id)
            found = tx.rows(
                "SELECT s.coach_id FROM shares s JOIN users u ON u.id = s.coach_id "
                "WHERE s.case_id = ? AND u.email = ?",
                (case.id, coach_email),
            )
            for (coach_id,) in found:
                tx.run("DELETE FROM shares WHERE case_id = ? AND coach_id = ?", (case.id, coach_id))
            return bool(found)

    def shared_with(self, case_id: str) -> list[str]:
        """The coaches' emails a case the viewer can see is shared with (owner's view)."""
        with self._transaction(write=False) as tx:
            case = self._get(tx, case_id)
            rows = tx.rows(
                "SELECT u.email FROM shares s JOIN users u ON u.id = s.coach_id "
                "WHERE s.case_id = ? ORDER BY u.email",
                (case.id,),
            )
        return [str(r[0]) for r in rows]

    # -- erasure ---------------------------------------------------------------

    def erase_user(self, user_id: int) -> int:
        """Delete the account and everything it owns, in one transaction; returns cases erased.

        The append-only trigger lets the owner's events through only while their
        case ids are listed in ``case_erasures``, which is emptied before commit.
        """
        with self._transaction(write=True) as tx:
            owned = [
                str(r[0]) for r in tx.rows("SELECT id FROM cases WHERE owner_id = ?", (user_id,))
            ]
            for case_id in owned:
                tx.run("INSERT INTO case_erasures (case_id) VALUES (?)", (case_id,))
                tx.run("DELETE FROM events WHERE case_id = ?", (case_id,))
                tx.run("DELETE FROM shares WHERE case_id = ?", (case_id,))
                tx.run("DELETE FROM cases WHERE id = ?", (case_id,))
                tx.run("DELETE FROM case_erasures WHERE case_id = ?", (case_id,))
            tx.run("DELETE FROM shares WHERE coach_id = ?", (user_id,))
            tx.run("DELETE FROM sessions WHERE user_id = ?", (user_id,))
            emails = tx.rows("SELECT email FROM users WHERE id = ?", (user_id,))
            for (email,) in emails:
                tx.run("DELETE FROM sign_in_failures WHERE key = ?", (f"account:{email}",))
            tx.run("DELETE FROM users WHERE id = ?", (user_id,))
        return len(owned)
