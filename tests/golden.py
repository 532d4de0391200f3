"""Compare generated text with reviewed golden files in tests/golden/.

Regenerate deliberately with ``python3 tasks.py golden`` (sets
``AMENDS_UPDATE_GOLDEN=1``), then read the diff as the recipient would.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

GOLDEN_DIR = Path(__file__).parent / "golden"
_CASE_ID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def normalise(text: str) -> str:
    """Replace ids that legitimately change between runs; strip trailing spaces."""
    text = _CASE_ID.sub("<case-id>", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN_DIR / name
    actual = normalise(actual)
    if os.environ.get("AMENDS_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"missing golden file {path}; run `python3 tasks.py golden`"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (python3 tasks.py golden)"
