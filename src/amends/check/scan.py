"""The prepared draft every check reads, and the raw hit a check reports.

Preparing once (folding quotes, blanking markers, splitting sentences) keeps
each check small and makes the whole run a handful of regex passes per
sentence, which is what keeps ``amends check`` fast enough for editor use.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar, overload

from amends.check import anchors
from amends.check.classifier import Scores, model
from amends.check.draft import Draft
from amends.check.lazy_regex import LazyPattern
from amends.check.leads import LeadIndex, word_places
from amends.check.model import DraftKind
from amends.check.prefilter import Gate, may_match
from amends.check.reading import read_sentences
from amends.check.rules import Rule, catalogue
from amends.check.text import blank_markers, fold, sentences, words

Span = tuple[int, int]
_T = TypeVar("_T")


class kept_property(Generic[_T]):
    """``functools.cached_property`` without its lock: the value computed on first use is
    kept in the instance's ``__dict__``, which later reads find first. A scan is read by one
    thread, and Python 3.11's ``cached_property`` takes a lock for every value it computes,
    a fixed cost a draft pays some thirty times."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> kept_property[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


@cache
def _leads() -> LeadIndex:
    """The catalogue's word-led patterns, filed by the words they open with, built once."""
    return LeadIndex(catalogue().all_patterns())


@cache
def _gate() -> Gate:
    """The substring gate over every catalogue pattern, built once."""
    return Gate(catalogue().all_patterns())


@cache
def _known_ids() -> frozenset[int]:
    """The ``id`` of every catalogue pattern: :attr:`Gate.known`, without building the gate."""
    return frozenset(map(id, catalogue().all_patterns()))


GATE_AFTER = 1
"""Drafts a process checks with no index built: each pattern asked on its own whether the
draft may hold a match (:func:`may_match`) and run in its fast form (:mod:`amends.check.
anchors`). Building the substring gate and the lead index (every literal and lead of every
pattern filed by its letters) costs more than asking the few hundred patterns of one draft
one by one, so ``amends check FILE`` builds neither; a process that goes on checking (a
batch, the web app, an editor) builds them at its second draft. Either way each pattern's
matches are ``finditer``'s, so the reports are the same (``bench/check_equality.py
--one-by-one`` checks every draft the first draft's way)."""
_checked = [0]
"""Drafts checked in this process (see :data:`GATE_AFTER`)."""


def _one_by_one() -> bool:
    """Whether the draft being prepared is checked with no index (:data:`GATE_AFTER`)."""
    _checked[0] += 1
    return _checked[0] <= GATE_AFTER


def within(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans (sorted) that lie inside ``[start, end]``."""
    i = bisect_left(spans, (start, -1))
    out: list[Span] = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] <= end:
            out.append(spans[i])
        i += 1
    return out


def has_within(spans: list[Span], start: int, end: int) -> bool:
    """Whether one of the spans (sorted) lies inside ``[start, end]``: ``bool(within(...))``."""
    i = bisect_left(spans, (start, -1))
    n = len(spans)
    while i < n:
        a, b = spans[i]
        if a >= end:
            return False
        if b <= end:
            return True
        i += 1
    return False


_GROUPS: dict[int, tuple[tuple[LazyPattern, ...], frozenset[int] | None]] = {}


@dataclass(frozen=True)
class _Members:
    """A group of catalogue patterns as the gate reads it (kept as :func:`_group_ids` keeps
    its answer): the patterns with their ids, and, for a group of distinct patterns all
    known to the gate, the ids as a set and each id's pattern, so the live ones are one
    set intersection away."""

    pairs: tuple[tuple[int, LazyPattern], ...]
    ids: frozenset[int] | None
    by_id: dict[int, LazyPattern]


_MEMBERS: dict[int, tuple[tuple[LazyPattern, ...], _Members]] = {}


def _members(patterns: tuple[LazyPattern, ...]) -> _Members:
    """A group's patterns with their ids (see :class:`_Members`)."""
    entry = _MEMBERS.get(id(patterns))
    if entry is not None and entry[0] is patterns:
        return entry[1]
    pairs = tuple((id(p), p) for p in patterns)
    ids = frozenset(key for key, _ in pairs)
    distinct = len(ids) == len(pairs) and ids <= _known_ids()
    made = _Members(pairs, ids if distinct else None, dict(pairs))
    _MEMBERS[id(patterns)] = (patterns, made)
    return made


def _group_ids(patterns: tuple[LazyPattern, ...]) -> frozenset[int] | None:
    """The ids of a group of catalogue patterns (None when one is unknown to the gate).

    Kept by the tuple's ``id`` with the tuple itself, so the id stays its own.
    """
    entry = _GROUPS.get(id(patterns))
    if entry is not None and entry[0] is patterns:
        return entry[1]
    ids = frozenset(map(id, patterns))
    found = ids if ids <= _known_ids() else None
    _GROUPS[id(patterns)] = (patterns, found)
    return found


@cache
def _cut(label: str, probability: float | None = None) -> tuple[int, int]:
    """Where ``label`` is in a reading, and the score it must reach."""
    m = model()
    return m.index(label), m.score_cut(label, probability)


@cache
def cuts(labels: tuple[str, ...], probability: float | None = None) -> tuple[tuple[int, int], ...]:
    """:func:`_cut` for several labels at once (a rule asks the same for every sentence)."""
    return tuple(_cut(label, probability) for label in labels)


_FEW_LEADS = 8
"""A word-led pattern with at most this many one-word leads looks each up in the draft's
words; one with more meets them with the draft's keys in one set intersection."""
_LedPlan = tuple[frozenset[str], tuple[tuple[str, str], ...], bool, Callable[..., Any]]


def _led_plan(pattern: LazyPattern) -> _LedPlan:
    """What :meth:`Scan._led_spans` needs of a word-led pattern, worked out once and kept on
    the pattern: its leads (:meth:`LeadIndex.plan`), whether its matches may cross
    sentences, its ``match``."""
    plan: _LedPlan | None = pattern.led_plan
    if plan is None:
        whole, longer = _leads().plan(id(pattern))
        plan = (whole, longer, anchors.runner(pattern).window is None, pattern.regex.match)
        pattern.led_plan = plan
    return plan


def _one_does(
    readings: Iterable[Sequence[int]],
    wanted: tuple[tuple[int, int], ...],
    against: tuple[tuple[int, int], ...],
) -> bool:
    """Whether one of ``readings`` reaches a cut of ``wanted`` and none of ``against``."""
    for reading in readings:  # plain loops: asked per rule and sentence
        for i, z in wanted:
            if reading[i] >= z:
                break
        else:
            continue
        for i, z in against:
            if reading[i] >= z:
                break
        else:
            return True
    return False


@dataclass(frozen=True)
class Hit:
    """A rule firing on ``[start, end)`` of the checked text (zero width: the whole draft)."""

    rule: Rule
    start: int
    end: int


@dataclass
class Scan:
    """A draft ready for matching: ``folded`` has the same length as ``draft.text``.

    ``kind`` may be settled after creation (inferring it reads the scan itself);
    everything else is computed once, on first use.
    """

    draft: Draft
    kind: DraftKind
    reason: str | None = None
    reason_outside_control: bool | None = None
    """From ``--reason``: whether the cause was outside the user's control (None: not given)."""
    kind_given: bool = False
    """Whether ``--kind`` named the kind (the user said what the draft is)."""

    @kept_property
    def folded(self) -> str:
        return fold(blank_markers(self.draft.text))

    @kept_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Every sentence of the text, the subject line being a sentence of its own."""
        text = self.folded
        spans: list[tuple[int, int]] = []
        if self.draft.subject_start is not None and self.draft.subject_end is not None:
            spans.extend(sentences(text, self.draft.subject_start, self.draft.subject_end))
        spans.extend(self.body_sentences)
        return tuple(spans)

    @kept_property
    def sentences_ordered(self) -> bool:
        """Whether the sentences are in text order, none overlapping the next."""
        spans = self.sentences
        return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))

    @kept_property
    def body_sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple(sentences(self.folded, self.draft.body_start, len(self.folded)))

    @kept_property
    def anchor(self) -> int:
        """Where whole-draft findings point: the first visible character of the body."""
        text, pos = self.folded, self.draft.body_start
        while pos < len(text) and text[pos].isspace():
            pos += 1
        return min(pos, len(text))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos`` (or a zero-width span there when in none)."""
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return pos, pos

    @kept_property
    def readings(self) -> dict[Span, list[Scores]]:
        """The classifier's scores per body sentence: the whole sentence, then each clause
        (:mod:`amends.check.reading`). Scores are compared with the cuts of :func:`cuts`,
        which says the same as comparing probabilities with thresholds."""
        return read_sentences(self.folded, self.body_sentences)

    @kept_property
    def best(self) -> dict[Span, Sequence[int]]:
        """Per body sentence, each function's highest score over its readings."""
        return {
            span: readings[0]
            if len(readings) == 1
            else [max(c) for c in zip(*readings, strict=True)]
            for span, readings in self.readings.items()
        }

    def reading_as(
        self, wanted: tuple[tuple[int, int], ...], against: tuple[tuple[int, int], ...]
    ) -> list[Span]:
        """The body sentences (in order) one reading of which (whole, or a clause) does one
        of ``wanted`` and, in that same reading, none of ``against`` ((index, score cut)
        pairs, :func:`cuts`): one call a rule, not one a sentence."""
        out: list[Span] = []
        for span, readings in self.readings.items():  # plain loops: the classifier rules'
            if _one_does(readings, wanted, against):
                out.append(span)
        return out

    def some_sentence_does(self, labels: tuple[str, ...], vetoes: tuple[str, ...]) -> bool:
        """Whether a body sentence :meth:`does` one of ``labels`` and none of ``vetoes``."""
        return _one_does(self.best.values(), cuts(labels), cuts(vetoes))

    def does(self, span: Span, label: str, threshold: float | None = None) -> bool:
        """Whether the classifier says the sentence at ``span`` does ``label``."""
        best = self.best.get(span)
        if best is None:
            return False
        i, z = _cut(label, threshold)
        return best[i] >= z

    def anywhere(self, label: str, threshold: float | None = None) -> bool:
        """Whether any body sentence does ``label``."""
        i, z = _cut(label, threshold)
        return any(best[i] >= z for best in self.best.values())

    @kept_property
    def outside_control(self) -> bool:
        """The cause was outside the user's control: from ``--reason``, else from the draft.

        Without a reason code, a draft that names an outside cause ("my train was
        cancelled") and gives no weak excuse is read as such.
        """
        if self.reason_outside_control is not None:
            return self.reason_outside_control
        lexicon = catalogue().lexicon
        if self.body_has(lexicon["weak_cause"]):
            return False  # "I overslept after the train was late": the weak cause is owned
        if self.body_has(lexicon["outside_cause"]):
            return True  # "the ferry was cancelled", "I was sick all morning"
        return self.anywhere("outside-reason") and not self.anywhere("excuse")

    @kept_property
    def _found(self) -> dict[int, list[Span]]:
        """Matches per pattern, by ``id``: hashing a compiled pattern hashes its whole program."""
        return {}

    @kept_property
    def _found_any(self) -> dict[int, tuple[tuple[LazyPattern, ...], list[Span]]]:
        return {}

    @kept_property
    def _same_length_lower(self) -> str | None:
        return anchors.lowered(self.folded)

    @property
    def same_length_lower(self) -> str | None:
        """The folded text in lower case, of the same length (None when it has another one):
        where a string is found in it, ignoring case, is where it is in :attr:`folded`."""
        return self._same_length_lower

    @kept_property
    def _probe(self) -> str:
        lowered = self._same_length_lower
        return "" if lowered is None else anchors.probe(lowered)

    def spans(self, pattern: LazyPattern) -> list[Span]:
        """Where ``pattern`` matches in the text (non-empty matches, in order).

        Each pattern runs once per draft and every sentence query reads the
        result. A word-led pattern is tried only where its leads open a word
        (:mod:`amends.check.leads`); of the others, one the substring gate rules
        out does not run at all, the rest run in their fast form
        (:mod:`amends.check.anchors`).
        """
        key = id(pattern)
        found = self._found.get(key)
        if found is None:
            if key not in self._possible and key in self._known:
                return []  # ruled out by the gate: nothing to keep
            if key in self._led:
                plan = pattern.led_plan
                found = self._led_spans(pattern, _led_plan(pattern) if plan is None else plan)
            else:
                found = self._search(pattern)
            self._found[key] = found
            self._alive.append(pattern)
        return found

    @kept_property
    def _led(self) -> frozenset[int]:
        """The word-led patterns (none when the lower case has another length)."""
        if self._same_length_lower is None or self._unindexed:
            return frozenset()
        return _leads().known

    @kept_property
    def _lead_words(self) -> dict[str, list[int]]:
        return _leads().filed(self._word_places)

    @kept_property
    def _word_places(self) -> dict[str, list[int]]:
        """The probe's distinct words and where each starts: what the leads are filed by,
        and (their runs of letters being the draft's) what the substring gate reads."""
        return word_places(self._probe)

    @kept_property
    def _lead_keys(self) -> frozenset[str]:
        return frozenset(self._lead_words)

    @kept_property
    def _known(self) -> frozenset[int]:
        return _known_ids()

    @kept_property
    def _alive(self) -> list[LazyPattern]:
        """The patterns ``_found`` holds results for, kept alive so their ids stay theirs."""
        return []

    def _search(self, pattern: LazyPattern) -> list[Span]:
        key = id(pattern)
        if key not in self._possible and (
            key in self._known or not may_match(pattern, self.lowered)
        ):
            return []
        lowered = self._same_length_lower
        if lowered is None:
            return [m.span() for m in pattern.finditer(self.folded) if m.end() > m.start()]
        return anchors.run(
            anchors.runner(pattern),
            self.folded,
            lowered,
            self._probe,
            self.sentences,
            self._anchor_places,
        )

    @kept_property
    def _anchor_places(self) -> dict[frozenset[str], list[int]]:
        """Where each set of anchors is in the probe, found once (:func:`anchors.run`)."""
        return {}

    def _led_spans(self, pattern: LazyPattern, plan: _LedPlan) -> list[Span]:
        """``finditer``'s matches of a word-led pattern, tried only where
        :meth:`LeadIndex.places` says one may start (within each sentence for a pattern whose
        fast form runs sentence by sentence, :attr:`anchors.Runner.window`), in one step: a
        word-led pattern is the commonest, so a call saved here is saved for most of them."""
        whole, longer, anywhere, match = plan
        words = self._lead_words
        if len(whole) > _FEW_LEADS:
            lists = [words[s] for s in whole & self._lead_keys]
        else:  # a few leads: looked up one by one, without building a set
            lists = []
            for s in whole:
                found = words.get(s)
                if found is not None:
                    lists.append(found)
        for head, lead in longer:
            found = words.get(head)
            if found:
                starts = self._probe.startswith
                lists.append([p for p in found if starts(lead, p)])
        if not lists:
            return []
        places = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        text = self.folded
        if anywhere:
            return anchors.anchored_spans(pattern, text, places)
        out: list[Span] = []
        end = 0
        sentences = self.sentences
        at, n = 0, len(sentences)
        for p in places:
            while at < n and sentences[at][1] <= p:
                at += 1
            if at == n:
                break
            start, stop = sentences[at]
            if p < start or p < end:
                continue
            m = match(text, p, stop)
            if m is not None and m.end() > p:
                out.append((p, m.end()))
                end = m.end()
        return out

    @kept_property
    def _possible(self) -> set[int]:
        if self._unindexed:
            patterns = dict.fromkeys(catalogue().all_patterns())
            return {id(p) for p in patterns if may_match(p, self.lowered)}
        if self._same_length_lower is None:
            return _gate().possible(self.lowered)
        return _gate().possible_in(self._word_places, self.lowered)

    @kept_property
    def _unindexed(self) -> bool:
        """Checked with no gate or lead index (:data:`GATE_AFTER`), decided once a draft."""
        return _one_by_one()

    @kept_property
    def body_words(self) -> list[Span]:
        """Spans of the words of the body."""
        return words(self.folded, self.draft.body_start)

    @kept_property
    def lowered(self) -> str:
        """The folded text in lower case, for the substring gate."""
        return self._same_length_lower or self.folded.lower()

    def may_match_any(self, patterns: tuple[LazyPattern, ...]) -> bool:
        """False when the substring gate rules out every one of ``patterns`` for this draft."""
        ids = _group_ids(patterns)
        return ids is None or not self._possible.isdisjoint(ids)

    def live(self, patterns: tuple[LazyPattern, ...]) -> list[LazyPattern]:
        """Those of ``patterns`` the substring gate does not rule out (in no set order:
        their callers sort the spans they find)."""
        possible, known = self._possible, self._known
        group = _members(patterns)
        if group.ids is not None:  # every one known, none twice: order does not matter
            by_id = group.by_id
            return [by_id[key] for key in group.ids & possible]
        return [p for key, p in group.pairs if key in possible or key not in known]

    def spans_any(self, patterns: tuple[LazyPattern, ...]) -> list[Span]:
        """Where any of ``patterns`` matches, sorted.

        Kept by the tuple's ``id`` with the tuple itself (which keeps the id its
        own while the scan lives): the catalogue asks with the same tuples again
        and again.
        """
        entry = self._found_any.get(id(patterns))
        if entry is not None and entry[0] is patterns:
            return entry[1]
        found: list[Span] = []
        kept, spans = self._found.get, self.spans
        for p in self.live(patterns):
            done = kept(id(p))
            found.extend(spans(p) if done is None else done)
        found.sort()
        self._found_any[id(patterns)] = (patterns, found)
        return found

    def _kept_any(self, patterns: tuple[LazyPattern, ...]) -> list[Span] | None:
        """What :meth:`spans_any` kept for ``patterns`` (None: not run yet)."""
        entry = self._found_any.get(id(patterns))
        return entry[1] if entry is not None and entry[0] is patterns else None

    def _any_until(
        self, patterns: tuple[LazyPattern, ...], hit: Callable[[list[Span]], bool]
    ) -> bool:
        """Whether ``hit`` holds for one pattern's spans, the patterns run one by one and
        the answer given at the first: the others may never be needed. A group run to the
        end keeps its spans (what :meth:`spans_any` keeps), which answer what ``hit`` asks
        of the group as well: one pattern's spans inside a range are the group's there."""
        every: list[Span] = []
        for p in self.live(patterns):
            spans = self.spans(p)
            if spans and hit(spans):
                return True
            every.extend(spans)
        every.sort()
        self._found_any[id(patterns)] = (patterns, every)
        return False

    def search_any(self, patterns: tuple[LazyPattern, ...], start: int, end: int) -> bool:
        """Whether any of ``patterns`` matches inside ``[start, end)``."""
        found = self._kept_any(patterns)
        if found is None:
            return self._any_until(patterns, lambda spans: has_within(spans, start, end))
        return bool(found) and has_within(found, start, end)

    def body_has(self, patterns: tuple[LazyPattern, ...]) -> bool:
        """Whether any of ``patterns`` matches inside one of the body's sentences."""
        body = self.body_sentences
        found = self._kept_any(patterns)
        if found is None:
            return self._any_until(
                patterns, lambda spans: any(has_within(spans, s, e) for s, e in body)
            )
        return bool(found) and any(has_within(found, s, e) for s, e in body)
