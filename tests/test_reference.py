from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, assert_copies_equal, names_value
from styrmodell import CompareToReference, Context, Direction, Status, ThresholdError, Unit
from styrmodell.strategies import compare_to_references, contexts_for, decimals, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
RIKET = Context(references={"riket": 82})


def test_defaults():
    rule = CompareToReference()
    assert (rule.reference, rule.direction, rule.tolerance, rule.offset, rule.yellow) == (
        "riket",
        Direction.HIGHER_IS_BETTER,
        0,
        0,
        True,
    )


@pytest.mark.parametrize(
    ("value", "status", "reason"),
    [
        (84, G, "better"),
        ("83", Y, "same"),
        (82, Y, "same"),
        (81.0, Y, "same"),
        ("80,9", R, "worse"),
    ],
)
def test_tolerance_makes_som_riket(value, status, reason):
    rule = CompareToReference(unit=Unit.PERCENT, tolerance=1)
    a = rule.assess(value, RIKET)
    assert (a.status, a.reason) == (status, reason)
    assert a.compared_with == 82
    assert a.measured == a.value - 82


def test_without_tolerance_only_equal_is_yellow():
    rule = CompareToReference()
    assert [rule.assess(v, RIKET).status for v in ("82.01", 82, "81.99")] == [G, Y, R]


def test_lower_is_better():
    rule = CompareToReference(direction=Direction.LOWER_IS_BETTER, unit=Unit.SEK)
    assert [rule.assess(v, RIKET).status for v in (81, 82, 83)] == [G, Y, R]


def test_offset_expresses_percentage_points_under_riket():
    # "5 %-enheter under riket" for a measure where lower is better
    rule = CompareToReference(direction=Direction.LOWER_IS_BETTER, offset=-5, unit=Unit.PERCENT)
    a = rule.assess(76, RIKET)
    assert (a.status, a.compared_with, a.measured) == (G, 77, -1)
    assert rule.assess(77, RIKET).status is Y
    assert rule.assess("77.1", RIKET).status is R


def test_two_level_rule():
    # "Över medel i SKL:s öppna jämförelser": level counts as green
    rule = CompareToReference(reference="medel", yellow=False, tolerance="0.5")
    ctx = Context(references={"medel": 70})
    results = [rule.assess(v, ctx) for v in (71, "70.5", 70, "69.5", "69.4")]
    assert [a.status for a in results] == [G, G, G, G, R]
    assert [a.reason for a in results] == ["better", "same", "same", "same", "worse"]


def test_missing_reference_or_value_is_not_assessed():
    rule = CompareToReference(reference="liknande kommuner")
    for ctx in (Context(), RIKET, None):
        a = rule.assess(80, ctx)
        assert (a.status, a.reason, a.value) == (NA, "missing_reference", 80)
    a = rule.assess(None, RIKET)
    assert (a.status, a.reason) == (NA, "no_value")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"reference": ""}, "reference"),
        ({"reference": 0}, "reference"),
        ({"direction": "higher"}, "direction"),
        ({"tolerance": -1}, "tolerance"),
        ({"tolerance": "nan"}, "tolerance"),
        ({"offset": None}, "offset"),
        ({"yellow": 1}, "yellow"),
        ({"unit": "%"}, "unit"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises((ThresholdError, TypeError), match=match):
        CompareToReference(**kwargs)


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_accepts_friendly_numbers(value, expected):
    rule = CompareToReference(tolerance=value if expected >= 0 else 0, offset=value)
    assert rule.offset == expected
    assert rule.assess(value, Context(references={"riket": value})).value == expected


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
def test_rejects_non_numbers_naming_the_value(value):
    rule = CompareToReference()
    with pytest.raises(ThresholdError) as info:
        rule.assess(value, RIKET)
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        CompareToReference(offset=value)
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        Context(references={"riket": value})
    assert names_value(str(info.value), value)


@pytest.mark.parametrize(
    ("rule", "value", "ctx", "sv", "en"),
    [
        (
            CompareToReference(unit=Unit.PERCENT, tolerance=1),
            84,
            RIKET,
            "84\xa0% är bättre än riket (82\xa0%) → Grönt",
            "84% is better than riket (82%) → Green",
        ),
        (
            CompareToReference(unit=Unit.PERCENT, tolerance=1),
            "81,5",
            RIKET,
            "81,5\xa0% är som riket (82\xa0%) → Gult",
            "81.5% is level with riket (82%) → Yellow",
        ),
        (
            CompareToReference(unit=Unit.PERCENT),
            70,
            RIKET,
            "70\xa0% är sämre än riket (82\xa0%) → Rött",
            "70% is worse than riket (82%) → Red",
        ),
        (
            CompareToReference(direction=Direction.LOWER_IS_BETTER, offset=-5, unit=Unit.PERCENT),
            76,
            RIKET,
            "76\xa0% är bättre än 5\xa0%-enheter under riket (77\xa0%) → Grönt",
            "76% is better than 5\xa0percentage points below riket (77%) → Green",
        ),
        (
            CompareToReference(),
            80,
            Context(),
            "Referensvärde för riket saknas → Ej bedömd",
            "No reference value for riket → Not assessed",
        ),
        (
            CompareToReference(),
            None,
            RIKET,
            "Inget utfall → Ej bedömd",
            "No outcome → Not assessed",
        ),
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
            CompareToReference(),
            "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket",
            "Green: better than riket, Yellow: same as riket, Red: worse than riket",
        ),
        (
            CompareToReference(unit=Unit.PERCENT, tolerance=1),
            "Grönt: bättre än riket, Gult: som riket (±1\xa0%-enheter), Rött: sämre än riket",
            "Green: better than riket, Yellow: same as riket (±1\xa0percentage points), "
            "Red: worse than riket",
        ),
        (
            CompareToReference(reference="länet", offset=2, unit=Unit.PERCENT, yellow=False),
            "Grönt: minst i nivå med 2\xa0%-enheter över länet, "
            "Rött: sämre än 2\xa0%-enheter över länet",
            "Green: at least level with 2\xa0percentage points above länet, "
            "Red: worse than 2\xa0percentage points above länet",
        ),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "en") == en


@given(compare_to_references())
def test_equality_hash_pickle_round_trip(rule):
    assert_copies_equal(rule)


@given(compare_to_references(), st.data())
def test_monotone_in_the_value(rule, data):
    ctx = data.draw(contexts_for(rule))
    values = data.draw(st.lists(values_for(rule), min_size=2, max_size=6))
    ordered = sorted(
        (sm._numbers.to_decimal(v) for v in values), key=lambda v: v * rule.direction.sign
    )
    statuses = [rule.assess(v, ctx).status for v in ordered]
    assert statuses == sorted(statuses)


@given(
    compare_to_references(),
    decimals(min_value=-100, max_value=100),
    decimals(min_value=-20, max_value=20),
)
def test_status_follows_the_difference_from_the_level(rule, reference, diff):
    ctx = Context(references={rule.reference: reference})
    level = reference + rule.offset
    a = rule.assess(level + diff, ctx)
    better = diff * rule.direction.sign
    level_status = Y if rule.yellow else G
    expected = level_status if abs(diff) <= rule.tolerance else (G if better > 0 else R)
    assert a.status is expected
    assert a.compared_with == level


@given(compare_to_references(), st.data())
def test_never_raises_for_missing_context(rule, data):
    value = data.draw(values_for(rule))
    a = rule.assess(value, Context(references={"annan": 1}))
    assert (a.status, a.reason) == (NA, "missing_reference")
    assert a.explain()
