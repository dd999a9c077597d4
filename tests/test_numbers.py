from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, names_value
from styrmodell import LedgerError, StyrmodellError, ThresholdError
from styrmodell._numbers import optional_decimal, to_decimal
from styrmodell.strategies import decimals, numbers


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_to_decimal_accepts_friendly_numbers(value, expected):
    result = to_decimal(value)
    assert type(result) is Decimal
    assert result == expected


def test_floats_go_through_str():
    assert to_decimal(0.1) == Decimal("0.1")
    assert str(to_decimal(0.1)) == "0.1"
    assert to_decimal(1e-7) == Decimal("1E-7")


def test_a_decimal_comes_back_as_it_is():
    d = Decimal("2.50")
    assert to_decimal(d) is d


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=BAD_IDS)
def test_to_decimal_rejects_non_numbers_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        to_decimal(value, what="Bands.green lower bound")
    message = str(info.value)
    assert "Bands.green lower bound" in message
    assert names_value(message, value), message


def test_the_error_class_is_the_callers():
    with pytest.raises(LedgerError, match="budget"):
        to_decimal("x", what="budget", error=LedgerError)
    assert issubclass(ThresholdError, ValueError)
    assert issubclass(ThresholdError, StyrmodellError)


def test_optional_decimal_keeps_none():
    assert optional_decimal(None) is None
    assert optional_decimal("1,5") == Decimal("1.5")
    with pytest.raises(ThresholdError, match="True"):
        optional_decimal(True)


@given(decimals(places=4))
def test_round_trip_through_every_friendly_form(d):
    assert to_decimal(d) == d
    assert to_decimal(str(d)) == d
    assert to_decimal(str(d).replace(".", ",")) == d
    assert to_decimal(str(d).replace("-", "\u2212")) == d
    assert to_decimal(float(d)) == Decimal(str(float(d)))


@given(numbers())
def test_the_numbers_strategy_only_draws_accepted_input(value):
    assert to_decimal(value).is_finite()


@given(st.integers(min_value=-(10**24) + 1, max_value=10**24 - 1))
def test_ints_are_exact(n):
    assert to_decimal(n) == n


@given(st.integers(min_value=10**24, max_value=10**40), st.sampled_from([1, -1]))
def test_ints_beyond_the_limit_are_refused_naming_the_value(n, sign):
    with pytest.raises(ThresholdError, match="too large") as info:
        to_decimal(sign * n, what="x")
    assert str(info.value).startswith("x: ")
