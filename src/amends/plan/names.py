"""People's names, parsed so messages greet them the way a person would.

``nameparser`` splits a typed name into title, first, middle, last and suffix,
so "Dr. Ruth Okafor" greets as "Dear Dr Okafor," and never "Dear Dr.,", and
"Dana Whitfield" as "Dear Dana,". An agency in brackets ("Tom (Hays)") is not
part of the name. Titles are normalised to the English variant of the message
("Dr" in British English, "Dr." in American); a title is never used alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, get_args

from nameparser import HumanName

from amends.dates.format import English

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


@lru_cache(maxsize=2048)  # nameparser is slow, and a plan names each person several times
def parse_name(typed: str | None) -> PersonName | None:
    """The parsed name, or ``None`` for an empty one."""
    text = _BRACKETS.sub(" ", typed or "").strip()
    if not text:
        return None
    human = HumanName(text)
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
