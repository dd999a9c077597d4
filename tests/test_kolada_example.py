"""examples/oxelosund_kolada.py: runs offline from its shipped snapshot and says what it is."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import styrmodell as sm
from styrmodell import Gender, Status
from styrmodell.kolada import Snapshot

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "examples_oxelosund_kolada", EXAMPLES / "oxelosund_kolada.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load()


def test_the_shipped_snapshot_is_labelled_illustrative_and_loads_equal_twice() -> None:
    path = EXAMPLES / "oxelosund_kolada_snapshot.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema"] == "styrmodell/kolada-1"
    assert document["note"].startswith("ILLUSTRATIVT")
    assert "not real Kolada values" in document["note"]
    assert sm.load(path, Snapshot) == sm.load(path, Snapshot)


def test_the_example_assesses_the_plan_from_the_snapshot(example: ModuleType) -> None:
    card = example.scorecard()
    hemtjanst = card.indicator("nojd-hemtjanst")
    assert hemtjanst.status is Status.RED  # 84 % against "≥ 89 %" for 2025
    assert list(hemtjanst.by_gender()) == [Gender.TOTAL, Gender.WOMEN]  # män: null, no outcome
    assert card.indicator("nojd-sabo").status is Status.NOT_ASSESSED  # "Bortfall": never 0
    assert card.indicator("personalkontinuitet").status is Status.GREEN  # 16 ≤ 16
    outcome = hemtjanst.outcome
    assert outcome is not None
    assert dict(outcome.references) == {
        "riket": Decimal(86),
        "liknande kommuner": Decimal("85.6"),
        "jämförelsekommuner": Decimal(256) / 3,
    }


def test_the_example_prints_sources_and_its_own_calculations_apart(
    example: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    example.main()
    out = capsys.readouterr().out
    assert "ILLUSTRATIVT" in out
    lines = out.splitlines()
    assert "  Riket 2025: 86,0\xa0% (Källa: Kolada, hämtat 2026-11-30)" in lines
    assert (
        "  Liknande kommuner äldreomsorg, Oxelösund (illustrativ) 2025: 85,6\xa0% "
        "(medel av 5 kommuner; Källa: Kolada, hämtat 2026-11-30)"
    ) in lines
    assert "  Oxelösund, män 2025: inget värde" in lines
    assert "  Oxelösund, totalt 2025: inget värde (Bortfall)" in lines
    assert "  Oxelösund 2025: 16,0 (preliminärt; Källa: Kolada, hämtat 2026-11-30)" in lines
    assert (
        "  KF-mål, i nivå med likvärdiga kommuner: 84\xa0% är sämre än liknande kommuner "
        "(85,6\xa0%) → Rött"
    ) in lines
    own = [
        line
        for line in lines
        if line.startswith("  ")
        and not line.startswith("  - ")  # the report's list of sources
        and ("styrmodells beräkning" in line or "egen beräkning" in line)
    ]
    assert len(own) == 3 + 2
    assert not any("Källa" in line for line in own)
    # The place among Södermanland's kommuner is a Rank in Kolada's quartile colours.
    assert "  Placering (egen beräkning): Plats 7 av 9 (77,778\xa0%) är mer än 75\xa0% → Rött" in [
        line.replace("\u202f", "\xa0") for line in lines
    ]


def test_the_example_reports_with_its_sources(
    example: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    example.main()
    out = capsys.readouterr().out
    report = out[out.index("## Måluppfyllelse") :]
    assert "### Källor" in report
    lines = report.splitlines()
    at = next(n for n, x in enumerate(lines) if "(Kolada U21468)" in x)
    assert lines[at + 1].startswith("  - Oxelösund 2025: 84")
    assert lines[at + 2].startswith("  - Riket 2025: 86")
    calculated = [x for x in lines if "styrmodells beräkning" in x]
    assert len(calculated) == 2
    assert not any("Källa" in x for x in calculated)
    plan = example.kolada_plan()
    assert plan.indicator("nojd-hemtjanst").kolada_kpi == "U21468"
    assert plan.all_indicators() == tuple(
        attrs.evolve(i, source=plan.indicator(i.id).source)
        for i in example.build_plan().all_indicators()
    )


def test_the_example_runs_without_httpx() -> None:
    code = (
        "import sys, runpy; sys.modules['httpx'] = None\n"
        f"runpy.run_path({str(EXAMPLES / 'oxelosund_kolada.py')!r}, run_name='__main__')\n"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert "Riket 2025" in out.stdout
