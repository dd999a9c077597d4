"""Staged targets: a plan year judged on the straight line to the next stage ("30 % 2030").

Swedish terms: *etappmål* (a stage: a target for a year beyond the plan, "9 % 2020, 15 %
2025, 30 % 2030"), *utgångsläge* (the baseline), *senast 2030* (by 2030 at the latest).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_flag, as_number, as_year
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT
from styrmodell._reason import Reason
from styrmodell._thresholds import _draw
from styrmodell._thresholds._bands import band_values
from styrmodell._thresholds._base import Assessment, Context
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._measured import QUOTIENT
from styrmodell._thresholds._registry import Family, register
from styrmodell._thresholds._target import (
    TargetValue,
    describe_target,
    explain_target,
    target_strategy,
)

__all__ = ["StagedTarget", "line_target"]

_ONE = Decimal(1)
_JUDGED = frozenset({Reason.MET, Reason.WITHIN_MARGIN, Reason.NOT_MET})


def _target_value(value: object, at: str = "value") -> TargetValue:
    if isinstance(value, TargetValue):
        return value
    raise failure(ThresholdError, "staged.expected_target", at, value=value)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class StagedTarget:
    r"""A year's target read off the straight line from a start to the next stage.

    Made by :meth:`styrmodell.Indicator.target_for` for a plan year without a target of its
    own when the indicator says ``interpolate=True``; the start is the latest earlier stage
    or, failing one, the baseline. It judges as *rule* (the next stage's comparator and
    margin, with the line's value for the year as its target), and says so: the reason of
    a judged value is ``Reason.INTERPOLATED`` and ``explain`` names both ends.

    Attributes:
        rule: The target for the year.
        start: The year the line starts (the baseline's or an earlier stage's).
        start_value: The value it starts from.
        stage: The next stage's year.
        stage_value: The next stage's target.
        from_baseline: Whether the line starts at the baseline (else at an earlier stage).

    Examples:
        >>> from styrmodell import TargetValue
        >>> stage = TargetValue(">=", 30, unit="percent")
        >>> rule = line_target(2023, {2030: stage}, baseline=(2019, 8))
        >>> rule.rule.target
        Decimal('16')
        >>> rule.assess(17).explain()  # doctest: +NORMALIZE_WHITESPACE
        'Mellan utgångsläget 2019 och etappmålet 2030: 17\xa0% uppfyller målvärdet ≥ 16\xa0%
        → Grönt'
    """

    rule: TargetValue = attrs.field(converter=_target_value)
    start: int = attrs.field(converter=as_year)
    start_value: Decimal = attrs.field(converter=as_number)
    stage: int = attrs.field(converter=as_year)
    stage_value: Decimal = attrs.field(converter=as_number)
    from_baseline: bool = attrs.field(default=True, converter=as_flag)

    def __attrs_post_init__(self) -> None:
        if self.start >= self.stage:
            raise failure(ThresholdError, "staged.expected_order", "StagedTarget", value=self)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge *value* as ``rule`` does; a judged value's reason is ``INTERPOLATED``."""
        inner = self.rule.assess(value, context)
        reason = Reason.INTERPOLATED if inner.reason in _JUDGED else inner.reason
        return attrs.evolve(inner, threshold=self, reason=reason)


def line_target(
    year: int,
    targets: Mapping[int, object],
    *,
    baseline: tuple[int, Decimal | int] | None = None,
) -> StagedTarget | None:
    """The target for *year* on the line to the next stage, or ``None`` when there is none.

    The next stage is the first later year whose target is a :class:`TargetValue`; the
    line starts at the latest earlier such year, or else at *baseline* ``(year, value)``.
    The line's value for *year* is rounded half-up to ten decimals.
    """
    later = [y for y, t in targets.items() if y > year and isinstance(t, TargetValue)]
    if not later:
        return None
    stage_year = min(later)
    stage: TargetValue = targets[stage_year]  # type: ignore[assignment]
    earlier = [y for y, t in targets.items() if y < year and isinstance(t, TargetValue)]
    start: tuple[int, Decimal] | None = None
    from_baseline = True
    if earlier:
        first: TargetValue = targets[max(earlier)]  # type: ignore[assignment]
        start, from_baseline = (max(earlier), first.target), False
    if baseline is not None and baseline[0] < year and (start is None or baseline[0] > start[0]):
        start, from_baseline = (baseline[0], Decimal(baseline[1])), True
    if start is None:
        return None
    y0, v0 = start
    rise = EXACT.subtract(stage.target, v0)
    step = QUOTIENT.divide(EXACT.multiply(rise, year - y0), stage_year - y0)
    at_year = _tidy(QUOTIENT.add(v0, step))
    return StagedTarget(
        rule=attrs.evolve(stage, target=at_year),
        start=y0,
        start_value=v0,
        stage=stage_year,
        stage_value=stage.target,
        from_baseline=from_baseline,
    )


def _tidy(value: Decimal) -> Decimal:
    """*value* to at most ten decimals and 28 digits, without trailing zeros (a target)."""
    exponent = max(-10, value.adjusted() - 27)
    rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP, context=EXACT)
    tidy = rounded.normalize(EXACT)
    return tidy.quantize(_ONE, context=EXACT) if tidy.as_tuple().exponent > 0 else tidy  # type: ignore[operator]


def _between(rule: StagedTarget, locale: str) -> str:
    code = "staged.between.baseline" if rule.from_baseline else "staged.between.stage"
    return text(code, locale, start=rule.start, stage=rule.stage)


def describe_staged(rule: StagedTarget, locale: str) -> str:
    """In words: "Mellan utgångsläget 2019 och etappmålet 2030: Grönt: ≥ 14 %, …"."""
    said = describe_target(rule.rule, locale)
    return text("staged.describe", locale, between=_between(rule, locale), rule=said)


def explain_staged(a: Assessment, locale: str) -> str:
    """In words: "Mellan utgångsläget 2019 och etappmålet 2030: 15 % uppfyller … → Grönt"."""
    rule: StagedTarget = a.threshold  # type: ignore[assignment]
    if a.reason is not Reason.INTERPOLATED:
        return explain_target(attrs.evolve(a, threshold=rule.rule), locale)
    inner = rule.rule.assess(a.value)
    said = explain_target(inner, locale)
    return text("staged.describe", locale, between=_between(rule, locale), rule=said)


def staged_strategy(st: ModuleType, *, unit: Any = None) -> Any:
    """Lines from a baseline or an earlier stage to a later stage."""

    def build(rule: TargetValue, start: int, span: int, value: Decimal, base: bool) -> Any:
        return StagedTarget(
            rule=rule,
            start=start,
            start_value=value,
            stage=start + span,
            stage_value=rule.target,
            from_baseline=base,
        )

    return st.builds(
        build,
        target_strategy(st, unit=unit),
        st.integers(2011, 2025),
        st.integers(1, 10),
        _draw.decimals(st, min_value=-100, max_value=100, places=1),
        st.booleans(),
    )


STAGED_TARGET = register(
    Family(
        type=StagedTarget,
        tag="staged_target",
        describe=describe_staged,
        explain=explain_staged,
        strategy=staged_strategy,
        values=lambda st, rule: band_values(st, rule.rule._bands),
        as_bands=lambda rule: rule.rule._bands,
    )
)
