"""Attainment: bands on the share of the target reached."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import Attainment, Direction, Reason, Status, ThresholdError
from styrmodell._thresholds._bands import round_to
from styrmodell.families import family_tagged
from styrmodell.strategies import values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER


def attainments() -> st.SearchStrategy[Attainment]:
    family = family_tagged("attainment")
    assert family is not None
    assert family.strategy is not None
    return family.strategy(st)


def in_plan(rule: object) -> sm.Plan:
    indicator = sm.Indicator(id="i", unit="percent", targets={2024: rule})
    goal = sm.Goal(id="g", title="Mål", indicators=[indicator])
    return sm.Plan(id="p", years=(2024, 2024), levels=["KF-mål"], goals=[goal])


def test_forvantad_malniva_minst_80_procent_lagre_an_80_procent():
    # "förväntad målnivå eller bättre / minst 80 % / lägre än 80 %": both bounds included.
    rule = Attainment(50)
    assert [rule.assess(v).status for v in (60, 50, "49.99", 40, "39.99", -5)] == [G, G, Y, Y, R, R]
    assert rule.assess(40).measured == 80


def test_uppfyllelse_100_91_99_90_procent_eller_lagre_in_whole_percent():
    rule = Attainment.levels(200, 100, 91, precision=1)
    statuses = [rule.assess(v).status for v in (200, 199, 182, 181, 180)]
    # 199 → 99.5 % rounds to 100 %; 181 → 90.5 % rounds to 91 %; 180 → 90 %.
    assert statuses == [G, G, Y, Y, R]


def test_lower_is_better_inverts_the_share():
    rule = Attainment(10, direction=LIB)
    assert rule.assess(20).measured == 50
    assert [rule.assess(v).status for v in (5, 10, "12.5", "12.6", 20)] == [G, G, Y, R, R]


def test_lower_is_better_zero_beats_every_share():
    a = Attainment(10, direction=LIB).assess(0)
    assert (a.status, a.measured, a.reason) == (G, None, Reason.BAND)
    assert a.explain("en") == "0 against the target 10: the attainment is above every bound → Green"


def test_explain_and_describe_sv_en():
    rule = Attainment(50, unit="percent")
    assert rule.assess(41).explain() == (
        "Måluppfyllelse 82\xa0% (41\xa0% av målvärdet 50\xa0%) är minst 80\xa0% och mindre än"
        " 100\xa0% → Gult"
    )
    assert rule.assess(41).explain("en") == (
        "Attainment 82% (41% of the target 50%) is at least 80% and less than 100% → Yellow"
    )
    assert sm.describe(rule) == (
        "Måluppfyllelse (utfallet som andel av målvärdet 50\xa0%): Grönt: minst 100\xa0%,"
        " Gult: minst 80\xa0% och mindre än 100\xa0%, Rött: mindre än 80\xa0%"
    )
    assert rule.assess(None).reason is Reason.NO_VALUE
    assert rule.assess(None).explain() == "Inget utfall → Ej bedömd"


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((0,), {}, "Attainment.target: expected a target greater than zero"),
        ((-3,), {}, "Attainment.target"),
        ((5,), {"bands": "[100, inf)"}, "Attainment.bands"),
        ((5,), {"direction": None}, "Attainment.direction"),
    ],
)
def test_invalid_fields_raise(args, kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        Attainment(*args, **kwargs)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan_file_round_trip(fmt):
    plan = in_plan(Attainment.levels(12, 100, 91, precision=1, direction=LIB, unit="percent"))
    assert sm.loads(sm.dumps(plan, fmt), sm.Plan, fmt) == plan


@settings(max_examples=60)
@given(attainments())
def test_file_round_trip_and_copies(rule):
    for fmt in ("json", "toml"):
        assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
    assert_copies_equal(rule)


@settings(max_examples=60)
@given(st.data())
def test_total_a_colour_or_a_gap(data):
    rule = data.draw(attainments())
    a = rule.assess(data.draw(values_for(rule)))
    assert a.status.is_colour or a.reason is Reason.GAP
    assert a.explain()
    assert a.explain("en")


@settings(max_examples=60)
@given(st.data())
def test_monotone_along_the_direction(data):
    rule = data.draw(attainments())
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    ordered = sorted((Decimal(v) for v in values), key=lambda v: v * rule.direction.sign)
    statuses = [rule.assess(v).status for v in ordered]
    colours = [s for s in statuses if s.is_colour]
    assert colours == sorted(colours)


@settings(max_examples=60)
@given(st.data())
def test_invariant_under_the_declared_precision(data):
    rule = data.draw(attainments().filter(lambda r: r.bands.precision is not None))
    value = Decimal(data.draw(values_for(rule)))
    share = rule.share(value)
    if share is None:
        return
    precision = rule.bands.precision
    assert precision is not None
    assert rule.assess(value).status is rule.bands.assess(round_to(share, precision)).status


@settings(max_examples=60)
@given(st.data())
def test_invariant_under_scaling_target_and_outcome(data):
    rule = data.draw(attainments())
    value = Decimal(data.draw(values_for(rule)))
    k = data.draw(st.integers(1, 100))
    scaled = Attainment(rule.target * k, bands=rule.bands, direction=rule.direction)
    assert rule.assess(value).status is scaled.assess(value * k).status
