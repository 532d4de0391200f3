"""The ``amends`` command line: thin commands that parse, call the core and render.

Each command lives in its own module and registers itself on :data:`amends.cli.app.app` when
imported, which happens only when that command runs (see :mod:`amends.cli.app`);
:func:`main` turns every usage or input error into one line on
stderr with exit code 2, never a traceback. ``amends check`` given ordinary
arguments runs without Typer, Click or Rich (:mod:`amends.cli.check_fast`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from amends.errors import InputError, StateError, StoreError

__all__ = ["main"]  # the Typer application is amends.cli.app.app, loaded only when needed


def _never_crash_on_output() -> None:
    """Unencodable text prints as escapes, not a crash: under a strict locale (ASCII,
    Latin-1), and on UTF-8 too for a file name given in bytes that are not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _utf8_argument(arg: str) -> str:
    """``arg`` as the UTF-8 text it was typed as, when only the locale (C, ASCII) hid it.

    Python decodes arguments with the locale's encoding, so ``café`` typed under
    ``LC_ALL=C`` arrives as lone surrogates; its bytes are valid UTF-8 and are read
    as such. Bytes that are not UTF-8 stay as they are and are refused, naming the field.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in arg):
        return arg
    try:
        return os.fsencode(arg).decode("utf-8")
    except (UnicodeError, ValueError):
        return arg


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``amends`` console script."""
    args = [_utf8_argument(a) for a in (sys.argv[1:] if argv is None else argv)]
    _never_crash_on_output()
    # Pydantic looks for plugins in every installed package's entry points when it
    # builds its first model (a scan of all of site-packages); none is meant to watch
    # amends' own models. Someone who sets the variable keeps their choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if args[:1] == ["check"] and "_AMENDS_COMPLETE" not in os.environ:
        from amends.cli.check_fast import run_check  # no Typer, Click or Rich on this path

        try:
            quick = run_check(args[1:])
        except KeyboardInterrupt:
            sys.stderr.write("amends: cancelled\n")
            sys.exit(130)
        if quick is not None:
            sys.exit(quick)
    _run_typer(args)


def _run_typer(args: list[str]) -> None:
    import typer

    from amends.cli.app import UsageError, app

    try:
        code = app(args=args, prog_name="amends", standalone_mode=False)
    except UsageError as exc:
        message = exc.format_message().replace("\n", " ").strip()
        sys.stderr.write(f"amends: error: {message} (see --help)\n")
        sys.exit(2)
    except InputError as exc:
        sys.stderr.write(f"amends: error: {exc.cli_text()}\n")
        sys.exit(2)
    except (StateError, StoreError) as exc:
        sys.stderr.write(f"amends: error: {exc}\n")
        sys.exit(1 if isinstance(exc, StateError) else 2)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("amends: cancelled\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
