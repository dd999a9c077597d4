"""Trends beside the colour: has the outcome improved since the previous available period?

Swedish terms: *trend* / *utveckling*, *förbättrat* (improved), *oförändrat* (unchanged),
*försämrat* (worsened), *ej jämförbar* (not comparable: a series break, *tidsseriebrott*),
*okänd* (unknown: no earlier outcome, no direction).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import PlanError
from styrmodell._fields import Fields, as_optional_number, as_optional_year
from styrmodell._messages import text
from styrmodell._numbers import EXACT
from styrmodell._period import Period, as_optional_period
from styrmodell._units import Direction

__all__ = ["Trend", "TrendKind", "compare"]

F = Fields(PlanError)


class TrendKind(enum.Enum):
    """Which way an outcome went, valued: *improved* means better, whatever the raw direction.

    Examples:
        >>> TrendKind.IMPROVED.arrow, TrendKind.IMPROVED.label()
        ('↑', 'Förbättrat')
        >>> TrendKind.NOT_COMPARABLE.label("en")
        'Not comparable'
    """

    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    WORSENED = "worsened"
    NOT_COMPARABLE = "not_comparable"
    UNKNOWN = "unknown"

    @property
    def arrow(self) -> str:
        """↑ (improved), → (unchanged), ↓ (worsened), or "" when there is no comparison."""
        return _ARROWS.get(self.name, "")

    @property
    def is_comparison(self) -> bool:
        """True for improved, unchanged and worsened: an earlier value was compared with."""
        return self.name in _ARROWS

    def label(self, locale: str = "sv") -> str:
        """The word: "Förbättrat", "Oförändrat", "Försämrat", "Ej jämförbar", "Okänd"."""
        return text(f"trend.{self.value}", locale)


_ARROWS = {"IMPROVED": "↑", "UNCHANGED": "→", "WORSENED": "↓"}


def _kind(value: object, at: str = "value") -> TrendKind:
    return F.as_choice(value, at, TrendKind)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Trend:
    """The trend of one outcome against the previous available period, beside its status.

    Attributes:
        kind: Improved, unchanged, worsened, not comparable or unknown.
        value: The value judged (``None`` when there was none, or it is not a number).
        previous: The earlier value compared with, where there is one.
        year: The year compared with (the previous available one, not always the year
            before), where there is one.
        period: The period compared with.
        change: ``value - previous`` in the unit (raw: up is positive).

    Example:
        >>> from styrmodell import Direction
        >>> trend = compare(3, 4, Direction.LOWER_IS_BETTER, year=2022)
        >>> trend.kind, trend.describe(), trend.describe("en")
        (<TrendKind.IMPROVED: 'improved'>, '↑ Förbättrat jämfört med 2022', '↑ Improved since 2022')
    """

    kind: TrendKind = attrs.field(converter=_kind)
    value: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    previous: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    year: int | None = attrs.field(default=None, converter=as_optional_year)
    period: Period | None = attrs.field(default=None, converter=as_optional_period)
    change: Decimal | None = attrs.field(default=None, converter=as_optional_number)

    @property
    def arrow(self) -> str:
        """↑, → or ↓ (valued: ↑ is better), or ""."""
        return self.kind.arrow

    def label(self, locale: str = "sv") -> str:
        """The word for the kind: "Förbättrat"..."""
        return self.kind.label(locale)

    def short(self, locale: str = "sv") -> str:
        """Arrow and word, for a table cell: "↑ Förbättrat", "→ Oförändrat", "Ej jämförbar"."""
        if not self.arrow:
            return self.label(locale)
        return f"{self.arrow} {self.label(locale)}"

    def describe(self, locale: str = "sv") -> str:
        """Arrow, word and the year compared with: "↑ Förbättrat jämfört med 2022"."""
        if self.year is None:
            return self.short(locale)
        return text("trend.since", locale, trend=self.short(locale), year=self.year)


UNKNOWN = Trend(kind=TrendKind.UNKNOWN)


def compare(
    value: object,
    previous: object,
    direction: Direction | None,
    *,
    tolerance: object = 0,
    year: int | None = None,
    period: Period | None = None,
    broken: bool = False,
) -> Trend:
    """The trend from *previous* to *value*, valued by *direction*.

    Within ±*tolerance* is unchanged. Without a direction, without either value, the trend
    is unknown; across a series break (*broken*) it is not comparable.

    Example:
        >>> from styrmodell import Direction
        >>> compare(81, 78, Direction.HIGHER_IS_BETTER, tolerance=1).kind
        <TrendKind.IMPROVED: 'improved'>
        >>> compare(81, 80.5, Direction.HIGHER_IS_BETTER, tolerance=1).kind
        <TrendKind.UNCHANGED: 'unchanged'>
    """
    now = F.check(as_optional_number, value, "value")
    before = F.check(as_optional_number, previous, "previous")
    limit = F.as_decimal(tolerance, "tolerance").copy_abs()
    data: dict[str, Any] = {"value": now, "previous": before, "year": year, "period": period}
    if now is None or before is None:
        return Trend(kind=TrendKind.UNKNOWN, value=now)
    change = EXACT.subtract(now, before)
    data["change"] = change
    if broken:
        return Trend(kind=TrendKind.NOT_COMPARABLE, **data)
    if direction is None:
        return Trend(kind=TrendKind.UNKNOWN, **data)
    if change.copy_abs() <= limit:
        return Trend(kind=TrendKind.UNCHANGED, **data)
    better = change * direction.sign > 0
    return Trend(kind=TrendKind.IMPROVED if better else TrendKind.WORSENED, **data)
