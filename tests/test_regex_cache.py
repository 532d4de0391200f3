"""Compiled patterns kept between runs are the very patterns ``re`` would compile.

:mod:`amends.cli.regex_cache` hands a kept program straight to the regex engine;
these tests hold it to ``re``'s own result (``re.Pattern`` objects compare equal only
when their text, flags and whole program are equal), after a round trip through
the table on disk, and keep it to the console script of a short command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from amends.cli import main, regex_cache

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\bsorry\b", 0),
    (r"(?i)(?P<word>apolog(?:y|ise|ize))\s+for", 0),
    (r"(?P<day>\d{1,2})\s(?P<month>[A-Z][a-z]+)(?:\s(?P<year>\d{4}))?", re.IGNORECASE),
    (r"^(?:dear|hi)\b.*$", re.MULTILINE | re.VERBOSE),
    (r"[^\W\d_]+(?='s)", 0),
    (rb"\r\n(?P<header>[A-Za-z-]+):", 0),
    (r"caf\u00e9|na\u00efve", re.ASCII),
]


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[Path]:
    assert regex_cache.install(tmp_path, "check")
    try:
        yield tmp_path
    finally:
        regex_cache.uninstall()


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_pattern_is_the_pattern_re_compiles(
    cached: Path, pattern: str | bytes, flags: int
) -> None:
    flags = int(flags)  # as re.compile passes them on
    usual = regex_cache._original(pattern, flags)
    first = regex_cache.compile_cached(pattern, flags)  # compiled and added to the table
    regex_cache._save(regex_cache.table_path(cached, "check"))
    regex_cache.uninstall()
    assert regex_cache.install(cached, "check")
    assert (pattern, flags) in regex_cache._known
    kept = regex_cache.compile_cached(pattern, flags)  # built from the table on disk
    for made in (first, kept):
        assert made == usual
        assert (made.flags, made.groups, made.groupindex) == (
            usual.flags,
            usual.groups,
            usual.groupindex,
        )


def test_an_invalid_pattern_raises_as_re_does(cached: Path) -> None:
    with pytest.raises(re.error):
        regex_cache.compile_cached(r"(unclosed", 0)
    assert (r"(unclosed", 0) not in regex_cache._added


def test_a_damaged_table_is_ignored_and_rebuilt(cached: Path) -> None:
    path = regex_cache.table_path(cached, "check")
    regex_cache.uninstall()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a marshal table")
    assert regex_cache.install(cached, "check")
    assert regex_cache._known == {}
    assert regex_cache.compile_cached(r"\bdear\b", 0) == regex_cache._original(r"\bdear\b", 0)


def test_the_table_is_named_after_the_interpreter(tmp_path: Path) -> None:
    name = regex_cache.table_path(tmp_path, "check").name
    assert sys.implementation.cache_tag in name
    assert f"{sys.hexversion:x}" in name


def test_a_program_calling_main_keeps_res_own_compiler(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Dana, I am sorry I missed our interview.\n", encoding="utf-8")
    before = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        main(["check", str(draft), "--format", "json"])
    assert re._compiler.compile is before  # type: ignore[attr-defined]


def _console_check(draft: Path, home: Path, *extra_env: tuple[str, str]) -> str:
    code = "import sys\nfrom amends.cli import main\nsys.argv = ['amends', *sys.argv[1:]]\nmain()"
    env = {**os.environ, "AMENDS_HOME": str(home), **dict(extra_env)}
    done = subprocess.run(
        [sys.executable, "-c", code, "check", str(draft), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == ""
    return done.stdout


def test_the_console_script_keeps_patterns_and_reports_the_same(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Dear Dana,\n\nI am so sorry I missed our interview this morning. It was my fault.\n"
        "\nKind regards,\nSam\n",
        encoding="utf-8",
    )
    home = tmp_path / "home"
    without = _console_check(draft, home, ("AMENDS_REGEX_CACHE", "0"))
    assert not (home / "cache" / "regex").exists()
    first = _console_check(draft, home)
    assert list((home / "cache" / "regex").glob("check-*.marshal"))
    second = _console_check(draft, home)  # every pattern read from the table
    assert without == first == second


def test_a_run_that_loads_typer_keeps_no_patterns(tmp_path: Path) -> None:
    """Help (and any run Typer reads) compiles Rich's and Click's patterns: not kept."""
    code = (
        "import sys\nfrom amends.cli import main\nsys.argv = ['amends', 'check', '--help']\nmain()"
    )
    env = {**os.environ, "AMENDS_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert not list((tmp_path / "home" / "cache" / "regex").glob("*.marshal"))
