"""Imports inside the screening package point one way: no module imports one that imports it
back, not even from inside a function (a lazy import hides a cycle; it does not break it)."""

from __future__ import annotations

import ast
from pathlib import Path

import resumematch.screening as screening_package

PACKAGE = Path(list(screening_package.__path__)[0])


def _imports(path: Path) -> set[str]:
    """The sibling modules a module imports, at the top or inside any function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:  # from . import work
                found.update(alias.name for alias in node.names)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> list[str] | None:
        state[name] = "open"
        for other in sorted(graph.get(name, ())):
            if state.get(other) == "open":
                return trail[trail.index(other):] + [other] if other in trail else [name, other]
            if other not in state:
                found = visit(other, trail + [other])
                if found:
                    return found
        state[name] = "done"
        return None

    for name in sorted(graph):
        if name not in state:
            found = visit(name, [name])
            if found:
                return found
    return None


def test_screening_modules_import_one_way():
    graph = {path.stem: _imports(path) for path in PACKAGE.glob("*.py")}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"inputs": {"kinds"}, "kinds": {"inputs"}}) is not None
    assert _cycle({"rank": {"runlog"}, "runlog": set()}) is None
