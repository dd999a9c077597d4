"""Plans and outcomes for the columnar engine's tests: the same data as objects and as rows.

A *case* is a plan with one indicator per threshold family and, for each indicator, values
on, just inside and just outside every edge of its rule (and at every half-point of its
precision). :func:`rows` gives the data as plain columns (any engine is made from them),
:func:`outcomes` the same data as :class:`~styrmodell.Outcome` objects, and
:func:`verdicts_of_objects` / :func:`verdicts_of_frame` what each path says, keyed alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from styrmodell import (
    Goal,
    Indicator,
    Outcome,
    Period,
    Plan,
    Progress,
    assess,
)
from styrmodell._thresholds._base import Context
from styrmodell._thresholds._kernel import (
    Categories,
    Deviation,
    ReferenceDifference,
    Value,
    YearDifference,
)
from styrmodell.families import families

YEAR = 2024
GENDERS = ("T", "K", "M")
NUMERIC = ("bands", "target_value", "year_over_year", "compare_to_reference", "budget_deviation")


@attrs.frozen
class Row:
    """One outcome: a series' value for a year, with what its rule needs beside it."""

    indicator: str
    org_unit: str
    gender: str
    year: int
    value: str | None
    ref: str | None = None
    budget: str | None = None


@attrs.frozen
class Case:
    """A plan and its outcomes, as rows."""

    plan: Plan
    rows: tuple[Row, ...]
    as_of: dt.date | None
    reference: str


def _text(d: Decimal) -> str:
    return format(d.normalize() if d == d.to_integral_value() else d, "f")


def _decimals(d: Decimal) -> int:
    exponent = d.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def points(kernel: Any, tiny: Decimal) -> list[Decimal]:
    """Measured numbers on, just inside and just outside each edge (and half-points)."""
    cuts = sorted(
        {b for c in kernel.cases for b in (c.interval.lower, c.interval.upper) if b is not None}
    )
    steps = [Decimal(0), tiny, -tiny]
    if kernel.precision is not None:
        half = kernel.precision / 2
        steps += [half, -half, half - tiny, -half + tiny, half + tiny, -half - tiny]
    out = {c + s for c in cuts for s in steps}
    out |= {Decimal(0), Decimal(1000), Decimal(-1000)}
    return sorted(out)


@st.composite
def cases(draw: Any, *, families_used: Sequence[str] = NUMERIC) -> Case:
    """A plan with one indicator per family of *families_used* and values at its edges."""
    by_tag = {f.tag: f for f in families()}
    as_of = draw(st.none() | st.dates(dt.date(YEAR, 1, 1), dt.date(YEAR + 1, 6, 30)))
    context = Context(year=YEAR, as_of=as_of)
    indicators = []
    rows: list[Row] = []
    reference = "riket"
    for k, tag in enumerate(families_used):
        family = by_tag[tag]
        assert family.strategy is not None
        assert family.kernel is not None
        rule = draw(family.strategy(st))
        ident = f"i{k}"
        indicators.append(Indicator(id=ident, title=tag, targets={YEAR: rule}))
        kernel = family.kernel(rule, context)
        measure = kernel.measure
        if isinstance(measure, Categories):
            for n, label in enumerate(draw(st.lists(st.sampled_from(sorted(measure.labels))))):
                rows.append(Row(ident, f"u{n}", "T", YEAR, label))
            continue
        tiny = Decimal(1).scaleb(-draw(st.integers(1, 4)))
        wanted = points(kernel, tiny)
        chosen = draw(st.lists(st.sampled_from(wanted), min_size=1, max_size=12, unique=True))
        for n, m in enumerate(chosen):
            unit = f"{n:04d}"
            gender = draw(st.sampled_from(GENDERS))
            if isinstance(measure, Value):
                rows.append(Row(ident, unit, gender, YEAR, _text(m)))
            elif isinstance(measure, ReferenceDifference):
                reference = measure.reference
                level = draw(st.decimals(-100, 100, places=1))
                ref = None if draw(st.integers(0, 9)) == 0 else level
                value = m + level + measure.offset
                rows.append(
                    Row(
                        ident,
                        unit,
                        gender,
                        YEAR,
                        _text(value),
                        ref=None if ref is None else _text(ref),
                    )
                )
            elif isinstance(measure, YearDifference):
                earlier = draw(st.decimals(-100, 100, places=1))
                compared = measure.year if measure.year is not None else YEAR - 1
                rows.append(Row(ident, unit, gender, YEAR, _text(earlier + m)))
                if compared < YEAR and draw(st.integers(0, 9)) != 0:
                    rows.append(Row(ident, unit, gender, compared, _text(earlier)))
                if compared < YEAR:
                    # A year before the one compared with is never used by accident.
                    rows.append(Row(ident, unit, gender, compared - 1, _text(earlier - 7)))
            elif isinstance(measure, Deviation):
                budget = Decimal(draw(st.sampled_from([0, 100, 200, -50, 1000, 37, 250_000])))
                value = budget + m * abs(budget) / 100
                rows.append(Row(ident, unit, gender, YEAR, _text(value), budget=_text(budget)))
        if draw(st.booleans()):
            rows.append(Row(ident, "none", "T", YEAR, None))
    goal = Goal(id="g", title="Mål", indicators=indicators)
    plan = Plan(id="p", years=YEAR, levels=("Nämndmål",), goals=[goal])
    return Case(plan, tuple(rows), as_of, reference)


def needed_scale(case: Case) -> int | None:
    """A scale that holds every value of a rule that takes a difference exactly."""
    from styrmodell.frames._compile import compile_plan

    compiled = compile_plan(case.plan, YEAR, as_of=case.as_of)
    need = compiled.scale
    for row in case.rows:
        for text in (row.value, row.ref, row.budget):
            if text is not None and text not in {p.value for p in Progress} | {"true", "false"}:
                need = max(need, _decimals(Decimal(text)))
    return None if need == compiled.scale else need


def columns(case: Case) -> dict[str, list[Any]]:
    """The rows as columns (the input of every engine)."""
    return {
        "indicator": [r.indicator for r in case.rows],
        "org_unit": [r.org_unit for r in case.rows],
        "gender": [r.gender for r in case.rows],
        "year": [r.year for r in case.rows],
        "value": [r.value for r in case.rows],
        f"ref:{case.reference}": [r.ref for r in case.rows],
        "budget": [r.budget for r in case.rows],
    }


def outcomes(case: Case) -> list[Outcome]:
    """The rows as outcomes."""
    labels = {p.value: p for p in Progress} | {"true": True, "false": False}
    out = []
    for r in case.rows:
        value: Any = labels.get(r.value, r.value) if r.value is not None else None
        out.append(
            Outcome(
                r.indicator,
                Period.year(r.year),
                value,
                gender=r.gender,
                org_unit=r.org_unit,
                references={} if r.ref is None else {case.reference: r.ref},
                budget=r.budget,
            )
        )
    return out


Verdicts = dict[tuple[str, str, str], tuple[str, str, float | None]]


def verdicts_of_objects(case: Case) -> Verdicts:
    """What :func:`styrmodell.assess` says of every series that has an outcome."""
    card = assess(case.plan, outcomes(case), YEAR, as_of=case.as_of)
    out: Verdicts = {}
    for result in card.all_indicators():
        for (gender, unit), a in result.results.items():
            measured = a.measured if a.measured is not None else None
            number = float(measured) if isinstance(measured, Decimal) else None
            out[(result.id, unit or "", gender.value)] = (a.status.value, a.reason.value, number)
    return out


def verdicts_of_frame(rows: Iterable[Mapping[str, Any]]) -> Verdicts:
    """What :func:`styrmodell.frames.assess_frame` says, from its result's rows."""
    return {
        (r["indicator"], r["org_unit"] or "", r["gender"]): (
            r["status"],
            r["reason"],
            r["measured"],
        )
        for r in rows
    }


def disagreements(objects: Verdicts, frame: Verdicts) -> list[str]:
    """Where the two paths differ (status, reason, or measured number beyond float noise)."""
    out = [f"only in assess: {k}" for k in objects.keys() - frame.keys()]
    out += [f"only in assess_frame: {k}" for k in frame.keys() - objects.keys()]
    for key in objects.keys() & frame.keys():
        (s1, r1, m1), (s2, r2, m2) = objects[key], frame[key]
        if (s1, r1) != (s2, r2):
            out.append(f"{key}: assess {s1}/{r1}, assess_frame {s2}/{r2}")
        elif m1 is not None and (m2 is None or abs(m1 - m2) > 1e-9 * max(1.0, abs(m1))):
            out.append(f"{key}: measured {m1} and {m2}")
    return out
