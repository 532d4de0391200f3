"""What the sentence classifier reads in a draft: each sentence whole, then clause by clause.

A sentence that runs several clauses together with commas or dashes ("so sorry
i missed it, the link u sent never loaded, can we do tues?") is also read
clause by clause, so one clause's blame is not diluted by its neighbours'
apology. The draft is lower-cased and folded once (:func:`token_text`)
and every sentence's and piece's tokens are found in that one text; a
clause's scores are then sums of what its sentence already looked up
(:meth:`SentenceModel.read_pieces`). Scores, not probabilities: compared with
:meth:`SentenceModel.score_cut`, they say what the probabilities say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from amends.check.classifier import Scores, model
from amends.check.features import token_text, tokens, tokens_in

Span = tuple[int, int]

_CLAUSE_BREAK = re.compile(r"\s*(?:[,;]|:(?!\d)|\s[-\u2013\u2014]\s|\.\.+)\s*")
_MIN_CLAUSE_WORDS = 3
_CORE = re.compile(r"[,;:.\-\u2013\u2014]")
"""The characters a break's core ("," ";" ":" "--", a dash between spaces) begins with or,
for a dash, holds second: a plain character class, which the engine scans for quickly."""


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence joined by commas, semicolons or dashes (none if it is one).

    Pieces shorter than three words stay with the clause before them ("Hi Dana,"
    is not a clause of its own worth reading).
    """
    return clause_pieces(sentence)[2]


def clause_pieces(sentence: str) -> tuple[list[str], list[list[int]], list[str]]:
    """The sentence cut at its clause breaks, and its clauses (see :func:`clauses`).

    Returns the pieces (the text between breaks and each break, alternately, so
    they join up to the sentence), the pieces each clause is made of, and each
    clause's text (its pieces joined by ", "). The classifier reads the clauses
    from the pieces' tokens.
    """
    bounds, made = clause_cuts(sentence, 0, len(sentence))
    pieces = [sentence[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    return pieces, made, [", ".join(pieces[i] for i in clause) for clause in made]


def clause_cuts(text: str, start: int, end: int) -> tuple[list[int], list[list[int]]]:
    """:func:`clause_pieces` of ``text[start:end]`` as places in ``text``: where each piece
    begins, then ``end``, and the pieces each clause is made of (none when it is one).

    A piece shorter than three words joins the clause before it, and so does any piece
    after a clause that is still shorter than that; a clause's words are its pieces'
    words, plus one for the ", " that joins two when the first ends in a space.
    """
    bounds = [start, *_breaks(text, start, end), end]
    if len(bounds) == 2:
        return bounds, []
    made: list[list[int]] = []
    words = 0  # of the clause being made
    last = start  # where its text ends
    for i in range(0, len(bounds) - 1, 2):
        a, b = bounds[i], bounds[i + 1]
        part = text[a:b]
        if a == b or part.isspace():
            continue
        count = len(part.split())
        if made and (count < _MIN_CLAUSE_WORDS or words < _MIN_CLAUSE_WORDS):
            made[-1].append(i)
            words += count + int(text[last - 1].isspace())
        else:
            made.append([i])
            words = count
        last = b
    return bounds, made if len(made) > 1 else []


def _breaks(text: str, start: int, end: int) -> list[int]:
    """Where each match of :data:`_CLAUSE_BREAK` in ``text[start:end]`` starts and ends, as
    ``finditer`` finds them, but tried only where a break can begin.

    The expression opens with ``\\s*``, so ``finditer`` tries it at every character. Every
    match has a core (see :data:`_CORE`), and the leftmost place a match can start is the
    beginning of the spaces just before the first core, or the core itself: that is where
    the expression is tried, with ``match``, which then gives ``finditer``'s own match.
    """
    out: list[int] = []
    pos = start
    match = _CLAUSE_BREAK.match
    for found in _CORE.finditer(text, start, end):
        core = found.start()
        char = text[core]
        if char == ".":
            if core + 1 >= end or text[core + 1] != ".":
                continue  # one full stop is no break; two or more are
        elif char in "-\u2013\u2014":
            core -= 1  # a dash breaks only between spaces: the core is the space before it
            if core < start or not text[core].isspace():
                continue
        if core < pos:
            continue  # inside the break found last
        at = core
        while at > pos and text[at - 1].isspace():
            at -= 1
        m = match(text, at, end)
        if m is not None:
            out.extend(m.span())
            pos = m.end()
    return out


def read_sentences(text: str, spans: Iterable[Span]) -> dict[Span, list[Scores]]:
    """The classifier's scores for each sentence ``text[start:end]``: the whole sentence,
    then each of its clauses (:func:`clause_pieces`), as :meth:`SentenceModel.scores`
    of their own text gives them."""
    read = model().read_pieces
    out: dict[Span, list[Scores]] = {}
    normal = token_text(text)
    if normal is None:  # lower case of another length: each piece normalised on its own
        for s, e in spans:
            pieces, made, _ = clause_pieces(text[s:e])
            out[(s, e)] = read([tokens(piece) for piece in pieces], made)
        return out
    for s, e in spans:
        bounds, made = clause_cuts(text, s, e)
        if not made:  # the pieces' tokens are the sentence's: no token spans a break
            out[(s, e)] = read([tokens_in(normal, s, e)], [])
            continue
        found = [
            tokens_in(normal, bounds[i], bounds[i + 1])
            if i % 2 == 0 or text.find(":", bounds[i], bounds[i + 1]) >= 0
            else []  # a break holds no token but a colon
            for i in range(len(bounds) - 1)
        ]
        out[(s, e)] = read(found, made)
    return out
