"""A slot result writes its explanation and notes lazily, and is still a plain value.

It was a frozen dataclass: equal by its fields, copyable, picklable (a web
worker's cache, ``copy.deepcopy`` in a caller). Writing its words on first read
must not change any of that, read or not.
"""

from __future__ import annotations

import copy
import pickle
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import FrameType
from typing import Any

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


def test_two_threads_reading_the_words_at_once_both_get_them() -> None:
    """One thread finds the words unwritten and is paused there; another writes them
    meanwhile; the first then reads the written words (not a cleared writer)."""
    result = SlotResult((), 1, (), None, wording=lambda: ("why", ("note",)))
    paused, resume = threading.Event(), threading.Event()
    seen: list[object] = []

    def pause_after_first_read(frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_name != "_written":
            return None
        lines = 0

        def each_line(frame: FrameType, event: str, arg: object) -> Any:
            nonlocal lines
            if event == "line":
                lines += 1
                if lines == 2 and not paused.is_set():  # the first statement has run
                    paused.set()
                    resume.wait(5)
            return each_line

        return each_line

    def read() -> None:
        sys.settrace(pause_after_first_read)
        try:
            seen.append(result.notes)
        except BaseException as error:  # the failure is what is looked at
            seen.append(error)
        finally:
            sys.settrace(None)

    reader = threading.Thread(target=read)
    reader.start()
    assert paused.wait(5)
    assert result.explanation == "why"
    resume.set()
    reader.join(5)
    assert seen == [("note",)]
