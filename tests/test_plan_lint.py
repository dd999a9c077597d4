"""Lint of whole plans: findings across a plan's years and tree, and how ``check`` shows them."""

from __future__ import annotations

import contextlib
import io
import itertools
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell._cli import main
from styrmodell._plan_lint import targets
from styrmodell._thresholds._lint import lint as lint_threshold
from styrmodell.strategies import plans

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def plan(*goals: sm.Goal, years: tuple[int, int] = (2024, 2026)) -> sm.Plan:
    return sm.Plan(id="p", years=years, levels=["KF-mål", "Nämndmål"], goals=goals)


def goal(*indicators: sm.Indicator, gid: str = "g", title: str = "Mål") -> sm.Goal:
    return sm.Goal(id=gid, title=title, indicators=indicators)


def indicator(**fields: Any) -> sm.Indicator:
    fields.setdefault("id", "i")
    fields.setdefault("title", "Nöjd kund-index")
    return sm.Indicator(**fields)


def plan_findings(p: sm.Plan) -> list[tuple[str, str, str]]:
    return [
        (f.path, f.code, f.message("en").partition(": ")[2])
        for f in sm.lint(p)
        if f.code.startswith("plan_lint.")
    ]


def at_least(n: int) -> sm.TargetValue:
    return sm.TargetValue(">=", n, unit=sm.Unit.PERCENT)


def test_a_clean_plan_has_no_findings() -> None:
    ind = indicator(targets={2024: at_least(80), 2025: at_least(82), 2026: at_least(85)})
    assert sm.lint(plan(goal(ind))) == []


def test_an_indicator_without_a_target_for_plan_years_names_the_years() -> None:
    ind = indicator(targets={2025: at_least(80)})
    assert plan_findings(plan(goal(ind))) == [
        (
            "goals[0].indicators[0]",
            "plan_lint.missing_target",
            "No target for the plan years 2024, 2026",
        )
    ]
    (finding,) = sm.lint(plan(goal(indicator(targets={2024: at_least(1), 2025: at_least(1)}))))
    assert finding.severity == "warning"
    assert finding.text("sv") == "Målvärde saknas för planåret 2026"


def test_one_target_for_every_year_leaves_no_year_without_one() -> None:
    assert sm.lint(plan(goal(indicator(target=at_least(80))))) == []


def test_the_years_after_a_milestone_need_no_target() -> None:
    done = sm.Milestone(due="2024-12-31")
    assert sm.lint(plan(goal(indicator(targets={2024: done})))) == []
    assert plan_findings(plan(goal(indicator(targets={2025: done})))) == [
        ("goals[0].indicators[0]", "plan_lint.missing_target", "No target for the plan year 2024")
    ]


def test_an_indicator_with_no_target_at_all_is_information() -> None:
    (finding,) = sm.lint(plan(goal(indicator())))
    assert (finding.severity, finding.code) == ("info", "plan_lint.no_targets")
    assert finding.text("sv") == "Måttet har inget målvärde för något år"


def test_a_target_lowered_against_the_direction_names_both_years() -> None:
    ind = indicator(
        direction="higher_is_better",
        targets={2024: at_least(75), 2025: at_least(72), 2026: at_least(80)},
    )
    (finding,) = sm.lint(plan(goal(ind)))
    assert finding.severity == "warning"
    assert finding.path == "goals[0].indicators[0]"
    assert finding.text("en") == (
        "The target is lowered from 75% (2024) to 72% (2025), although higher is better"
    )
    assert finding.text("sv") == (
        "Målvärdet sänks från 75\xa0% (2024) till 72\xa0% (2025), fast högre är bättre"
    )


def test_a_target_raised_where_lower_is_better_and_the_direction_from_the_rules() -> None:
    # No direction on the indicator: "högst" in both years says lower is better.
    ind = indicator(
        targets={
            2024: sm.TargetValue("<=", 30, unit=sm.Unit.DAYS),
            2025: sm.TargetValue("<=", 45, unit=sm.Unit.DAYS),
            2026: sm.TargetValue("<=", 45, unit=sm.Unit.DAYS),
        }
    )
    (finding,) = sm.lint(plan(goal(ind)))
    assert finding.code == "plan_lint.raised"
    assert "(2024)" in finding.text("en")
    assert "(2025)" in finding.text("en")
    # Rules that disagree on the direction, and no direction on the indicator: no finding.
    mixed = indicator(targets={2024: at_least(5), 2025: sm.TargetValue("<=", 3), 2026: at_least(5)})
    assert plan_findings(plan(goal(mixed))) == []


def test_bands_are_compared_by_the_edge_of_their_green_band() -> None:
    def bands(green: int) -> sm.Bands:
        return sm.Bands.higher_is_better(green=green, yellow=green - 10, unit=sm.Unit.PERCENT)

    ind = indicator(targets={2024: bands(90), 2025: bands(85), 2026: bands(95)})
    assert [c for _, c, _ in plan_findings(plan(goal(ind)))] == ["plan_lint.lowered"]


def test_a_reference_target_without_a_source() -> None:
    rule = sm.CompareToReference(reference="riket", tolerance=1)
    assert plan_findings(plan(goal(indicator(target=rule)))) == [
        (
            "goals[0].indicators[0]",
            "plan_lint.no_reference_source",
            "The target compares with riket, but the indicator names no source for its values",
        )
    ]
    assert sm.lint(plan(goal(indicator(target=rule, source="Kolada U23471")))) == []


def test_a_rank_target_without_a_source_for_its_population() -> None:
    rule = sm.Rank.quartiles(sm.Direction.HIGHER_IS_BETTER)
    assert plan_findings(plan(goal(indicator(target=rule)))) == [
        (
            "goals[0].indicators[0]",
            "plan_lint.no_population_source",
            "The target is a rank, but the indicator names no source for the population it "
            "is ranked in",
        )
    ]
    assert plan_findings(plan(goal(indicator(target=rule, source="kolada:U21468")))) == []


def test_a_target_relative_to_a_base_year_without_a_baseline_for_it() -> None:
    rule = sm.RelativeChange.decrease(10, base=2019)
    found = plan_findings(plan(goal(indicator(target=rule, source="SCB"))))
    assert found == [
        (
            "goals[0].indicators[0]",
            "plan_lint.no_baseline",
            "The target is relative to 2019, but the indicator has no baseline for that year",
        )
    ]
    other_year = indicator(target=rule, source="SCB", baseline=sm.Baseline(50, 2018))
    assert [f[1] for f in plan_findings(plan(goal(other_year)))] == ["plan_lint.no_baseline"]
    held = indicator(target=rule, source="SCB", baseline=sm.Baseline(50, 2019))
    assert plan_findings(plan(goal(held))) == []
    several = sm.RelativeChange.decrease(20, base=range(2001, 2006))
    assert plan_findings(plan(goal(indicator(target=several, source="SCB"))))[0][2] == (
        "The target is relative to 2001, 2002, 2003, 2004, 2005, but the indicator has no "
        "baseline for those years"
    )


def test_a_goal_with_neither_indicators_nor_children() -> None:
    p = plan(goal(indicator(target=at_least(1))), sm.Goal(id="tom", title="Trygg kommun"))
    assert plan_findings(p) == [
        ("goals[1]", "plan_lint.empty_goal", "The goal has neither indicators nor child goals")
    ]


def test_target_findings_keep_their_paths_and_order() -> None:
    gap = sm.Bands(green="(-inf, 30]", yellow="[31, 40]", red="(40, inf)")
    p = plan(goal(indicator(targets={2024: gap, 2025: gap, 2026: gap})))
    assert [(f.path, f.code) for f in sm.lint(p)] == [
        ("goals[0].indicators[0].targets.2024", "lint.gap.open"),
        ("goals[0].indicators[0].targets.2025", "lint.gap.open"),
        ("goals[0].indicators[0].targets.2026", "lint.gap.open"),
    ]


def test_lint_of_a_threshold_is_unchanged() -> None:
    gap = sm.Bands(green="(-inf, 30]", yellow="[31, 40]", red="(40, inf)")
    assert sm.lint(gap, path="x") == lint_threshold(gap, path="x")


@settings(max_examples=30, deadline=None)
@given(plans(depth=3, max_goals=2, max_children=2, max_indicators=2))
def test_every_target_finding_and_every_finding_has_a_place_in_the_plan(p: sm.Plan) -> None:
    findings = sm.lint(p)
    expected = [f for path, _, _, t in targets(p) for f in lint_threshold(t, path=path)]
    assert [f for f in findings if not f.code.startswith("plan_lint.")] == expected
    places = {path for path, _ in p.walk()} | {
        f"{path}.indicators[{n}]" for path, g in p.walk() for n in range(len(g.indicators))
    }
    for f in findings:
        if f.code.startswith("plan_lint."):
            assert f.path in places
            assert f.text("sv")
            assert f.text("en")


def check(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", *args])
    return code, out.getvalue()


def test_check_prints_the_indicator_id_and_title(tmp_path: Path) -> None:
    p = plan(
        goal(
            indicator(
                id="nki",
                title="Nöjd kund-index\nhemtjänst",
                direction="higher_is_better",
                targets={2024: at_least(75), 2025: at_least(72), 2026: at_least(72)},
            )
        ),
        sm.Goal(id="tom", title="Trygg kommun"),
    )
    path = tmp_path / "plan.toml"
    path.write_text(sm.dumps(p, "toml"), encoding="utf-8")
    code, out = check(str(path), "--locale", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(
        """: indicator 'nki' ("Nöjd kund-index hemtjänst"): warning: The target is lowered """
        "from 75% (2024) to 72% (2025), although higher is better [goals[0].indicators[0]]"
    )
    assert lines[1].endswith(
        """: goal 'tom' ("Trygg kommun"): warning: The goal has neither indicators nor child """
        "goals [goals[1]]"
    )
    _, sv = check(str(path))
    assert """: mål 'tom' ("Trygg kommun"): varning: """ in sv.splitlines()[1]


def test_check_names_the_indicator_of_a_target_finding() -> None:
    code, out = check(str(EXAMPLES / "hassleholm_omsorg_2019.toml"), "--locale", "en")
    assert code == 1
    gap = next(line for line in out.splitlines() if "error: Gap: 2.2%" in line)
    assert (
        """: indicator 'korttidsfranvaro' ("Korttidsfrånvaro dag 1-14 (%)"), target for """ in gap
    )
    assert gap.endswith("[goals[4].children[1].children[0].indicators[1].target]")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.integers(0, 100), min_size=1, max_size=6),
    st.sampled_from([sm.Direction.HIGHER_IS_BETTER, sm.Direction.LOWER_IS_BETTER]),
)
def test_one_finding_for_each_step_against_the_direction(
    levels: list[int], direction: sm.Direction
) -> None:
    comparator = ">=" if direction is sm.Direction.HIGHER_IS_BETTER else "<="
    first = 2024
    ind = indicator(
        direction=direction,
        targets={first + n: sm.TargetValue(comparator, v) for n, v in enumerate(levels)},
    )
    p = plan(goal(ind), years=(first, first + len(levels) - 1))
    worse = sum(
        1
        for a, b in itertools.pairwise(levels)
        if (b < a if direction is sm.Direction.HIGHER_IS_BETTER else b > a)
    )
    found = [f for f in sm.lint(p) if f.kind == "against_direction"]
    assert len(found) == worse
    assert all(f.path == "goals[0].indicators[0]" for f in found)
