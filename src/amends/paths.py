"""Where amends keeps the user's profile, data and caches.

``platformdirs`` picks the usual per-user folders; ``AMENDS_HOME`` overrides
them all (config in ``$AMENDS_HOME/config``, data in ``$AMENDS_HOME/data``,
caches in ``$AMENDS_HOME/cache``) so tests and portable installs never touch
the real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

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
