from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from styrmodell import Interval, Status, Unit
from styrmodell._thresholds import _text

P = Unit.PERCENT


@pytest.mark.parametrize(
    ("value", "unit", "locale", "places", "expected"),
    [
        (Decimal(60), P, "sv", None, "60\xa0%"),
        (Decimal("-4.1"), P, "sv", None, "\u22124,1\xa0%"),
        (Decimal("-4.1"), P, "en", None, "-4.1%"),
        (16, None, "sv", None, "16"),
        (Decimal(3), P, "sv", 1, "3,0\xa0%"),
        (Decimal("2.25"), None, "sv", 1, "2,3"),
        (Decimal(12000), Unit.TKR, "sv", None, "12\xa0000\xa0tkr"),
    ],
)
def test_number(value, unit, locale, places, expected):
    assert _text.number(value, unit, locale, places=places) == expected


@pytest.mark.parametrize(("precision", "places"), [("0.1", 1), ("0.01", 2), ("1", 0), ("1E+1", 0)])
def test_places_of(precision, places):
    assert _text.places_of(Decimal(precision)) == places


@pytest.mark.parametrize(
    ("notation", "unit", "sv", "sv_predicate", "en_predicate"),
    [
        ("(60, inf)", P, "mer än 60\xa0%", "mer än 60\xa0%", "more than 60%"),
        ("[50, inf)", P, "minst 50\xa0%", "minst 50\xa0%", "at least 50%"),
        ("(-inf, 40)", P, "mindre än 40\xa0%", "mindre än 40\xa0%", "less than 40%"),
        ("(-inf, 30]", None, "högst 30", "högst 30", "at most 30"),
        ("[40, 60]", P, "40–60\xa0%", "mellan 40 och 60\xa0%", "between 40 and 60%"),
        ("[31, 40]", None, "31–40", "mellan 31 och 40", "between 31 and 40"),
        (
            "[-9.4, -0.1]",
            P,
            "\u22129,4 – \u22120,1\xa0%",
            "mellan \u22129,4 och \u22120,1\xa0%",
            "between -9.4 and -0.1%",
        ),
        (
            "[-2, 2]",
            Unit.TKR,
            "\u22122 – 2\xa0tkr",
            "mellan \u22122 och 2\xa0tkr",
            "between -2 and 2\xa0kSEK",
        ),
        ("[16, 16]", None, "16", "lika med 16", "equal to 16"),
        ("[100, 100]", P, "100\xa0%", "lika med 100\xa0%", "equal to 100%"),
        (
            "(30, 40]",
            None,
            "mer än 30 och högst 40",
            "mer än 30 och högst 40",
            "more than 30 and at most 40",
        ),
        (
            "[45, 50)",
            P,
            "minst 45\xa0% och mindre än 50\xa0%",
            "minst 45\xa0% och mindre än 50\xa0%",
            "at least 45% and less than 50%",
        ),
        ("(-inf, inf)", P, "alla värden", "alla värden", "any value"),
    ],
)
def test_interval_text(notation, unit, sv, sv_predicate, en_predicate):
    iv = Interval.parse(notation)
    assert _text.interval_text(iv, unit, "sv") == sv
    assert _text.interval_text(iv, unit, "sv", predicate=True) == sv_predicate
    assert _text.interval_text(iv, unit, "en", predicate=True) == en_predicate


def test_band_text_joins_a_union_with_or():
    band = (Interval.below(-2), Interval.above(2))
    assert _text.band_text(band, P, "sv") == "mindre än \u22122\xa0% eller mer än 2\xa0%"
    assert _text.band_text(band, P, "en") == "less than -2% or more than 2%"
    assert _text.band_text((), P, "sv") == ""


def test_rule_text_and_verdict():
    parts = [(Status.GREEN, "mer än 60\xa0%"), (Status.RED, "mindre än 40\xa0%")]
    assert _text.rule_text(parts, "sv") == "Grönt: mer än 60\xa0%, Rött: mindre än 40\xa0%"
    assert _text.rule_text(parts, "en") == "Green: mer än 60\xa0%, Red: mindre än 40\xa0%"
    assert _text.verdict("61\xa0% är mer än 60\xa0%", Status.GREEN, "sv") == (
        "61\xa0% är mer än 60\xa0% → Grönt"
    )
    assert _text.verdict("x", Status.NOT_ASSESSED, "en") == "x → Not assessed"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("sv", "31 december 2019"), ("en", "December 31, 2019"), ("en_GB", "31 December 2019")],
)
def test_date_text(locale, expected):
    assert _text.date_text(dt.date(2019, 12, 31), locale) == expected


def test_precision_text():
    assert _text.precision_text(Decimal("0.1"), "sv") == "värden avrundas till 0,1"
    assert _text.precision_text(Decimal(1), "en") == "values are rounded to 1"


def test_words_follow_the_locale_through_the_catalogs():
    iv = Interval.parse("(60, inf)")
    assert _text.interval_text(iv, P, "sv_FI") == _text.interval_text(iv, P, "sv")
    # A locale without a catalog of its own gets English words with its own numbers.
    assert _text.interval_text(Interval.parse("(2.5, inf)"), None, "de") == "more than 2,5"


def test_no_locale_branches_or_word_tables_remain_in_the_thresholds_modules():
    import inspect

    from styrmodell import _intervals, _status, _units
    from styrmodell._thresholds import (
        _bands,
        _base,
        _budget,
        _change,
        _duration,
        _finding,
        _lint,
        _milestone,
        _reference,
        _target,
    )

    modules = (_intervals, _status, _units, _text, _bands, _base, _budget, _change, _duration)
    for module in (*modules, _finding, _lint, _milestone, _reference, _target):
        source = inspect.getsource(module)
        assert "language(" not in source, module.__name__
        assert '"sv"' not in source.replace('locale: str = "sv"', ""), module.__name__


def test_phrases_word_themselves_in_each_locale():
    span = _text.Span(Interval.parse("[2.2, 2.3)"), P)
    assert span.words("sv") == "från 2,2\xa0% till under 2,3\xa0%"
    assert span.words("en") == "from 2.2% to less than 2.3%"
    listing = _text.Listing((Decimal("0.9"), Decimal("1.0")), None, 1, "below")
    assert listing.words("sv") == "… 0,9, 1,0"
    assert _text.Quantity(Decimal("2.25"), P, 1).words("sv") == "2,3\xa0%"
    walk = _text.Walk(((Status.GREEN, (Interval.below(5),)),), None)
    assert walk.words("en") == "Green (less than 5)"
    assert _text.phrase(Status.RED, "sv") == "Rött"
    assert _text.phrase(Decimal(3), "sv") == Decimal(3)
