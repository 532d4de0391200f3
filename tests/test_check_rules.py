"""The rule catalogue: complete, consistent with the severity policy, and validated on load."""

from __future__ import annotations

from importlib import resources

import pytest

from amends.check import CATEGORIES, ERROR_CATEGORIES, catalogue, check_text, severity_of
from amends.check.rules import parse_catalogue
from amends.errors import InputError

SOURCE = resources.files("amends.data").joinpath("check_rules.toml").read_text("utf-8")


def test_every_category_has_a_rule_and_the_fixed_severity() -> None:
    rules = catalogue().rules
    assert {r.category for r in rules} == set(CATEGORIES)
    for rule in rules:
        assert rule.severity == severity_of(rule.category)
        assert rule.message and rule.suggestion
    assert {
        "blame",
        "demand",
        "begging",
        "overshare",
        "missing-apology",
        "unfilled-placeholder",
    } == ERROR_CATEGORIES


def test_catalogue_rejects_a_severity_that_breaks_the_policy() -> None:
    broken = SOURCE.replace(
        'id = "begging"\ncategory = "begging"\nseverity = "error"',
        'id = "begging"\ncategory = "begging"\nseverity = "warning"',
    )
    assert broken != SOURCE
    with pytest.raises(ValueError, match="must have severity error"):
        parse_catalogue(broken)


def test_catalogue_rejects_unknown_lexicon_reference() -> None:
    broken = SOURCE.replace('patterns = ["@thanks"]', 'patterns = ["@thank-you-notes"]')
    with pytest.raises(ValueError, match="unknown lexicon entry"):
        parse_catalogue(broken)


def test_unknown_ignore_name_is_bad_input() -> None:
    with pytest.raises(InputError) as info:
        check_text("Hello", ignore=["no-such-rule"])
    assert info.value.field == "ignore"


def test_missing_apology_anchors_at_the_body_not_the_subject() -> None:
    text = "Subject: Interview – Zoë Núñez\n\nDear Dana, could we talk? Thank you."
    report = check_text(text)
    finding = next(f for f in report.findings if f.category == "missing-apology")
    assert finding.start == finding.end == text.index("Dear")


def test_curly_quotes_and_case_do_not_hide_an_excuse() -> None:
    for text in ("My alarm didn’t go off.", "MY ALARM DIDN'T GO OFF.", "my alarm  didn't go off"):
        assert "excuse" in check_text(text).categories, text


def test_time_zone_written_once_for_a_range_covers_both_ends() -> None:
    assert "missing-timezone" not in check_text("I'm free 10:00–11:00 EST.").categories
    assert "missing-timezone" in check_text("I'm free 10:00–11:00.").categories
