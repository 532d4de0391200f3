"""The cursor interface the shared queries run on (one per backend transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Tx(Protocol):
    """What the shared queries need from an open transaction."""

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run ``sql`` and return every row."""
        ...

    def run(self, sql: str, args: Sequence[Any] = ()) -> None:
        """Run ``sql`` for its effect."""
        ...
