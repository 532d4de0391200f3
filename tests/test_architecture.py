"""Structural rules: the core never depends on the interfaces or their frameworks,
no two modules import each other (directly or round a circle), and modules stay small."""

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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.stmt) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported: top level, outside ``TYPE_CHECKING``."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            pending.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            pending.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                pending.extend(handler.body)
    return found


def _targets(node: ast.Import | ast.ImportFrom, known: dict[str, Path]) -> set[str]:
    """The amends modules an import executes: the module itself and every parent package."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif node.module and node.level == 0:
        names = [
            f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in known else node.module
            for alias in node.names
        ]
    out: set[str] = set()
    for name in names:
        parts = name.split(".")
        out.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
    return {name for name in out if name in known and name != "amends"}


def _import_graph() -> dict[str, set[str]]:
    known = _all_modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"))
        edges = set()
        for node in _runtime_imports(tree):
            edges |= _targets(node, known)
        # A module's own parent packages have always run before it: not an edge.
        parts = name.split(".")
        ancestors = {".".join(parts[:n]) for n in range(1, len(parts) + 1)}
        graph[name] = edges - ancestors
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


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


def test_no_two_modules_import_each_other_even_round_a_circle() -> None:
    # Package __init__ files count: importing amends.plan.result runs amends/plan/__init__.py.
    cycles = _cycles(_import_graph())
    assert not cycles, "\n".join(" <-> ".join(c) for c in cycles)


def test_core_and_web_never_hide_an_import_inside_a_function() -> None:
    # A function-level import is how a cycle gets dodged instead of removed. Only the CLI
    # may defer imports (the web stack loads when serving, so other commands start fast).
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders, "\n".join(offenders)


def test_each_concept_has_one_home() -> None:
    # The plan, the rules of time and the slot options each live in one package.
    modules = _all_modules()
    for gone in ("model", "request", "reasons", "triage", "compose", "steps", "planning",
                 "render", "zones", "timefmt", "timeslot", "workdays"):  # fmt: skip
        assert f"amends.{gone}" not in modules, f"amends.{gone} moved into a package"
    for present in ("amends.plan.builder", "amends.dates.calendar", "amends.slots.options"):
        assert present in modules


def test_the_cycle_finder_finds_a_circle_of_three() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
