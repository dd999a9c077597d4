from __future__ import annotations

from hypothesis import given, settings

from styrmodell import Gender, Outcome, Outcomes, Period, Plan, Status, assess
from styrmodell._strategies_plan import (
    goals,
    indicators,
    outcome_collections,
    outcomes,
    periods,
    plans,
)


@settings(max_examples=25)
@given(plans(max_goals=2, max_children=2))
def test_plans_are_valid_and_assessable(plan: Plan) -> None:
    card = assess(plan, Outcomes([]), plan.years[0])
    assert sum(card.counts().values()) == len(plan.all_goals())
    assert all(
        s is Status.NOT_ASSESSED for s in card.indicator_counts() if card.indicator_counts()[s]
    )


@settings(max_examples=20)
@given(plans(depth=8, max_goals=1, max_children=1, max_indicators=1))
def test_deep_trees(plan: Plan) -> None:
    depths = [g.level for g in plan.all_goals()]
    assert all(d is not None and d < 8 for d in depths)


@settings(max_examples=30)
@given(goals(depth=2))
def test_goals_have_unique_ids(goal: object) -> None:
    from styrmodell import Goal

    assert isinstance(goal, Goal)
    ids = [g.id for _, g in goal.walk()]
    assert len(ids) == len(set(ids))


@given(indicators())
def test_indicator_targets_fit_its_unit(indicator: object) -> None:
    from styrmodell import Indicator

    assert isinstance(indicator, Indicator)
    for threshold in indicator.targets.values():
        unit = getattr(threshold, "unit", None)
        assert unit is None or unit is indicator.unit


@given(outcomes())
def test_outcomes(outcome: Outcome) -> None:
    assert outcome.gender in Gender
    assert isinstance(outcome.period, Period)
    if outcome.denominator is not None:
        assert outcome.value is not None


@given(outcome_collections())
def test_outcome_collections_round_trip_csv(collection: Outcomes) -> None:
    from styrmodell.io import read_outcomes, write_outcomes

    assert read_outcomes(write_outcomes(collection).encode()) == collection
    assert read_outcomes(write_outcomes(collection, excel=True).encode()) == collection


@given(periods())
def test_periods_parse_back(period: Period) -> None:
    assert Period.parse(period.label()) == period
