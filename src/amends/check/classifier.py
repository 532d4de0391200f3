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
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from itertools import repeat
from operator import sub
from pathlib import Path
from struct import Struct
from typing import Any

from amends.check.features import HASH_BITS, bucket, tokens, word_features
from amends.paths import cache_dir, write_cache

MODEL_FILE = "check_model.json"
FORMAT = 2
OFFSET = 128
"""The file stores each int8 weight plus this, so no stored field is negative."""
FIELD_BITS = 32
"""The width of one label's field in a packed value (see :class:`SentenceModel`)."""
MAX_TOKENS = 400
"""Longer "sentences" (a pasted wall of text) are scored on their first words only."""
_CACHE_LIMIT = 50_000
_HALF = 1 << (FIELD_BITS - 1)
_NEVER = 1 << 62
"""A score cut no reading reaches (scores stay far inside 32 bits); its negation, one all do."""
_END = "</s>"

Scores = tuple[int, ...]
_Node = dict[str, tuple[int, "_Node"]]
"""The steps from one word: per next word, the packed weights it adds and its own steps."""
"""A reading: per label, the sum of the int8 weights of the sentence's features."""


def _pack(fields: Sequence[int]) -> int:
    """One integer holding a signed value per label, label ``k`` at bit ``FIELD_BITS * k``.

    Sums of such integers are the integers of the per-label sums, whatever their
    signs, as long as each sum stays within ``FIELD_BITS`` bits.
    """
    return sum(v << (FIELD_BITS * k) for k, v in enumerate(fields))


@dataclass
class SentenceModel:
    """The loaded weights; :meth:`scores` reads one sentence, :meth:`probabilities` too.

    Each hash bucket's weights for every label are packed into one Python integer
    (:func:`_pack`), so summing a sentence's features is one integer addition per
    feature, however many labels there are. A word's own features and the bigram
    joining it to the word before are summed once and kept under the pair
    ("before word"), so a sentence costs one dictionary look-up per word. The
    sum is read back into one integer per label (its *score*) by a C-level byte
    conversion; a logit is ``bias + scale * score``, and as that grows with the
    score, comparing a score with :meth:`score_cut` says what comparing the logit
    with the threshold's logit says.
    """

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    scale: tuple[float, ...]
    thresholds: dict[str, float]
    table: dict[int, int]
    meta: dict[str, Any]
    _words: dict[str, int] = field(default_factory=dict, repr=False)
    _nodes: dict[str, _Node] = field(default_factory=dict, repr=False)
    _steps: int = field(default=0, repr=False)
    _fields: Struct = field(default=Struct(""), repr=False)
    _width: int = field(default=0, repr=False)
    _flip: int = field(default=0, repr=False)
    _words_safe: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        n = len(self.labels)
        if len(self.bias) != n or len(self.scale) != n or not all(s > 0 for s in self.scale):
            raise ValueError(f"{MODEL_FILE}: one bias and one positive scale per label")
        self._fields = Struct(f"<{n}i")
        self._width = n * FIELD_BITS // 8
        self._flip = _pack([_HALF] * n)
        self._words[_END] = 0  # the end of the sentence is a pair, not a word

    def _word(self, word: str) -> int:
        """The packed weights of one word's unigram and character n-grams."""
        table = self.table
        packed = sum(table.get(bucket(feature), 0) for feature in word_features(word))
        if len(self._words) > _CACHE_LIMIT:
            self._words.clear()
            self._words[_END] = 0
        self._words[word] = packed
        return packed

    def _node(self, word: str) -> _Node:
        """The steps learnt so far from ``word`` to the word after it."""
        node = self._nodes.get(word)
        if node is None:
            node = self._nodes[word] = {}
        return node

    def _step(self, before: str, word: str) -> tuple[int, _Node]:
        """The packed weights of ``word`` and of the bigram joining ``before`` to it, and the
        steps from ``word`` on; kept, so the next time the pair comes it is one look-up."""
        got = self._words.get(word)
        packed = self._word(word) if got is None else got
        packed += self.table.get(bucket("b:" + before + " " + word), 0)
        if self._steps > _CACHE_LIMIT:
            self._nodes.clear()
            self._steps = 0
        self._steps += 1
        hit = self._node(before)[word] = (packed, self._node(word))
        return hit

    def _read(self, packed: int) -> Scores:
        """The per-label sums held in a packed total.

        Adding half a field to every field makes each one non-negative without a
        borrow; flipping its top bit back then leaves the field's two's complement,
        which the byte conversion reads as a signed 32-bit integer per label.
        """
        flip = self._flip
        return self._fields.unpack(((packed + flip) ^ flip).to_bytes(self._width, "little"))

    def scores(self, sentence: str) -> Scores:
        """Each label's score for a sentence (see :meth:`scores_of`)."""
        return self.scores_of(tokens(sentence))

    def scores_of(self, words: list[str]) -> Scores:
        """Each label's score for a sentence already split into its tokens."""
        words = words[:MAX_TOKENS]
        if not self._fits(words):
            return self._exact(words)
        return self._read(self._walk(words, None))

    def raw_scores(self, sentence: str) -> list[float]:
        """The logit of every label, in :attr:`labels` order."""
        return self.logits(self.scores(sentence))

    def raw_scores_of(self, words: list[str]) -> list[float]:
        """:meth:`raw_scores` of a sentence already split into its tokens."""
        return self.logits(self.scores_of(words))

    def logits(self, scores: Scores) -> list[float]:
        """The logit of each label for a reading's scores."""
        return [b + s * z for b, s, z in zip(self.bias, self.scale, scores, strict=True)]

    def _fits(self, words: list[str]) -> bool:
        """Whether no label's sum can leave its 32-bit field: at most ``3n + 1`` features a
        word of ``n`` letters and one a pair, each weight at most 127 in size."""
        bound = 127 * (3 * sum(map(len, words)) + 2 * len(words) + 2)
        return bound < _HALF

    def _exact(self, words: list[str]) -> Scores:
        """:meth:`scores_of` for a sentence so long a packed field could overflow: every
        feature's weights read on their own and summed label by label."""
        totals = [0] * len(self.labels)
        seq = ["<s>", *words, _END]
        for i in range(1, len(seq)):
            parts = [self.table.get(bucket("b:" + seq[i - 1] + " " + seq[i]), 0)]
            if i < len(seq) - 1:
                parts += [self.table.get(bucket(f), 0) for f in word_features(seq[i])]
            for part in parts:
                totals = [t + v for t, v in zip(totals, self._read(part), strict=True)]
        return tuple(totals)

    def read_pieces(self, pieces: list[list[str]], clauses: list[list[int]]) -> list[Scores]:
        """The scores of a sentence given as ``pieces`` (its tokens, piece by piece), then
        of each clause (the pieces it is made of, in order), as :meth:`scores` of their text.

        The sentence's words and pairs are looked up once; a clause is then summed from
        running totals of them (its words, the pairs inside each of its pieces) plus the
        few pairs it has of its own: where it starts and ends, and where its pieces meet.
        Sums of integers, so exactly what scoring each clause's text gives.
        """
        words = [word for piece in pieces for word in piece]
        if len(words) > MAX_TOKENS or not self._fits(words):
            # truncation would cut clauses differently; a huge one is summed label by label
            return [self.scores_of(words), *(self._clause(pieces, c) for c in clauses)]
        if not clauses:
            return [self._read(self._walk(words, None))]
        sums = [0]  # the running total after each word (its features and the pair ending it)
        out = [self._read(self._walk(words, sums))]
        starts = [0]
        for piece in pieces:
            starts.append(starts[-1] + len(piece))
        for clause in clauses:
            packed = 0
            last = "<s>"
            for index in clause:
                a, b = starts[index], starts[index + 1]
                if a == b:
                    continue
                # the piece's words and inner pairs, then its first word joined to what went before
                first = words[a]
                packed += (self._node(last).get(first) or self._step(last, first))[0]
                packed += sums[b] - sums[a + 1]
                last = words[b - 1]
            end = self._node(last).get(_END) or self._step(last, _END)
            out.append(self._read(packed + end[0]))
        return out

    def _clause(self, pieces: list[list[str]], clause: list[int]) -> Scores:
        return self.scores_of([word for index in clause for word in pieces[index]])

    def _walk(self, words: list[str], sums: list[int] | None) -> int:
        """The packed weights of ``words``, their pairs and the end pair; with ``sums``,
        the running total after each word is appended to it.

        The steps form a chain: the one for a word holds the steps from it to the
        next, so each word is one look-up in a small dictionary.
        """
        packed = 0
        node = self._node("<s>")
        before = "<s>"
        if sums is None:
            for word in words:
                step, node = node.get(word) or self._step(before, word)
                packed += step
                before = word
        else:
            for word in words:
                step, node = node.get(word) or self._step(before, word)
                packed += step
                sums.append(packed)
                before = word
        return packed + (node.get(_END) or self._step(before, _END))[0]

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

    def score_cut(self, label: str, probability: float | None = None) -> int:
        """The least score whose logit reaches :meth:`logit_cut`: a reading's score for
        ``label`` is at least this exactly when its logit is at least that.

        ``bias + scale * score`` never falls as the score grows (the scale is positive
        and rounding keeps order), so the scores that reach the cut are all those from
        some least one on, found by halving the range with that very expression.
        """
        i = self.index(label)
        b, s, z = self.bias[i], self.scale[i], self.logit_cut(label, probability)
        low, high = -_NEVER, _NEVER  # b + s * low < z <= b + s * high, once checked
        if b + s * low >= z:
            return low
        if b + s * high < z:
            return high
        while high - low > 1:
            mid = (low + high) // 2
            if b + s * mid >= z:
                high = mid
            else:
                low = mid
        return high


def logit(p: float) -> float:
    """The inverse of the logistic function (probability 0 or 1 map to -/+ infinity)."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def decode(data: dict[str, Any]) -> SentenceModel:
    """Build a model from the parsed JSON document (validated, so a bad file fails loudly).

    ``rows`` (base64 of zlib) holds every bucket as a little-endian 32-bit number, then
    every bucket's weights, one byte a label (the int8 weight plus :data:`OFFSET`). Each
    byte is spread to the low byte of a 32-bit field and the bucket's fields read as one
    integer, less the offsets: :func:`_pack` of its weights, in C-level passes.
    """
    if data.get("format") != FORMAT or data.get("hash_bits") != HASH_BITS:
        raise ValueError(f"{MODEL_FILE}: format or hash size does not match this amends")
    labels = tuple(str(x) for x in data["labels"])
    n = len(labels)
    rows = zlib.decompress(base64.b64decode(data["rows"]))
    if len(rows) % (4 + n):
        raise ValueError(f"{MODEL_FILE}: weight table is truncated")
    count = len(rows) // (4 + n)
    keys = array("I", rows[: 4 * count])
    if keys.itemsize != 4:
        raise ValueError(f"{MODEL_FILE}: needs 32-bit unsigned integers")
    if sys.byteorder == "big":
        keys.byteswap()
    spread = bytearray(4 * n * count)
    spread[0::4] = rows[4 * count :]
    width = 4 * n
    fields = (chunk for (chunk,) in struct.iter_unpack(f"{width}s", spread))
    offsets = repeat(_pack([OFFSET] * n))
    values = map(sub, map(partial(int.from_bytes, byteorder="little"), fields), offsets)
    table = dict(zip(keys, values, strict=True))
    if len(table) != count:
        raise ValueError(f"{MODEL_FILE}: a bucket is listed twice")
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
    keys = bytearray()
    values = bytearray()
    for key in sorted(weights):
        q = weights[key]
        if len(q) != n_labels or any(not -127 <= v <= 127 for v in q):
            raise ValueError(f"bucket {key}: weights must be {n_labels} int8 values")
        keys += key.to_bytes(4, "little")
        values += bytes(v + OFFSET for v in q)
    return base64.b64encode(zlib.compress(bytes(keys + values), 9)).decode("ascii")


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
