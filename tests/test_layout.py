"The package's layout: every module imports only modules before it (no import cycle), and never imports its own package inside a function."
import ast
from pathlib import Path
import superres
import pytest

pytestmark = pytest.mark.self_contained   # makes all its own inputs and never reads shared/: CI runs it once

PACKAGE = Path(superres.__file__).parent

def module_imports(path:Path) -> tuple[set, list]:
    "The superres modules `path` imports at module level, and the `(line, module)` of those imported inside functions."
    tree, top, nested = ast.parse(path.read_text()), set(), []
    def targets(node):
        if isinstance(node, ast.ImportFrom) and node.level == 1: return [node.module or '']
        if isinstance(node, ast.ImportFrom) and (node.module or '').startswith('superres.'): return [node.module.split('.', 1)[1]]
        if isinstance(node, ast.Import): return [a.name.split('.', 1)[1] for a in node.names if a.name.startswith('superres.')]
        return []
    for node in tree.body: top.update(targets(node))
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested += [(n.lineno, m) for n in ast.walk(fn) for m in targets(n)]
    return top, nested

def import_graph() -> dict:
    "Module name → the superres modules it imports at module level."
    return {p.stem: module_imports(p)[0] for p in sorted(PACKAGE.glob('*.py')) if p.stem not in ('__init__', '_modidx')}

def test_no_import_cycle():
    graph, seen, done = import_graph(), [], set()
    def visit(m):
        assert m not in seen, f"import cycle: {' -> '.join(seen[seen.index(m):] + [m])}"
        if m in done: return
        seen.append(m)
        for n in graph.get(m, ()): visit(n)
        seen.pop(); done.add(m)
    for m in graph: visit(m)
    for m, deps in graph.items(): print(f"{m:<12} imports {', '.join(sorted(deps)) or '(nothing of superres)'}")

OPTIONAL = {'app'}   # modules that need an optional extra (`app`: Gradio); the command line imports them only when asked for

def test_no_imports_of_superres_inside_functions():
    """(`__init__.console`, the command's entry point, imports the command line inside a function on purpose: so Ctrl-C during that import
    is caught. A module of an optional extra is imported where it is used, so that the rest works without the extra.)"""
    nested = {p.name: [(n, m) for n, m in module_imports(p)[1] if m not in OPTIONAL] for p in PACKAGE.glob('*.py') if p.name != '__init__.py'}
    assert not {k: v for k, v in nested.items() if v}, nested
    assert not any(m in OPTIONAL for deps in import_graph().values() for m in deps), "a module imports an optional extra's module at module level"
