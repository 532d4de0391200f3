"""Read the labelled sentence corpus (``training/check/{train,eval}/*.txt``).

One file per sentence function and source, one sentence per line; the file name
is the label (``neutral.txt`` holds sentences that do none of the checked things),
optionally followed by a source group after a dot (``blame.w6.txt``: blame
sentences from writer 6), so each writer's sentences keep their provenance and
training can hold one group out at a time.
A line may end with ``|| label, label`` to give its labels explicitly — for a
sentence that does two things at once ("Sorry I missed it, that's on me").
Blank lines and lines starting with ``#`` are ignored. Used by training, the
benchmark and the tests; the runtime never reads the corpus.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

NEUTRAL = "neutral"
MIXED = "mixed"


@dataclass(frozen=True)
class Sentence:
    """One labelled sentence and where it came from (for error messages)."""

    text: str
    labels: frozenset[str]
    source: str

    @property
    def group(self) -> str:
        """The source group of the file it came from ("w6" for ``blame.w6.txt``; "" for none)."""
        return group_of(self.source.partition(":")[0])


def label_of(name: str) -> str:
    """The label a corpus file holds: its name up to the first dot (``blame.w6.txt`` → blame)."""
    return name.partition(".")[0]


def group_of(name: str) -> str:
    """The source group of a corpus file: between the label and ``.txt`` ("" when none)."""
    stem = name.removesuffix(".txt")
    return stem.partition(".")[2]


def parse_line(line: str, default: str) -> tuple[str, frozenset[str]]:
    """Split ``text || a, b`` into the text and its labels (the file's label otherwise)."""
    text, sep, tail = line.partition("||")
    if sep:
        labels = frozenset(p.strip() for p in tail.split(",") if p.strip())
    else:
        labels = frozenset() if default in (NEUTRAL, MIXED) else frozenset({default})
    return text.strip(), labels


def load_split(folder: Path, known: tuple[str, ...] | None = None) -> list[Sentence]:
    """Every sentence under ``folder`` in a fixed order (file name, then line)."""
    out: list[Sentence] = []
    for path in sorted(folder.glob("*.txt")):
        for number, raw in enumerate(path.read_text("utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            text, labels = parse_line(line, label_of(path.name))
            where = f"{path.name}:{number}"
            if known is not None and not labels <= set(known):
                raise ValueError(f"{where}: unknown labels {sorted(labels - set(known))}")
            if not text:
                raise ValueError(f"{where}: no sentence before '||'")
            out.append(Sentence(text=text, labels=labels, source=where))
    return out


def digest(folder: Path) -> str:
    """SHA-256 over a split's files (name and bytes): recorded in the model it trained."""
    h = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def labels_of(folder: Path) -> tuple[str, ...]:
    """The label set: one per corpus file (``neutral`` and ``mixed`` are not labels)."""
    names = {label_of(p.name) for p in folder.glob("*.txt")}
    return tuple(sorted(names - {NEUTRAL, MIXED}))
