"""What changed between two plans: goals, indicators and targets added, removed or changed.

Swedish terms: *ändring från verksamhetsplanen 2010* (Mjölby's footnotes record such
changes: "Målet har därmed ändrats från 'minskning' till 'ökning'").

This module sits above the plan (it imports :mod:`styrmodell._goals`, never the other way
round), so comparing is a function, :func:`diff`, not a method of :class:`~styrmodell.Plan`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import attrs

from styrmodell._errors import StyrmodellError
from styrmodell._goals import Goal, Indicator, Plan
from styrmodell._messages import REFERENCE_LOCALE, text
from styrmodell._thresholds._registry import family_of

__all__ = ["ALL_YEARS", "Change", "PlanDiff", "diff"]

ChangeKind = Literal["added", "removed", "changed"]
Subject = Literal["goal", "indicator", "target"]

ALL_YEARS = "all years"
""":attr:`Change.field` of a change to an indicator's one target for every year."""

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

    ``str(change)`` is the English line (stable, for logs and tests); :meth:`describe`
    words it in a locale, Swedish by default.

    Attributes:
        kind: ``"added"``, ``"removed"`` or ``"changed"``.
        subject: ``"goal"``, ``"indicator"`` or ``"target"``.
        id: The goal's or indicator's id (for a target: the indicator's id).
        field: For a changed goal or indicator, the field that changed ("title",
            "parent"...); for a target, the year as text, or ``"all years"``
            (:data:`ALL_YEARS`).
        before: The old value (``None`` when added).
        after: The new value (``None`` when removed).

    Example:
        >>> change = Change("added", "goal", "h")
        >>> str(change), change.describe()
        ("added goal 'h'", "nytt mål 'h'")
    """

    kind: ChangeKind
    subject: Subject
    id: str
    field: str | None = None
    before: Any = None
    after: Any = None

    def __str__(self) -> str:
        return self.describe(REFERENCE_LOCALE)

    def describe(self, locale: str = "sv") -> str:
        """The change in words, in *locale* (Swedish by default)."""
        params: dict[str, object] = {"id": self.id}
        if self.subject == "target":
            params["year"] = (
                text("diff.all_years", locale) if self.field == ALL_YEARS else self.field
            )
        elif self.field is not None:
            params["field"] = text(f"diff.field.{self.field}", locale)
        if self.kind == "changed":
            params["before"] = _show(self.before, locale)
            params["after"] = _show(self.after, locale)
        field = "" if self.subject == "target" or self.field is None else ".field"
        return text(f"diff.{self.subject}.{self.kind}{field}", locale, **params)


def _show(value: Any, locale: str) -> str:
    """A value as a change shows it: a threshold in the plan's words, anything else as repr."""
    try:
        family = family_of(value)
    except StyrmodellError:
        return repr(value)
    return str(family.describe(value, locale))


@attrs.frozen
class PlanDiff:
    """The changes from one plan to another, in a stable order (goals, then indicators).

    Iterate over it for :class:`Change` objects; it is falsy when nothing changed.

    Example:
        >>> a = Plan(id="p", years=2010, levels=("Mål",), goals=[Goal(id="g")])
        >>> b = attrs.evolve(a, years=2011, goals=[Goal(id="g"), Goal(id="h")])
        >>> changes = diff(a, b)
        >>> print(changes.describe())
        nytt mål 'h'
        >>> print(changes.describe("en"))
        added goal 'h'
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

    def describe(self, locale: str = "sv") -> str:
        """One line per change, in *locale* (Swedish by default)."""
        return "\n".join(c.describe(locale) for c in self.changes)


def _goals_with_parent(plan: Plan) -> dict[str, tuple[Goal, str | None]]:
    out: dict[str, tuple[Goal, str | None]] = {}
    stack: list[tuple[Goal, str | None]] = [(goal, None) for goal in reversed(plan.goals)]
    while stack:
        goal, parent = stack.pop()
        out[goal.id] = (goal, parent)
        stack.extend((child, goal.id) for child in reversed(goal.children))
    return out


def _indicators_with_goal(plan: Plan) -> dict[str, tuple[Indicator, str]]:
    return {ind.id: (ind, goal.id) for goal in plan.all_goals() for ind in goal.indicators}


def diff(old: Plan, new: Plan) -> PlanDiff:
    """What changed from plan *old* to plan *new*: goals, indicators and targets.

    Goals and indicators are matched by id; a goal that moved to another parent, or an
    indicator to another goal, is *changed* (field ``"parent"`` or ``"goal"``).

    Example:
        >>> a = Plan(id="p", years=2010, levels=("Mål",), goals=[Goal(id="g")])
        >>> b = attrs.evolve(a, years=2011, goals=[Goal(id="g", title="Trygghet")])
        >>> print(diff(a, b).describe("en"))
        changed goal 'g' title: '' → 'Trygghet'
    """
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
        out.append(Change(kind, "target", iid, ALL_YEARS, old.target, new.target))
    return out
