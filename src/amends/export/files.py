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


# /dev/stdout and friends lead into /proc: never a file amends should replace.
_SYSTEM = ("/dev/", "/proc/", "/sys/")


def target_of(path: Path) -> Path:
    """Where writing ``path`` really lands: a symlink's final target, else ``path`` itself.

    Replacing a symlink with a file would silently cut the link the user made;
    amends writes through it instead, to the file it points at.
    """
    return path.resolve() if path.is_symlink() else path


def check_writable(path: Path, *, force: bool, field: str) -> None:
    """Raise :class:`InputError` if ``path`` cannot be written as an export file."""
    if str(path) == "-":
        raise InputError(field, "standard output cannot take this file here; give a file name")
    target = target_of(path)
    if target.is_dir():
        raise InputError(field, f"{path} is a folder; give a file name")
    system = any(str(p.absolute()).startswith(_SYSTEM) for p in (path, target))
    if system or (target.exists() and not target.is_file()):
        raise InputError(
            field, f"{path} is not a regular file (a device or pipe); amends writes only files"
        )
    if target.exists() and not force:
        raise InputError("force", f"{path} exists; use --force to overwrite")
    parent = target.parent
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
    target = target_of(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(field, f"cannot write to {target.parent}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in [data] if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        _move_into_place(tmp, target, force=force)
    except OSError as exc:
        raise InputError(field, f"cannot write {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return path


def _move_into_place(tmp: Path, path: Path, *, force: bool) -> None:
    if force:
        if path.exists() and not path.is_file():  # became a device or pipe since the check
            raise InputError("force", f"{path} is not a regular file; nothing was replaced")
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
        resolved = target_of(item.path).resolve()
        if resolved in seen:
            raise InputError(item.field, f"{item.path} would be written twice")
        seen.add(resolved)
        check_writable(item.path, force=force, field=item.field)
    return [write_atomic(f.path, f.data, force=force, field=f.field) for f in files]
