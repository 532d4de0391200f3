"""Text renderings of listing pages (``amends cases``, ``amends next``, a case's due steps).

Light on purpose: the times are already worded in the case index, so printing
10,000 lines needs no date formatting (see :mod:`amends.cases.listing`).
"""

from __future__ import annotations

import sys

from amends.cases.listing import ListedCase, ListedStep


def say(text: str = "") -> None:
    """One plain line on stdout: no markup, no wrapping, so it pastes and pipes cleanly."""
    sys.stdout.write(text + "\n")


def print_listed_due(items: list[ListedStep]) -> None:
    """Due steps, earliest first, each with its start, deadline and what to do."""
    if not items:
        say("Nothing is due.")
        return
    lines = []
    for item in items:
        row = item.row
        deadline = f", by {row.by_text}" if row.by_text else ""
        lines.append(f"[{item.status}] {row.case_id}  {row.title}: from {row.at_text}{deadline}")
        lines.append(f"    {row.text}")
    sys.stdout.write("\n".join(lines) + "\n")  # one write: thousands of lines stay cheap


def print_listed(cases: list[ListedCase]) -> None:
    """One line per case: id, state, title, contact and the first due step."""
    if not cases:
        say("No cases yet. Save one with `amends plan ... --save`.")
        return
    lines = []
    for case in cases:
        nxt = f" · next: {case.next.row.title} ({case.next.status})" if case.next else ""
        lines.append(f"{case.id}  {case.case.state:<14} {case.title} · {case.case.contact}{nxt}")
    sys.stdout.write("\n".join(lines) + "\n")
