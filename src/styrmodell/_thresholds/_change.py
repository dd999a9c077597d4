"""Year over year: "Förbättrat / Oförändrat / Försämrat jämfört mot 2018".

Swedish terms: *förbättrat*, *oförändrat*, *försämrat*, *ökning*, *minskning*, *samma nivå
som*, *jämfört med föregående år*; ">2022" in a plan means better than 2022's outcome.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._locale import language
from styrmodell._numbers import to_decimal
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._bands import Bands, difference_bands
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import (
    optional_direction,
    status_of,
    tolerance_of,
    unit_or_none,
)
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit

__all__ = ["YearOverYear"]


def _base_year(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThresholdError(f"YearOverYear.base_year: expected a year as int, got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class YearOverYear:
    """Compares the value with an earlier year's outcome from ``Context.history``.

    Better than that year → green; within ±tolerance → *unchanged*; worse → red. With no
    direction (:meth:`same_level`) the level itself is the goal: unchanged → green, any
    change beyond the tolerance → red.

    Attributes:
        direction: Which way is better ("Ökning": higher; "Minskar": lower), or ``None``
            when keeping the level is the goal ("Oförändrat", "Samma nivå som 2009").
        base_year: The year compared with ("jämfört med 2010"); ``None`` means the
            previous year, ``context.year - 1``.
        tolerance: How much change still counts as unchanged, in the unit.
        unchanged: The status of an unchanged value: ``YELLOW`` ("Oförändrat" as gult),
            ``GREEN`` ("Oförändrat eller minskning", "Samma nivå som 2009") or ``RED``
            (">2022": only an improvement is enough).
        unit: The unit of the values, for text.

    Examples:
        >>> from styrmodell import Context, Direction, YearOverYear
        >>> rule = YearOverYear(direction=Direction.HIGHER_IS_BETTER, base_year=2018)
        >>> rule.assess(76, Context(history={2018: 74})).explain()
        '76 är förbättrat jämfört med 2018 (74) → Grönt'
    """

    direction: Direction | None = attrs.field(default=None, converter=optional_direction)
    base_year: int | None = attrs.field(default=None, converter=_base_year)
    tolerance: Decimal = attrs.field(default=Decimal(0), converter=tolerance_of)
    unchanged: Status = attrs.field(default=Status.YELLOW, converter=status_of)
    unit: Unit | None = attrs.field(default=None, converter=unit_or_none)
    _bands: Bands = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not self.unchanged.is_colour:
            raise ThresholdError("YearOverYear.unchanged: expected GREEN, YELLOW or RED")
        if self.direction is None and self.unchanged is not Status.GREEN:
            raise ThresholdError(
                "YearOverYear: give a direction (which way is better), or use "
                "YearOverYear.same_level(...) when keeping the level is the goal: without a "
                f"direction an unchanged value is green, got unchanged={self.unchanged.name}"
            )
        object.__setattr__(
            self, "_bands", difference_bands(self.direction, self.tolerance, self.unchanged)
        )

    @classmethod
    def same_level(
        cls,
        *,
        base_year: int | None = None,
        tolerance: object = 0,
        unit: Unit | None = None,
    ) -> YearOverYear:
        """Keep the level: "Oförändrat", "Oförändrad nivå", "Samma nivå som 2009".

        Within ±*tolerance* of the earlier year is green; any larger change, up or down,
        is red.

        Examples:
            >>> from styrmodell import Context, YearOverYear
            >>> rule = YearOverYear.same_level(base_year=2009, tolerance=2)
            >>> rule.describe()
            'Grönt: oförändrat (±2) jämfört med 2009, Rött: förändrat jämfört med 2009'
            >>> rule.assess(125, Context(history={2009: 120})).status.label()
            'Rött'
        """
        return cls(
            direction=None,
            base_year=base_year,
            tolerance=tolerance,
            unchanged=Status.GREEN,
            unit=unit,
        )

    def compared_year(self, context: Context) -> int | None:
        """The year this rule compares with in *context* (``None`` when unknown)."""
        if self.base_year is not None:
            return self.base_year
        return None if context.year is None else context.year - 1

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Compare *value* with ``context.history`` of the base year (or the previous year).

        Without that year's value the result is ``NOT_ASSESSED`` with reason
        ``"missing_history"`` (or ``"missing_year"`` when no year is known at all).
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        v = to_decimal(value)
        year = self.compared_year(ctx)
        if year is None:
            return not_assessed(self, v, "missing_year")
        earlier = ctx.history.get(year)
        if earlier is None:
            return not_assessed(self, v, "missing_history")
        inner = self._bands.assess(v - earlier)
        diff = v - earlier
        if abs(diff) <= self.tolerance:
            reason = "same"
        elif self.direction is None:
            reason = "changed"
        else:
            reason = "better" if diff * self.direction.sign > 0 else "worse"
        return Assessment(inner.status, v, self, reason, measured=diff, compared_with=earlier)

    def _year_text(self, locale: str) -> str:
        sv = language(locale) == "sv"
        if self.base_year is None:
            return "jämfört med föregående år" if sv else "compared with the previous year"
        return f"jämfört med {self.base_year}" if sv else f"compared with {self.base_year}"

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Grönt: förbättrat jämfört med 2018, …"."""
        sv = language(locale) == "sv"
        when = self._year_text(locale)
        tol = ""
        if self.tolerance:
            tol = f" (±{_text.number(self.tolerance, self.unit, locale)})"
        same = ("oförändrat" if sv else "unchanged") + tol
        if self.direction is None:
            changed = "förändrat" if sv else "changed"
            return _text.rule_text(
                [(Status.GREEN, f"{same} {when}"), (Status.RED, f"{changed} {when}")], locale
            )
        up, down = ("ökat", "minskat") if sv else ("higher", "lower")
        better, worse = (up, down) if self.direction is Direction.HIGHER_IS_BETTER else (down, up)
        labels = {
            "better": f"förbättrat ({better})" if sv else f"improved ({better})",
            "same": same,
            "worse": f"försämrat ({worse})" if sv else f"worsened ({worse})",
        }
        by_status: dict[Status, list[str]] = {}
        by_status.setdefault(Status.GREEN, []).append(labels["better"])
        by_status.setdefault(self.unchanged, []).append(labels["same"])
        by_status.setdefault(Status.RED, []).append(labels["worse"])
        joiner = " eller " if sv else " or "
        parts = [
            (s, f"{joiner.join(by_status[s])} {when}")
            for s in (Status.GREEN, Status.YELLOW, Status.RED)
            if s in by_status
        ]
        return _text.rule_text(parts, locale)

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words, e.g. "76 är förbättrat jämfört med 2018 (74) → Grönt"."""
        sv = language(locale) == "sv"
        a = assessment
        if a.reason == "no_value":
            return _text.verdict("Inget utfall" if sv else "No outcome", a.status, locale)
        if a.reason in ("missing_year", "missing_history"):
            year = self.base_year
            if a.reason == "missing_year":
                text = "Året saknas för jämförelsen" if sv else "No year to compare with"
            else:
                label = str(year) if year is not None else ("föregående år" if sv else "last year")
                text = f"Utfall för {label} saknas" if sv else f"No outcome for {label}"
            return _text.verdict(text, a.status, locale)
        shown = _text.number(a.value, self.unit, locale)
        earlier = (
            _text.number(a.compared_with, self.unit, locale) if a.compared_with is not None else ""
        )
        word = {
            "better": ("förbättrat", "improved"),
            "same": ("oförändrat", "unchanged"),
            "worse": ("försämrat", "worsened"),
            "changed": ("förändrat", "changed"),
        }[a.reason][0 if sv else 1]
        verb = "är" if sv else "is"
        return _text.verdict(
            f"{shown} {verb} {word} {self._year_text(locale)} ({earlier})", a.status, locale
        )


register(
    Family(
        type=YearOverYear,
        tag="year_over_year",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
        as_bands=lambda t: t._bands,
    )
)
