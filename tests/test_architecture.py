"""The package's shape (docs/architecture.md): imports run one way, from the command line
down to the parsers, with no cycle; no module grows past a size a reader can hold."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "tracker"

# The stages, lowest first. A module may import modules of its own stage or of a lower one,
# never of a higher one; the two stages of rank 5 do not import each other.
STAGES: dict[str, int] = {
    "tracker": 0,  # __init__ (the version)
    "tracker.errors": 0,
    "tracker.problems": 0,
    "tracker.suggest": 0,
    "tracker.messages": -1,  # the message catalogue, below everything that raises or reports
    "tracker.catalogue": -2,  # its sentences, by topic (merged by tracker.messages)
    "tracker.parse": 1,
    "tracker.model": 2,
    "tracker.load": 3,
    "tracker.core": 4,
    "tracker.edit": 5,
    "tracker.extract": 5,
    "tracker.render": 6,
    "tracker.cli": 7,
    "tracker.__main__": 8,
}
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    """The stage a module belongs to: the longest prefix of its name in STAGES."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        if prefix in STAGES:
            return prefix
    raise AssertionError(f"{module} belongs to no stage: add its package to STAGES")


def imports(module: str) -> set[str]:
    """The tracker modules ``module`` imports, at its top or inside a function."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in MODULES else base)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports(module) for module in MODULES}


def test_every_module_belongs_to_a_stage() -> None:
    for module in MODULES:
        stage(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_one_way(module: str) -> None:
    own = stage(module)
    for imported in sorted(GRAPH[module]):
        theirs = stage(imported)
        assert STAGES[theirs] <= STAGES[own], f"{module} ({own}) imports {imported} ({theirs})"
        if STAGES[theirs] == STAGES[own]:
            assert theirs == own, f"{module} ({own}) imports its peer {imported} ({theirs})"


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if module in done:
            return
        for imported in sorted(GRAPH[module]):
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])


def test_package_inits_import_nothing_of_tracker() -> None:
    """A package's __init__ imports none of its modules (which would import it back)."""
    for module, path in MODULES.items():
        if path.name == "__init__.py" and module != "tracker":
            assert GRAPH[module] == set(), module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines: split it along its stages"


def test_no_class_relabelling() -> None:
    for module, path in MODULES.items():
        assert "__class__ =" not in path.read_text(encoding="utf-8"), module
