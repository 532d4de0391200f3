"""The ``amends`` command line: thin commands that parse, call the core and render.

Each command lives in its own module and registers itself on :data:`amends.cli.app.app` when
imported, which happens only when that command runs (see :mod:`amends.cli.app`);
:func:`main` turns every usage or input error into one line on
stderr with exit code 2, never a traceback. ``amends plan`` and ``amends check``
given ordinary arguments run without Typer, Click or Rich (:mod:`amends.cli.fastargs`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

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
    run = None
    if "_AMENDS_COMPLETE" not in os.environ:  # shell completion is Click's alone
        from amends.cli.fastargs import FAST_COMMANDS, fast_command  # no Typer, Click, Rich

        if argv is None and args and args[0] in FAST_COMMANDS:
            _short_run(args[0])
        run = fast_command(args)
    if run is None:
        _run_typer(args)
    sys.exit(_outcome(run))


def _short_run(command: str) -> None:
    """Set up the console script for a short command (``plan``, ``check``).

    Such a run allocates mostly objects that live until it exits (modules, rules,
    templates), so the cyclic collector's frequent young-generation passes find
    almost nothing: they start after 20,000 allocations here, not 700. Compiled
    patterns are kept between runs (:mod:`amends.cli.regex_cache`). Only the
    console script does this — a program or a test calling :func:`main` keeps
    its own collector and ``re``.
    """
    import gc

    from amends.cli import regex_cache

    gc.set_threshold(20_000, 20, 20)
    if regex_cache.enabled():
        from amends.paths import cache_dir

        regex_cache.install(cache_dir(), command)


def _run_typer(args: list[str]) -> NoReturn:
    def run() -> Any:
        from amends.cli.app import app

        return app(args=args, prog_name="amends", standalone_mode=False)

    sys.exit(_outcome(run))


def _click_error(exc: BaseException, name: str) -> bool:
    """True when ``exc`` is Click's exception ``name`` (Click, if never loaded, raised nothing)."""
    click = sys.modules.get("click.exceptions")
    return click is not None and isinstance(exc, getattr(click, name))


def _outcome(run: Callable[[], Any]) -> int:
    """Run a command and return its exit code, every usage or input error as one line."""
    try:
        code = run()
    except InputError as exc:
        sys.stderr.write(f"amends: error: {exc.cli_text()}\n")
        return 2
    except (StateError, StoreError) as exc:
        sys.stderr.write(f"amends: error: {exc}\n")
        return 1 if isinstance(exc, StateError) else 2
    except KeyboardInterrupt:
        sys.stderr.write("amends: cancelled\n")
        return 130
    except Exception as exc:
        if _click_error(exc, "UsageError"):
            message = exc.format_message().replace("\n", " ").strip()  # type: ignore[attr-defined]
            sys.stderr.write(f"amends: error: {message} (see --help)\n")
            return 2
        if _click_error(exc, "Abort"):
            sys.stderr.write("amends: cancelled\n")
            return 130
        raise
    return code if isinstance(code, int) else 0
