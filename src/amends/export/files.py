"""Writing export files: atomically, and never over an existing file without ``force``.

A reader (or a calendar app watching the folder) must never see a half-written
file, so each file is written to a temporary name in the same folder, flushed
to disk and then moved into place with :func:`os.replace` (atomic on POSIX and
Windows). Several files are checked together before any is written, so a
refused overwrite leaves no partial output behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from amends.errors import InputError


@dataclass(frozen=True)
class OutFile:
    """One file to write: where, what, and which option named it (for errors)."""

    path: Path
    data: bytes
    field: str


def check_writable(path: Path, *, force: bool, field: str) -> None:
    """Raise :class:`InputError` if ``path`` cannot be written as an export file."""
    if path.is_dir():
        raise InputError(field, f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise InputError("force", f"{path} exists; use --force to overwrite")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise InputError(field, f"{parent} is not a folder")


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, force: bool, field: str) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace an existing file unless ``force``.

    ``data`` may be an iterable of chunks (a streamed export), written as they come.

    Without ``force`` the final step is a hard link, which fails if another
    process created the file in the meantime; file systems without hard links
    fall back to a checked :func:`os.replace`.
    """
    check_writable(path, force=force, field=field)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(field, f"cannot write to {path.parent}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in [data] if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        _move_into_place(tmp, path, force=force)
    except OSError as exc:
        raise InputError(field, f"cannot write {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def _move_into_place(tmp: Path, path: Path, *, force: bool) -> None:
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise InputError("force", f"{path} exists; use --force to overwrite") from None
    except OSError:
        if path.exists():
            raise InputError("force", f"{path} exists; use --force to overwrite") from None
        os.replace(tmp, path)


def write_all(files: Sequence[OutFile], *, force: bool) -> list[Path]:
    """Check every target first, then write each atomically; return the paths written."""
    seen: set[Path] = set()
    for item in files:
        resolved = item.path.resolve()
        if resolved in seen:
            raise InputError(item.field, f"{item.path} would be written twice")
        seen.add(resolved)
        check_writable(item.path, force=force, field=item.field)
    return [write_atomic(f.path, f.data, force=force, field=f.field) for f in files]
