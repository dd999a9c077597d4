"""Lint for whole plans: what no single threshold shows, found across a plan's years and tree.

Swedish terms: *anmärkning* (a finding), *planperiod* (the plan's years), *datakälla* (an
indicator's source).

:func:`lint` of a plan gives every target's own findings (gaps, statuses out of order...)
and these, each with the path of the indicator or goal it concerns:

- an indicator without a target for a year of the plan (``plan_lint.missing_target``; the
  years after a milestone need none), or
  without any target at all (``plan_lint.no_targets``, for information: "Nytt mål" is legal);
- a target lowered (or raised) between two years against the indicator's direction, with
  both years and both levels (``plan_lint.lowered`` / ``plan_lint.raised``);
- a target compared with a reference (riket, länet...) on an indicator that names no source
  (``plan_lint.no_reference_source``);
- a goal with neither indicators nor child goals (``plan_lint.empty_goal``).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import overload

import attrs

from styrmodell._goals import Goal, Indicator, Plan
from styrmodell._intervals import Interval
from styrmodell._status import Status
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._finding import Finding
from styrmodell._thresholds._lint import lint as lint_threshold
from styrmodell._thresholds._milestone import Milestone
from styrmodell._thresholds._rank import Rank
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._registry import family_of, is_registered
from styrmodell._thresholds._relative import RelativeChange
from styrmodell._thresholds._target import TargetValue
from styrmodell._thresholds._text import Quantity
from styrmodell._units import Direction, Unit

__all__ = ["lint", "targets"]


@overload
def lint(subject: Plan, *, path: str = "") -> list[Finding]: ...
@overload
def lint(subject: Threshold, *, path: str = "") -> list[Finding]: ...
def lint(subject: Plan | Threshold, *, path: str = "") -> list[Finding]:
    """Check a threshold, or a whole plan, for the defects real plans have.

    Of a threshold: gaps, statuses not ordered along one direction, unreachable and empty
    bands (and what its family checks besides). Of a plan: every target's findings, each
    with its path, and the plan's own: an indicator without a target for a plan year, a
    target lowered (or raised) against the indicator's direction between years, a reference
    target on an indicator that names no source, a goal with neither indicators nor child
    goals. ``styrmodell check`` prints them with the indicator's id and title.

    Args:
        subject: A threshold of a registered family, or a :class:`~styrmodell.Plan`.
        path: For a threshold: where it sits in a plan, copied into every finding.

    Returns:
        The findings. Of a threshold: most severe first. Of a plan: in the order of the
        plan's tree, each goal's before its indicators', each indicator's before its
        targets'.

    Examples:
        >>> from styrmodell import Goal, Indicator, Plan, TargetValue, Unit, lint
        >>> plan = Plan(
        ...     id="p", years=(2024, 2025), levels=["KF-mål"],
        ...     goals=[Goal(id="g", indicators=[Indicator(
        ...         id="nki", title="Nöjd kund-index", direction="higher_is_better",
        ...         targets={2024: TargetValue(">=", 75), 2025: TargetValue(">=", 72)},
        ...     )]), Goal(id="tom", title="Trygg kommun")],
        ... )
        >>> for finding in lint(plan):
        ...     print(finding.message("en"))
        goals[0].indicators[0]: The target is lowered from 75 (2024) to 72 (2025), although higher is better
        goals[1]: The goal has neither indicators nor child goals
    """  # noqa: E501
    if isinstance(subject, Plan):
        return _lint_plan(subject)
    return lint_threshold(subject, path=path)


def targets(plan: Plan) -> Iterator[tuple[str, Indicator, int | None, Threshold]]:
    """Every (path, indicator, year, threshold) of *plan*; year ``None`` for "every year".

    Examples:
        >>> from styrmodell import Goal, Indicator, Plan, TargetValue
        >>> plan = Plan(id="p", years=(2024, 2024), levels=["KF-mål"], goals=[Goal(
        ...     id="g", indicators=[Indicator(id="i", targets={2024: TargetValue(">=", 1)})])])
        >>> [(path, year) for path, _, year, _ in targets(plan)]
        [('goals[0].indicators[0].targets.2024', 2024)]
    """
    for goal_path, goal in plan.walk():
        for n, indicator in enumerate(goal.indicators):
            path = f"{goal_path}.indicators[{n}]"
            if indicator.target is not None:
                yield f"{path}.target", indicator, None, indicator.target
            for year, threshold in indicator.targets.items():
                yield f"{path}.targets.{year}", indicator, year, threshold


def _lint_plan(plan: Plan) -> list[Finding]:
    findings: list[Finding] = []
    first, last = plan.years
    for goal_path, goal in plan.walk():
        findings += _goal(goal, goal_path)
        for n, indicator in enumerate(goal.indicators):
            path = f"{goal_path}.indicators[{n}]"
            findings += [attrs.evolve(f, path=path) for f in _indicator(indicator, first, last)]
            if indicator.target is not None:
                findings += lint_threshold(indicator.target, path=f"{path}.target")
            for year, threshold in indicator.targets.items():
                findings += lint_threshold(threshold, path=f"{path}.targets.{year}")
    return findings


def _goal(goal: Goal, path: str) -> list[Finding]:
    if goal.indicators or goal.children:
        return []
    return [
        Finding(
            kind="empty_goal",
            severity="warning",
            code="plan_lint.empty_goal",
            params={"goal": goal.id, "title": goal.title},
            path=path,
        )
    ]


def _indicator(indicator: Indicator, first: int, last: int) -> list[Finding]:
    findings: list[Finding] = []
    if indicator.target_count == 0:
        findings.append(
            Finding(kind="no_targets", severity="info", code="plan_lint.no_targets", params={})
        )
    elif indicator.target is None:
        # A milestone is met once: the years after it need no target of their own.
        done = [y for y, t in indicator.targets.items() if isinstance(t, Milestone)]
        end = min(last, max(done)) if done else last
        missing = tuple(y for y in range(first, end + 1) if y not in indicator.targets)
        if missing:
            findings.append(
                Finding(
                    kind="missing_target",
                    severity="warning",
                    code="plan_lint.missing_target",
                    params={"years": ", ".join(map(str, missing)), "n": len(missing)},
                )
            )
    findings += _against_direction(indicator)
    rules = [indicator.target, *indicator.targets.values()]
    named = sorted({r.reference for r in rules if isinstance(r, CompareToReference)})
    if named and not indicator.source.strip():
        findings.append(
            Finding(
                kind="no_source",
                severity="warning",
                code="plan_lint.no_reference_source",
                params={"reference": ", ".join(named)},
            )
        )
    if any(isinstance(r, Rank) for r in rules) and not indicator.source.strip():
        findings.append(
            Finding(
                kind="no_source",
                severity="warning",
                code="plan_lint.no_population_source",
                params={},
            )
        )
    findings += _baseline(indicator, rules)
    return findings


def _baseline(indicator: Indicator, rules: list[Threshold | None]) -> list[Finding]:
    """A target relative to base years the indicator holds no value for (no utgångsvärde)."""
    base = sorted({y for r in rules if isinstance(r, RelativeChange) for y in r.base})
    if not base:
        return []
    baseline = indicator.baseline
    held = None if baseline is None or baseline.period is None else baseline.period.calendar_year
    if held is not None and held in base:
        return []
    return [
        Finding(
            kind="no_baseline",
            severity="warning",
            code="plan_lint.no_baseline",
            params={"years": ", ".join(map(str, base)), "n": len(base)},
        )
    ]


def _level(threshold: Threshold) -> tuple[Decimal, Direction | None, Unit | None] | None:
    """The level a target asks for, and the direction it implies, where there is one.

    A `TargetValue` asks for its value (``>=`` / ``>``: higher is better, ``<=`` / ``<``:
    lower is better); a family presented as bands asks for the edge of its green band that
    faces the other colours. Other rules (a reference, a change, a milestone) have no level.
    """
    if isinstance(threshold, TargetValue):
        implied = {
            ">": Direction.HIGHER_IS_BETTER,
            ">=": Direction.HIGHER_IS_BETTER,
            "<": Direction.LOWER_IS_BETTER,
            "<=": Direction.LOWER_IS_BETTER,
        }.get(threshold.comparator)
        return threshold.target, implied, threshold.unit
    if not is_registered(threshold):
        return None
    family = family_of(threshold)
    bands = family.as_bands(threshold) if family.as_bands is not None else None
    if bands is None or bands.direction is None:
        return None
    green: list[Interval] = [iv for s, ivs in bands.bands() if s is Status.GREEN for iv in ivs]
    if bands.direction is Direction.HIGHER_IS_BETTER:
        lows = [iv.lower for iv in green]
        if not lows or any(lo is None for lo in lows):
            return None
        return min(lo for lo in lows if lo is not None), bands.direction, bands.unit
    highs = [iv.upper for iv in green]
    if not highs or any(hi is None for hi in highs):
        return None
    return max(hi for hi in highs if hi is not None), bands.direction, bands.unit


def _against_direction(indicator: Indicator) -> list[Finding]:
    levels = []
    for year in sorted(indicator.targets):
        found = _level(indicator.targets[year])
        if found is not None:
            levels.append((year, *found))
    findings: list[Finding] = []
    for (y1, v1, d1, u1), (y2, v2, d2, u2) in pairwise(levels):
        direction = indicator.direction or (d1 if d1 is d2 else None)
        if direction is None or u1 is not u2:
            continue
        worse = v2 < v1 if direction is Direction.HIGHER_IS_BETTER else v2 > v1
        if not worse:
            continue
        code = (
            "plan_lint.lowered" if direction is Direction.HIGHER_IS_BETTER else "plan_lint.raised"
        )
        findings.append(
            Finding(
                kind="against_direction",
                severity="warning",
                code=code,
                params={
                    "before": Quantity(v1, u1),
                    "after": Quantity(v2, u2),
                    "first": str(y1),
                    "second": str(y2),
                },
            )
        )
    return findings
