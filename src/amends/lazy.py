"""Package names that load their module on first use (PEP 562 module ``__getattr__``).

``amends check`` and ``amends cases`` must start fast, so ``amends.plan`` and
``amends.cases`` list where each public name lives instead of importing every
submodule up front; this is the one lookup both use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``where`` maps each name to its module."""

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return __getattr__
