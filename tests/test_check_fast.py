"""`amends check` without Typer answers exactly as the Typer command does.

:mod:`amends.cli.check_fast` runs a check given ordinary arguments and leaves
everything else (help, usage errors, unusual forms) to Typer; these tests run the
same arguments both ways and compare output, errors and exit codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amends.cli import _run_typer
from amends.cli.check_fast import parse_check_args
from tests.conftest import CliResult, CliRun

BLAMING = "Subject: Missed interview\n\nDear Dana,\n\nSorry, but it wasn't my fault.\n"
GOOD = (
    "Subject: Apology for missing our interview – Zoë, Analyst\n\nDear Dana,\n\n"
    "I apologise for missing our interview; that was my responsibility. I remain very "
    "interested in the role. Could we meet on Tuesday at 10:00 GMT?\n\nThank you.\nZoë\n"
)


def _typer_only(args: list[str], input: str | None = None) -> CliResult:
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, *_):
        code = 0
        try:
            _run_typer(["check", *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        sys.stdout.flush()
        sys.stderr.flush()
        return CliResult(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture
def drafts(tmp_path: Path) -> Callable[[str], str]:
    def write(text: str) -> str:
        path = tmp_path / f"d{len(list(tmp_path.iterdir()))}.txt"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


ARGUMENTS = [
    ["{bad}"],
    ["{good}"],
    ["{bad}", "--format", "json"],
    ["-f", "json", "{good}"],
    ["{bad}", "--format=json", "--kind", "script"],
    ["--kind=request", "{bad}", "--reason", "transit"],
    ["{bad}", "--reason", "overslept", "-i", "blame", "--ignore", "missing-thanks,subject"],
    ["{bad}", "--ignore=no-such-rule"],
    ["{bad}", "--reason", "not-a-reason"],
    ["{missing}"],
    ["{folder}"],
    ["{empty}"],
    ["{bad}", "--kind", "email", "--format", "text"],
]


@pytest.mark.parametrize("template", ARGUMENTS, ids=lambda a: " ".join(a))
def test_quick_check_answers_as_the_typer_command(
    template: list[str], cli: CliRun, drafts: Callable[[str], str], tmp_path: Path
) -> None:
    names = {
        "bad": drafts(BLAMING),
        "good": drafts(GOOD),
        "missing": str(tmp_path / "nowhere.txt"),
        "folder": str(tmp_path),
        "empty": drafts("  \n"),
    }
    args = [a.format(**names) for a in template]
    assert parse_check_args(args) is not None  # the quick path is the one taken
    assert cli(["check", *args]) == _typer_only(args)


def test_quick_check_reads_standard_input_as_the_typer_command(cli: CliRun) -> None:
    quick = cli(["check", "-", "--format", "json"], input=BLAMING)
    assert quick == _typer_only(["-", "--format", "json"], input=BLAMING)
    assert quick.exit_code == 1 and json.loads(quick.stdout)["findings"]


@pytest.mark.parametrize(
    "args",
    [["--help"], ["x.txt", "-h"], [], ["a.txt", "b.txt"], ["x.txt", "--kind", "letter"],
     ["x.txt", "--kind"], ["x.txt", "--format", "yaml"], ["x.txt", "--kind", "script", "--kind",
     "request"], ["--", "x.txt"], ["x.txt", "-ijson"], ["x.txt", "-i=blame"], ["x.txt", "--frmat",
     "json"], ["x.txt", "--reason", "-x"]],
)  # fmt: skip
def test_help_usage_errors_and_unusual_forms_are_left_to_typer(args: list[str]) -> None:
    assert parse_check_args(args) is None


def test_usage_errors_still_come_from_typer(cli: CliRun, drafts: Callable[[str], str]) -> None:
    done = cli(["check", drafts(BLAMING), "--kind", "letter"])
    assert done.exit_code == 2
    assert done.stderr.startswith("amends: error: Invalid value for '--kind'")


def test_checking_a_draft_loads_neither_typer_click_nor_rich(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(BLAMING, encoding="utf-8")
    code = (
        "import json, sys\nfrom amends.cli import main\n"
        f"sys.argv = ['amends', 'check', {str(draft)!r}, '--reason', 'overslept']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "top = sorted({m.split('.')[0] for m in sys.modules})\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps(top))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    loaded = set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))
    assert "blame" in done.stdout
    assert not loaded & {"typer", "click", "rich", "pydantic"}, sorted(loaded)
