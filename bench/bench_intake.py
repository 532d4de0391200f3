"""Free-text intake figures: field accuracy and inventions per corpus split, and stories/s.

Splits: the tuning splits (the cues were developed on them: ``tune`` and the spent
first held-out set ``heldout_v1``), ``eval`` (never tuned on), and any held-out set
written by someone else, given with ``--heldout PATH`` (measured only, never copied into
the repository). A field is *right* when the parser gives the labelled value, *missed*
when it gives none, *invented* when it gives a field the story does not state.

Run: ``.venv/bin/python bench/bench_intake.py [--heldout PATH ...] [--details SPLIT ...]``
(``--details tune`` lists that split's misses; details are never printed for ``eval``
or a held-out set, so their failures stay unseen). ``--quick`` skips the throughput run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.intake_scoring import EVAL, TUNE_SPLITS, load, score  # noqa: E402

from amends.dates.zones import parse_instant  # noqa: E402
from amends.intake import read_story  # noqa: E402

THROUGHPUT_SECONDS = 2.0


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--heldout", action="append", default=[], type=Path, metavar="PATH",
        help="a held-out story file to measure (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--details", action="append", default=[], choices=sorted(TUNE_SPLITS), metavar="SPLIT",
        help="list the misses of a tuning split (repeatable)",
    )  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="skip the throughput run")
    return parser.parse_args(argv)


def accuracy(heldout: list[Path], details: list[str]) -> None:
    """Print the figures of every split."""
    splits = [(name, path) for name, path in TUNE_SPLITS.items() if path.exists()]
    splits += [("eval", EVAL)] + [(f"held-out {path}", path) for path in heldout]
    for name, path in splits:
        result = score(load(path), keep_details=name in details)
        print(f"{name:<11} {result.summary()}")
        for line in result.details:
            print(f"            {line}")


def throughput() -> None:
    """Stories parsed per second over the whole own corpus (first call excluded)."""
    stories = [s for path in [*TUNE_SPLITS.values(), EVAL] for s in load(path)]
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
    args = _arguments(sys.argv[1:])
    for missing in [path for path in args.heldout if not path.is_file()]:
        sys.exit(f"bench_intake: --heldout: no such file: {missing}")
    accuracy(args.heldout, args.details)
    if not args.quick:
        throughput()
