"""rollup_frame: every goal's status per org unit and gender, from assess_frame's results.

The plan's goals are rolled up level by level from the deepest: the parts of a goal are its
indicators' results and its child goals' statuses, counted per org unit and gender (a part
with no row there is not assessed, as :func:`styrmodell.assess` judges a missing outcome),
and the goal's :class:`~styrmodell.RollUp` policy becomes integer comparisons of the counts —
a share such as "minst 75 % gröna" as ``green · 4 ≥ 3 · parts``, never a division.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import narwhals as nw

from styrmodell._errors import PlanError
from styrmodell._goals import Plan
from styrmodell._messages import failure
from styrmodell._rollup import RollUp
from styrmodell._status import Status
from styrmodell.frames._backend import Engine, Frame, frame_of, native_of, require
from styrmodell.frames._compile import GoalRow, goal_rows

__all__ = ["ROLLUP_OUTPUT", "rollup_frame"]

ROLLUP_OUTPUT = [
    "goal",
    "parent",
    "depth",
    "org_unit",
    "gender",
    "status",
    "green",
    "yellow",
    "red",
    "not_assessed",
]
"""The columns of :func:`rollup_frame`'s result, in order."""

_WORST, _MAJORITY, _SHARE = range(3)
_KEYS = ["goal", "org_unit", "gender"]


def _fraction(share: Decimal | None) -> tuple[int, int]:
    ratio = Fraction(share if share is not None else 0)
    return ratio.numerator, ratio.denominator


def _policy_table(frame: Frame, rows: list[GoalRow], parts: dict[str, int]) -> Any:
    cols: dict[str, list[object]] = {
        name: [] for name in ("goal", "parent", "depth", "_parts", "_kind", "_na")
    }
    for name in ("_gn", "_gd", "_yn", "_yd"):
        cols[name] = []
    for row in rows:
        policy = row.policy
        cols["goal"].append(row.id)
        cols["parent"].append(row.parent)
        cols["depth"].append(row.depth)
        cols["_parts"].append(parts[row.id])
        cols["_kind"].append({"worst": _WORST, "majority": _MAJORITY}.get(policy.kind, _SHARE))
        cols["_na"].append(int(policy.count_not_assessed))
        gn, gd = _fraction(policy.green_at_least)
        yn, yd = _fraction(policy.yellow_at_least)
        cols["_gn"].append(gn)
        cols["_gd"].append(gd)
        cols["_yn"].append(yn)
        cols["_yd"].append(yd)
    schema: dict[str, Any] = dict.fromkeys(cols, nw.Int64)
    schema.update(goal=nw.String, parent=nw.String)
    return frame.table(cols, schema)


def _status() -> nw.Expr:
    """The policy of each row applied to its counts (see :class:`~styrmodell.RollUp`)."""
    g, y, r = nw.col("green"), nw.col("yellow"), nw.col("red")
    coloured = g + y + r
    missing = nw.col("not_assessed")
    counting = nw.col("_na") == 1
    kind = nw.col("_kind")
    best = nw.max_horizontal(g, y, r)
    total = nw.when(counting).then(nw.col("_parts")).otherwise(coloured)
    na, red, yellow, green = (
        nw.lit(s.value) for s in (Status.NOT_ASSESSED, Status.RED, Status.YELLOW, Status.GREEN)
    )
    worst = (
        nw.when(counting & (missing > 0))
        .then(na)
        .when(r > 0)
        .then(red)
        .when(y > 0)
        .then(yellow)
        .otherwise(green)
    )
    majority = (
        nw.when(counting & (missing > best))
        .then(na)
        .when(r == best)
        .then(red)
        .when(y == best)
        .then(yellow)
        .otherwise(green)
    )
    # As RollUp.share: green by the share of green parts, yellow by the share of green or
    # yellow parts, and never above the best part (a share of 0 lifts nothing).
    share = (
        nw.when((g > 0) & (g * nw.col("_gd") >= nw.col("_gn") * total))
        .then(green)
        .when(((g + y) > 0) & ((g + y) * nw.col("_yd") >= nw.col("_yn") * total))
        .then(yellow)
        .otherwise(red)
    )
    return (
        nw.when(coloured == 0)
        .then(na)
        .when(kind == _WORST)
        .then(worst)
        .when(kind == _MAJORITY)
        .then(majority)
        .otherwise(share)
    )


def rollup_frame(plan: Plan, results: Any, *, rollup: RollUp = RollUp.WORST) -> Any:
    """Roll every goal of *plan* up, per org unit and gender, from :func:`assess_frame`'s result.

    The same policies as :func:`styrmodell.assess`: each level's :class:`~styrmodell.RollUp`
    from ``plan.rollups``, else *rollup*; a goal's parts are its indicators and its child
    goals, and a part without a result for an org unit and gender is not assessed there.
    One row per goal × (org unit, gender) that the results hold — every kommun's
    scorecard in one pass.

    Args:
        plan: The plan that judged *results*.
        results: What :func:`assess_frame` returned (the same kind of frame comes back; lazy
            in, lazy out).
        rollup: The policy for levels the plan sets none for.

    Returns:
        A frame with the columns ``goal``, ``parent``, ``depth`` (0 for a top goal),
        ``org_unit``, ``gender``, ``status`` and the counts of its parts ``green``,
        ``yellow``, ``red`` and ``not_assessed``.

    Raises:
        PlanError: for a *rollup* that is not a :class:`~styrmodell.RollUp`.

    Examples:
        >>> import polars as pl
        >>> from styrmodell import Bands, Goal, Indicator, Plan
        >>> from styrmodell.frames import assess_frame, rollup_frame
        >>> plan = Plan(id="p", years=2024, levels=("KF-mål", "Nämndmål"), goals=[
        ...     Goal(id="kf", level=0, children=[Goal(id="n", level=1, indicators=[
        ...         Indicator(id="a", title="A", targets={2024: Bands.higher_is_better(60, 40)}),
        ...     ])])])
        >>> outcomes = pl.DataFrame({"indicator": ["a", "a"], "year": [2024, 2024],
        ...                          "org_unit": ["0180", "1480"], "value": ["72", "38"]})
        >>> goals = rollup_frame(plan, assess_frame(plan, outcomes, year=2024))
        >>> goals.sort("goal", "org_unit").select("goal", "org_unit", "status").rows()
        ... # doctest: +NORMALIZE_WHITESPACE
        [('kf', '0180', 'green'), ('kf', '1480', 'red'),
         ('n', '0180', 'green'), ('n', '1480', 'red')]
    """
    require()
    if not isinstance(rollup, RollUp):
        raise failure(PlanError, "assess.expected_rollup", "rollup_frame", value=rollup)
    frame = frame_of(results)
    if frame.engine is Engine.POLARS_LAZY:
        # Every level reads the results: polars computes them once for all (3× faster on a
        # plan of two levels than computing them per level).
        frame.lf = nw.from_native(results.cache())
    rows = list(goal_rows(plan, rollup))
    parts = {row.id: 0 for row in rows}
    for row in rows:
        if row.parent is not None:
            parts[row.parent] += 1
    for _, goal in plan.walk():
        parts[goal.id] += len(goal.indicators)
    policies = _policy_table(frame, rows, parts)
    lf = frame.lf.select(
        nw.col("goal"),
        nw.col("org_unit").cast(nw.String).fill_null(""),
        nw.col("gender"),
        nw.col("status"),
    )
    pairs = lf.select("org_unit", "gender").unique()
    done: list[Any] = []
    below: Any = None
    for depth in range(max((r.depth for r in rows), default=-1), -1, -1):
        level = policies.filter(nw.col("depth") == depth)
        indicators = lf.join(level.select("goal"), on="goal", how="inner")
        part_rows = indicators.select(*_KEYS, "status")
        if below is not None:
            children = below.filter(~nw.col("parent").is_null()).select(
                nw.col("parent").alias("goal"), "org_unit", "gender", "status"
            )
            part_rows = nw.concat([part_rows, children], how="vertical")
        counts = part_rows.group_by(*_KEYS).agg(
            *(
                (nw.col("status") == s.value).cast(nw.Int64).sum().alias(s.name.lower())
                for s in (Status.GREEN, Status.YELLOW, Status.RED)
            )
        )
        judged = (
            level.join(pairs, how="cross")
            .join(counts, on=_KEYS, how="left")
            .with_columns(
                *(nw.col(c).fill_null(0) for c in ("green", "yellow", "red")),
            )
            .with_columns(
                not_assessed=nw.col("_parts") - nw.col("green") - nw.col("yellow") - nw.col("red")
            )
            .with_columns(status=_status())
        )
        below = judged.select(*ROLLUP_OUTPUT)
        done.append(below)
    result = nw.concat(done, how="vertical").with_columns(
        org_unit=nw.when(nw.col("org_unit") != "").then(nw.col("org_unit"))
    )
    if frame.engine.lazy:
        return result.to_native()
    return native_of(result.collect(), frame.engine)
