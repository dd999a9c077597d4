"""The seed plans as examples: each builds, runs, and holds what its document says."""

from __future__ import annotations

import importlib.util
import pathlib
import sys
from types import ModuleType

import pytest

from styrmodell import OrgUnit, Plan, Progress, Status

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
    # ">2022"-style targets compare with the previous year's outcome: above it is green,
    # the same (ÄF's fictional outcome) is not above it, so red.
    assert card.indicator("24h-sof").status is Status.GREEN
    assert card.indicator("24h-af").status is Status.RED
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


@pytest.fixture(scope="module")
def mjolby() -> ModuleType:
    return load("mjolby_osn_2011")


# Counted by hand from shared/seeds/mjolby-omsorgs-och-socialnamnden-2011.txt.
# Nyckeltal rows per perspective ("Förväntat resultat uttryckt i nyckeltal"):
#   Kund 7 rows; "Rättssäkerhet" has three målvärden (85 %, 100 %, 100 %) → 9 nyckeltal.
#   Personal 8 rows → 8.
#   Arbetssätt 17 + 7 + 1 + 9 + 1 + 9 + 7 + 9 = 60 rows under 8 headings; the row
#   "-Antal vård dygn HVB externa -Antal vård dygn Viadukten" has two → 61.
#   Ekonomi 11 rows → 11.  Utveckling/lärande 8 rows → 8.
MJOLBY_INDICATORS = {"kund": 9, "personal": 8, "arbetssatt": 61, "ekonomi": 11, "utveckling": 8}
MJOLBY_ROWS_PER_FACTOR = [17, 7, 1, 9, 1, 9, 7, 9]


def test_mjolby_counts_equal_the_document(mjolby: ModuleType) -> None:
    plan: Plan = mjolby.build_plan()
    counts = plan.counts()
    # 11 kommunmål, 6 åtaganden år 2011, 5 strategiska mål (one per perspective, as in
    # "5. Strategiska mål för omsorgs- och socialnämnden" and the summary table).
    assert len(plan.goal("vision-2025").children) == 11
    osn = plan.goal("osn-vision").children
    assert len([g for g in osn if g.id.startswith("atagande-")]) == 6
    strategic = [g for g in osn if g.perspectives]
    assert [g.perspectives for g in strategic] == [
        ("kund",),
        ("personal",),
        ("arbetssatt",),
        ("ekonomi",),
        ("utveckling",),
    ]
    assert [p.name for p in plan.perspectives] == [
        "Kund",
        "Personal",
        "Arbetssätt",
        "Ekonomi",
        "Utveckling/lärande",
    ]
    assert counts["Vision"] == 2
    assert counts["Mål"] == 11 + 6 + 5
    factors = plan.goal("sm-arbetssatt").children
    assert [len(f.children) for f in factors] == MJOLBY_ROWS_PER_FACTOR
    assert counts["Framgångsfaktor"] == 8
    assert counts["Förväntat resultat"] == 60
    per_perspective = {
        g.perspectives[0]: sum(len(x.indicators) for _, x in g.walk()) for g in strategic
    }
    assert per_perspective == MJOLBY_INDICATORS
    assert counts["indicators"] == sum(MJOLBY_INDICATORS.values()) == 97
    # Every nyckeltal has its "Mål 2011" except "Mätvärde saknas, målet ska kompletteras."
    assert counts["targets"] == 96
    missing = [i.id for i in plan.all_indicators() if i.target_count == 0]
    assert missing == ["uppsokande-aldre"]
    # Rows marked (kvinnor/män) or "för pojkar/flickor" are followed up per gender.
    assert sum(i.by_gender for i in plan.all_indicators()) == 7


def test_mjolby_targets_use_the_threshold_families(mjolby: ModuleType) -> None:
    plan: Plan = mjolby.build_plan()
    families = [type(i.target).__name__ for i in plan.all_indicators() if i.target]
    # Hand count of the "Mål 2011" column, per perspective (Kund, Personal, Arbetssätt,
    # Ekonomi, Utveckling/lärande):
    # Genomfört / Uppnått / Påbörjat / "KF har fattat beslut" / "Delta i arbetet"...:
    #   2 + 2 + (9 + 1 + 1 + 8 + 1 + 8) + 8 + 7 = 47 milestones;
    # "NKI över 70", "Minst ...", "100 %", "<4 mån", "Minst 40 %": 5 + 5 + 8 + 0 + 1 = 19;
    # "Över medel i SKL:s öppna jämförelser" 2, "5 %-enheter under riket" 2, "+ eller 0" 1;
    # Ökning / Minskar / Oförändrat / Samma nivå som...: 0 + 1 + 23 + 1 + 0 = 25.
    assert families.count("Milestone") == 2 + 2 + (9 + 1 + 1 + 8 + 1 + 8) + 8 + 7
    assert families.count("TargetValue") == 5 + 5 + 8 + 0 + 1
    assert families.count("CompareToReference") == 4
    assert families.count("BudgetDeviation") == 1
    assert families.count("YearOverYear") == 0 + 1 + 23 + 1 + 0
    assert plan.indicator("senior-alert").target.required is Progress.STARTED
    assert plan.indicator("informationsmaterial").target.yellow is False
    assert plan.indicator("forsorjningsstod-riket").target.offset == -5
    assert plan.indicator("personliga-ombud").target.base_year == 2010
    assert plan.indicator("handtaget-dacketraffen").target.base_year == 2009
    assert plan.indicator("vardygn-hvb").target.unchanged is Status.GREEN


def test_mjolby_applicability_and_footnotes(mjolby: ModuleType) -> None:
    plan: Plan = mjolby.build_plan()
    assert plan.goal("mal-inflytande-insatser").applies_to == ("ÄO",)
    assert plan.goal("mal-genomforandeplan").applies_to == ()  # "(gäller alla)"
    assert plan.goal("mal-narstaende").applies_to == ("SSF", "ÄO")
    # Footnotes 1–7 are notes on the indicators they belong to.
    footnoted = [i.id for i in plan.all_indicators() if any("Fotnot" in n for n in i.notes)]
    assert len(footnoted) == 7
    diff = mjolby.changes_since_2010()
    assert sorted((c.subject, c.id) for c in diff) == [
        ("goal", "mal-sysselsattning-unga"),
        ("indicator", "sysselsattning-unga"),
        ("target", "utredningar-barn"),
        ("target", "utredningar-missbruk"),
    ]
    unit = OrgUnit("x", "Enhet X", parent="IFO")
    marked = mjolby.mark(plan, unit, ["mal-mvc-bvc"])
    assert marked.goal("mal-mvc-bvc").applies_to == ("IFO", "x")
    rows = [g.id for g in mjolby.applicable(marked, "x") if g.level == 3]
    assert "mal-mvc-bvc" in rows
    assert "mal-inflytande-insatser" not in rows


def test_mjolby_runs_and_says_outcomes_are_fictional(
    mjolby: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    mjolby.main()
    out = capsys.readouterr().out
    assert "PÅHITTADE" in out
    assert "minskning → ökning" in out
    card = mjolby.scorecard()
    # Goals per perspective (tags are inherited down the tree): one strategic goal each;
    # Arbetssätt also has its 8 framgångsfaktorer and 60 rows.
    goals = {p: len(card.filter_goals(perspective=p)) for p in MJOLBY_INDICATORS}
    assert goals == {"kund": 1, "personal": 1, "arbetssatt": 1 + 8 + 60, "ekonomi": 1,
                     "utveckling": 1}  # fmt: skip
    found = {p: len(card.filter_indicators(perspective=p)) for p in MJOLBY_INDICATORS}
    assert found == MJOLBY_INDICATORS
    assert card.indicator("uppsokande-aldre").status is Status.NOT_ASSESSED
    assert card.indicator("forsorjningsstod-riket").status is Status.GREEN
    assert card.indicator("ekonomi-i-balans").status is Status.RED
    by_gender = card.indicator("personliga-ombud").by_gender()
    assert [a.status for a in by_gender.values()] == [Status.GREEN, Status.GREEN, Status.RED]
    assert sum(card.counts().values()) == len(mjolby.build_plan().all_goals())


def test_the_hierarchy_page_runs_and_prints_what_it_shows(
    oxelosund: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every Python block of docs/explanation/hierarchy.md runs in one namespace, in order;
    a text block right after a Python block is exactly what that block prints."""
    import re

    import attrs

    import styrmodell as sm

    page = (EXAMPLES.parent / "docs" / "explanation" / "hierarchy.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```(?:\n\n```text\n(.*?)```)?", page, flags=re.DOTALL)
    assert len(blocks) >= 6
    namespace: dict[str, object] = {
        "attrs": attrs,
        "sm": sm,
        "oxelosund": oxelosund,
        "mjolby": load("mjolby_osn_2011"),
    }
    shown = 0
    for n, (code, expected) in enumerate(blocks):
        exec(compile(code, f"hierarchy.md block {n}", "exec"), namespace)
        printed = capsys.readouterr().out
        if expected:
            assert printed == expected, f"block {n}"
            shown += 1
    assert shown >= 4
