"""Any text at all: the checker never crashes and every span points at its excerpt."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.check import check_email, check_text, parse_draft

PHRASES = st.sampled_from(
    [
        "Subject: ",
        "I’m sorry",
        " at 10:00",
        " EST",
        " traffic was terrible",
        "[Name]",
        "<!-- amends: ignore blame -->",
        "\n",
        "\r\n",
        "Zoë Núñez",
        "!!",
        " a.m.",
        "—",
        "   ",
    ]
)
TEXT = st.one_of(st.text(), st.lists(st.one_of(PHRASES, st.text(max_size=8))).map("".join))


def _spans_hold(text: str, kind: str = "email") -> None:
    report = check_text(text, kind=kind)  # type: ignore[arg-type]
    assert report.text == text
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.excerpt
        assert f.severity in ("error", "warning")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_arbitrary_unicode_never_crashes_and_spans_are_exact(text: str) -> None:
    _spans_hold(text)
    _spans_hold(text, "script")


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40)), TEXT)
def test_subject_and_body_spans_refer_to_the_report_text(subject: str | None, body: str) -> None:
    report = check_email(subject, body)
    for f in report.findings:
        assert report.text[f.start : f.end] == f.excerpt


@given(TEXT)
def test_parse_draft_keeps_offsets_of_the_text_as_given(text: str) -> None:
    draft = parse_draft(text)
    assert draft.text == text
    assert 0 <= draft.body_start <= len(text)
    if draft.subject_start is not None and draft.subject_end is not None:
        assert draft.subject_start <= draft.subject_end <= draft.body_start
