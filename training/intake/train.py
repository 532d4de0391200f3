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

Training data: every tuning split except the even ids of ``heldout_v5`` to ``heldout_v8``
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
from amends.intake.learned import (  # noqa: E402
    ABSENT,
    FORMAT,
    HASH_BITS,
    MODEL_FILE,
    STATED,
    FieldModel,
    buckets,
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
MEASURED = ("heldout_v5", "heldout_v6", "heldout_v7", "heldout_v8")
"""Splits whose even ids are measured only: never trained or tuned on."""
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
    rows, cols, vals = [], [], []
    for i, ex in enumerate(examples):
        for b, n in sorted(buckets(ex.low).items()):
            rows.append(i)
            cols.append(b)
            vals.append(float(n))
    return csr_matrix((vals, (rows, cols)), shape=(len(examples), 1 << HASH_BITS))


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


def _held_out_probs(examples: list[Example], x: csr_matrix, name: str) -> list[FieldModel]:
    """Per example, the field model trained without its group (no cuts yet)."""
    y = target(examples, name)
    groups = sorted({ex.group for ex in examples})
    models: list[FieldModel | None] = [None] * len(examples)
    for g in groups:
        train_idx = [i for i, ex in enumerate(examples) if ex.group != g]
        test_idx = [i for i, ex in enumerate(examples) if ex.group == g]
        xt = x[train_idx]
        cols = _used(xt)
        yt = [y[i] for i in train_idx]
        if len(set(yt)) < 2:
            continue
        clf = fit(xt[:, cols], yt)
        doc = field_model(clf, cols, {})
        model = decode({"format": FORMAT, "hash_bits": HASH_BITS, "fields": {name: doc}})[name]
        for i in test_idx:
            models[i] = model
    assert all(m is not None for m in models), f"{name}: a group left one class to train on"
    return [m for m in models if m is not None]


def choose_cuts(examples: list[Example], name: str, models: list[FieldModel]) -> dict[str, float]:
    """The steps and cuts that gain the most over the held-out groups (see the module doc)."""
    probs = [m.probabilities(buckets(ex.low)) for m, ex in zip(models, examples, strict=True)]
    chosen: dict[str, float] = {}
    steps = ("drop",) if name in GATES else ("fill", "replace", "drop")
    for step in steps:
        best: tuple[float, float, list[int]] | None = None
        for cut in CUTS:
            gain, moved = 0.0, [0, 0, 0]
            per_group: dict[str, float] = {}
            for m, ex, p in zip(models, examples, probs, strict=True):
                trial = FieldModel(m.classes, m.bias, m.scale, m.table, {**chosen, step: cut})
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
            r, w, i = best[2]
            print(
                f"  {name:<13} {step:<8} cut {best[0]:.3f}  held-out gain {best[1]:+.0f} "
                f"(right {r:+d}, wrong {w:+d}, invented {i:+d})"
            )
    if not chosen:
        print(f"  {name:<13} rules alone (no step gains on the held-out groups)")
    return chosen


def _with(m: FieldModel, cuts: dict[str, float]) -> FieldModel:
    return FieldModel(m.classes, m.bias, m.scale, m.table, dict(cuts))


def train() -> dict[str, object]:
    examples = training_examples()
    x = matrix(examples)
    cols = _used(x)
    fields: dict[str, object] = {}
    for name in FIELDS:
        cuts = choose_cuts(examples, name, _held_out_probs(examples, x, name))
        if not cuts:
            continue
        fields[name] = field_model(fit(x[:, cols], target(examples, name)), cols, cuts)
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
