"""docs/how-to/custom-threshold.md: a third party's family, every block run in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from styrmodell.families import family_tagged, unregister

PAGE = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "custom-threshold.md"
_BLOCK = re.compile(r"```python\n(.*?)```(?:\n\n```text\n(.*?)```)?", flags=re.DOTALL)


def test_the_page_runs_in_order_and_prints_what_it_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocks = _BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    namespace: dict[str, object] = {"__name__": "custom_threshold_page"}
    shown = 0
    try:
        for n, (code, expected) in enumerate(blocks):
            exec(compile(code, f"{PAGE.name} block {n}", "exec"), namespace)
            printed = capsys.readouterr().out
            if expected:
                assert printed == expected, f"block {n}"
                shown += 1
        assert family_tagged("share_within") is not None
    finally:
        cls = namespace.get("ShareWithin")
        if isinstance(cls, type):
            unregister(cls)
    assert shown == 2
    assert family_tagged("share_within") is None
