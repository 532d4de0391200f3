"""Cleaning a pasted story before it is read: limits, control characters, typos.

A story arrives from a phone keyboard, a terminal or a web form. It is refused
only when nothing can be read from it (empty, not text, an essay); otherwise
control characters become spaces, apostrophes are dropped ("didn't" and
"didnt" read the same) and the phone-typing shortcuts in ``data/intake.toml``
are spelled out, keeping the original letters' case for names and companies.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from amends.errors import InputError
from amends.intake.lexicon import typos

MAX_STORY = 4000
_TOKEN = re.compile(r"[A-Za-z0-9/]+")
_APOSTROPHES = re.compile(r"(?<=\w)['’‘`´](?=\w)")
# "Deloitte's" keeps its apostrophe (a possessive marks a name); "it's" becomes "its".
_POSSESSIVE = re.compile(
    r"(?<!\w)(?!(?:it|that|what|there|here|he|she|who|let|where|how|everyone)['’]s\b)"
    r"(\w+)['’]s\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t]+")
# "I'll" must not read as "ill", nor "we're" as "were": spelled out before apostrophes go.
_CONTRACTIONS = re.compile(r"\b(\w+)['’](ll|re|ve|m)\b", re.IGNORECASE)
_EXPANDED = {"ll": " will", "re": " are", "ve": " have", "m": " am"}


@dataclass(frozen=True)
class Story:
    """The story as typed (``original``), tidied (``text``) and lower-cased (``low``).

    ``text`` and ``low`` have the same length, so a match found in ``low`` can be
    read back with its capitals from ``text``.
    """

    original: str
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def clean(raw: object) -> Story:
    """Validate and tidy a story, or raise ``InputError("text", ...)``."""
    if not isinstance(raw, str):
        raise InputError("text", "must be text describing what happened")
    if any("\ud800" <= ch <= "\udfff" for ch in raw):
        raise InputError("text", "contains invalid Unicode (not UTF-8 text)")
    if len(raw) > MAX_STORY:
        raise InputError(
            "text",
            f"is {len(raw)} characters long; describe what happened in a few sentences "
            f"(at most {MAX_STORY} characters)",
        )
    text = "".join(" " if _is_control(ch) else ch for ch in unicodedata.normalize("NFC", raw))
    text = _SPACES.sub(" ", text).strip()
    if not any(ch.isalnum() for ch in text):
        raise InputError("text", "is empty; describe what happened in your own words")
    text = _CONTRACTIONS.sub(lambda m: m.group(1) + _EXPANDED[m.group(2).lower()], text)
    text = _POSSESSIVE.sub("\\1\x00s", text)
    text = _APOSTROPHES.sub("", text).replace("\x00", "'")
    text = _TOKEN.sub(_spell_out, text)
    return Story(original=raw, text=text)


def _is_control(ch: str) -> bool:
    return ch != "\n" and unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}


def _spell_out(match: re.Match[str]) -> str:
    token = match.group(0)
    return typos().get(token.lower(), token)


def last_end(ends: list[int], pos: int) -> int:
    """The latest boundary end (sorted ``ends``) at or before ``pos`` (0 when none)."""
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def next_start(starts: list[int], pos: int) -> int:
    """Where the first boundary (sorted ``starts``) at or after ``pos`` begins."""
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else _NO_END


_NO_END = 1 << 40
