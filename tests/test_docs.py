"""The documentation, the README and the demo stay true to the code."""

from __future__ import annotations

import doctest
import importlib
import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

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


_BLOCK = re.compile(r"```python\n(.*?)```(?:\n\n```text\n(.*?)```)?", flags=re.DOTALL)


def test_tutorial_runs_in_order_and_prints_what_it_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every Python block of docs/tutorial.md runs in one namespace, in order; a text block
    right after a Python block is exactly what that block prints."""
    page = (ROOT / "docs" / "tutorial.md").read_text(encoding="utf-8")
    blocks = _BLOCK.findall(page)
    assert len(blocks) >= 10
    namespace: dict[str, object] = {}
    shown = 0
    for n, (code, expected) in enumerate(blocks):
        exec(compile(code, f"docs/tutorial.md block {n}", "exec"), namespace)
        printed = capsys.readouterr().out
        if expected:
            assert printed == expected, f"block {n}"
            shown += 1
    assert shown >= 8


def test_thresholds_page_examples_are_what_the_library_prints() -> None:
    """The pycon blocks of docs/explanation/thresholds.md run as doctests, in order."""
    page = (ROOT / "docs" / "explanation" / "thresholds.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", page, flags=re.DOTALL)
    test = doctest.DocTestParser().get_doctest(
        "\n\n".join(blocks), {}, "thresholds.md", "docs/explanation/thresholds.md", 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert result.attempted >= 40
    assert result.failed == 0


def test_architecture_page_recipe_runs_and_prints_what_it_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = (ROOT / "docs" / "explanation" / "architecture.md").read_text(encoding="utf-8")
    blocks = _BLOCK.findall(page)
    assert blocks
    for n, (code, expected) in enumerate(blocks):
        exec(compile(code, f"docs/explanation/architecture.md block {n}", "exec"), {})
        assert capsys.readouterr().out == expected, f"block {n}"


def test_reports_page_runs_and_prints_what_it_shows(capsys: pytest.CaptureFixture[str]) -> None:
    page = (ROOT / "docs" / "how-to" / "reports.md").read_text(encoding="utf-8")
    blocks = _BLOCK.findall(page)
    assert len(blocks) >= 3
    namespace: dict[str, object] = {}
    for n, (code, expected) in enumerate(blocks):
        exec(compile(code, f"docs/how-to/reports.md block {n}", "exec"), namespace)
        assert capsys.readouterr().out == expected, f"block {n}"


_CONSOLE = re.compile(r"```console\n\$ styrmodell (.*?)\n(.*?)```", flags=re.DOTALL)


def test_command_examples_print_what_the_page_shows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each console block of the command's page, run in the repository: stdout (or, for an
    error, stderr) is what the page shows."""
    from styrmodell._cli import main

    monkeypatch.chdir(ROOT)
    page = (ROOT / "docs" / "how-to" / "cli.md").read_text(encoding="utf-8")
    examples = _CONSOLE.findall(page)
    assert len(examples) >= 4
    for command, expected in examples:
        main(command.split())
        out, err = capsys.readouterr()
        assert (err or out) == expected, command
