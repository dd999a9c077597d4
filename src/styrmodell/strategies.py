"""Hypothesis strategies for styrmodell's public types, to property-test threshold logic.

Importing this module imports hypothesis (``pip install styrmodell[hypothesis]``); importing
``styrmodell`` never does. The strategies are also registered for ``st.from_type``::

    from hypothesis import given, strategies as st
    import styrmodell as sm
    from styrmodell import strategies as sms

    @given(sms.bands(), st.data())
    def test_every_value_gets_a_colour(rule, data):
        value = data.draw(sms.values_for(rule))
        assert rule.assess(value).status in sm.Status

Every strategy is valid by construction (no NaN, no infinities) and shrinks well.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from styrmodell._intervals import Interval
from styrmodell._status import Status
from styrmodell._strategies_calendar import (
    action_plans,
    activities,
    follow_up_calendars,
    occasion_rules,
    occasions,
    working_days,
)
from styrmodell._strategies_ledger import (
    investment_budgets,
    investment_objects,
    ledger_amounts,
    ledger_lines,
    ledgers,
    verksamheter,
)
from styrmodell._strategies_plan import (
    goals,
    indicators,
    outcome_collections,
    outcomes,
    periods,
    plans,
)
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Context, Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._milestone import Milestone, Progress
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import TargetValue
from styrmodell._units import Direction, Unit

__all__ = [
    "action_plans",
    "activities",
    "bands",
    "budget_deviations",
    "compare_to_references",
    "contexts_for",
    "decimals",
    "durations",
    "follow_up_calendars",
    "goals",
    "indicators",
    "intervals",
    "investment_budgets",
    "investment_objects",
    "ledger_amounts",
    "ledger_lines",
    "ledgers",
    "milestones",
    "numbers",
    "occasion_rules",
    "occasions",
    "outcome_collections",
    "outcomes",
    "periods",
    "plans",
    "target_values",
    "thresholds",
    "values_for",
    "verksamheter",
    "working_days",
    "year_over_years",
]

_COLOURS = (Status.RED, Status.YELLOW, Status.GREEN)


def decimals(
    *, min_value: int = -1000, max_value: int = 1000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals between *min_value* and *max_value* with at most *places* decimals."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def numbers(*, min_value: int = -1000, max_value: int = 1000) -> st.SearchStrategy[Any]:
    """Friendly numeric input as users pass it: int, Decimal, float or a numeric string."""
    d = decimals(min_value=min_value, max_value=max_value)
    return st.one_of(
        st.integers(min_value=min_value, max_value=max_value),
        d,
        d.map(float),
        d.map(str),
        d.map(lambda x: str(x).replace(".", ",")),
    )


@st.composite
def intervals(
    draw: st.DrawFn, *, min_value: int = -1000, max_value: int = 1000, places: int = 2
) -> Interval:
    """Valid intervals: bounded or not, each end open or closed, points included."""
    d = decimals(min_value=min_value, max_value=max_value, places=places)
    lo = draw(st.none() | d)
    hi = draw(st.none() | d)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    if lo is not None and lo == hi:
        return Interval.point(lo)
    lower_closed = lo is not None and draw(st.booleans())
    upper_closed = hi is not None and draw(st.booleans())
    return Interval(lo, hi, lower_closed=lower_closed, upper_closed=upper_closed)


@st.composite
def bands(
    draw: st.DrawFn,
    *,
    unit: Unit | None = None,
    direction: Direction | bool | None = False,
    gaps: bool = False,
    precision: Decimal | bool | None = False,
) -> Bands:
    """Valid :class:`~styrmodell.Bands`, built by cutting the line at sorted points.

    Args:
        unit: The unit of the bands.
        direction: A direction the statuses follow (as ``Bands.direction`` declares), ``None``
            for no declared direction (statuses in any order), or ``False`` to draw either.
        gaps: Whether pieces of the line may be left without a colour.
        precision: A precision to declare, ``None`` for none, ``False`` to draw either.
    """
    if direction is False:
        direction = draw(st.sampled_from([None, *Direction]))
    if precision is False:
        precision = draw(st.sampled_from([None, Decimal(1), Decimal("0.1")]))
    cuts = sorted(
        draw(st.sets(decimals(min_value=-200, max_value=200, places=1), min_size=1, max_size=4))
    )
    # Pieces along the line: segment, cut, segment, cut, ..., segment.
    n_pieces = 2 * len(cuts) + 1
    if isinstance(direction, Direction):
        ranks = sorted(draw(st.lists(st.integers(0, 2), min_size=n_pieces, max_size=n_pieces)))
        if direction is Direction.LOWER_IS_BETTER:
            ranks.reverse()
        statuses: list[Status | None] = [_COLOURS[r] for r in ranks]
    else:
        statuses = draw(st.lists(st.sampled_from(_COLOURS), min_size=n_pieces, max_size=n_pieces))
    if gaps:
        holes = draw(st.lists(st.booleans(), min_size=n_pieces, max_size=n_pieces))
        statuses = [None if h else s for s, h in zip(statuses, holes, strict=True)]
    if all(s is None for s in statuses):
        statuses[0] = Status.RED
    by_status: dict[Status, list[Interval]] = {}
    i = 0
    while i < n_pieces:
        status = statuses[i]
        j = i
        while j + 1 < n_pieces and statuses[j + 1] is status:
            j += 1
        if status is not None:
            by_status.setdefault(status, []).append(_piece_span(cuts, i, j))
        i = j + 1
    return Bands(
        green=by_status.get(Status.GREEN),
        yellow=by_status.get(Status.YELLOW),
        red=by_status.get(Status.RED),
        unit=unit,
        direction=direction if isinstance(direction, Direction) else None,
        precision=precision if isinstance(precision, Decimal) else None,
    )


def _piece_span(cuts: list[Decimal], first: int, last: int) -> Interval:
    """The interval covering pieces first..last (even index: segment, odd index: a cut)."""

    def start(k: int) -> tuple[Decimal | None, bool]:
        if k % 2:
            return cuts[k // 2], True
        return (cuts[k // 2 - 1] if k else None), False

    def end(k: int) -> tuple[Decimal | None, bool]:
        if k % 2:
            return cuts[k // 2], True
        return (cuts[k // 2] if k // 2 < len(cuts) else None), False

    lo, lo_closed = start(first)
    hi, hi_closed = end(last)
    return Interval(lo, hi, lower_closed=lo_closed, upper_closed=hi_closed)


def compare_to_references(*, unit: Unit | None = None) -> st.SearchStrategy[CompareToReference]:
    """Valid :class:`~styrmodell.CompareToReference` rules against "riket" or "länet"."""
    return st.builds(
        CompareToReference,
        reference=st.sampled_from(["riket", "länet", "liknande kommuner"]),
        direction=st.sampled_from(Direction),
        tolerance=decimals(min_value=0, max_value=10, places=1),
        offset=decimals(min_value=-10, max_value=10, places=1),
        yellow=st.booleans(),
        unit=st.just(unit),
    )


def year_over_years(*, unit: Unit | None = None) -> st.SearchStrategy[YearOverYear]:
    """Valid :class:`~styrmodell.YearOverYear` rules."""
    return st.builds(
        YearOverYear,
        direction=st.sampled_from(Direction),
        base_year=st.none() | st.integers(min_value=2005, max_value=2030),
        tolerance=decimals(min_value=0, max_value=5, places=1),
        unchanged=st.sampled_from(_COLOURS),
        unit=st.just(unit),
    )


def target_values(*, unit: Unit | None = None) -> st.SearchStrategy[TargetValue]:
    """Valid :class:`~styrmodell.TargetValue` rules, with and without a yellow margin."""
    return st.builds(
        TargetValue,
        st.sampled_from([">", ">=", "<", "<=", "==", "≥", "≤"]),
        decimals(min_value=-100, max_value=100, places=1),
        unit=st.just(unit),
        yellow_margin=st.none() | decimals(min_value=0, max_value=20, places=1).filter(bool),
    )


def budget_deviations() -> st.SearchStrategy[BudgetDeviation]:
    """Valid :class:`~styrmodell.BudgetDeviation` rules (their bands drawn as for ``bands``)."""
    return bands(unit=Unit.PERCENT).map(
        lambda b: BudgetDeviation(green=b.green, yellow=b.yellow, red=b.red, precision=b.precision)
    )


def milestones() -> st.SearchStrategy[Milestone]:
    """Valid :class:`~styrmodell.Milestone` rules, with or without a deadline."""
    return st.builds(
        Milestone,
        due=st.none() | st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)),
        required=st.sampled_from([Progress.STARTED, Progress.DONE]),
    )


def durations() -> st.SearchStrategy[Duration]:
    """Valid :class:`~styrmodell.Duration` rules in months or days."""
    return st.one_of(
        st.integers(1, 24).map(lambda n: Duration(f"{n} months")),
        st.integers(1, 365).map(lambda n: Duration(f"{n} days")),
    )


def thresholds() -> st.SearchStrategy[Threshold]:
    """Any threshold of the built-in families."""
    return st.one_of(
        bands(),
        compare_to_references(),
        year_over_years(),
        target_values(),
        budget_deviations(),
        milestones(),
        durations(),
    )


def _bounds(threshold: Any) -> list[Decimal]:
    """The finite band bounds of a numeric threshold (from its bands, not the look-up table)."""
    rule = threshold if isinstance(threshold, Bands) else getattr(threshold, "_bands", None)
    if not isinstance(rule, Bands):
        return []
    return sorted(
        {b for _, ivs in rule.bands() for iv in ivs for b in (iv.lower, iv.upper) if b is not None}
    )


def values_for(threshold: Threshold) -> st.SearchStrategy[Any]:
    """Values *threshold* accepts, concentrated on and around its boundaries.

    Numbers for the numeric families, ``Progress`` or bools for milestones, ``(start, end)``
    date pairs for durations.
    """
    if isinstance(threshold, Milestone):
        return st.sampled_from(Progress) | st.booleans()
    if isinstance(threshold, Duration):
        start = st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
        return st.tuples(start, st.integers(0, 800)).map(
            lambda p: (p[0], p[0] + dt.timedelta(days=p[1]))
        )
    if isinstance(threshold, BudgetDeviation):
        return decimals(min_value=-200_000, max_value=200_000, places=0)
    bounds = _bounds(threshold)
    if isinstance(threshold, CompareToReference | YearOverYear):
        bounds = [Decimal(0)]
    near = [
        b + d
        for b in bounds
        for d in (Decimal(0), Decimal("0.05"), Decimal("-0.05"), Decimal(1), Decimal(-1))
    ]
    anywhere = decimals(min_value=-300, max_value=300)
    return st.sampled_from(near) | anywhere if near else anywhere


@st.composite
def contexts_for(draw: st.DrawFn, threshold: Threshold) -> Context:
    """A :class:`~styrmodell.Context` with what *threshold* needs (reference, history...)."""
    year = draw(st.integers(2011, 2030))
    kwargs: dict[str, Any] = {"year": year}
    if isinstance(threshold, CompareToReference):
        kwargs["references"] = {threshold.reference: draw(decimals(min_value=-100, max_value=100))}
    elif isinstance(threshold, YearOverYear):
        base = threshold.base_year if threshold.base_year is not None else year - 1
        kwargs["history"] = {base: draw(decimals(min_value=-100, max_value=100))}
    elif isinstance(threshold, BudgetDeviation):
        kwargs["budget"] = draw(
            decimals(min_value=-200_000, max_value=200_000, places=0).filter(bool)
        )
    elif isinstance(threshold, Milestone | Duration):
        kwargs["as_of"] = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return Context(**kwargs)
