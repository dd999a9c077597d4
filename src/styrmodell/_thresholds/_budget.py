"""Budget deviation: bands on the deviation from budget in percent.

Covers "Grönt: = 0 - 0,5% plus Gult: plus/minus 0,5-2% Rött: mer än plus/minus 2%",
"0 % neg. avvikelse", "+/-0" and "+ eller 0".

Swedish terms: *budgetavvikelse*, *utfall*, *budget*, *prognos*, *ekonomi i balans*.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._locale import language
from styrmodell._numbers import to_decimal
from styrmodell._thresholds import _text
from styrmodell._thresholds._bands import Bands, explain_number, precision_of
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import band_green, band_red, band_yellow
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Unit

__all__ = ["BudgetDeviation"]

_HUNDRED = Decimal(100)


@attrs.frozen(kw_only=True)
class BudgetDeviation:
    r"""Bands on the deviation from budget in percent: ``(outcome − budget) / |budget| × 100``.

    A positive deviation is a better result than budgeted (with costs negative, as in the
    plans, a smaller cost is a positive deviation). The budget comes from
    ``Context.budget``; without it the result is ``NOT_ASSESSED`` (``"missing_budget"``),
    and with a zero budget ``NOT_ASSESSED`` (``"zero_budget"``).

    Attributes:
        green: The band for grönt, in percent, as for :class:`Bands`.
        yellow: The band for gult.
        red: The band for rött.
        precision: The precision the deviation is reported at (a power of ten).

    Examples:
        >>> from styrmodell import BudgetDeviation, Context
        >>> rule = BudgetDeviation.no_negative()
        >>> rule.assess(-99_500, Context(budget=-100_000)).explain()
        'Avvikelse 0,5\xa0% (utfall −99\xa0500, budget −100\xa0000) är minst 0\xa0% → Grönt'
    """

    green: tuple[Interval, ...] = attrs.field(default=None, converter=band_green)
    yellow: tuple[Interval, ...] = attrs.field(default=None, converter=band_yellow)
    red: tuple[Interval, ...] = attrs.field(default=None, converter=band_red)
    precision: Decimal | None = attrs.field(default=None, converter=precision_of)
    _bands: Bands = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        try:
            bands = Bands(
                green=self.green,
                yellow=self.yellow,
                red=self.red,
                unit=Unit.PERCENT,
                precision=self.precision,
            )
        except ThresholdError as exc:
            raise ThresholdError(str(exc).replace("Bands:", "BudgetDeviation:", 1)) from None
        object.__setattr__(self, "_bands", bands)

    @classmethod
    def no_negative(cls) -> BudgetDeviation:
        """Green at zero or better, red below zero: "0 % neg. avvikelse", "+ eller 0"."""
        return cls(green=Interval.at_least(0), red=Interval.below(0))

    @staticmethod
    def deviation_percent(outcome: object, budget: object) -> Decimal:
        """``(outcome − budget) / |budget| × 100``, exact to Decimal precision.

        Raises:
            ThresholdError: for a zero budget or non-numbers.
        """
        o = to_decimal(outcome, what="outcome")
        b = to_decimal(budget, what="budget")
        if b == 0:
            raise ThresholdError("budget: the deviation in percent of a zero budget is undefined")
        return (o - b) / abs(b) * _HUNDRED

    @property
    def unit(self) -> Unit:
        """Always ``Unit.PERCENT``: the bands are on the deviation in percent."""
        return Unit.PERCENT

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge the outcome *value* against ``context.budget``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        outcome = to_decimal(value)
        if ctx.budget is None:
            return not_assessed(self, outcome, "missing_budget")
        if ctx.budget == 0:
            return not_assessed(self, outcome, "zero_budget")
        deviation = self.deviation_percent(outcome, ctx.budget)
        inner = self._bands.assess(deviation)
        return Assessment(
            inner.status,
            outcome,
            self,
            inner.reason,
            measured=inner.measured,
            compared_with=ctx.budget,
            interval=inner.interval,
        )

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Avvikelse mot budget – Grönt: 0–0,5 %, …"."""
        prefix = "Avvikelse mot budget" if language(locale) == "sv" else "Deviation from budget"
        return f"{prefix} – {self._bands.describe(locale)}"

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words: "Avvikelse 0,5 % (utfall −99 500, budget −100 000) är … → Grönt"."""
        sv = language(locale) == "sv"
        a = assessment
        if a.reason in ("no_value", "missing_budget", "zero_budget"):
            texts = {
                "no_value": ("Inget utfall", "No outcome"),
                "missing_budget": ("Budget saknas", "No budget"),
                "zero_budget": ("Budgeten är noll", "The budget is zero"),
            }
            return _text.verdict(texts[a.reason][0 if sv else 1], a.status, locale)
        deviation = a.measured if a.measured is not None else Decimal(0)
        shown = _text.number(_rounded(deviation), Unit.PERCENT, locale)
        outcome = _text.number(a.value, None, locale)
        budget = _text.number(a.compared_with or 0, None, locale)
        lead = (
            f"Avvikelse {shown} (utfall {outcome}, budget {budget})"
            if sv
            else f"Deviation {shown} (outcome {outcome}, budget {budget})"
        )
        inner = attrs.evolve(a, value=deviation, threshold=self._bands)
        rest = explain_number(inner, Unit.PERCENT, None, locale)
        # explain_number starts with the deviation itself; swap in the fuller lead.
        first = _text.number(deviation, Unit.PERCENT, locale)
        return lead + rest[len(first) :]


def _rounded(value: Decimal) -> Decimal:
    """A deviation for display: at most two decimals, trailing zeros dropped."""
    q = value.quantize(Decimal("0.01"))
    return q.normalize() if q != q.to_integral_value() else q.quantize(Decimal(1))


register(
    Family(
        type=BudgetDeviation,
        tag="budget_deviation",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
        as_bands=lambda t: t._bands,
    )
)
