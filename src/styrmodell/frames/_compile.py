"""A plan compiled for the engines: its kernels as integer thresholds and small tables.

Everything here is Python over the plan (never over the data): each indicator's target for the
year becomes a *rule* — which measure to compute, a sorted list of integer thresholds in the
measure's key space, and the verdict (status, reason) of each piece of the number line the
thresholds cut. The engines then only compute keys, count thresholds and join the verdicts.

**Keys.** A number *m* at scale *S* is the integer ``key = sign(m) · (2·a + t)`` with
``a = floor(|m|·10^S)`` and ``t = 1`` when ``|m|·10^S`` is not a whole number. Keys order as
the numbers do, and a number that has more decimals than the scale sits strictly between
the keys of its neighbours on the grid: ``m ≥ g ⟺ key ≥ 2·g·10^S`` and
``m > g ⟺ key ≥ 2·g·10^S + 1`` for every grid point *g*. A rule rounded half-up to a
precision ``10^-d`` is compared on the unrounded number: "rounds to at least *g*" is
"at least the half-point below *g*" (ties go away from zero, as ``Decimal`` rounds them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, Decimal

import attrs

from styrmodell._calendar import Frequency
from styrmodell._errors import PlanError, StyrmodellError, ThresholdError
from styrmodell._goals import Goal, Plan
from styrmodell._intervals import Interval
from styrmodell._messages import failure
from styrmodell._numbers import EXACT
from styrmodell._period import Period
from styrmodell._reason import Reason
from styrmodell._rollup import RollUp
from styrmodell._status import Status
from styrmodell._thresholds._base import Context
from styrmodell._thresholds._kernel import (
    Categories,
    Deviation,
    Kernel,
    ReferenceDifference,
    Value,
    YearDifference,
)
from styrmodell._thresholds._registry import family_of

__all__ = [
    "LIMIT",
    "Compiled",
    "CompiledRule",
    "compile_plan",
    "goal_rows",
    "key_thresholds",
]

LIMIT = 10**14
"""Every scaled number the engines hold stays below this in magnitude: products and steps
of long division then stay below 2⁵³, where every engine (Spark divides integers as
doubles) computes exactly."""

MAX_SCALE = 12
"""The most decimals a frame's scale may have."""

DEFAULT_SCALE = 2
"""The least scale of a frame (Kolada's values have at most two decimals)."""

# Measure kinds, as the engines see them.
NO_TARGET, VALUE, REFERENCE, YEAR, DEVIATION, CATEGORY = range(6)

# Pseudo-pieces: the verdicts that do not depend on where a number falls.
NO_VALUE_PIECE = -1
MISSING_REFERENCE_PIECE = -2
MISSING_HISTORY_PIECE = -3
MISSING_BUDGET_PIECE = -4
ZERO_BUDGET_PIECE = -5
_PSEUDO = {
    NO_VALUE_PIECE: Reason.NO_VALUE,
    MISSING_REFERENCE_PIECE: Reason.MISSING_REFERENCE,
    MISSING_HISTORY_PIECE: Reason.MISSING_HISTORY,
    MISSING_BUDGET_PIECE: Reason.MISSING_BUDGET,
    ZERO_BUDGET_PIECE: Reason.ZERO_BUDGET,
}

_TRUE_WORDS = ("true", "ja", "yes")
_FALSE_WORDS = ("false", "nej", "no")


def decimals(number: Decimal) -> int:
    """How many decimals *number* needs (``2.50`` needs one, ``300`` none)."""
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def scaled(number: Decimal, scale: int) -> int:
    """*number* × 10^scale as an int; it must be a whole number there."""
    value = number.scaleb(scale)
    if value != value.to_integral_value():  # pragma: no cover - scales are chosen to fit
        raise ValueError(f"{number} has more than {scale} decimals")
    return int(value)


_TWO = Decimal(2)


def _ceil_grid(c: Decimal, step: Decimal) -> Decimal:
    return c.quantize(step, rounding=ROUND_CEILING, context=EXACT)


def key_thresholds(
    cuts: Sequence[Decimal], precision: Decimal | None, scale: int
) -> tuple[int, ...]:
    """The integer thresholds that count a measure's piece: two per cut, non-decreasing.

    The piece of a measured number *M* is ``Σ [M ≥ c] + [M > c]`` over the sorted *cuts*;
    each term becomes ``[key ≥ threshold]`` (see the module's docstring).
    """
    out: list[int] = []
    for c in cuts:
        if precision is None:
            base = 2 * scaled(c, scale)
            out += [base, base + 1]
            continue
        at_least = _ceil_grid(c, precision)
        above = EXACT.add(at_least, precision) if at_least == c else at_least
        for g in (at_least, above):
            half = EXACT.subtract(g, EXACT.divide(precision, _TWO))
            h = 2 * scaled(half, scale)
            out.append(h if half > 0 else h + 1)
    return tuple(out)


def _cuts(kernel: Kernel) -> list[Decimal]:
    return sorted(
        {
            b
            for case in kernel.cases
            for b in (case.interval.lower, case.interval.upper)
            if b is not None
        }
    )


def _verdict(kernel: Kernel, x: Decimal) -> tuple[Status, Reason]:
    for case in kernel.cases:
        if case.interval._contains(x):
            return case.status, case.reason
    return kernel.otherwise


def piece_verdicts(kernel: Kernel, cuts: Sequence[Decimal]) -> list[tuple[Status, Reason]]:
    """The verdict of each piece: segment, cut, segment, …, cut, segment (2k + 1 pieces)."""
    edges: list[Decimal | None] = [None, *cuts, None]
    out = []
    for i in range(1, len(edges)):
        out.append(_verdict(kernel, Interval(edges[i - 1], edges[i]).sample()))
        upper = edges[i]
        if upper is not None:
            out.append(_verdict(kernel, upper))
    return out


@attrs.frozen
class CompiledRule:
    """One compiled target: what to measure and the verdict of each piece of its line."""

    id: int
    kind: int
    thresholds: tuple[int, ...] = ()
    verdicts: tuple[tuple[Status, Reason], ...] = ()
    labels: Mapping[str, tuple[Status, Reason]] = attrs.field(factory=dict)
    reference: str | None = None
    offset: Decimal = Decimal(0)
    year: int | None = None
    compared_with: Decimal | None = None
    precision: Decimal | None = None
    cuts: tuple[Decimal, ...] = ()


@attrs.frozen
class CompiledIndicator:
    """One indicator of the plan as the engines see it."""

    id: str
    goal: str
    rule: int
    compared_year: int | None
    last_month: int
    """The last month of a period whose outcome is available by the date assessed (0: none)."""


@attrs.frozen
class GoalRow:
    """One goal as the roll-up sees it: its parent, its depth and its policy."""

    id: str
    parent: str | None
    depth: int
    policy: RollUp


@attrs.frozen
class Compiled:
    """A plan compiled for one year: rules, indicators, goals and the scales of the keys."""

    year: int
    as_of: dt.date | None
    rules: tuple[CompiledRule, ...]
    indicators: tuple[CompiledIndicator, ...]
    goals: tuple[GoalRow, ...]
    scale: int
    deviation_scale: int
    references: tuple[str, ...]
    labels: tuple[str, ...]
    period: Period | None

    @property
    def kinds(self) -> frozenset[int]:
        """The measure kinds the plan uses."""
        used = {self.rules[ind.rule].kind for ind in self.indicators}
        return frozenset(used)

    def max_thresholds(self) -> int:
        """The most thresholds of any rule (the width of the threshold columns)."""
        return max((len(r.thresholds) for r in self.rules), default=0)


def _needed_scale(kernel: Kernel) -> int:
    need = max((decimals(c) for c in _cuts(kernel)), default=0)
    if kernel.precision is not None:
        need = max(need, decimals(kernel.precision) + 1)
    measure = kernel.measure
    if isinstance(measure, ReferenceDifference):
        need = max(need, decimals(measure.offset))
    return need


def _kernel_of(threshold: object, context: Context, where: str) -> Kernel:
    family = family_of(threshold)
    if family.kernel is None:
        raise failure(
            ThresholdError,
            "frames.no_kernel",
            where,
            family=family.tag,
            kind=type(threshold).__qualname__,
        )
    try:
        kernel = family.kernel(threshold, context)
    except StyrmodellError as exc:
        raise failure(ThresholdError, "frames.kernel_refused", where, reason=str(exc)) from None
    if not isinstance(kernel, Kernel):
        raise failure(ThresholdError, "frames.not_a_kernel", where, family=family.tag)
    return kernel


def _available_until(frequency: str, year: int, as_of: dt.date | None) -> int:
    """The last month *m* of *year* whose periods' outcomes are available by *as_of*.

    The object path's rule of availability; 0 when no month is, 12 without a date.
    """
    if as_of is None:
        return 12
    parsed = Frequency.parse(frequency) if frequency else None
    last = 0
    for month in range(1, 13):
        end = Period.months(year, month, month).end
        if parsed is None or parsed.cadence is None:
            ok = end <= as_of
        else:
            ok = parsed.available_from(Period.months(year, month, month)) <= as_of
        if ok:
            last = month
    return last


def compile_plan(
    plan: Plan,
    year: int,
    *,
    as_of: dt.date | None = None,
    rollup: RollUp = RollUp.WORST,
    scale: int | None = None,
    period: Period | None = None,
) -> Compiled:
    """Compile every indicator's target for *year* into rules (see the module docstring).

    Raises:
        ThresholdError: for a target whose family has no kernel, or a rule its kernel
            cannot express, naming the indicator.
        PlanError: for a scale that is too small for the plan's numbers, or too large.
    """
    context = Context(year=year, as_of=as_of)
    ids: dict[Kernel | None, int] = {}
    indicators: list[CompiledIndicator] = []
    need = deviation_need = 0
    for goal_path, goal in plan.walk():
        for k, ind in enumerate(goal.indicators):
            threshold = ind.target_for(year)
            kernel = None
            if threshold is not None:
                where = f"{goal_path}.indicators[{k}] ({ind.id})"
                kernel = _kernel_of(threshold, context, where)
                if isinstance(kernel.measure, Deviation):
                    deviation_need = max(deviation_need, _needed_scale(kernel))
                elif not isinstance(kernel.measure, Categories):
                    need = max(need, _needed_scale(kernel))
            rule_id = ids.setdefault(kernel, len(ids))
            compared_year = None
            if kernel is not None and isinstance(kernel.measure, YearDifference):
                compared_year = kernel.measure.year if kernel.measure.year is not None else year - 1
            until = _available_until(ind.frequency, year, as_of)
            indicators.append(CompiledIndicator(ind.id, goal.id, rule_id, compared_year, until))
    chosen = max(need, DEFAULT_SCALE) if scale is None else scale
    if isinstance(chosen, bool) or not isinstance(chosen, int) or not 0 <= chosen <= MAX_SCALE:
        raise failure(PlanError, "frames.scale", "scale", value=scale, limit=MAX_SCALE)
    if chosen < need:
        raise failure(PlanError, "frames.scale_too_small", "scale", value=scale, need=need)
    labels: set[str] = set()
    references: list[str] = []
    rules: list[CompiledRule] = []
    for kernel, rule_id in ids.items():
        rules.append(_rule(rule_id, kernel, chosen, deviation_need))
        if kernel is not None and isinstance(kernel.measure, Categories):
            labels.update(kernel.measure.labels)
        if (
            kernel is not None
            and isinstance(kernel.measure, ReferenceDifference)
            and kernel.measure.reference not in references
        ):
            references.append(kernel.measure.reference)
    for rule in rules:
        for c in rule.cuts:
            bound = scaled(c, deviation_need if rule.kind == DEVIATION else chosen)
            if abs(bound) >= LIMIT:
                raise failure(PlanError, "frames.bound_too_large", "plan", value=c)
    return Compiled(
        year=year,
        as_of=as_of,
        rules=tuple(rules),
        indicators=tuple(indicators),
        goals=tuple(goal_rows(plan, rollup)),
        scale=chosen,
        deviation_scale=deviation_need,
        references=tuple(references),
        labels=tuple(sorted(labels | set(_TRUE_WORDS) | set(_FALSE_WORDS))),
        period=period,
    )


def _rule(rule_id: int, kernel: Kernel | None, scale: int, deviation_scale: int) -> CompiledRule:
    if kernel is None:
        return CompiledRule(rule_id, NO_TARGET, verdicts=((Status.NOT_ASSESSED, Reason.NO_TARGET),))
    measure = kernel.measure
    if isinstance(measure, Categories):
        labels = dict(measure.labels)
        for word in _TRUE_WORDS:
            labels.setdefault(word, measure.labels.get("true", kernel.otherwise))
        for word in _FALSE_WORDS:
            labels.setdefault(word, measure.labels.get("false", kernel.otherwise))
        return CompiledRule(rule_id, CATEGORY, labels=labels)
    cuts = _cuts(kernel)
    kind = {
        Value: VALUE,
        ReferenceDifference: REFERENCE,
        YearDifference: YEAR,
        Deviation: DEVIATION,
    }[type(measure)]
    at = deviation_scale if kind == DEVIATION else scale
    return CompiledRule(
        rule_id,
        kind,
        thresholds=key_thresholds(cuts, kernel.precision, at),
        verdicts=tuple(piece_verdicts(kernel, cuts)),
        reference=measure.reference if isinstance(measure, ReferenceDifference) else None,
        offset=measure.offset if isinstance(measure, ReferenceDifference) else Decimal(0),
        year=measure.year if isinstance(measure, YearDifference) else None,
        compared_with=kernel.compared_with,
        precision=kernel.precision,
        cuts=tuple(cuts),
    )


def pseudo_verdicts() -> Iterable[tuple[int, Reason]]:
    """The pseudo-pieces and their reasons (status: not assessed)."""
    return _PSEUDO.items()


def goal_rows(plan: Plan, rollup: RollUp) -> Iterable[GoalRow]:
    """Every goal of *plan*, parents before children, with its roll-up policy."""

    def visit(goal: Goal, parent: str | None, depth: int) -> Iterable[GoalRow]:
        level = goal.level or 0
        yield GoalRow(goal.id, parent, depth, plan.rollups.get(level, rollup))
        for child in goal.children:
            yield from visit(child, goal.id, depth + 1)

    for goal in plan.goals:
        yield from visit(goal, None, 0)
