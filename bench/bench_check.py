"""Draft checker figures: per-category precision and recall over the test corpus, and throughput.

Each corpus case tests one category (a draft that must trigger it, or a near miss
that must not); the complete drafts in ``clean.toml`` count as negatives for
every category. Run: ``.venv/bin/python bench/bench_check.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.check_corpus_cases import load_cases  # noqa: E402

from amends.check import CATEGORIES, check_text  # noqa: E402

THROUGHPUT_SECONDS = 2.0


def accuracy() -> None:
    """Print precision and recall per category."""
    cases = load_cases()
    reports = [(case, check_text(case.text, kind=case.kind)) for case in cases]  # type: ignore[arg-type]
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
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{category:<22}{n:>6}{tp:>5}{fp:>5}{fn:>5}{precision:>11.2f}{recall:>8.2f}")


def throughput() -> None:
    """Print how many corpus drafts per second the checker reads."""
    texts = [(case.text, case.kind) for case in load_cases()]
    check_text(texts[0][0])  # load the catalogue outside the timing
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < THROUGHPUT_SECONDS:
        for text, kind in texts:
            check_text(text, kind=kind)  # type: ignore[arg-type]
        done += len(texts)
    elapsed = time.perf_counter() - start
    print(f"\nthroughput: {done / elapsed:,.0f} drafts/s ({done} drafts in {elapsed:.2f} s)")


if __name__ == "__main__":
    accuracy()
    throughput()
