"""The documentation, the README and the demo stay true to the code."""

from __future__ import annotations

import contextlib
import difflib
import doctest
import importlib
import io
import re
import runpy
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.example import SybilFailure
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser

import styrmodell as sm

ROOT = Path(__file__).resolve().parent.parent


def _documented() -> set[str]:
    """Every ``::: dotted.name`` of the reference pages."""
    found: set[str] = set()
    for page in sorted((ROOT / "docs" / "reference").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        found |= set(re.findall(r"^::: (styrmodell[\w.]*)$", text, flags=re.MULTILINE))
    return found


def _public_modules() -> list[str]:
    return ["styrmodell", *(f"styrmodell.{name}" for name in sorted(sm._SUBMODULES))]


@pytest.mark.parametrize("module_name", _public_modules())
def test_api_reference_documents_exactly_the_public_names(module_name: str) -> None:
    """Each public module's names have a reference entry, and only they (a module may be
    documented as a whole instead, as the strategies are)."""
    module = importlib.import_module(module_name)
    documented = _documented()
    if module_name in documented:
        return
    names = {d.removeprefix(f"{module_name}.") for d in documented}
    names = {
        n
        for n in names
        if "." not in n
        and f"{module_name}.{n}" in documented
        and f"{module_name}.{n}" not in _public_modules()
    }
    assert names == set(module.__all__)


def test_api_reference_names_nothing_that_is_not_public() -> None:
    public = set(_public_modules())
    for entry in _documented():
        module, _, name = entry.rpartition(".")
        assert entry in public or (
            module in public and name in vars(importlib.import_module(module))["__all__"]
        ), entry


def test_every_reference_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs" / "reference").glob("*.md"):
        assert f"reference/{page.name}" in nav, page.name


def test_all_is_sorted_and_importable() -> None:
    assert sm.__all__ == sorted(sm.__all__)
    for name in sm.__all__:
        assert getattr(sm, name) is not None


def test_readme_example_runs_and_prints_what_it_says(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert code is not None
    exec(compile(code.group(1), "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Grönt: mindre än 2,2\xa0%, Gult: 2,3–2,9\xa0%, Rött: mer än 3\xa0%")
    assert out[1] == "2,6\xa0% är mellan 2,3 och 2,9\xa0% → Gult"
    assert out[2].startswith("Glapp: 2,2\xa0% får ingen färg")
    assert out[-1] == "Grönt"


def test_demo_assesses_the_hassleholm_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "hassleholm_demo.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "utfallen är påhittade" in out
    assert "61\xa0% är mer än 60\xa0% → Grönt" in out
    assert "88\xa0% är sämre än riket (89,5\xa0%) → Rött" in out
    assert "Glapp: 3,0\xa0% får ingen färg" in out


def test_importing_styrmodell_does_not_import_hypothesis() -> None:
    code = "import sys, styrmodell; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- every example in the docs runs (Sybil) ---------------------------------------------------
#
# Each page of docs/ and the README is parsed by Sybil (https://sybil.readthedocs.io) into its
# examples, which run in order in one namespace per page, in a scratch directory that sees
# the repository's examples/ (so a page may write files, and read the example plans):
#
# - a ```python block runs; a ```text block right after it is exactly what it printed;
# - a ```pycon block runs as a doctest (ELLIPSIS), example by example;
# - a ```console block "$ styrmodell ARGS" runs the command; what it wrote to stderr, or
#   else to stdout, is what the page shows (other commands, "$ pip install", are not run);
# - a ```py block needs the network (Kolada): it is compiled, not run.

PAGES = sorted(
    [ROOT / "README.md", *(ROOT / "docs").rglob("*.md")], key=lambda p: p.relative_to(ROOT)
)

_PRINTED = "__sybil_printed__"


def _example_modules(*names: str) -> dict[str, object]:
    """The example scripts of examples/ as modules, for the pages that use them."""
    import importlib.util

    modules: dict[str, object] = {}
    for name in names:
        spec = importlib.util.spec_from_file_location(
            f"docs_{name}", ROOT / "examples" / f"{name}.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules


def _hierarchy_setup(namespace: dict[str, object]) -> None:
    import attrs

    found = _example_modules("oxelosund_von_2023", "mjolby_osn_2011")
    namespace.update(
        attrs=attrs,
        sm=sm,
        oxelosund=found["oxelosund_von_2023"],
        mjolby=found["mjolby_osn_2011"],
    )


SETUP = {"docs/explanation/hierarchy.md": _hierarchy_setup}
"""What a page takes as given (said in its text), put in its namespace before it runs."""


def _run_python(example: Example) -> str | None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        PythonEvaluator()(example)
    example.namespace[_PRINTED] = (example.end, printed.getvalue())
    return None


def _check_text(example: Example) -> str | None:
    """A text block right after a Python block is what that block printed."""
    end, printed = example.namespace.pop(_PRINTED, (None, ""))
    if end is None or example.document.text[end : example.start].strip():
        return None  # a text block of its own: a file, a message, not output
    if printed != example.parsed:
        diff = difflib.unified_diff(
            example.parsed.splitlines(), printed.splitlines(), "page", "printed", lineterm=""
        )
        return "\n".join(diff)
    return None


def _run_console(example: Example) -> str | None:
    from styrmodell._cli import main

    command, _, expected = example.parsed.partition("\n")
    if not command.startswith("$ styrmodell "):
        return None  # an instruction for the reader's shell (pip install ...), not an example
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(shlex.split(command.removeprefix("$ styrmodell ")))
    shown = err.getvalue() or out.getvalue()
    if shown != expected:
        return f"{command}\n--- the page shows\n{expected}--- the command wrote\n{shown}"
    return None


def _compile_only(example: Example) -> str | None:
    compile(example.parsed, example.path, "exec")
    return None


class _PyconParser:
    """```pycon blocks as doctests, each ``>>>`` an example (as Sybil does for ```python)."""

    def __init__(self) -> None:
        self.blocks = CodeBlockParser("pycon")
        self.doctests = DocTestStringParser(DocTestEvaluator(doctest.ELLIPSIS))

    def __call__(self, document: Document) -> Iterator[Region]:
        for block in self.blocks(document):
            source = block.parsed
            for region in self.doctests(source, document.path):
                region.adjust(block, source)
                yield region


_SYBIL = Sybil(
    parsers=[
        CodeBlockParser("python", _run_python),
        CodeBlockParser("text", _check_text),
        CodeBlockParser("console", _run_console),
        CodeBlockParser("py", _compile_only),
        _PyconParser(),
    ],
    path="..",
    patterns=["*.md"],
)


def _examples(page: Path) -> list[Example]:
    return list(_SYBIL.parse(page))


def _kind(example: Example) -> str:
    evaluator = example.region.evaluator
    if isinstance(evaluator, DocTestEvaluator):
        return "pycon"
    return {
        _run_python: "python",
        _check_text: "text",
        _run_console: "console",
        _compile_only: "py",
    }[evaluator]  # type: ignore[index]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_of_the_page_runs_and_prints_what_it_shows(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page's examples, run by Sybil in order (see above)."""
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    document = _SYBIL.parse(page)
    setup = SETUP.get(str(page.relative_to(ROOT)))
    if setup is not None:
        setup(document.namespace)
    before = {family.type for family in sm.families.families()}
    try:
        for example in document:
            example.evaluate()
    finally:  # a page that registers a family of its own leaves the registry as it was
        for family in list(sm.families.families()):
            if family.type not in before:
                sm.families.unregister(family.type)


def test_the_docs_hold_this_many_examples_and_every_python_block_is_run() -> None:
    """The count the issue asks for; every ```python and ```pycon block is run (only the two
    ```py blocks that need the network are compiled instead)."""
    counts: dict[str, int] = {}
    for page in PAGES:
        for example in _examples(page):
            kind = _kind(example)
            if kind == "console" and not example.parsed.startswith("$ styrmodell "):
                kind = "shell"
            counts[kind] = counts.get(kind, 0) + 1
    text_blocks = {p: p.read_text(encoding="utf-8") for p in PAGES}
    python_blocks = sum(t.count("```python\n") for t in text_blocks.values())
    assert counts["python"] == python_blocks
    assert counts["py"] == sum(t.count("```py\n") for t in text_blocks.values()) == 2
    assert counts["console"] == sum(
        t.count("```console\n$ styrmodell ") for t in text_blocks.values()
    )
    assert counts["python"] >= 50
    assert counts["pycon"] >= 150
    print(" ".join(f"{kind}={n}" for kind, n in sorted(counts.items())))


def test_a_page_that_prints_something_else_fails(tmp_path: Path) -> None:
    """The runner is not vacuous: a wrong text block, a wrong doctest and a wrong console
    block each fail."""
    page = tmp_path / "page.md"
    page.write_text(
        "```python\nprint('ett')\n```\n\n```text\ntvå\n```\n\n"
        "```pycon\n>>> 1 + 1\n3\n```\n\n"
        "```console\n$ styrmodell --version\nstyrmodell 0.0\n```\n",
        encoding="utf-8",
    )
    failures = 0
    for example in _SYBIL.parse(page):
        try:
            example.evaluate()
        except (SybilFailure, AssertionError):
            failures += 1
    assert failures == 3
