"""Derive a command's option table for :mod:`amends.cli.fastargs` from its Typer command.

Loaded only when the cached table is missing or stale. Each Click parameter Typer
built becomes a plain record (names, flag or value, repeatable, type, choices,
limits, the default the command function declares); a parameter of a kind the fast
reader does not handle (a callback, an environment variable, a prompt, several
values, a count, a type other than text, whole number, path or choice) makes the
whole table ``None``: that command is then always read by Typer.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import click
import typer

from amends.cli.app import COMMANDS, app
from amends.cli.fastargs import FAST_COMMANDS, source_digest

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


class _Unreadable(Exception):
    """A parameter the fast reader does not handle."""


def _enum_of(hint: Any) -> type[enum.Enum] | None:
    """The Enum class in a parameter's annotation (``KindChoice | None``), if any."""
    for part in (hint, *typing.get_args(hint)):
        if isinstance(part, type) and issubclass(part, enum.Enum):
            return part
    return None


def _type_record(param: click.Parameter, hint: Any) -> dict[str, Any]:
    kind = param.type
    if isinstance(kind, click.Choice):
        choices = [str(c.value if isinstance(c, enum.Enum) else c) for c in kind.choices]
        if not kind.case_sensitive:
            raise _Unreadable
        found = _enum_of(hint)
        where = None if found is None else f"{found.__module__}:{found.__qualname__}"
        return {"type": "choice", "choices": choices, "enum": where}
    if isinstance(kind, click.IntRange):
        if kind.clamp or kind.min_open or kind.max_open:
            raise _Unreadable
        return {"type": "int", "min": kind.min, "max": kind.max}
    if isinstance(kind, click.types.IntParamType):
        return {"type": "int"}
    if isinstance(kind, click.Path):
        if kind.exists or kind.resolve_path or kind.allow_dash or _enum_of(hint):
            raise _Unreadable
        checks = {
            "file_okay": kind.file_okay,
            "dir_okay": kind.dir_okay,
            "readable": kind.readable,
            "writable": kind.writable,
            "executable": kind.executable,
        }
        return {"type": "path", "path": checks}
    if isinstance(kind, click.types.StringParamType) or (
        isinstance(kind, click.types.BoolParamType) and getattr(param, "is_flag", False)
    ):
        return {"type": "text"}  # text as given, or the value a flag sets
    raise _Unreadable


def _param_record(param: click.Parameter, default: Any, hint: Any) -> dict[str, Any]:
    if param.callback is not None or param.envvar or param.is_eager or not param.expose_value:
        raise _Unreadable
    if getattr(param, "deprecated", False):
        raise _Unreadable  # Click warns when it is used: Typer's path says so
    if param.nargs != 1 or param.name is None:
        raise _Unreadable
    record: dict[str, Any] = {"name": param.name, "required": param.required}
    if isinstance(param, click.Option):
        if param.prompt is not None or param.count:
            raise _Unreadable
        record |= {"kind": "option", "opts": param.opts, "secondary": param.secondary_opts}
        record |= {"flag": param.is_flag, "multiple": param.multiple}
    elif isinstance(param, click.Argument):
        record |= {"kind": "argument", "flag": False, "multiple": False}
    else:
        raise _Unreadable
    record |= _type_record(param, hint)
    if default is inspect.Parameter.empty:
        default = None
    if isinstance(default, enum.Enum):
        default = default.value
    if default is not None and not isinstance(default, (str, int, bool)):
        raise _Unreadable
    record["default"] = default
    return record


def _default_sources(defaults: list[Any], enums: list[type[enum.Enum]]) -> dict[str, str]:
    """The amends modules outside ``amends.cli`` holding a default (``DEFAULT_HOURS``) or
    defining a choice's Enum, by checksum: the table is derived again when one changes."""
    found: dict[str, str] = {}
    enum_modules = {e.__module__ for e in enums}
    for name, module in list(sys.modules.items()):
        if not name.startswith("amends.") or name.startswith("amends.cli."):
            continue
        if not isinstance(module, ModuleType) or not getattr(module, "__file__", None):
            continue
        values = vars(module).values()
        if name in enum_modules or any(d is v for d in defaults for v in values):
            path = Path(str(module.__file__)).resolve()
            found[path.relative_to(_PACKAGE_DIR).as_posix()] = source_digest(path.read_bytes())
    return found


def derive_table(command: str) -> dict[str, Any]:
    """``{"params": [...] or None, "sources": {...}}`` for the command ``command``."""
    if command not in FAST_COMMANDS:
        raise KeyError(command)
    importlib.import_module(COMMANDS[command].module)
    built = typer.main.get_group(app).commands[command]
    assert built.callback is not None
    signature = inspect.signature(built.callback)  # the command's own function (unwrapped)
    hints = typing.get_type_hints(inspect.unwrap(built.callback))
    defaults = [p.default for p in signature.parameters.values()]
    if {str(p.name) for p in built.params} != set(signature.parameters):
        return {"params": None, "sources": {}}  # e.g. a typer.Context: only Typer can pass it
    try:
        params = [
            _param_record(p, signature.parameters[str(p.name)].default, hints.get(str(p.name)))
            for p in built.params
        ]
    except _Unreadable:
        return {"params": None, "sources": {}}
    plain = [d for d in defaults if isinstance(d, (str, int)) and not isinstance(d, bool)]
    # an Enum's members are the choices recorded: the table follows the module defining it
    enums = [found for p in built.params if (found := _enum_of(hints.get(str(p.name))))]
    return {"params": params, "sources": _default_sources(plain, enums)}
