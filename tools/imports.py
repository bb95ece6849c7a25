"""The import graph of the project's packages: three layers, arrows one way, MkDocs in the web layer only.

Usage: python -m tools.imports   (prints the graph; exit 1 and one line per problem if a rule is broken)

It also holds the code's shape: no function over 60 lines in guide/, render/ or web/, and the plugin class
under 120 (it says when each job runs; the jobs are modules of web/).

    guide                      data files -> validated, typed model
    render, handouts, macros   the model -> HTML and PDFs (one Jinja environment)
    web                        the only MkDocs code (the plugin)
    links, tools, tests        commands and tests, on top

Every import is read from the source (`ast`), those inside functions too.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Package -> the project packages it may import. The order of this table is the order of the layers.
ALLOWED: dict[str, set[str]] = {
    "guide": set(),
    "render": {"guide"},
    "handouts": {"guide", "render"},
    "macros": {"guide", "render", "handouts"},
    "web": {"guide", "render", "handouts", "macros"},
    "links": {"guide"},
    "tools": {"guide", "render", "handouts", "macros", "web", "links"},
    "tests": {"guide", "render", "handouts", "macros", "web", "links", "tools"},
}
LAYER = {"guide": "data", "render": "rendering", "handouts": "rendering", "macros": "rendering", "web": "web"}
MKDOCS = ("mkdocs", "mkdocs_static_i18n", "material")  # MkDocs and its plugins' modules
MKDOCS_ALLOWED = {"web", "tools", "tests"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, like 'macros.check'
    target: str  # the imported module, like 'guide.errors'
    file: Path
    line: int
    names: tuple[str, ...] = ()  # what `from target import ...` takes (modules or names in target)

    @property
    def source_package(self) -> str:
        return self.module.split(".")[0]

    @property
    def target_package(self) -> str:
        return self.target.split(".")[0]


def module_name(file: Path, root: Path) -> str:
    parts = list(file.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(file: Path, root: Path) -> list[Import]:
    """Every import statement of `file`, with relative imports made absolute."""
    module = module_name(file, root)
    package = module if file.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, file, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append(Import(module, target, file, node.lineno, tuple(alias.name for alias in node.names)))
    return found


def project_imports(root: Path = ROOT) -> list[Import]:
    files = [f for package in ALLOWED for f in sorted((root / package).rglob("*.py")) if "fixtures" not in f.parts]
    return [imp for f in files for imp in imports_of(f, root)]


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The cycles of a directed graph (one per strongly connected part with more than one node, or a self-loop)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

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
            part = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                part.append(top)
                if top == node:
                    break
            if len(part) > 1 or node in edges.get(node, ()):
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def problems(root: Path = ROOT) -> list[str]:
    """Every broken rule, one line each: an arrow the wrong way, MkDocs below the web layer, a cycle."""
    out = []
    modules: dict[str, set[str]] = defaultdict(set)
    imports = project_imports(root)
    known = {imp.module for imp in imports}
    for imp in imports:
        where = f"{imp.file.relative_to(root)}:{imp.line}"
        source, target = imp.source_package, imp.target_package
        if target in ALLOWED and target != source and target not in ALLOWED[source]:
            out.append(f"{where}: {imp.module} imports {imp.target}: {source} may import only {_names(source)}")
        if target in MKDOCS and source not in MKDOCS_ALLOWED:
            out.append(f"{where}: {imp.module} imports {imp.target}: only the web layer may import MkDocs")
        if target in ALLOWED:
            # `from guide import model` imports a module, `from guide.model import Text` a name in one: the graph
            # keeps the longest part that is a module of the project.
            for taken in [f"{imp.target}.{n}" for n in imp.names] or [imp.target]:
                name = taken
                while name and name not in known:
                    name = name.rpartition(".")[0]
                if name and name != imp.module:
                    modules[imp.module].add(name)
    out += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(modules)]
    return out


def _names(package: str) -> str:
    return ", ".join(sorted(ALLOWED[package])) or "nothing of the project"


def package_graph(root: Path = ROOT) -> dict[str, dict[str, int]]:
    """Package -> package it imports -> how many import statements."""
    graph: dict[str, dict[str, int]] = {p: {} for p in ALLOWED}
    for imp in project_imports(root):
        if imp.target_package in ALLOWED and imp.target_package != imp.source_package:
            row = graph[imp.source_package]
            row[imp.target_package] = row.get(imp.target_package, 0) + 1
    return graph


def line_counts(root: Path = ROOT) -> dict[str, int]:
    """Lines of Python per package (templates aside)."""
    return {p: sum(len(f.read_text(encoding="utf-8").splitlines()) for f in (root / p).rglob("*.py")) for p in ALLOWED}


SHORT = ("guide", "render", "web")  # packages whose functions stay short
LONGEST_FUNCTION = 60  # lines, its docstring and decorators included
PLUGIN_CLASS = ("web/plugin.py", "GuidePlugin", 120)  # the plugin only says when each job runs


def long_functions(root: Path = ROOT, packages: tuple[str, ...] = SHORT, limit: int = LONGEST_FUNCTION) -> list[str]:
    """Every function of `packages` longer than `limit` lines, one line each with its place and length."""
    out = []
    for package in packages:
        for file in sorted((root / package).rglob("*.py")):
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    length = (node.end_lineno or node.lineno) - first + 1
                    if length > limit:
                        where = f"{file.relative_to(root)}:{node.lineno}"
                        out.append(f"{where}: {node.name} is {length} lines long, more than {limit}")
    return out


def class_length(root: Path, path: str, name: str) -> int:
    """How many lines the class `name` of `path` spans (0 if there is none)."""
    tree = ast.parse((root / path).read_text(encoding="utf-8"))
    found = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name]
    return (found[0].end_lineno or 0) - found[0].lineno + 1 if found else 0


def shape_problems(root: Path = ROOT) -> list[str]:
    """A function too long in a short-function package, or a plugin class that took on more than its events."""
    out = long_functions(root)
    path, name, limit = PLUGIN_CLASS
    if (length := class_length(root, path, name)) > limit:
        out.append(f"{path}: {name} is {length} lines long, more than {limit}: give its work to a module of web/")
    return out


def main() -> int:
    graph, lines = package_graph(), line_counts()
    mkdocs_users = sorted({i.source_package for i in project_imports() if i.target_package in MKDOCS})
    print("package    layer      lines  imports")
    for package, targets in graph.items():
        arrows = ", ".join(f"{t} ({n})" for t, n in sorted(targets.items())) or "-"
        print(f"{package:<10} {LAYER.get(package, 'commands'):<10} {lines[package]:>5}  {arrows}")
    print(f"MkDocs is imported by: {', '.join(mkdocs_users)}")
    path, name, limit = PLUGIN_CLASS
    print(f"The plugin class ({path}, {name}): {class_length(ROOT, path, name)} lines (at most {limit})")
    print(f"Functions over {LONGEST_FUNCTION} lines in {', '.join(SHORT)}: {len(long_functions())}")
    found = problems() + shape_problems()
    for problem in found:
        print(problem, file=sys.stderr)
    print("No import cycle, every arrow points down." if not found else f"{len(found)} problems.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
