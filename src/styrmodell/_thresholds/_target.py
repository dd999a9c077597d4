"""Target values: "≥ 50 %", ">20", "5", "Minst 5 totalt", "<4 mån", "100 %", "89 % eller mer".

Swedish terms: *målvärde*, *minst* (≥), *högst* (≤), *mer än* (>), *mindre än* (<),
*eller mer* (≥).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._locale import language
from styrmodell._numbers import optional_decimal, to_decimal
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._bands import Bands, explain_number
from styrmodell._thresholds._base import Assessment, Context
from styrmodell._thresholds._fields import unit_or_none
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit

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


def _comparator(value: object) -> Comparator:
    if isinstance(value, str) and value.strip() in _COMPARATORS:
        return _COMPARATORS[value.strip()]
    raise ThresholdError(
        f"TargetValue.comparator: expected one of >, >=, ≥, <, <=, ≤, ==, got {value!r}"
    )


def _target(value: object) -> Decimal:
    return to_decimal(value, what="TargetValue.target")


def _margin(value: object) -> Decimal | None:
    m = optional_decimal(value, what="TargetValue.yellow_margin")
    if m is not None and m <= 0:
        raise ThresholdError(
            f"TargetValue.yellow_margin: expected a positive margin (or None for no yellow), "
            f"got {value!r}"
        )
    return m


def _target_bands(
    comparator: Comparator, t: Decimal, m: Decimal | None, unit: Unit | None
) -> Bands:
    if comparator in (">", ">="):
        green = Interval(t, None, lower_closed=comparator == ">=")
        if m is None:
            return Bands(
                green=green,
                red=Interval(None, t, upper_closed=comparator == ">"),
                unit=unit,
                direction=Direction.HIGHER_IS_BETTER,
            )
        yellow = Interval(t - m, t, lower_closed=True, upper_closed=comparator == ">")
        return Bands(
            green=green,
            yellow=yellow,
            red=Interval.below(t - m),
            unit=unit,
            direction=Direction.HIGHER_IS_BETTER,
        )
    if comparator in ("<", "<="):
        green = Interval(None, t, upper_closed=comparator == "<=")
        if m is None:
            return Bands(
                green=green,
                red=Interval(t, None, lower_closed=comparator == "<"),
                unit=unit,
                direction=Direction.LOWER_IS_BETTER,
            )
        yellow = Interval(t, t + m, lower_closed=comparator == "<", upper_closed=True)
        return Bands(
            green=green,
            yellow=yellow,
            red=Interval.above(t + m),
            unit=unit,
            direction=Direction.LOWER_IS_BETTER,
        )
    green = Interval.point(t)
    if m is None:
        return Bands(green=green, red=[Interval.below(t), Interval.above(t)], unit=unit)
    return Bands(
        green=green,
        yellow=[Interval(t - m, t, lower_closed=True), Interval(t, t + m, upper_closed=True)],
        red=[Interval.below(t - m), Interval.above(t + m)],
        unit=unit,
    )


@attrs.frozen
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
        >>> from styrmodell import TargetValue, Unit
        >>> rule = TargetValue(">=", 50, unit=Unit.PERCENT, yellow_margin=5)
        >>> [rule.assess(v).status.label() for v in (52, 47, 40)]
        ['Grönt', 'Gult', 'Rött']
        >>> rule.describe()
        'Grönt: ≥ 50\xa0%, Gult: minst 45\xa0% och mindre än 50\xa0%, Rött: mindre än 45\xa0%'
    """

    comparator: Comparator = attrs.field(converter=_comparator)
    target: Decimal = attrs.field(converter=_target)
    unit: Unit | None = attrs.field(default=None, converter=unit_or_none, kw_only=True)
    yellow_margin: Decimal | None = attrs.field(default=None, converter=_margin, kw_only=True)
    _bands: Bands = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self,
            "_bands",
            _target_bands(self.comparator, self.target, self.yellow_margin, self.unit),
        )

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Green when *value* meets the target, yellow within the margin, else red."""
        inner = self._bands.assess(value, context)
        reason = {
            Status.GREEN: "met",
            Status.YELLOW: "within_margin",
            Status.RED: "not_met",
        }.get(inner.status, inner.reason)
        return attrs.evolve(inner, threshold=self, reason=reason, compared_with=self.target)

    def _target_text(self, locale: str) -> str:
        symbol = {">=": "≥", "<=": "≤", "==": "="}.get(self.comparator, self.comparator)
        number = _text.number(self.target, self.unit, locale)
        return number if symbol == "=" else f"{symbol} {number}"

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Grönt: ≥ 50 %, Rött: mindre än 50 %"."""
        parts = [(Status.GREEN, self._target_text(locale))]
        for status, ivs in self._bands.bands()[1:]:
            parts.append((status, _text.band_text(ivs, self.unit, locale)))
        return _text.rule_text(parts, locale)

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words, e.g. "52 % uppfyller målvärdet ≥ 50 % → Grönt"."""
        sv = language(locale) == "sv"
        a = assessment
        if a.reason not in ("met", "within_margin", "not_met"):
            return explain_number(a, self.unit, None, locale)
        shown = _text.number(a.value, self.unit, locale)
        target = self._target_text(locale)
        texts = {
            "met": (f"{shown} uppfyller målvärdet {target}", f"{shown} meets the target {target}"),
            "within_margin": (
                f"{shown} uppfyller inte målvärdet {target} men är inom marginalen",
                f"{shown} misses the target {target} within the margin",
            ),
            "not_met": (
                f"{shown} uppfyller inte målvärdet {target}",
                f"{shown} does not meet the target {target}",
            ),
        }
        return _text.verdict(texts[a.reason][0 if sv else 1], a.status, locale)


register(
    Family(
        type=TargetValue,
        tag="target_value",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
        as_bands=lambda t: t._bands,
    )
)
