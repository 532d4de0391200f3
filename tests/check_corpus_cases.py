"""Load the draft-checker corpus (``tests/check_corpus/*.toml``) for tests and the bench."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "check_corpus"


@dataclass(frozen=True)
class Case:
    """One corpus draft: the category it tests, whether it must trigger it, and the text."""

    category: str
    name: str
    expect: bool
    text: str
    kind: str = "email"

    @property
    def id(self) -> str:
        return f"{self.category}:{self.name}"


def load_cases() -> list[Case]:
    """Every case of every corpus file, in file order."""
    cases: list[Case] = []
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for entry in data["case"]:
            cases.append(
                Case(
                    category=data["category"],
                    name=entry["name"],
                    expect=bool(entry["expect"]),
                    text=entry["text"],
                    kind=entry.get("kind", "email"),
                )
            )
    return cases
