"""The data tables read through their cached JSON copy are exactly what the TOML says.

``amends.datafiles`` keeps each parsed ``data/*.toml`` as JSON in the cache
folder, named by the checksum of its text; these tests hold every table to
``tomllib`` and check that a damaged copy is parsed again.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources

import pytest

from amends.datafiles import data_table
from amends.paths import cache_dir

TABLES = sorted(
    entry.name.removesuffix(".toml")
    for entry in resources.files("amends.data").iterdir()
    if entry.name.endswith(".toml")
)


def _parsed(name: str) -> dict[str, object]:
    text = resources.files("amends.data").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_reads_the_same_from_its_cached_copy(name: str) -> None:
    first = data_table(name)  # parsed, and the copy written
    again = data_table(name)  # from the copy
    assert first == again == _parsed(name)


def test_the_copy_is_named_by_the_checksum_of_the_text() -> None:
    data_table("triage")
    (copy,) = (cache_dir() / "data").glob("triage-*.json")
    assert json.loads(copy.read_text("utf-8")) == _parsed("triage")


def test_a_damaged_copy_is_parsed_again() -> None:
    data_table("steps")
    (copy,) = (cache_dir() / "data").glob("steps-*.json")
    copy.write_text('{"cut in the mid', "utf-8")
    assert data_table("steps") == _parsed("steps")
    copy.write_text("[1, 2]", "utf-8")  # valid JSON, not a table
    assert data_table("steps") == _parsed("steps")
