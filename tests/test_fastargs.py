"""`amends check` and `amends plan` without Typer answer exactly as the Typer commands do.

:mod:`amends.cli.fastargs` reads ordinary arguments with the option table derived
from each Typer command and leaves everything else (help, usage errors, unusual
forms) to Typer; these tests run the same arguments both ways and compare output,
errors and exit codes.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from amends.cli import _run_typer
from amends.cli.fastargs import option_table, parse_options
from tests.conftest import CliResult, CliRun

BLAMING = "Subject: Missed interview\n\nDear Dana,\n\nSorry, but it wasn't my fault.\n"
GOOD = (
    "Subject: Apology for missing our interview – Zoë, Analyst\n\nDear Dana,\n\n"
    "I apologise for missing our interview; that was my responsibility. I remain very "
    "interested in the role. Could we meet on Tuesday at 10:00 GMT?\n\nThank you.\nZoë\n"
)


def _typer_only(args: list[str], input: str | None = None, command: str = "check") -> CliResult:
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, *_):
        code = 0
        try:
            _run_typer([command, *args])
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


def parse_check_args(args: list[str]) -> dict[str, object] | None:
    table = option_table("check")
    assert table is not None  # every parameter of `amends check` is one the fast path reads
    return parse_options(table, args)


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
    first = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "typer" in first.stderr  # the first run derives the option table with Typer
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    loaded = set(json.loads(done.stderr.rsplit("MODULES ", 1)[1]))
    assert "blame" in done.stdout
    assert not loaded & {"typer", "click", "rich", "pydantic"}, sorted(loaded)


BASE_PLAN = [
    "--name", "Sam Patel", "--company", "Acme", "--role", "Data Analyst",
    "--interviewer", "Dana Lee", "--at", "2026-11-23 10:00", "--tz", "Europe/London",
    "--scenario", "missed", "--reason", "overslept", "--now", "2026-11-23T10:40Z",
]  # fmt: skip
PLAN_ARGUMENTS = [
    ["--format", "json"],
    ["-f", "json", "--contact-email", "dana@acme.example", "--contact-phone", "+44 20 7946 0000"],
    ["--format=markdown", "--my-tz", "America/New_York", "--senior"],
    ["--format", "json", "--not-senior", "--slot", "2026-11-25 14:00", "--slot=2026-11-26 10:00"],
    ["--format", "json", "--windows", "--days", "3", "--count", "2", "--duration=60"],
    ["--format", "json", "--hours", "10:00-16:00", "--my-hours", "07:00-22:00", "--country", "GB"],
    ["--format", "json", "--greeting", "formal", "--english", "us", "--mode", "phone"],
    ["--format", "json", "--contact-role", "recruiter", "--contact-name", "Ann Lo"],
    ["--format", "text"],
    [],
    ["--format", "json", "--tz", "Mars/Olympus"],
    ["--format", "json", "--contact-email", "not-an-address"],
    ["--format", "json", "--count", "0"],
    ["--format", "json", "--duration", " 30"],
    ["--format", "json", "--at", ""],
    ["--format", "json", "--fold", "sideways"],
    ["--format", "json", "--scenario", "late", "--now", "2026-11-23T09:40Z"],
    ["--format", "json", "--profile", "{missing}"],
    ["--format", "json", "--busy", "{missing}"],
    ["--format", "json", "--story", "-"],
]


@pytest.mark.parametrize("extra", PLAN_ARGUMENTS, ids=lambda a: " ".join(a) or "text")
def test_quick_plan_answers_as_the_typer_command(
    extra: list[str], cli: CliRun, tmp_path: Path
) -> None:
    """Same output, errors and exit code; the later of two equal options is not reached."""
    given = {a.split("=")[0] for a in extra if a.startswith("--")}
    base = [a for pair in zip(BASE_PLAN[::2], BASE_PLAN[1::2], strict=True) for a in pair
            if pair[0] not in given]  # fmt: skip
    args = [*base, *(a.format(missing=tmp_path / "nowhere") for a in extra)]
    table = option_table("plan")
    assert table is not None and parse_options(table, args) is not None
    story = "missed my interview, my alarm didnt go off"
    assert cli(["plan", *args], input=story) == _typer_only(args, input=story, command="plan")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--days", "three"], ["--count", "-1"], ["--format", "yaml"], ["--company"],
     ["--company", "A", "--company", "B"], ["--senior=yes"], ["extra"], ["--", "--company"],
     ["-fjson"], ["--frmat", "json"], ["--company", "-x"]],
)  # fmt: skip
def test_plan_help_usage_errors_and_unusual_forms_are_left_to_typer(
    args: list[str], cli: CliRun
) -> None:
    table = option_table("plan")
    assert table is not None and parse_options(table, args) is None
    done = cli(["plan", *args])
    assert done == _typer_only(args, command="plan")
    assert done.exit_code in (0, 2)


def test_a_stale_option_table_is_derived_again(tmp_path: Path) -> None:
    """A table records the modules its defaults come from: an edit there is not answered
    from the old copy."""
    from amends.cli.fastargs import table_key
    from amends.paths import cache_dir

    assert option_table("plan") is not None
    path = cache_dir() / "cli" / f"plan-{table_key()}.json"
    table = json.loads(path.read_text("utf-8"))
    assert "slots/query.py" in table["sources"]  # DEFAULT_HOURS, DEFAULT_DAYS, ...
    hours = next(p for p in table["params"] if p["name"] == "hours")
    hours["default"] = "00:00-01:00"
    table["sources"]["slots/query.py"] = "0" * 24
    path.write_text(json.dumps(table), "utf-8")
    fresh = option_table("plan")
    assert fresh is not None
    assert next(p for p in fresh if p["name"] == "hours")["default"] == "09:00-17:00"


@pytest.mark.parametrize(
    "damaged",
    [
        '{"sources": [], "params": []}',
        '{"sources": {}, "params": "x"}',
        '{"sources": {}, "params": [{"kind": "option"}]}',
        "[1, 2]",
        '{"sources": {"slots/query.py": 7}, "params": null}',
    ],
)
def test_a_damaged_option_table_is_derived_again_not_a_traceback(damaged: str) -> None:
    from amends.cli.fastargs import table_key
    from amends.paths import cache_dir

    derived = option_table("plan")
    path = cache_dir() / "cli" / f"plan-{table_key()}.json"
    path.write_text(damaged, "utf-8")
    assert option_table("plan") == derived
    assert json.loads(path.read_text("utf-8"))["params"] == derived


def test_without_a_writable_cache_the_arguments_are_left_to_typer() -> None:
    """No table can be kept: deriving it again on every run would cost more than Typer."""
    from amends.paths import cache_dir

    cache_dir().mkdir(parents=True, exist_ok=True)
    (cache_dir() / "cli").write_text("not a folder", "utf-8")
    assert option_table("plan") is None


VALID: dict[str, list[str]] = {
    "--company": ["Acme", "Globex Ltd"],
    "--role": ["Data Analyst", "CFO"],
    "--interviewer": ["Dana Lee", "Dr Ann Moore"],
    "--at": ["2026-11-23 09:00", "2026-11-23 08:30"],
    "--tz": ["Europe/London", "Africa/Lagos", "Europe/Berlin"],
    "--my-tz": ["America/Los_Angeles", "Europe/Berlin"],
    "--scenario": ["missed", "tech-failure"],
    "--reason": ["overslept", "transit", "illness"],
    "--mode": ["video", "phone", "in-person"],
    "--contact-phone": ["+44 20 7946 0000", "+1 212 555 0100"],
    "--contact-email": ["dana@acme.example"],
    "--slot": ["2026-11-25 14:00", "2026-11-26 10:00"],
    "--count": ["1", "2", "3"],
    "--days": ["3", "5"],
    "--duration": ["30", "45"],
    "--hours": ["09:00-17:00", "10:00-16:00"],
    "--english": ["us", "gb"],
    "--greeting": ["formal", "first-name"],
    "--format": ["json", "markdown", "text"],
}
INVALID: dict[str, list[str]] = {
    "--at": ["2026-11-23 25:00"], "--tz": ["Europe/Lndon"], "--scenario": ["oops"],
    "--reason": ["nope"], "--mode": ["fax"], "--contact-phone": ["12"],
    "--contact-email": ["dana@"], "--slot": ["soon"], "--count": ["9"], "--days": ["x", "-2"],
    "--duration": ["1000"], "--hours": ["9-5"], "--english": ["fr"], "--format": ["yaml"],
}  # fmt: skip
FLAGS = ["--senior", "--not-senior", "--windows"]


def _random_plan_args(rng: random.Random) -> list[str]:
    """A plan's arguments: the required ones, then random options in random forms, now and
    then one invalid value."""
    required = ("--company", "--role", "--at", "--tz", "--scenario", "--reason")
    chosen = {o: rng.choice(VALID[o]) for o in required}
    for option in rng.sample(sorted(VALID), rng.randint(2, 10)):
        chosen[option] = rng.choice(VALID[option])
    if rng.random() < 0.25:
        option = rng.choice(sorted(INVALID))
        chosen[option] = rng.choice(INVALID[option])
    args = ["--now", "2026-11-23T10:40Z", "--name", "Sam Patel"]
    for option, value in chosen.items():
        args += [f"{option}={value}"] if rng.random() < 0.3 else [option, value]
    if "--slot" in chosen and rng.random() < 0.5:
        args += ["--slot", "2026-11-27 11:00"]
    return args + rng.sample(FLAGS, rng.randint(0, 1))


def test_random_plan_arguments_answer_as_the_typer_command(cli: CliRun) -> None:
    """Seeded random option sets (valid and not): the same output, errors and exit code
    whichever way they are read; most are read without Typer."""
    rng = random.Random(18)
    table = option_table("plan")
    assert table is not None
    quick = 0
    for _ in range(40):
        args = _random_plan_args(rng)
        quick += parse_options(table, args) is not None
        assert cli(["plan", *args]) == _typer_only(args, command="plan"), args
    assert quick >= 25


def test_every_plan_option_is_either_the_request_or_a_named_output_option() -> None:
    """``plan_run.REQUEST_OPTIONS`` lists the options that become the request by hand: a new
    option missing from it would be silently ignored on both paths."""
    from amends.cli.plan_run import REQUEST_OPTIONS

    outputs = {"db", "eml", "force", "ics", "output_format", "profile", "save", "story", "url"}
    params = option_table("plan")
    assert params is not None
    assert {p["name"] for p in params} == set(REQUEST_OPTIONS) | outputs
    assert not set(REQUEST_OPTIONS) & outputs


def test_an_option_table_follows_the_module_defining_a_choices_enum() -> None:
    """Choices are recorded in the table: an Enum defined outside ``amends.cli`` gets its
    module's checksum among the sources, so editing its members derives the table again."""
    import enum
    import importlib

    from amends.cli.fastargs_build import _default_sources

    importlib.import_module("amends.plan.reasons")
    core = enum.Enum("Core", {"A": "a"}, module="amends.plan.reasons")  # type: ignore[misc]
    assert "plan/reasons.py" in _default_sources([], [core])
    assert "plan/reasons.py" not in _default_sources([], [])
