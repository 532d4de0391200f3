"""Train the draft checker's sentence classifier and write ``src/amends/data/check_model.json``.

Run with ``python3 tasks.py train`` (needs the ``dev`` extra: scikit-learn, numpy).
Reproducible: the corpus is read in a fixed order, the solver is deterministic
(liblinear with a fixed seed), thresholds come from a fixed-seed cross-validation
on the training split only, and the JSON is written with sorted keys — training
twice on the same corpus gives the same bytes. The evaluation split
(``training/check/eval``) is never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from amends.check.classifier import FORMAT, MODEL_FILE, decode, encode_rows
from amends.check.corpus import Sentence, digest, labels_of, load_split
from amends.check.features import HASH_BITS, bucket, features

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "training" / "check" / "train"
OUT = ROOT / "src" / "amends" / "data" / MODEL_FILE
SEED = 13
C = 4.0
"""Inverse regularisation strength (chosen on the training split's cross-validation)."""
FOLDS = 5
MIN_THRESHOLD, MAX_THRESHOLD = 0.2, 0.85
"""The cuts tried; presence labels start at 0.3 so a faint echo never counts as present."""
PRESENCE = frozenset(
    {"apology", "ownership", "interest", "thanks", "offers-times", "invites-proposal"}
    | {"outside-reason"}
)
"""Labels whose absence is a finding: a missed one flags a good draft, a false one hides a
real gap, so both weigh the same (F1). For the flaws (blame, demand, ...) a false alarm flags
a good draft: precision weighs more (F0.5). Picked per label in cross-validation on the
training split."""


def matrix(sentences: list[Sentence]) -> csr_matrix:
    """Feature counts per sentence over the hashed buckets (exactly what the runtime sums)."""
    rows, cols, vals = [], [], []
    for i, s in enumerate(sentences):
        counts: dict[int, int] = {}
        for f in features(s.text):
            b = bucket(f)
            counts[b] = counts.get(b, 0) + 1
        for b in sorted(counts):
            rows.append(i)
            cols.append(b)
            vals.append(float(counts[b]))
    return csr_matrix((vals, (rows, cols)), shape=(len(sentences), 1 << HASH_BITS))


def fit(x: csr_matrix, y: np.ndarray) -> LogisticRegression:
    clf = LogisticRegression(
        C=C,
        solver="liblinear",
        dual=True,  # far fewer sentences than features: the dual problem is the fast one
        class_weight="balanced",
        random_state=SEED,
        max_iter=5000,
    )
    clf.fit(x, y)
    return clf


def threshold(x: csr_matrix, y: np.ndarray, beta: float) -> float:
    """The probability cut maximising F-beta in fixed-seed cross-validation on training data."""
    probs = np.zeros(len(y))
    for tr, te in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y):
        probs[te] = fit(x[tr], y[tr]).predict_proba(x[te])[:, 1]
    best, best_f1 = 0.5, -1.0
    for cut in np.arange(MIN_THRESHOLD if beta < 1 else 0.3, MAX_THRESHOLD + 1e-9, 0.05):
        pred = probs >= cut
        tp = float(np.sum(pred & (y == 1)))
        b2 = beta * beta
        score = (1 + b2) * tp / (float(np.sum(pred)) + b2 * float(np.sum(y == 1)) or 1.0)
        if score > best_f1 + 1e-9:
            best, best_f1 = round(float(cut), 2), score
    return best


def train() -> dict[str, object]:
    labels = labels_of(TRAIN)
    sentences = load_split(TRAIN, labels)
    used = sorted(set(matrix(sentences).indices.tolist()))
    x = matrix(sentences)[:, used]  # only the buckets the corpus uses (same model, less work)
    weights = np.zeros((len(labels), len(used)))
    bias, scale, cuts = [], [], {}
    for i, label in enumerate(labels):
        y = np.array([1 if label in s.labels else 0 for s in sentences])
        clf = fit(x, y)
        w = clf.coef_[0]
        s = float(np.max(np.abs(w))) / 127.0 or 1.0
        weights[i] = w
        scale.append(float(f"{s:.6g}"))
        bias.append(float(f"{float(clf.intercept_[0]):.6g}"))
        cuts[label] = threshold(x, y, 1.0 if label in PRESENCE else 0.5)
        print(f"  {label:<18} positives {int(y.sum()):>4}  threshold {cuts[label]:.2f}", flush=True)
    quantised: dict[int, list[int]] = {}
    for col, b in enumerate(used):
        q = [round(float(weights[i, col]) / scale[i]) for i in range(len(labels))]
        if any(q):
            quantised[b] = q
    doc: dict[str, object] = {
        "format": FORMAT,
        "hash_bits": HASH_BITS,
        "labels": list(labels),
        "bias": bias,
        "scale": scale,
        "thresholds": cuts,
        "rows": encode_rows(quantised, len(labels)),
    }
    model = decode(doc)  # the runtime's own reading of what is about to ship
    exact = sum(model.predict(s.text) == s.labels for s in sentences)
    doc["training"] = {
        "corpus_sha256": digest(TRAIN),
        "sentences": len(sentences),
        "buckets": len(quantised),
        "exact_match": round(exact / len(sentences), 4),
        "C": C,
        "seed": SEED,
    }
    return doc


def held_out_groups() -> None:
    """Each source group held out in turn: trained on the rest, measured on that group.

    A group is the part of a corpus file's name after the label ("w6" in
    ``blame.w6.txt``: one writer's sentences); the project's own files form the
    group "own". The eval split (``training/check/eval``) is one more group,
    measured with the whole training split behind it. These figures say how the
    classifier does on wordings written by someone whose sentences it never saw;
    nothing is written, and the shipped model is trained on every group.
    """
    labels = labels_of(TRAIN)
    sentences = load_split(TRAIN, labels)
    evaluation = load_split(TRAIN.parent / "eval", labels)
    groups = sorted({s.group for s in sentences})
    runs = [
        (g or "own", [s for s in sentences if s.group != g], [s for s in sentences if s.group == g])
        for g in groups
    ]
    runs.append(("eval split", sentences, evaluation))
    for name, train_on, test_on in runs:
        if not train_on or not test_on:
            continue
        x_all = matrix(train_on + test_on)
        x, xt = x_all[: len(train_on)], x_all[len(train_on) :]
        exact = np.ones(len(test_on), dtype=bool)
        print(f"· held out: {name} ({len(test_on)} sentences; trained on {len(train_on)})")
        for label in labels:
            y = np.array([1 if label in s.labels else 0 for s in train_on])
            yt = np.array([1 if label in s.labels else 0 for s in test_on])
            cut = threshold(x, y, 1.0 if label in PRESENCE else 0.5)
            pred = fit(x, y).predict_proba(xt)[:, 1] >= cut
            exact &= pred == (yt == 1)
            tp, n, p = int(np.sum(pred & (yt == 1))), int(yt.sum()), int(pred.sum())
            if n or p:
                prec = f"{tp / p:.2f}" if p else "  - "
                rec = f"{tp / n:.2f}" if n else "  - "
                print(f"  {label:<18} n {n:>4}  precision {prec}  recall {rec}", flush=True)
        print(f"  exact label set {float(np.mean(exact)):.3f}", flush=True)


def main(argv: list[str]) -> None:
    """``train.py [--output PATH] [--held-out-groups]`` (default: the packaged model file)."""
    if "--held-out-groups" in argv:
        held_out_groups()
        return
    out = Path(argv[argv.index("--output") + 1]) if "--output" in argv else OUT
    print(f"· training the sentence classifier on {TRAIN.relative_to(ROOT)}", flush=True)
    doc = train()
    out.write_text(json.dumps(doc, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    info = doc["training"]
    assert isinstance(info, dict)
    size = out.stat().st_size
    print(
        f"· wrote {out} ({size / 1024:.0f} KiB, {info['buckets']} buckets); "
        f"training exact-match {info['exact_match']:.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
