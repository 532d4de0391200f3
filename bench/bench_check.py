"""Draft checker figures: classifier and whole-draft precision/recall, and throughput.

Prints, in order:

1. the sentence classifier alone on the evaluation split of the sentence corpus
   (``training/check/eval``, never used in training), per label;
2. whole drafts, per category: the checker's own evaluation drafts
   (``training/check/drafts/eval.toml``, never tuned on), a held-out set written
   by others (``--heldout PATH``; default ``tests/heldout/check_drafts.toml`` when
   present), the development and tuning sets (``dev.toml``, ``dev2.toml``, the
   spent first held-out set ``heldout_v1.toml``, the corpus writers'
   ``corpus3_train.toml`` and ``corpus6_train.toml``, the spent third to fifth
   held-out sets, the fifth split into its tuned odd and measured even ids) and
   the test corpus (``tests/check_corpus``, which the rules were written against);
   for each, the share of flaws found, clean drafts with any finding / with an
   error, and drafts with an error-level flaw that exit 1 — then the same without
   ``--kind``/``--reason`` (the kind and cause inferred), with the share of kinds inferred right;
3. drafts of about 120 words checked per second, in-process.

Run: ``.venv/bin/python bench/bench_check.py [--heldout PATH]`` (``--quick`` skips the
throughput run, ``--no-heldout`` the held-out drafts, ``--only-heldout`` prints the
held-out figures and throughput alone).
Only aggregate figures are printed, never the drafts themselves.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.check_corpus_cases import load_cases  # noqa: E402

from amends.check import CATEGORIES, ERROR_CATEGORIES, check_text  # noqa: E402
from amends.check.classifier import model  # noqa: E402
from amends.check.corpus import load_split  # noqa: E402

SENTENCE_EVAL = ROOT / "training" / "check" / "eval"
OWN_DRAFTS = ROOT / "training" / "check" / "drafts" / "eval.toml"
HELDOUT = ROOT / "tests" / "heldout" / "check_drafts.toml"
TUNING_SETS = (
    ("development drafts", ROOT / "training" / "check" / "drafts" / "dev.toml"),
    ("second development set", ROOT / "training" / "check" / "drafts" / "dev2.toml"),
    ("spent first held-out set, now tuning data", ROOT / "training/check/drafts/heldout_v1.toml"),
    ("corpus writer's training drafts", ROOT / "training/check/drafts/corpus3_train.toml"),
    ("spent third held-out set, now tuning data", ROOT / "training/check/drafts/heldout_v3.toml"),
    ("spent fourth held-out set, now tuning data", ROOT / "training/check/drafts/heldout_v4.toml"),
    ("writer 6's training drafts", ROOT / "training/check/drafts/corpus6_train.toml"),
    ("writer 7's training drafts", ROOT / "training/check/drafts/corpus7_train.toml"),
    (
        "spent fifth held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v5.toml:odd",
    ),
    (
        "spent fifth held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v5.toml:even",
    ),
    (
        "spent sixth held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v6.toml:odd",
    ),
    (
        "spent sixth held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v6.toml:even",
    ),
    (
        "spent seventh held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v7.toml:odd",
    ),
    (
        "spent seventh held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v7.toml:even",
    ),
    (
        "spent eighth held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v8.toml:odd",
    ),
    (
        "spent eighth held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v8.toml:even",
    ),
    (
        "spent ninth held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v9.toml:odd",
    ),
    (
        "spent ninth held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v9.toml:even",
    ),
    (
        "spent tenth held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v10.toml:odd",
    ),
    (
        "spent tenth held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v10.toml:even",
    ),
    (
        "spent eleventh held-out set, odd ids (tuned on)",
        ROOT / "training/check/drafts/heldout_v11.toml:odd",
    ),
    (
        "spent eleventh held-out set, even ids (measured only)",
        ROOT / "training/check/drafts/heldout_v11.toml:even",
    ),
)
"""A path ending ``:odd`` or ``:even`` keeps the drafts whose numeric id has that parity: the
fifth to eleventh sets are tuned on their odd half and only measured, in aggregate, on
their even half."""
THROUGHPUT_SECONDS = 3.0
_FLAW_KEYS = ("flaws", "labels", "categories", "expected", "findings")


@dataclass
class LabelledDraft:
    """A draft, the categories a reviewer expects, and whether a coach would send it."""

    text: str
    flaws: frozenset[str]
    clean: bool
    kind: str | None = None
    reason: str | None = None


@dataclass
class Tally:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    clean = clean_any = clean_error = 0
    error_drafts = exit_1 = 0
    kinds = kinds_right = 0


def _flaws(entry: dict[str, Any]) -> frozenset[str]:
    for key in _FLAW_KEYS:
        value = entry.get(key)
        if isinstance(value, list):
            return frozenset(str(v) for v in value)
    return frozenset()


def _parity(entry: dict[str, Any]) -> str:
    digits = re.findall(r"\d+", str(entry.get("id", "")))
    return "odd" if digits and int(digits[-1]) % 2 else "even"


def load_drafts(path: Path) -> list[LabelledDraft]:
    """Drafts from a TOML file of ``[[draft]]`` (or ``[[case]]``) tables; ``FILE:odd`` one half."""
    half = path.name.rpartition(":")[2] if path.name.endswith((":odd", ":even")) else None
    if half:
        path = path.with_name(path.name.rpartition(":")[0])
    data = tomllib.loads(path.read_text("utf-8"))
    entries = data.get("draft") or data.get("drafts") or data.get("case") or []
    entries = [e for e in entries if half is None or _parity(e) == half]
    out = []
    for e in entries:
        flaws = _flaws(e)
        clean = bool(e.get("clean", not flaws))
        out.append(LabelledDraft(str(e["text"]), flaws, clean, e.get("kind"), e.get("reason")))
    return out


def corpus_accuracy() -> None:
    """The test corpus: each case tests one category; clean drafts are negatives for all."""
    cases = load_cases()
    reports = [(case, check_text(case.text, kind=case.kind)) for case in cases]
    print(f"\n== test corpus (tests/check_corpus): {len(cases)} cases")
    print(f"{'category':<22}{'cases':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}")
    for category in CATEGORIES:
        tp = fp = fn = n = 0
        for case, report in reports:
            if case.category not in (category, "clean"):
                continue
            n += 1
            found = category in report.categories
            expected = case.expect and case.category == category
            tp += found and expected
            fp += found and not expected
            fn += expected and not found
        prec, rec = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        print(f"{category:<22}{n:>6}{tp:>5}{fp:>5}{fn:>5}{prec:>11}{rec:>8}")


def evaluate(drafts: list[LabelledDraft], context: bool = True) -> Tally:
    """Check every draft, with its labelled ``--kind``/``--reason`` or (``context=False``)
    without them, as a user who gives neither; ``kinds_right`` counts inferred kinds."""
    t = Tally()
    for d in drafts:
        report = check_text(d.text, kind=d.kind, reason=d.reason) if context else check_text(d.text)
        if d.kind is not None:
            t.kinds += 1
            t.kinds_right += report.kind == d.kind
        found = report.categories
        for c in d.flaws:
            (t.tp if c in found else t.fn)[c] += 1
        for c in found - d.flaws:
            if not d.clean and not d.flaws:
                continue
            t.fp[c] += 1
        if d.clean:
            t.clean += 1
            t.clean_any += bool(report.findings)
            t.clean_error += report.errors > 0
        if d.flaws & ERROR_CATEGORIES:
            t.error_drafts += 1
            t.exit_1 += not report.passed
    return t


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def print_tally(title: str, drafts: list[LabelledDraft]) -> None:
    t = evaluate(drafts)
    print(f"\n== {title}: {len(drafts)} drafts")
    print(f"{'category':<22}{'flaws':>6}{'found':>6}{'fp':>5}{'recall':>8}{'precision':>11}")
    for c in CATEGORIES:
        n = t.tp[c] + t.fn[c]
        if not n and not t.fp[c]:
            continue
        prec = _ratio(t.tp[c], t.tp[c] + t.fp[c])
        print(f"{c:<22}{n:>6}{t.tp[c]:>6}{t.fp[c]:>5}{_ratio(t.tp[c], n):>8}{prec:>11}")
    flaws = sum(t.tp.values()) + sum(t.fn.values())
    print(f"flaws found overall: {_ratio(sum(t.tp.values()), flaws)} ({flaws} flaws)")
    print(
        f"clean drafts: {t.clean}; with any finding {_ratio(t.clean_any, t.clean)}, "
        f"with an error {_ratio(t.clean_error, t.clean)}"
    )
    print(f"drafts with an error-level flaw exiting 1: {_ratio(t.exit_1, t.error_drafts)}")
    bare = evaluate(drafts, context=False)
    found = sum(bare.tp.values())
    print(
        f"without --kind/--reason: flaws found {_ratio(found, flaws)}, clean drafts with any "
        f"finding {_ratio(bare.clean_any, bare.clean)}, with an error "
        f"{_ratio(bare.clean_error, bare.clean)}, exiting 1 "
        f"{_ratio(bare.exit_1, bare.error_drafts)}, kind inferred right "
        f"{_ratio(bare.kinds_right, bare.kinds)} ({bare.kinds} drafts with a kind)"
    )


def sentence_classifier() -> None:
    """Per-label precision and recall of the classifier alone on the evaluation split."""
    m = model()
    sentences = load_split(SENTENCE_EVAL, m.labels)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for s in sentences:
        predicted = m.predict(s.text)
        for label in m.labels:
            if label in predicted and label in s.labels:
                tp[label] += 1
            elif label in predicted:
                fp[label] += 1
            elif label in s.labels:
                fn[label] += 1
    exact = sum(m.predict(s.text) == s.labels for s in sentences)
    print(f"== sentence classifier on the evaluation split: {len(sentences)} sentences")
    print(f"{'label':<22}{'n':>5}{'precision':>11}{'recall':>8}")
    for label in m.labels:
        n = tp[label] + fn[label]
        prec = _ratio(tp[label], tp[label] + fp[label])
        print(f"{label:<22}{n:>5}{prec:>11}{_ratio(tp[label], n):>8}")
    print(f"exact label set: {_ratio(exact, len(sentences))}")


def _floor(texts: list[str]) -> float:
    """Drafts per CPU-second of a fixed pure-Python workload (count every word in a dict).

    Measured in the same run, so the ratio to it says how fast the checker is on
    this machine now, whatever else the machine is doing.
    """
    word = re.compile(r"\w+")
    counts: dict[str, int] = {}
    done = 0
    start = time.process_time()
    while time.process_time() - start < 1.0:
        for text in texts:
            for w in word.findall(text):
                counts[w] = counts.get(w, 0) + 1
        done += len(texts)
    return done / (time.process_time() - start)


def throughput() -> None:
    """Drafts of about 120 words per CPU-second (evaluation drafts joined in pairs)."""
    own = [d.text for d in load_drafts(OWN_DRAFTS)]
    texts = [f"{a}\n\n{b}" for a, b in zip(own, own[1:] + own[:1], strict=True)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    check_text(texts[0])  # load the catalogue and the model outside the timing
    floor_before = _floor(texts)
    done = 0
    start = time.process_time()
    while time.process_time() - start < THROUGHPUT_SECONDS:
        for text in texts:
            check_text(text)
        done += len(texts)
    elapsed = time.process_time() - start
    floor = (floor_before + _floor(texts)) / 2
    rate = done / elapsed
    print(
        f"\nthroughput: {rate:,.0f} drafts/s per CPU-second "
        f"({done} drafts of {words:.0f} words on average in {elapsed:.2f} s CPU); "
        f"floor {floor:,.0f}/s, ratio {rate / floor:.4f}"
    )


def _heldout_path(argv: list[str]) -> Path | None:
    """``--heldout PATH`` (the default file when present); None with ``--no-heldout``."""
    if "--no-heldout" in argv:
        return None
    if "--heldout" in argv:
        at = argv.index("--heldout") + 1
        if at >= len(argv):
            sys.exit("bench_check: --heldout needs a path to a TOML file of [[draft]] tables")
        path = Path(argv[at])
        if not path.is_file():
            sys.exit(f"bench_check: --heldout: no such file {path}")
        return path
    return HELDOUT if HELDOUT.exists() else None


def main(argv: list[str]) -> None:
    heldout = _heldout_path(argv)
    if "--only-heldout" not in argv:
        sentence_classifier()
        print_tally(
            "own evaluation drafts, never tuned on (training/check/drafts/eval.toml)",
            load_drafts(OWN_DRAFTS),
        )
    if heldout is not None:
        print_tally(f"held-out drafts ({heldout})", load_drafts(heldout))
    elif "--no-heldout" in argv:
        print("\n(held-out drafts skipped: --no-heldout)")
    else:
        print(f"\n(no held-out drafts: {HELDOUT.relative_to(ROOT)} not present, no --heldout)")
    if "--only-heldout" not in argv:
        for title, path in TUNING_SETS:
            if path.with_name(path.name.partition(":")[0]).exists():
                print_tally(f"{title} ({path.relative_to(ROOT)})", load_drafts(path))
        corpus_accuracy()
    if "--quick" not in argv:
        throughput()


if __name__ == "__main__":
    main(sys.argv[1:])
