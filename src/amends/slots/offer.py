"""What the finder answers: proposals, and an honest account when too few fit.

``slots`` only ever holds times that keep every rule. Anything that bends a
rule (a near-miss outside the candidate's own hours) is kept apart in
``near_misses`` with the size of the stretch, so no interface can show it as a
normal proposal by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from amends.dates.slot import Slot

Side = Literal["before", "after"]


@dataclass(frozen=True)
class NearMiss:
    """A time inside the interviewer's rules that falls outside the candidate's hours."""

    slot: Slot
    minutes_outside: int
    side: Side

    def to_json(self) -> dict[str, Any]:
        """The slot object plus how far, and on which side, it leaves the candidate's hours."""
        return {**self.slot.to_json(), "minutes_outside": self.minutes_outside, "side": self.side}


@dataclass(frozen=True)
class Window:
    """Availability on one or more consecutive days at the same hours on both clocks."""

    dates: tuple[date, ...]
    spans: tuple[tuple[datetime, datetime], ...]
    start: str
    end: str
    interviewer_local: str
    candidate_local: str
    text: str

    @property
    def message_text(self) -> str:
        """How a message writes it (the same as :attr:`text`)."""
        return self.text

    def to_json(self) -> dict[str, Any]:
        """The stable ``windows`` object of the JSON contract."""
        return {
            "dates": [d.isoformat() for d in self.dates],
            "start": self.start,
            "end": self.end,
            "interviewer_local": self.interviewer_local,
            "candidate_local": self.candidate_local,
            "text": self.text,
            "spans": [{"start": s.isoformat(), "end": e.isoformat()} for s, e in self.spans],
        }


Wording = Callable[[], tuple[str | None, tuple[str, ...]]]
"""What writes a result's explanation and notes, when they are first read."""


class SlotResult:
    """Proposals (best first in time order) and everything needed to explain them.

    Immutable. The explanation and notes are written when first read (from
    ``wording``, or given as they are): most callers read the times only, and the
    words are the same whenever they are written. Two results are equal when every
    field, words included, is.
    """

    _FIELDS = ("slots", "requested", "business_days", "country", "windows", "near_misses")
    __slots__ = (*_FIELDS, "_wording", "_words")
    slots: tuple[Slot, ...]
    requested: int
    business_days: tuple[date, ...]
    country: str | None
    windows: tuple[Window, ...]
    near_misses: tuple[NearMiss, ...]
    _wording: Wording | None
    _words: tuple[str | None, tuple[str, ...]] | None

    def __init__(
        self,
        slots: tuple[Slot, ...],
        requested: int,
        business_days: tuple[date, ...],
        country: str | None,
        windows: tuple[Window, ...] = (),
        near_misses: tuple[NearMiss, ...] = (),
        explanation: str | None = None,
        notes: tuple[str, ...] = (),
        *,
        wording: Wording | None = None,
    ) -> None:
        values = (slots, requested, business_days, country, windows, near_misses)
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_wording", wording)
        object.__setattr__(self, "_words", None if wording else (explanation, tuple(notes)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"SlotResult is immutable: cannot set {name}")

    def _written(self) -> tuple[str | None, tuple[str, ...]]:
        words = self._words
        if words is None:
            wording = self._wording
            if wording is None:  # another thread wrote them since (words first, then this)
                words = self._words
                assert words is not None
            else:
                words = wording()
                object.__setattr__(self, "_words", words)
                object.__setattr__(self, "_wording", None)
        return words

    @property
    def explanation(self) -> str | None:
        """Why fewer than the requested times fit, in plain words (``None`` if all fit)."""
        return self._written()[0]

    @property
    def notes(self) -> tuple[str, ...]:
        """Which country's rules applied, holidays and closures skipped, calendar warnings."""
        return self._written()[1]

    def _fields(self) -> tuple[object, ...]:
        return (
            self.slots,
            self.requested,
            self.business_days,
            self.country,
            self.windows,
            self.near_misses,
            *self._written(),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SlotResult):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __reduce__(self) -> tuple[type[SlotResult], tuple[object, ...]]:
        # Copied, deep-copied and pickled by its fields, words written (the frozen
        # dataclass it was could be; the default would set slots one by one, or try to
        # pickle the writer).
        return (SlotResult, self._fields())

    def __repr__(self) -> str:
        names = (*self._FIELDS, "explanation", "notes")
        shown = ", ".join(f"{n}={v!r}" for n, v in zip(names, self._fields(), strict=True))
        return f"SlotResult({shown})"

    @property
    def complete(self) -> bool:
        """True when as many times (or windows) were found as were asked for."""
        return len(self.slots) >= self.requested or bool(self.windows)

    def to_json(self) -> dict[str, Any]:
        """``{"slots", "windows", "near_misses", "explanation", "notes", ...}``."""
        return {
            "slots": [slot.to_json() for slot in self.slots],
            "windows": [window.to_json() for window in self.windows],
            "near_misses": [miss.to_json() for miss in self.near_misses],
            "explanation": self.explanation,
            "notes": list(self.notes),
            "country": self.country,
            "business_days": [d.isoformat() for d in self.business_days],
        }
