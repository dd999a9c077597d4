"""Bridges between frames and objects.

Outcomes both ways, scorecards to a frame, and one org unit's scorecard from a national
frame.

They are functions in ``styrmodell.frames`` rather than methods of ``Outcomes`` and
``Scorecard``: the model stays free of any engine (``import styrmodell`` never imports
polars), and the engines' optional extra stays in one package.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import narwhals as nw

from styrmodell._assessment import Scorecard, assess
from styrmodell._goals import Plan
from styrmodell._outcomes import Outcome, Outcomes
from styrmodell._period import Period
from styrmodell._rollup import RollUp
from styrmodell.frames._assess import OUTPUT
from styrmodell.frames._backend import frame_of, require

__all__ = ["outcomes_from_frame", "outcomes_to_frame", "scorecard_for", "scorecard_to_frame"]

_COUNTS = ("numerator", "denominator", "budget")


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def outcomes_to_frame(outcomes: Iterable[Outcome]) -> Any:
    """The outcomes as a polars DataFrame in :func:`assess_frame`'s columns.

    ``period`` holds the period's label (``"Delår 2023"``), read back by
    :func:`outcomes_from_frame`. Numbers are written as their exact decimal text
    (``value``, ``numerator``, ``denominator``, ``budget``); a state as its name
    (``"done"``), a flag as ``"true"``/``"false"``; each reference as a ``ref:<name>`` column.

    Examples:
        >>> from styrmodell import Outcome
        >>> frame = outcomes_to_frame([Outcome("a", 2024, "91,5", org_unit="0180")])
        >>> frame.select("indicator", "year", "org_unit", "value").rows()
        [('a', 2024, '0180', '91.5')]
    """
    require()
    import polars as pl

    items = list(outcomes)
    names = sorted({name for o in items for name in o.references})
    cols: dict[str, list[Any]] = {
        name: []
        for name in (
            "indicator",
            "period",
            "year",
            "first_month",
            "last_month",
            "gender",
            "org_unit",
            "value",
            *_COUNTS,
        )
    }
    for name in names:
        cols[f"ref:{name}"] = []
    for o in items:
        cols["indicator"].append(o.indicator)
        cols["period"].append(str(o.period))
        cols["year"].append(o.period.calendar_year)
        cols["first_month"].append(o.period.first_month)
        cols["last_month"].append(o.period.last_month)
        cols["gender"].append(o.gender.value)
        cols["org_unit"].append(o.org_unit)
        cols["value"].append(_text(o.value))
        for name in _COUNTS:
            cols[name].append(_text(getattr(o, name)))
        for name in names:
            cols[f"ref:{name}"].append(_text(o.references.get(name)))
    schema: dict[str, Any] = dict.fromkeys(cols, pl.String)
    schema.update(year=pl.Int64, first_month=pl.Int64, last_month=pl.Int64)
    return pl.DataFrame(cols, schema=schema)


def _rows(native: Any) -> list[dict[str, Any]]:
    frame = frame_of(native)
    return list(frame.lf.collect().to_polars().iter_rows(named=True))


def _outcome(row: Mapping[str, Any]) -> Outcome:
    year = row["year"]
    first, last = row.get("first_month"), row.get("last_month")
    label = row.get("period")
    if isinstance(label, str) and label.strip():
        period = Period.parse(label)
    elif first is None or last is None or (first, last) == (1, 12):
        period = Period.year(year)
    else:
        period = Period.months(year, first, last)
    references = {
        name[4:]: row[name] for name in row if name.startswith("ref:") and row[name] is not None
    }
    value = row.get("value")
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        value = value.strip().lower() == "true"
    elif isinstance(value, str):
        from styrmodell._thresholds._milestone import Progress

        state = {p.value: p for p in Progress}.get(value.strip().lower())
        value = state if state is not None else value
    return Outcome(
        row["indicator"],
        period,
        value,
        numerator=row.get("numerator"),
        denominator=row.get("denominator"),
        gender=row.get("gender") or "T",
        org_unit=row.get("org_unit") or None,
        references=references,
        budget=row.get("budget"),
    )


def outcomes_from_frame(frame: Any) -> Outcomes:
    """The outcomes of a frame in :func:`assess_frame`'s columns (any engine it takes).

    Every row becomes an :class:`~styrmodell.Outcome`, with the checks of the object path
    (a value that is no number is a :class:`~styrmodell.PlanError` naming it).

    Examples:
        >>> import polars as pl
        >>> frame = pl.DataFrame({"indicator": ["a"], "year": [2024], "value": ["91,5"]})
        >>> outcomes_from_frame(frame)["a", 2024].value
        Decimal('91.5')
    """
    require()
    return Outcomes(_outcome(row) for row in _rows(frame))


def scorecard_to_frame(card: Scorecard) -> Any:
    """A scorecard's judgements as a polars DataFrame in :func:`assess_frame`'s columns.

    One row per indicator × org unit × gender the scorecard judged (``value``,
    ``measured`` and ``compared_with`` as floats, for reading; the objects hold the exact
    numbers).

    Examples:
        >>> from styrmodell import Bands, Goal, Indicator, Outcome, Plan, assess
        >>> plan = Plan(id="p", years=2024, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     indicators=[Indicator(id="a", title="A",
        ...                           targets={2024: Bands.higher_is_better(60, 40)})])])
        >>> card = assess(plan, [Outcome("a", 2024, 72, org_unit="0180")], 2024)
        >>> scorecard_to_frame(card).select("indicator", "org_unit", "status").rows()
        [('a', '0180', 'green')]
    """
    require()
    import polars as pl

    def number(x: object) -> float | None:
        return float(x) if isinstance(x, Decimal | int) and not isinstance(x, bool) else None

    rows: list[dict[str, Any]] = []
    for result in card.all_indicators():
        for (gender, unit), a in result.results.items():
            used = result.outcomes.get((gender, unit))
            period = used.period if used is not None else Period.year(card.year)
            rows.append(
                {
                    "indicator": result.id,
                    "goal": result.goal_id,
                    "org_unit": unit,
                    "gender": gender.value,
                    "year": period.calendar_year,
                    "first_month": period.first_month,
                    "last_month": period.last_month,
                    "value": number(a.value),
                    "status": a.status.value,
                    "reason": a.reason.value,
                    "measured": number(a.measured),
                    "compared_with": number(a.compared_with),
                }
            )
    schema: dict[str, Any] = dict.fromkeys(OUTPUT, pl.String)
    schema.update(
        year=pl.Int64,
        first_month=pl.Int64,
        last_month=pl.Int64,
        value=pl.Float64,
        measured=pl.Float64,
        compared_with=pl.Float64,
    )
    return pl.DataFrame(rows, schema=schema)


def scorecard_for(
    plan: Plan,
    outcomes: Any,
    year: int,
    org_unit: str,
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    rollup: RollUp = RollUp.WORST,
    references: Mapping[str, str] | None = None,
) -> Scorecard:
    """One org unit's :class:`~styrmodell.Scorecard` from a national frame of outcomes.

    Only the org unit's rows (and its reference units' rows) become objects: the
    scorecard of one kommun out of 290 costs one kommun's outcomes, and it renders in text,
    Markdown and HTML as any scorecard does (:func:`styrmodell.render`). Its statuses are
    those of :func:`assess_frame` and :func:`rollup_frame` for the org unit.

    Args:
        plan: The plan.
        outcomes: A frame in :func:`assess_frame`'s columns (any engine it takes).
        year: The year assessed.
        org_unit: Whose scorecard.
        as_of: The date of the assessment.
        period: Assess the outcomes of this period.
        rollup: The policy for levels the plan sets none for.
        references: Reference name → the org unit whose rows hold it (``{"riket": "0000"}``).

    Examples:
        >>> import polars as pl
        >>> from styrmodell import Bands, Goal, Indicator, Plan
        >>> plan = Plan(id="p", years=2024, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     indicators=[Indicator(id="a", title="A",
        ...                           targets={2024: Bands.higher_is_better(60, 40)})])])
        >>> frame = pl.DataFrame({"indicator": ["a", "a"], "year": [2024, 2024],
        ...                       "org_unit": ["0180", "1480"], "value": ["72", "38"]})
        >>> scorecard_for(plan, frame, 2024, "1480")["g"].status
        <Status.RED: 'red'>
    """
    require()
    frame = frame_of(outcomes)
    lf = frame.lf
    names = set(lf.collect_schema())
    units = [org_unit, *(references or {}).values()]
    if "org_unit" in names:
        lf = lf.filter(nw.col("org_unit").cast(nw.String).is_in(units))
    rows = list(lf.collect().to_polars().iter_rows(named=True))
    own = [row for row in rows if row.get("org_unit") == org_unit]
    for name, unit in (references or {}).items():
        level = {
            (
                r["indicator"],
                r["year"],
                r.get("first_month"),
                r.get("last_month"),
                r.get("gender"),
            ): r.get("value")
            for r in rows
            if r.get("org_unit") == unit
        }
        for row in own:
            key = (
                row["indicator"],
                row["year"],
                row.get("first_month"),
                row.get("last_month"),
                row.get("gender"),
            )
            if level.get(key) is not None:
                row[f"ref:{name}"] = level[key]
    return assess(
        plan,
        Outcomes(_outcome(row) for row in own),
        year,
        as_of=as_of,
        rollup=rollup,
        period=period,
        org_unit=org_unit,
    )
