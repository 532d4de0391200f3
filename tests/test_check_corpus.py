"""The corpus: each category fires on the drafts that deserve it and stays quiet on near misses."""

from __future__ import annotations

import pytest

from amends.check import CATEGORIES, check_text
from tests.check_corpus_cases import Case, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", [c for c in CASES if c.category != "clean"], ids=lambda c: c.id)
def test_category_fires_only_where_it_should(case: Case) -> None:
    report = check_text(case.text, kind=case.kind)  # type: ignore[arg-type]
    found = case.category in report.categories
    shown = [(f.rule, f.excerpt) for f in report.findings]
    assert found == case.expect, f"{case.id}: expected {case.expect}, findings {shown}"


@pytest.mark.parametrize("case", [c for c in CASES if c.category == "clean"], ids=lambda c: c.id)
def test_well_written_drafts_have_no_findings(case: Case) -> None:
    report = check_text(case.text, kind=case.kind)  # type: ignore[arg-type]
    assert report.findings == (), [(f.rule, f.excerpt) for f in report.findings]


def test_corpus_covers_every_category_with_triggers_and_near_misses() -> None:
    for category in CATEGORIES:
        triggers = [c for c in CASES if c.category == category and c.expect]
        near = [c for c in CASES if c.category == category and not c.expect]
        assert len(triggers) >= 2, category
        assert len(near) >= 2, category
