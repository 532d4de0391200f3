"""The intake's trained component: its policy, its file, and that the rules stay in charge."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

from amends.dates.zones import parse_instant
from amends.intake import read_story
from amends.intake.learned import (
    ABSENT,
    FORMAT,
    HASH_BITS,
    MODEL_FILE,
    STATED,
    FieldModel,
    buckets,
    clauses,
    decide,
    decode,
    encode_rows,
    refine,
    shipped,
    tokens,
)

NOW = parse_instant("2026-11-23T15:00:00+00:00")


def _model(
    cuts: dict[str, float], classes: tuple[str, ...] = (ABSENT, "late", "missed")
) -> FieldModel:
    return FieldModel(classes, (0.0,) * len(classes), (1.0,) * len(classes), {}, cuts)


def test_numbers_are_one_word_whatever_their_digits() -> None:
    assert tokens("at 9 or 10:30 tmrw") == ["at", "0", "or", "00", "00", "tmrw"]


def test_a_field_the_rules_left_open_is_filled_only_above_the_fill_cut() -> None:
    model = _model({"fill": 0.9})
    assert decide(model, None, {ABSENT: 0.05, "late": 0.95, "missed": 0.0}) == "late"
    assert decide(model, None, {ABSENT: 0.2, "late": 0.8, "missed": 0.0}) is None


def test_without_a_fill_step_an_open_field_stays_open_however_sure_the_model_is() -> None:
    assert decide(_model({}), None, {ABSENT: 0.0, "late": 1.0, "missed": 0.0}) is None


def test_the_rules_value_is_replaced_only_by_a_different_value_above_the_replace_cut() -> None:
    model = _model({"replace": 0.9})
    assert decide(model, "late", {ABSENT: 0.0, "late": 0.05, "missed": 0.95}) == "missed"
    assert decide(model, "late", {ABSENT: 0.0, "late": 0.15, "missed": 0.85}) == "late"
    # "not stated" is never a replacement: only the drop step may remove a value.
    assert decide(model, "late", {ABSENT: 0.99, "late": 0.01, "missed": 0.0}) == "late"


def test_the_drop_step_removes_a_value_the_model_is_sure_the_story_does_not_state() -> None:
    model = _model({"drop": 0.9})
    assert decide(model, "late", {ABSENT: 0.95, "late": 0.05, "missed": 0.0}) is None
    assert decide(model, "late", {ABSENT: 0.6, "late": 0.4, "missed": 0.0}) == "late"


def test_a_gate_field_keeps_the_rules_value_or_none_never_its_own() -> None:
    gate = _model({"drop": 0.9, "fill": 0.5}, (ABSENT, STATED))
    value = "2026-11-23 09:00"
    assert refine({"realised": value}, "text", {"realised": gate}) == {"realised": value}
    assert refine({"realised": None}, "text", {"realised": gate}) == {"realised": None}


def test_weights_survive_packing_and_score_as_a_softmax() -> None:
    counts = buckets("my train is stuck")
    first = next(iter(counts))
    doc = {
        "format": FORMAT,
        "hash_bits": HASH_BITS,
        "fields": {
            "scenario": {
                "classes": [ABSENT, "late", "missed"],
                "bias": [0.0, 0.0, 0.0],
                "scale": [1.0, 1.0, 1.0],
                "cuts": {"fill": 0.5},
                "rows": encode_rows({first: [-5, 5, -5]}),
            }
        },
    }
    model = decode(doc)["scenario"]
    assert model.table == {first: (-5, 5, -5)}
    probs = model.probabilities(counts)
    assert abs(sum(probs.values()) - 1.0) < 1e-9 and max(probs, key=probs.__getitem__) == "late"
    assert refine({"scenario": None}, "my train is stuck", {"scenario": model}) == {
        "scenario": "late"
    }


def test_a_story_parts_into_clauses_at_sentence_ends_and_before_a_cause() -> None:
    assert clauses("sorry i missed it. my car broke down because the battery died") == [
        "sorry i missed it",
        "my car broke down",
        "because the battery died",
    ]
    assert clauses("...") == ["..."]  # no break and no word: the story itself


def _reason_model(unit: str) -> FieldModel:
    """A reason model that reads "flat tyre" as transit and "zoom" as technical."""
    table = {
        next(iter(buckets("flat"))): (-4, 0, 4),
        next(iter(buckets("zoom"))): (-4, 4, 0),
    }
    classes = (ABSENT, "technical", "transit")
    return FieldModel(classes, (2.0, 0.0, 0.0), (1.0, 1.0, 1.0), table, {"fill": 0.9}, unit)


def test_a_clause_model_gives_the_story_its_most_probable_clause_value() -> None:
    low = "the interview was on zoom at 9. i had a flat tyre on the way to my desk. sorry"
    whole = _reason_model("story").read(low, buckets(low))
    per_clause = _reason_model("clause").read(low, buckets(low))
    # Read whole, the call's platform and the trouble cancel out; clause by clause the flat
    # tyre's clause states the cause on its own, as the clause about the call states its own.
    assert whole["transit"] == whole["technical"]
    assert per_clause["transit"] > 0.9 and per_clause["technical"] > 0.9
    # "not stated" is the least of the clauses': the story states a reason if one clause does.
    # The closing "sorry" states none (its clause alone is "not stated" at e^2/(e^2+2), 0.79).
    assert per_clause[ABSENT] < 0.01


def test_the_unit_of_a_field_model_survives_the_file() -> None:
    spec = {
        "classes": [ABSENT, "technical"],
        "bias": [0.0],
        "scale": [1.0],
        "cuts": {"fill": 0.9},
        "rows": encode_rows({}),
    }
    doc = {"format": FORMAT, "hash_bits": HASH_BITS, "fields": {"reason": spec}}
    assert decode(doc)["reason"].unit == "story"
    doc["fields"] = {"reason": {**spec, "unit": "clause"}}
    assert decode(doc)["reason"].unit == "clause"


def test_a_model_file_of_another_format_is_refused() -> None:
    try:
        decode({"format": FORMAT + 1, "hash_bits": HASH_BITS, "fields": {}})
    except ValueError as exc:
        assert MODEL_FILE in str(exc)
    else:
        raise AssertionError("a file of another format was read")


def test_the_shipped_model_covers_only_story_level_fields_with_a_step_each() -> None:
    doc = json.loads(resources.files("amends.data").joinpath(MODEL_FILE).read_text("utf-8"))
    models = shipped()
    assert set(models) == set(doc["fields"])
    assert set(models) <= {"scenario", "reason", "mode", "platform", "contact_role", "realised"}
    for model in models.values():
        assert model.cuts and set(model.cuts) <= {"fill", "replace", "drop"}
        assert all(0.5 <= cut < 1.0 for cut in model.cuts.values())
        assert model.table, "a field model without weights"


def test_the_rules_alone_read_what_the_model_does_not_touch_the_same() -> None:
    text = "missed my 10am zoom with Dana Lee at Acme for the analyst role, alarm didnt go off"
    rules = read_story(text, NOW, "Europe/London", learned=False).fields
    both = read_story(text, NOW, "Europe/London").fields
    touched = set(shipped())
    assert {k: v for k, v in rules.items() if k not in touched} == {
        k: v for k, v in both.items() if k not in touched
    }
    assert both["company"] == "Acme"


def test_applying_the_model_never_loads_numpy_or_scikit_learn() -> None:
    code = (
        "import sys; from amends.intake import read_story; "
        "from amends.dates.zones import parse_instant; "
        "read_story('missed my interview at Acme this morning, overslept', "
        "parse_instant('2026-11-23T15:00:00+00:00'), 'Europe/London'); "
        "print(sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
