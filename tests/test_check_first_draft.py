"""A process's first draft is checked with no index built, and reads as every later one.

``amends check FILE`` checks one draft: building the substring gate and the lead index
(every literal and lead of the whole catalogue filed by its letters) costs more than asking
that draft's patterns one by one, so the first draft a process checks builds neither
(``amends.check.scan.GATE_AFTER``). The rule protected: the report never depends on
which way a draft was checked.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from amends.check import check_text, scan
from tests.check_corpus_cases import load_cases

_PROBE = """
from amends.check import check_text, scan
text = "Hi Dana, sorry I missed our call at 10:00 today. Could we do Tuesday at 14:00?"
check_text(text)
print(scan._gate.cache_info().currsize, scan._leads.cache_info().currsize)
check_text(text)
print(scan._gate.cache_info().currsize, scan._leads.cache_info().currsize)
"""


def test_the_first_draft_builds_no_index_and_the_second_builds_both() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    assert out[:2] == ["0 0", "1 1"]


def _reports(kinds: list[str | None]) -> list[str]:
    cases = load_cases()[::3]
    return [
        check_text(case.text, kind=kind).to_json() for case in cases for kind in (case.kind, *kinds)
    ]


def test_a_draft_checked_pattern_by_pattern_reads_as_one_checked_with_the_indexes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kinds: list[str | None] = [None, "script"]
    monkeypatch.setattr(scan, "GATE_AFTER", 0)
    indexed = _reports(kinds)
    monkeypatch.setattr(scan, "GATE_AFTER", sys.maxsize)
    assert _reports(kinds) == indexed
