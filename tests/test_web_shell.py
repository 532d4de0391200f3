"""The installed app's offline shell: a change to its files must reach installed apps."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from amends.web import shell
from tests.web_support import make_client

_NAME = re.compile(r'var SHELL = "(amends-shell-[0-9a-z]+)";')


def _shell_name(source: str) -> str:
    found = _NAME.search(source)
    assert found, source[:200]
    return found[1]


def test_the_served_worker_names_its_shell_cache_after_the_shell_files() -> None:
    served = make_client().get("/sw.js")
    assert served.status_code == 200
    assert served.headers["cache-control"] == "no-cache"
    name = _shell_name(served.text)
    assert name != shell.SHELL_NAME and re.fullmatch(r"amends-shell-[0-9a-f]{12}", name)


def test_a_changed_stylesheet_gives_the_worker_a_new_shell_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "web"
    shutil.copytree(shell.WEB_DIR / "static", copy / "static")
    shutil.copytree(shell.WEB_DIR / "templates", copy / "templates")
    monkeypatch.setattr(shell, "WEB_DIR", copy)
    shell.worker_source.cache_clear()
    before = _shell_name(shell.worker_source())
    with (copy / "static" / "app.css").open("a", encoding="utf-8") as css:
        css.write("\n.new-rule { color: inherit; }\n")
    shell.worker_source.cache_clear()
    after = _shell_name(shell.worker_source())
    shell.worker_source.cache_clear()
    assert before != after
