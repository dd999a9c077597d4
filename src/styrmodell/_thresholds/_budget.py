"""Budget deviation: bands on the deviation from budget in percent.

Covers "Grönt: = 0 - 0,5% plus Gult: plus/minus 0,5-2% Rött: mer än plus/minus 2%",
"0 % neg. avvikelse", "+/-0" and "+ eller 0".

Swedish terms: *budgetavvikelse*, *utfall*, *budget*, *prognos*, *ekonomi i balans*.
"""

from __future__ import annotations

import functools
from decimal import Context as DecimalContext
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT, MAX_INTEGER_DIGITS, MAX_SIGNIFICANT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import (
    Bands,
    bands_strategy,
    check_overlap,
    describe_bands,
    explain_number,
)
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F, as_band, as_precision
from styrmodell._thresholds._kernel import Deviation, Kernel, cases_of
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Unit

__all__ = ["BudgetDeviation"]

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_ONE = Decimal(1)
_COLOURS = (Status.GREEN, Status.YELLOW, Status.RED)
# A deviation is a quotient: kept to 28 significant digits, whatever the caller's context.
_QUOTIENT = DecimalContext(prec=MAX_SIGNIFICANT, Emax=999, Emin=-999)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class BudgetDeviation:
    r"""Bands on the deviation from budget in percent: ``(outcome − budget) / |budget| × 100``.

    A positive deviation is a better result than budgeted (with costs negative, as in the
    plans, a smaller cost is a positive deviation). The budget comes from
    ``Context.budget``; without it the result is ``NOT_ASSESSED`` (``Reason.MISSING_BUDGET``),
    and with a zero budget ``NOT_ASSESSED`` (``Reason.ZERO_BUDGET``).

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

    green: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    yellow: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    red: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    precision: Decimal | None = attrs.field(default=None, converter=as_precision)

    def __attrs_post_init__(self) -> None:
        bands = [
            (s, ivs)
            for s, ivs in zip(_COLOURS, (self.green, self.yellow, self.red), strict=True)
            if ivs
        ]
        if not bands:
            raise ThresholdError(
                "BudgetDeviation: at least one of green, yellow and red must be given"
            )
        check_overlap(bands, "BudgetDeviation")
        self._bands  # noqa: B018 - built (and so checked) with the rule

    @functools.cached_property
    def _bands(self) -> Bands:
        return Bands(
            green=self.green,
            yellow=self.yellow,
            red=self.red,
            unit=Unit.PERCENT,
            precision=self.precision,
        )

    @classmethod
    def no_negative(cls) -> BudgetDeviation:
        """Green at zero or better, red below zero: "0 % neg. avvikelse", "+ eller 0"."""
        return cls(green=(Interval.at_least(0),), red=(Interval.below(0),))

    @staticmethod
    def deviation_percent(outcome: object, budget: object) -> Decimal:
        """``(outcome − budget) / |budget| × 100``, to 28 significant digits.

        Raises:
            ThresholdError: for a zero budget, non-numbers, and a deviation beyond the
                limits of numbers (a budget tiny beside the outcome).
        """
        o = to_decimal(outcome, what="outcome")
        b = to_decimal(budget, what="budget")
        if b == 0:
            raise ThresholdError("budget: the deviation in percent of a zero budget is undefined")
        deviation = _QUOTIENT.multiply(
            _QUOTIENT.divide(EXACT.subtract(o, b), b.copy_abs()), _HUNDRED
        )
        if deviation and deviation.adjusted() >= MAX_INTEGER_DIGITS:
            raise failure(
                ThresholdError, "budget.deviation_too_large", "budget", value=budget, outcome=o
            )
        return deviation

    @property
    def unit(self) -> Unit:
        """Always ``Unit.PERCENT``: the bands are on the deviation in percent."""
        return Unit.PERCENT

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge the outcome *value* against ``context.budget``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        outcome = to_decimal(value)
        if ctx.budget is None:
            return not_assessed(self, outcome, Reason.MISSING_BUDGET)
        if ctx.budget == 0:
            return not_assessed(self, outcome, Reason.ZERO_BUDGET)
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


def describe_budget(rule: BudgetDeviation, locale: str) -> str:
    """The rule in plan language, e.g. "Avvikelse mot budget – Grönt: 0–0,5 %, …"."""
    return text("budget.describe", locale, rule=describe_bands(rule._bands, locale))


def explain_budget(a: Assessment, locale: str) -> str:
    """Why, in words: "Avvikelse 0,5 % (utfall −99 500, budget −100 000) är … → Grönt"."""
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.reason in (Reason.MISSING_BUDGET, Reason.ZERO_BUDGET):
        return text(f"budget.explain.{a.reason.value}", locale, status=status)
    deviation = a.measured if a.measured is not None else Decimal(0)
    lead = text(
        "budget.explain.lead",
        locale,
        deviation=_text.number(_rounded(deviation), Unit.PERCENT, locale),
        outcome=_text.number(a.value, None, locale),
        budget=_text.number(a.compared_with or 0, None, locale),
    )
    return explain_number(a, Unit.PERCENT, None, locale, shown=lead)


def _rounded(value: Decimal) -> Decimal:
    """A deviation for display: at most two decimals, trailing zeros dropped."""
    q = value.quantize(_CENT, context=EXACT)
    whole = q.to_integral_value(context=EXACT)
    return q.normalize(EXACT) if q != whole else q.quantize(_ONE, context=EXACT)


def budget_strategy(st: ModuleType) -> Any:
    """Valid rules (their bands drawn as for bands)."""
    return bands_strategy(st, unit=Unit.PERCENT).map(
        lambda b: BudgetDeviation(green=b.green, yellow=b.yellow, red=b.red, precision=b.precision)
    )


def budget_values(st: ModuleType, rule: BudgetDeviation) -> Any:
    """Outcomes in kronor."""
    return _draw.decimals(st, min_value=-200_000, max_value=200_000, places=0)


def budget_contexts(st: ModuleType, rule: BudgetDeviation) -> Any:
    """A context with a year and a budget other than zero."""
    return st.builds(
        Context,
        year=_draw.years(st),
        budget=_draw.decimals(st, min_value=-200_000, max_value=200_000, places=0).filter(bool),
    )


BUDGET_DEVIATION = register(
    Family(
        type=BudgetDeviation,
        tag="budget_deviation",
        describe=describe_budget,
        explain=explain_budget,
        strategy=budget_strategy,
        values=budget_values,
        contexts=budget_contexts,
        as_bands=lambda rule: rule._bands,
        kernel=lambda rule, context: Kernel(
            measure=Deviation(), cases=cases_of(rule._bands), precision=rule.precision
        ),
    )
)
