from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import PlanError, RollUp, Status

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
        "Grönt om minst 75\xa0% av delarna är gröna, gult om minst 50\xa0%"
    )
    assert "count" in RollUp.MAJORITY.counting().describe("en")


@given(policies, statuses)
def test_only_not_assessed_parts_give_not_assessed(policy: RollUp, items: list[Status]) -> None:
    result = policy(items)
    if all(s is N for s in items):
        assert result is N
    if not policy.count_not_assessed and any(s is not N for s in items):
        assert result is not N


@given(policies, statuses)
def test_result_lies_between_worst_and_best(policy: RollUp, items: list[Status]) -> None:
    result = policy(items)
    coloured = [s for s in items if s is not N]
    if result is not N and policy.kind != "share":
        assert min(coloured) <= result <= max(coloured)


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
