"""Load the rule catalogue (``data/check_rules.toml``): every rule, its wording and patterns.

Content is data: ids, categories, messages, suggestions, patterns and limits are
all in the catalogue so they can be reviewed without reading code. This module
only validates and compiles it, failing loudly at load time (not while a user
is checking a draft) when an entry is malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, cast, get_args

from amends.check import catalogue_cache
from amends.check.lazy_regex import LazyPattern
from amends.check.model import CATEGORIES, DRAFT_KINDS, DraftKind, Severity, severity_of
from amends.datafiles import parse_toml

Check = Literal[
    "sentence",
    "absence",
    "apology-count",
    "clock-zone",
    "length",
    "narrative",
    "subject-missing",
    "subject-vague",
    "subject-shouty",
    "classifier",
    "availability",
]
CHECKS: tuple[Check, ...] = get_args(Check)
WHOLE_DRAFT_CHECKS = frozenset(
    {"absence", "availability", "length", "narrative", "subject-missing"}
)
_RULE_KEYS = {
    "id",
    "category",
    "severity",
    "check",
    "applies_to",
    "message",
    "suggestion",
    "patterns",
    "requires",
    "unless",
    "labels",
    "unless_labels",
    "threshold",
    "waive_outside_control",
    "suggestion_for_reason",
    "threshold_weak_reason",
    "only_after_miss",
    "email_only_for",
    "held_when_named",
    "threshold_outside_control",
    "body_only",
}
Patterns = tuple[LazyPattern, ...]


@dataclass(frozen=True)
class Rule:
    """One catalogue entry, with its patterns compiled (case-insensitive)."""

    id: str
    category: str
    severity: Severity
    check: Check
    message: str
    suggestion: str
    patterns: Patterns
    requires: Patterns
    unless: Patterns
    applies_to: frozenset[DraftKind]
    labels: tuple[str, ...] = ()
    unless_labels: tuple[str, ...] = ()
    threshold: float | None = None
    waive_outside_control: bool = False
    suggestion_for_reason: str = ""
    threshold_weak_reason: float | None = None
    only_after_miss: bool = False
    email_only_for: frozenset[DraftKind] = frozenset()
    """Absence rules: for these kinds, only an e-mail (a draft with a subject) is held to it."""
    held_when_named: frozenset[DraftKind] = frozenset()
    """Absence rules: these kinds are held to it without a subject when ``--kind`` names them."""
    threshold_outside_control: float | None = None
    body_only: bool = False
    """Sentence rules: not read in the subject line (its own rules judge it)."""

    @property
    def whole_draft(self) -> bool:
        """Whether findings concern the whole draft (an inline marker anywhere silences them)."""
        return self.check in WHOLE_DRAFT_CHECKS


@dataclass(frozen=True)
class Limits:
    """Numeric thresholds (see the ``[limits]`` table for what each means)."""

    email_words: int
    script_words: int
    apologies: int
    narrative_words: int
    narrative_markers: int


@dataclass(frozen=True)
class Catalogue:
    """The loaded catalogue: rules in catalogue order, shared pattern sets, limits."""

    rules: tuple[Rule, ...]
    lexicon: dict[str, Patterns]
    limits: Limits
    subject_common_words: frozenset[str]
    reason_cues: dict[str, Patterns]

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    def by_check(self, check: Check) -> list[Rule]:
        return [r for r in self.rules if r.check == check]

    @property
    def rule_ids(self) -> list[str]:
        return [r.id for r in self.rules]

    def all_patterns(self) -> list[LazyPattern]:
        """Every compiled pattern in the catalogue (rules, lexicon, reason cues), repeats kept."""
        out = [p for r in self.rules for p in (*r.patterns, *r.requires, *r.unless)]
        out.extend(p for group in self.lexicon.values() for p in group)
        out.extend(p for group in self.reason_cues.values() for p in group)
        return out


def compile_pattern(source: str) -> re.Pattern[str]:
    """Compile one catalogue pattern, case-insensitive (see :func:`translate_pattern`)."""
    return re.compile(translate_pattern(source), re.IGNORECASE)


def translate_pattern(source: str) -> str:
    """The regular expression a catalogue pattern stands for (matched case-insensitively).

    A space outside ``[...]`` matches any run of whitespace (``" ?"`` optional
    whitespace), so "I  overslept" or a phrase wrapped over two lines still matches;
    the apostrophe of a contraction is optional (outside lookbehinds), so
    "wasn't" also matches "wasnt".
    """
    out: list[str] = []
    in_class = escaped = False
    groups: list[bool] = []  # for each open group: is it a lookbehind?
    i = 0
    while i < len(source):
        ch = source[i]
        i += 1
        if escaped or in_class:
            out.append(ch)
            in_class = in_class and (escaped or ch != "]")
            escaped = False if escaped else ch == "\\"
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == "(":
            out.append(ch)
            groups.append(source.startswith(("?<=", "?<!"), i) or any(groups))
        elif ch == ")":
            out.append(ch)
            if groups:
                groups.pop()
        elif ch == "'" and not any(groups) and _CONTRACTION.match(source, i):
            out.append("'?")  # "wasn't" also matches "wasnt", as people type it
        elif ch == " " and i < len(source) and source[i] in "?*":
            out.append(r"\s*")
            i += 1
        else:
            out.append(r"\s+" if ch == " " else ch)
    return "".join(out)


_CONTRACTION = re.compile(r"(?:t|s|m|ll|re|ve|d)\b")


@dataclass
class _Build:
    """One catalogue being built: every pattern once, by source, and whether to compile now."""

    validate: bool
    translated: dict[str, str]
    patterns: dict[str, LazyPattern]

    def pattern(self, source: str, where: str) -> LazyPattern:
        regex = self.translated.get(source)
        if regex is None:
            regex = self.translated[source] = translate_pattern(source)
        found = self.patterns.get(regex)
        if found is None:
            found = self.patterns[regex] = LazyPattern(regex, re.IGNORECASE)
            if self.validate:
                try:
                    found.regex  # noqa: B018 - compile now, so a bad entry fails at load
                except re.error as exc:
                    raise ValueError(f"{where}: bad pattern {source!r}: {exc}") from None
        return found


def _expand(
    sources: list[str], lexicon: dict[str, Patterns], where: str, build: _Build
) -> Patterns:
    out: list[LazyPattern] = []
    for source in sources:
        if source.startswith("@"):
            name = source[1:]
            if name not in lexicon:
                raise ValueError(f"{where}: unknown lexicon entry {source!r}")
            out.extend(lexicon[name])
            continue
        out.append(build.pattern(source, where))
    return tuple(out)


def _rule(entry: dict[str, Any], lexicon: dict[str, Patterns], build: _Build) -> Rule:
    rid = str(entry.get("id", ""))
    where = f"check rule {rid or '?'}"
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    category = str(entry["category"])
    if category not in CATEGORIES:
        raise ValueError(f"{where}: unknown category {category!r}")
    severity = str(entry["severity"])
    if severity != severity_of(category):
        raise ValueError(f"{where}: category {category} must have severity {severity_of(category)}")
    check = str(entry.get("check", "sentence"))
    if check not in CHECKS:
        raise ValueError(f"{where}: unknown check {check!r}")
    kinds = entry.get("applies_to", list(DRAFT_KINDS))
    if check in ("classifier", "availability") and not entry.get("labels"):
        raise ValueError(f"{where}: a {check} rule needs the classifier labels it reads")
    for key, named in (
        ("applies_to", kinds),
        ("email_only_for", entry.get("email_only_for", [])),
        ("held_when_named", entry.get("held_when_named", [])),
    ):
        if not set(named) <= set(DRAFT_KINDS):
            raise ValueError(f"{where}: {key} must be a subset of {DRAFT_KINDS}")
    return Rule(
        id=rid,
        category=category,
        severity=severity,
        check=check,
        message=str(entry["message"]).strip(),
        suggestion=str(entry["suggestion"]).strip(),
        patterns=_expand(list(entry.get("patterns", [])), lexicon, where, build),
        requires=_expand(list(entry.get("requires", [])), lexicon, where, build),
        unless=_expand(list(entry.get("unless", [])), lexicon, where, build),
        applies_to=frozenset(cast(list[DraftKind], kinds)),
        labels=tuple(str(x) for x in entry.get("labels", [])),
        unless_labels=tuple(str(x) for x in entry.get("unless_labels", [])),
        threshold=None if "threshold" not in entry else float(entry["threshold"]),
        waive_outside_control=bool(entry.get("waive_outside_control", False)),
        suggestion_for_reason=str(entry.get("suggestion_for_reason", "")).strip(),
        only_after_miss=bool(entry.get("only_after_miss", False)),
        email_only_for=frozenset(cast(list[DraftKind], entry.get("email_only_for", []))),
        held_when_named=frozenset(cast(list[DraftKind], entry.get("held_when_named", []))),
        threshold_outside_control=(
            float(entry["threshold_outside_control"])
            if "threshold_outside_control" in entry
            else None
        ),
        body_only=bool(entry.get("body_only", False)),
        threshold_weak_reason=(
            float(entry["threshold_weak_reason"]) if "threshold_weak_reason" in entry else None
        ),
    )


def parse_catalogue(text: str) -> Catalogue:
    """Validate and compile catalogue TOML (exposed so tests can load variants)."""
    return build_catalogue(parse_toml(text))


def build_catalogue(data: dict[str, Any], cached: catalogue_cache.Index | None = None) -> Catalogue:
    return _build(data, cached)[0]


def _build(data: dict[str, Any], cached: catalogue_cache.Index | None) -> tuple[Catalogue, _Build]:
    """The catalogue from its parsed TOML; every pattern compiled now, unless ``cached``.

    With ``cached`` (what :mod:`amends.check.catalogue_cache` kept for this very
    catalogue, already validated when it was written) nothing is compiled: each
    pattern compiles the first time it runs, and its derived facts come from the
    cache.
    """
    build = _Build(
        validate=cached is None, translated=dict(cached.translated) if cached else {}, patterns={}
    )
    lexicon: dict[str, Patterns] = {}
    for name, sources in data.get("lexicon", {}).items():
        lexicon[name] = _expand(list(sources), lexicon, f"lexicon {name}", build)
    rules = tuple(_rule(entry, lexicon, build) for entry in data.get("rule", []))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate check rule ids: {duplicates}")
    bad_ids = [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9-]*", i)]
    if bad_ids:
        raise ValueError(f"check rule ids must be kebab-case: {bad_ids}")
    limits = Limits(**{k: int(v) for k, v in data["limits"].items()})
    common = frozenset(w.lower() for w in data.get("subject", {}).get("common_words", []))
    cues = {
        code: _expand(list(sources), lexicon, f"reason_cues {code}", build)
        for code, sources in data.get("reason_cues", {}).items()
    }
    if cached is not None:
        cached.apply(build.patterns.values())
    made = Catalogue(
        rules=rules,
        lexicon=lexicon,
        limits=limits,
        subject_common_words=common,
        reason_cues=cues,
    )
    return made, build


@cache
def combined(patterns: Patterns) -> re.Pattern[str] | None:
    """One alternation of ``patterns``: ``search`` finds whether any of them matches.

    A single pass over the text instead of one per pattern is what keeps a
    hundred-odd patterns fast; ``None`` when there is nothing to combine.
    """
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


@cache
def catalogue() -> Catalogue:
    """The packaged catalogue, loaded once: from the cache folder when it holds this version.

    The first start (or the first after the catalogue or the checker changes)
    parses, validates and compiles everything and keeps the result
    (:mod:`amends.check.catalogue_cache`); later starts read that and compile
    only the patterns a draft runs.
    """
    text = resources.files("amends.data").joinpath("check_rules.toml").read_text("utf-8")
    key = catalogue_cache.key_of(text)
    kept = catalogue_cache.read(key)
    if kept is not None:
        try:
            return build_catalogue(kept.data, kept)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a damaged file with the right key: rebuilt below, as on a first start
    data = parse_toml(text)  # imports tomllib: a start with a catalogue cache never does
    built, build = _build(data, None)
    catalogue_cache.write(key, data, build.translated, built.all_patterns())
    return built


def selectors() -> set[str]:
    """Everything ``--ignore`` and the inline marker accept: rule ids and categories."""
    return set(catalogue().rule_ids) | set(CATEGORIES)
