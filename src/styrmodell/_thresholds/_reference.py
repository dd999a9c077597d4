"""Compare to a reference: "Bättre än riket / Som riket / Sämre än riket".

Swedish terms: *riket* (the national value; Kolada's municipality "0000"), *liknande
kommuner*, *länet*, *medel i SKL:s öppna jämförelser*, *%-enheter under riket* (an offset).
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
from styrmodell._thresholds._fields import direction_of, offset_of, tolerance_of, unit_or_none
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit

__all__ = ["CompareToReference"]


def _reference_name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ThresholdError(f"reference: expected a name such as 'riket', got {value!r}")
    return value


@attrs.frozen(kw_only=True)
class CompareToReference:
    r"""Green when better than a reference (riket, liknande kommuner), yellow when level.

    "Bättre än riket / Som riket / Sämre än riket": level means within ±tolerance.

    Attributes:
        reference: The name of the reference in ``Context.references`` ("riket").
        direction: Which way is better.
        tolerance: How far from the reference still counts as "som riket" (in the unit).
        offset: Added to the reference before comparing, in the unit: "5 %-enheter under
            riket" with lower-is-better is ``offset=-5``.
        yellow: ``False`` for a two-level rule ("Över medel i SKL:s öppna jämförelser"):
            at the level counts as green, worse as red.
        unit: The unit of value and reference, for text.

    Examples:
        >>> from styrmodell import CompareToReference, Context, Unit
        >>> rule = CompareToReference(unit=Unit.PERCENT, tolerance=1)
        >>> rule.assess(84, Context(references={"riket": 82})).explain()
        '84\xa0% är bättre än riket (82\xa0%) → Grönt'
    """

    reference: str = attrs.field(default="riket", converter=_reference_name)
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, converter=direction_of)
    tolerance: Decimal = attrs.field(default=Decimal(0), converter=tolerance_of)
    offset: Decimal = attrs.field(default=Decimal(0), converter=offset_of)
    yellow: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    unit: Unit | None = attrs.field(default=None, converter=unit_or_none)
    _bands: Bands = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self,
            "_bands",
            difference_bands(self.direction, self.tolerance, Status.YELLOW, yellow=self.yellow),
        )

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Compare *value* with ``context.references[reference] + offset``.

        A missing reference gives ``NOT_ASSESSED`` with reason ``"missing_reference"``.
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        v = to_decimal(value)
        ref = ctx.references.get(self.reference)
        if ref is None:
            return not_assessed(self, v, "missing_reference")
        level = ref + self.offset
        inner = self._bands.assess(v - level)
        reason = {Status.GREEN: "better", Status.RED: "worse"}.get(inner.status, "same")
        if inner.status is Status.GREEN and not self.yellow and abs(v - level) <= self.tolerance:
            reason = "same"
        return Assessment(inner.status, v, self, reason, measured=v - level, compared_with=level)

    def _target_text(self, locale: str) -> str:
        if self.offset == 0:
            return self.reference
        sv = language(locale) == "sv"
        amount = _text.number(abs(self.offset), self.unit_for_offset, locale)
        if sv:
            return f"{amount} {'över' if self.offset > 0 else 'under'} {self.reference}"
        return f"{amount} {'above' if self.offset > 0 else 'below'} {self.reference}"

    @property
    def unit_for_offset(self) -> Unit | None:
        """The unit of the offset: percentage points when the values are percentages."""
        return Unit.PERCENTAGE_POINTS if self.unit is Unit.PERCENT else self.unit

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Grönt: bättre än riket, Gult: som riket, …"."""
        sv = language(locale) == "sv"
        target = self._target_text(locale)
        tol = ""
        if self.tolerance:
            tol = f" (±{_text.number(self.tolerance, self.unit_for_offset, locale)})"
        if not self.yellow:
            green = f"minst i nivå med {target}" if sv else f"at least level with {target}"
            parts = [(Status.GREEN, green + tol)]
        else:
            parts = [
                (Status.GREEN, f"bättre än {target}" if sv else f"better than {target}"),
                (Status.YELLOW, (f"som {target}" if sv else f"same as {target}") + tol),
            ]
        parts.append((Status.RED, f"sämre än {target}" if sv else f"worse than {target}"))
        return _text.rule_text(parts, locale)

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words, e.g. "84 % är bättre än riket (82 %) → Grönt"."""
        sv = language(locale) == "sv"
        a = assessment
        if a.reason == "no_value":
            return _text.verdict("Inget utfall" if sv else "No outcome", a.status, locale)
        if a.reason == "missing_reference":
            text = (
                f"Referensvärde för {self.reference} saknas"
                if sv
                else f"No reference value for {self.reference}"
            )
            return _text.verdict(text, a.status, locale)
        shown = _text.number(a.value, self.unit, locale)
        level = (
            _text.number(a.compared_with, self.unit, locale) if a.compared_with is not None else ""
        )
        target = self._target_text(locale)
        words = {
            "better": ("är bättre än", "is better than"),
            "same": ("är som", "is level with"),
            "worse": ("är sämre än", "is worse than"),
        }[a.reason][0 if sv else 1]
        return _text.verdict(f"{shown} {words} {target} ({level})", a.status, locale)


register(
    Family(
        type=CompareToReference,
        tag="compare_to_reference",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
        as_bands=lambda t: t._bands,
    )
)
