"""Target values: "≥ 50 %", ">20", "5", "Minst 5 totalt", "<4 mån", "100 %", "89 % eller mer".

Swedish terms: *målvärde*, *minst* (≥), *högst* (≤), *mer än* (>), *mindre än* (<),
*eller mer* (≥).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from types import ModuleType
from typing import Any, Literal

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_number
from styrmodell._intervals import Interval
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands, band_values, explain_number
from styrmodell._thresholds._base import Assessment, Context
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._kernel import Kernel, Value, cases_of
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_optional_unit

__all__ = ["Comparator", "TargetValue"]

Comparator = Literal[">", ">=", "<", "<=", "=="]
_COMPARATORS: dict[str, Comparator] = {
    ">": ">",
    ">=": ">=",
    "≥": ">=",
    "<": "<",
    "<=": "<=",
    "≤": "<=",
    "==": "==",
    "=": "==",
}
_SYMBOLS = {">=": "≥", "<=": "≤", "==": "="}
_REASONS = {
    Status.GREEN: Reason.MET,
    Status.YELLOW: Reason.WITHIN_MARGIN,
    Status.RED: Reason.NOT_MET,
}


def _comparator(value: object, at: str = "value") -> Comparator:
    if isinstance(value, str) and value.strip() in _COMPARATORS:
        return _COMPARATORS[value.strip()]
    raise failure(ThresholdError, "target.expected_comparator", at, value=value)


def _margin(value: object, at: str = "value") -> Decimal | None:
    if value is None:
        return None
    m = F.as_decimal(value, at)
    if m <= 0:
        raise failure(ThresholdError, "target.expected_margin", at, value=value)
    return m


def _target_bands(
    comparator: Comparator, t: Decimal, m: Decimal | None, unit: Unit | None
) -> Bands:
    if comparator in (">", ">="):
        green = (Interval(t, None, lower_closed=comparator == ">="),)
        if m is None:
            return Bands(
                green=green,
                red=(Interval(None, t, upper_closed=comparator == ">"),),
                unit=unit,
                direction=Direction.HIGHER_IS_BETTER,
            )
        low = EXACT.subtract(t, m)
        yellow = (Interval(low, t, lower_closed=True, upper_closed=comparator == ">"),)
        return Bands(
            green=green,
            yellow=yellow,
            red=(Interval.below(low),),
            unit=unit,
            direction=Direction.HIGHER_IS_BETTER,
        )
    if comparator in ("<", "<="):
        green = (Interval(None, t, upper_closed=comparator == "<="),)
        if m is None:
            return Bands(
                green=green,
                red=(Interval(t, None, lower_closed=comparator == "<"),),
                unit=unit,
                direction=Direction.LOWER_IS_BETTER,
            )
        high = EXACT.add(t, m)
        yellow = (Interval(t, high, lower_closed=comparator == "<", upper_closed=True),)
        return Bands(
            green=green,
            yellow=yellow,
            red=(Interval.above(high),),
            unit=unit,
            direction=Direction.LOWER_IS_BETTER,
        )
    point = (Interval.point(t),)
    if m is None:
        return Bands(green=point, red=(Interval.below(t), Interval.above(t)), unit=unit)
    low, high = EXACT.subtract(t, m), EXACT.add(t, m)
    return Bands(
        green=point,
        yellow=(Interval(low, t, lower_closed=True), Interval(t, high, upper_closed=True)),
        red=(Interval.below(low), Interval.above(high)),
        unit=unit,
    )


@attrs.frozen(field_transformer=F.locate)
class TargetValue:
    r"""A single target the value must meet: ``TargetValue(">=", 50, unit=Unit.PERCENT)``.

    Meeting the target is green; with a *yellow_margin*, missing it by at most the margin is
    yellow; otherwise red.

    Attributes:
        comparator: ``>``, ``>=`` (or ``≥``), ``<``, ``<=`` (or ``≤``), ``==``.
        target: The målvärde.
        unit: The unit of the value, for text.
        yellow_margin: How far short of the target still counts as yellow (positive).

    Examples:
        >>> from styrmodell import TargetValue, describe
        >>> rule = TargetValue(">=", 50, unit="percent", yellow_margin=5)
        >>> [rule.assess(v).status.label() for v in (52, 47, 40)]
        ['Grönt', 'Gult', 'Rött']
        >>> describe(rule)
        'Grönt: ≥ 50\xa0%, Gult: minst 45\xa0% och mindre än 50\xa0%, Rött: mindre än 45\xa0%'
    """

    comparator: Comparator = attrs.field(converter=_comparator)
    target: Decimal = attrs.field(converter=as_number)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit, kw_only=True)
    yellow_margin: Decimal | None = attrs.field(default=None, converter=_margin, kw_only=True)

    def __attrs_post_init__(self) -> None:
        self._bands  # noqa: B018 - built (and so checked) with the rule

    @functools.cached_property
    def _bands(self) -> Bands:
        return _target_bands(self.comparator, self.target, self.yellow_margin, self.unit)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Green when *value* meets the target, yellow within the margin, else red."""
        inner = self._bands.assess(value, context)
        reason = _REASONS.get(inner.status, inner.reason)
        return attrs.evolve(inner, threshold=self, reason=reason, compared_with=self.target)


def _target_text(rule: TargetValue, locale: str) -> str:
    symbol = _SYMBOLS.get(rule.comparator, rule.comparator)
    number = _text.number(rule.target, rule.unit, locale)
    return number if symbol == "=" else text("target.symbol", locale, symbol=symbol, target=number)


def describe_target(rule: TargetValue, locale: str) -> str:
    """The rule in plan language, e.g. "Grönt: ≥ 50 %, Rött: mindre än 50 %"."""
    parts = [(Status.GREEN, _target_text(rule, locale))]
    for status, ivs in rule._bands.bands()[1:]:
        parts.append((status, _text.band_text(ivs, rule.unit, locale)))
    return _text.rule_text(parts, locale)


def explain_target(a: Assessment, locale: str) -> str:
    """Why, in words, e.g. "52 % uppfyller målvärdet ≥ 50 % → Grönt"."""
    rule: TargetValue = a.threshold  # type: ignore[assignment]
    if a.reason not in _REASONS.values():
        return explain_number(a, rule.unit, None, locale)
    return text(
        f"target.explain.{a.reason.value}",
        locale,
        value=_text.number(a.value, rule.unit, locale),
        target=_target_text(rule, locale),
        status=a.status.label(locale),
    )


def target_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Valid targets, with and without a yellow margin."""
    return st.builds(
        TargetValue,
        st.sampled_from([">", ">=", "<", "<=", "==", "≥", "≤"]),
        _draw.decimals(st, min_value=-100, max_value=100, places=1),
        unit=st.just(unit),
        yellow_margin=st.none()
        | _draw.decimals(st, min_value=0, max_value=20, places=1).filter(bool),
    )


TARGET_VALUE = register(
    Family(
        type=TargetValue,
        tag="target_value",
        describe=describe_target,
        explain=explain_target,
        strategy=target_strategy,
        values=lambda st, rule: band_values(st, rule._bands),
        as_bands=lambda rule: rule._bands,
        kernel=lambda rule, context: Kernel(
            measure=Value(), cases=cases_of(rule._bands, _REASONS), compared_with=rule.target
        ),
    )
)
