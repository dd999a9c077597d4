"""docs/how-to/spreadsheets.md: every block runs as a doctest, in order, from an empty directory."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "how-to" / "spreadsheets.md"


def test_the_spreadsheets_page_runs_and_shows_what_it_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The page writes files: run it in an empty directory beside the repository's examples.
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    page = PAGE.read_text(encoding="utf-8")
    assert "```python" not in page  # every block is checked, none only executed
    blocks = re.findall(r"```pycon\n(.*?)```", page, flags=re.DOTALL)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, PAGE.name, str(PAGE), 0)
    result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
    assert result.failed == 0
    assert result.attempted >= 40
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx") == [
        "fel.xlsx",
        "internbudget.xlsx",
        "måluppfyllelse.xlsx",
        "utfall.xlsx",
    ]


def test_the_page_is_in_the_navigation_and_its_picture_exists() -> None:
    assert "how-to/spreadsheets.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    for picture in re.findall(r"!\[[^\]]*\]\(\.\./([^)]+)\)", page):
        assert (ROOT / "docs" / picture).is_file(), picture
