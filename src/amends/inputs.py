"""Reading what a user hands over — files, standard input, JSON — with limits.

Every file amends reads on a user's say-so goes through :func:`read_capped`: a
path that is a folder, missing, unreadable or endless (``/dev/zero``) gets one
clean :class:`~amends.errors.InputError` naming the option, and ``-`` means
standard input, as in every Unix tool. JSON from outside goes through
:func:`load_json`, which refuses documents nested deeper than any real export
before Python's recursion limit can turn them into a crash.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Any

from amends.errors import InputError

MAX_INPUT_BYTES = 20 * 1024 * 1024
MAX_DRAFT_FILE = 1024 * 1024  # a draft email is a few KB; a megabyte is not a draft
MAX_JSON_DEPTH = 64
STDIN = "-"


def _limit_text(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:g} MB" if mib >= 1 else f"{limit // 1024} KB"


def read_capped(
    path: str | Path,
    field: str,
    *,
    limit: int = MAX_INPUT_BYTES,
    stdin: IO[bytes] | None = None,
) -> bytes:
    """The bytes of ``path`` (``-`` for standard input), refusing more than ``limit``.

    Reads at most ``limit + 1`` bytes, so a device that never ends costs no
    more memory than a file of the allowed size.
    """
    name = str(path)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(field, f"standard input is larger than {_limit_text(limit)}")
        return data
    try:
        with open(name, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise IsADirectoryError
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(field, f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(field, f"{name} is a folder; give a file") from None
    except OSError as exc:
        raise InputError(field, f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(field, f"{name} is larger than {_limit_text(limit)}")
    return data


def decode_utf8(data: bytes, field: str, source: str) -> str:
    """``data`` as UTF-8 text (a byte-order mark is allowed), or a clean error with the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(field, f"{source}: line {line}: not UTF-8 text") from None


def json_depth(value: Any) -> int:
    """How deeply ``value`` nests lists and objects (a scalar is 0), without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def load_json(text: str | bytes, field: str, what: str = "the JSON") -> Any:
    """Parse JSON from outside; malformed or absurdly nested documents are one ``InputError``."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise InputError(field, f"{what} is nested too deeply to be real data") from None
    except ValueError as exc:
        raise InputError(field, f"{what} is not valid JSON ({exc})") from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise InputError(field, f"{what} is nested too deeply to be real data")
    return value
