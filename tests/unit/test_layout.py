"""The package's layout (issue 16 item 5), read statically: every ``bsa_check`` module is parsed, none imported.

- No import cycle among ``bsa_check`` modules, counting every import that can run: at module top,
  inside functions and methods (a function-level import only hides a cycle, it does not remove it),
  inside ``try`` and ``if``. Left out: the body of ``if TYPE_CHECKING:`` (it never runs) and imports
  by computed name (``importlib.import_module(name)``), which no static reading can follow.
  ``import a.b.c`` and ``from a.b import c`` (``c`` a submodule) are edges to ``a.b.c``; ``from a.b import
  name`` (not a submodule) is an edge to ``a.b`` (its ``__init__``); relative imports are resolved. Importing
  ``a.b.c`` also runs the packages ``a.b`` and ``a`` first: that is an edge too, except from a module inside
  that package (whose ``__init__`` has already begun: a package importing its own submodules is no cycle).
- No private name (one leading underscore, not a dunder) imported from another ``bsa_check`` module
  (``from bsa_check.x import _y``) or read off an imported one (``x._y`` where ``x`` names a ``bsa_check``
  module): make the name public or move the code.

``ALLOWED_EDGES`` and ``ALLOWED_PRIVATE`` hold the violations that were there when this test came, in
modules other helpers were splitting at the time (issue 16); each goes when its split lands. Anything
new fails.

Module size: no module over 400 lines (:func:`modules_over`, ``test_module_size``).
"""
from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "bsa_check"

# (importer, imported): import edges of cycles left for now
ALLOWED_EDGES: frozenset[tuple[str, str]] = frozenset()

# (importing module, module the name belongs to, name): private names used across modules, left for now
ALLOWED_PRIVATE: frozenset[tuple[str, str, str]] = frozenset({
    ("bsa_check.report.text", "bsa_check.report.machine", "_TailMemo"),  # being split by another helper, issue 16
})


@cache
def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (a package is its ``__init__``)."""
    out = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@dataclass(frozen=True)
class Import:
    """One import statement's target in module ``importer``: ``target`` a ``bsa_check`` module;
    ``name`` what ``from target import name`` takes (None: the module itself); ``line`` where."""

    importer: str
    target: str
    name: str | None
    line: int


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def running_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except those inside an ``if TYPE_CHECKING:`` body (its ``else`` runs)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _type_checking(node.test):
            stack.extend(reversed([node.test, *node.orelse]))
            continue
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _base(importer: str, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` names (relative ones resolved against ``importer``)."""
    if not node.level:
        return node.module or ""
    package = importer if is_package(importer) else importer.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


@cache
def parsed(name: str) -> ast.Module:
    path = modules()[name]
    return ast.parse(path.read_text("utf-8"), str(path))


def imports(importer: str) -> list[Import]:
    """The ``bsa_check`` imports of one module that can run."""
    known = modules()
    out = []
    for node in running_nodes(parsed(importer)):
        if isinstance(node, ast.Import):
            out.extend(Import(importer, alias.name, None, node.lineno) for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = _base(importer, node)
            for alias in node.names:
                if f"{base}.{alias.name}" in known:
                    out.append(Import(importer, f"{base}.{alias.name}", None, node.lineno))
                elif base in known:
                    out.append(Import(importer, base, alias.name, node.lineno))
    return out


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def import_graph() -> dict[str, dict[str, int]]:
    """importer -> {imported module: first line}, packages run on the way included (see the module doc)."""
    graph: dict[str, dict[str, int]] = {name: {} for name in modules()}
    for importer in modules():
        inside = {*_ancestors(importer), importer}
        for imp in imports(importer):
            for target in (*_ancestors(imp.target), imp.target):
                if target not in inside and target != importer:
                    graph[importer].setdefault(target, imp.line)
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a path back to its start) per strongly connected component with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []

    def connect(v: str) -> None:  # Tarjan; the graph is small enough for recursion
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return [_path_back(graph, component) for component in components]


def _path_back(graph: dict[str, dict[str, int]], component: list[str]) -> list[str]:
    """A shortest cycle through the component's first module (breadth first)."""
    start, members = component[0], set(component)
    came: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            for w in sorted(graph[v]):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    return [*reversed(path), start]
                if w in members and w not in came:
                    came[w] = v
                    following.append(w)
        frontier = following
    raise AssertionError(f"no cycle through {start} in {component}")


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    return " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_no_import_cycle() -> None:
    graph = import_graph()
    for importer, target in ALLOWED_EDGES:
        assert target in graph[importer], f"{importer} no longer imports {target}: drop it from ALLOWED_EDGES"
        del graph[importer][target]
    found = cycles(graph)
    assert not found, "import cycles among bsa_check modules:\n" + "\n".join(describe(graph, c) for c in found)


def private_uses(importer: str) -> Iterator[tuple[str, str, int]]:
    """(module, private name, line) for each private name ``importer`` takes from another bsa_check module."""
    bound: dict[str, str] = {}  # a local name -> the bsa_check module it names
    for imp in imports(importer):
        if imp.name is not None and is_private(imp.name) and imp.target != importer:
            yield imp.target, imp.name, imp.line
    for node in running_nodes(parsed(importer)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules() and is_private(alias.name.rpartition(".")[2]) and alias.asname is None:
                    continue  # ``import bsa_check._x`` binds ``bsa_check``; the attribute check sees ``._x``
                if alias.name.split(".")[0] == PACKAGE:
                    bound[alias.asname or PACKAGE] = alias.name if alias.asname else PACKAGE
        elif isinstance(node, ast.ImportFrom):
            base = _base(importer, node)
            for alias in node.names:
                if f"{base}.{alias.name}" in modules():
                    bound[alias.asname or alias.name] = f"{base}.{alias.name}"
    for node in running_nodes(parsed(importer)):
        if not (isinstance(node, ast.Attribute) and is_private(node.attr)):
            continue
        chain: list[str] = []
        value: ast.expr = node.value
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if not isinstance(value, ast.Name) or value.id not in bound:
            continue
        owner = ".".join([bound[value.id], *reversed(chain)])
        if owner in modules() and owner != importer:
            yield owner, node.attr, node.lineno
        elif f"{owner}.{node.attr}" in modules():
            yield owner, node.attr, node.lineno  # a private submodule reached by attribute


def test_no_private_name_used_across_modules() -> None:
    found = sorted({(importer, owner, name): line
                    for importer in modules() for owner, name, line in private_uses(importer)}.items())
    new = [f"{importer} line {line}: {owner}.{name}"
           for (importer, owner, name), line in found if (importer, owner, name) not in ALLOWED_PRIVATE]
    assert not new, "private names used across bsa_check modules (make them public or move the code):\n" + "\n".join(new)
    gone = ALLOWED_PRIVATE - {key for key, _ in found}
    assert not gone, f"no longer used, drop from ALLOWED_PRIVATE: {sorted(gone)}"


def modules_over(limit: int) -> list[tuple[str, int]]:
    """(module, lines) for each module longer than ``limit`` lines, longest first."""
    sizes = [(name, len(path.read_text("utf-8").splitlines())) for name, path in modules().items()]
    return sorted(((name, n) for name, n in sizes if n > limit), key=lambda item: (-item[1], item[0]))


def size_test(limit: int) -> Callable[[], None]:
    """A test that no module is longer than ``limit`` lines: ``test_module_size = size_test(400)``."""

    def test() -> None:
        over = modules_over(limit)
        assert not over, f"modules over {limit} lines: " + ", ".join(f"{name} ({n})" for name, n in over)

    return test


test_module_size = size_test(400)  # issue 16 item 5: no module over about 400 lines


# The checks themselves, on a small made-up package, so a broken reading cannot pass silently.

FAKE = {
    "__init__.py": "def api():\n    from bsa_check import a\n    return a\n",
    "a.py": "from .sub import thing\n_hidden = 1\n",
    "sub/__init__.py": "from bsa_check.sub import inner\nthing = inner\n",
    "sub/inner.py": "def late():\n    from bsa_check import a\n    return a._hidden\n",
    "b.py": "from typing import TYPE_CHECKING\nfrom bsa_check.a import _hidden\nimport bsa_check.sub.inner as i\n"
            "if TYPE_CHECKING:\n    from bsa_check import c\nx = i._y, i.__doc__\n",
    "c.py": "import bsa_check.b\n",
}


def _fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, text in FAKE.items():
        (tmp_path / PACKAGE / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / PACKAGE / name).write_text(text, "utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    modules.cache_clear()
    parsed.cache_clear()


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    _fake(tmp_path, monkeypatch)
    yield
    modules.cache_clear()
    parsed.cache_clear()


@pytest.mark.usefixtures("fake")
def test_the_reading_of_a_made_up_package() -> None:
    graph = import_graph()
    assert graph["bsa_check"] == {"bsa_check.a": 2}  # inside a function
    assert graph["bsa_check.a"] == {"bsa_check.sub": 1}  # relative; ``thing`` is a name of the package
    assert graph["bsa_check.sub"] == {"bsa_check.sub.inner": 1}  # a package importing its own submodule
    assert graph["bsa_check.b"] == {"bsa_check.a": 2, "bsa_check.sub": 3, "bsa_check.sub.inner": 3}  # not c
    assert graph["bsa_check.c"] == {"bsa_check.b": 1}
    [cycle] = cycles(graph)
    assert cycle == ["bsa_check.a", "bsa_check.sub", "bsa_check.sub.inner", "bsa_check.a"]
    assert describe(graph, cycle) == ("bsa_check.a (line 1) -> bsa_check.sub (line 1) -> bsa_check.sub.inner (line 2)"
                                      " -> bsa_check.a")
    assert sorted(private_uses("bsa_check.b")) == [("bsa_check.a", "_hidden", 2), ("bsa_check.sub.inner", "_y", 6)]
    assert list(private_uses("bsa_check.sub.inner")) == [("bsa_check.a", "_hidden", 3)]
    assert list(private_uses("bsa_check.a")) == []
    assert modules_over(2) == [("bsa_check.b", 6), ("bsa_check", 3), ("bsa_check.sub.inner", 3)]
    with pytest.raises(AssertionError, match=r"modules over 5 lines: bsa_check.b \(6\)"):
        size_test(5)()
    size_test(6)()


def test_cycles_of_a_graph() -> None:
    graph = {"a": {"b": 3}, "b": {"c": 5}, "c": {"a": 7, "b": 9}, "d": {"a": 1}}
    [cycle] = cycles(graph)
    assert cycle == ["a", "b", "c", "a"]
    assert describe(graph, cycle) == "a (line 3) -> b (line 5) -> c (line 7) -> a"
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_type_checking_bodies_are_left_out() -> None:
    tree = ast.parse("if TYPE_CHECKING:\n    import x\nelse:\n    import y\nimport z\n")
    names = [a.name for n in running_nodes(tree) if isinstance(n, ast.Import) for a in n.names]
    assert names == ["y", "z"]
