"""A versioned cache built afresh removes its predecessors, and nothing else.

The option tables of the fast command line, the holiday tables and the compiled
templates are each named after what they were built from (sources, package
versions). After an upgrade the old ones can never be read again; without
pruning every upgrade would leave its predecessor's files in the user's cache.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, StrictUndefined

from amends.cli.fastargs import option_table, table_key
from amends.dates import holiday_table
from amends.paths import prune_stale
from amends.texts import TemplateCache, compile_snippet


def test_pruning_removes_same_family_siblings_and_keeps_the_rest(tmp_path: Path) -> None:
    keep = tmp_path / "holidays-0.60"
    for name in ("holidays-0.58", "holidays-0.59", "templates-abc", "notes"):
        (tmp_path / name).mkdir()
    (tmp_path / "holidays-0.58" / "US-.json").write_text("{}", "utf-8")
    keep.mkdir()
    prune_stale(keep, "holidays-*")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holidays-0.60", "notes", "templates-abc"]


def test_a_path_outside_the_family_prunes_nothing(tmp_path: Path) -> None:
    (tmp_path / "templates-old").mkdir()
    prune_stale(tmp_path / "my-own-folder", "templates-*")
    assert (tmp_path / "templates-old").is_dir()


def test_a_new_option_table_replaces_the_tables_of_older_sources(_hermetic_home: Path) -> None:
    tables = _hermetic_home / "cache" / "cli"
    tables.mkdir(parents=True)
    (tables / "plan-0123456789abcdef01234567.json").write_text("{}", "utf-8")
    (tables / "check-0123456789abcdef01234567.json").write_text("{}", "utf-8")
    assert option_table("plan") is not None
    names = sorted(p.name for p in tables.iterdir())
    assert names == ["check-0123456789abcdef01234567.json", f"plan-{table_key()}.json"]


def test_holiday_tables_of_an_older_package_version_are_removed(_hermetic_home: Path) -> None:
    old = _hermetic_home / "cache" / "holidays-0.0.1"
    old.mkdir(parents=True)
    (old / "US-.json").write_text("{}", "utf-8")
    holiday_table.supported_countries.cache_clear()
    try:
        assert "US" in holiday_table.supported_countries()
    finally:
        holiday_table.supported_countries.cache_clear()
    folders = [p.name for p in (_hermetic_home / "cache").iterdir()]
    assert "holidays-0.0.1" not in folders
    assert any(name.startswith("holidays-") for name in folders)


def test_compiled_templates_of_an_older_version_are_removed(tmp_path: Path) -> None:
    (tmp_path / "templates-0000000000000000").mkdir()
    (tmp_path / "templates-0000000000000000" / "x.jinja").write_bytes(b"old")
    new = tmp_path / "templates-1111111111111111"
    env = Environment(undefined=StrictUndefined)
    env.bytecode_cache = TemplateCache(str(new), "%s.jinja")
    assert compile_snippet(env, "Hi {{ name }}").render(name="Ana") == "Hi Ana"
    assert [p.name for p in tmp_path.iterdir()] == [new.name]
    assert len(list(new.glob("*.jinja"))) == 1
