"""Free-text intake figures: field accuracy and inventions per corpus split, and stories/s.

Splits: ``tune`` (the cues were developed on it), ``eval`` (never tuned on) and the
held-out set written by someone else (measured only, when present). A field is
*right* when the parser gives the labelled value, *missed* when it gives none,
*invented* when it gives a field the story does not state.
Run: ``.venv/bin/python bench/bench_intake.py`` (``--details`` lists tune misses).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.intake_scoring import CORPUS, HELDOUT, load, score  # noqa: E402

from amends.dates.zones import parse_instant  # noqa: E402
from amends.intake import read_story  # noqa: E402

THROUGHPUT_SECONDS = 2.0


def accuracy(details: bool) -> None:
    """Print the figures of every split."""
    splits = [("tune", CORPUS / "tune.toml"), ("eval", CORPUS / "eval.toml")]
    if HELDOUT.exists():
        splits.append(("held-out", HELDOUT))
    for name, path in splits:
        result = score(load(path), keep_details=details and name == "tune")
        print(f"{name:<9} {result.summary()}")
        for line in result.details:
            print(f"          {line}")


def throughput() -> None:
    """Stories parsed per second over the whole own corpus (first call excluded)."""
    stories = load(CORPUS / "tune.toml") + load(CORPUS / "eval.toml")
    inputs = [(s["text"], parse_instant(s["now"]), s["my_tz"]) for s in stories]
    read_story(*inputs[0])  # load the parsers and compile the cues once
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < THROUGHPUT_SECONDS:
        for text, now, my_tz in inputs:
            read_story(text, now, my_tz)
        count += len(inputs)
    elapsed = time.perf_counter() - start
    print(f"throughput: {count / elapsed:.0f} stories/s ({count} stories in {elapsed:.2f} s)")


if __name__ == "__main__":
    accuracy("--details" in sys.argv)
    throughput()
