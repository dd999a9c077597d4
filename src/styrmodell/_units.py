"""Units of measure and the direction in which a measure improves.

Swedish terms: *procent* (%), *procentenheter* (%-enheter), *antal*, *kronor* (kr),
*tusen kronor* (tkr), *dagar*, *månader*, *index*, *kvot*.
"""

from __future__ import annotations

import enum
from decimal import Decimal

from styrmodell._fields import choice
from styrmodell._locale import format_number, parse_locale
from styrmodell._messages import has_text, text
from styrmodell._numbers import to_decimal

__all__ = ["Direction", "Unit", "unit_text"]


class Direction(enum.Enum):
    """Which way along the number line is better.

    Examples:
        >>> Direction.LOWER_IS_BETTER.sign
        -1
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"

    @property
    def sign(self) -> int:
        """+1 when higher is better, -1 when lower is better."""
        return 1 if self is Direction.HIGHER_IS_BETTER else -1

    @property
    def opposite(self) -> Direction:
        """The other direction."""
        if self is Direction.HIGHER_IS_BETTER:
            return Direction.LOWER_IS_BETTER
        return Direction.HIGHER_IS_BETTER


def as_direction(value: object, at: str = "value") -> Direction:
    """A :class:`Direction` from the member, its value or its name (a field converter)."""
    return choice(Direction, value, at)


def as_optional_direction(value: object, at: str = "value") -> Direction | None:
    """A :class:`Direction` or ``None`` (a field converter)."""
    return None if value is None else choice(Direction, value, at)


class Unit(enum.Enum):
    r"""The unit an indicator is measured in; formats values for people with babel.

    The written suffix of each unit ("%", "tkr", "mån"...) comes from the text layer's
    catalogs (``unit.<value>``); a unit without an entry (count, index, ratio) is written as
    the bare number.

    Examples:
        >>> from decimal import Decimal
        >>> Unit.PERCENT.format(Decimal("91.74"))
        '91,74\xa0%'
        >>> Unit.TKR.format(-333088)
        '−333\xa0088\xa0tkr'
        >>> Unit.PERCENT.format("91.74", locale="en")
        '91.74%'
    """

    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    COUNT = "count"
    SEK = "sek"
    TKR = "tkr"
    DAYS = "days"
    MONTHS = "months"
    INDEX = "index"
    RATIO = "ratio"

    def format(self, value: object, locale: str = "sv", *, places: int | None = None) -> str:
        """Format *value* in this unit for *locale* ("91,74 %", "333 088 tkr", "3 mån").

        Args:
            value: A number (anything :func:`Decimal`-like; floats go through ``str``),
                within the limits of :func:`styrmodell._numbers.to_decimal`.
            locale: A babel locale name; Swedish by default.
            places: Fixed number of decimals; by default every significant decimal is kept.

        Raises:
            ThresholdError: for anything that is not a number within the limits.
        """
        number = to_decimal(value, what=f"{self.name} value")
        return unit_text(number, self, locale, places=places)

    def suffix(self, locale: str = "sv") -> str:
        """The unit's written suffix ("%", "tkr", "mån"...), or "" for plain numbers."""
        code = f"unit.{self.value}"
        return text(code, locale) if has_text(code, locale) else ""

    @property
    def is_money(self) -> bool:
        """True for SEK and TKR."""
        return self in (Unit.SEK, Unit.TKR)


def as_unit(value: object, at: str = "value") -> Unit:
    """A :class:`Unit` from the member, its value or its name (a field converter)."""
    return choice(Unit, value, at)


def as_optional_unit(value: object, at: str = "value") -> Unit | None:
    """A :class:`Unit` or ``None`` (a field converter)."""
    return None if value is None else choice(Unit, value, at)


def unit_text(number: Decimal | int, unit: Unit, locale: str, *, places: int | None = None) -> str:
    """*number* (already a Decimal or int) written with *unit*'s suffix for *locale*.

    The library's own computed values (a difference, a deviation) pass here without the
    input limits; what users pass goes through :meth:`Unit.format`.
    """
    written = format_number(number, locale, places=places)
    suffix = unit.suffix(locale)
    if not suffix:
        return written
    if unit is Unit.PERCENT:
        # The locale's own percent pattern decides spacing: "91,74 %" (sv), "91.74%" (en).
        pattern = parse_locale(locale).percent_formats[None].pattern
        spaced = "\u00a0%" in pattern or " %" in pattern
        return f"{written}\u00a0{suffix}" if spaced else f"{written}{suffix}"
    return f"{written}\u00a0{suffix}"
