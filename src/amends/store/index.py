"""The case index: what listings read, kept queryable beside the append-only history.

Written once for both backends (mixed into :class:`~amends.store.sqlbase.SQLStore`).
A case's state, the few situation fields a listing shows and its due steps are
derived from its history by the case engine (:mod:`amends.cases.indexing`); this
module only stores and queries them. The table ``case_index`` has one row per
case, ``case_steps`` one row per due step, so ``amends cases``, ``amends next``
and the web case list are one paginated query each instead of replaying every
history. Each row remembers what it was derived from (the history's last
``seq``, the engine's ``key``) and until when it holds (``valid_until``); a row
that no longer matches is *stale* and the engine derives it again. Every query
is scoped like the case queries, so a tenant's index is as private as its cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from amends.store.records import UserRecord
from amends.store.tx import Tx


@dataclass(frozen=True, slots=True)
class StepRow:
    """One due step as the index keeps it: times as fixed-width UTC text and as worded."""

    case_id: str
    step: str
    at: str
    by: str | None
    title: str
    text: str
    at_text: str
    by_text: str | None
    item: dict[str, Any] | None = None  # the step's JSON (read only when asked for)


@dataclass(frozen=True)
class IndexRow:
    """What the case engine derived for one case."""

    case_id: str
    key: str
    seq: int | None  # the history's last event (``None``: read it, for a damaged case)
    state: str
    is_open: bool
    valid_until: str | None
    fields: dict[str, str]  # company, role, contact, interview_start, opened, opened_at
    steps: tuple[StepRow, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class IndexedCase:
    """One row of a listing: the case's listed fields, its first due step, its owner."""

    case_id: str
    state: str
    company: str
    role: str
    contact: str
    interview_start: str
    opened: str
    first_step: StepRow | None
    owner: str | None


_FIELDS = ("company", "role", "contact", "interview_start", "opened")
_COLUMNS = (*_FIELDS, "opened_at")  # opened_at: when it was opened, as sortable UTC text
# Most urgent first, as the web's case list shows them: overdue, due, coming up, nothing
# due, closed; newest first within each (the first step's status, as step_status says).
_URGENT_FIRST = (
    "CASE WHEN i.is_open = 0 THEN 4 WHEN s.step IS NULL THEN 3 WHEN s.at > ? THEN 2 "
    "WHEN s.by_at IS NOT NULL AND ? > s.by_at THEN 0 ELSE 1 END, "
    "i.opened_at DESC, i.ordinal DESC"
)
_STEP = "s.step, s.at, s.by_at, s.title, s.body, s.at_text, s.by_text"


def _in(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def _limit(limit: int | None, offset: int) -> tuple[str, tuple[int, ...]]:
    """The ``LIMIT``/``OFFSET`` clause of one page (both dialects spell it the same)."""
    if limit is None:
        return (" LIMIT ? OFFSET ?", (2**62, offset)) if offset else ("", ())
    return " LIMIT ? OFFSET ?", (limit, offset)


class IndexQueries:
    """Mixin: find stale index rows, write derived rows, list cases and due steps."""

    _viewer: UserRecord | None
    case_order: str
    lock_suffix: str

    def _transaction(self, write: bool) -> AbstractContextManager[Tx]:
        raise NotImplementedError

    def _json_in(self, value: Any) -> Any:
        raise NotImplementedError

    def _object(self, value: Any) -> dict[str, Any]:
        raise NotImplementedError

    def _scope(self, of: str = "c", case_id: str = "id") -> tuple[str, tuple[Any, ...]]:
        raise NotImplementedError

    def stale_index(self, key: str, now: str) -> list[str]:
        """Ids of the cases (in scope) whose index row is missing or no longer holds.

        A row holds while it was derived with ``key`` from the case's latest event
        and ``now`` (UTC text, as the rows store it) is before its ``valid_until``.
        """
        scope, args = self._scope()
        sql = (
            "SELECT c.id FROM cases c LEFT JOIN case_index i ON i.case_id = c.id "
            f"WHERE {scope} AND (i.case_id IS NULL OR i.key <> ? "
            "OR (i.valid_until IS NOT NULL AND i.valid_until <= ?) "
            "OR i.seq <> coalesce((SELECT e.seq FROM events e WHERE e.case_id = c.id "
            "ORDER BY e.seq DESC LIMIT 1), 0))"
        )
        with self._transaction(write=False) as tx:
            return [str(row[0]) for row in tx.rows(sql, (*args, key, now))]

    def put_index(self, rows: Sequence[IndexRow]) -> None:
        """Replace the index rows (and due steps) of these cases, in one transaction."""
        if not rows:
            return
        ids = [r.case_id for r in rows]
        with self._transaction(write=True) as tx:
            # Only cases that still exist (and are in scope) are indexed; their rows are
            # locked (PostgreSQL; in id order) so two listings re-deriving the same case
            # one after the other replace each other's rows instead of colliding.
            scope, args = self._scope()
            found = tx.rows(
                f"SELECT c.id FROM cases c WHERE {scope} AND c.id IN ({_in(ids)}) "
                f"ORDER BY c.id{self.lock_suffix}",
                (*args, *ids),
            )
            known = {str(row[0]) for row in found}
            kept = [r for r in rows if r.case_id in known]
            if not kept:
                return
            kept_ids = [r.case_id for r in kept]
            tx.run(f"DELETE FROM case_steps WHERE case_id IN ({_in(kept_ids)})", kept_ids)
            tx.run(f"DELETE FROM case_index WHERE case_id IN ({_in(kept_ids)})", kept_ids)
            for r in kept:
                self._insert_row(tx, r)

    def _insert_row(self, tx: Tx, r: IndexRow) -> None:
        tx.run(
            "INSERT INTO case_index (case_id, key, seq, state, is_open, valid_until, "
            "company, role, contact, interview_start, opened, opened_at, problem, owner_id, "
            "ordinal) SELECT ?, ?, "
            "coalesce(?, (SELECT coalesce(max(e.seq), 0) FROM events e WHERE e.case_id = ?)), "
            f"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, c.owner_id, c.{self.case_order} "
            "FROM cases c WHERE c.id = ?",
            (
                r.case_id,
                r.key,
                r.seq,
                r.case_id,
                r.state,
                int(r.is_open),
                r.valid_until,
                *(r.fields.get(name, "") for name in _COLUMNS),
                r.problem,
                r.case_id,
            ),
        )
        for n, s in enumerate(r.steps):
            tx.run(
                "INSERT INTO case_steps (case_id, n, at, by_at, step, title, body, at_text, "
                "by_text, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    r.case_id,
                    n,
                    s.at,
                    s.by,
                    s.step,
                    s.title,
                    s.text,
                    s.at_text,
                    s.by_text,
                    self._json_in(s.item or {}),
                ),
            )

    def _step(self, case_id: Any, values: Sequence[Any], item: Any) -> StepRow:
        step, at, by, title, text, at_text, by_text = values
        return StepRow(
            str(case_id),
            str(step),
            str(at),
            by,
            str(title),
            str(text),
            str(at_text),
            by_text,
            self._object(item) if item is not None else None,
        )

    def indexed_cases(
        self,
        include_closed: bool,
        limit: int | None = None,
        offset: int = 0,
        detail: bool = False,
        urgent_at: str | None = None,
    ) -> tuple[list[IndexedCase], int]:
        """One page of listed cases, oldest first, and how many there are in all.

        Damaged cases are not listed here (see :meth:`damaged_index`); ``detail``
        also reads each first step's JSON; ``urgent_at`` (a "now" as UTC text)
        orders the most urgent first instead.
        """
        scope, args = self._scope("i", "case_id")
        where = f"{scope} AND i.problem IS NULL"
        if not include_closed:
            where += " AND i.is_open = 1"
        joined = "FROM case_index i"
        fields = ", ".join(f"i.{name}" for name in _FIELDS)
        item = "s.item" if detail else "NULL"
        sql = (
            f"SELECT i.case_id, i.state, {fields}, s.step IS NOT NULL, {_STEP}, {item}, u.email "
            f"{joined} LEFT JOIN case_steps s ON s.case_id = i.case_id AND s.n = 0 "
            f"LEFT JOIN users u ON u.id = i.owner_id WHERE {where} ORDER BY "
        )
        order: tuple[str, ...] = ()
        if urgent_at is None:
            sql += "i.ordinal"
        else:
            sql, order = sql + _URGENT_FIRST, (urgent_at, urgent_at)
        page, page_args = _limit(limit, offset)
        with self._transaction(write=False) as tx:
            total = int(tx.rows(f"SELECT count(*) {joined} WHERE {where}", args)[0][0])
            rows = tx.rows(sql + page, (*args, *order, *page_args))
        found = []
        for row in rows:
            cid, state, company, role, contact, start, opened, has_step = row[:8]
            step = self._step(cid, row[8:15], row[15]) if has_step else None
            found.append(
                IndexedCase(
                    str(cid), str(state), company, role, contact, start, opened, step, row[16]
                )
            )
        return found, total

    def indexed_steps(
        self, limit: int | None = None, offset: int = 0, detail: bool = False
    ) -> tuple[list[StepRow], int]:
        """One page of due steps across the cases in scope, in ``amends next`` order."""
        # Only open, sound cases have steps; a scoped store joins the index for the owner.
        base = "FROM case_steps s"
        scope, args = self._scope("i", "case_id")
        if self._viewer is not None:
            base += f" JOIN case_index i ON i.case_id = s.case_id WHERE {scope}"
        item = "s.item" if detail else "NULL"
        sql = f"SELECT s.case_id, {_STEP}, {item} {base} ORDER BY s.at, s.case_id, s.step"
        page, page_args = _limit(limit, offset)
        with self._transaction(write=False) as tx:
            total = int(tx.rows(f"SELECT count(*) {base}", args)[0][0])
            rows = tx.rows(sql + page, (*args, *page_args))
        return [self._step(row[0], row[1:8], row[8]) for row in rows], total

    def damaged_index(self) -> list[tuple[str, str]]:
        """``(id, problem)`` of every damaged case in scope, oldest first."""
        scope, args = self._scope("i", "case_id")
        sql = (
            "SELECT i.case_id, i.problem FROM case_index i "
            f"WHERE {scope} AND i.problem IS NOT NULL ORDER BY i.ordinal"
        )
        with self._transaction(write=False) as tx:
            return [(str(cid), str(problem)) for cid, problem in tx.rows(sql, args)]
