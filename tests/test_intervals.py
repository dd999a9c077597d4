from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, names_value
from styrmodell import Interval, ParseError, ThresholdError
from styrmodell.strategies import decimals, intervals


@pytest.mark.parametrize(
    ("text", "lower", "upper", "lower_closed", "upper_closed"),
    [
        ("[40, 60]", Decimal(40), Decimal(60), True, True),
        ("(60, inf)", Decimal(60), None, False, False),
        ("(-inf, 40)", None, Decimal(40), False, False),
        ("[100, 100]", Decimal(100), Decimal(100), True, True),
        ("(-inf, 30]", None, Decimal(30), False, True),
        ("[2.3, 2.9)", Decimal("2.3"), Decimal("2.9"), True, False),
        ("(-9.4; -0.1]", Decimal("-9.4"), Decimal("-0.1"), False, True),
        ("  ( -∞ , ∞ )  ", None, None, False, False),
        ("(−inf, −4.1)", None, Decimal("-4.1"), False, False),
        ("[1E+3, +inf)", Decimal(1000), None, True, False),
    ],
)
def test_parse(text, lower, upper, lower_closed, upper_closed):
    iv = Interval.parse(text)
    assert (iv.lower, iv.upper, iv.lower_closed, iv.upper_closed) == (
        lower,
        upper,
        lower_closed,
        upper_closed,
    )


@pytest.mark.parametrize(
    "text", ["[40, 60]", "(60, inf)", "(-inf, 40)", "[100, 100]", "(-inf, inf)", "[-2.5, 0)"]
)
def test_str_gives_the_notation_back(text):
    assert str(Interval.parse(text)) == text
    assert repr(Interval.parse(text)) == f"Interval.parse({text!r})"


@pytest.mark.parametrize("text", ["40-60", "[40, 60", "40, 60]", "[a, b]", "[1, 2, 3]", "", "[,]"])
def test_parse_rejects_text_that_is_not_notation(text):
    with pytest.raises(ParseError) as info:
        Interval.parse(text)
    assert repr(text) in str(info.value)


def test_parse_rejects_non_strings():
    with pytest.raises(ParseError, match="40"):
        Interval.parse(40)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("(60, 40)", "above upper bound"),
        ("[5, 5)", "empty"),
        ("(5, 5)", "empty"),
        ("[-inf, 5]", "cannot be closed"),
        ("[5, inf]", "cannot be closed"),
        ("(inf, 5)", "wrong end"),
        ("(5, -inf)", "wrong end"),
    ],
)
def test_empty_or_reversed_intervals_raise_threshold_error(text, why):
    with pytest.raises(ThresholdError, match=why) as info:
        Interval.parse(text)
    assert not isinstance(info.value, ParseError) or why == "wrong end"


def test_parse_error_and_threshold_error_are_both_value_errors():
    assert issubclass(ParseError, ValueError)
    with pytest.raises(ValueError, match="above"):
        Interval(3, 1)


def test_named_constructors():
    assert Interval.closed(40, 60) == Interval.parse("[40, 60]")
    assert Interval.open(40, 60) == Interval.parse("(40, 60)")
    assert Interval.above(60) == Interval.parse("(60, inf)")
    assert Interval.at_least("5") == Interval.parse("[5, inf)")
    assert Interval.below(2.2) == Interval.parse("(-inf, 2.2)")
    assert Interval.at_most(30) == Interval.parse("(-inf, 30]")
    assert Interval.point(16) == Interval.parse("[16, 16]")
    assert Interval.everything() == Interval.parse("(-inf, inf)")
    with pytest.raises(ThresholdError, match="None"):
        Interval.point(None)


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_bounds_and_membership_accept_friendly_numbers(value, expected):
    iv = Interval.closed(value, value)
    assert iv.lower == expected
    assert iv.upper == expected
    assert value in iv
    assert expected in iv


@pytest.mark.parametrize(
    "value", [v for v in BAD_NUMBERS if v is not None], ids=BAD_IDS[:10] + BAD_IDS[11:]
)
def test_bad_bounds_and_members_raise_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        Interval(value, None)
    assert names_value(str(info.value), value)
    with pytest.raises(ThresholdError) as info:
        _ = value in Interval.everything()
    assert names_value(str(info.value), value)


def test_none_as_a_member_raises():
    with pytest.raises(ThresholdError, match="None"):
        _ = None in Interval.everything()


def test_closedness_must_be_bool():
    with pytest.raises(ThresholdError, match="lower_closed"):
        Interval(1, 2, lower_closed=1)  # type: ignore[arg-type]


def test_membership_at_the_ends():
    iv = Interval.parse("[40, 60)")
    assert 40 in iv
    assert 59.99 in iv
    assert 60 not in iv
    assert "39,9" not in iv
    assert 10**9 in Interval.above(0)
    assert -(10**9) not in Interval.above(0)


def test_queries():
    assert Interval.point(3).is_point
    assert not Interval.closed(3, 4).is_point
    assert Interval.closed(3, 4).is_bounded
    assert not Interval.above(3).is_bounded
    assert Interval.parse("[40, 60]").intersection(Interval.parse("(60, inf)")) is None
    assert Interval.parse("[40, 60]").intersection(Interval.parse("[60, inf)")) == Interval.point(
        60
    )
    assert Interval.below(5).intersection(Interval.above(1)) == Interval.open(1, 5)


@given(intervals())
def test_parse_of_str_is_the_interval(iv):
    assert Interval.parse(str(iv)) == iv
    assert Interval.coerce(str(iv)) == iv
    assert Interval.coerce(iv) is iv


@given(intervals())
def test_equality_hash_and_pickle(iv):
    for copied in (pickle.loads(pickle.dumps(iv)), copy.deepcopy(iv), Interval.parse(str(iv))):
        assert copied == iv
        assert hash(copied) == hash(iv)


@given(intervals())
def test_sample_lies_inside(iv):
    assert iv.sample() in iv


@given(intervals(), intervals(), decimals())
def test_intersection_is_exactly_the_shared_values(a, b, v):
    shared = a.intersection(b)
    in_both = v in a and v in b
    if shared is None:
        assert not in_both
    else:
        assert (v in shared) == in_both
        assert shared.sample() in a
        assert shared.sample() in b
    assert a.intersection(b) == b.intersection(a)


@given(intervals(), decimals())
def test_bounds_belong_to_the_interval_exactly_when_closed(iv, v):
    if iv.lower is not None:
        assert (iv.lower in iv) == iv.lower_closed
    if iv.upper is not None:
        assert (iv.upper in iv) == iv.upper_closed


def test_coerce_rejects_other_things():
    with pytest.raises(ThresholdError, match="42"):
        Interval.coerce(42)  # type: ignore[arg-type]


@given(st.builds(Interval.closed, decimals(max_value=0), decimals(min_value=0)))
def test_float_bounds_stay_decimal(iv):
    assert isinstance(iv.lower, Decimal)
    assert Interval.closed(0.1, 0.3).lower == Decimal("0.1")
