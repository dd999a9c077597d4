"""Plan language for intervals and rules: how "mer än 60 %", "40–60 %" and "Grönt: …" are written.

``describe``, ``Assessment.explain`` and the lint findings of every family compose their
sentences here, from the text layer's catalogs (``locales/<locale>/LC_MESSAGES/thresholds.po``):
this module holds codes and the order of the pieces, never words. Numbers and units are
written by babel for the locale asked.

A lint :class:`~styrmodell.Finding` keeps its parameters as data — the phrase values below
(:class:`Quantity`, :class:`Span`, :class:`BandWords`, :class:`Listing`, :class:`Walk`) and
plain numbers and statuses — so one finding can be worded in any locale later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple, Protocol, runtime_checkable

from styrmodell._intervals import Interval
from styrmodell._locale import format_number, parse_locale
from styrmodell._messages import ntext, text
from styrmodell._status import Status
from styrmodell._units import Unit, unit_text

__all__ = [
    "BandWords",
    "Listing",
    "Quantity",
    "Span",
    "Walk",
    "Words",
    "band_text",
    "date_text",
    "interval_text",
    "join",
    "number",
    "phrase",
    "places_of",
    "precision_text",
    "render",
    "rule_text",
    "verdict",
]


def number(
    value: Decimal | int, unit: Unit | None, locale: str, *, places: int | None = None
) -> str:
    """A number with its unit: "60 %", "16", "−4,1 %" (*places* fixes the decimals)."""
    if unit is None:
        return format_number(value, locale, places=places)
    return unit_text(value, unit, locale, places=places)


def places_of(precision: Decimal) -> int:
    """The number of decimals a precision shows: 2 for 0.01, 0 for 1 or 10."""
    exponent = precision.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def join(items: Iterable[str], locale: str) -> str:
    """Items listed one after the other: "a, b, c" (``words.list``)."""
    out: str | None = None
    for item in items:
        out = item if out is None else text("words.list", locale, first=out, second=item)
    return out or ""


def _or(items: Iterable[str], locale: str) -> str:
    out: str | None = None
    for item in items:
        out = item if out is None else text("words.or", locale, first=out, second=item)
    return out or ""


def _range(a: Decimal, b: Decimal, unit: Unit | None, locale: str) -> str:
    # Typography, not words: an en dash, spaced when a bound carries a minus sign.
    sep = " – " if a < 0 or b < 0 else "–"
    written = f"{format_number(a, locale)}{sep}{format_number(b, locale)}"
    if unit is None or not unit.suffix(locale):
        return written
    # Put the unit once after the range: "40–60 %".
    return written + number(0, unit, locale)[1:]


def interval_text(iv: Interval, unit: Unit | None, locale: str, *, predicate: bool = False) -> str:
    """An interval in plan language.

    With ``predicate=False`` (describe): "mer än 60 %", "40–60 %", "16 %".
    With ``predicate=True`` (explain, after "är"): "lika med 16", "mellan 40 och 60 %".
    """
    lo, hi = iv.lower, iv.upper
    if lo is None:
        if hi is None:
            return text("interval.any", locale)
        code = "interval.at_most" if iv.upper_closed else "interval.below"
        return text(code, locale, value=number(hi, unit, locale))
    if hi is None:
        code = "interval.at_least" if iv.lower_closed else "interval.above"
        return text(code, locale, value=number(lo, unit, locale))
    if lo == hi:
        shown = number(lo, unit, locale)
        return text("interval.equal", locale, value=shown) if predicate else shown
    if iv.lower_closed and iv.upper_closed:
        if predicate:
            return text(
                "interval.between",
                locale,
                lower=format_number(lo, locale),
                upper=number(hi, unit, locale),
            )
        return _range(lo, hi, unit, locale)
    left = text(
        "interval.at_least" if iv.lower_closed else "interval.above",
        locale,
        value=number(lo, unit, locale),
    )
    right = text(
        "interval.at_most" if iv.upper_closed else "interval.below",
        locale,
        value=number(hi, unit, locale),
    )
    return text("interval.both", locale, lower=left, upper=right)


def band_text(
    intervals: Sequence[Interval], unit: Unit | None, locale: str, *, predicate: bool = False
) -> str:
    """A band (one or more intervals) joined with "eller" / "or"."""
    return _or((interval_text(iv, unit, locale, predicate=predicate) for iv in intervals), locale)


def rule_text(parts: Iterable[tuple[Status, str]], locale: str) -> str:
    """Statuses with their bands, e.g. "Grönt: mer än 60 %, Gult: 40–60 %, Rött: mindre än 40 %"."""
    return join(
        (text("rule.part", locale, status=status.label(locale), text=t) for status, t in parts),
        locale,
    )


def verdict(said: str, status: Status, locale: str) -> str:
    """A text and its status, e.g. "<text> → Grönt"."""
    return text("verdict", locale, text=said, status=status.label(locale))


def date_text(value: dt.date, locale: str) -> str:
    """A date the way the locale writes it in full: "31 december 2019"."""
    from babel.dates import format_date  # 9 ms of import, needed only for rules with dates

    return format_date(value, format="long", locale=parse_locale(locale))


def precision_text(precision: Decimal, locale: str) -> str:
    """The precision note, e.g. "värden avrundas till 0,1"."""
    return text("bands.precision", locale, precision=precision)


# -- phrases: parameters of a finding that are worded when the finding is shown -------------
# Small named tuples (equal and hashable by value, cheap to define at import).


@runtime_checkable
class Words(Protocol):
    """A parameter that words itself for a locale (kept as data until it is shown)."""

    def words(self, locale: str) -> str:
        """The parameter in *locale*'s words."""


class Quantity(NamedTuple):
    """A number with its unit ("2,2 %"), with *places* decimals when given."""

    value: Decimal
    unit: Unit | None = None
    places: int | None = None

    def words(self, locale: str) -> str:
        """The number in *locale*: "2,2 %" in Swedish, "2.2%" in English."""
        return number(self.value, self.unit, locale, places=self.places)


class Span(NamedTuple):
    """A stretch of the number line in words: "från 2,2 % till under 2,3 %"."""

    interval: Interval
    unit: Unit | None = None

    def words(self, locale: str) -> str:
        """The stretch as lint writes it (the ends' inclusion spelled out)."""
        iv, unit = self.interval, self.unit
        lo, hi = iv.lower, iv.upper
        if lo is not None and lo == hi:
            return number(lo, unit, locale)
        if lo is None:
            if hi is None:
                return text("interval.any", locale)
            code = "lint.span.up_to" if iv.upper_closed else "lint.span.below"
            return text(code, locale, upper=number(hi, unit, locale))
        if hi is None:
            code = "lint.span.from" if iv.lower_closed else "lint.span.above"
            return text(code, locale, lower=number(lo, unit, locale))
        lower = text(
            "lint.span.lower_closed" if iv.lower_closed else "lint.span.lower_open",
            locale,
            lower=number(lo, unit, locale),
        )
        upper = text(
            "lint.span.upper_closed" if iv.upper_closed else "lint.span.upper_open",
            locale,
            upper=number(hi, unit, locale),
        )
        return text("lint.span.between", locale, lower=lower, upper=upper)


class BandWords(NamedTuple):
    """A band (its intervals) as describe writes it: "mindre än −2 % eller mer än 2 %"."""

    intervals: tuple[Interval, ...]
    unit: Unit | None = None

    def words(self, locale: str) -> str:
        """The band in *locale*'s words."""
        return band_text(self.intervals, self.unit, locale)


class Listing(NamedTuple):
    """Reportable values listed, with "…" on the side where more follow."""

    values: tuple[Decimal, ...]
    unit: Unit | None = None
    places: int | None = None
    more: Literal["", "below", "above"] = ""

    def words(self, locale: str) -> str:
        """The values listed: "2,2 %", "1,0, 1,1, … 1,9 …" or "… 0,9, 1,0"."""
        listed = join(
            (number(v, self.unit, locale, places=self.places) for v in self.values), locale
        )
        if self.more == "below":
            return text("lint.more_below", locale, values=listed)
        if self.more == "above":
            return text("lint.more_above", locale, values=listed)
        return listed


class Walk(NamedTuple):
    """The bands in the order they meet along the number line: "Grönt (mindre än 5), …"."""

    steps: tuple[tuple[Status, tuple[Interval, ...]], ...]
    unit: Unit | None = None

    def words(self, locale: str) -> str:
        """Each step as "status (band)", listed."""
        return join(
            (
                text(
                    "lint.walk.step",
                    locale,
                    status=status.label(locale),
                    band=band_text(ivs, self.unit, locale),
                )
                for status, ivs in self.steps
            ),
            locale,
        )


def phrase(value: object, locale: str) -> object:
    """A parameter ready for a message: phrases and statuses worded, anything else as it is."""
    if isinstance(value, Status):
        return value.label(locale)
    if isinstance(value, Words):
        return value.words(locale)
    return value


def render(code: str, params: Mapping[str, object], locale: str) -> str:
    """Message *code* with *params* worded for *locale* (``n`` picks the plural form)."""
    shown = {key: phrase(value, locale) for key, value in params.items()}
    n = shown.pop("n", None)
    if isinstance(n, int):
        return ntext(code, n, locale, **shown)
    return text(code, locale, **shown)
