from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, assert_copies_equal, names_value
from styrmodell import Context, Direction, Status, ThresholdError, Unit, YearOverYear
from styrmodell.strategies import contexts_for, decimals, values_for, year_over_years

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
HME = YearOverYear(direction=HIB, base_year=2018, unit=Unit.INDEX)


@pytest.mark.parametrize(
    ("value", "status", "reason"), [(76, G, "better"), (74, Y, "same"), ("73,9", R, "worse")]
)
def test_forbattrat_oforandrat_forsamrat(value, status, reason):
    a = HME.assess(value, Context(history={2018: 74, 2019: 10}))
    assert (a.status, a.reason, a.compared_with) == (status, reason, 74)


def test_previous_year_by_default():
    rule = YearOverYear(direction=LIB)
    ctx = Context(year=2020, history={2019: 5, 2018: 100})
    assert [rule.assess(v, ctx).status for v in (4, 5, 6)] == [G, Y, R]
    assert rule.compared_year(ctx) == 2019
    assert HME.compared_year(ctx) == 2018


@pytest.mark.parametrize(
    ("unchanged", "expected"),
    [(G, [G, G, G, R]), (Y, [G, Y, Y, R]), (R, [G, R, R, R])],
)
def test_unchanged_status_and_tolerance(unchanged, expected):
    # "Oförändrat eller minskning" (green), "Oförändrat" (yellow), ">2022" (red)
    rule = YearOverYear(direction=HIB, tolerance="0.5", unchanged=unchanged)
    ctx = Context(year=2023, history={2022: 10})
    assert [rule.assess(v, ctx).status for v in ("10.6", "10.5", "9.5", "9.4")] == expected
    assert [rule.assess(v, ctx).reason for v in ("10.6", "10.5", "9.5", "9.4")] == [
        "better",
        "same",
        "same",
        "worse",
    ]


@pytest.mark.parametrize(
    ("ctx", "reason"),
    [
        (Context(), "missing_year"),
        (Context(year=2020), "missing_history"),
        (Context(year=2020, history={2018: 1}), "missing_history"),
        (None, "missing_year"),
    ],
)
def test_missing_context_is_not_assessed(ctx, reason):
    a = YearOverYear(direction=HIB).assess(3, ctx)
    assert (a.status, a.reason) == (NA, reason)


def test_no_value():
    assert HME.assess(None, Context()).reason == "no_value"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({}, "direction"),
        ({"direction": HIB, "base_year": "2018"}, "base_year"),
        ({"direction": HIB, "base_year": True}, "base_year"),
        ({"direction": HIB, "tolerance": -1}, "tolerance"),
        ({"direction": HIB, "unchanged": Status.NOT_ASSESSED}, "unchanged"),
        ({"direction": HIB, "unchanged": "grönt"}, "Status"),
        ({"direction": "up"}, "YearOverYear.direction"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises((ThresholdError, TypeError), match=match):
        YearOverYear(**kwargs)


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_accepts_friendly_numbers(value, expected):
    a = HME.assess(value, Context(history={2018: value}))
    assert (a.value, a.compared_with, a.status) == (expected, expected, Y)


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
def test_rejects_non_numbers_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        HME.assess(value, Context(history={2018: 1}))
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        Context(history={2018: value})
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        YearOverYear(direction=HIB, tolerance=value)
    assert names_value(str(info.value), value)


@pytest.mark.parametrize(
    ("rule", "value", "ctx", "sv", "en"),
    [
        (
            YearOverYear(direction=HIB, base_year=2018),
            76,
            Context(history={2018: 74}),
            "76 är förbättrat jämfört med 2018 (74) → Grönt",
            "76 is improved compared with 2018 (74) → Green",
        ),
        (
            YearOverYear(direction=LIB, unit=Unit.PERCENT),
            "7,9",
            Context(year=2020, history={2019: "7.9"}),
            "7,9\xa0% är oförändrat jämfört med föregående år (7,9\xa0%) → Gult",
            "7.9% is unchanged compared with the previous year (7.9%) → Yellow",
        ),
        (
            YearOverYear(direction=LIB, unit=Unit.PERCENT),
            8,
            Context(year=2020, history={2019: "7.9"}),
            "8\xa0% är försämrat jämfört med föregående år (7,9\xa0%) → Rött",
            "8% is worsened compared with the previous year (7.9%) → Red",
        ),
        (
            YearOverYear(direction=HIB, base_year=2010),
            1,
            Context(year=2020),
            "Utfall för 2010 saknas → Ej bedömd",
            "No outcome for 2010 → Not assessed",
        ),
        (
            YearOverYear(direction=HIB),
            1,
            Context(year=2020),
            "Utfall för föregående år saknas → Ej bedömd",
            "No outcome for last year → Not assessed",
        ),
        (
            YearOverYear(direction=HIB),
            1,
            Context(),
            "Året saknas för jämförelsen → Ej bedömd",
            "No year to compare with → Not assessed",
        ),
        (HME, None, Context(), "Inget utfall → Ej bedömd", "No outcome → Not assessed"),
    ],
)
def test_explain(rule, value, ctx, sv, en):
    a = rule.assess(value, ctx)
    assert a.explain() == sv
    assert a.explain("en") == en


@pytest.mark.parametrize(
    ("rule", "sv", "en"),
    [
        (
            HME,
            "Grönt: förbättrat (ökat) jämfört med 2018, Gult: oförändrat jämfört med 2018, "
            "Rött: försämrat (minskat) jämfört med 2018",
            "Green: improved (higher) compared with 2018, Yellow: unchanged compared with 2018, "
            "Red: worsened (lower) compared with 2018",
        ),
        (
            YearOverYear(direction=LIB, unchanged=G, tolerance=1),
            "Grönt: förbättrat (minskat) eller oförändrat (±1) jämfört med föregående år, "
            "Rött: försämrat (ökat) jämfört med föregående år",
            "Green: improved (lower) or unchanged (±1) compared with the previous year, "
            "Red: worsened (higher) compared with the previous year",
        ),
        (
            YearOverYear(direction=HIB, base_year=2022, unchanged=R),
            "Grönt: förbättrat (ökat) jämfört med 2022, "
            "Rött: oförändrat eller försämrat (minskat) jämfört med 2022",
            "Green: improved (higher) compared with 2022, "
            "Red: unchanged or worsened (lower) compared with 2022",
        ),
        (
            YearOverYear.same_level(base_year=2009),
            "Grönt: oförändrat jämfört med 2009, Rött: förändrat jämfört med 2009",
            "Green: unchanged compared with 2009, Red: changed compared with 2009",
        ),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "en") == en


@given(year_over_years())
def test_equality_hash_pickle_round_trip(rule):
    assert_copies_equal(rule)


@given(year_over_years().filter(lambda r: r.direction is not None), st.data())
def test_monotone_in_the_value(rule, data):
    ctx = data.draw(contexts_for(rule))
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    ordered = sorted(
        (sm._numbers.to_decimal(v) for v in values), key=lambda v: v * rule.direction.sign
    )
    statuses = [rule.assess(v, ctx).status for v in ordered]
    assert all(s.is_colour for s in statuses)
    assert statuses == sorted(statuses)


@given(
    year_over_years() | st.deferred(lambda: latest_rules),
    decimals(min_value=-100, max_value=100),
    decimals(min_value=-20, max_value=20),
)
def test_status_follows_the_change(rule, earlier, change):
    # With latest=True the year compared with is whichever earlier year has an outcome.
    base = 2021 if rule.latest else rule.compared_year(Context(year=2024))
    ctx = Context(year=2024, history={base: earlier})
    a = rule.assess(earlier + change, ctx)
    if abs(change) <= rule.tolerance:
        assert (a.status, a.reason) == (rule.unchanged, "same")
    elif rule.direction is None:
        assert (a.status, a.reason) == (R, "changed")
    elif change * rule.direction.sign > 0:
        assert (a.status, a.reason) == (G, "better")
    else:
        assert (a.status, a.reason) == (R, "worse")
    assert a.measured == change


latest_rules = st.builds(
    YearOverYear,
    direction=st.sampled_from(Direction),
    latest=st.just(True),
    tolerance=decimals(min_value=0, max_value=5, places=1),
    unchanged=st.sampled_from((R, Y, G)),
)


@given(year_over_years() | latest_rules, st.data())
def test_never_raises_for_missing_context(rule, data):
    value = data.draw(values_for(rule))
    for ctx in (Context(), Context(year=1999)):
        a = rule.assess(value, ctx)
        assert a.status is NA
        assert a.reason in ("missing_year", "missing_history")
        assert a.explain("en")


def test_same_level_is_green_only_when_the_level_is_kept() -> None:
    rule = YearOverYear.same_level(base_year=2009, tolerance=2, unit=sm.Unit.COUNT)
    ctx = sm.Context(history={2009: 120})
    assert [rule.assess(v, ctx).status for v in (118, 120, 122)] == [G, G, G]
    for value in (117, 123, 0, 500):
        a = rule.assess(value, ctx)
        assert a.status is R
        assert a.reason == "changed"
    assert rule.assess(125, ctx).explain() == "125 är förändrat jämfört med 2009 (120) → Rött"
    assert (
        rule.assess(121, ctx).explain("en") == "121 is unchanged compared with 2009 (120) → Green"
    )
    assert rule == YearOverYear(
        direction=None, base_year=2009, tolerance=2, unchanged=G, unit=sm.Unit.COUNT
    )
    assert sm.lint(rule) == []


def test_without_a_direction_unchanged_must_be_green() -> None:
    with pytest.raises(sm.ThresholdError, match=r"give a direction \(which way is better\)"):
        YearOverYear()
    with pytest.raises(sm.ThresholdError, match="without a direction an unchanged value is green"):
        YearOverYear(direction=None, unchanged=Status.YELLOW)


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False))
def test_same_level_is_symmetric(change: Decimal) -> None:
    rule = YearOverYear.same_level(tolerance="1.5")
    ctx = sm.Context(year=2024, history={2023: 50})
    assert rule.assess(50 + change, ctx).status is rule.assess(50 - change, ctx).status


# -- "jämfört med tidigare": the latest earlier outcome ---------------------------------------

EARLIER = YearOverYear(direction=HIB, latest=True, unit=Unit.INDEX)


def test_latest_earlier_outcome_need_not_be_the_year_before() -> None:
    ctx = Context(year=2023, history={2019: 78, 2021: 74, 2024: 1})
    a = EARLIER.assess(76, ctx)
    assert (a.status, a.reason, a.compared_with, a.compared_year) == (G, "better", 74, 2021)
    assert EARLIER.compared_year(ctx) == 2021
    assert EARLIER.compared_year(Context(history={2019: 1, 2017: 2})) == 2019


def test_latest_explain_names_the_year_used() -> None:
    a = EARLIER.assess(76, Context(year=2023, history={2019: 78, 2021: 74}))
    assert a.explain() == "76 är förbättrat jämfört med senaste tidigare utfall, 2021 (74) → Grönt"
    assert a.explain("en") == (
        "76 is improved compared with the latest earlier outcome, 2021 (74) → Green"
    )
    missing = EARLIER.assess(76, Context(year=2023, history={2023: 70}))
    assert (missing.status, missing.reason) == (NA, "missing_history")
    assert missing.explain() == "Tidigare utfall saknas → Ej bedömd"
    assert missing.explain("en") == "No earlier outcome → Not assessed"


def test_latest_describe() -> None:
    assert sm.describe(EARLIER).startswith("Grönt: förbättrat (ökat) jämfört med tidigare")
    assert "compared with the latest earlier outcome" in sm.describe(EARLIER, "en")
    same = YearOverYear.same_level(latest=True, tolerance=1)
    assert sm.describe(same).startswith("Grönt: oförändrat (±1) jämfört med tidigare")


def test_latest_and_a_base_year_are_exclusive() -> None:
    with pytest.raises(ThresholdError, match="not both"):
        YearOverYear(direction=HIB, latest=True, base_year=2018)
    with pytest.raises(ThresholdError, match="latest: expected True or False"):
        YearOverYear(direction=HIB, latest="ja")  # type: ignore[arg-type]


def test_every_assessment_records_the_year_compared_with() -> None:
    ctx = Context(year=2020, history={2019: 5, 2018: 100})
    assert YearOverYear(direction=LIB).assess(4, ctx).compared_year == 2019
    assert HME.assess(4, Context(history={2018: 5})).compared_year == 2018


@given(
    st.dictionaries(st.integers(2000, 2030), decimals(min_value=-100, max_value=100), max_size=6),
    st.integers(2001, 2030),
    decimals(min_value=-100, max_value=100),
)
def test_latest_compares_with_the_latest_earlier_year_with_an_outcome(
    history: dict[int, Decimal], year: int, value: Decimal
) -> None:
    a = EARLIER.assess(value, Context(year=year, history=history))
    earlier = [y for y in history if y < year]
    if not earlier:
        assert (a.status, a.reason) == (NA, "missing_history")
        return
    base = max(earlier)
    assert a.compared_year == base
    assert a.compared_with == history[base]
    # The same as a fixed base year set to that year.
    fixed = YearOverYear(direction=HIB, base_year=base, unit=Unit.INDEX)
    assert a.status is fixed.assess(value, Context(year=year, history=history)).status


def test_assess_compares_with_the_latest_earlier_outcome_of_the_series() -> None:
    # Measured 2019 and 2023, not 2020-2022 ("jämfört med tidigare").
    rule = YearOverYear(direction=HIB, latest=True, unit=Unit.PERCENT)
    plan = sm.Plan(
        id="p",
        years=2023,
        levels=("Nämndmål",),
        goals=[sm.Goal(id="g", indicators=[sm.Indicator(id="nki", targets={2023: rule})])],
    )
    outcomes = [sm.Outcome("nki", 2019, 70), sm.Outcome("nki", 2023, 72)]
    result = sm.assess(plan, outcomes, 2023).indicator("nki")
    assert (result.status, result.assessment.compared_year) == (G, 2019)
    assert "senaste tidigare utfall, 2019" in result.explain()
