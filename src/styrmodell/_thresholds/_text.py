"""Plan language for intervals and rules, in Swedish and English.

One place decides how "mer än 60 %", "40–60 %" and "Grönt: …, Gult: …, Rött: …" are written;
``describe`` and ``Assessment.explain`` of every family use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from babel.dates import format_date

from styrmodell._intervals import Interval
from styrmodell._locale import format_number, language, parse_locale
from styrmodell._status import Status
from styrmodell._units import Unit

__all__ = ["band_text", "date_text", "number", "places_of", "rule_text", "verdict"]

_WORDS = {
    "sv": {
        "more": "mer än",
        "less": "mindre än",
        "at_least": "minst",
        "at_most": "högst",
        "equal": "lika med",
        "between": "mellan {a} och {b}",
        "and": "och",
        "or": "eller",
        "any": "alla värden",
        "is": "är",
        "rounded": "avrundat",
        "precision": "värden avrundas till {p}",
    },
    "en": {
        "more": "more than",
        "less": "less than",
        "at_least": "at least",
        "at_most": "at most",
        "equal": "equal to",
        "between": "between {a} and {b}",
        "and": "and",
        "or": "or",
        "any": "any value",
        "is": "is",
        "rounded": "rounded",
        "precision": "values are rounded to {p}",
    },
}


def words(locale: str) -> dict[str, str]:
    """The word table for *locale*'s language."""
    return _WORDS[language(locale)]


def number(
    value: Decimal | int, unit: Unit | None, locale: str, *, places: int | None = None
) -> str:
    """A number with its unit: "60 %", "16", "−4,1 %" (*places* fixes the decimals)."""
    if unit is None:
        return format_number(value, locale, places=places)
    return unit.format(value, locale, places=places)


def places_of(precision: Decimal) -> int:
    """The number of decimals a precision shows: 2 for 0.01, 0 for 1 or 10."""
    exponent = precision.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _range(a: Decimal, b: Decimal, unit: Unit | None, locale: str) -> str:
    sep = " – " if a < 0 or b < 0 else "–"
    text = f"{format_number(a, locale)}{sep}{format_number(b, locale)}"
    if unit is None or not unit.suffix(locale):
        return text
    # Put the unit once after the range: "40–60 %".
    return text + number(0, unit, locale)[1:]


def interval_text(iv: Interval, unit: Unit | None, locale: str, *, predicate: bool = False) -> str:
    """An interval in plan language.

    With ``predicate=False`` (describe): "mer än 60 %", "40–60 %", "16 %".
    With ``predicate=True`` (explain, after "är"): "lika med 16", "mellan 40 och 60 %".
    """
    w = words(locale)
    lo, hi = iv.lower, iv.upper
    if lo is None:
        if hi is None:
            return w["any"]
        return f"{w['at_most' if iv.upper_closed else 'less']} {number(hi, unit, locale)}"
    if hi is None:
        return f"{w['at_least' if iv.lower_closed else 'more']} {number(lo, unit, locale)}"
    if lo == hi:
        shown = number(lo, unit, locale)
        return f"{w['equal']} {shown}" if predicate else shown
    if iv.lower_closed and iv.upper_closed:
        if predicate:
            return w["between"].format(a=format_number(lo, locale), b=number(hi, unit, locale))
        return _range(lo, hi, unit, locale)
    left = f"{w['at_least' if iv.lower_closed else 'more']} {number(lo, unit, locale)}"
    right = f"{w['at_most' if iv.upper_closed else 'less']} {number(hi, unit, locale)}"
    return f"{left} {w['and']} {right}"


def band_text(
    intervals: Sequence[Interval], unit: Unit | None, locale: str, *, predicate: bool = False
) -> str:
    """A band (one or more intervals) joined with "eller" / "or"."""
    joiner = f" {words(locale)['or']} "
    return joiner.join(interval_text(iv, unit, locale, predicate=predicate) for iv in intervals)


def rule_text(parts: Iterable[tuple[Status, str]], locale: str) -> str:
    """Statuses with their bands, e.g. "Grönt: mer än 60 %, Gult: 40–60 %, Rött: mindre än 40 %"."""
    return ", ".join(f"{status.label(locale)}: {text}" for status, text in parts)


def verdict(text: str, status: Status, locale: str) -> str:
    """A text and its status, e.g. "<text> → Grönt"."""
    return f"{text} → {status.label(locale)}"


def date_text(value: dt.date, locale: str) -> str:
    """A date the way the locale writes it in full: "31 december 2019"."""
    return format_date(value, format="long", locale=parse_locale(locale))


def precision_text(precision: Decimal, locale: str) -> str:
    """The precision note, e.g. "värden avrundas till 0,1"."""
    return words(locale)["precision"].format(p=format_number(precision, locale))
