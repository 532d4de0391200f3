"""The checker's start-up caches (catalogue facts, decoded model) never change an answer."""

from __future__ import annotations

import json
import tomllib
from importlib import resources

from amends.check import anchors, catalogue_cache, classifier
from amends.check.prefilter import also_required, required
from amends.check.rules import build_catalogue, catalogue, parse_catalogue

SENTENCES = [
    "It wasnt my fault, your recruiter sent the wrong link.",
    "Could we try Tuesday at 10:00 GMT or Wednesday at 2 PM Eastern?",
    "I overslept and the mistake was mine.",
]


def _catalogue_text() -> str:
    return resources.files("amends.data").joinpath("check_rules.toml").read_text("utf-8")


def test_catalogue_read_from_its_cache_has_the_same_rules_patterns_and_fast_forms() -> None:
    text = _catalogue_text()
    fresh = parse_catalogue(text)
    key = catalogue_cache.key_of(text)
    translated: dict[str, str] = {}  # none kept: the reader translates the sources again
    catalogue_cache.write(key, tomllib.loads(text), translated, fresh.all_patterns())
    kept = catalogue_cache.read(key)
    assert kept is not None
    cached = build_catalogue(kept.data, kept)
    assert [r.id for r in cached.rules] == [r.id for r in fresh.rules]
    pairs = list(zip(cached.all_patterns(), fresh.all_patterns(), strict=True))
    for lazy, compiled in pairs:
        assert lazy.pattern == compiled.pattern and lazy.flags == compiled.flags
        assert lazy.need_known and lazy.need == required(compiled)
        assert also_required(lazy) == also_required(compiled)
        assert anchors.to_spec(lazy) == anchors.to_spec(compiled)


def test_catalogue_cache_patterns_compile_only_when_they_run() -> None:
    text = _catalogue_text()
    key = catalogue_cache.key_of(text)
    catalogue_cache.write(key, tomllib.loads(text), {}, parse_catalogue(text).all_patterns())
    kept = catalogue_cache.read(key)
    assert kept is not None
    cached = build_catalogue(kept.data, kept)
    first = cached.rules[0].patterns[0]
    assert first._regex is None
    first.search("I am sorry")
    assert first._regex is not None


def test_a_stale_or_damaged_catalogue_cache_is_not_read() -> None:
    text = _catalogue_text()
    key = catalogue_cache.key_of(text)
    path = catalogue_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", "utf-8")
    assert catalogue_cache.read(key) is None
    catalogue_cache.write("another catalogue", tomllib.loads(text), {}, [])
    assert catalogue_cache.read(key) is None
    assert catalogue_cache.key_of(text + "\n# changed") != key


def test_model_read_from_its_cache_scores_exactly_as_the_packaged_file() -> None:
    loaded = classifier.model.__wrapped__()  # decodes the file and writes the cache
    again = classifier.model.__wrapped__()  # reads the cache
    assert again.table == loaded.table and again.labels == loaded.labels
    for sentence in SENTENCES:
        assert again.raw_scores(sentence) == loaded.raw_scores(sentence)


def test_a_damaged_model_cache_is_ignored() -> None:
    classifier.model.__wrapped__()
    path = next(p for p in catalogue_cache.cache_path().parent.glob("check-model*"))
    path.write_bytes(b"\x00garbage")
    model = classifier.model.__wrapped__()
    assert model.predict("I am so sorry I missed our interview.")


def test_a_damaged_catalogue_cache_with_the_right_key_is_rebuilt() -> None:
    text = _catalogue_text()
    key = catalogue_cache.key_of(text)
    path = catalogue_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"key": key, "data": {}, "translated": {}, "facts": {}}), "utf-8")
    rebuilt = catalogue.__wrapped__()
    assert [r.id for r in rebuilt.rules] == [r.id for r in parse_catalogue(text).rules]
    kept = catalogue_cache.read(key)
    assert kept is not None and kept.data.get("rule")
