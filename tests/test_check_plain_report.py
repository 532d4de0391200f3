"""The text report without Rich prints exactly what Rich prints when stdout is not a terminal.

``amends check`` writes its report directly (no Rich import) unless the output
is a terminal, a forced one, or contains a tab; these tests render every kept
draft both ways and compare the bytes.
"""

from __future__ import annotations

import io
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from amends.check import CheckReport, check_text
from amends.cli import check_report

DRAFTS = Path(__file__).resolve().parents[1] / "training" / "check" / "drafts"

ODD = [
    "Subject: Sorry\r\n\r\nDear Dana,\r\nIt was not my fault.\r\nThanks\r\n",
    "Dear Dana,\n\nsorry sorry sorry\x07 I was late\x0b because the bus\x0c failed.\x08\n",
    "Dear 山田様,\n\nI am sorry 😀 I missed it at 10:00. It wasn't my fault, the invite was wrong.",
    "Hi,\n\n" + "I apologise profusely " * 30 + "and it was the traffic's fault.\n",
    "Dear [NAME],\n\nPlease reply ASAP!!! I need this job. Can we meet at 3pm?\n",
    "Great, thanks.",
]
_CONTROLS = (
    "".join(chr(c) for c in range(1, 32) if c not in (9, 10)) + "\x7f\x85\u2028\u200b\x1b[31m"
)
ODD.append(
    f"Dear Dana,\n\nIt was not my fault{_CONTROLS} the invite was wrong.\nASAP!!!{_CONTROLS}\n"
)


def _drafts() -> Iterator[str]:
    for path in sorted(DRAFTS.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for entry in data.get("draft") or data.get("drafts") or data.get("case") or []:
            yield str(entry["text"])
    yield from ODD


def _both(name: str, report: CheckReport, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    lines = check_report.report_lines(name, report)
    rendered = []
    for render in (check_report.render_rich, check_report.render_plain):
        buffer = io.StringIO()
        monkeypatch.setattr(sys, "stdout", buffer)
        render(lines)
        rendered.append(buffer.getvalue())
    monkeypatch.undo()
    return rendered[0], rendered[1]


def test_plain_report_matches_rich_on_every_kept_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = [d for d in _drafts() if "\t" not in d]
    assert len(drafts) > 300
    with_findings = 0
    for n, text in enumerate(drafts):
        report = check_text(text)
        with_findings += bool(report.findings)
        rich, plain = _both(f"draft-{n}.txt", report, monkeypatch)
        assert plain == rich, text
    assert with_findings > 100


def test_plain_report_matches_rich_for_odd_file_names(monkeypatch: pytest.MonkeyPatch) -> None:
    report = check_text(ODD[1])
    for name in ("standard input", "my draft [final].txt", "dossier/lettre é.txt", "a\rb.txt"):
        rich, plain = _both(name, report, monkeypatch)
        assert plain == rich


def test_report_with_a_tab_is_written_by_rich_which_expands_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = check_text("Dear Dana,\n\nSorry,\tit was not my fault; the invite was wrong.\n")
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stdout", buffer)
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    check_report.render_text("draft.txt", report)
    assert "\t" not in buffer.getvalue()
    assert "    Sorry,      it was not my fault" in buffer.getvalue()  # the next stop of 8


@pytest.mark.parametrize(
    ("env", "styled"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": ""}, False),
     ({"TTY_COMPATIBLE": "1"}, True), ({"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, False)],
)  # fmt: skip
def test_styles_are_shown_exactly_when_rich_would_style(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], styled: bool
) -> None:
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    from rich.console import Console

    assert check_report._styles_shown() is styled
    assert Console(file=sys.stdout).is_terminal is styled
