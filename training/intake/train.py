"""Train the intake's field models and write ``src/amends/data/intake_model.json``.

Run with ``python3 tasks.py train`` (needs the ``dev`` extra: scikit-learn, numpy).

One logistic regression per story-level field (scenario, reason, mode, platform,
contact_role, and whether ``realised`` is stated) over hashed words and word pairs
(:func:`amends.intake.learned.buckets`, exactly what the runtime sums), with "not
stated" as a class of its own. How the model joins the rules (fill an open field,
replace the rules' value, drop it) and the probability cut of each step are chosen
by LEAVE-ONE-GROUP-OUT cross-validation, a group being one corpus file (one writer):
the model that judges a writer's stories never saw that writer. A cut is scored over
every group's held-out stories by the fields it makes right, minus ``WRONG`` for each it
makes wrong and ``INVENTED`` for each it fills that the labels do not have; a step is
kept only when it gains at least ``MIN_GAIN`` and loses on no more than one group.

Training data: every tuning split except the even ids of ``heldout_v5`` to ``heldout_v11``
(measured only, as aggregates) — and never ``eval``. Reproducible:
the stories are read in a fixed order, newton-cg is deterministic, the JSON is written with
sorted keys: training twice gives the same bytes.

``train.py --figures`` prints, per field, accuracy and inventions before (rules alone)
and after (rules and the shipped model) on the measured splits; nothing else is read
from them.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.intake_scoring import EVAL, TUNE_SPLITS, load, same  # noqa: E402

from amends.dates.zones import parse_instant  # noqa: E402
from amends.intake import read_story  # noqa: E402
from amends.intake.classify import read_reason  # noqa: E402
from amends.intake.learned import (  # noqa: E402
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
)
from amends.intake.lexicon import platforms  # noqa: E402
from amends.intake.text import clean  # noqa: E402

OUT = ROOT / "src" / "amends" / "data" / MODEL_FILE
FIELDS = ("scenario", "reason", "mode", "platform", "contact_role", "realised")
GATES = frozenset({"realised"})
"""Fields whose value the model cannot give, only whether the story states one."""
MEASURED = (
    "heldout_v5",
    "heldout_v6",
    "heldout_v7",
    "heldout_v8",
    "heldout_v9",
    "heldout_v10",
    "heldout_v11",
)
"""Splits whose even ids are measured only: never trained or tuned on."""
CLAUSED = frozenset({"reason"})
"""Fields also tried as a clause-level model (the one that gains more on held-out groups ships)."""
C = 2.0
MIN_DF = 2
"""A bucket must occur in this many training stories to get a weight."""
WRONG, INVENTED = 2.0, 6.0
MIN_GAIN = 3.0
CUTS = tuple(round(0.5 + 0.025 * i, 3) for i in range(20))


@dataclass
class Example:
    """One story: its group (corpus file), text, the rules' fields and the labels."""

    group: str
    story: dict[str, Any]
    low: str
    ruled: dict[str, str]
    labels: dict[str, str]


def _even(story: dict[str, Any]) -> bool:
    return int(str(story["id"]).rsplit("-", 1)[-1]) % 2 == 0


def _canonical(name: str, value: str) -> str:
    """The label as a class: platforms by their lexicon name, the rest as written."""
    if name in GATES:
        return STATED
    if name == "platform":
        low = value.lower()
        for known, pattern in platforms():
            if low == known.lower() or pattern.search(low):
                return known
    return value.strip().lower() if name != "platform" else value


def _example(group: str, story: dict[str, Any]) -> Example:
    now = parse_instant(story["now"])
    ruled = read_story(story["text"], now, story["my_tz"], learned=False).fields
    labels = {k: str(v) for k, v in story.get("fields", {}).items()}
    return Example(group, story, clean(story["text"]).low, ruled, labels)


def training_examples() -> list[Example]:
    """The stories trained on, in a fixed order (measured even ids and eval left out)."""
    out = []
    for group, path in TUNE_SPLITS.items():
        for story in load(path):
            if group in MEASURED and _even(story):
                continue
            out.append(_example(group, story))
    return out


def matrix(examples: list[Example]) -> csr_matrix:
    return matrix_of([ex.low for ex in examples])


def matrix_of(texts: list[str]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, low in enumerate(texts):
        for b, n in sorted(buckets(low).items()):
            rows.append(i)
            cols.append(b)
            vals.append(float(n))
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), 1 << HASH_BITS))


def target(examples: list[Example], name: str) -> list[str]:
    return [_canonical(name, ex.labels[name]) if name in ex.labels else ABSENT for ex in examples]


def fit(x: csr_matrix, y: list[str]) -> LogisticRegression:
    clf = LogisticRegression(C=C, solver="newton-cg", max_iter=1000)
    clf.fit(x, y)
    return clf


def field_model(
    clf: LogisticRegression, cols: np.ndarray, cuts: dict[str, float]
) -> dict[str, Any]:
    """The JSON of one field: int8 weights per used bucket, scales, bias, cuts."""
    coef = np.asarray(clf.coef_)
    scale = [float(f"{(float(np.max(np.abs(row))) / 127.0 or 1.0):.6g}") for row in coef]
    rows: dict[int, list[int]] = {}
    for j, b in enumerate(cols.tolist()):
        q = [round(float(coef[i, j]) / scale[i]) for i in range(coef.shape[0])]
        if any(q):
            rows[int(b)] = q
    return {
        "classes": [str(c) for c in clf.classes_],
        "bias": [float(f"{float(v):.6g}") for v in clf.intercept_],
        "scale": scale,
        "cuts": cuts,
        "rows": encode_rows(rows),
    }


def _used(x: csr_matrix) -> np.ndarray:
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    return np.flatnonzero(df >= MIN_DF)


def _outcome(name: str, value: str | None, ex: Example) -> tuple[int, int, int]:
    """(right, wrong, invented) of one field's value against the story's labels."""
    if not value:
        return 0, 0, 0
    if name not in ex.labels:
        return 0, 0, 1
    return (1, 0, 0) if same(name, ex.labels[name], value, ex.story) else (0, 1, 0)


def _utility(r: int, w: int, i: int) -> float:
    return r - WRONG * w - INVENTED * i


def _value(name: str, model: FieldModel, ex: Example, probs: dict[str, float]) -> str | None:
    ruled = ex.ruled.get(name)
    if name in GATES:
        return ruled if decide(model, STATED if ruled else None, probs) else None
    return decide(model, ruled, probs)


Fitted = tuple[FieldModel, dict[str, Any]]
"""A field model as the runtime reads it (int8, no cuts yet) and its JSON."""


def _fit_model(x: csr_matrix, y: list[str], name: str, unit: str = "story") -> Fitted:
    """A field model fitted on ``x``/``y``."""
    cols = _used(x)
    doc = {**field_model(fit(x[:, cols], y), cols, {}), "unit": unit}
    model = decode({"format": FORMAT, "hash_bits": HASH_BITS, "fields": {name: doc}})[name]
    return model, doc


def _folds(examples: list[Example], name: str, train: Any) -> dict[str, FieldModel]:
    """Per group, the model ``train(training examples)`` fitted without that group."""
    out = {}
    for g in sorted({ex.group for ex in examples}):
        out[g] = train([ex for ex in examples if ex.group != g])[0]
    return out


def _story_model(x_all: csr_matrix, examples: list[Example], name: str) -> Any:
    index = {id(ex): i for i, ex in enumerate(examples)}

    def train(chosen: list[Example]) -> Fitted:
        rows = [index[id(ex)] for ex in chosen]
        return _fit_model(x_all[rows], target(chosen, name), name)

    return train


def clause_targets(
    examples: list[Example], name: str, story: FieldModel
) -> tuple[list[str], list[str]]:
    """Each training story's clauses and their classes: the clause that states the cause.

    A clause is labelled with the story's reason when the rules read that reason from the
    clause alone; when no clause gives it, the clause the story-level model finds likeliest
    for it (its phrasing is then one the rules do not know yet). Every other clause,
    including one the rules read ANOTHER reason from ("my sister is a nurse"), states none.
    """
    texts, ys = [], []
    for ex, label in zip(examples, target(examples, name), strict=True):
        parts = clauses(ex.low)
        ruled = [read_reason(c.replace("'", "")) for c in parts]
        hits = [r == label for r in ruled] if label != ABSENT else [False] * len(parts)
        if label != ABSENT and not any(hits) and label in story.classes:
            scores = [story.probabilities(buckets(c))[label] for c in parts]
            hits[scores.index(max(scores))] = True
        for c, hit in zip(parts, hits, strict=True):
            texts.append(c)
            ys.append(label if hit else ABSENT)
    return texts, ys


def _clause_model(story_train: Any, name: str) -> Any:
    def train(chosen: list[Example]) -> Fitted:
        texts, ys = clause_targets(chosen, name, story_train(chosen)[0])
        return _fit_model(matrix_of(texts), ys, name, "clause")

    return train


def choose_cuts(
    examples: list[Example],
    name: str,
    models: list[FieldModel],
    probs: list[dict[str, float]] | None = None,
) -> tuple[dict[str, float], float]:
    """The steps and cuts that gain the most over the held-out groups, and the gain."""
    if probs is None:
        probs = [m.read(ex.low, buckets(ex.low)) for m, ex in zip(models, examples, strict=True)]
    chosen: dict[str, float] = {}
    total = 0.0
    steps = ("drop",) if name in GATES else ("fill", "replace", "drop")
    for step in steps:
        best: tuple[float, float, list[int]] | None = None
        for cut in CUTS:
            gain, moved = 0.0, [0, 0, 0]
            per_group: dict[str, float] = {}
            for m, ex, p in zip(models, examples, probs, strict=True):
                trial = _with(m, {**chosen, step: cut})
                before = _outcome(name, _value(name, _with(m, chosen), ex, p), ex)
                after = _outcome(name, _value(name, trial, ex, p), ex)
                delta = _utility(*after) - _utility(*before)
                moved = [t + a - b for t, a, b in zip(moved, after, before, strict=True)]
                gain += delta
                per_group[ex.group] = per_group.get(ex.group, 0.0) + delta
            losers = sum(1 for v in per_group.values() if v < 0)
            if gain >= MIN_GAIN and losers <= 1 and (best is None or gain > best[1] + 1e-9):
                best = (cut, gain, moved)
        if best is not None:
            chosen[step] = best[0]
            total += best[1]
            r, w, i = best[2]
            print(
                f"  {name:<13} {models[0].unit:<6} {step:<8} cut {best[0]:.3f}  held-out gain "
                f"{best[1]:+.0f} (right {r:+d}, wrong {w:+d}, invented {i:+d})"
            )
    if not chosen:
        print(
            f"  {name:<13} {models[0].unit:<6} rules alone (no step gains on the held-out groups)"
        )
    return chosen, total


def _with(m: FieldModel, cuts: dict[str, float]) -> FieldModel:
    return FieldModel(m.classes, m.bias, m.scale, m.table, dict(cuts), m.unit)


def train() -> dict[str, object]:
    examples = training_examples()
    x = matrix(examples)
    fields: dict[str, object] = {}
    for name in FIELDS:
        story_train = _story_model(x, examples, name)
        trainers = {"story": story_train}
        if name in CLAUSED:
            trainers["clause"] = _clause_model(story_train, name)
        best: tuple[float, str, dict[str, float]] | None = None
        for unit, trainer in trainers.items():
            folds = _folds(examples, name, trainer)
            cuts, gain = choose_cuts(examples, name, [folds[ex.group] for ex in examples])
            if cuts and (best is None or gain > best[0]):
                best = (gain, unit, cuts)
        if best is None:
            continue
        _, unit, cuts = best
        model, doc = trainers[unit](examples)
        fields[name] = {**doc, "cuts": cuts}
        print(f"  {name:<13} ships the {unit} model ({len(model.table)} buckets)")
    counts = Counter(ex.group for ex in examples)
    return {
        "format": FORMAT,
        "hash_bits": HASH_BITS,
        "fields": fields,
        "training": {
            "stories": len(examples),
            "groups": dict(sorted(counts.items())),
            "C": C,
            "min_df": MIN_DF,
            "weights": {"wrong": WRONG, "invented": INVENTED, "min_gain": MIN_GAIN},
        },
    }


def _field_figures(stories: list[dict[str, Any]], learned: bool) -> dict[str, list[int]]:
    """Per field: [stated, right, invented] over ``stories``."""
    out: dict[str, list[int]] = {}
    for story in stories:
        got = read_story(story["text"], parse_instant(story["now"]), story["my_tz"], learned)
        labels = story.get("fields", {})
        for name in {*labels, *got.fields}:
            row = out.setdefault(name, [0, 0, 0])
            if name in labels:
                row[0] += 1
                row[1] += name in got.fields and same(
                    name, str(labels[name]), got.fields[name], story
                )
            else:
                row[2] += 1
    return out


def _share(row: list[int]) -> str:
    return f"{row[1] / row[0]:.0%}" if row[0] else " -"


def figures() -> None:
    """Per-field accuracy and inventions, rules alone -> with the model, on measured splits."""
    splits = {f"{g} even": [s for s in load(TUNE_SPLITS[g]) if _even(s)] for g in MEASURED}
    splits["eval"] = load(EVAL)
    for split, stories in splits.items():
        before, after = _field_figures(stories, False), _field_figures(stories, True)
        total = [sum(r[k] for r in before.values()) for k in range(3)]
        total2 = [sum(r[k] for r in after.values()) for k in range(3)]
        print(
            f"· {split} ({len(stories)} stories): {total[1] / total[0]:.1%} right, {total[2]} "
            f"invented -> {total2[1] / total2[0]:.1%}, {total2[2]} invented"
        )
        for name in sorted(set(before) | set(after)):
            b, a = before.get(name, [0, 0, 0]), after.get(name, [0, 0, 0])
            if b != a or name in FIELDS:
                print(
                    f"  {name:<13} n {b[0]:>3}  right {_share(b):>4} -> {_share(a):>4}  "
                    f"invented {b[2]} -> {a[2]}"
                )


def main(argv: list[str]) -> None:
    """``train.py [--output PATH] [--figures]`` (default: write the packaged model file)."""
    if "--figures" in argv:
        figures()
        return
    out = Path(argv[argv.index("--output") + 1]) if "--output" in argv else OUT
    print("· training the intake's field models (leave-one-writer-out cuts)", flush=True)
    doc = train()
    out.write_text(json.dumps(doc, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print(f"· wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main(sys.argv[1:])
