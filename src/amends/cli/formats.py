"""The output formats commands offer (``--format``), apart so any command can name them cheaply.

:mod:`amends.cli.fastargs` turns ``--format json`` into these members for commands run
without Typer; :mod:`amends.cli.common` re-exports them for everything else.
"""

from __future__ import annotations

from enum import StrEnum


class OutputFormat(StrEnum):
    """How a command prints its result."""

    text = "text"
    markdown = "markdown"
    json = "json"


class ResultFormat(StrEnum):
    """For commands without a markdown rendering."""

    text = "text"
    json = "json"
