"""Where amends keeps the user's profile, data and caches.

``platformdirs`` picks the usual per-user folders; ``AMENDS_HOME`` overrides
them all (config in ``$AMENDS_HOME/config``, data in ``$AMENDS_HOME/data``,
caches in ``$AMENDS_HOME/cache``) so tests and portable installs never touch
the real ones.
"""

from __future__ import annotations

import fnmatch
import importlib
import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from platformdirs import user_cache_path, user_config_path, user_data_path

APP = "amends"


def _home() -> Path | None:
    value = os.environ.get("AMENDS_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    """Folder of the profile file (not created here)."""
    home = _home()
    return home / "config" if home else user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    """Folder of the case database and exports (not created here)."""
    home = _home()
    return home / "data" if home else user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    """Folder of rebuildable caches such as the holiday tables (not created here)."""
    home = _home()
    return home / "cache" if home else user_cache_path(APP, appauthor=False)


def profile_path() -> Path:
    """The default profile file: ``<config dir>/profile.toml``."""
    return config_dir() / "profile.toml"


def write_cache(path: Path, text: str | bytes) -> None:
    """Replace the cache file ``path`` atomically (a temporary file, then a rename).

    Concurrent writers never leave a half-written file: the last one wins and
    every reader sees a complete one. A cache that cannot be written is simply
    not kept.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            if isinstance(text, bytes):
                with os.fdopen(handle, "wb") as raw:
                    raw.write(text)
            else:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return


def prune_stale(keep: Path, pattern: str) -> None:
    """Remove the siblings of ``keep`` matching ``pattern`` (a glob), files or folders.

    Versioned caches (``holidays-<version>/``, ``templates-<fingerprint>/``,
    ``cli/plan-<key>.json``) are named after what they were built from; once a new
    one is written, the old ones can never be read again, so each upgrade would
    otherwise leave its predecessor's behind. Called only where a new one is built,
    never on the path that reads one. What cannot be removed (in use, read-only)
    stays: it is a cache.
    """
    if not fnmatch.fnmatchcase(keep.name, pattern):
        return  # not one of a versioned family: nothing beside it is ours to remove
    try:
        found = [path for path in keep.parent.glob(pattern) if path.name != keep.name]
    except OSError:
        return
    for path in found:
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue


@cache
def installed_version(package: str) -> str:
    """The installed version of ``package`` (e.g. ``"0.109"``), without importing it.

    Caches are named after the version of the package they derive from. Read from
    the name of the package's ``<name>-<version>.dist-info`` folder next to it,
    which costs a directory listing; ``importlib.metadata`` (which loads the email
    package to parse metadata) is asked only when there is no such folder, as in
    some development installs. ``"unknown"`` when the package is not installed.
    """
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent.parent
        prefix = f"{package.lower().replace('-', '_')}-"
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        for name in names:
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix) : -len(".dist-info")]
    metadata = importlib.import_module("importlib.metadata")
    try:
        return str(metadata.version(package))
    except metadata.PackageNotFoundError:
        return "unknown"


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def cached_json(
    folder: str, name: str, build: Callable[[], Any], valid: Callable[[Any], bool]
) -> Any:
    """The JSON value ``<cache dir>/<folder>/<name>``, built and kept when missing or invalid."""
    path = cache_dir() / folder / name
    found = _read(path)
    if found is not None and valid(found):
        return found
    value = build()
    write_cache(path, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return value
