from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, names_value
from styrmodell import Direction, ThresholdError, Unit
from styrmodell.strategies import numbers


def test_direction_sign_and_opposite():
    assert Direction.HIGHER_IS_BETTER.sign == 1
    assert Direction.LOWER_IS_BETTER.sign == -1
    for d in Direction:
        assert d.opposite.opposite is d
        assert d.opposite is not d


def test_the_required_units_exist():
    names = {u.name for u in Unit}
    assert {
        "PERCENT",
        "PERCENTAGE_POINTS",
        "COUNT",
        "SEK",
        "TKR",
        "DAYS",
        "MONTHS",
        "INDEX",
        "RATIO",
    } <= names


@pytest.mark.parametrize(
    ("unit", "value", "sv", "en"),
    [
        (Unit.PERCENT, Decimal("91.74"), "91,74\xa0%", "91.74%"),
        (Unit.PERCENT, "-4,1", "\u22124,1\xa0%", "-4.1%"),
        (Unit.PERCENTAGE_POINTS, 5, "5\xa0%-enheter", "5\xa0percentage points"),
        (Unit.COUNT, 16, "16", "16"),
        (Unit.SEK, 12500, "12\xa0500\xa0kr", "12,500\xa0SEK"),
        (Unit.TKR, -333088, "\u2212333\xa0088\xa0tkr", "-333,088\xa0kSEK"),
        (Unit.DAYS, 14, "14\xa0dagar", "14\xa0days"),
        (Unit.MONTHS, 3, "3\xa0mån", "3\xa0months"),
        (Unit.INDEX, 0.8, "0,8", "0.8"),
        (Unit.RATIO, Decimal("1.25"), "1,25", "1.25"),
    ],
)
def test_format(unit, value, sv, en):
    assert unit.format(value) == sv
    assert unit.format(value, "sv_SE") == sv
    assert unit.format(value, locale="en") == en


def test_format_with_fixed_places():
    assert Unit.PERCENT.format(Decimal("2.2"), places=1) == "2,2\xa0%"
    assert Unit.PERCENT.format(3, places=1) == "3,0\xa0%"
    assert Unit.TKR.format(Decimal("1234.567"), places=0) == "1\xa0235\xa0tkr"


def test_percent_spacing_follows_the_locale():
    assert Unit.PERCENT.format(5, "de") == "5\xa0%"
    assert Unit.PERCENT.format(5, "en_US") == "5%"


@pytest.mark.parametrize(
    ("unit", "sv", "en"),
    [
        (Unit.PERCENT, "%", "%"),
        (Unit.TKR, "tkr", "kSEK"),
        (Unit.COUNT, "", ""),
        (Unit.INDEX, "", ""),
    ],
)
def test_suffix(unit, sv, en):
    assert unit.suffix() == sv
    assert unit.suffix("en") == en


def test_is_money():
    assert {u for u in Unit if u.is_money} == {Unit.SEK, Unit.TKR}


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
def test_format_accepts_friendly_numbers(value, expected):
    assert Unit.COUNT.format(value, "en") == Unit.COUNT.format(expected, "en")


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=BAD_IDS)
def test_format_rejects_non_numbers(value):
    with pytest.raises(ThresholdError) as info:
        Unit.PERCENT.format(value)
    assert names_value(str(info.value), value)


@given(numbers())
def test_format_never_uses_ascii_space_or_hyphen_in_swedish(value):
    text = Unit.TKR.format(value)
    assert " " not in text
    assert "-" not in text
    assert text.endswith("\xa0tkr")
