"""People's names, parsed so messages greet them the way a person would.

``nameparser`` splits a typed name into title, first, middle, last and suffix,
so "Dr. Ruth Okafor" greets as "Dear Dr Okafor," and never "Dear Dr.,", and
"Dana Whitfield" as "Dear Dana,". An agency in brackets ("Tom (Hays)") is not
part of the name. Titles are normalised to the English variant of the message
("Dr" in British English, "Dr." in American); a title is never used alone.

``nameparser`` takes longer to load than the rest of a plan takes to build, and
most names need none of it: two or three capitalised words, none of which it
knows as a title, suffix, particle, conjunction or other special word, are
given name, middle name and family name in that order. Its vocabulary is read
once per ``nameparser`` version into the cache folder; a name with any known
word, any other letter or mark, or another shape is parsed by ``nameparser``
itself (loaded with ``importlib``, only then).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from amends.datafiles import parse_toml
from amends.dates.format import English
from amends.paths import cached_json, installed_version

Greeting = Literal["first-name", "formal"]
GREETINGS: tuple[Greeting, ...] = get_args(Greeting)

# Typed title (lower case, no dot) -> how it is written; "rank" orders several
# titles ("Prof. Dr." greets as Professor). Academic and professional titles are
# used even in first-name greetings; social ones (Mr, Ms) only when formal.
_TITLES: dict[str, tuple[str, int, bool]] = {
    "professor": ("Professor", 3, True),
    "prof": ("Professor", 3, True),
    "dr": ("Dr", 2, True),
    "doctor": ("Dr", 2, True),
    "mr": ("Mr", 1, False),
    "mrs": ("Mrs", 1, False),
    "ms": ("Ms", 1, False),
    "miss": ("Miss", 1, False),
    "mx": ("Mx", 1, False),
}
# Titles written before the first name, not the surname ("Sir Ian").
_FIRST_NAME_TITLES = frozenset({"sir", "dame", "lord", "lady"})
_DOCTORATES = frozenset({"phd", "md", "dphil", "edd", "dds"})
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
# Countries where names are commonly written family name first: there the first
# word of a typed name is not safely a given name.
FAMILY_NAME_FIRST = frozenset({"CN", "HK", "MO", "TW", "JP", "KR", "KP", "VN", "HU", "MN", "KH"})
_ABBREVIATED = frozenset({"Dr", "Mr", "Mrs", "Ms", "Mx"})


@dataclass(frozen=True)
class PersonName:
    """A parsed name; ``title`` already normalised (``Dr``, ``Professor``, ``Ms``) or ``""``."""

    typed: str
    title: str
    first: str
    last: str
    middle: str = ""
    academic: bool = False
    """True when the title is one a person is greeted by even informally (Dr, Professor)."""
    before_first: bool = False
    """True for titles that go with the first name (Sir Ian)."""

    def _title(self, english: English) -> str:
        if english == "us" and self.title in _ABBREVIATED:
            return self.title + "."
        return self.title

    def _titled(self, english: English) -> str | None:
        """``Dr Okafor`` / ``Sir Ian``; ``None`` when there is no title or no name for it."""
        if not self.title:
            return None
        name = self.first if self.before_first else self.last
        return f"{self._title(english)} {name}" if name else None

    def address(
        self, english: English, greeting: Greeting = "first-name", *, family_first: bool = False
    ) -> str | None:
        """What follows "Dear" or "Hello": ``Dana``, ``Dr Okafor``, ``Ms Whitfield`` or ``None``.

        ``family_first``: the reader's country often writes the family name first
        ("Li Wei"), so the first word may not be a given name: the full name is safe.
        """
        titled = self._titled(english)
        if titled and (greeting == "formal" or self.academic or not self.first):
            return titled
        if (greeting == "formal" or family_first) and self.first and self.last:
            return f"{self.first} {self.last}"
        return self.first or self.last or None

    def full(self, english: English) -> str:
        """How a message names them to someone else: ``Dr Ruth Okafor``, ``Dana Lee``.

        Social titles (Mr, Ms) are left out here; academic ones are kept.
        """
        title = self._title(english) if self.academic else ""
        parts = [title, self.first, self.middle, self.last]
        text = " ".join(p for p in parts if p)
        return text or self.typed


def _nameparser() -> Any:
    """The ``nameparser`` package, imported only for a name that needs it (or its vocabulary)."""
    return importlib.import_module("nameparser")


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "SetManager":
        for item in value:
            yield from _strings(item)


def _vocabulary() -> dict[str, list[str]]:
    """What ``nameparser`` has a rule for: every word of its word lists (``vocab/*.toml``) and
    of every collection of words in its configuration, lower case, and the patterns it tests
    words with (Roman numerals, patronymic endings, Mc/Mac...). A superset is safe: a listed
    word or a matching pattern only sends the name to ``nameparser``."""
    package = _nameparser()
    constants = importlib.import_module("nameparser.config").CONSTANTS
    texts = [getattr(constants, name, None) for name in dir(constants) if not name.startswith("_")]
    for folder in ("config", "locales"):
        for path in sorted(Path(package.__file__).parent.joinpath(folder).glob("[!_]*.py")):
            module = importlib.import_module(f"nameparser.{folder}.{path.stem}")
            texts += [value for name, value in vars(module).items() if not name.startswith("_")]
    for path in sorted(Path(package.__file__).parent.joinpath("vocab").glob("*.toml")):
        texts += [entry.get("text") for entry in parse_toml(path.read_text("utf-8"))["word"]]
    words = {w.strip(".").lower() for t in _strings(texts) for w in re.split(r"[\s,]+", t) if w}
    # "word" matches any word at all; every other pattern marks a word as special.
    patterns = [p.pattern for key, p in constants.regexes.items() if key != "word"]
    return {"words": sorted(words - {""}), "patterns": patterns}


def _is_vocabulary(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("words"), list)
        and len(value["words"]) > 100
        and isinstance(value.get("patterns"), list)
        and all(isinstance(item, str) for item in value["words"] + value["patterns"])
    )


@cache
def _special() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The words and word patterns ``nameparser`` treats specially (cached per its version)."""
    folder = f"nameparser-{installed_version('nameparser')}"
    table = cached_json(folder, "vocabulary.json", _vocabulary, _is_vocabulary)
    patterns = tuple(re.compile(p, re.IGNORECASE) for p in table["patterns"])
    return frozenset(table["words"]), patterns


# A plain word: a capital and lower-case letters (no initial, no ALL CAPS credential).
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+")
# Words made of Roman-numeral letters may be generation suffixes ("Vi", "Xi", "Mix").
_ROMAN = re.compile(r"[ivxlcdm]+")


def _plain(text: str) -> PersonName | None:
    """Given, middle and family name of a name that needs no parser, else ``None``."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(_PLAIN_WORD.fullmatch(w) for w in words):
        return None
    known, patterns = _special()
    for word in words:
        low = word.lower()
        if _ROMAN.fullmatch(low) or low in known or any(p.search(word) for p in patterns):
            return None
    first, *middle, last = words
    return PersonName(typed=text, title="", first=first, last=last, middle=" ".join(middle))


@lru_cache(maxsize=2048)  # nameparser is slow, and a plan names each person several times
def parse_name(typed: str | None) -> PersonName | None:
    """The parsed name, or ``None`` for an empty one."""
    text = _BRACKETS.sub(" ", typed or "").strip()
    if not text:
        return None
    return _plain(text) or _parsed(text)


def _parsed(text: str) -> PersonName:
    """``text`` as ``nameparser`` reads it."""
    human = _nameparser().HumanName(text)
    titles = [t.strip(".").lower() for t in str(human.title).replace(".", ". ").split()]
    known = sorted((_TITLES[t] for t in titles if t in _TITLES), key=lambda t: -t[1])
    title, academic = (known[0][0], known[0][2]) if known else ("", False)
    before_first = any(t in _FIRST_NAME_TITLES for t in titles) and not known
    if before_first:
        title, academic = str(human.title).strip().title(), True
    suffixes = {s.strip(".").replace(".", "").lower() for s in str(human.suffix).split(",")}
    if not title and suffixes & _DOCTORATES:
        title, academic = "Dr", True
    first = str(human.first).strip()
    last = str(human.last).strip()
    if not first and not last and not title:
        return PersonName(typed=text, title="", first=text, last="", academic=False)
    return PersonName(
        typed=text,
        title=title,
        first=first,
        last=last,
        middle=str(human.middle).strip(),
        academic=academic,
        before_first=before_first,
    )
