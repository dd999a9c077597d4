"""Hypothesis strategies for plans, goals, indicators, periods and outcomes.

Private: ``styrmodell.strategies`` re-exports them. Everything drawn is valid by
construction (unique ids, children one level below their parents, targets inside the plan's
years with units that fit) and shrinks towards small plans.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from styrmodell._frozenmap import FrozenMap
from styrmodell._goals import Baseline, Goal, Indicator, OrgUnit, Plan
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._period import Period, PeriodKind
from styrmodell._strategies_calendar import follow_up_calendars
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._milestone import Milestone
from styrmodell._thresholds._target import TargetValue
from styrmodell._units import Direction, Unit

__all__ = ["goals", "indicators", "outcome_collections", "outcomes", "periods", "plans"]

_YEARS = st.integers(min_value=2000, max_value=2040)


def _thresholds_for_unit(unit: Unit) -> st.SearchStrategy[Any]:
    """A target value, year-over-year rule or milestone whose unit fits *unit*."""
    return st.one_of(
        st.builds(
            TargetValue,
            st.sampled_from([">", ">=", "<", "<="]),
            st.integers(-100, 100),
            unit=st.just(unit),
        ),
        st.builds(YearOverYear, direction=st.sampled_from(Direction), unit=st.just(unit)),
        st.builds(Milestone, due=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))),
    )


@st.composite
def periods(draw: st.DrawFn, *, year: int | None = None) -> Period:
    """Any :class:`Period`: years, delår, tertials, quarters, months and month ranges."""
    y = year if year is not None else draw(_YEARS)
    kind = draw(st.sampled_from(PeriodKind))
    if kind is PeriodKind.YEAR:
        return Period.year(y)
    if kind is PeriodKind.DELAR:
        return Period.delar(y)
    if kind is PeriodKind.TERTIAL:
        return Period.tertial(y, draw(st.integers(1, 3)))
    if kind is PeriodKind.QUARTER:
        return Period.quarter(y, draw(st.integers(1, 4)))
    if kind is PeriodKind.MONTH:
        return Period.month(y, draw(st.integers(1, 12)))
    first = draw(st.integers(1, 12))
    return Period.months(y, first, draw(st.integers(first, 12)))


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.integers(min_value=0, max_value=10**6).map(lambda n: f"{prefix}{n}")


@st.composite
def indicators(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    years: tuple[int, int] = (2023, 2025),
) -> Indicator:
    """An :class:`Indicator` with targets for some of *years* whose units fit its own."""
    unit = draw(st.sampled_from([Unit.PERCENT, Unit.COUNT, Unit.DAYS, Unit.SEK]))
    target_years = draw(
        st.lists(st.integers(years[0], years[1]), unique=True, max_size=years[1] - years[0] + 1)
    )
    targets = {y: draw(_thresholds_for_unit(unit)) for y in sorted(target_years)}
    baseline = draw(
        st.none() | st.builds(Baseline, st.integers(-1000, 1000), st.none() | periods())
    )
    return Indicator(
        id=id if id is not None else draw(_ids("i")),
        title=draw(st.text(max_size=20)),
        unit=unit,
        direction=draw(st.none() | st.sampled_from(Direction)),
        baseline=baseline,
        targets=FrozenMap(targets),
        by_gender=draw(st.booleans()),
    )


@st.composite
def goals(
    draw: st.DrawFn,
    *,
    depth: int = 3,
    max_children: int = 3,
    max_indicators: int = 3,
    years: tuple[int, int] = (2023, 2025),
    units: tuple[str, ...] = (),
    _level: int = 0,
    _counter: list[int] | None = None,
) -> Goal:
    """A :class:`Goal` tree *depth* levels deep at most, with unique ids throughout.

    Args:
        depth: How many levels the tree may have below and including this goal.
        max_children: The most children per goal.
        max_indicators: The most indicators per goal.
        years: The years targets may be set for.
        units: OrgUnit ids the goals may name as responsible.
    """
    counter = _counter if _counter is not None else [0]

    def next_id(prefix: str) -> str:
        counter[0] += 1
        return f"{prefix}{counter[0]}"

    gid = next_id("g")
    n_ind = draw(st.integers(0, max_indicators))
    inds = [draw(indicators(id=next_id("i"), years=years)) for _ in range(n_ind)]
    children: list[Goal] = []
    if depth > 1:
        for _ in range(draw(st.integers(0, max_children))):
            children.append(
                draw(
                    goals(
                        depth=depth - 1,
                        max_children=max_children,
                        max_indicators=max_indicators,
                        years=years,
                        units=units,
                        _level=_level + 1,
                        _counter=counter,
                    )
                )
            )
    responsible = draw(st.lists(st.sampled_from(units), unique=True, max_size=2)) if units else []
    return Goal(
        id=gid,
        title=draw(st.text(max_size=20)),
        level=_level,
        children=tuple(children),
        indicators=tuple(inds),
        responsible=tuple(responsible),
        reported_in=draw(st.sampled_from(["", "D", "B", "D/B"])),
    )


@st.composite
def plans(
    draw: st.DrawFn,
    *,
    depth: int = 3,
    max_goals: int = 3,
    max_children: int = 3,
    max_indicators: int = 3,
    calendar: bool = False,
) -> Plan:
    """A valid :class:`Plan` with up to *depth* levels (deep trees with ``depth=8``).

    With ``calendar=True`` the plan sometimes holds an årshjul (``Plan.calendar``).
    """
    first = draw(_YEARS)
    years = (first, first + draw(st.integers(0, 3)))
    units = ("N", "F1", "F2")
    counter = [0]
    tops = [
        draw(
            goals(
                depth=depth,
                max_children=max_children,
                max_indicators=max_indicators,
                years=years,
                units=units,
                _counter=counter,
            )
        )
        for _ in range(draw(st.integers(0, max_goals)))
    ]
    return Plan(
        id=draw(_ids("p")),
        title=draw(st.text(max_size=20)),
        years=years,
        levels=tuple(f"Nivå {i}" for i in range(depth)),
        goals=tuple(tops),
        org_units=(OrgUnit("N"), OrgUnit("F1", parent="N"), OrgUnit("F2", parent="N")),
        calendar=draw(st.none() | follow_up_calendars(max_rules=2, max_occasions=2))
        if calendar
        else None,
    )


@st.composite
def outcomes(
    draw: st.DrawFn,
    *,
    indicator: str | None = None,
    period: Period | None = None,
    gender: Gender | None = None,
    org_unit: str | None = None,
) -> Outcome:
    """An :class:`Outcome` with a number, or a share with numerator and denominator."""
    share = draw(st.booleans())
    kwargs: dict[str, Any] = {
        "gender": gender if gender is not None else draw(st.sampled_from(Gender)),
        "org_unit": org_unit,
    }
    ind = indicator if indicator is not None else draw(_ids("i"))
    per = period if period is not None else draw(periods())
    if share:
        den = draw(st.integers(1, 10_000))
        num = draw(st.integers(0, den))
        return Outcome(ind, per, numerator=Decimal(num), denominator=Decimal(den), **kwargs)
    value = draw(st.decimals(min_value=-(10**6), max_value=10**6, places=2))
    refs = draw(st.dictionaries(st.sampled_from(["riket", "länet"]), st.integers(0, 100)))
    references = FrozenMap({name: Decimal(number) for name, number in refs.items()})
    return Outcome(ind, per, value=value, references=references, **kwargs)


@st.composite
def outcome_collections(
    draw: st.DrawFn, *, indicators: tuple[str, ...] = ("a", "b", "c"), max_size: int = 20
) -> Outcomes:
    """An :class:`Outcomes` collection with unique keys over *indicators*."""
    keys = draw(
        st.lists(
            st.tuples(
                st.sampled_from(indicators),
                periods(),
                st.sampled_from(Gender),
                st.sampled_from([None, "F1", "F2"]),
            ),
            unique=True,
            max_size=max_size,
        )
    )
    return Outcomes(
        tuple(draw(outcomes(indicator=i, period=p, gender=g, org_unit=u)) for i, p, g, u in keys)
    )
