"""The first two steps of reading a målvärde: cleaning the text, and cutting it into lexemes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NoReturn

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell._parse._normalise import normalise
from styrmodell._parse._tokens import Kind, Lexeme, lex, tokenize
from styrmodell._parse._words import TABLES, UNIT_OF_MEMBER, UNITS, Role
from styrmodell._units import Unit


class LexError(Exception):
    pass


def fail(code: str, start: int, end: int, **params: Any) -> NoReturn:
    raise LexError(code, start, end)


def lexemes(text: str) -> list[Lexeme]:
    return lex(normalise(text).text, fail)


# -- normalising -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<p>Grönt: mer än 60%</p> <p>Gult: 40-60%</p>", "Grönt: mer än 60% Gult: 40-60%"),
        ('<input type="checkbox"/>\tRegelbundet', "Regelbundet"),
        ("Minst&nbsp;85&nbsp;%", "Minst 85 %"),
        ("&lt;4 mån", "<4 mån"),
        ("<4 mån", "<4 mån"),
        ("−4 – −0,1 %", "-4 - -0,1 %"),
        ("2019—2021", "2019-2021"),
        ("„Genomfört”", '"Genomfört"'),
        ("Minst\u00a085\u202f%", "Minst 85 %"),
        ("Minst\n85\r\n%", "Minst 85 %"),
        ("Ge\u00adnom\u200bfört", "Genomfört"),
        ("Ökning ⁴ Jämfört med 2010", "Ökning"),
        ("boende² för äldre", "boende"),
        ("  Uppnått  ", "Uppnått"),
        ("\u202eUppnått\u202c", "Uppnått"),
        ("a\x07b", "a b"),
        ("<<<<p>x", "<<< x"),
        ("≥ 50 %", "≥ 50 %"),
    ],
)
def test_normalise(raw: str, clean: str) -> None:
    assert normalise(raw).text == clean


def test_normalise_keeps_where_every_character_came_from() -> None:
    raw = "<p>Grönt:&nbsp;mer än 60 %</p>"
    norm = normalise(raw)
    assert norm.text == "Grönt: mer än 60 %"
    start = norm.text.index("mer")
    assert norm.source_span(start, start + 3) == (raw.index("mer"), raw.index("mer") + 3)
    assert len(norm.origin) == len(norm.text) + 1


@given(st.text(max_size=300))
def test_normalise_maps_every_character_back(raw: str) -> None:
    norm = normalise(raw)
    assert len(norm.origin) == len(norm.text) + 1
    assert all(0 <= i <= len(raw) for i in norm.origin)
    assert list(norm.origin[:-1]) == sorted(norm.origin[:-1])
    assert "  " not in norm.text
    assert norm.text == norm.text.strip()


# -- tokens and lexemes ------------------------------------------------------------------


def test_tokenize_keeps_words_whole() -> None:
    assert [t[1] for t in tokenize("HME-index SKL:s 2018r %-enheter")] == [
        "HME-index",
        "SKL:s",
        "2018",
        "r",
        "%",
        "-",
        "enheter",
    ]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1 000 tkr", [Decimal(1000)]),
        ("333 088", [Decimal(333088)]),
        ("1\u00a0000\u00a0000", [Decimal(1000000)]),
        ("91,74", [Decimal("91.74")]),
        ("91.74", [Decimal("91.74")]),
        ("-0,1 - -9,4", [Decimal("-0.1"), Decimal("-9.4")]),
        ("40-60", [Decimal(40), Decimal(60)]),
        ("mer än -4,1", [Decimal("-4.1")]),
        ("+5", [Decimal(5)]),
        ("1 2022", [Decimal(1), Decimal(2022)]),
        ("16 17", [Decimal(16), Decimal(17)]),
        ("2 000,5", [Decimal("2000.5")]),
    ],
)
def test_numbers(text: str, numbers: list[Decimal]) -> None:
    assert [x.number for x in lexemes(text) if x.kind is Kind.NUMBER] == numbers


def test_a_range_dash_is_a_symbol_and_a_sign_is_part_of_the_number() -> None:
    found = lexemes("Gult: -0,1 - -4%")
    assert [(x.kind, x.text) for x in found] == [
        (Kind.WORD, "Gult"),
        (Kind.SYMBOL, ":"),
        (Kind.NUMBER, "-0,1"),
        (Kind.SYMBOL, "-"),
        (Kind.NUMBER, "-4"),
        (Kind.SYMBOL, "%"),
    ]


def test_fractions_dates_and_years() -> None:
    fraction, date, year, number = lexemes("3/4 2019-12-31 2018 20180")
    assert (fraction.kind, fraction.number, fraction.other) == (Kind.FRACTION, 3, 4)
    assert (date.kind, date.parts) == (Kind.DATE, (2019, 12, 31))
    assert year.year_like
    assert not number.year_like


def test_a_letter_glued_to_a_year_is_a_footnote_mark() -> None:
    assert [x.text for x in lexemes("jämfört mot 2018r")] == ["jämfört mot", "2018"]


def test_phrases_of_the_vocabulary_are_one_lexeme_the_longest_first() -> None:
    found = lexemes("minst i nivå med riket, 5 %-enheter, neg. avvikelse, oförändrat eller mer än")
    assert [x.key for x in found] == [
        "minst i nivå med",
        "riket",
        ",",
        "5",
        "% - enheter",
        ",",
        "neg .",
        "avvikelse",
        ",",
        "oförändrat",
        "eller",
        "mer än",
    ]
    assert found[0].sense(Role.RELATION) == "at_least"
    assert found[4].sense(Role.UNIT).unit is Unit.PERCENTAGE_POINTS


@pytest.mark.parametrize(("text", "code"), [("1.000", "parse.ambiguous_number")])
def test_bad_numbers_fail_where_they_are(text: str, code: str) -> None:
    with pytest.raises(LexError) as info:
        lexemes(f"minst {text} kr")
    assert info.value.args == (code, 6, 6 + len(text))


def test_a_number_beyond_the_limits_fails_where_it_is() -> None:
    with pytest.raises(LexError) as info:
        lexemes("minst " + "9" * 40)
    assert info.value.args == ("parse.bad_number", 6, 46)


# -- the vocabulary ----------------------------------------------------------------------


def test_every_role_has_a_table_and_every_word_is_written_as_it_is_looked_up() -> None:
    assert set(TABLES) == set(Role)
    for role, table in TABLES.items():
        for phrase in table:
            assert phrase == phrase.casefold() == normalise(phrase).text, (role, phrase)
            assert tokenize(phrase), (role, phrase)


def test_every_unit_word_has_a_unit_or_the_member_it_would_be() -> None:
    for word, unit in UNITS.items():
        assert (unit.unit is None) == (unit.proposed is not None), word
    assert set(UNIT_OF_MEMBER) == set(Unit)
