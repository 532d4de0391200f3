"""Compiled templates are kept in the cache folder and never change what a message says.

A plan compiles two dozen templates and snippets; the compiled code is kept by
Jinja's bytecode cache in the user's cache folder (one file per template and
source), so later runs load it instead of compiling. These tests hold the
cached path to the uncached one and check that a damaged or unwritable cache
only costs a recompilation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, StrictUndefined, UndefinedError

from amends.texts import TemplateCache, compile_snippet, render_template, tidy

SOURCE = "Dear {{ name }},{% if late %} sorry I am late.{% endif %}"


def _environment(folder: Path | None) -> Environment:
    env = Environment(undefined=StrictUndefined)
    if folder is not None:
        env.bytecode_cache = TemplateCache(str(folder), "%s.jinja")
    return env


def test_a_cached_snippet_renders_exactly_as_a_freshly_compiled_one(tmp_path: Path) -> None:
    first = compile_snippet(_environment(tmp_path), SOURCE)
    assert len(list(tmp_path.glob("*.jinja"))) == 1  # written on first use
    again = compile_snippet(_environment(tmp_path), SOURCE)  # read back from the file
    plain = _environment(None).from_string(SOURCE)
    for late in (True, False):
        expected = plain.render(name="Dana", late=late)
        assert first.render(name="Dana", late=late) == expected
        assert again.render(name="Dana", late=late) == expected


def test_a_changed_source_gets_its_own_file_never_the_old_code(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    compile_snippet(env, SOURCE)
    changed = compile_snippet(_environment(tmp_path), SOURCE.replace("Dear", "Hello"))
    assert changed.render(name="Dana", late=False) == "Hello Dana,"
    assert len(list(tmp_path.glob("*.jinja"))) == 2


def test_template_files_are_cached_per_source_and_render_the_same(tmp_path: Path) -> None:
    templates, cache = tmp_path / "templates", tmp_path / "cache"
    templates.mkdir()
    (templates / "note.txt.j2").write_text(SOURCE, "utf-8")

    def load() -> str:
        env = Environment(loader=FileSystemLoader(templates), undefined=StrictUndefined)
        env.bytecode_cache = TemplateCache(str(cache), "%s.jinja")
        return env.get_template("note.txt.j2").render(name="Dana", late=True)

    assert load() == "Dear Dana, sorry I am late."
    assert len(list(cache.glob("*.jinja"))) == 1
    assert load() == "Dear Dana, sorry I am late."  # from the cached code
    (templates / "note.txt.j2").write_text(SOURCE.replace("Dear", "Hi"), "utf-8")
    assert load() == "Hi Dana, sorry I am late."  # an edited template is never stale
    assert len(list(cache.glob("*.jinja"))) == 2


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path) -> None:
    compile_snippet(_environment(tmp_path), SOURCE)
    (file,) = tmp_path.glob("*.jinja")
    data = file.read_bytes()
    file.write_bytes(data[: len(data) // 2])  # cut in the middle of the code
    template = compile_snippet(_environment(tmp_path), SOURCE)
    assert template.render(name="Dana", late=True) == "Dear Dana, sorry I am late."
    file.write_bytes(b"j2" + os.urandom(64))
    template = compile_snippet(_environment(tmp_path), SOURCE)
    assert template.render(name="Dana", late=False) == "Dear Dana,"


def test_a_cache_folder_that_cannot_exist_only_means_compiling_each_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    template = compile_snippet(_environment(blocker / "templates"), SOURCE)
    assert template.render(name="Dana", late=True) == "Dear Dana, sorry I am late."


def test_render_template_gives_what_jinja_render_gives_values_over_globals() -> None:
    env = Environment(undefined=StrictUndefined)
    env.globals["who"] = "the global"
    template = env.from_string(
        "{{ greeting }}, {{ who }}{% for n in range(2) %} {{ n }}{% endfor %}"
    )
    for values in ({"greeting": "Hello"}, {"greeting": "Hi", "who": "Dana"}):
        assert render_template(template, values) == template.render(values)
    assert render_template(template, {"greeting": "Hi", "who": "Dana"}) == "Hi, Dana 0 1"


def test_render_template_fails_on_a_missing_value_as_jinja_does() -> None:
    template = Environment(undefined=StrictUndefined).from_string("{{ missing }}")
    with pytest.raises(UndefinedError, match="missing"):
        render_template(template, {})


@pytest.mark.parametrize(
    ("text", "tidied"),
    [
        ("  Dear  Dana,   ", "Dear Dana,"),  # one line: doubled spaces collapsed, ends trimmed
        ("a\u00a0 b", "a\u00a0 b"),  # a no-break space is not a space to collapse
        ("a \t b", "a b"),
        ("one  \n\n\n\ntwo ", "one\n\ntwo"),  # trailing spaces gone, blank lines at most one
        ("one\r\ntwo\u2028three", "one\ntwo\nthree"),  # every line break becomes \n
        ("\n\n", ""),
    ],
)
def test_tidy_collapses_spaces_and_blank_lines_on_one_line_and_many(text: str, tidied: str) -> None:
    assert tidy(text) == tidied
