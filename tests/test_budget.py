from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, assert_copies_equal, names_value
from styrmodell import BudgetDeviation, Context, Interval, Status, ThresholdError
from styrmodell.strategies import budget_deviations, contexts_for, decimals, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED

BALANCE = BudgetDeviation(
    green="[0, 0.5]",
    yellow=["[-2, -0.5]", "(0.5, 2]"],
    red=["(-inf, -2)", "(2, inf)"],
)


@pytest.mark.parametrize(
    ("outcome", "budget", "expected"),
    [
        (110, 100, 10),
        (90, 100, -10),
        (-99_500, -100_000, Decimal("0.5")),  # a cost under budget is a positive deviation
        (-102_000, -100_000, -2),
        ("1,5", 1, 50),
        (0, 3, -100),
    ],
)
def test_deviation_percent(outcome, budget, expected):
    assert BudgetDeviation.deviation_percent(outcome, budget) == expected


def test_deviation_of_a_zero_budget_raises():
    with pytest.raises(ThresholdError, match="zero budget"):
        BudgetDeviation.deviation_percent(1, 0)


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        (-100_000, G),
        (-99_500, G),
        (-99_499, Y),
        (-98_000, Y),
        (-97_999, R),
        (-100_001, NA),
        (-100_500, Y),
        (-102_000, Y),
        (-102_001, R),
    ],
)
def test_assess_against_the_budget(outcome, status):
    a = BALANCE.assess(outcome, Context(budget=-100_000))
    assert a.status is status
    assert a.compared_with == -100_000
    assert a.measured == BudgetDeviation.deviation_percent(outcome, -100_000)
    assert a.reason == ("gap" if status is NA else "band")


def test_missing_or_zero_budget_and_no_value():
    for ctx, reason in (
        (Context(), "missing_budget"),
        (None, "missing_budget"),
        (Context(budget=0), "zero_budget"),
    ):
        a = BALANCE.assess(5, ctx)
        assert (a.status, a.reason, a.value) == (NA, reason, 5)
    assert BALANCE.assess(None, Context(budget=1)).reason == "no_value"


def test_no_negative():
    rule = BudgetDeviation.no_negative()
    assert rule == BudgetDeviation(green=Interval.at_least(0), red=Interval.below(0))
    ctx = Context(budget=-1000)
    assert [rule.assess(v, ctx).status for v in (-1000, -999, -1001)] == [G, G, R]
    assert rule.unit is sm.Unit.PERCENT


def test_precision_applies_to_the_deviation():
    rule = attrs.evolve(BALANCE, precision="0.1")
    ctx = Context(budget=-100_000)
    assert rule.assess(-100_040, ctx).status is G  # −0,04 % rounds to 0,0 %
    gap = rule.assess(-100_050, ctx)  # −0,05 % rounds half-up to −0,1 %: in the gap
    assert (gap.status, gap.measured) == (NA, Decimal("-0.1"))
    assert rule.assess(-100_550, ctx).status is Y  # −0,55 % rounds to −0,6 %


def test_overlap_is_named_as_budget_deviation():
    with pytest.raises(ThresholdError, match=r"^BudgetDeviation: green \[0, 0.5\] and yellow"):
        BudgetDeviation(green="[0, 0.5]", yellow="[0.5, 2]")
    with pytest.raises(ThresholdError, match="at least one"):
        BudgetDeviation()


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_accepts_friendly_numbers(value, expected):
    a = BALANCE.assess(value, Context(budget=value if expected else 1))
    assert a.value == expected


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
def test_rejects_non_numbers_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        BALANCE.assess(value, Context(budget=100))
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        Context(budget=value)
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        BudgetDeviation.deviation_percent(1, value)
    assert names_value(str(info.value), value)


@pytest.mark.parametrize(
    ("rule", "outcome", "budget", "sv", "en"),
    [
        (
            BudgetDeviation.no_negative(),
            -99_500,
            -100_000,
            "Avvikelse 0,5\xa0% (utfall \u221299\xa0500, budget \u2212100\xa0000) "
            "är minst 0\xa0% → Grönt",
            "Deviation 0.5% (outcome -99,500, budget -100,000) is at least 0% → Green",
        ),
        (
            BALANCE,
            -101_000,
            -100_000,
            "Avvikelse \u22121\xa0% (utfall \u2212101\xa0000, budget \u2212100\xa0000) "
            "är mellan \u22122 och \u22120,5\xa0% → Gult",
            "Deviation -1% (outcome -101,000, budget -100,000) is between -2 and -0.5% → Yellow",
        ),
        (
            BALANCE,
            -100_100,
            -100_000,
            "Avvikelse \u22120,1\xa0% (utfall \u2212100\xa0100, budget \u2212100\xa0000) "
            "faller mellan målvärdets intervall → Ej bedömd",
            "Deviation -0.1% (outcome -100,100, budget -100,000) "
            "falls between the target's bands → Not assessed",
        ),
        (BALANCE, 5, None, "Budget saknas → Ej bedömd", "No budget → Not assessed"),
        (BALANCE, 5, 0, "Budgeten är noll → Ej bedömd", "The budget is zero → Not assessed"),
    ],
)
def test_explain(rule, outcome, budget, sv, en):
    a = rule.assess(outcome, Context(budget=budget))
    assert a.explain() == sv
    assert a.explain("en") == en


def test_describe():
    assert sm.describe(BALANCE) == (
        "Avvikelse mot budget – Grönt: 0–0,5\xa0%, Gult: \u22122 – \u22120,5\xa0% eller mer än "
        "0,5\xa0% och högst 2\xa0%, Rött: mindre än \u22122\xa0% eller mer än 2\xa0%"
    )
    assert sm.describe(BudgetDeviation.no_negative(), "en") == (
        "Deviation from budget – Green: at least 0%, Red: less than 0%"
    )


@given(budget_deviations())
def test_equality_hash_pickle_round_trip(rule):
    assert_copies_equal(rule)


@given(budget_deviations(), st.data())
def test_status_is_the_band_of_the_deviation(rule, data):
    ctx = data.draw(contexts_for(rule))
    outcome = data.draw(values_for(rule))
    a = rule.assess(outcome, ctx)
    bands = sm.Bands(green=rule.green, yellow=rule.yellow, red=rule.red, precision=rule.precision)
    inner = bands.assess(BudgetDeviation.deviation_percent(outcome, ctx.budget))
    assert (a.status, a.measured, a.interval) == (inner.status, inner.measured, inner.interval)


@given(budget_deviations(), decimals())
def test_never_raises_for_missing_budget(rule, outcome):
    a = rule.assess(outcome, Context())
    assert (a.status, a.reason) == (NA, "missing_budget")
