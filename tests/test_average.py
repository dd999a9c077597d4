"""PeriodAverage: a rule on the mean or sum of the plan period or the last N years."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import (
    Bands,
    Context,
    Milestone,
    PeriodAverage,
    Reason,
    Status,
    TargetValue,
    ThresholdError,
    YearOverYear,
)
from styrmodell.families import family_of, family_tagged
from styrmodell.strategies import contexts_for, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
AT_LEAST_75 = TargetValue(">=", 75, unit="percent")


def averages() -> st.SearchStrategy[PeriodAverage]:
    family = family_tagged("period_average")
    assert family is not None
    assert family.strategy is not None
    return family.strategy(st)


def in_plan(rule: object) -> sm.Plan:
    indicator = sm.Indicator(id="i", unit="percent", targets={2024: rule})
    goal = sm.Goal(id="g", title="Mål", indicators=[indicator])
    return sm.Plan(id="p", years=(2024, 2024), levels=["KF-mål"], goals=[goal])


def test_i_genomsnitt_under_planperioden_judges_the_years_so_far():
    rule = PeriodAverage.period(AT_LEAST_75, 2023, 2026)
    a = rule.assess(78, Context(year=2024, history={2023: 74, 2022: 0}))
    assert (a.status, a.value, a.years) == (G, 76, (2023, 2024))
    assert a.explain() == (
        "Medelvärde för 2023–2024 (2 av 4 år): 76\xa0% uppfyller målvärdet ≥ 75\xa0% → Grönt"
    )
    assert a.explain("en") == "Mean of 2023–2024 (2 of 4 years): 76% meets the target ≥ 75% → Green"


def test_a_year_without_a_value_is_left_out_and_named():
    rule = PeriodAverage.period(AT_LEAST_75, 2023, 2026)
    a = rule.assess(78, Context(year=2026, history={2023: 70, 2025: 77}))
    assert (a.status, a.value, a.years) == (G, 75, (2023, 2025, 2026))
    assert a.explain().startswith("Medelvärde för 2023, 2025 och 2026 (3 av 4 år): ")


def test_after_the_period_the_period_is_judged():
    rule = PeriodAverage.period(AT_LEAST_75, 2020, 2021)
    a = rule.assess(0, Context(year=2024, history={2020: 80, 2021: 76}))
    assert (a.status, a.years) == (G, (2020, 2021))


def test_under_fyra_ar_sum():
    rule = PeriodAverage.recent(Bands.higher_is_better(100), 4, aggregate="sum")
    ctx = Context(year=2024, history={2020: 99, 2021: 30, 2022: 30, 2023: 30})
    a = rule.assess(10, ctx)
    assert (a.status, a.value, a.years) == (G, 100, (2021, 2022, 2023, 2024))
    assert sm.describe(rule) == "Summa för de senaste 4 åren: Grönt: minst 100, Rött: mindre än 100"


def test_the_years_own_value_replaces_its_history():
    rule = PeriodAverage.recent(AT_LEAST_75, 2)
    assert rule.assess(75, Context(year=2024, history={2023: 75, 2024: 0})).status is G


@pytest.mark.parametrize(
    ("value", "context", "reason"),
    [
        (None, Context(year=2024, history={2023: 80}), Reason.NO_VALUE),
        (80, Context(year=2030, history={2019: 80}), Reason.NO_YEARS),
        (80, Context(year=2022), Reason.NO_YEARS),
        (80, Context(history={2023: 80}), Reason.MISSING_YEAR),
        (80, Context(year=2024, history={2023: 80}, breaks=[2024]), Reason.NOT_COMPARABLE),
    ],
)
def test_not_assessed_with_a_reason(value, context, reason):
    a = PeriodAverage.period(AT_LEAST_75, 2023, 2026).assess(value, context)
    assert (a.status, a.reason, a.value) == (NA, reason, None)
    assert a.years == ((2023, 2024) if reason is Reason.NOT_COMPARABLE else ())
    assert a.explain().endswith("→ Ej bedömd")
    assert a.explain("en").endswith("→ Not assessed")


def test_a_break_before_the_window_does_not_matter():
    rule = PeriodAverage.period(AT_LEAST_75, 2023, 2026)
    assert rule.assess(80, Context(year=2024, history={2023: 80}, breaks=[2023])).status is G


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"rule": Milestone(due="2024-12-31")}, "PeriodAverage.rule"),
        ({"rule": "≥ 75"}, "PeriodAverage.rule"),
        ({"rule": AT_LEAST_75}, "PeriodAverage: give either first and last"),
        ({"rule": AT_LEAST_75, "first": 2026, "last": 2023}, "PeriodAverage: give either"),
        ({"rule": AT_LEAST_75, "first": 2023, "last": 2026, "span": 2}, "give either"),
        ({"rule": AT_LEAST_75, "span": 0}, "PeriodAverage.span"),
        ({"rule": AT_LEAST_75, "span": 2, "aggregate": "median"}, "PeriodAverage.aggregate"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        PeriodAverage(**kwargs)


def test_a_nested_rule_keeps_its_own_context_needs():
    rule = PeriodAverage.recent(YearOverYear(direction="higher_is_better", base_year=2010), 2)
    a = rule.assess(80, Context(year=2024, history={2023: 70, 2010: 74}))
    assert (a.status, a.value, a.compared_with) == (G, 75, 74)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan_file_round_trip(fmt):
    plan = in_plan(PeriodAverage.period(Bands.higher_is_better(75, 70), 2023, 2026))
    assert sm.loads(sm.dumps(plan, fmt), sm.Plan, fmt) == plan


@settings(max_examples=60)
@given(averages())
def test_file_round_trip_and_copies(rule):
    for fmt in ("json", "toml"):
        assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
    assert_copies_equal(rule)


@settings(max_examples=60)
@given(st.data())
def test_total_every_value_gets_a_colour(data):
    rule = data.draw(averages())
    ctx = data.draw(contexts_for(rule))
    a = rule.assess(data.draw(values_for(rule)), ctx)
    assert a.status.is_colour
    assert a.explain()
    assert a.explain("en")
    assert ctx.year in a.years
    assert set(a.years) <= set(rule.window(ctx.year))


@settings(max_examples=60)
@given(st.data())
def test_the_status_is_the_rules_status_of_the_mean(data):
    rule = data.draw(averages())
    ctx = data.draw(contexts_for(rule))
    a = rule.assess(data.draw(values_for(rule)), ctx)
    if a.status.is_colour:
        assert a.status is rule.rule.assess(a.value, ctx).status


@settings(max_examples=60)
@given(st.data())
def test_monotone_in_the_years_own_value(data):
    rule = data.draw(averages())
    ctx = data.draw(contexts_for(rule))
    bands = family_of(rule.rule).as_bands(rule.rule)
    if bands.direction is None:
        return
    values = data.draw(st.lists(values_for(rule).filter(lambda v: v is not None), min_size=2))
    ordered = sorted((Decimal(v) for v in values), key=lambda v: v * bands.direction.sign)
    statuses = [rule.assess(v, ctx).status for v in ordered]
    colours = [s for s in statuses if s.is_colour]
    assert colours == sorted(colours)
