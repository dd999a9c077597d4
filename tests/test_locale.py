from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.messages.pofile import read_po
from hypothesis import given

from styrmodell import StyrmodellError
from styrmodell._locale import format_number, parse_locale
from styrmodell._messages import CATALOG_DIR, REFERENCE_LOCALE, catalog_ids, text
from styrmodell.strategies import decimals


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("sv", "sv"), ("sv_SE", "sv"), ("sv-FI", "sv"), ("en", "en"), ("en_GB", "en"), ("de", "en")],
)
def test_a_locale_gets_its_languages_catalog_or_the_reference(locale, expected):
    # A regional locale reads its language's catalog; one without a catalog, the reference.
    assert text("status.green", locale) == text("status.green", expected)
    assert text("status.green", "sv") != text("status.green", "en")


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


# -- the edges' catalogs: every code used exists, every message is used ---------------------

EDGE_MODULES = ("_assessment.py", "_rollup.py", "_report", "_cli.py")  # _report: a package
EDGE_AREAS = ("report.po", "cli.po")
_CODE = re.compile(r"""(f?)["']((?:assess|rollup|report|cli)\.[a-z0-9_.{}]+)["']""")


def _edge_ids() -> set[str]:
    ids: set[str] = set()
    for area in EDGE_AREAS:
        with (CATALOG_DIR / REFERENCE_LOCALE / "LC_MESSAGES" / area).open("rb") as fp:
            ids |= {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    return ids


def _codes_in_source() -> tuple[set[str], set[str]]:
    """(codes written out, patterns of codes built with an f-string) in the edges' modules."""
    literal: set[str] = set()
    patterns: set[str] = set()
    paths = [CATALOG_DIR.parent / name for name in EDGE_MODULES]
    paths = [f for p in paths for f in (sorted(p.glob("*.py")) if p.is_dir() else [p])]
    for path in paths:
        source = path.read_text(encoding="utf-8")
        for is_f, code in _CODE.findall(source):
            if is_f and "{" in code:
                patterns.add("^" + re.sub(r"\\\{[^}]*\\\}", r"[a-z_]+", re.escape(code)) + "$")
            else:
                literal.add(code)
    return literal, patterns


def test_every_code_the_edges_use_is_in_the_catalogs() -> None:
    ids = _edge_ids()
    literal, patterns = _codes_in_source()
    assert sorted(literal - ids) == []
    for pattern in patterns:
        assert any(re.match(pattern, i) for i in ids), pattern


def test_every_message_of_the_edges_catalogs_is_used() -> None:
    literal, patterns = _codes_in_source()
    unused = {
        i for i in _edge_ids() if i not in literal and not any(re.match(p, i) for p in patterns)
    }
    assert sorted(unused) == []


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_edges_words_come_in_every_locale_without_a_fallback(locale: str) -> None:
    own = catalog_ids(locale)
    assert _edge_ids() <= own
