"""The plan: a tree of goals with indicators, baselines and yearly targets.

Swedish terms: *verksamhetsplan* (:class:`Plan`), *målområde*, *övergripande mål*,
*inriktningsmål*, *KF-mål*, *nämndmål*, *åtagande* (a :class:`Goal` at some level),
*indikator* / *mått* / *nyckeltal* (:class:`Indicator`), *datakälla* (source), *ingångsvärde*
/ *bokslutsvärde* / *utgångsläge* (:class:`Baseline`), *målvärde* (a target: a threshold for
a year), *perspektiv* (:class:`Perspective`, e.g. the five of balanced scorecard),
*förvaltning* / *enhet* (:class:`OrgUnit`), *D/B* (reported in delår and bokslut),
*"Gäller för enheten"* (``applies_to``), *"Nytt mål"* (no baseline).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from styrmodell._actions import ActionPlan
from styrmodell._calendar import FollowUpCalendar
from styrmodell._errors import PlanError
from styrmodell._frozenmap import FrozenMap
from styrmodell._numbers import to_decimal
from styrmodell._period import Period
from styrmodell._rollup import RollUp
from styrmodell._thresholds._base import Threshold, is_threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._units import Direction, Unit

if TYPE_CHECKING:
    from styrmodell._diff import PlanDiff

__all__ = ["Baseline", "Goal", "Indicator", "OrgUnit", "Perspective", "Plan"]


# -- small converters -------------------------------------------------------------------


def _check_text(what: str, value: object) -> str:
    if not isinstance(value, str):
        raise PlanError(f"{what}: expected text, got {value!r}")
    return value


def _id(what: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise PlanError(
            f"{what}: expected a non-empty id without surrounding spaces, got {value!r}"
        )
    return value


def _as_tuple(what: str, value: object) -> tuple[object, ...]:
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise PlanError(f"{what}: expected a sequence, got {value!r}")
    return tuple(value)


def _strings(what: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    out: list[str] = []
    for item in _as_tuple(what, value):
        if not isinstance(item, str):
            raise PlanError(f"{what}: expected text, got {item!r} in {value!r}")
        out.append(item)
    return tuple(out)


def _unit(value: object) -> Unit | None:
    if value is None or isinstance(value, Unit):
        return value
    if isinstance(value, str):
        try:
            return Unit(value)
        except ValueError:
            pass
    raise PlanError(f"Indicator.unit: expected a styrmodell.Unit or None, got {value!r}")


def _direction(value: object) -> Direction | None:
    if value is None or isinstance(value, Direction):
        return value
    if isinstance(value, str):
        try:
            return Direction(value)
        except ValueError:
            pass
    raise PlanError(f"Indicator.direction: expected a styrmodell.Direction or None, got {value!r}")


def _baseline_note(value: object) -> str:
    return _check_text("Baseline.note", value)


def _goal_description(value: object) -> str:
    return _check_text("Goal.description", value)


def _goal_title(value: object) -> str:
    return _check_text("Goal.title", value)


def _indicator_frequency(value: object) -> str:
    return _check_text("Indicator.frequency", value)


def _indicator_purpose(value: object) -> str:
    return _check_text("Indicator.purpose", value)


def _indicator_source(value: object) -> str:
    return _check_text("Indicator.source", value)


def _indicator_title(value: object) -> str:
    return _check_text("Indicator.title", value)


def _orgunit_name(value: object) -> str:
    return _check_text("OrgUnit.name", value)


def _perspective_name(value: object) -> str:
    return _check_text("Perspective.name", value)


def _plan_organisation(value: object) -> str:
    return _check_text("Plan.organisation", value)


def _plan_reference(value: object) -> str:
    return _check_text("Plan.reference", value)


def _plan_title(value: object) -> str:
    return _check_text("Plan.title", value)


def _goal_perspectives(value: object) -> tuple[str, ...]:
    return _strings("Goal.perspectives", value)


def _goal_responsible(value: object) -> tuple[str, ...]:
    return _strings("Goal.responsible", value)


def _goal_applies_to(value: object) -> tuple[str, ...]:
    return _strings("Goal.applies_to", value)


def _by_gender(value: object) -> bool:
    if not isinstance(value, bool):
        raise PlanError(f"Indicator.by_gender: expected True or False, got {value!r}")
    return value


def _indicator_reporting(value: object) -> tuple[str, ...]:
    return _reporting(value)


# -- org units and perspectives ---------------------------------------------------------


def _org_id(value: object) -> str:
    return _id("OrgUnit.id", value)


def _org_parent(value: object) -> str | None:
    return None if value is None else _id("OrgUnit.parent", value)


@attrs.frozen
class OrgUnit:
    """An organisational unit: a nämnd, förvaltning (SOF, ÄF), programområde or enhet.

    Attributes:
        id: A short id used in goals (``"SOF"``).
        name: The full name (``"Social- och omsorgsförvaltningen"``).
        parent: The id of the unit above it, or ``None`` at the top.

    Example:
        >>> OrgUnit("SOF", "Social- och omsorgsförvaltningen", parent="VON").parent
        'VON'
    """

    id: str = attrs.field(converter=_org_id)
    name: str = attrs.field(default="", converter=_orgunit_name)
    parent: str | None = attrs.field(default=None, converter=_org_parent, kw_only=True)


def _perspective_id(value: object) -> str:
    return _id("Perspective.id", value)


@attrs.frozen
class Perspective:
    """A perspective tag on goals, such as the five of balanced scorecard (Kund, Personal...).

    Perspectives are tags, not levels: a goal at any level may carry one or more.

    Example:
        >>> Perspective("kund", "Kundperspektivet").name
        'Kundperspektivet'
    """

    id: str = attrs.field(converter=_perspective_id)
    name: str = attrs.field(default="", converter=_perspective_name)


# -- baseline and indicator -------------------------------------------------------------


def _baseline_value(value: object) -> Decimal | bool:
    if isinstance(value, bool):
        return value
    return to_decimal(value, what="Baseline.value", error=PlanError)


def _baseline_period(value: object) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Period.year(value)
    if isinstance(value, str):
        return Period.parse(value)
    raise PlanError(f"Baseline.period: expected a Period, a year or a label, got {value!r}")


@attrs.frozen
class Baseline:
    """The value an indicator starts from (ingångsvärde, bokslutsvärde, utgångsläge).

    Attributes:
        value: The number (or done / not done).
        period: When it was measured: a :class:`Period`, a year, a label
            ("jan-okt 2022"), or ``None`` when the plan does not say.
        note: Anything else the plan says ("Pulsmätning").

    Example:
        >>> Baseline(48, "jan-nov 2022").period.label()
        'jan-nov 2022'
    """

    value: Decimal | bool = attrs.field(converter=_baseline_value)
    period: Period | None = attrs.field(default=None, converter=_baseline_period)
    note: str = attrs.field(default="", converter=_baseline_note, kw_only=True)


def _indicator_id(value: object) -> str:
    return _id("Indicator.id", value)


def _baseline(value: object) -> Baseline | None:
    if value is None or isinstance(value, Baseline):
        return value
    raise PlanError(f"Indicator.baseline: expected a Baseline or None, got {value!r}")


def _is_threshold(value: object) -> bool:
    return is_threshold(value)


def _targets(value: object) -> FrozenMap[int, Any]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise PlanError(
            f"Indicator.targets: expected a mapping of year to threshold, got {value!r}"
        )
    out: dict[int, Any] = {}
    for year, threshold in value.items():
        if isinstance(year, bool) or not isinstance(year, int):
            raise PlanError(f"Indicator.targets: expected a year (int) as key, got {year!r}")
        if not _is_threshold(threshold):
            raise PlanError(f"Indicator.targets[{year}]: expected a threshold, got {threshold!r}")
        out[year] = threshold
    return FrozenMap(dict(sorted(out.items())))


def _target(value: object) -> Any:
    if value is None or _is_threshold(value):
        return value
    raise PlanError(f"Indicator.target: expected a threshold or None, got {value!r}")


def _notes(value: object) -> tuple[str, ...]:
    return _strings("notes", value)


@attrs.frozen(kw_only=True)
class Indicator:
    """What is measured for a goal (indikator, mått, nyckeltal), and its target per year.

    An indicator with no target at all ("Mätvärde saknas, målet ska kompletteras") is legal
    and is assessed as ``NOT_ASSESSED``.

    Attributes:
        id: Unique within the plan.
        title: The indicator as the plan words it.
        unit: The :class:`Unit` values are measured in, or ``None``.
        direction: Which way is better, where it is known.
        source: The data source (datakälla): "Egen mätning i Viva", "Kolada N21814".
        baseline: The :class:`Baseline`, or ``None`` ("Nytt mål").
        targets: Year → threshold (the målvärde of each year).
        target: One threshold for every year not in *targets* ("one target for all years").
        by_gender: Whether outcomes are followed up per gender (kvinnor/män).
        frequency: How often it is measured ("Månadsvis (en månads eftersläpning)").
        purpose: Why it is followed (syfte).
        notes: Anything else, e.g. why a target changed from last year's plan.
        reported_in: Reporting occasions: ``"D"`` (delår) and / or ``"B"`` (bokslut).

    Example:
        >>> from styrmodell import TargetValue, Unit
        >>> ind = Indicator(
        ...     id="jobbcoach", title="Andel i egen försörjning", unit=Unit.PERCENT,
        ...     targets={2023: TargetValue(">=", 50, unit=Unit.PERCENT)},
        ... )
        >>> ind.target_for(2023).comparator
        '>='
    """

    id: str = attrs.field(converter=_indicator_id)
    title: str = attrs.field(default="", converter=_indicator_title)
    unit: Unit | None = attrs.field(default=None, converter=_unit)
    direction: Direction | None = attrs.field(default=None, converter=_direction)
    source: str = attrs.field(default="", converter=_indicator_source)
    baseline: Baseline | None = attrs.field(default=None, converter=_baseline)
    targets: FrozenMap[int, Threshold] = attrs.field(factory=FrozenMap, converter=_targets)
    target: Threshold | None = attrs.field(default=None, converter=_target)
    by_gender: bool = attrs.field(default=False, converter=_by_gender)
    frequency: str = attrs.field(default="", converter=_indicator_frequency)
    purpose: str = attrs.field(default="", converter=_indicator_purpose)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    reported_in: tuple[str, ...] = attrs.field(default=(), converter=_indicator_reporting)

    def target_for(self, year: int) -> Threshold | None:
        """The threshold for *year*: ``targets[year]``, else ``target``, else ``None``."""
        found = self.targets.get(year)
        return found if found is not None else self.target

    @property
    def target_count(self) -> int:
        """How many yearly targets the indicator has (a shared ``target`` counts once)."""
        return len(self.targets) + (1 if self.target is not None else 0)


# -- goal -------------------------------------------------------------------------------


_REPORTING = {"D": "D", "B": "B", "DELÅR": "D", "BOKSLUT": "B"}


def _reporting(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    parts: list[str]
    if isinstance(value, str):
        parts = value.strip().strip("()").replace(",", "/").split("/")
    else:
        parts = list(_strings("reported_in", value))
    out: list[str] = []
    for part in parts:
        key = part.strip().upper()
        if not key:
            continue
        if key not in _REPORTING:
            raise PlanError(
                f"reported_in: expected 'D' (delår) and/or 'B' (bokslut), got {value!r}"
            )
        if _REPORTING[key] not in out:
            out.append(_REPORTING[key])
    return tuple(sorted(out, key="DB".index))


def _goal_id(value: object) -> str:
    return _id("Goal.id", value)


def _level(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PlanError(f"Goal.level: expected a level number 0, 1, 2... or None, got {value!r}")
    return value


def _goals(value: object) -> tuple[Goal, ...]:
    out: list[Goal] = []
    for item in _as_tuple("goals", value):
        if not isinstance(item, Goal):
            raise PlanError(f"goals: expected Goal objects, got {item!r}")
        out.append(item)
    return tuple(out)


def _indicators(value: object) -> tuple[Indicator, ...]:
    out: list[Indicator] = []
    for item in _as_tuple("indicators", value):
        if not isinstance(item, Indicator):
            raise PlanError(f"indicators: expected Indicator objects, got {item!r}")
        out.append(item)
    return tuple(out)


@attrs.frozen(kw_only=True)
class Goal:
    """A goal at some level of the plan, with its child goals and its indicators.

    Attributes:
        id: Unique within the plan.
        title: The goal as the plan words it.
        level: The level number (0 = the top, an index into ``Plan.levels``); ``None``
            means "its depth in the tree", which the plan fills in.
        children: The goals one level below that contribute to this one.
        indicators: The indicators that measure this goal.
        perspectives: Perspective ids this goal is tagged with.
        responsible: OrgUnit ids responsible for the goal (SOF, ÄF).
        reported_in: ``"D"`` (delår) and / or ``"B"`` (bokslut); "(D/B)" is accepted.
        applies_to: OrgUnit ids the goal is chosen for ("Gäller för enheten"); empty
            means every unit.
        description: Longer text about the goal.

    Example:
        >>> Goal(id="kf1", title="Trygg och värdig ålderdom", reported_in="(D/B)").reported_in
        ('D', 'B')
    """

    id: str = attrs.field(converter=_goal_id)
    title: str = attrs.field(default="", converter=_goal_title)
    level: int | None = attrs.field(default=None, converter=_level)
    children: tuple[Goal, ...] = attrs.field(default=(), converter=_goals)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_indicators)
    perspectives: tuple[str, ...] = attrs.field(default=(), converter=_goal_perspectives)
    responsible: tuple[str, ...] = attrs.field(default=(), converter=_goal_responsible)
    reported_in: tuple[str, ...] = attrs.field(default=(), converter=_reporting)
    applies_to: tuple[str, ...] = attrs.field(default=(), converter=_goal_applies_to)
    description: str = attrs.field(default="", converter=_goal_description)

    def walk(self, path: str = "") -> Iterator[tuple[str, Goal]]:
        """This goal and every goal below it, depth-first, with their paths."""
        yield path, self
        for i, child in enumerate(self.children):
            yield from child.walk(f"{path}.children[{i}]")


# -- plan -------------------------------------------------------------------------------


def _plan_id(value: object) -> str:
    return _id("Plan.id", value)


def _years(value: object) -> tuple[int, int]:
    if isinstance(value, range):
        if len(value) == 0 or value.step != 1:
            raise PlanError(f"Plan.years: expected a non-empty range of years, got {value!r}")
        value = (value[0], value[-1])
    if isinstance(value, int) and not isinstance(value, bool):
        value = (value, value)
    if (
        isinstance(value, tuple | list)
        and len(value) == 2
        and all(isinstance(y, int) and not isinstance(y, bool) for y in value)
        and value[0] <= value[1]
    ):
        return (value[0], value[1])
    raise PlanError(
        f"Plan.years: expected (first, last) with first <= last, a year or a range, got {value!r}"
    )


def _levels(value: object) -> tuple[str, ...]:
    levels = _strings("Plan.levels", value)
    if not levels:
        raise PlanError("Plan.levels: expected at least one level name, got none")
    return levels


def _decided(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PlanError(f"Plan.decided: expected a date, got {value!r}")


def _org_units(value: object) -> tuple[OrgUnit, ...]:
    out: list[OrgUnit] = []
    for item in _as_tuple("Plan.org_units", value):
        if not isinstance(item, OrgUnit):
            raise PlanError(f"Plan.org_units: expected OrgUnit objects, got {item!r}")
        out.append(item)
    return tuple(out)


def _perspectives(value: object) -> tuple[Perspective, ...]:
    out: list[Perspective] = []
    for item in _as_tuple("Plan.perspectives", value):
        if not isinstance(item, Perspective):
            raise PlanError(f"Plan.perspectives: expected Perspective objects, got {item!r}")
        out.append(item)
    return tuple(out)


def _action_plans(value: object) -> tuple[ActionPlan, ...]:
    if value is None:
        return ()
    if isinstance(value, ActionPlan) or not isinstance(value, Iterable):
        raise PlanError(f"Plan.action_plans: expected a sequence of ActionPlan, got {value!r}")
    out = tuple(value)
    for i, item in enumerate(out):
        if not isinstance(item, ActionPlan):
            raise PlanError(f"Plan.action_plans[{i}]: expected an ActionPlan, got {item!r}")
    return out


def _calendar(value: object) -> FollowUpCalendar | None:
    if value is None or isinstance(value, FollowUpCalendar):
        return value
    raise PlanError(f"Plan.calendar: expected a FollowUpCalendar or None, got {value!r}")


def _rollups(value: object) -> FrozenMap[int, RollUp]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise PlanError(f"Plan.rollups: expected a mapping of level to RollUp, got {value!r}")
    out: dict[int, RollUp] = {}
    for level, policy in value.items():
        if isinstance(level, bool) or not isinstance(level, int):
            raise PlanError(f"Plan.rollups: expected a level number as key, got {level!r}")
        if not isinstance(policy, RollUp):
            raise PlanError(f"Plan.rollups[{level}]: expected a RollUp, got {policy!r}")
        out[level] = policy
    return FrozenMap(out)


def _fill_levels(goals: tuple[Goal, ...], depth: int = 0) -> tuple[Goal, ...]:
    out: list[Goal] = []
    for goal in goals:
        children = _fill_levels(
            goal.children, (goal.level if goal.level is not None else depth) + 1
        )
        if goal.level is None or children != goal.children:
            goal = attrs.evolve(
                goal, level=depth if goal.level is None else goal.level, children=children
            )
        out.append(goal)
    return tuple(out)


def _plan_goals(value: object) -> tuple[Goal, ...]:
    return _fill_levels(_goals(value))


@attrs.frozen(kw_only=True)
class Plan:
    """A verksamhetsplan: a tree of goals over some years, decided by someone.

    Validation collects every problem and raises one :class:`~styrmodell.PlanError` that
    names the path of each (``goals[1].children[0].indicators[2].targets[2024]``): duplicate
    ids, a child not one level below its parent, a level the plan does not name, a target
    year outside ``years``, a threshold whose unit does not fit the indicator's unit, and
    a responsible or applicable unit, perspective or parent unit that does not exist. The
    error's ``problems`` lists them one by one.

    Attributes:
        id: A short id for the plan.
        title: The plan's title ("Vård- och omsorgsnämndens verksamhetsplan 2023–2025").
        organisation: Who owns it (kommun, nämnd).
        years: (first, last), a single year, or a ``range``.
        levels: The names of the tree's levels, top first
            (("Målområde", "KF-mål", "Nämndmål")).
        goals: The top-level goals.
        org_units: The org units goals refer to.
        perspectives: The perspectives goals may be tagged with.
        decided: The date the plan was adopted.
        reference: The decision's reference ("§ VON.2022.55").
        notes: Anything else the plan says.
        rollups: A roll-up policy per level number; levels not named use the policy given
            to ``assess``.
        action_plans: The handlingsplaner that carry the plan out; every activity's goal
            links must name goals of this plan.
        calendar: The plan's årshjul (:class:`~styrmodell.FollowUpCalendar`): when what is
            reported to whom; ``None`` when the plan does not describe one.

    Example:
        >>> plan = Plan(id="p", title="VP", years=(2023, 2025), levels=("KF-mål",),
        ...             goals=[Goal(id="g1", title="Mål")])
        >>> plan.goal("g1").level
        0
    """

    id: str = attrs.field(converter=_plan_id)
    title: str = attrs.field(default="", converter=_plan_title)
    organisation: str = attrs.field(default="", converter=_plan_organisation)
    years: tuple[int, int] = attrs.field(converter=_years)
    levels: tuple[str, ...] = attrs.field(converter=_levels)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_plan_goals)
    org_units: tuple[OrgUnit, ...] = attrs.field(default=(), converter=_org_units)
    perspectives: tuple[Perspective, ...] = attrs.field(default=(), converter=_perspectives)
    decided: dt.date | None = attrs.field(default=None, converter=_decided)
    reference: str = attrs.field(default="", converter=_plan_reference)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    rollups: FrozenMap[int, RollUp] = attrs.field(factory=FrozenMap, converter=_rollups)
    action_plans: tuple[ActionPlan, ...] = attrs.field(default=(), converter=_action_plans)
    calendar: FollowUpCalendar | None = attrs.field(default=None, converter=_calendar)
    _goal_index: dict[str, tuple[str, Goal]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )
    _indicator_index: dict[str, tuple[str, Goal, Indicator]] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        problems: list[str] = []
        goal_index: dict[str, tuple[str, Goal]] = {}
        indicator_index: dict[str, tuple[str, Goal, Indicator]] = {}
        first, last = self.years
        units = {u.id for u in self.org_units}
        perspectives = {p.id for p in self.perspectives}
        seen_units: set[str] = set()
        for i, unit in enumerate(self.org_units):
            if unit.id in seen_units:
                problems.append(f"org_units[{i}]: duplicate org unit id {unit.id!r}")
            seen_units.add(unit.id)
            if unit.parent is not None and unit.parent not in units:
                problems.append(f"org_units[{i}].parent: no org unit {unit.parent!r}")
        seen_persp: set[str] = set()
        for i, persp in enumerate(self.perspectives):
            if persp.id in seen_persp:
                problems.append(f"perspectives[{i}]: duplicate perspective id {persp.id!r}")
            seen_persp.add(persp.id)
        for level in self.rollups:
            if not 0 <= level < len(self.levels):
                problems.append(
                    f"rollups[{level}]: the plan has levels 0..{len(self.levels) - 1} only"
                )

        def visit(goal: Goal, path: str, parent: Goal | None) -> None:
            if goal.id in goal_index:
                problems.append(
                    f"{path}: duplicate goal id {goal.id!r} (also at {goal_index[goal.id][0]})"
                )
            else:
                goal_index[goal.id] = (path, goal)
            level = goal.level if goal.level is not None else 0
            if parent is not None and parent.level is not None and level != parent.level + 1:
                problems.append(
                    f"{path}.level: goal {goal.id!r} is at level {level} but its parent "
                    f"{parent.id!r} is at level {parent.level}; a child is one level below"
                )
            if level >= len(self.levels):
                problems.append(
                    f"{path}.level: goal {goal.id!r} is at level {level}, but the plan names "
                    f"only {len(self.levels)} level(s) {list(self.levels)}"
                )
            for j, unit in enumerate(goal.responsible):
                if unit not in units:
                    problems.append(f"{path}.responsible[{j}]: no org unit {unit!r} in the plan")
            for j, unit in enumerate(goal.applies_to):
                if unit not in units:
                    problems.append(f"{path}.applies_to[{j}]: no org unit {unit!r} in the plan")
            for j, persp in enumerate(goal.perspectives):
                if persp not in perspectives:
                    problems.append(
                        f"{path}.perspectives[{j}]: no perspective {persp!r} in the plan"
                    )
            for k, ind in enumerate(goal.indicators):
                ipath = f"{path}.indicators[{k}]"
                if ind.id in indicator_index:
                    problems.append(
                        f"{ipath}: duplicate indicator id {ind.id!r} "
                        f"(also at {indicator_index[ind.id][0]})"
                    )
                else:
                    indicator_index[ind.id] = (ipath, goal, ind)
                for year, threshold in ind.targets.items():
                    tpath = f"{ipath}.targets[{year}]"
                    if not first <= year <= last:
                        problems.append(
                            f"{tpath}: target year {year} is outside the plan's years "
                            f"{first}–{last}"
                        )
                    problems.extend(_unit_problems(tpath, ind, threshold))
                if ind.target is not None:
                    problems.extend(_unit_problems(f"{ipath}.target", ind, ind.target))
            for c, child in enumerate(goal.children):
                visit(child, f"{path}.children[{c}]", goal)

        for g, goal in enumerate(self.goals):
            if goal.level not in (None, 0):
                problems.append(
                    f"goals[{g}].level: top-level goal {goal.id!r} is at level {goal.level}, "
                    "expected 0"
                )
            visit(goal, f"goals[{g}]", None)
        for a, action_plan in enumerate(self.action_plans):
            problems.extend(
                action_plan.link_problems(frozenset(goal_index), path=f"action_plans[{a}].")
            )
        if problems:
            raise PlanError(
                f"Plan {self.id!r} has {len(problems)} problem(s):\n  " + "\n  ".join(problems),
                problems=problems,
            )
        object.__setattr__(self, "_goal_index", goal_index)
        object.__setattr__(self, "_indicator_index", indicator_index)

    # -- look-up --------------------------------------------------------------------------

    def goal(self, goal_id: str) -> Goal:
        """The goal with *goal_id*.

        Raises:
            KeyError: naming the id, when there is none.
        """
        try:
            return self._goal_index[goal_id][1]
        except KeyError:
            raise KeyError(f"plan {self.id!r} has no goal {goal_id!r}") from None

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with *indicator_id*.

        Raises:
            KeyError: naming the id, when there is none.
        """
        try:
            return self._indicator_index[indicator_id][2]
        except KeyError:
            raise KeyError(f"plan {self.id!r} has no indicator {indicator_id!r}") from None

    def path_of(self, item_id: str) -> str:
        """The path of a goal or indicator: ``"goals[1].children[0].indicators[2]"``."""
        if item_id in self._goal_index:
            return self._goal_index[item_id][0]
        if item_id in self._indicator_index:
            return self._indicator_index[item_id][0]
        raise KeyError(f"plan {self.id!r} has no goal or indicator {item_id!r}")

    def goal_of(self, indicator_id: str) -> Goal:
        """The goal an indicator belongs to."""
        self.indicator(indicator_id)
        return self._indicator_index[indicator_id][1]

    def walk(self) -> Iterator[tuple[str, Goal]]:
        """Every goal depth-first, with its path (``"goals[0].children[1]"``)."""
        for i, goal in enumerate(self.goals):
            yield from goal.walk(f"goals[{i}]")

    def all_goals(self) -> tuple[Goal, ...]:
        """Every goal, depth-first."""
        return tuple(goal for _, goal in self.walk())

    def all_indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in the order of the goals (depth-first)."""
        return tuple(ind for _, goal in self.walk() for ind in goal.indicators)

    def org_unit(self, unit_id: str) -> OrgUnit:
        """The org unit with *unit_id* (KeyError if none)."""
        for unit in self.org_units:
            if unit.id == unit_id:
                return unit
        raise KeyError(f"plan {self.id!r} has no org unit {unit_id!r}")

    @property
    def year_range(self) -> range:
        """The plan's years as a ``range`` (2023–2025 → range(2023, 2026))."""
        return range(self.years[0], self.years[1] + 1)

    def counts(self) -> dict[str, int]:
        """How many goals, goals per level, indicators and yearly targets the plan holds.

        Keys: ``"goals"``, ``"indicators"``, ``"targets"`` and one key per level name.
        """
        out: dict[str, int] = {"goals": 0, "indicators": 0, "targets": 0}
        for name in self.levels:
            out.setdefault(name, 0)
        for _, goal in self.walk():
            out["goals"] += 1
            out[self.levels[goal.level or 0]] += 1
            out["indicators"] += len(goal.indicators)
            out["targets"] += sum(ind.target_count for ind in goal.indicators)
        return out

    def diff(self, other: Plan) -> PlanDiff:
        """What changed from this plan to *other*: goals, indicators and targets.

        Example:
            >>> a = Plan(id="p", years=2010, levels=("Mål",), goals=[Goal(id="g")])
            >>> b = attrs.evolve(a, years=2011, goals=[Goal(id="g"), Goal(id="h")])
            >>> print(a.diff(b).describe())
            added goal 'h'
        """
        from styrmodell._diff import diff_plans

        return diff_plans(self, other)


def _unit_problems(path: str, indicator: Indicator, threshold: object) -> list[str]:
    if isinstance(threshold, BudgetDeviation):
        # Its unit is that of the deviation (percent of budget), not of the outcome (tkr).
        return []
    t_unit = getattr(threshold, "unit", None)
    if t_unit is not None and indicator.unit is not None and t_unit is not indicator.unit:
        return [
            f"{path}: threshold unit {t_unit.name} does not fit indicator "
            f"{indicator.id!r} measured in {indicator.unit.name}"
        ]
    return []
