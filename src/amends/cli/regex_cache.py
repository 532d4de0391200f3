"""Compiled regular expressions kept between runs of a short command.

``amends check FILE`` compiles about eighty patterns on every run (the checker's
rules, its gates, the draft reader's), ≈ 13% of its cold start: Python keeps
compiled patterns only for the life of the process. What ``re`` builds from a
pattern — the parsed program handed to ``_sre.compile``, its final flags and
its group names — depends only on the pattern, its flags and the interpreter,
so it can be kept on disk and handed to ``_sre.compile`` directly next time,
skipping the parser and the compiler. The result is the same ``re.Pattern``.

Each command has its table (``<cache dir>/regex/<command>-<interpreter key>.marshal``),
named after the interpreter's version, the regex engine's magic number and code
size, so another Python never reads it; ``marshal`` is that interpreter's own
format. A pattern not in it is compiled as usual and added when the process
exits — except after a run that loaded Typer (help, a usage error, the option
table derived afresh): Rich and Click compile a thousand patterns an ordinary
run never uses, and reading them back would cost more than it saves. Any
surprise (an unknown Python, a damaged table, a program ``_sre`` refuses) means
compiling as usual. Only the console script of a fast command installs it
(:func:`amends.cli.main`), never a library user or a test calling ``main``.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

_compiler: Any = getattr(re, "_compiler", None)
_parser: Any = getattr(re, "_parser", None)

# The interpreters whose ``re._compiler.compile`` this module repeats step by step.
_SUPPORTED = ((3, 11), (3, 12), (3, 13))
MAX_PATTERNS = 4000  # a bound on the table, whatever a process compiles
_FORMAT = 1

Entry = tuple[int, tuple[int, ...], int, dict[str, int], tuple[str | None, ...]]
_known: dict[tuple[str | bytes, int], Entry] = {}
_added: dict[tuple[str | bytes, int], Entry] = {}
_original: Any = None
_typer_before = [False]  # whether Typer was loaded already when the table was read


def table_path(cache: Path, command: str) -> Path:
    """The table of ``command`` for this interpreter under the cache folder ``cache``."""
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return cache / "regex" / f"{command}-{_FORMAT}-{tag}.marshal"


def _build(pattern: str | bytes, flags: int) -> tuple[Any, Entry]:
    """What ``re._compiler.compile`` does for a text pattern, keeping the program."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry: Entry = (  # plain ints: the opcodes are an int subclass marshal refuses
        int(flags | parsed.state.flags),
        tuple(map(int, code)),
        int(parsed.state.groups - 1),
        {str(name): int(index) for name, index in groupindex.items()},
        tuple(indexgroup),
    )
    return _make(pattern, entry), entry


def _make(pattern: str | bytes, entry: Entry) -> Any:
    final, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, final, list(code), groups, dict(groupindex), indexgroup)


def compile_cached(pattern: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` with the program of a known pattern read from the table."""
    if type(pattern) not in (str, bytes) or type(flags) is not int or flags & re.DEBUG:
        return _original(pattern, flags)
    key = (pattern, flags)
    entry = _known.get(key)
    if entry is not None:
        try:
            return _make(pattern, entry)
        except Exception:  # a program this engine refuses: compile it the usual way
            _known.pop(key, None)
            return _original(pattern, flags)
    compiled, entry = _build(pattern, flags)
    if len(_known) + len(_added) < MAX_PATTERNS:
        _added[key] = entry
    return compiled


def _load(path: Path) -> dict[tuple[str | bytes, int], Entry]:
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found if isinstance(found, dict) else {}


def _save(path: Path) -> None:
    if not _added or ("typer" in sys.modules and not _typer_before[0]):
        return  # this run loaded Typer after the table was read
    from amends.paths import write_cache  # only when something new was compiled

    table = {**_load(path), **_known, **_added}
    if len(table) <= MAX_PATTERNS:
        try:
            data = marshal.dumps(table)
        except ValueError:
            return
        write_cache(path, data)


def _probe() -> bool:
    """True when repeating the compiler's steps gives what ``re`` itself gives here."""
    try:
        probe = r"(?i)(?P<word>a|b)+\d{2,}(?=x)"
        made, _ = _build(probe, 0)
        usual = _original(probe, 0)
        # Patterns compare equal when their text, flags and whole program are equal.
        return bool(made == usual and made.groupindex == usual.groupindex)
    except Exception:
        return False


def install(cache: Path, command: str) -> bool:
    """Read ``command``'s table under ``cache`` and route ``re``'s compiler through it for this
    process (new patterns are added at exit). False, and nothing changed, on an
    interpreter this module does not know."""
    global _original
    if _original is not None:
        return True
    if sys.version_info[:2] not in _SUPPORTED or _compiler is None or _parser is None:
        return False
    _original = _compiler.compile
    if not _probe():
        _original = None
        return False
    path = table_path(cache, command)
    _typer_before[0] = "typer" in sys.modules
    _known.update(_load(path))
    _compiler.compile = compile_cached
    atexit.register(_save, path)
    return True


def uninstall() -> None:
    """Put ``re``'s own compiler back (for tests); the table is not written."""
    global _original
    if _original is not None:
        _compiler.compile = _original
        _original = None
        atexit.unregister(_save)
    _known.clear()
    _added.clear()


def enabled() -> bool:
    """Whether the console script may keep compiled patterns (``AMENDS_REGEX_CACHE=0``
    turns it off)."""
    return os.environ.get("AMENDS_REGEX_CACHE", "1") != "0"
