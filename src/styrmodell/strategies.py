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

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from styrmodell._intervals import Interval
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
from styrmodell._thresholds import _draw
from styrmodell._thresholds._base import Context, Threshold
from styrmodell._thresholds._registry import Family, families, family_of, family_tagged
from styrmodell._units import Direction, Unit

if TYPE_CHECKING:
    from styrmodell import (
        Bands,
        BudgetDeviation,
        CompareToReference,
        Duration,
        Milestone,
        TargetValue,
        YearOverYear,
    )

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


def decimals(
    *, min_value: int = -1000, max_value: int = 1000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals between *min_value* and *max_value* with at most *places* decimals."""
    result: st.SearchStrategy[Decimal] = _draw.decimals(
        st, min_value=min_value, max_value=max_value, places=places
    )
    return result


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


# -- threshold families: each family's strategies are its own, found in the registry ---------


def _family(tag: str) -> Family:
    found = family_tagged(tag)
    if found is None or found.strategy is None:  # pragma: no cover - the built-ins have one
        raise LookupError(f"no threshold family {tag!r} with a strategy is registered")
    return found


def _drawn(tag: str, **options: Any) -> st.SearchStrategy[Any]:
    strategy = _family(tag).strategy
    assert strategy is not None
    result: st.SearchStrategy[Any] = strategy(st, **options)
    return result


def bands(
    *,
    unit: Unit | None = None,
    direction: Direction | bool | None = False,
    gaps: bool = False,
    precision: Decimal | bool | None = False,
) -> st.SearchStrategy[Bands]:
    """Valid :class:`~styrmodell.Bands`, built by cutting the line at sorted points.

    Args:
        unit: The unit of the bands.
        direction: A direction the statuses follow (as ``Bands.direction`` declares), ``None``
            for no declared direction (statuses in any order), or ``False`` to draw either.
        gaps: Whether pieces of the line may be left without a colour.
        precision: A precision to declare, ``None`` for none, ``False`` to draw either.
    """
    return _drawn("bands", unit=unit, direction=direction, gaps=gaps, precision=precision)


def compare_to_references(*, unit: Unit | None = None) -> st.SearchStrategy[CompareToReference]:
    """Valid :class:`~styrmodell.CompareToReference` rules against "riket" or "länet"."""
    return _drawn("compare_to_reference", unit=unit)


def year_over_years(*, unit: Unit | None = None) -> st.SearchStrategy[YearOverYear]:
    """Valid :class:`~styrmodell.YearOverYear` rules, "keep the level" ones included."""
    return _drawn("year_over_year", unit=unit)


def target_values(*, unit: Unit | None = None) -> st.SearchStrategy[TargetValue]:
    """Valid :class:`~styrmodell.TargetValue` rules, with and without a yellow margin."""
    return _drawn("target_value", unit=unit)


def budget_deviations() -> st.SearchStrategy[BudgetDeviation]:
    """Valid :class:`~styrmodell.BudgetDeviation` rules (their bands drawn as for ``bands``)."""
    return _drawn("budget_deviation")


def milestones() -> st.SearchStrategy[Milestone]:
    """Valid :class:`~styrmodell.Milestone` rules, with or without a deadline."""
    return _drawn("milestone")


def durations() -> st.SearchStrategy[Duration]:
    """Valid :class:`~styrmodell.Duration` rules in months or days."""
    return _drawn("duration")


def thresholds() -> st.SearchStrategy[Threshold]:
    """Any threshold of the registered families (a family of your own included)."""
    drawn = [f.strategy(st) for f in families() if f.strategy is not None]
    return st.one_of(drawn)


def values_for(threshold: Threshold) -> st.SearchStrategy[Any]:
    """Values *threshold* accepts, concentrated on and around its boundaries.

    Numbers for the numeric families, ``Progress`` or bools for milestones, ``(start, end)``
    date pairs for durations: each family says (its ``values`` in the registry).

    Raises:
        LookupError: for a family that registered no ``values``.
    """
    family = family_of(threshold)
    if family.values is None:
        raise LookupError(f"the family {family.tag!r} registered no values strategy")
    result: st.SearchStrategy[Any] = family.values(st, threshold)
    return result


def contexts_for(threshold: Threshold) -> st.SearchStrategy[Context]:
    """A :class:`~styrmodell.Context` with what *threshold* needs (reference, history...).

    Each family says what it needs (its ``contexts`` in the registry); without that, a
    context with only a year.
    """
    family = family_of(threshold)
    if family.contexts is None:
        return st.builds(Context, year=_draw.years(st))
    result: st.SearchStrategy[Context] = family.contexts(st, threshold)
    return result
