"""The package's layering: dependencies point one way, so no module imports one that
imports it back (STYLE.md, "Where the layering can read better").

Imports are read from the source with `ast`, the ones inside functions and under
`TYPE_CHECKING` included: a deferred import is still a dependency, and deferring it is
how a cycle usually hides.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "sitroom"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted((SRC / PACKAGE).rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that module `name` (at `path`) imports, by full name."""
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # `from .x import y` in a.b.c means a.b.x; in package a.b's __init__, a.b.x
                base = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from package import module` depends on that module; `from module import
            # name` on the module
            out |= {f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target
                    for alias in node.names}
    return {module for module in out if module in known and module != name}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imported(name, path, known) for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[tuple[str, ...]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                out.append(tuple(sorted(group)))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(out)


def test_the_reader_sees_relative_deferred_and_type_checking_imports() -> None:
    edges = graph()
    assert "sitroom.records" in edges["sitroom.store.database"]  # from ..records import
    assert "sitroom.fusion" in edges["sitroom.store.fusion"]  # from .. import fusion
    assert "sitroom.store.database" in edges["sitroom.store"]  # the package's own __init__
    assert "sitroom.store.database" in edges["sitroom.server.reads"]  # from ..store.database import
    assert "sitroom.commands" in edges["sitroom.cli"]  # from . import commands


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [("a", "b", "c")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_one_that_imports_it_back() -> None:
    found = cycles(graph())
    assert not found, "import cycles (move the shared names down to the lower module or records.py): " + "; ".join(
        " <-> ".join(cycle) for cycle in found)
