from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from styrmodell import StyrmodellError
from styrmodell._locale import format_number, language, parse_locale
from styrmodell.strategies import decimals


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("sv", "sv"), ("sv_SE", "sv"), ("sv-FI", "sv"), ("en", "en"), ("en_GB", "en"), ("de", "en")],
)
def test_language_of_the_librarys_sentences(locale, expected):
    assert language(locale) == expected


@pytest.mark.parametrize("locale", ["", "xx_YY_ZZ", "not a locale", None, 5])
def test_unknown_locales_raise_naming_the_locale(locale):
    with pytest.raises(StyrmodellError) as info:
        parse_locale(locale)
    assert repr(locale) in str(info.value)


@pytest.mark.parametrize(
    ("value", "locale", "places", "expected"),
    [
        (Decimal("91.74"), "sv", None, "91,74"),
        (Decimal("91.74"), "en", None, "91.74"),
        (-333088, "sv", None, "\u2212333\xa0088"),
        (-333088, "en", None, "-333,088"),
        (Decimal("1234567.5"), "sv", None, "1\xa0234\xa0567,5"),
        (Decimal("2.2"), "sv", 2, "2,20"),
        (Decimal("2.25"), "sv", 1, "2,3"),
        (Decimal("0.1"), "sv", 0, "0"),
        (7, "sv", 1, "7,0"),
        (Decimal("-4.1"), "sv", 1, "\u22124,1"),
        (Decimal("91.74"), "de", None, "91,74"),
    ],
)
def test_format_number(value, locale, places, expected):
    assert format_number(value, locale, places=places) == expected


@pytest.mark.parametrize("zero", [Decimal("-0"), Decimal("-0.0"), Decimal("0.00")])
def test_zero_is_never_written_with_a_minus_sign(zero):
    assert "\u2212" not in format_number(zero, "sv")
    assert "-" not in format_number(zero, "en")
    assert format_number(zero, "sv", places=1) == "0,0"


@given(decimals(min_value=-(10**6), max_value=10**6, places=3))
def test_swedish_output_uses_nbsp_and_minus_sign(d):
    text = format_number(d, "sv")
    assert "-" not in text
    assert " " not in text
    assert text.startswith("\u2212") == (d < 0)
    back = text.replace("\xa0", "").replace("\u2212", "-").replace(",", ".")
    assert Decimal(back) == d
