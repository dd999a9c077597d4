"""What changed between two plans: goals, indicators and targets added, removed or changed.

Swedish terms: *ändring från verksamhetsplanen 2010* (Mjölby's footnotes record such
changes: "Målet har därmed ändrats från 'minskning' till 'ökning'").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from styrmodell._thresholds._lint import describe
from styrmodell._thresholds._registry import is_registered

if TYPE_CHECKING:
    from styrmodell._goals import Goal, Indicator, Plan

__all__ = ["Change", "PlanDiff", "diff_plans"]

ChangeKind = Literal["added", "removed", "changed"]
Subject = Literal["goal", "indicator", "target"]

_GOAL_FIELDS = (
    "title",
    "level",
    "perspectives",
    "responsible",
    "reported_in",
    "applies_to",
    "description",
)
_INDICATOR_FIELDS = (
    "title",
    "unit",
    "direction",
    "source",
    "baseline",
    "by_gender",
    "frequency",
    "purpose",
    "reported_in",
)


@attrs.frozen
class Change:
    """One difference between two plans.

    Attributes:
        kind: ``"added"``, ``"removed"`` or ``"changed"``.
        subject: ``"goal"``, ``"indicator"`` or ``"target"``.
        id: The goal's or indicator's id (for a target: the indicator's id).
        field: For a changed goal or indicator, the field that changed ("title",
            "parent"...); for a target, the year as text, or ``"all years"``.
        before: The old value (``None`` when added).
        after: The new value (``None`` when removed).
    """

    kind: ChangeKind
    subject: Subject
    id: str
    field: str | None = None
    before: Any = None
    after: Any = None

    def __str__(self) -> str:
        where = f"{self.subject} {self.id!r}"
        if self.subject == "target":
            where = f"target {self.field} of indicator {self.id!r}"
        elif self.field is not None:
            where += f" {self.field}"
        if self.kind == "changed":
            return f"changed {where}: {_show(self.before)} → {_show(self.after)}"
        return f"{self.kind} {where}"


def _show(value: Any) -> str:
    if is_registered(value):
        return describe(value, "sv")
    words = getattr(value, "describe", None)
    if callable(words):
        return str(words("sv"))
    return repr(value)


@attrs.frozen
class PlanDiff:
    """The changes from one plan to another, in a stable order (goals, then indicators).

    Iterate over it for :class:`Change` objects; it is falsy when nothing changed.
    """

    changes: tuple[Change, ...]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(
        self, *, kind: ChangeKind | None = None, subject: Subject | None = None
    ) -> tuple[Change, ...]:
        """The changes of one *kind* and / or *subject*."""
        return tuple(
            c
            for c in self.changes
            if (kind is None or c.kind == kind) and (subject is None or c.subject == subject)
        )

    def describe(self) -> str:
        """One line per change."""
        return "\n".join(str(c) for c in self.changes)


def _goals_with_parent(plan: Plan) -> dict[str, tuple[Goal, str | None]]:
    out: dict[str, tuple[Goal, str | None]] = {}

    def visit(goal: Goal, parent: str | None) -> None:
        out[goal.id] = (goal, parent)
        for child in goal.children:
            visit(child, goal.id)

    for goal in plan.goals:
        visit(goal, None)
    return out


def _indicators_with_goal(plan: Plan) -> dict[str, tuple[Indicator, str]]:
    return {ind.id: (ind, goal.id) for goal in plan.all_goals() for ind in goal.indicators}


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """The changes from *old* to *new*, matched by goal and indicator id."""
    changes: list[Change] = []
    a_goals, b_goals = _goals_with_parent(old), _goals_with_parent(new)
    for gid, (goal, parent) in a_goals.items():
        if gid not in b_goals:
            changes.append(Change("removed", "goal", gid, before=goal))
            continue
        other_goal, other_parent = b_goals[gid]
        if parent != other_parent:
            changes.append(Change("changed", "goal", gid, "parent", parent, other_parent))
        for name in _GOAL_FIELDS:
            before, after = getattr(goal, name), getattr(other_goal, name)
            if before != after:
                changes.append(Change("changed", "goal", gid, name, before, after))
    changes.extend(
        Change("added", "goal", gid, after=goal)
        for gid, (goal, _) in b_goals.items()
        if gid not in a_goals
    )
    a_inds, b_inds = _indicators_with_goal(old), _indicators_with_goal(new)
    for iid, (ind, goal_id) in a_inds.items():
        if iid not in b_inds:
            changes.append(Change("removed", "indicator", iid, before=ind))
            continue
        other_ind, other_owner = b_inds[iid]
        if goal_id != other_owner:
            changes.append(Change("changed", "indicator", iid, "goal", goal_id, other_owner))
        for name in _INDICATOR_FIELDS:
            before, after = getattr(ind, name), getattr(other_ind, name)
            if before != after:
                changes.append(Change("changed", "indicator", iid, name, before, after))
        changes.extend(_target_changes(iid, ind, other_ind))
    changes.extend(
        Change("added", "indicator", iid, after=ind)
        for iid, (ind, _) in b_inds.items()
        if iid not in a_inds
    )
    return PlanDiff(tuple(changes))


def _target_changes(iid: str, old: Indicator, new: Indicator) -> list[Change]:
    out: list[Change] = []
    for year in sorted(set(old.targets) | set(new.targets)):
        before, after = old.targets.get(year), new.targets.get(year)
        if before == after:
            continue
        kind: ChangeKind = "added" if before is None else "removed" if after is None else "changed"
        out.append(Change(kind, "target", iid, str(year), before, after))
    if old.target != new.target:
        kind = "added" if old.target is None else "removed" if new.target is None else "changed"
        out.append(Change(kind, "target", iid, "all years", old.target, new.target))
    return out
