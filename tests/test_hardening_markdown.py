"""Markdown output carries user text as text: no payload becomes HTML or markup."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.conftest import CliRun

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** _it_ `code`",
]
FIELDS = ["name", "company", "role", "interviewer", "contact-name", "recruiter"]
BASE = {
    "name": "Sam Patel", "company": "Acme", "role": "Analyst", "interviewer": "Dana Lee",
    "contact-name": "Dana Lee", "recruiter": "Rae Cole",
}  # fmt: skip


def _tokens(markdown: str) -> list[str]:
    kinds: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        kinds.append(token.type)
        kinds.extend(child.type for child in token.children or ())
    return kinds


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_in_markdown_output_is_never_markup(
    field: str, payload: str, cli: CliRun
) -> None:
    values = {**BASE, field: f"Ann {payload}" if field == "name" else payload}
    args = ["plan", "--format", "markdown", "--at", "2026-11-23 10:00", "--tz", "Europe/London"]
    args += ["--scenario", "missed", "--reason", "forgot", "--now", "2026-11-23T10:40Z"]
    args += ["--contact-email", "dana@acme.example", "--contact-role", "recruiter"]
    for key, value in values.items():
        args += [f"--{key}", value]
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    kinds = _tokens(result.stdout)
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "link_open" not in kinds
    heading = result.stdout.splitlines()[0]
    if field in ("company", "role"):
        assert payload in MarkdownIt("commonmark").parse(heading)[1].children[0].content


def test_a_body_with_backticks_cannot_close_its_code_fence(cli: CliRun) -> None:
    args = ["plan", "--format", "markdown", "--at", "2026-11-23 10:00", "--tz", "Europe/London"]
    args += ["--scenario", "missed", "--reason", "forgot", "--now", "2026-11-23T10:40Z"]
    args += ["--name", "Sam", "--company", "Acme ```", "--role", "Analyst"]
    result = cli(args)
    assert result.exit_code == 0, result.stderr
    fences = [t for t in MarkdownIt("commonmark").parse(result.stdout) if t.type == "fence"]
    assert fences and all("Acme ```" in t.content for t in fences if "Acme" in t.content)
    assert "html_inline" not in _tokens(result.stdout)
