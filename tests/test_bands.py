from __future__ import annotations

import copy
import pickle
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, bounds_of, names_value
from styrmodell import Bands, Direction, Interval, Status, ThresholdError, Unit
from styrmodell.strategies import bands, decimals, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED

PHONE = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
SICK = Bands(
    green="(-inf, 2.2)",
    yellow="[2.3, 2.9]",
    red="(3, inf)",
    unit=Unit.PERCENT,
    direction=Direction.LOWER_IS_BETTER,
    precision="0.1",
)


# -- construction ---------------------------------------------------------------------


def test_bands_accept_intervals_notation_sequences_and_unions():
    a = Bands(green=Interval.above(60), yellow=Interval.closed(40, 60), red=Interval.below(40))
    b = Bands(green="(60, inf)", yellow=["[40, 60]"], red=("(-inf, 40)",))
    assert a == b
    assert hash(a) == hash(b)
    union = Bands(green="[-0.5, 0.5]", red="(-inf, -0.5) | (0.5, inf)")
    assert union.red == (Interval.parse("(-inf, -0.5)"), Interval.parse("(0.5, inf)"))
    # intervals of a band are kept sorted
    assert Bands(red=["(2, inf)", "(-inf, -2)"]).red == Bands(red=["(-inf, -2)", "(2, inf)"]).red


def test_a_band_may_be_left_out():
    two = Bands(green="[50, inf)", red="(-inf, 50)")
    assert two.yellow == ()
    assert [s for s, _ in two.bands()] == [G, R]


def test_bad_notation_raises_a_parse_error_naming_the_band():
    with pytest.raises(sm.ParseError, match=r"^Bands.yellow: '40-60' is not an interval"):
        Bands(green="(60, inf)", yellow="40-60")


def test_no_band_at_all_raises():
    with pytest.raises(ThresholdError, match="at least one"):
        Bands()


def test_overlapping_bands_raise_naming_both_and_a_shared_value():
    with pytest.raises(ThresholdError) as info:
        Bands(green="[60, inf)", yellow="[40, 60]", red="(-inf, 40)")
    message = str(info.value)
    assert "green [60, inf)" in message
    assert "yellow [40, 60]" in message
    assert "60" in message.split("both contain")[1]


def test_overlapping_intervals_within_one_band_raise():
    with pytest.raises(ThresholdError, match=r"red: intervals \(-inf, 2\] and \[1, 5\] overlap"):
        Bands(red=["[1, 5]", "(-inf, 2]"])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"green": 5}, "green: expected an Interval"),
        ({"green": [5]}, "green: expected an Interval"),
        ({"green": "(60, 40)"}, "green"),
        ({"green": "[0, 1]", "unit": "%"}, "Bands.unit"),
        ({"green": "[0, 1]", "direction": "up"}, "direction"),
        ({"green": "[0, 1]", "precision": "0.2"}, "power of ten"),
        ({"green": "[0, 1]", "precision": 0}, "power of ten"),
        ({"green": "[0, 1]", "precision": -1}, "power of ten"),
        ({"green": "[0, 1]", "precision": "nan"}, "nan"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        Bands(**kwargs)


def test_enums_are_read_from_member_value_or_name_as_everywhere():
    by_text = Bands(green="[0, 1]", unit="percent", direction="HIGHER_IS_BETTER")
    assert by_text == Bands(green="[0, 1]", unit=Unit.PERCENT, direction=Direction.HIGHER_IS_BETTER)
    with pytest.raises(ThresholdError, match=r"Bands.unit: .*did you mean 'percent'"):
        Bands(green="[0, 1]", unit="procent")


@pytest.mark.parametrize(("given_", "expected"), [("0.10", "0.1"), (1, "1"), ("10", "1E+1")])
def test_precision_is_normalised(given_, expected):
    assert Bands(green="[0, 1]", precision=given_).precision == Decimal(expected)
    assert Bands(green="[0, 1]", precision=given_) == Bands(green="[0, 1]", precision=expected)


def test_named_constructors():
    hib = Bands.higher_is_better(50, 40, unit=Unit.PERCENT)
    assert hib == Bands(
        green="[50, inf)",
        yellow="[40, 50)",
        red="(-inf, 40)",
        unit=Unit.PERCENT,
        direction=Direction.HIGHER_IS_BETTER,
    )
    assert Bands.higher_is_better(50).classify([50, 49.99]) == [G, R]
    lib = Bands.lower_is_better(30, 40, precision=1)
    assert lib.classify([30, "30,4", "30,5", 40, 41]) == [G, G, Y, Y, R]
    assert Bands.lower_is_better("2.2").classify([2.2, 2.21]) == [G, R]
    with pytest.raises(ThresholdError, match="below green"):
        Bands.higher_is_better(40, 50)
    with pytest.raises(ThresholdError, match="above green"):
        Bands.lower_is_better(40, 30)
    with pytest.raises(ThresholdError, match="higher_is_better green"):
        Bands.higher_is_better(None)


def test_plus_minus_mirrors_the_plus_side():
    rule = Bands.plus_minus("[0, 0.5]", "(0.5, 2]", "(2, inf)", unit=Unit.PERCENT)
    assert rule.green == (Interval.closed("-0.5", "0.5"),)
    assert rule.yellow == (
        Interval("-2", "-0.5", lower_closed=True),
        Interval("0.5", 2, upper_closed=True),
    )
    assert rule.red == (Interval.below(-2), Interval.above(2))
    assert rule.classify([0, "0.5", "-0.5", "0.51", "-0.51", 2, -2, "2.01", "-2.01"]) == [
        G, G, G, Y, Y, Y, Y, R, R
    ]  # fmt: skip
    around = Bands.plus_minus("[100, 101)", "[101, inf)", center=100)
    assert around.classify([100, "99.5", "100.99", "99.01", 101, 99, 0]) == [G, G, G, G, Y, Y, Y]
    with pytest.raises(ThresholdError, match="below the center"):
        Bands.plus_minus("[-1, 1]")


# -- assess ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [(61, G), (60, Y), ("60.01", G), (40, Y), ("39,99", R), (-5, R), (10**9, G), (0.1, R)],
)
def test_assess_on_and_around_the_bounds(value, status):
    a = PHONE.assess(value)
    assert a.status is status
    assert a.reason == "band"
    assert a.threshold is PHONE
    assert a.value == sm._numbers.to_decimal(value)
    assert a.measured == a.value
    assert a.interval is not None
    assert a.value in a.interval


def test_assess_value_is_decimal_even_from_float():
    assert PHONE.assess(0.1).value == Decimal("0.1")
    assert str(PHONE.assess(0.1).value) == "0.1"


def test_assess_with_precision_rounds_half_up():
    a = SICK.assess("2.25")
    assert (a.status, a.value, a.measured) == (Y, Decimal("2.25"), Decimal("2.3"))
    assert SICK.assess("2.24").status is NA
    assert SICK.assess("2.14").status is G
    assert SICK.assess("2.95").status is NA
    assert SICK.assess("3.05").status is R


def test_a_value_in_a_gap_is_not_assessed_with_reason_gap():
    a = SICK.assess("2.2")
    assert (a.status, a.reason, a.interval) == (NA, "gap", None)
    assert a.measured == Decimal("2.2")


def test_no_value_is_not_assessed():
    a = PHONE.assess(None)
    assert (a.status, a.reason, a.value) == (NA, "no_value", None)
    assert a.explain() == "Inget utfall → Ej bedömd"
    assert a.explain("en") == "No outcome → Not assessed"


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_assess_and_classify_accept_friendly_numbers(value, expected):
    rule = Bands(green="[0, inf)", red="(-inf, 0)")
    assert rule.assess(value).value == expected
    assert rule.classify([value]) == [rule.assess(expected).status]


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
@pytest.mark.parametrize("rule", [PHONE, SICK], ids=["plain", "precision"])
def test_assess_rejects_non_numbers_naming_the_value(rule, value):
    with pytest.raises(ThresholdError) as info:
        rule.assess(value)
    assert names_value(str(info.value), value), str(info.value)


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=BAD_IDS)
@pytest.mark.parametrize("rule", [PHONE, SICK], ids=["plain", "precision"])
def test_classify_rejects_non_numbers_naming_the_value(rule, value):
    with pytest.raises(ThresholdError) as info:
        rule.classify([50, value])
    assert names_value(str(info.value), value), str(info.value)


def test_assess_rejects_a_context_that_is_not_one():
    with pytest.raises(ThresholdError, match="Context"):
        PHONE.assess(50, {"year": 2019})  # type: ignore[arg-type]
    assert PHONE.assess(50, sm.Context(year=2019)).status is Y


@pytest.mark.parametrize("infinite", [Decimal("Infinity"), Decimal("-Infinity")])
def test_infinity_is_named_as_not_finite_even_when_rounding(infinite):
    for call in (SICK.classify, lambda v: SICK.assess(v[0])):
        with pytest.raises(ThresholdError, match="expected a finite number") as info:
            call([infinite])
        assert repr(infinite) in str(info.value)


def test_classify_takes_any_iterable():
    assert PHONE.classify(iter([61, 50, 12])) == [G, Y, R]
    assert PHONE.classify(v for v in ["61", "50,0"]) == [G, Y]
    assert PHONE.classify([]) == []
    assert SICK.classify(["2.2", "2.1", "3.0", "3.1"]) == [NA, G, NA, R]


# -- text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "value", "sv", "en"),
    [
        (PHONE, 61, "61\xa0% är mer än 60\xa0% → Grönt", "61% is more than 60% → Green"),
        (
            PHONE,
            60,
            "60\xa0% är mellan 40 och 60\xa0% → Gult",
            "60% is between 40 and 60% → Yellow",
        ),
        (PHONE, "39.9", "39,9\xa0% är mindre än 40\xa0% → Rött", "39.9% is less than 40% → Red"),
        (
            SICK,
            "2.25",
            "2,25\xa0% (avrundat 2,3\xa0%) är mellan 2,3 och 2,9\xa0% → Gult",
            "2.25% (rounded 2.3%) is between 2.3 and 2.9% → Yellow",
        ),
        (
            SICK,
            "2.95",
            "2,95\xa0% (avrundat 3,0\xa0%) faller mellan målvärdets intervall → Ej bedömd",
            "2.95% (rounded 3.0%) falls between the target's bands → Not assessed",
        ),
        (
            SICK,
            "2.2",
            "2,2\xa0% faller mellan målvärdets intervall → Ej bedömd",
            "2.2% falls between the target's bands → Not assessed",
        ),
        (
            Bands(green="[16, 16]", red="(-inf, 16) | (16, inf)"),
            16,
            "16 är lika med 16 → Grönt",
            "16 is equal to 16 → Green",
        ),
        (
            Bands.lower_is_better(-1, unit=Unit.TKR),
            -2500,
            "\u22122\xa0500\xa0tkr är högst \u22121\xa0tkr → Grönt",
            "-2,500\xa0kSEK is at most -1\xa0kSEK → Green",
        ),
    ],
)
def test_explain(rule, value, sv, en):
    a = rule.assess(value)
    assert a.explain() == sv
    assert a.explain("sv_SE") == sv
    assert a.explain("en") == en


@pytest.mark.parametrize(
    ("rule", "sv", "en"),
    [
        (
            PHONE,
            "Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%",
            "Green: more than 60%, Yellow: 40–60%, Red: less than 40%",
        ),
        (
            SICK,
            "Grönt: mindre än 2,2\xa0%, Gult: 2,3–2,9\xa0%, Rött: mer än 3\xa0% "
            "(värden avrundas till 0,1)",
            "Green: less than 2.2%, Yellow: 2.3–2.9%, Red: more than 3% "
            "(values are rounded to 0.1)",
        ),
        (
            Bands.lower_is_better(30, 40),
            "Grönt: högst 30, Gult: mer än 30 och högst 40, Rött: mer än 40",
            "Green: at most 30, Yellow: more than 30 and at most 40, Red: more than 40",
        ),
        (
            Bands.plus_minus("[0, 0.5]", "(0.5, 2]", "(2, inf)", unit=Unit.PERCENT),
            "Grönt: \u22120,5 – 0,5\xa0%, Gult: minst \u22122\xa0% och mindre än \u22120,5\xa0% "
            "eller mer än 0,5\xa0% och högst 2\xa0%, "
            "Rött: mindre än \u22122\xa0% eller mer än 2\xa0%",
            "Green: -0.5 – 0.5%, Yellow: at least -2% and less than -0.5% or more than 0.5% "
            "and at most 2%, Red: less than -2% or more than 2%",
        ),
        (Bands(green="(-inf, inf)"), "Grönt: alla värden", "Green: any value"),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "sv_SE") == sv
    assert sm.describe(rule, "en") == en


# -- value semantics ------------------------------------------------------------------


@given(bands())
def test_equality_hash_pickle_and_copy_round_trip(rule):
    for copied in (
        pickle.loads(pickle.dumps(rule)),
        copy.deepcopy(rule),
        copy.copy(rule),
        attrs.evolve(rule),
    ):
        assert copied == rule
        assert hash(copied) == hash(rule)
        probe = [*bounds_of(rule), Decimal("-1e6"), Decimal("1e6")]
        assert copied.classify(probe) == rule.classify(probe)


@pytest.mark.parametrize("infinite", [Decimal("Infinity"), Decimal("-Infinity")])
def test_an_unpickled_rule_still_rejects_infinity(infinite):
    for copied in (pickle.loads(pickle.dumps(PHONE)), copy.deepcopy(PHONE)):
        with pytest.raises(ThresholdError, match="finite"):
            copied.classify([infinite])
        with pytest.raises(ThresholdError, match="Infinity"):
            copied.assess(infinite)


def test_rules_are_frozen_and_evolve():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        PHONE.unit = Unit.COUNT  # type: ignore[misc]
    counted = attrs.evolve(PHONE, unit=Unit.COUNT)
    assert counted != PHONE
    assert sm.describe(counted) == "Grönt: mer än 60, Gult: 40–60, Rött: mindre än 40"
    with pytest.raises(ThresholdError, match="overlap"):
        attrs.evolve(PHONE, red="(-inf, 40]")


def test_threshold_protocol():
    assert isinstance(PHONE, sm.Threshold)


# -- properties -----------------------------------------------------------------------


def _containing(rule: Bands, v: Decimal) -> list[Status]:
    return [s for s, ivs in rule.bands() for iv in ivs if v in iv]


@given(bands(gaps=True), st.data())
def test_totality_every_value_gets_exactly_one_status_or_lint_reports_the_gap(rule, data):
    value = data.draw(values_for(rule))
    a = rule.assess(value)
    measured = a.measured
    assert measured is not None
    owners = _containing(rule, measured)
    assert len(owners) <= 1
    if owners:
        assert a.status is owners[0]
        assert a.reason == "band"
        assert measured in a.interval
    else:
        assert (a.status, a.reason) == (NA, "gap")
        gaps = [f for f in sm.lint(rule) if f.kind == "gap"]
        assert any(measured in f.interval for f in gaps)
        reporting = [f for f in gaps if measured in f.interval]
        assert all(f.severity == "error" for f in reporting)


@given(bands(gaps=False), st.data())
def test_without_gaps_every_value_gets_a_colour(rule, data):
    assert not [f for f in sm.lint(rule) if f.kind == "gap" and f.severity == "error"]
    value = data.draw(values_for(rule) | decimals(min_value=-(10**6), max_value=10**6, places=3))
    assert rule.assess(value).status.is_colour


@given(
    st.sampled_from(Direction).flatmap(
        lambda d: st.tuples(st.just(d), bands(direction=d, gaps=True))
    ),
    st.lists(decimals(min_value=-300, max_value=300), min_size=2, max_size=8),
)
def test_monotone_along_the_declared_direction(direction_rule, values):
    direction, rule = direction_rule
    assert rule.direction is direction
    assert not [f for f in sm.lint(rule) if f.kind == "order"]
    ordered = sorted(values, key=lambda v: v * direction.sign)  # worst first
    statuses = [s for s in rule.classify(ordered) if s.is_colour]
    assert statuses == sorted(statuses)


@given(bands(precision=None, gaps=True))
def test_boundaries_are_inclusive_exactly_as_declared(rule):
    for status, ivs in rule.bands():
        for iv in ivs:
            if iv.lower is not None:
                got = rule.assess(iv.lower).status
                assert (got is status) == iv.lower_closed
            if iv.upper is not None:
                got = rule.assess(iv.upper).status
                assert (got is status) == iv.upper_closed


@st.composite
def plus_sides(draw):
    """Bands given for the plus side: [0, c1] / (c1, c2] / ... / (ck, inf) with statuses."""
    center = draw(decimals(min_value=-100, max_value=100, places=1))
    offsets = draw(st.sets(decimals(min_value=0, max_value=50, places=1).filter(bool), max_size=3))
    cuts = sorted(center + o for o in offsets)
    pieces: list[Interval] = []
    lower, closed = center, True
    for c in cuts:
        upper_closed = draw(st.booleans())
        pieces.append(Interval(lower, c, lower_closed=closed, upper_closed=upper_closed))
        lower, closed = c, not upper_closed
    pieces.append(Interval(lower, None, lower_closed=closed))
    by_status: dict[Status, list[Interval]] = {}
    for iv in pieces:
        by_status.setdefault(draw(st.sampled_from([G, Y, R])), []).append(iv)
    return center, by_status


@given(plus_sides(), decimals(min_value=0, max_value=60, places=2))
def test_plus_minus_is_symmetric(side, x):
    center, by_status = side
    rule = Bands.plus_minus(
        by_status.get(G), by_status.get(Y), by_status.get(R), center=center, unit=Unit.PERCENT
    )
    up, down = rule.assess(center + x), rule.assess(center - x)
    assert up.status is down.status
    assert up.status.is_colour
    # the plus side is exactly what was given
    assert [s for s, ivs in by_status.items() if any(center + x in iv for iv in ivs)] == [up.status]


@given(
    bands(precision=Decimal("0.1"), gaps=True),
    decimals(min_value=-300, max_value=300, places=1),
    st.integers(-50, 49),
)
def test_precision_invariance(rule, reported, hundredths):
    value = reported + Decimal(hundredths) / 1000 * 1  # within ±0.05 of the reported value
    rounded = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    assume(rounded == reported)
    assert rule.assess(value).status is rule.assess(reported).status
    assert rule.assess(value).measured == reported
    assert rule.classify([value, reported])[0] is rule.classify([reported])[0]


@given(bands(precision=Decimal(1), gaps=True), decimals(min_value=-300, max_value=300, places=3))
def test_precision_one_rounds_to_whole_numbers(rule, value):
    whole = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert rule.assess(value).status is rule.assess(whole).status


@given(bands(gaps=True), st.data())
def test_classify_equals_assess(rule, data):
    values = data.draw(st.lists(values_for(rule), max_size=20))
    assert rule.classify(values) == [rule.assess(v).status for v in values]
    assert rule.classify(tuple(values)) == rule.classify(iter(values))
