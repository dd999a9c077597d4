"""Rank: position among a population, by share or position, Kolada's quartiles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import Context, Direction, Rank, Reason, Status, ThresholdError
from styrmodell.families import family_tagged
from styrmodell.strategies import contexts_for, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
EIGHT = {"a": 90, "b": 85, "c": 80, "d": 75, "e": 70, "f": 65, "g": 60, "h": 55}


def ranks() -> st.SearchStrategy[Rank]:
    family = family_tagged("rank")
    assert family is not None
    assert family.strategy is not None
    return family.strategy(st)


def in_plan(rule: object) -> sm.Plan:
    indicator = sm.Indicator(id="i", unit="percent", targets={2024: rule})
    goal = sm.Goal(id="g", title="Mål", indicators=[indicator])
    return sm.Plan(id="p", years=(2024, 2024), levels=["KF-mål"], goals=[goal])


@pytest.mark.parametrize(
    ("value", "status", "position"),
    [(90, G, 1), (85, G, 2), (80, G, 2), (79, Y, 3), (60, Y, 6), (55, R, 7), (0, R, 8)],
)
def test_quartiles_higher_is_better(value, status, position):
    a = Rank.quartiles(HIB).assess(value, Context(population=EIGHT, member="b"))
    assert a.status is status
    assert a.measured == Decimal(position) * 100 / 8
    assert a.compared_with == 8


def test_quartiles_lower_is_better_counts_from_the_lowest():
    ctx = Context(population=EIGHT, member="a")
    assert [Rank.quartiles(LIB).assess(v, ctx).status for v in (50, 56, 89, 91)] == [G, G, R, R]


def test_ties_share_the_best_position():
    population = {"a": 10, "b": 10, "c": 10, "d": 5}
    a = Rank.top(1, HIB).assess(10, Context(population=population, member="c"))
    assert (a.status, a.measured) == (G, 1)
    # 1224: after two tied for first, the next is third.
    b = Rank.top(2, HIB).assess(5, Context(population=population, member="d"))
    assert (b.status, b.measured) == (R, 4)


def test_bland_de_25_procent_basta_includes_the_boundary():
    # 2 of 8 is exactly 25 %: "bland de 25 % bästa".
    rule = Rank.best_share(25, HIB)
    ctx = Context(population=EIGHT, member="b")
    assert rule.assess(85, ctx).status is G
    assert rule.assess(79, ctx).status is R


def test_topp_50_includes_position_50():
    population = {f"{i:04}": i for i in range(1, 291)}
    rule = Rank.top(50, HIB, yellow=100)
    ctx = Context(population=population, member="0001")
    assert [rule.assess(v, ctx).status for v in (241, 240, 191, 190, 1)] == [G, Y, Y, R, R]


@pytest.mark.parametrize(
    ("context", "reason"),
    [
        (Context(), Reason.MISSING_POPULATION),
        (Context(population={"a": 1, "b": 2}, member="a"), Reason.POPULATION_TOO_SMALL),
        (Context(population=EIGHT), Reason.NOT_IN_POPULATION),
        (Context(population=EIGHT, member="x"), Reason.NOT_IN_POPULATION),
    ],
)
def test_not_assessed_with_a_reason(context, reason):
    a = Rank.quartiles(HIB).assess(80, context)
    assert (a.status, a.reason) == (NA, reason)
    assert a.explain().endswith("→ Ej bedömd")
    assert a.explain("en").endswith("→ Not assessed")


def test_no_value():
    assert Rank.quartiles(HIB).assess(None).reason is Reason.NO_VALUE


def test_explain_and_describe_sv_en():
    ctx = Context(population=EIGHT, member="b")
    a = Rank.quartiles(HIB).assess(85, ctx)
    assert a.explain() == "Plats 2 av 8 (25\xa0%) är högst 25\xa0% → Grönt"
    assert a.explain("en") == "Position 2 of 8 (25%) is at most 25% → Green"
    assert sm.describe(Rank.top(50, HIB), "en") == (
        "Position in the population (highest value first): Green: at most 50, Red: more than 50"
    )
    small = Rank.quartiles(HIB).assess(1, Context(population={"a": 1, "b": 2}, member="a"))
    assert small.explain() == "Jämförelsegruppen har 2 enheter, färre än 4 → Ej bedömd"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"direction": "up", "bands": sm.Bands.lower_is_better(1)}, "Rank.direction"),
        ({"direction": HIB, "bands": "(-inf, 1]"}, "Rank.bands: expected a Bands"),
        ({"direction": HIB, "by": "rank", "bands": sm.Bands.lower_is_better(1)}, "Rank.by"),
        ({"direction": HIB, "bands": sm.Bands.lower_is_better(1), "minimum": 0}, "Rank.minimum"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        Rank(**kwargs)


def test_context_population_is_checked():
    with pytest.raises(ThresholdError, match=r"Context\.population"):
        Context(population=[1, 2])
    with pytest.raises(ThresholdError, match=r"Context.population\['a'\]"):
        Context(population={"a": "many"})


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_plan_file_round_trip(fmt):
    plan = in_plan(Rank.best_share(25, LIB, yellow=50))
    assert sm.loads(sm.dumps(plan, fmt), sm.Plan, fmt) == plan


@settings(max_examples=60)
@given(ranks())
def test_file_round_trip_and_copies(rule):
    for fmt in ("json", "toml"):
        assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
    assert_copies_equal(rule)
    assert not sm.lint(rule)


@settings(max_examples=60)
@given(st.data())
def test_total_every_value_gets_a_colour_in_a_population(data):
    rule = data.draw(ranks())
    ctx = data.draw(contexts_for(rule))
    a = rule.assess(data.draw(values_for(rule)), ctx)
    if len(ctx.population) < rule.minimum:
        assert (a.status, a.reason) == (NA, Reason.POPULATION_TOO_SMALL)
    else:
        assert a.status.is_colour
    assert a.explain()
    assert a.explain("en")


@settings(max_examples=60)
@given(st.data())
def test_monotone_along_the_direction(data):
    rule = data.draw(ranks())
    ctx = data.draw(contexts_for(rule))
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    sign = 1 if rule.direction is HIB else -1
    ordered = sorted((Decimal(v) for v in values), key=lambda v: v * sign)
    statuses = [rule.assess(v, ctx).status for v in ordered]
    if all(s.is_colour for s in statuses):
        assert statuses == sorted(statuses)


@settings(max_examples=60)
@given(st.data())
def test_invariant_under_any_increasing_rescaling_of_the_population(data):
    rule = data.draw(ranks())
    ctx = data.draw(contexts_for(rule))
    value = data.draw(values_for(rule))
    scale = data.draw(st.integers(1, 1000))
    shift = data.draw(st.integers(-1000, 1000))
    moved = Context(
        population={k: v * scale + shift for k, v in ctx.population.items()}, member=ctx.member
    )
    assert rule.assess(value, ctx).status is rule.assess(value * scale + shift, moved).status
