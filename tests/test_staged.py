"""Staged targets beyond the plan, the straight line to the next stage, and series breaks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import (
    Baseline,
    Goal,
    Indicator,
    Outcome,
    Plan,
    PlanError,
    Reason,
    RelativeChange,
    Status,
    TargetValue,
)
from styrmodell._thresholds._staged import StagedTarget, line_target
from styrmodell.families import family_tagged

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
AT_LEAST = {y: TargetValue(">=", v, unit="percent") for y, v in ((2020, 9), (2025, 15), (2030, 30))}


def fossil_free(**kwargs: object) -> Indicator:
    # "9 % 2020, 15 % 2025, 30 % 2030" — a long-term goal in stages.
    given = {
        "id": "fossilfritt",
        "unit": "percent",
        "baseline": Baseline(6, 2019),
        "targets": AT_LEAST,
        "interpolate": True,
    }
    return Indicator(**{**given, **kwargs})


def plan_of(indicator: Indicator) -> Plan:
    return Plan(
        id="p", years=(2020, 2023), levels=["KF-mål"], goals=[Goal(id="g", indicators=[indicator])]
    )


def test_stages_beyond_the_plan_are_kept_and_not_an_error():
    plan = plan_of(Indicator(id="i", unit="percent", targets={2022: AT_LEAST[2025], **AT_LEAST}))
    assert list(plan.goals[0].indicators[0].targets) == [2020, 2022, 2025, 2030]


def test_a_target_before_the_plan_is_still_an_error():
    with pytest.raises(PlanError, match=r"targets\[2019\]: target year 2019 is outside"):
        plan_of(Indicator(id="i", unit="percent", targets={2019: AT_LEAST[2020]}))


def test_a_year_between_two_stages_is_on_their_line():
    rule = fossil_free().target_for(2023)
    assert isinstance(rule, StagedTarget)
    assert (rule.start, rule.stage, rule.from_baseline) == (2020, 2025, False)
    assert rule.rule.target == Decimal("12.6")
    assert sm.describe(rule) == (
        "Mellan etappmålet 2020 och etappmålet 2025: Grönt: ≥ 12,6\xa0%, Rött: mindre än 12,6\xa0%"
    )


def test_a_line_starts_at_the_baseline_before_the_first_stage():
    indicator = fossil_free(targets={2030: AT_LEAST[2030]})
    rule = indicator.target_for(2024)
    assert isinstance(rule, StagedTarget)
    assert (rule.start, rule.start_value, rule.from_baseline) == (2019, 6, True)
    # 6 + 24 × 5/11, to ten decimals.
    assert rule.rule.target == Decimal("16.9090909091")


def test_only_when_the_indicator_says_so_and_only_up_to_a_stage():
    assert fossil_free(interpolate=False).target_for(2023) is None
    assert fossil_free().target_for(2031) is None
    assert fossil_free(baseline=None, targets={2030: AT_LEAST[2030]}).target_for(2024) is None
    assert fossil_free(target=TargetValue(">", 1)).target_for(2023) == TargetValue(">", 1)
    assert fossil_free().target_for(2025) is AT_LEAST[2025]


def test_assess_says_the_year_was_judged_on_the_line():
    card = sm.assess(plan_of(fossil_free()), [Outcome("fossilfritt", 2023, 13)], 2023)
    result = card.indicator("fossilfritt")
    assert (result.status, result.assessment.reason) == (G, Reason.INTERPOLATED)
    assert result.explain() == (
        "Mellan etappmålet 2020 och etappmålet 2025: 13\xa0% uppfyller målvärdet ≥ 12,6\xa0%"
        " → Grönt"
    )
    assert result.assessment.explain("en") == (
        "Between the stage of 2020 and the stage of 2025: 13% meets the target ≥ 12.6% → Green"
    )
    missing = sm.assess(plan_of(fossil_free()), [], 2023).indicator("fossilfritt")
    assert missing.assessment.reason is Reason.NO_VALUE


def test_the_baseline_line_in_words():
    indicator = fossil_free(baseline=Baseline(8, 2019), targets={2030: AT_LEAST[2030]})
    a = indicator.target_for(2024).assess(17)
    assert a.explain() == (
        "Mellan utgångsläget 2019 och etappmålet 2030: 17\xa0% uppfyller inte målvärdet ≥ 18\xa0%"
        " → Rött"
    )


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan_file_round_trip_with_stages_interpolation_and_breaks(fmt):
    plan = plan_of(fossil_free(breaks=[2021]))
    back = sm.loads(sm.dumps(plan, fmt), Plan, fmt)
    assert back == plan
    assert back.goals[0].indicators[0].breaks == (2021,)
    assert back.goals[0].indicators[0].target_for(2023) == plan.goals[0].indicators[0].target_for(
        2023
    )


def test_breaks_reach_the_families_through_assess():
    indicator = Indicator(
        id="nki",
        targets={2024: RelativeChange.increase(5, base=2019, relative=False)},
        breaks=[2021],
    )
    plan = Plan(id="p", years=2024, levels=["KF-mål"], goals=[Goal(id="g", indicators=[indicator])])
    outcomes = [Outcome("nki", 2019, 60), Outcome("nki", 2024, 70)]
    a = sm.assess(plan, outcomes, 2024).indicator("nki").assessment
    assert (a.status, a.reason) == (NA, Reason.NOT_COMPARABLE)
    whole = Indicator(id="nki", targets=indicator.targets)
    plan = Plan(id="p", years=2024, levels=["KF-mål"], goals=[Goal(id="g", indicators=[whole])])
    assert sm.assess(plan, outcomes, 2024).indicator("nki").status is G


def test_breaks_are_checked():
    assert Indicator(id="i", breaks=[2021, 2019, 2021]).breaks == (2019, 2021)
    with pytest.raises(PlanError, match=r"Indicator\.breaks"):
        Indicator(id="i", breaks="2021")


def stages() -> st.SearchStrategy[StagedTarget]:
    family = family_tagged("staged_target")
    assert family is not None
    assert family.strategy is not None
    return family.strategy(st)


@settings(max_examples=60)
@given(stages())
def test_file_round_trip_and_copies(rule):
    for fmt in ("json", "toml"):
        assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
    assert_copies_equal(rule)


@settings(max_examples=80)
@given(
    st.integers(2000, 2030),
    st.integers(1, 10),
    st.integers(1, 10),
    st.decimals(-100, 100, places=1),
    st.decimals(-100, 100, places=1),
)
def test_the_line_lies_between_its_ends_and_moves_steadily(start, before, after, v0, v1):
    year, stage = start + before, start + before + after
    targets = {stage: TargetValue(">=", v1)}
    here = line_target(year, targets, baseline=(start, v0))
    nxt = line_target(year + 1, targets, baseline=(start, v0)) if after > 1 else None
    assert here is not None
    low, high = min(v0, v1), max(v0, v1)
    assert low <= here.rule.target <= high
    if nxt is not None:
        assert (nxt.rule.target - here.rule.target) * (v1 - v0) >= 0
