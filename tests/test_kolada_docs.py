"""docs/how-to/kolada.md runs as shown, offline, against the snapshot shipped in examples/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "how-to" / "kolada.md"
_BLOCK = re.compile(r"```python\n(.*?)```(?:\n\n```text\n(.*?)```)?", flags=re.DOTALL)


def test_every_python_block_runs_in_order_and_prints_what_the_page_shows(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    page = PAGE.read_text(encoding="utf-8")
    blocks = _BLOCK.findall(page)
    assert len(blocks) >= 8
    namespace: dict[str, object] = {}
    shown = 0
    for n, (code, expected) in enumerate(blocks):
        exec(compile(code, f"docs/how-to/kolada.md block {n}", "exec"), namespace)
        printed = capsys.readouterr().out
        assert printed == expected, f"block {n}"
        shown += bool(expected)
    assert shown >= 8


def test_the_blocks_that_need_the_network_are_valid_python() -> None:
    page = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```py\n(.*?)```", page, flags=re.DOTALL)
    assert len(blocks) == 2
    for n, code in enumerate(blocks):
        compile(code, f"docs/how-to/kolada.md network block {n}", "exec")


def test_the_page_credits_kolada_and_never_for_own_calculations() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for line in page.splitlines():
        if "styrmodells beräkning" in line and "värden hämtade" in line:
            assert "Källa" not in line
