"""A slot result writes its explanation and notes lazily, and is still a plain value.

It was a frozen dataclass: equal by its fields, copyable, picklable (a web
worker's cache, ``copy.deepcopy`` in a caller). Writing its words on first read
must not change any of that, read or not.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from amends.slots import SlotRequest, SlotResult, find_slots

NOW = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)


def _result() -> SlotResult:
    # Early hours on both clocks and a long look-ahead: an explanation and notes to write.
    return find_slots(
        SlotRequest(
            now=NOW,
            interviewer_tz="America/New_York",
            candidate_tz="Asia/Tokyo",
            count=3,
        )
    )


COPIES: dict[str, Callable[[SlotResult], SlotResult]] = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": lambda result: pickle.loads(pickle.dumps(result)),
}


@pytest.mark.parametrize("how", sorted(COPIES))
@pytest.mark.parametrize("read_first", [False, True])
def test_a_slot_result_copies_and_pickles_with_its_words(how: str, read_first: bool) -> None:
    result = _result()
    if read_first:
        assert result.notes == _result().notes
    copied = COPIES[how](result)
    assert copied == result
    assert copied.to_json() == _result().to_json()
    assert (copied.explanation, copied.notes) == (result.explanation, result.notes)


def test_lazy_words_are_the_words_written_up_front() -> None:
    lazy = _result()
    eager = SlotResult(
        lazy.slots,
        lazy.requested,
        lazy.business_days,
        lazy.country,
        lazy.windows,
        lazy.near_misses,
        lazy.explanation,
        lazy.notes,
    )
    assert _result() == eager and hash(_result()) == hash(eager)
    assert repr(_result()) == repr(eager)
    with pytest.raises(AttributeError):
        lazy.slots = ()
