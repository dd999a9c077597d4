"""The layers of docs/explanation/architecture.md hold: imports go one way, and no circles.

values → thresholds → model → assessment → edges (the text layer's machinery, ``_messages``,
sits in values; its wording is in the catalogs, not in modules). Every private module imports
alone in a clean interpreter, and the graph of imports between the modules has no cycle.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import styrmodell

PACKAGE = Path(styrmodell.__file__).parent

VALUES, THRESHOLDS, MODEL, ASSESSMENT, EDGES = range(5)
LAYER_NAMES = ("values", "thresholds", "model", "assessment", "edges")

# Modules named one by one; the rest by their prefix below.
LAYERS: dict[str, int] = {
    "styrmodell._errors": VALUES,
    "styrmodell._numbers": VALUES,
    "styrmodell._units": VALUES,
    "styrmodell._status": VALUES,
    "styrmodell._reason": VALUES,
    "styrmodell._intervals": VALUES,
    "styrmodell._period": VALUES,
    "styrmodell._holidays": VALUES,
    "styrmodell._rrule": VALUES,  # the strict reader of RFC 5545 rule text
    "styrmodell._frozenmap": VALUES,
    "styrmodell._safe": VALUES,
    "styrmodell._locale": VALUES,
    "styrmodell._messages": VALUES,
    "styrmodell._fields": VALUES,
    "styrmodell._io._csv": VALUES,  # the CSV base every reader is built on
    "styrmodell._goals": MODEL,
    "styrmodell._outcomes": MODEL,
    "styrmodell._calendar": MODEL,
    "styrmodell._contents": MODEL,
    "styrmodell._diff": MODEL,
    "styrmodell._actions": MODEL,
    "styrmodell._tables": MODEL,  # functions over ledgers and investment budgets
    "styrmodell._rollup": MODEL,
    "styrmodell._trend": MODEL,  # trends beside the colour (issue 11)
    "styrmodell._plan_lint": MODEL,  # lint of whole plans (and of thresholds, as before)
    "styrmodell._assessment": ASSESSMENT,
    "styrmodell.__main__": EDGES,  # python -m styrmodell: the command
}
PREFIXES: tuple[tuple[str, int], ...] = (
    ("styrmodell._ledger", MODEL),
    ("styrmodell._investment", MODEL),
    ("styrmodell._thresholds", THRESHOLDS),
    ("styrmodell._parse", THRESHOLDS),  # the målvärde grammar; families add phrasings
    ("styrmodell._io", EDGES),
    ("styrmodell._strategies", EDGES),
    ("styrmodell._serialization", EDGES),
    ("styrmodell._report", EDGES),
    ("styrmodell._cli", EDGES),
    ("styrmodell._hypothesis_plugin", EDGES),
    ("styrmodell.kolada", EDGES),
    ("styrmodell._frames", EDGES),
    ("styrmodell.frames", EDGES),  # the columnar engine (a public package, private modules)
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = sorted(module_name(p) for p in PACKAGE.rglob("*.py"))
PRIVATE = [m for m in MODULES if m.rpartition(".")[2].startswith("_")]


def layer(module: str) -> int:
    if module in LAYERS:
        return LAYERS[module]
    for prefix, found in PREFIXES:
        if module == prefix or module.startswith(prefix + ".") or module.startswith(prefix):
            return found
    if module == "styrmodell" or not module.rpartition(".")[2].startswith("_"):
        return EDGES  # the package and its public submodules
    raise AssertionError(f"{module}: give it a layer in tests/test_architecture.py")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(module: str, *, function_level: bool) -> set[str]:
    """The modules of styrmodell *module* imports at run time (not for type checkers)."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt], top: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                visit(node.orelse, top)
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("styrmodell"))
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("styrmodell"):
                assert node.module is not None
                for alias in node.names:  # `from styrmodell._io import _csv` imports a module
                    sub = f"{node.module}.{alias.name}"
                    found.add(sub if sub in MODULES else node.module)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if function_level:
                    visit(node.body, False)
                continue
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list) and children and isinstance(children[0], ast.AST):
                    visit([c for c in children if isinstance(c, ast.stmt)], top)
                    for handler in children:
                        if isinstance(handler, ast.ExceptHandler):
                            visit(handler.body, top)

    visit(tree.body, True)
    found.discard(module)
    return found


# Imports from above that the model work of this round removes (issue 9 item 8: `_outcomes`
# reaches `Progress` through the package) — delete each entry here with it.
UPWARD_FOR_NOW: set[tuple[str, str]] = set()


@pytest.mark.parametrize("module", MODULES)
def test_imports_go_down_the_layers(module: str) -> None:
    """A module imports from its own layer or the layers below it, never from above."""
    mine = layer(module)
    upward = {
        f"{other} ({LAYER_NAMES[layer(other)]})"
        for other in imports(module, function_level=True)
        if layer(other) > mine and (module, other) not in UPWARD_FOR_NOW
    }
    assert upward == set(), f"{module} ({LAYER_NAMES[mine]}) imports from above"


# Imports inside functions that would close a circle: none are left (issue 9 item 8).
CIRCLE_BREAKERS: set[tuple[str, str]] = set()


def test_the_import_graph_has_no_cycle() -> None:
    graph = {
        m: {
            d
            for d in imports(m, function_level=True)
            if (m, d) not in CIRCLE_BREAKERS and d in MODULES
        }
        for m in MODULES
    }
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        if node in path:
            cycle = [*path[path.index(node) :], node]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if node in done:
            return
        path.append(node)
        for dep in sorted(graph[node]):
            visit(dep)
        path.pop()
        done.add(node)

    for module in MODULES:
        visit(module)


_ALONE = """
import importlib, json, sys, traceback, types
package, modules = sys.argv[1], json.loads(sys.argv[2])
import hypothesis  # loaded once, before the loop (its plugin imports the real package)
failures = {}
for name in modules:
    for key in [k for k in sys.modules if k == "styrmodell" or k.startswith("styrmodell.")]:
        del sys.modules[key]
    # The package without its __init__ (which loads the values and thresholds layers): the
    # module and what it imports itself, nothing else.
    stub = types.ModuleType("styrmodell")
    stub.__path__ = [package]
    sys.modules["styrmodell"] = stub
    try:
        importlib.import_module(name)
    except BaseException:
        failures[name] = traceback.format_exc(limit=-3)
print(json.dumps(failures))
"""


def test_every_private_module_imports_alone_in_a_clean_interpreter() -> None:
    """One interpreter; before each module, every module of styrmodell is forgotten."""
    done = subprocess.run(
        [sys.executable, "-c", _ALONE, str(PACKAGE), json.dumps(PRIVATE)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert json.loads(done.stdout) == {}


def test_the_package_and_each_public_submodule_import_alone() -> None:
    public = [m for m in MODULES if m not in PRIVATE]
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    for key in [k for k in sys.modules if k.startswith('styrmodell')]:\n"
        "        del sys.modules[key]\n"
        "    importlib.import_module(name)\n"
    )
    subprocess.run([sys.executable, "-c", code, *public], check=True, timeout=300)


# A locale is a pair of catalog files: no module compares a locale with a language's name.
_LOCALE_BRANCH = (
    "== \"sv\"", "== \"en\"", "\"sv\" if", "\"en\" if", "{\"sv\":", "{\"en\":", "[\"sv\"]",
    "[\"en\"]", "startswith(\"sv\")", "startswith(\"en\")", "_sv =", "_en =", "message_sv",
)  # fmt: skip


def test_no_module_branches_on_the_locale() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if not line.lstrip().startswith(("#", ">>>")) and any(m in line for m in _LOCALE_BRANCH)
    ]
    assert found == []


def _docstring_lines(node: ast.AST) -> int:
    """Lines of the docstrings of *node* and of every function and class inside it."""
    total = 0
    for inner in ast.walk(node):
        if isinstance(inner, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = inner.body[0] if inner.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                assert first.end_lineno is not None
                total += first.end_lineno - first.lineno + 1
    return total


def test_no_class_is_over_300_lines_of_code() -> None:
    # Values hold data; work on them is functions (issue 9): a class past 300 lines of code
    # (its docstrings not counted) does more than one thing.
    sizes = {
        f"{path.relative_to(PACKAGE)}:{node.name}": (
            node.end_lineno - node.lineno + 1 - _docstring_lines(node)
        )
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and node.end_lineno is not None
    }
    assert {name: n for name, n in sizes.items() if n > 300} == {}
