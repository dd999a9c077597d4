"""Compare to a reference: "Bättre än riket / Som riket / Sämre än riket".

Swedish terms: *riket* (the national value; Kolada's municipality "0000"), *liknande
kommuner*, *länet*, *medel i SKL:s öppna jämförelser*, *%-enheter under riket* (an offset).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_flag, as_number
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands, difference_bands
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F, as_tolerance
from styrmodell._thresholds._finding import Finding
from styrmodell._thresholds._kernel import Case, Kernel, ReferenceDifference
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_direction, as_optional_unit

__all__ = ["CompareToReference"]

_REASONS = {Status.GREEN: Reason.BETTER, Status.RED: Reason.WORSE}


def _reference_name(value: object, at: str = "value") -> str:
    if not isinstance(value, str) or not value.strip():
        raise failure(ThresholdError, "reference.expected_name", at, value=value)
    return value


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class CompareToReference:
    r"""Green when better than a reference (riket, liknande kommuner), yellow when level.

    "Bättre än riket / Som riket / Sämre än riket": level means within ±tolerance.

    Attributes:
        reference: The name of the reference in ``Context.references`` ("riket").
        direction: Which way is better (a ``Direction`` or its value,
            ``"higher_is_better"``).
        tolerance: How far from the reference still counts as "som riket" (in the unit).
        offset: Added to the reference before comparing, in the unit: "5 %-enheter under
            riket" with lower-is-better is ``offset=-5``.
        yellow: ``False`` for a two-level rule ("Över medel i SKL:s öppna jämförelser"):
            at the level counts as green, worse as red.
        unit: The unit of value and reference, for text.

    Examples:
        >>> from styrmodell import CompareToReference, Context
        >>> rule = CompareToReference(direction="higher_is_better", unit="percent", tolerance=1)
        >>> rule.assess(84, Context(references={"riket": 82})).explain()
        '84\xa0% är bättre än riket (82\xa0%) → Grönt'
    """

    reference: str = attrs.field(default="riket", converter=_reference_name)
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, converter=as_direction)
    tolerance: Decimal = attrs.field(default=Decimal(0), converter=as_tolerance)
    offset: Decimal = attrs.field(default=Decimal(0), converter=as_number)
    yellow: bool = attrs.field(default=True, converter=as_flag)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)

    def __attrs_post_init__(self) -> None:
        self._bands  # noqa: B018 - built (and so checked) with the rule

    @functools.cached_property
    def _bands(self) -> Bands:
        return difference_bands(self.direction, self.tolerance, Status.YELLOW, yellow=self.yellow)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Compare *value* with ``context.references[reference] + offset``.

        A missing reference gives ``NOT_ASSESSED`` with ``Reason.MISSING_REFERENCE``.
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        ref = ctx.references.get(self.reference)
        if ref is None:
            return not_assessed(self, v, Reason.MISSING_REFERENCE)
        level = EXACT.add(ref, self.offset)
        difference = EXACT.subtract(v, level)
        inner = self._bands.assess(difference)
        reason = _REASONS.get(inner.status, Reason.SAME)
        if (
            inner.status is Status.GREEN
            and not self.yellow
            and difference.copy_abs() <= self.tolerance
        ):
            reason = Reason.SAME
        return Assessment(inner.status, v, self, reason, measured=difference, compared_with=level)

    @property
    def unit_for_offset(self) -> Unit | None:
        """The unit of the offset: percentage points when the values are percentages."""
        return Unit.PERCENTAGE_POINTS if self.unit is Unit.PERCENT else self.unit


def _target_text(rule: CompareToReference, locale: str) -> str:
    if rule.offset == 0:
        return rule.reference
    amount = _text.number(rule.offset.copy_abs(), rule.unit_for_offset, locale)
    code = "reference.above" if rule.offset > 0 else "reference.below"
    return text(code, locale, amount=amount, reference=rule.reference)


def describe_reference(rule: CompareToReference, locale: str) -> str:
    """The rule in plan language, e.g. "Grönt: bättre än riket, Gult: som riket, …"."""
    target = _target_text(rule, locale)

    def tolerant(said: str) -> str:
        if not rule.tolerance:
            return said
        tolerance = _text.number(rule.tolerance, rule.unit_for_offset, locale)
        return text("threshold.describe.tolerance", locale, text=said, tolerance=tolerance)

    if not rule.yellow:
        parts = [(Status.GREEN, tolerant(text("reference.describe.level", locale, target=target)))]
    else:
        parts = [
            (Status.GREEN, text("reference.describe.better", locale, target=target)),
            (Status.YELLOW, tolerant(text("reference.describe.same", locale, target=target))),
        ]
    parts.append((Status.RED, text("reference.describe.worse", locale, target=target)))
    return _text.rule_text(parts, locale)


def explain_reference(a: Assessment, locale: str) -> str:
    """Why, in words, e.g. "84 % är bättre än riket (82 %) → Grönt"."""
    rule: CompareToReference = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.reason is Reason.MISSING_REFERENCE:
        return text(
            "reference.explain.missing_reference", locale, reference=rule.reference, status=status
        )
    return text(
        f"reference.explain.{a.reason.value}",
        locale,
        value=_text.number(a.value, rule.unit, locale),
        target=_target_text(rule, locale),
        level=_text.number(a.compared_with, rule.unit, locale)
        if a.compared_with is not None
        else "",
        status=status,
    )


def lint_reference(rule: CompareToReference) -> list[Finding]:
    """A yellow "som riket" without a tolerance is only the reference's exact value."""
    if rule.tolerance != 0 or rule.unit is Unit.COUNT or not rule.yellow:
        return []
    return [
        Finding(
            kind="empty_yellow",
            severity="warning",
            code="lint.same.reference",
            params={"reference": rule.reference},
        )
    ]


def reference_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Valid rules against "riket", "länet" or "liknande kommuner"."""
    return st.builds(
        CompareToReference,
        reference=st.sampled_from(["riket", "länet", "liknande kommuner"]),
        direction=st.sampled_from(Direction),
        tolerance=_draw.decimals(st, min_value=0, max_value=10, places=1),
        offset=_draw.decimals(st, min_value=-10, max_value=10, places=1),
        yellow=st.booleans(),
        unit=st.just(unit),
    )


def reference_values(st: ModuleType, rule: CompareToReference) -> Any:
    """Numbers around the reference level (the bands are on the difference from it)."""
    return _draw.near(st, [Decimal(0)])


def reference_contexts(st: ModuleType, rule: CompareToReference) -> Any:
    """A context with a year and the reference's value."""
    return st.builds(
        Context,
        year=_draw.years(st),
        references=st.fixed_dictionaries(
            {rule.reference: _draw.decimals(st, min_value=-100, max_value=100)}
        ),
    )


def reference_kernel(rule: CompareToReference, context: Context) -> Kernel:
    """The difference from the reference level, on the rule's bands.

    With the reasons of :meth:`CompareToReference.assess` (a two-level rule's level
    stretch is green but "same").
    """

    def reason(status: Status, diff: Decimal) -> Reason:
        if status is Status.GREEN and not rule.yellow and diff.copy_abs() <= rule.tolerance:
            return Reason.SAME
        return _REASONS.get(status, Reason.SAME)

    cases = [Case(iv, s, reason(s, iv.sample())) for s, ivs in rule._bands.bands() for iv in ivs]
    measure = ReferenceDifference(reference=rule.reference, offset=rule.offset)
    return Kernel(measure=measure, cases=cases)


COMPARE_TO_REFERENCE = register(
    Family(
        type=CompareToReference,
        tag="compare_to_reference",
        describe=describe_reference,
        explain=explain_reference,
        strategy=reference_strategy,
        values=reference_values,
        contexts=reference_contexts,
        as_bands=lambda rule: rule._bands,
        lint=lint_reference,
        kernel=reference_kernel,
    )
)
