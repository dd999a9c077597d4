"""The seed plans as examples: each builds, runs, and holds what its document says."""

from __future__ import annotations

import importlib.util
import pathlib
import sys
from types import ModuleType

import pytest

from styrmodell import Plan, Status

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def load(name: str) -> ModuleType:
    path = EXAMPLES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"examples_{name}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def oxelosund() -> ModuleType:
    return load("oxelosund_von_2023")


def test_oxelosund_counts_equal_the_document(oxelosund: ModuleType) -> None:
    plan: Plan = oxelosund.build_plan()
    targets = ("mod", "uppvaxt", "folkhalsa", "aldrande", "bostadsort", "hallbar")
    areas = [plan.goal(g) for g in targets]
    # Six målområden with 3 + 3 + 3 + 4 + 3 + 8 KF-mål ("Kommunfullmäktiges mål").
    assert [len(a.children) for a in areas] == [3, 3, 3, 4, 3, 8]
    nämndmål = [n for a in areas for kf in a.children for n in kf.children]
    # The tables: 5 + 3 + 4 + 4 + 3 + 10 nämndmål rows ("Öka deltagandet i den nationella
    # brukarundersökningen (ÄF)" is one nämndmål with two mått).
    assert len(nämndmål) == 29
    indicators = [i for n in nämndmål for i in n.indicators]
    assert len(indicators) == 30
    # Every mått has 2023, 2024 and 2025 except "Resursfördelningssystem" (2023 only).
    assert sum(len(i.targets) for i in indicators) == 29 * 3 + 1
    assert {y for i in indicators for y in i.targets} == {2023, 2024, 2025}
    # Övriga nämndmål: one row; nyckeltalsuppföljning: five rows without målvärde.
    assert len(plan.indicator("fossilfria").targets) == 3
    assert len(plan.goal("nyckeltal").indicators) == 5
    assert all(i.target_count == 0 for i in plan.goal("nyckeltal").indicators)
    assert plan.counts()["targets"] == 91
    # "Nytt mål." rows have no baseline; the others keep value and period.
    new = [i.id for i in indicators if i.baseline is None]
    assert len(new) == 11
    assert str(plan.indicator("forebyggande").baseline.period) == "jan-nov 2022"
    assert str(plan.indicator("frisk-sof").baseline.period) == "Delår 2022"
    # Responsible units: SOF 15 nämndmål, ÄF 16 (the budget goals are both).
    responsible = [u for n in nämndmål for u in n.responsible]
    assert (responsible.count("SOF"), responsible.count("ÄF")) == (15, 16)
    assert plan.decided.isoformat() == "2022-12-14"
    assert plan.reference == "§ VON.2022.55"


def test_oxelosund_runs_and_says_outcomes_are_fictional(
    oxelosund: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    oxelosund.main()
    out = capsys.readouterr().out
    assert "PÅHITTADE" in out
    assert "Mål totalt:" in out
    card = oxelosund.scorecard()
    # ">2022"-style targets compare with the previous year's outcome.
    assert card.indicator("24h-sof").status is Status.GREEN
    assert card.indicator("24h-af").status is Status.YELLOW
    assert card.indicator("driftsbudget").status is Status.RED
    assert sum(card.counts().values()) == len(oxelosund.build_plan().all_goals())


@pytest.fixture(scope="module")
def hassleholm() -> ModuleType:
    return load("hassleholm_omsorg_2019")


def test_hassleholm_counts_equal_the_document(hassleholm: ModuleType) -> None:
    plan: Plan = hassleholm.build_plan()
    counts = plan.counts()
    # The lists "Kommunfullmäktiges övergripande mål och inriktningsmål" and
    # "Omsorgsnämndens nämndsmål": 6 övergripande mål, 11 inriktningsmål, 11 nämndsmål.
    assert counts["KF övergripande mål"] == 6
    assert counts["KF inriktningsmål"] == 11
    assert counts["Nämndsmål"] == 11
    # The table: 20 indikatorer; one ("värdegrundsfrågor på APT") has no colour rule.
    assert counts["indicators"] == 20
    assert counts["targets"] == 19
    assert plan.indicator("vardegrund-apt").target_count == 0
    # Branches without nämndsmål are kept, and one nämndsmål has no indikator.
    assert plan.goal("naringsliv").children == ()
    assert plan.goal("sjalvforsorjning").children == ()
    assert plan.goal("valmaende").indicators == ()
    assert [len(plan.goal(g).indicators) for g in ("of-tillganglighet", "ekonomi-i-balans")] == [
        5,
        4,
    ]


def test_hassleholm_runs(hassleholm: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    hassleholm.main()
    assert "PÅHITTADE" in capsys.readouterr().out
    card = hassleholm.scorecard()
    assert card.indicator("telefon").status is Status.GREEN  # 305 of 500 = 61 %
    # "Grönt: = 0 - 0,5% plus, Gult: plus/minus 0,5-2%": a 0,24 % deficit falls in the gap.
    assert card.indicator("utfall-bokslut").assessment.reason == "gap"
    by_gender = card.indicator("sjukfranvaro-total").by_gender()
    assert [a.status for a in by_gender.values()] == [Status.YELLOW, Status.RED, Status.GREEN]
