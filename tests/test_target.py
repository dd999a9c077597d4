from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, assert_copies_equal, names_value
from styrmodell import Status, TargetValue, ThresholdError, Unit
from styrmodell.strategies import target_values, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED


@pytest.mark.parametrize(
    ("comparator", "target", "values", "expected"),
    [
        (">=", 50, (50, "49.99", 51), [G, R, G]),  # "≥ 50 %"
        ("≥", 89, (89, 88, 100), [G, R, G]),  # "89 % eller mer"
        (">", 20, (20, 21, "20.01"), [R, G, G]),  # ">20"
        ("<", 4, (4, "3.99", 5), [R, G, R]),  # "<4 mån"
        ("<=", 16, (16, 17, 0), [G, R, G]),
        ("≤", 16, (16, 17, 0), [G, R, G]),
        ("==", 5, (5, 4, 6), [G, R, R]),  # "5"
        ("=", 100, (100, "99.9", 101), [G, R, R]),  # "100 %"
    ],
)
def test_comparators(comparator, target, values, expected):
    rule = TargetValue(comparator, target)
    assert [rule.assess(v).status for v in values] == expected


def test_unicode_comparators_are_the_ascii_ones():
    assert TargetValue("≥", 5) == TargetValue(">=", 5)
    assert hash(TargetValue("≤", 5)) == hash(TargetValue("<=", 5))
    assert TargetValue(" >= ", 5).comparator == ">="


@pytest.mark.parametrize(
    ("comparator", "values", "expected"),
    [
        (">=", (50, 49, 45, "44.9"), [G, Y, Y, R]),
        (">", (51, 50, 45, "44.9"), [G, Y, Y, R]),
        ("<=", (50, 51, 55, "55.1"), [G, Y, Y, R]),
        ("<", (49, 50, 55, "55.1"), [G, Y, Y, R]),
        ("==", (50, 45, 55, "55.1"), [G, Y, Y, R]),
    ],
)
def test_yellow_margin(comparator, values, expected):
    rule = TargetValue(comparator, 50, yellow_margin=5)
    results = [rule.assess(v) for v in values]
    assert [a.status for a in results] == expected
    assert [a.reason for a in results] == [
        {G: "met", Y: "within_margin", R: "not_met"}[s] for s in expected
    ]
    assert all(a.compared_with == 50 for a in results)
    assert all(a.threshold is rule for a in results)


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (("=>", 5), {}, "comparator"),
        ((">", None), {}, "target"),
        ((">", "x"), {}, "target"),
        ((">", 5), {"yellow_margin": 0}, "positive"),
        ((">", 5), {"yellow_margin": -1}, "positive"),
        ((">", 5), {"unit": "%"}, "unit"),
    ],
)
def test_invalid_fields_raise(args, kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        TargetValue(*args, **kwargs)


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_accepts_friendly_numbers(value, expected):
    rule = TargetValue(">=", value)
    assert rule.target == expected
    assert rule.assess(value).status is G
    assert rule.assess(value).value == expected


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
def test_rejects_non_numbers_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        TargetValue(">=", 5).assess(value)
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        TargetValue(">=", value)
    assert names_value(str(info.value), value)


def test_no_value():
    a = TargetValue(">=", 5).assess(None)
    assert (a.status, a.reason) == (NA, "no_value")
    assert a.explain() == "Inget utfall → Ej bedömd"


@pytest.mark.parametrize(
    ("rule", "value", "sv", "en"),
    [
        (
            TargetValue(">=", 50, unit=Unit.PERCENT, yellow_margin=5),
            52,
            "52\xa0% uppfyller målvärdet ≥ 50\xa0% → Grönt",
            "52% meets the target ≥ 50% → Green",
        ),
        (
            TargetValue(">=", 50, unit=Unit.PERCENT, yellow_margin=5),
            "47,5",
            "47,5\xa0% uppfyller inte målvärdet ≥ 50\xa0% men är inom marginalen → Gult",
            "47.5% misses the target ≥ 50% within the margin → Yellow",
        ),
        (
            TargetValue("<", 4, unit=Unit.MONTHS),
            5,
            "5\xa0mån uppfyller inte målvärdet < 4\xa0mån → Rött",
            "5\xa0months does not meet the target < 4\xa0months → Red",
        ),
        (
            TargetValue("==", 5),
            5,
            "5 uppfyller målvärdet 5 → Grönt",
            "5 meets the target 5 → Green",
        ),
    ],
)
def test_explain(rule, value, sv, en):
    a = rule.assess(value)
    assert a.explain() == sv
    assert a.explain("en") == en


@pytest.mark.parametrize(
    ("rule", "sv", "en"),
    [
        (
            TargetValue(">=", 50, unit=Unit.PERCENT, yellow_margin=5),
            "Grönt: ≥ 50\xa0%, Gult: minst 45\xa0% och mindre än 50\xa0%, Rött: mindre än 45\xa0%",
            "Green: ≥ 50%, Yellow: at least 45% and less than 50%, Red: less than 45%",
        ),
        (TargetValue(">", 20), "Grönt: > 20, Rött: högst 20", "Green: > 20, Red: at most 20"),
        (
            TargetValue("<", 4, unit=Unit.MONTHS),
            "Grönt: < 4\xa0mån, Rött: minst 4\xa0mån",
            "Green: < 4\xa0months, Red: at least 4\xa0months",
        ),
        (
            TargetValue("==", 5),
            "Grönt: 5, Rött: mindre än 5 eller mer än 5",
            "Green: 5, Red: less than 5 or more than 5",
        ),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "en") == en


@given(target_values())
def test_equality_hash_pickle_round_trip(rule):
    assert_copies_equal(rule)


@given(target_values(), st.data())
def test_total_and_never_in_a_gap(rule, data):
    assert not sm.lint(rule)
    value = data.draw(values_for(rule))
    assert rule.assess(value).status.is_colour


@given(target_values().filter(lambda r: r.comparator != "=="), st.data())
def test_monotone(rule, data):
    sign = 1 if rule.comparator in (">", ">=") else -1
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    ordered = sorted((sm._numbers.to_decimal(v) for v in values), key=lambda v: v * sign)
    statuses = [rule.assess(v).status for v in ordered]
    assert statuses == sorted(statuses)


@given(target_values())
def test_the_target_itself_is_green_exactly_when_the_comparator_includes_it(rule):
    inclusive = rule.comparator in (">=", "<=", "==")
    assert (rule.assess(rule.target).status is G) == inclusive
