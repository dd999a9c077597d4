from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import (
    Goal,
    Indicator,
    Outcome,
    Plan,
    PlanError,
    RollUp,
    Status,
    TargetValue,
    Unit,
    assess,
)

G, Y, R, N = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
statuses = st.lists(st.sampled_from(list(Status)), max_size=12)
policies = st.sampled_from(
    [
        RollUp.WORST,
        RollUp.MAJORITY,
        RollUp.share(),
        RollUp.share(0.75, 0.5).counting(),
        RollUp.WORST.counting(),
        RollUp.MAJORITY.counting(),
    ]
)


def test_worst() -> None:
    assert RollUp.WORST([G, Y, R]) is R
    assert RollUp.WORST([G, G, N]) is G
    assert RollUp.WORST.counting()([G, G, N]) is N
    assert RollUp.WORST([]) is N


def test_majority_ties_go_to_the_worse() -> None:
    assert RollUp.MAJORITY([G, G, R]) is G
    assert RollUp.MAJORITY([G, R]) is R
    assert RollUp.MAJORITY([G, N, N]) is G
    assert RollUp.MAJORITY.counting()([G, N, N]) is N


def test_share_as_the_plans_write_it() -> None:
    # "målet är uppfyllt om minst 75 % av indikatorerna är gröna"
    rule = RollUp.share(green_at_least=0.75, yellow_at_least=0.5)
    assert rule([G, G, G, R]) is G
    assert rule([G, G, R, R]) is Y
    assert rule([G, R, R, R]) is R
    assert rule([G, G, G, N]) is G
    assert rule.counting()([G, G, N, N]) is Y


def test_invalid_policies() -> None:
    with pytest.raises(PlanError, match="kind"):
        RollUp("best")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="above"):
        RollUp.share(0.5, 0.75)
    with pytest.raises(PlanError, match="between 0 and 1"):
        RollUp.share(75, 50)
    with pytest.raises(PlanError, match="no shares"):
        RollUp("worst", 0.5, 0.2)
    with pytest.raises(PlanError, match="count_not_assessed: expected True or False"):
        RollUp("worst", count_not_assessed=1)  # type: ignore[arg-type]


def test_describe() -> None:
    assert RollUp.WORST.describe() == "Sämsta färgen styr"
    assert RollUp.share().describe() == (
        "Grönt om minst 75\xa0% av delarna är gröna, gult om minst 50\xa0% är gröna eller gula"
    )
    assert "count" in RollUp.MAJORITY.counting().describe("en")


@given(policies, statuses)
def test_only_not_assessed_parts_give_not_assessed(policy: RollUp, items: list[Status]) -> None:
    result = policy(items)
    if all(s is N for s in items):
        assert result is N
    if not policy.count_not_assessed and any(s is not N for s in items):
        assert result is not N


def test_yellow_parts_count_towards_yellow() -> None:
    # Issue 11: three yellow parts under 0.75/0.5 were RED; a yellow is green-or-yellow.
    rule = RollUp.share(green_at_least=0.75, yellow_at_least=0.5)
    assert rule([Y, Y, Y]) is Y
    assert rule([G, Y, R, R]) is Y
    assert rule([Y, R, R, R]) is R
    assert rule.counting()([Y, Y, N, N]) is Y
    assert rule.counting()([Y, N, N, N]) is R


def test_a_zero_threshold_never_lifts_a_goal_above_its_best_part() -> None:
    assert RollUp.share(0, 0)([R, R]) is R
    assert RollUp.share(0, 0)([Y, R]) is Y
    assert RollUp.share(0.5, 0)([R]) is R


shares = st.decimals(min_value=0, max_value=1, places=2)


@st.composite
def every_policy(draw: st.DrawFn) -> RollUp:
    """Every built-in colour policy, with any shares and either setting."""
    kind = draw(st.sampled_from(["worst", "majority", "share"]))
    counting = draw(st.booleans())
    if kind == "share":
        a, b = draw(shares), draw(shares)
        return RollUp.share(max(a, b), min(a, b), count_not_assessed=counting)
    return RollUp(kind, count_not_assessed=counting)  # type: ignore[arg-type]


@given(every_policy(), statuses)
def test_never_worse_than_the_worst_part_nor_better_than_the_best(
    policy: RollUp, items: list[Status]
) -> None:
    result = policy(items)
    coloured = [s for s in items if s is not N]
    if result is N:
        return
    assert result <= max(coloured)
    # Counted under a share, a not-assessed part is a part that is neither green nor
    # yellow: it may pull the goal down to red, as documented.
    counted_missing = policy.count_not_assessed and len(coloured) < len(items)
    if not (policy.kind == "share" and counted_missing):
        assert result >= min(coloured)


@given(every_policy(), statuses)
def test_share_counting_missing_parts_as_red_stays_between(
    policy: RollUp, items: list[Status]
) -> None:
    if policy.kind != "share" or not policy.count_not_assessed:
        return
    as_red = [R if s is N else s for s in items]
    result = policy(items)
    if result is not N:
        # Counting a missing part is never kinder than calling it red, nor harsher.
        assert result == RollUp.share(policy.green_at_least, policy.yellow_at_least)(as_red)


@given(policies, statuses, st.sampled_from([G, Y, R]))
def test_monotone_improving_a_part_never_worsens(
    policy: RollUp, items: list[Status], better: Status
) -> None:
    if policy.kind == "majority" or not items:
        return
    i = 0
    if items[i] is N or items[i] >= better:
        return
    improved = [better, *items[1:]]
    before, after = policy(items), policy(improved)
    if before is not N and after is not N:
        assert after >= before


@given(policies, statuses)
def test_order_of_parts_does_not_matter(policy: RollUp, items: list[Status]) -> None:
    assert policy(items) == policy(list(reversed(items)))


# -- pooled shares --------------------------------------------------------------------------

AT_LEAST_80 = TargetValue(">=", 80)


def test_pooled_sums_counts_and_never_averages_percentages() -> None:
    rule = RollUp.pooled(AT_LEAST_80)
    # 9 of 10 (90 %) and 150 of 200 (75 %): the mean of percentages would be 82.5 %.
    found = rule.pool([(9, 10), (150, 200)])
    assert found.value == Decimal(159) / Decimal(210) * 100
    assert found.status is R
    assert rule.pool([(90, 100), (150, 200)]).status is G


def test_pooled_parts_without_counts() -> None:
    rule = RollUp.pooled(AT_LEAST_80)
    assert rule.pool([(37, 50), None]).value == Decimal(74)
    assert rule.counting().pool([(37, 50), None]).status is N
    assert rule.pool([]).status is N
    assert rule.pool([None]).status is N
    assert rule.pool([(0, 0)]).status is N


def test_pooled_policy_errors() -> None:
    with pytest.raises(PlanError, match="expected a target"):
        RollUp.pooled("80")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="expected a target"):
        RollUp("pooled")
    with pytest.raises(PlanError, match="expected a target"):
        RollUp("worst", target=AT_LEAST_80)
    with pytest.raises(PlanError, match="use pool"):
        RollUp.pooled(AT_LEAST_80)([G])
    with pytest.raises(PlanError, match="pools no shares"):
        RollUp.WORST.pool([(1, 2)])


def test_pooled_describe() -> None:
    assert (
        RollUp.pooled(AT_LEAST_80)
        .describe("en")
        .startswith("The share pooled from the numerators and denominators of all parts: ")
    )
    assert "täljare och nämnare" in RollUp.pooled(AT_LEAST_80).describe()


counts = st.lists(
    st.tuples(st.integers(0, 500), st.integers(1, 500)).filter(lambda c: c[0] <= c[1]),
    min_size=1,
    max_size=8,
)


@given(counts, st.integers(0, 100))
def test_pooled_is_never_worse_than_the_worst_part_nor_better_than_the_best(
    parts: list[tuple[int, int]], level: int
) -> None:
    # Under one target for every part, the pooled share lies between the parts' shares.
    target = TargetValue(">=", level)
    rule = RollUp.pooled(target)
    found = rule.pool(parts)
    each = [target.assess(Decimal(100) * n / d).status for n, d in parts]
    assert min(each) <= found.status <= max(each)
    assert rule.pool(list(reversed(parts))).status is found.status


def test_assess_pools_the_indicators_below_a_goal() -> None:
    share = {2023: TargetValue(">=", 80)}
    plan = Plan(
        id="p",
        years=2023,
        levels=("Nämndmål", "Enhetsmål"),
        rollups={0: RollUp.pooled(AT_LEAST_80)},
        goals=[
            Goal(
                id="nojd",
                title="Nöjda brukare",
                indicators=[Indicator(id="a", unit=Unit.PERCENT, targets=share)],
                children=[
                    Goal(
                        id="b-mal",
                        indicators=[Indicator(id="b", unit=Unit.PERCENT, targets=share)],
                    )
                ],
            )
        ],
    )
    outcomes = [
        Outcome("a", 2023, numerator=9, denominator=10),
        Outcome("b", 2023, numerator=150, denominator=200),
    ]
    card = assess(plan, outcomes, 2023)
    goal = card["nojd"]
    # Parts: a green (90 %), child red (75 %); pooled 159 / 210 = 75.7 % → red.
    assert goal.status is R
    assert goal.pooled is not None
    assert goal.pooled.status is R
    assert goal.explain("en").startswith("Red: 159 of 210 pooled; ")
    assert card["b-mal"].pooled is None
    assert [i.id for i in goal.indicators_below()] == ["a", "b"]
