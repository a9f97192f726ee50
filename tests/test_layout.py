"""The code reads as the pipeline: each layer imports only the layers below it,
no module imports itself back through others, and no module or function
grows past what a reader can hold."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

SOURCE = Path(__file__).resolve().parents[1] / "src" / "policyx"

# lowest first; a module may import its own layer and the layers before it
LAYERS = (
    ("errors", "model", "resources", "limits", "cache"),
    ("text",),
    ("rules",),
    ("extract",),
    ("analyse",),
    ("io",),
    ("cli",),
)
LAYER_OF = {name: rank for rank, names in enumerate(LAYERS) for name in names}
# the package's front door and `python -m policyx` sit above everything
EXEMPT = {"policyx", "policyx.__main__"}
MAX_MODULE_LINES = 420
MAX_COMPLEXITY = 25


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(SOURCE.rglob("*.py"))}


def _imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in MODULES}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYER_OF.get(parts[1]) if len(parts) > 1 else None


def test_every_package_has_a_layer():
    assert {m for m in MODULES if m not in EXEMPT and _layer(m) is None} == set()


@pytest.mark.parametrize("module", sorted(set(MODULES) - EXEMPT))
def test_imports_point_down_the_pipeline(module):
    upward = sorted(name for name in _imports(MODULES[module])
                    if name not in EXEMPT and _layer(name) > _layer(module))
    assert upward == [], f"{module} imports a later stage"


def test_no_import_cycles():
    graph = {m: _imports(p, top_level_only=True) - {m} for m, p in MODULES.items()}
    # a package's __init__ re-exporting its modules is not a cycle through them
    graph = {m: {d for d in deps if not (m.startswith(d + ".") and d in graph)} for m, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in graph.get(module, ()):
            if state.get(dep) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path[path.index(dep):], dep]) if dep in path
                            else f"import cycle through {dep}")
            if dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_length(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES


def test_function_complexity():
    too_complex = []
    for module, path in MODULES.items():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                too_complex.append(f"{module}.{block.name}: {block.complexity}")
    assert too_complex == []
