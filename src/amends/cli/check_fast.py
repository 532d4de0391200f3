"""`amends check FILE` without Typer or Click: the common case, started in a fraction of the time.

Loading Typer and Click costs several times an empty interpreter's start, more
than checking a draft. :func:`run_check` reads the arguments a check is usually
given — FILE (or ``-``), ``--ignore``/``-i``, ``--kind``, ``--reason``,
``--format``/``-f``, each option with its value as the next argument or after
``=`` — and runs exactly what the Typer command runs. Anything else (``--help``,
an unknown or repeated option, a missing value, a choice that is not one, a
second FILE, ``--``) returns ``None`` and the Typer command handles it, so its
usage errors and help stay the only ones.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from amends.check import check_draft, resolve_ignore
from amends.cli.check_report import KindChoice, load_draft, print_json, render_text
from amends.errors import InputError

_VALUED = {"--ignore": "ignore", "-i": "ignore", "--kind": "kind", "--reason": "reason"}
_VALUED |= {"--format": "format", "-f": "format"}
_KINDS = {k.value for k in KindChoice}
_FORMATS = {"text", "json"}


def parse_check_args(args: Sequence[str]) -> dict[str, list[str]] | None:
    """The check's arguments by option name (``file`` for FILE), or ``None`` to leave
    them to Typer."""
    found: dict[str, list[str]] = {"ignore": []}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            if "file" in found:
                return None
            found["file"] = [arg]
            continue
        name, eq, value = arg.partition("=")
        if eq and not name.startswith("--"):
            return None  # "-i=x" means the value "=x" to Click: not ours to guess
        key = _VALUED.get(name)
        if key is None:
            return None
        if not eq:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if key != "ignore" and key in found:
            return None
        found.setdefault(key, []).append(value)
    if "file" not in found:
        return None
    if found.get("kind", ["apology"])[0] not in _KINDS:
        return None
    if found.get("format", ["text"])[0] not in _FORMATS:
        return None
    return found


def run_check(args: Sequence[str]) -> int | None:
    """Run ``amends check ARGS`` and return its exit code, or ``None`` when the
    arguments are for Typer to read (help, usage errors, anything unusual)."""
    found = parse_check_args(args)
    if found is None:
        return None
    kind = found.get("kind", [None])[0]
    try:
        ignored = resolve_ignore(found["ignore"])
        name, draft = load_draft(found["file"][0])
        chosen = None if kind is None else KindChoice(kind).value
        report = check_draft(
            draft, kind=chosen, reason=found.get("reason", [None])[0], ignore=ignored
        )
    except InputError as err:
        sys.stderr.write(f"amends: error: {err.cli_text()}\n")
        return 2
    if found.get("format") == ["json"]:
        print_json(report.to_json())
    else:
        render_text(name, report)
    return 0 if report.passed else 1
