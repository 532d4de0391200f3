"""Structural rules: the core never depends on the interfaces or their frameworks."""

from __future__ import annotations

import ast
from pathlib import Path

import amends

PACKAGE = Path(amends.__file__).parent
INTERFACES = {"cli", "web"}
FORBIDDEN_IN_CORE = (
    "typer",
    "rich",
    "fastapi",
    "starlette",
    "uvicorn",
    "click",
    "amends.cli",
    "amends.web",
)
MAX_MODULE_LINES = 600


def _core_modules() -> list[Path]:
    return [
        path
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in INTERFACES
        and path.name != "__main__.py"  # the `python -m amends` entry point starts the CLI
    ]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_an_interface_or_its_framework() -> None:
    offenders = []
    for path in _core_modules():
        for name in _imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_IN_CORE):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders, "\n".join(offenders)


def test_modules_stay_small_enough_to_read() -> None:
    too_long = [
        f"{path.relative_to(PACKAGE)}: {count} lines"
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text("utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert not too_long, "\n".join(too_long)


def test_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").exists()


def test_web_layer_never_reaches_into_the_cli() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "web").rglob("*.py")
        for name in _imports(path)  # ast.walk: function-level imports count too
        if name == "amends.cli" or name.startswith("amends.cli.")
    ]
    assert not offenders, "\n".join(offenders)
