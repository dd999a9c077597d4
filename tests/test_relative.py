"""RelativeChange: change from a base year or period, in percent or in the unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import Context, Reason, RelativeChange, Status, ThresholdError, Unit
from styrmodell.families import family_tagged
from styrmodell.strategies import contexts_for, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED


def changes() -> st.SearchStrategy[RelativeChange]:
    family = family_tagged("relative_change")
    assert family is not None
    assert family.strategy is not None
    return family.strategy(st)


def in_plan(rule: object) -> sm.Plan:
    indicator = sm.Indicator(id="i", unit="percent", targets={2024: rule})
    goal = sm.Goal(id="g", title="Mål", indicators=[indicator])
    return sm.Plan(id="p", years=(2024, 2024), levels=["KF-mål"], goals=[goal])


def test_minska_med_minst_10_procent_jamfort_med_2004_includes_ten():
    rule = RelativeChange.decrease(10, base=2004)
    ctx = Context(year=2024, history={2004: 250})
    assert [rule.assess(v, ctx).status for v in (200, 225, "225.1", 250, 300)] == [G, G, R, R, R]
    a = rule.assess(225, ctx)
    assert (a.measured, a.compared_with, a.years) == (-10, 250, (2004,))


def test_halvera():
    rule = RelativeChange.halve(2015)
    ctx = Context(history={2015: 80})
    assert [rule.assess(v, ctx).status for v in (40, "40.01", 0)] == [G, R, G]


def test_oka_med_5_procentenheter_fran_2019():
    rule = RelativeChange.increase(5, base=2019, relative=False, unit=Unit.PERCENT)
    ctx = Context(history={2019: "70.5"})
    assert [rule.assess(v, ctx).status for v in ("75.5", "75.4", 60)] == [G, R, R]
    assert rule.bands.unit is Unit.PERCENTAGE_POINTS


def test_20_procent_under_medelvardet_2001_2005():
    rule = RelativeChange.decrease(20, base=range(2001, 2006))
    ctx = Context(history={2001: 90, 2002: 95, 2003: 100, 2004: 105, 2005: 110})
    assert rule.assess(80, ctx).status is G
    assert rule.assess("80.1", ctx).status is R
    assert rule.assess(80, ctx).compared_with == 100
    assert rule.assess(80, ctx).years == (2001, 2002, 2003, 2004, 2005)


def test_yellow_between():
    rule = RelativeChange.decrease(10, base=2020, yellow=5)
    ctx = Context(history={2020: 100})
    assert [rule.assess(v, ctx).status for v in (90, 91, 95, 96)] == [G, Y, Y, R]


def test_exact_in_decimal():
    rule = RelativeChange.increase(1, base=[2020, 2021, 2022], relative=False)
    ctx = Context(history={2020: "0.1", 2021: "0.2", 2022: "0.3"})
    assert rule.assess("1.2", ctx).measured == Decimal("1.0")
    assert rule.assess("1.2", ctx).status is G


@pytest.mark.parametrize(
    ("context", "reason"),
    [
        (Context(history={2003: 1}), Reason.MISSING_HISTORY),
        (Context(history={2004: 0}), Reason.ZERO_BASE),
        (Context(year=2024, history={2004: 5}, breaks=[2010]), Reason.NOT_COMPARABLE),
        (Context(history={2004: 5}, breaks=[2010]), Reason.MISSING_YEAR),
    ],
)
def test_not_assessed_with_a_reason(context, reason):
    a = RelativeChange.decrease(10, base=2004).assess(3, context)
    assert (a.status, a.reason) == (NA, reason)
    assert a.explain().endswith("→ Ej bedömd")
    assert a.explain("en").endswith("→ Not assessed")


def test_a_break_before_the_base_or_after_the_year_does_not_matter():
    rule = RelativeChange.decrease(10, base=2015)
    for breaks in ([2015], [2010], [2025]):
        assert rule.assess(1, Context(year=2024, history={2015: 5}, breaks=breaks)).status is G


def test_explain_and_describe_sv_en():
    rule = RelativeChange.decrease(10, base=2004)
    a = rule.assess(88, Context(history={2004: 100}))
    assert (
        a.explain()
        == "Förändringen −12\xa0% (88 jämfört med 100 för 2004) är högst −10\xa0% → Grönt"
    )
    assert a.explain("en") == "The change -12% (88 against 100 for 2004) is at most -10% → Green"
    assert sm.describe(RelativeChange.halve(range(2001, 2006)), "en") == (
        "Change in percent from the mean of 2001–2005: Green: at most -50%, Red: more than -50%"
    )
    missing = rule.assess(1, Context(year=2024, history={2004: 5}, breaks=[2010]))
    assert missing.explain() == (
        "Inte jämförbart med 2004: mätmetoden har ändrats sedan dess → Ej bedömd"
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"base": "2004", "bands": sm.Bands.lower_is_better(-10)}, "RelativeChange.base"),
        ({"base": [], "bands": sm.Bands.lower_is_better(-10)}, "RelativeChange.base"),
        ({"base": 2004, "bands": "(-inf, -10]"}, "RelativeChange.bands"),
        (
            {"base": 2004, "bands": sm.Bands.lower_is_better(-10), "unit": "kr"},
            "RelativeChange.unit",
        ),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        RelativeChange(**kwargs)


def test_context_breaks_are_years():
    assert Context(breaks=[2021, 2019, 2021]).breaks == (2019, 2021)
    with pytest.raises(ThresholdError, match=r"Context\.breaks"):
        Context(breaks="2021")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan_file_round_trip(fmt):
    plan = in_plan(RelativeChange.decrease(20, base=range(2001, 2006), yellow=10))
    assert sm.loads(sm.dumps(plan, fmt), sm.Plan, fmt) == plan
    ctx = Context(year=2024, history={2022: 1}, breaks=[2021, 2023])
    assert sm.loads(sm.dumps(ctx, fmt), Context, fmt) == ctx


@settings(max_examples=60)
@given(changes())
def test_file_round_trip_and_copies(rule):
    for fmt in ("json", "toml"):
        assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
    assert_copies_equal(rule)
    assert not sm.lint(rule)


@settings(max_examples=60)
@given(st.data())
def test_total_every_value_gets_a_colour(data):
    rule = data.draw(changes())
    a = rule.assess(data.draw(values_for(rule)), data.draw(contexts_for(rule)))
    assert a.status.is_colour
    assert a.explain()
    assert a.explain("en")


@settings(max_examples=60)
@given(st.data())
def test_monotone_along_the_bands_direction(data):
    rule = data.draw(changes())
    ctx = data.draw(contexts_for(rule))
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    assert rule.bands.direction is not None
    sign = rule.bands.direction.sign
    ordered = sorted((Decimal(v) for v in values), key=lambda v: v * sign)
    statuses = [rule.assess(v, ctx).status for v in ordered]
    assert statuses == sorted(statuses)


@settings(max_examples=60)
@given(st.data())
def test_a_relative_change_is_invariant_under_scaling(data):
    rule = data.draw(changes().filter(lambda r: r.relative))
    ctx = data.draw(contexts_for(rule))
    value = Decimal(data.draw(values_for(rule)))
    k = data.draw(st.integers(1, 1000))
    scaled = Context(year=ctx.year, history={y: v * k for y, v in ctx.history.items()})
    assert rule.assess(value, ctx).status is rule.assess(value * k, scaled).status
