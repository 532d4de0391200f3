"""The intake's trained component: a second opinion on the story-level fields.

The rules (:mod:`.classify`, :mod:`.story`) read scenario, reason, mode, platform,
contact role and the realised time from cues. A small logistic regression per field
(``data/intake_model.json``, trained by ``python3 tasks.py train`` from the labelled
stories, see ``training/intake/train.py``) reads the same story as hashed words and
word pairs and gives each value a probability, "not stated" being one of them. The
rules stay in charge; the model acts only where the policy shipped with it says it
helps, each step behind a probability cut chosen by leave-one-writer-out
cross-validation, where a field the labels do not have counts heavily against a cut:

- ``fill``: the rules left the field open and the model's value is above the cut;
- ``replace``: the rules' value and the model's differ and the model's is above the cut;
- ``drop``: the model is sure the story does not state the field the rules read.

A field model reads the whole story (``unit = "story"``) or, for the reason, each
CLAUSE on its own (``unit = "clause"``): a clause model learns what a cause sounds like
from the one clause that states it, so the other clauses' words (times, names, the
apology) do not dilute it, and the story's value is the most probable clause's.

A few lines of pure Python: no numpy, no scikit-learn; the file is read on first use.
"""

from __future__ import annotations

import base64
import json
import math
import re
import struct
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from zlib import crc32

MODEL_FILE = "intake_model.json"
FORMAT = 1
HASH_BITS = 18
ABSENT = ""
"""The class of a field the story does not state."""
STATED = "stated"
"""The one positive class of a field the model only says is stated (``realised``)."""
_MASK = (1 << HASH_BITS) - 1
_TOKEN = re.compile(r"[a-z]+|\d+")
_DIGITS = str.maketrans("123456789", "000000000")
_ROW = struct.Struct("<I")
# Where a story's clauses part: sentence ends, and before the words that open a cause or a
# turn ("because the bus...", "but my laptop...", "when the power went").
_CLAUSE = re.compile(
    r"[.!?;\n]+|\s(?=(?:because|cause|cuz|coz|but|since|when|after|and then|then)\s)"
)


def tokens(low: str) -> list[str]:
    """The story's words; a number is its shape ("9" and "3" are one word, "0")."""
    return [t.translate(_DIGITS) for t in _TOKEN.findall(low)]


def feature_names(low: str) -> list[str]:
    """Word unigrams and bigrams (the story's start and end as words of their own)."""
    words = tokens(low)
    seq = ["<s>", *words, "</s>"]
    return ["w:" + w for w in words] + [f"b:{a} {b}" for a, b in pairwise(seq)]


def clauses(low: str) -> list[str]:
    """The story's clauses, in order (the whole story when it has no break)."""
    parts = [p.strip() for p in _CLAUSE.split(low)]
    return [p for p in parts if _TOKEN.search(p)] or [low]


def buckets(low: str) -> dict[int, int]:
    """Feature counts per hash bucket (CRC-32: the same on every machine and Python)."""
    counts: dict[int, int] = {}
    for name in feature_names(low):
        b = crc32(name.encode("utf-8")) & _MASK
        counts[b] = counts.get(b, 0) + 1
    return counts


@dataclass(frozen=True)
class FieldModel:
    """One field's weights (int8 per class and bucket, with a per-class scale) and policy."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    scale: tuple[float, ...]
    table: dict[int, tuple[int, ...]]
    cuts: dict[str, float]
    unit: str = "story"

    def read(self, low: str, counts: dict[int, int]) -> dict[str, float]:
        """The story's probabilities (``counts``: its buckets), whole or clause by clause.

        Clause by clause, a value's probability is its most probable clause's and "not
        stated" is the least: the story states a reason if any one clause does.
        """
        if self.unit != "clause":
            return self.probabilities(counts)
        per = [self.probabilities(buckets(c)) for c in clauses(low)]
        return {
            c: min(p[c] for p in per) if c == ABSENT else max(p[c] for p in per)
            for c in self.classes
        }

    def probabilities(self, counts: dict[int, int]) -> dict[str, float]:
        """Each class's probability: softmax of the logits (a sigmoid for two classes)."""
        sums = [0] * len(self.bias)
        for b, n in counts.items():
            row = self.table.get(b)
            if row is not None:
                for i, w in enumerate(row):
                    sums[i] += w * n
        logits = [b + s * v for b, s, v in zip(self.bias, self.scale, sums, strict=True)]
        if len(self.classes) == 2:  # one logit: the second class against the first
            p = 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logits[0]))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


def decide(model: FieldModel, ruled: str | None, probs: dict[str, float]) -> str | None:
    """The field's value: the rules' (``ruled``) unless the policy's cuts say otherwise."""
    best = max(model.classes, key=lambda c: (probs[c], c))
    p = probs[best]
    if ruled is None:
        cut = model.cuts.get("fill")
        if cut is not None and best not in (ABSENT, STATED) and p >= cut:
            return best
        return None
    cut = model.cuts.get("drop")
    if cut is not None and probs.get(ABSENT, 0.0) >= cut:
        return None
    cut = model.cuts.get("replace")
    if cut is not None and best not in (ABSENT, STATED, ruled) and p >= cut:
        return best
    return ruled


def decode(doc: dict[str, object]) -> dict[str, FieldModel]:
    """The field models of a model file's JSON (checked for its format and hash size)."""
    if doc.get("format") != FORMAT or doc.get("hash_bits") != HASH_BITS:
        raise ValueError(f"{MODEL_FILE}: format or hash size is not this version's")
    fields = doc["fields"]
    assert isinstance(fields, dict)
    out = {}
    for name, spec in fields.items():
        classes = tuple(spec["classes"])
        width = len(spec["bias"])
        rows = struct.Struct(f"<I{width}b").iter_unpack(base64.b64decode(spec["rows"]))
        table = {row[0]: row[1:] for row in rows}
        out[name] = FieldModel(
            classes=classes,
            bias=tuple(spec["bias"]),
            scale=tuple(spec["scale"]),
            table=table,
            cuts={k: float(v) for k, v in spec["cuts"].items()},
            unit=str(spec.get("unit", "story")),
        )
    return out


def encode_rows(rows: dict[int, list[int]]) -> str:
    """Rows ``bucket -> int8 weights`` packed little-endian and base64-encoded, by bucket."""
    packed = b"".join(
        _ROW.pack(b) + struct.pack(f"<{len(w)}b", *w) for b, w in sorted(rows.items())
    )
    return base64.b64encode(packed).decode("ascii")


@cache
def shipped() -> dict[str, FieldModel]:
    """The packaged model (empty when the file is missing: the rules alone then)."""
    path = resources.files("amends.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return {}
    return decode(json.loads(path.read_text("utf-8")))


def refine(
    fields: dict[str, str | None], low: str, models: dict[str, FieldModel] | None = None
) -> dict[str, str | None]:
    """The fields with the model's say on the ones it was trained for (``low``: the story)."""
    models = shipped() if models is None else models
    if not models:
        return fields
    counts = buckets(low)
    out = dict(fields)
    for name, model in models.items():
        ruled = out.get(name) or None
        value = decide(
            model,
            STATED if ruled and STATED in model.classes else ruled,
            model.read(low, counts),
        )
        if STATED in model.classes:  # a gate only: the rules' value, or none
            out[name] = ruled if value else None
        else:
            out[name] = value
    return out
