"""Attainment: bands on the share of the target reached ("minst 80 procent måluppfyllelse").

Swedish terms: *måluppfyllelse* (attainment), *förväntad målnivå* (the target level),
*uppfyllelse 100 procent / 91–99 procent / 90 procent eller lägre*.
"""

from __future__ import annotations

from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_number
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands, bands_strategy
from styrmodell._thresholds._base import Assessment, Context, context_or_default, not_assessed
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._measured import (
    QUOTIENT,
    as_measure_bands,
    bands_text,
    explain_measured,
    judge,
)
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_direction, as_optional_unit

__all__ = ["Attainment"]

_HUNDRED = Decimal(100)


def _default_bands() -> Bands:
    return Bands.higher_is_better(100, 80, unit=Unit.PERCENT)


@attrs.frozen(field_transformer=F.locate)
class Attainment:
    r"""Bands on the share of the target reached: outcome ÷ target, in percent.

    For a measure where lower is better the share is inverted (target ÷ outcome): an
    outcome of half the target attains 200 %. Such an outcome of zero or less beats the
    target beyond any share; it gets the status of the bands' top (the share is left
    unmeasured, ``Assessment.measured`` is ``None``).

    Attributes:
        target: The målvärde the outcome is measured against (more than zero: a share of
            zero or of a negative number means nothing).
        bands: The bands on the attainment in percent; by default "förväntad målnivå eller
            bättre / minst 80 % / lägre än 80 %": green from 100 %, yellow from 80 %.
        direction: Which way is better for the outcome (not for the share: a higher share
            is always better).
        unit: The unit of the outcome and target, for text.

    Examples:
        >>> from styrmodell import Attainment, describe
        >>> rule = Attainment(50, unit="percent")
        >>> [rule.assess(v).status.label() for v in (50, 41, 39)]
        ['Grönt', 'Gult', 'Rött']
        >>> rule.assess(41).explain()  # doctest: +NORMALIZE_WHITESPACE
        'Måluppfyllelse 82\xa0% (41\xa0% av målvärdet 50\xa0%) är minst 80\xa0% och mindre än
        100\xa0% → Gult'
    """

    target: Decimal = attrs.field(converter=as_number)
    bands: Bands = attrs.field(factory=_default_bands, converter=as_measure_bands, kw_only=True)
    direction: Direction = attrs.field(
        default=Direction.HIGHER_IS_BETTER, converter=as_direction, kw_only=True
    )
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.target <= 0:
            raise failure(
                ThresholdError,
                "attainment.expected_positive",
                "Attainment.target",
                value=self.target,
            )

    @classmethod
    def levels(
        cls,
        target: object,
        green: object = 100,
        yellow: object = None,
        *,
        direction: Direction | str = Direction.HIGHER_IS_BETTER,
        unit: Unit | str | None = None,
        precision: object = None,
    ) -> Attainment:
        r"""Green from *green* % of the target, yellow from *yellow* %, red below.

        "Uppfyllelse 100 procent / 91–99 procent / 90 procent eller lägre", reported in
        whole percent, is ``Attainment.levels(target, 100, 91, precision=1)``.

        Examples:
            >>> from styrmodell import Attainment, describe
            >>> describe(Attainment.levels(12, 100, 91, precision=1), "en")
            ... # doctest: +NORMALIZE_WHITESPACE
            'Attainment (the outcome as a share of the target 12): Green: at least 100%,
            Yellow: at least 91% and less than 100%, Red: less than 91% (values are rounded to 1)'
        """
        bands = Bands.higher_is_better(green, yellow, unit=Unit.PERCENT, precision=precision)
        given: dict[str, Any] = {"direction": direction, "unit": unit}
        return cls(target, bands=bands, **given)

    def share(self, value: Decimal) -> Decimal | None:
        """The share of the target *value* attains, in percent (``None``: beyond every share)."""
        if self.direction is Direction.HIGHER_IS_BETTER:
            return QUOTIENT.divide(EXACT.multiply(value, _HUNDRED), self.target)
        if value <= 0:
            return None
        return QUOTIENT.divide(EXACT.multiply(self.target, _HUNDRED), value)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Classify the share of the target *value* attains with ``bands``."""
        context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        share = self.share(v)
        if share is None:
            top = _above_every_bound(self.bands)
            found = judge(self, self.bands, v, top, compared_with=self.target)
            return attrs.evolve(found, measured=None)
        return judge(self, self.bands, v, share, compared_with=self.target)


def _above_every_bound(bands: Bands) -> Decimal:
    bounds = [
        b for _, ivs in bands.bands() for iv in ivs for b in (iv.lower, iv.upper) if b is not None
    ]
    return max(bounds, default=Decimal(0)) + 1


def describe_attainment(rule: Attainment, locale: str) -> str:
    """In words: "Måluppfyllelse (utfallet som andel av målvärdet 50 %): Grönt: minst 100 %, …"."""
    code = "attainment.describe." + (
        "higher" if rule.direction is Direction.HIGHER_IS_BETTER else "lower"
    )
    target = _text.number(rule.target, rule.unit, locale)
    return text(code, locale, target=target, rule=bands_text(rule.bands, locale))


def explain_attainment(a: Assessment, locale: str) -> str:
    """In words: "Måluppfyllelse 82 % (41 % av målvärdet 50 %) är minst 80 % … → Gult"."""
    rule: Attainment = a.threshold  # type: ignore[assignment]
    if a.value is None:
        return text("threshold.explain.no_value", locale, status=a.status.label(locale))
    value = _text.number(a.value, rule.unit, locale)
    target = _text.number(rule.target, rule.unit, locale)
    if a.measured is None:
        return text(
            "attainment.explain.beyond",
            locale,
            value=value,
            target=target,
            status=a.status.label(locale),
        )
    share = _text.number(a.measured, Unit.PERCENT, locale)
    code = "attainment.explain." + (
        "higher" if rule.direction is Direction.HIGHER_IS_BETTER else "lower"
    )
    shown = text(code, locale, share=share, value=value, target=target)
    return explain_measured(a, rule.bands, shown, locale)


def attainment_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Valid rules: a positive target, monotone bands on the share (any precision)."""
    return st.builds(
        Attainment,
        _draw.decimals(st, min_value=1, max_value=500, places=1).filter(bool),
        bands=bands_strategy(st, unit=Unit.PERCENT, direction=Direction.HIGHER_IS_BETTER),
        direction=st.sampled_from(Direction),
        unit=st.just(unit),
    )


def attainment_values(st: ModuleType, rule: Attainment) -> Any:
    """Outcomes whose share falls on and around the bands' bounds, and anywhere."""
    bounds = [
        b
        for _, ivs in rule.bands.bands()
        for iv in ivs
        for b in (iv.lower, iv.upper)
        if b is not None and b > 0
    ]
    if rule.direction is Direction.HIGHER_IS_BETTER:
        outcomes = [QUOTIENT.divide(EXACT.multiply(b, rule.target), _HUNDRED) for b in bounds]
    else:
        outcomes = [QUOTIENT.divide(EXACT.multiply(rule.target, _HUNDRED), b) for b in bounds]
    return _draw.near(st, [o.quantize(Decimal("0.01")) for o in outcomes])


ATTAINMENT = register(
    Family(
        type=Attainment,
        tag="attainment",
        describe=describe_attainment,
        explain=explain_attainment,
        strategy=attainment_strategy,
        values=attainment_values,
        as_bands=lambda rule: rule.bands,
    )
)
