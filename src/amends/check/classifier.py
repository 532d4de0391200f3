"""Apply the shipped sentence classifier (``data/check_model.json``) in pure Python.

The model is one logistic regression per sentence function (blame, demand,
apology, offers-times, …) trained by ``python3 tasks.py train``. Only its
weights are shipped: int8 per label and hash bucket, with a per-label scale and
bias. Scoring a sentence is a handful of dictionary look-ups: each bucket's
weights for every label are packed into one Python integer (24 bits a label,
offset by +128 so fields never borrow), so summing a sentence's features is one
integer addition per feature, however many labels there are. No numpy, no
scikit-learn, nothing downloaded; the file is read once, on first use.
"""

from __future__ import annotations

import base64
import hashlib
import json
import marshal
import math
import struct
import sys
import zlib
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from amends.check.features import HASH_BITS, bucket, tokens, word_features
from amends.paths import cache_dir, write_cache

MODEL_FILE = "check_model.json"
FORMAT = 1
FIELD_BITS = 24
OFFSET = 128
MAX_TOKENS = 400
"""Longer "sentences" (a pasted wall of text) are scored on their first words only."""
_CACHE_LIMIT = 50_000
_MASK = (1 << FIELD_BITS) - 1


@dataclass
class SentenceModel:
    """The loaded weights; :meth:`probabilities` scores one sentence."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    scale: tuple[float, ...]
    thresholds: dict[str, float]
    table: dict[int, int]
    meta: dict[str, Any]
    _words: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _pairs: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    _shifts: tuple[int, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        n = len(self.labels)
        self._shifts = tuple(FIELD_BITS * (n - 1 - i) for i in range(n))

    def _word(self, word: str) -> tuple[int, int]:
        """The packed weights (and feature count) of one word's unigram and character n-grams."""
        packed = count = 0
        table = self.table
        for feature in word_features(word):
            value = table.get(bucket(feature))
            if value is not None:
                packed += value
                count += 1
        if len(self._words) > _CACHE_LIMIT:
            self._words.clear()
        hit = self._words[word] = (packed, count)
        return hit

    def _pair(self, pair: str) -> tuple[int, int]:
        """The packed weight of one bigram (``"first second"``; its feature is ``"b:" + pair``)."""
        value = self.table.get(bucket("b:" + pair))
        if len(self._pairs) > _CACHE_LIMIT:
            self._pairs.clear()
        hit = self._pairs[pair] = (0, 0) if value is None else (value, 1)
        return hit

    def raw_scores(self, sentence: str) -> list[float]:
        """The logit of every label, in :attr:`labels` order.

        Every word's and every bigram's packed weights are computed once and
        kept, so a sentence costs one dictionary look-up per word and per pair
        (the same features as :func:`amends.check.features.features`).
        """
        return self.raw_scores_of(tokens(sentence))

    def _logits(self, packed: int, count: int) -> list[float]:
        offset = OFFSET * count
        return [
            b + s * (((packed >> shift) & _MASK) - offset)
            for b, s, shift in zip(self.bias, self.scale, self._shifts, strict=True)
        ]

    def read_pieces(self, pieces: list[list[str]], clauses: list[list[int]]) -> list[list[float]]:
        """The logits of a sentence given as ``pieces`` (its tokens, piece by piece), then of
        each clause (the pieces it is made of, in order), as :meth:`raw_scores` of their text.

        The sentence's words and pairs are looked up once; a clause is then summed from
        running totals of them (its words, the pairs inside each of its pieces) plus the
        few pairs it has of its own: where it starts and ends, and where its pieces meet.
        Sums of integers, so exactly what scoring each clause's text gives.
        """
        words = [word for piece in pieces for word in piece]
        if len(words) > MAX_TOKENS:  # truncation would cut clauses differently
            return [self.raw_scores_of(words), *(self._clause(pieces, c) for c in clauses)]
        sums = [(0, 0)]  # running (packed, count) of words and of the pair ending at each
        out = [self._logits(*self._walk(words, sums))]
        if not clauses:
            return out
        cached_word, cached_pair = self._words.get, self._pairs.get
        starts = [0]
        for piece in pieces:
            starts.append(starts[-1] + len(piece))
        for clause in clauses:
            packed = count = 0
            last = "<s>"
            for index in clause:
                a, b = starts[index], starts[index + 1]
                if a == b:
                    continue
                # the piece's words and inner pairs, then the pair joining it to what went before
                packed += sums[b][0] - sums[a + 1][0]
                count += sums[b][1] - sums[a + 1][1]
                first = words[a]
                hit = cached_word(first) or self._word(first)
                pair = last + " " + first
                hit2 = cached_pair(pair) or self._pair(pair)
                packed += hit[0] + hit2[0]
                count += hit[1] + hit2[1]
                last = words[b - 1]
            end = cached_pair(last + " </s>") or self._pair(last + " </s>")
            out.append(self._logits(packed + end[0], count + end[1]))
        return out

    def _clause(self, pieces: list[list[str]], clause: list[int]) -> list[float]:
        return self.raw_scores_of([word for index in clause for word in pieces[index]])

    def raw_scores_of(self, words: list[str]) -> list[float]:
        """:meth:`raw_scores` of a sentence already split into its tokens."""
        return self._logits(*self._walk(words[:MAX_TOKENS], None))

    def _walk(self, words: list[str], sums: list[tuple[int, int]] | None) -> tuple[int, int]:
        """The packed weights and feature count of ``words``, their pairs and the end pair;
        with ``sums``, the running totals after each word are appended to it."""
        packed = count = 0
        cached_word, cached_pair = self._words.get, self._pairs.get
        previous = "<s>"
        for word in words:
            hit = cached_word(word) or self._word(word)
            pair = previous + " " + word
            hit2 = cached_pair(pair) or self._pair(pair)
            packed += hit[0] + hit2[0]
            count += hit[1] + hit2[1]
            if sums is not None:
                sums.append((packed, count))
            previous = word
        pair = previous + " </s>"
        hit2 = cached_pair(pair) or self._pair(pair)
        return packed + hit2[0], count + hit2[1]

    def probabilities(self, sentence: str) -> dict[str, float]:
        """Probability per label that the sentence does that thing."""
        exp = math.exp
        return {
            label: 1.0 / (1.0 + exp(-max(-60.0, min(60.0, z))))
            for label, z in zip(self.labels, self.raw_scores(sentence), strict=True)
        }

    def predict(self, sentence: str) -> frozenset[str]:
        """The labels whose probability reaches their threshold."""
        probs = self.probabilities(sentence)
        return frozenset(k for k, p in probs.items() if p >= self.thresholds[k])

    def index(self, label: str) -> int:
        """Where ``label`` sits in :attr:`labels` (and in :meth:`raw_scores`)."""
        return self.labels.index(label)

    def logit_cut(self, label: str, probability: float | None = None) -> float:
        """The logit a sentence must reach for ``label`` (the model's threshold by default).

        Comparing logits to this is the same as comparing probabilities to the
        threshold, without an exponential per label and sentence.
        """
        p = self.thresholds[label] if probability is None else probability
        return logit(p)


def logit(p: float) -> float:
    """The inverse of the logistic function (probability 0 or 1 map to -/+ infinity)."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def decode(data: dict[str, Any]) -> SentenceModel:
    """Build a model from the parsed JSON document (validated, so a bad file fails loudly)."""
    if data.get("format") != FORMAT or data.get("hash_bits") != HASH_BITS:
        raise ValueError(f"{MODEL_FILE}: format or hash size does not match this amends")
    labels = tuple(str(x) for x in data["labels"])
    width = 3 * len(labels)
    rows = zlib.decompress(base64.b64decode(data["rows"]))
    if len(rows) % (4 + width):
        raise ValueError(f"{MODEL_FILE}: weight table is truncated")
    # One C-level pass: each row is a 4-byte bucket and its packed weights.
    pairs = struct.iter_unpack(f">I{width}s", rows)
    keys, packed = zip(*pairs, strict=True) if rows else ((), ())
    table = dict(zip(keys, map(partial(int.from_bytes, byteorder="big"), packed), strict=True))
    return SentenceModel(
        labels=labels,
        bias=tuple(float(x) for x in data["bias"]),
        scale=tuple(float(x) for x in data["scale"]),
        thresholds={k: float(v) for k, v in data["thresholds"].items()},
        table=table,
        meta=dict(data.get("training", {})),
    )


def encode_rows(weights: dict[int, list[int]], n_labels: int) -> str:
    """The ``rows`` field for int8 weights per bucket (used by training; inverse of decode)."""
    out = bytearray()
    for key in sorted(weights):
        q = weights[key]
        if len(q) != n_labels or any(not -127 <= v <= 127 for v in q):
            raise ValueError(f"bucket {key}: weights must be {n_labels} int8 values")
        out += key.to_bytes(4, "big")
        for v in q:
            out += (v + OFFSET).to_bytes(3, "big")
    return base64.b64encode(zlib.compress(bytes(out), 9)).decode("ascii")


@cache
def model() -> SentenceModel:
    """The packaged model, loaded on first use.

    Decoding the weight table (base64, zlib, one integer per bucket) is kept in
    the cache folder in Python's own ``marshal`` form, keyed by a hash of the
    model file and the Python version, so later starts read it in a fraction
    of the time; a missing or stale cache only costs the slower start.
    """
    text = resources.files("amends.data").joinpath(MODEL_FILE).read_text("utf-8")
    key = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{text}".encode()).hexdigest()
    path = cache_dir() / "check-model.marshal"
    kept = _read_kept(path, key)
    if kept is not None:
        return kept
    made = decode(json.loads(text))
    parts = (made.labels, made.bias, made.scale, made.thresholds, made.table, made.meta)
    write_cache(path, marshal.dumps((key, *parts)))
    return made


def _read_kept(path: Path, key: str) -> SentenceModel | None:
    """The model kept in the cache folder for ``key`` (None when absent, stale or damaged)."""
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(kept, tuple) or len(kept) != 7 or kept[0] != key:
        return None
    _, labels, bias, scale, thresholds, table, meta = kept
    shapes = (labels, tuple), (bias, tuple), (scale, tuple), (thresholds, dict), (table, dict)
    if not all(isinstance(value, kind) for value, kind in shapes) or not isinstance(meta, dict):
        return None
    return SentenceModel(labels, bias, scale, thresholds, table, meta)
