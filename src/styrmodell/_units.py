"""Units of measure and the direction in which a measure improves.

Swedish terms: *procent* (%), *procentenheter* (%-enheter), *antal*, *kronor* (kr),
*tusen kronor* (tkr), *dagar*, *månader*, *index*, *kvot*.
"""

from __future__ import annotations

import enum

from styrmodell._locale import format_number, language, parse_locale
from styrmodell._numbers import to_decimal

__all__ = ["Direction", "Unit"]


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


# (Swedish suffix, English suffix); None means the number stands alone.
_SUFFIX: dict[str, tuple[str | None, str | None]] = {
    "PERCENT": ("%", "%"),
    "PERCENTAGE_POINTS": ("%-enheter", "percentage points"),
    "COUNT": (None, None),
    "SEK": ("kr", "SEK"),
    "TKR": ("tkr", "kSEK"),
    "DAYS": ("dagar", "days"),
    "MONTHS": ("mån", "months"),
    "INDEX": (None, None),
    "RATIO": (None, None),
}


class Unit(enum.Enum):
    r"""The unit an indicator is measured in; formats values for people with babel.

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
            value: A number (anything :func:`Decimal`-like; floats go through ``str``).
            locale: A babel locale name; Swedish by default.
            places: Fixed number of decimals; by default every significant decimal is kept.
        """
        number = to_decimal(value, what=f"{self.name} value")
        text = format_number(number, locale, places=places)
        lang = language(locale)
        suffix = _SUFFIX[self.name][0 if lang == "sv" else 1]
        if suffix is None:
            return text
        if self is Unit.PERCENT:
            # The locale's own percent pattern decides spacing: "91,74 %" (sv), "91.74%" (en).
            pattern = parse_locale(locale).percent_formats[None].pattern
            spaced = "\u00a0%" in pattern or " %" in pattern
            return f"{text}\u00a0%" if spaced else f"{text}%"
        return f"{text}\u00a0{suffix}"

    def suffix(self, locale: str = "sv") -> str:
        """The unit's written suffix ("%", "tkr", "mån"...), or "" for plain numbers."""
        return _SUFFIX[self.name][0 if language(locale) == "sv" else 1] or ""

    @property
    def is_money(self) -> bool:
        """True for SEK and TKR."""
        return self in (Unit.SEK, Unit.TKR)
