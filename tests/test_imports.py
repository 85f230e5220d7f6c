"""The slagen package has no import cycles, not even ones hidden by an import inside a function.

Every module's imports are read with :mod:`ast` (top-level, inside functions, under
``TYPE_CHECKING``), resolved to slagen modules, and the graph is searched for cycles. Importing
``a.b.c`` also runs the package ``a.b``, so that edge counts too (unless ``a.b`` is a package
the importing module is itself inside, which Python has already begun).
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT, build_tree


def modules(package: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, whether it is a package's ``__init__``)."""
    out = {}
    for f in sorted(package.rglob("*.py")):
        parts = list(f.relative_to(package.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (f, is_pkg)
    return out


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of ``package`` -> the modules of ``package`` it imports, anywhere in its text."""
    mods = modules(package)
    root = package.name

    def known(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, (file, is_pkg) in mods.items():
        here = name if is_pkg else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                targets.update(t for a in node.names if (t := known(a.name)))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - node.level + 1]
                    source = ".".join([*base, node.module] if node.module else base)
                else:
                    source = node.module or ""
                if source.split(".")[0] != root:
                    continue
                for a in node.names:
                    t = f"{source}.{a.name}" if f"{source}.{a.name}" in mods else known(source)
                    if t:
                        targets.add(t)
        inside = {".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 2)}
        for t in list(targets):
            parts = t.split(".")
            targets.update(
                p for k in range(2, len(parts)) if (p := ".".join(parts[:k])) in mods and p not in inside
            )
        targets.discard(name)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each as a sorted list."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_slagen_has_no_import_cycles() -> None:
    graph = import_graph(ROOT / "slagen")
    assert len(graph) > 50 and "slagen.cli" in graph
    assert cycles(graph) == []


def test_a_cycle_hidden_inside_a_function_is_found(tmp_path: Path) -> None:
    pkg = (
        build_tree(
            tmp_path,
            {
                "pkg/__init__.py": "from .b import f\n",
                "pkg/a.py": "def g():\n    from pkg.b import f\n    return f\n",
                "pkg/b.py": "from . import a\n\ndef f():\n    return a\n",
                "pkg/c/__init__.py": "from pkg.c.d import x\n",
                "pkg/c/d.py": "x = 1\n\ndef h():\n    from .. import c\n    return c\n",
                "pkg/e.py": "from pkg.c.d import x\n",
            },
        )
        / "pkg"
    )
    graph = import_graph(pkg)
    assert graph["pkg.e"] == {"pkg.c", "pkg.c.d"}
    assert cycles(graph) == [["pkg.a", "pkg.b"], ["pkg.c", "pkg.c.d"]]
