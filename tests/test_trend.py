"""Trends beside the colour (issue 11): valued, with a tolerance, per gender, across breaks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import (
    Direction,
    Gender,
    Goal,
    Indicator,
    Outcome,
    Plan,
    RollUp,
    Status,
    TargetValue,
    YearOverYear,
    assess,
)
from styrmodell._trend import compare
from styrmodell.results import Trend, TrendKind

HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
UP, SAME, DOWN = TrendKind.IMPROVED, TrendKind.UNCHANGED, TrendKind.WORSENED
numbers = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


def plan_of(*indicators: Indicator, rollup: RollUp | None = None) -> Plan:
    return Plan(
        id="p",
        years=2023,
        levels=("Nämndmål",),
        rollups={} if rollup is None else {0: rollup},
        goals=[Goal(id="g", title="Nöjda brukare", indicators=list(indicators))],
    )


def test_valued_whatever_the_raw_direction() -> None:
    # Sjukfrånvaro down from 8 to 7 %: lower is better, so the trend improved.
    assert compare(7, 8, LIB).kind is UP
    assert compare(7, 8, HIB).kind is DOWN
    assert compare(8, 8, LIB).kind is SAME
    assert compare(8, None, LIB).kind is TrendKind.UNKNOWN
    assert compare(8, 7, None).kind is TrendKind.UNKNOWN
    assert compare(8, 7, HIB, broken=True).kind is TrendKind.NOT_COMPARABLE


def test_words_and_arrows() -> None:
    trend = compare(81, 78, HIB, year=2021)
    assert (trend.arrow, trend.short(), trend.describe()) == (
        "↑",
        "↑ Förbättrat",
        "↑ Förbättrat jämfört med 2021",
    )
    assert trend.describe("en") == "↑ Improved since 2021"
    assert [Trend(kind=k).short() for k in TrendKind] == [
        "↑ Förbättrat",
        "→ Oförändrat",
        "↓ Försämrat",
        "Ej jämförbar",
        "Okänd",
    ]
    assert trend.change == 3
    assert trend.previous == 78


def test_assess_compares_with_the_previous_available_period() -> None:
    nki = Indicator(id="nki", title="Nöjd kund-index", targets={2023: TargetValue(">=", 75)})
    outcomes = [Outcome("nki", 2020, 70), Outcome("nki", 2021, 80), Outcome("nki", 2023, 78)]
    card = assess(plan_of(nki), outcomes, 2023)
    trend = card.indicator("nki").trend
    # 2022 was never measured: the previous available year is 2021.
    assert (trend.kind, trend.year, trend.previous, trend.value) == (DOWN, 2021, 80, 78)
    assert "· ↓ Försämrat jämfört med 2021" in card.explain()
    assert card.rows()[1]["trend"] == "↓ Försämrat jämfört med 2021"
    alone = assess(plan_of(nki), [Outcome("nki", 2023, 78)], 2023)
    assert alone.indicator("nki").trend.kind is TrendKind.UNKNOWN
    assert "Okänd" not in alone.explain()


def test_the_direction_comes_from_the_indicator_or_its_target() -> None:
    lower = Indicator(id="sjuk", targets={2023: TargetValue("<=", 6)})
    said = Indicator(id="x", direction=LIB, targets={2023: TargetValue(">=", 6)})
    yoy = Indicator(id="y", targets={2023: YearOverYear(direction=LIB)})
    outcomes = [
        Outcome(i, year, v) for i in ("sjuk", "x", "y") for year, v in ((2022, 8), (2023, 7))
    ]
    card = assess(plan_of(lower, said, yoy), outcomes, 2023)
    assert [card.indicator(i).trend.kind for i in ("sjuk", "x", "y")] == [UP, UP, UP]
    none = Indicator(id="n")
    card = assess(plan_of(none), [Outcome("n", 2022, 8), Outcome("n", 2023, 7)], 2023)
    assert card.indicator("n").trend.kind is TrendKind.UNKNOWN


def test_tolerance_and_genders() -> None:
    sjuk = Indicator(
        id="sjuk",
        direction=LIB,
        by_gender=True,
        trend_tolerance="0,5",
        targets={2023: TargetValue("<=", 6)},
    )
    outcomes = [
        Outcome("sjuk", 2022, 7),
        Outcome("sjuk", 2023, "6,8"),
        Outcome("sjuk", 2022, 9, gender="K"),
        Outcome("sjuk", 2023, 8, gender="K"),
        Outcome("sjuk", 2022, 5, gender="M"),
        Outcome("sjuk", 2023, 6, gender="M"),
    ]
    result = assess(plan_of(sjuk), outcomes, 2023).indicator("sjuk")
    assert result.trend.kind is SAME
    assert {g: t.kind for g, t in result.trend_by_gender().items()} == {
        Gender.TOTAL: SAME,
        Gender.WOMEN: UP,
        Gender.MEN: DOWN,
    }
    with pytest.raises(sm.PlanError, match="trend_tolerance"):
        Indicator(id="x", trend_tolerance=-1)


def test_only_the_same_months_are_compared() -> None:
    nki = Indicator(id="nki", direction=HIB)
    outcomes = [
        Outcome("nki", "jan-aug 2022", 60),
        Outcome("nki", 2022, 90),
        Outcome("nki", "jan-aug 2023", 70),
    ]
    card = assess(plan_of(nki), outcomes, 2023)
    trend = card.indicator("nki").trend
    assert (trend.kind, trend.previous, trend.period) == (UP, 60, sm.Period.parse("jan-aug 2022"))


def test_improving_rollup_from_trends() -> None:
    # "minst hälften av indikatorerna går åt rätt håll"
    a = Indicator(id="a", direction=HIB)
    b = Indicator(id="b", direction=HIB)
    c = Indicator(id="c", direction=HIB)
    outcomes = [
        *(Outcome(i, 2022, 50) for i in "abc"),
        Outcome("a", 2023, 60),
        Outcome("b", 2023, 40),
    ]
    card = assess(plan_of(a, b, c, rollup=RollUp.improving()), outcomes, 2023)
    assert card["g"].status is Status.GREEN  # 1 of 2 known trends improved
    assert (
        card["g"]
        .explain("en")
        .startswith(
            "Green: 1 of 2 indicators with a known trend have improved; Green if at least 50"
        )
    )
    counted = assess(plan_of(a, b, c, rollup=RollUp.improving().counting()), outcomes, 2023)
    assert counted["g"].status is Status.RED  # 1 of 3
    assert RollUp.improving().judge_trends([TrendKind.UNKNOWN]) is Status.NOT_ASSESSED
    with pytest.raises(sm.PlanError, match="judge_trends"):
        RollUp.improving()([Status.GREEN])
    with pytest.raises(sm.PlanError, match="judges no trends"):
        RollUp.WORST.judge_trends([UP])
    with pytest.raises(sm.PlanError, match="between 0 and 1"):
        RollUp.improving(50)


@given(numbers, numbers, st.sampled_from(Direction), st.decimals(0, 10, places=1))
def test_improved_exactly_when_better_beyond_the_tolerance(now, before, direction, tolerance):
    trend = compare(now, before, direction, tolerance=tolerance)
    change = now - before
    if abs(change) <= tolerance:
        assert trend.kind is SAME
    elif change * direction.sign > 0:
        assert trend.kind is UP
    else:
        assert trend.kind is DOWN
    assert trend.change == change


@given(numbers, numbers, st.sampled_from(Direction), st.decimals(0, 10, places=1))
def test_swapping_the_direction_mirrors_the_trend(now, before, direction, tolerance):
    there = compare(now, before, direction, tolerance=tolerance).kind
    back = compare(now, before, direction.opposite, tolerance=tolerance).kind
    mirror = {UP: DOWN, DOWN: UP, SAME: SAME}
    assert back is mirror[there]
    # And going back the other way in time mirrors it too.
    assert compare(before, now, direction, tolerance=tolerance).kind is mirror[there]


@given(st.lists(st.sampled_from(TrendKind), max_size=10), st.decimals(0, 1, places=2))
def test_improving_is_green_exactly_when_enough_improved(kinds, share):
    status = RollUp.improving(share).judge_trends(kinds)
    known = [k for k in kinds if k.is_comparison]
    if not known:
        assert status is Status.NOT_ASSESSED
    else:
        enough = Decimal(kinds.count(UP)) / len(known) >= share
        assert status is (Status.GREEN if enough else Status.RED)
    assert RollUp.improving(share).judge_trends(list(reversed(kinds))) is status


def test_across_a_series_break_the_trend_is_not_comparable() -> None:
    # The survey's method changed in 2022: 2021 and 2023 are not comparable.
    nki = Indicator(id="nki", direction=HIB, breaks=[2022])
    outcomes = [Outcome("nki", 2021, 80), Outcome("nki", 2023, 70)]
    trend = assess(plan_of(nki), outcomes, 2023).indicator("nki").trend
    assert (trend.kind, trend.year, trend.short()) == (
        TrendKind.NOT_COMPARABLE,
        2021,
        "Ej jämförbar",
    )
    after = [Outcome("nki", 2022, 60), Outcome("nki", 2023, 70)]
    assert assess(plan_of(nki), after, 2023).indicator("nki").trend.kind is UP
