"""The ``amends`` command line: thin commands that parse, call the core and render.

Each command lives in its own module and registers itself on :data:`app` when
imported; :func:`main` turns every usage or input error into one line on
stderr with exit code 2, never a traceback.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Sequence

import click
import typer

from amends.cli.app import app
from amends.errors import InputError, StateError, StoreError

_typer_click: types.ModuleType
try:  # Typer >= 0.25 vendors its own copy of Click.
    from typer._click import exceptions as _typer_click
except ImportError:  # pragma: no cover - older Typer uses Click itself
    _typer_click = click.exceptions

_USAGE_ERRORS: tuple[type[Exception], ...] = (
    click.exceptions.UsageError,
    _typer_click.UsageError,
)
_ABORTS: tuple[type[BaseException], ...] = (click.exceptions.Abort, typer.Abort, KeyboardInterrupt)

# Command modules register themselves on import (order = order in --help).
from amends.cli import plan_cmd as _plan_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import check_cmd as _check_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import slots_cmd as _slots_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import prepare_cmd as _prepare_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import guide_cmd as _guide_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import cases_cmd as _cases_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import serve_cmd as _serve_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import users_cmd as _users_cmd  # noqa: E402, F401  # isort: skip
from amends.cli import db_cmd as _db_cmd  # noqa: E402, F401  # isort: skip

__all__ = ["app", "main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``amends`` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = app(args=args, prog_name="amends", standalone_mode=False)
    except _USAGE_ERRORS as exc:
        message = exc.format_message().replace("\n", " ").strip()  # type: ignore[attr-defined]
        sys.stderr.write(f"amends: error: {message} (see --help)\n")
        sys.exit(2)
    except InputError as exc:
        sys.stderr.write(f"amends: error: {exc.cli_text()}\n")
        sys.exit(2)
    except (StateError, StoreError) as exc:
        sys.stderr.write(f"amends: error: {exc}\n")
        sys.exit(1 if isinstance(exc, StateError) else 2)
    except _ABORTS:
        sys.stderr.write("amends: cancelled\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
