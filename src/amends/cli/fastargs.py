"""Ordinary arguments of `amends plan` and `amends check` read without Typer, Click or Rich.

Loading Typer and Click (and building a command of fifty options) costs more than
most of a plan. So for the commands in :data:`FAST_COMMANDS` the option table is
derived from the Typer command itself — names, flags, types, choices, defaults,
repeatable or not — by :mod:`amends.cli.fastargs_build`, once, and kept as JSON in
the cache folder (``cli/<command>-<key>.json``). The key is a checksum of the
command line's sources and the Typer, Click and Python versions, and the table
records a checksum of each module outside ``amends.cli`` a default comes from: an
edited option or an upgraded Typer derives the table afresh, never reads an old one.

:func:`fast_command` reads the common forms with that table — options with their
value as the next argument or after ``=``, flags, repeated options that repeat,
the positional arguments — and returns the command's own function with its
options by name, exactly what the Typer command passes it. Anything else
(``--help``, an unknown, misspelt or repeated option, a missing value, a value
starting with ``-``, a choice or number Click would refuse, ``--``, a short
option with its value attached) returns ``None``, and Typer reads the arguments,
so its help and usage errors stay the only ones. ``tests/test_fastargs.py``
compares both ways on many argument sets.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

# The commands read here: each one's function taking its options by parameter name.
FAST_COMMANDS: dict[str, str] = {
    "plan": "amends.cli.plan_run:run_plan",
    "check": "amends.cli.check_report:run_check",
}
TABLE_FORMAT = 1  # raised when the table's layout changes, so older tables are not read

_CLI_DIR = Path(__file__).resolve().parent
_PACKAGE_DIR = _CLI_DIR.parent

Params = list[dict[str, Any]]


class _NotOurs(Exception):
    """These arguments are for Typer to read."""


def source_digest(data: bytes) -> str:
    import hashlib  # here and below: `amends --help` passes through this module too

    return hashlib.blake2b(data, digest_size=12).hexdigest()


def table_key() -> str:
    """The checksum naming the option tables: every ``amends/cli`` source, Typer's, Click's
    and Python's versions and the table format."""
    import hashlib

    from amends.paths import installed_version

    digest = hashlib.blake2b(digest_size=12)
    versions = f"{TABLE_FORMAT} {installed_version('typer')} {installed_version('click')}"
    digest.update(f"{versions} {sys.version}".encode())
    for path in sorted(_CLI_DIR.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sources_unchanged(sources: Mapping[str, str]) -> bool:
    """True when every module a default came from still has the recorded content."""
    for name, checksum in sources.items():
        try:
            if source_digest((_PACKAGE_DIR / name).read_bytes()) != checksum:
                return False
        except OSError:
            return False
    return True


# The keys every parameter record has (``fastargs_build._param_record``), and those an
# option has besides; the others ("choices", "enum", "path", "min", "max") belong to
# some types only.
_RECORD_KEYS = frozenset(("default", "flag", "kind", "multiple", "name", "required", "type"))
_OPTION_KEYS = frozenset(("opts", "secondary"))


def _well_formed_record(record: object) -> bool:
    if not isinstance(record, dict) or not record.keys() >= _RECORD_KEYS:
        return False
    if record["kind"] == "argument":
        return True
    return (
        record["kind"] == "option"
        and record.keys() >= _OPTION_KEYS
        and isinstance(record["opts"], list)
        and isinstance(record["secondary"], list)
    )


def _well_formed(found: object) -> bool:
    """True when a cached table has the layout this module reads: a damaged or hand-edited
    file is derived again rather than failing the run."""
    if not isinstance(found, dict):
        return False
    sources, params = found.get("sources"), found.get("params", ())
    if not isinstance(sources, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in sources.items()
    ):
        return False
    return params is None or (
        isinstance(params, list) and all(_well_formed_record(p) for p in params)
    )


def option_table(command: str) -> Params | None:
    """The parameters of ``command`` as :mod:`amends.cli.fastargs_build` derives them from
    the Typer command (read from the cache, derived and kept when missing or stale);
    ``None`` when the command declares something this module does not read."""
    import json

    from amends.paths import cache_dir, prune_stale, write_cache

    path = cache_dir() / "cli" / f"{command}-{table_key()}.json"
    try:
        found = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        found = None
    if _well_formed(found) and _sources_unchanged(found["sources"]):
        params: Params | None = found.get("params")
        return params
    build = importlib.import_module("amends.cli.fastargs_build")  # loads Typer, once
    table: dict[str, Any] = build.derive_table(command)
    write_cache(path, json.dumps(table, ensure_ascii=False, sort_keys=True))
    prune_stale(path, f"{command}-*.json")  # tables of older sources or versions
    if not path.is_file():
        # No cache can be kept (read-only home): Typer is loaded already, so let it read
        # the arguments rather than deriving the table again on every run.
        return None
    result: Params | None = table["params"]
    return result


def _option_names(params: Params) -> dict[str, tuple[dict[str, Any], Any]]:
    """Each option name with its parameter and, for a flag, the value it sets."""
    names: dict[str, tuple[dict[str, Any], Any]] = {}
    for param in params:
        if param["kind"] != "option":
            continue
        for name in param["opts"]:
            names[name] = (param, True if param["flag"] else None)
        for name in param["secondary"]:
            names[name] = (param, False)
    return names


def _split(params: Params, args: Sequence[str]) -> dict[str, list[Any]]:
    """The raw values given for each parameter, as Click's parser would read them."""
    names = _option_names(params)
    positional = [p["name"] for p in params if p["kind"] == "argument"]
    given: dict[str, list[Any]] = {}
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "-" or not arg.startswith("-"):
            if not positional:
                raise _NotOurs
            given[positional.pop(0)] = [arg]
            continue
        name, eq, value = arg.partition("=")
        if eq and not name.startswith("--"):
            raise _NotOurs  # "-f=json" is the value "=json" to Click: not ours to guess
        param, flag_value = names.get(name, (None, None))
        if param is None:
            raise _NotOurs
        if param["flag"]:
            if eq:
                raise _NotOurs
            raw: Any = flag_value
        elif eq:
            raw = value
        elif rest and (rest[0] == "-" or not rest[0].startswith("-")):
            raw = rest.pop(0)
        else:
            raise _NotOurs
        if param["name"] in given and not param["multiple"]:
            raise _NotOurs  # Click keeps the last one silently; Typer decides
        given.setdefault(param["name"], []).append(raw)
    return given


def _path_refused(text: str, checks: Mapping[str, bool]) -> bool:
    """True when Click's ``Path`` type would refuse ``text`` (an existing file it may not use)."""
    try:
        found = os.stat(text)
    except OSError:
        return False  # a path that does not exist yet is accepted as it is
    return (
        (not checks["file_okay"] and stat.S_ISREG(found.st_mode))
        or (not checks["dir_okay"] and stat.S_ISDIR(found.st_mode))
        or (checks["readable"] and not os.access(text, os.R_OK))
        or (checks["writable"] and not os.access(text, os.W_OK))
        or (checks["executable"] and not os.access(text, os.X_OK))
    )


def _member(where: str, value: Any) -> Any:
    module, _, name = where.partition(":")
    return getattr(importlib.import_module(module), name)(value)


def _convert(param: Mapping[str, Any], raw: Any) -> Any:
    """One value as the Typer command receives it: a number, a path, an enum member."""
    kind = param["type"]
    if kind == "int":
        try:
            number = int(raw)
        except ValueError:
            raise _NotOurs from None
        low, high = param.get("min"), param.get("max")
        if (low is not None and number < low) or (high is not None and number > high):
            raise _NotOurs
        return number
    if kind == "path":
        if _path_refused(raw, param["path"]):
            raise _NotOurs
        return Path(raw)
    if kind == "choice":
        if raw not in param["choices"]:
            raise _NotOurs
        return raw if param.get("enum") is None else _member(param["enum"], raw)
    return raw  # text, or a flag's own value


def _default(param: Mapping[str, Any]) -> Any:
    default = param["default"]
    if param.get("enum") is not None and default is not None:
        return _member(param["enum"], default)
    return default


def parse_options(params: Params, args: Sequence[str]) -> dict[str, Any] | None:
    """Every parameter's value by name as the Typer command would receive it, or ``None``
    when the arguments are for Typer (help, usage errors, anything unusual)."""
    try:
        given = _split(params, args)
        options: dict[str, Any] = {}
        for param in params:
            raws = given.get(param["name"])
            if raws is None:
                if param["required"]:
                    raise _NotOurs
                options[param["name"]] = _default(param)
            elif param["multiple"]:
                options[param["name"]] = [_convert(param, raw) for raw in raws]
            else:
                options[param["name"]] = _convert(param, raws[0])
    except _NotOurs:
        return None
    return options


def _as_click_runs(run: Callable[[Mapping[str, Any]], Any], options: Mapping[str, Any]) -> Any:
    """Call ``run`` as Click's ``main`` (not standalone) calls a command: ``typer.Exit`` gives
    the exit code, Ctrl-C (or end of input) a newline before the cancel message, a closed
    pipe exit code 1 without a traceback."""
    try:
        return run(options)
    except (EOFError, KeyboardInterrupt) as exc:
        sys.stderr.write("\n")
        raise KeyboardInterrupt from exc
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (kept until exit)
        return 1
    except Exception as exc:
        click = sys.modules.get("click.exceptions")  # only a loaded Click can have raised it
        if click is not None and isinstance(exc, click.Exit):
            return exc.exit_code
        raise


def fast_command(args: Sequence[str]) -> Callable[[], Any] | None:
    """``amends ARGS`` as a call of the command's own function, or ``None`` for Typer."""
    where = FAST_COMMANDS.get(args[0]) if args else None
    if where is None:
        return None
    params = option_table(args[0])
    options = None if params is None else parse_options(params, args[1:])
    if options is None:
        return None
    module, _, name = where.partition(":")
    run = getattr(importlib.import_module(module), name)
    return lambda: _as_click_runs(run, options)
