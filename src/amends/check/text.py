"""Text preparation that keeps character offsets intact.

Every transformation here maps one character to exactly one character, so a
match found in the prepared text has the same span in the text the user gave:
curly quotes and dashes become their ASCII forms (patterns then only need to
spell ``don't`` once), unusual spaces become spaces, and inline suppression
markers are blanked out so no rule ever reads them as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

FOLD_TABLE: dict[int, str] = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\uff07": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u00ad": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2026": ".",
        "\uff01": "!",
        "\uff1f": "?",
    }
)

MARKER = re.compile(r"<!--\s*amends:\s*ignore\b(?P<rules>[^>\n]*?)\s*-->", re.IGNORECASE)
"""The inline suppression marker: ``<!-- amends: ignore RULE[, RULE...] -->``."""

_BOUNDARY = re.compile(r"[\n.!?](?:(?<=\n)|[.!?]*(?=[\s\"')\]]|$))")
"""A line break, or a run of ``.``, ``!``, ``?`` before a space, a closing quote or bracket
or the end: ``\n|[.!?]+(?=…)``, written to open with one character class so the engine
skips to the next candidate character instead of trying both branches everywhere."""
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b(?:[ap]\.m|e\.g|i\.e|etc|vs|mr|mrs|ms|dr|st|approx|incl|dept|jr|sr)|\b[A-Z])$",
    re.IGNORECASE,
)
_ABBREVIATION_WINDOW = 12
_WORD = re.compile(r"[^\W_]+(?:['\-.][^\W_]+)*")
_SPAN = re.Match.span


_ASCII_FOLDS = tuple((chr(k), v) for k, v in FOLD_TABLE.items() if k < 128)
"""The table's entries for ASCII characters (a tab, a backtick): plain text needs only these."""
_FOLDS = tuple((chr(k), v) for k, v in FOLD_TABLE.items())


def fold(text: str) -> str:
    """Same-length text with quotes, dashes and spaces in one canonical form.

    One ``replace`` per character of the table that the text holds: many times
    faster than ``translate``, which looks every character of a non-ASCII text up
    in the table. The same result, as no character is replaced by one the table
    replaces in turn.
    """
    for old, new in _ASCII_FOLDS if text.isascii() else _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Marker:
    """One inline suppression marker: which line it is on and what it silences."""

    line_start: int
    line_end: int
    selectors: frozenset[str]

    def covers(self, start: int, end: int) -> bool:
        """True when a span ``[start, end)`` touches this marker's line."""
        return start <= self.line_end and end >= self.line_start


def find_markers(text: str) -> list[Marker]:
    """Every suppression marker; an empty rule list means "all rules on this line"."""
    markers: list[Marker] = []
    if "<" not in text:
        return markers
    for m in MARKER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        nl = text.find("\n", m.end())
        line_end = len(text) if nl < 0 else nl
        names = frozenset(n.lower() for n in re.split(r"[\s,]+", m.group("rules")) if n)
        markers.append(Marker(line_start, line_end, names))
    return markers


def blank_markers(text: str) -> str:
    """Replace each marker with spaces (same length) so rules never read it."""
    if "<" not in text:
        return text
    return MARKER.sub(lambda m: " " * len(m.group(0)), text)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences (and lines) in ``text[start:end]``, trimmed of whitespace.

    A line break always ends a sentence; ``.``, ``!``, ``?`` end one when followed by
    space, except after common abbreviations such as ``a.m.`` and ``e.g.``. A
    semicolon joins two clauses of one sentence ("I overslept; the mistake was
    mine"): the classifier reads the clauses on their own as well.

    Every abbreviation ends in a letter, so a mark after anything else is a break without
    asking :data:`_NO_BREAK_BEFORE`; the spans are trimmed in place, not by a generator.
    """
    out: list[tuple[int, int]] = []
    pos = start
    no_break = _NO_BREAK_BEFORE.search
    for m in _BOUNDARY.finditer(text, start, end):
        at, stop = m.span()
        # An abbreviation is a few letters: look at the end of the sentence only.
        mark = stop - at != 1 or text[at] != "\n"
        abbreviated = mark and at > pos and text[at - 1].isalpha()
        if abbreviated and no_break(text, max(pos, at - _ABBREVIATION_WINDOW), at):
            continue
        _trim_into(out, text, pos, stop)
        pos = stop
    _trim_into(out, text, pos, end)
    return out


def _trim_into(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of blank-line-separated paragraphs in ``text[start:end]``."""
    pos = start
    for m in re.finditer(r"\n[ \r]*\n", text[start:end]):
        yield from _trimmed(text, pos, start + m.start())
        pos = start + m.end()
    yield from _trimmed(text, pos, end)


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the words in ``text[start:end]`` (letters or digits, inner ' - . kept)."""
    stop = len(text) if end is None else end
    return list(map(_SPAN, _WORD.finditer(text, start, stop)))
