"""The sentence features the classifier reads: a few lines of pure Python, shared with training.

Training (``python3 tasks.py train``) and the runtime call the same
:func:`features`, so a model can never be applied to features it was not
trained on. A sentence is normalised so the voices people write in look alike
to the model: lower case, curly quotes folded, apostrophes dropped ("wasn't" and
"wasnt" are one word), every digit written as ``0`` (a time is a shape, not a
value). The features are word unigrams and bigrams plus character 3–5-grams of
each word, each hashed with CRC-32 into ``2**HASH_BITS`` buckets — stable across
Python versions and machines, unlike ``hash()``.
"""

from __future__ import annotations

import re
from zlib import crc32

from amends.check.text import FOLD_TABLE, fold

HASH_BITS = 18
"""Bucket count is ``2**HASH_BITS``; recorded in the model file and checked on load."""
CHAR_NGRAMS = (3, 4, 5)

_APOSTROPHES = re.compile(r"['\u2019`\u00b4]")
_DIGIT = re.compile(r"\d")
_NORMALISE = str.maketrans(
    {
        **{chr(k): v for k, v in FOLD_TABLE.items()},
        **dict.fromkeys("\u2019`\u00b4", "'"),
        **dict.fromkeys("123456789", "0"),
    }
)
"""Fold quotes and dashes and write ASCII digits as ``0``: one character for one, which
keeps ``translate`` on its fast path (a table that deletes characters is many times
slower); apostrophes are then dropped with one ``replace``."""
_TOKEN = re.compile(r"[a-z0\u00c0-\u024f]+|[!?()\[\]{}<>_/:$%*]")
_TOKEN_CHARS = "a-z0\u00c0-\u024f!?()\\[\\]{}<>_/:$%*'"
_NOT_TOKEN = re.compile(f"[^{_TOKEN_CHARS}]")
_PUNCT = re.compile(r"[!?()\[\]{}<>_/:$%*]")
_ASCII_TOKEN_TABLE = bytes.maketrans(
    bytes(range(128)),
    bytes(
        ord(c) if _NOT_TOKEN.match(c) is None else ord(" ")
        for c in (chr(k).lower().translate(_NORMALISE) for k in range(128))
    ),
)
"""For ASCII text, lower case, :data:`_NORMALISE` and every other character that no token
holds made a space, as one byte table: one C pass over a whole draft."""
_MASK = (1 << HASH_BITS) - 1
_CAPITAL_SIGMA = "\u03a3"


def normalise(sentence: str) -> str:
    """Lower case, folded quotes and dashes, no apostrophes, digits as ``0``.

    One ``translate`` and one ``replace`` do it for ASCII text; other scripts'
    digits and apostrophes also go through the regular expressions (same result,
    slower).
    """
    out = sentence.lower().translate(_NORMALISE).replace("'", "")
    if out.isascii():
        return out
    return _DIGIT.sub("0", _APOSTROPHES.sub("", fold(sentence).lower()))


def tokens(sentence: str) -> list[str]:
    """Words and the punctuation that carries meaning here (``!``, ``?``, brackets, ``_``)."""
    return _TOKEN.findall(normalise(sentence))


def token_text(text: str) -> str | None:
    """:func:`normalise` of a whole text with its apostrophes kept and every character that
    no token holds made a space: of the same length, so the tokens of any part of ``text``
    are :func:`tokens_in` it, and a draft is lower-cased and folded once, not clause by clause.

    None when lower-casing changes the length ("İ") or could depend on the letters
    around it (a capital sigma), as it then does not commute with cutting the text.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TOKEN_TABLE).decode("ascii")
    out = text.lower()
    if len(out) != len(text) or _CAPITAL_SIGMA in text:
        return None
    return _NOT_TOKEN.sub(" ", _DIGIT.sub("0", fold(out)))


def tokens_in(prepared: str, start: int, end: int) -> list[str]:
    """``tokens(text[start:end])`` for the :func:`token_text` of ``text``.

    Once the apostrophes are gone, a part with no punctuation token is words between
    spaces, which ``split`` finds faster than the expression.
    """
    part = prepared[start:end]
    if "'" in part:
        part = part.replace("'", "")
    if _PUNCT.search(part) is None:
        return part.split()
    return _TOKEN.findall(part)


def bucket(feature: str) -> int:
    """The hash bucket of one feature string."""
    return crc32(feature.encode("utf-8")) & _MASK


def word_features(word: str) -> list[str]:
    """The unigram and character n-grams contributed by one word (cached by the runtime)."""
    out = ["w:" + word]
    if word.isalpha() or "0" in word:
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            out.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def pair_features(words: list[str]) -> list[str]:
    """Word bigrams, with the sentence start and end as words of their own."""
    seq = ["<s>", *words, "</s>"]
    return ["b:" + seq[i] + " " + seq[i + 1] for i in range(len(seq) - 1)]


def features(sentence: str) -> list[str]:
    """Every feature of a sentence (repeats kept: the model sums them)."""
    words = tokens(sentence)
    out: list[str] = []
    for word in words:
        out.extend(word_features(word))
    out.extend(pair_features(words))
    return out
