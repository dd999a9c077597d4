"""The plan: a tree of goals with indicators, baselines and yearly targets.

Swedish terms: *verksamhetsplan* (:class:`Plan`), *målområde*, *övergripande mål*,
*inriktningsmål*, *KF-mål*, *nämndmål*, *åtagande* (a :class:`Goal` at some level),
*indikator* / *mått* / *nyckeltal* (:class:`Indicator`), *datakälla* (source), *ingångsvärde*
/ *bokslutsvärde* / *utgångsläge* (:class:`Baseline`), *målvärde* (a target: a threshold for
a year), *perspektiv* (:class:`Perspective`, e.g. the five of balanced scorecard),
*förvaltning* / *enhet* (:class:`OrgUnit`), *D/B* (reported in delår and bokslut),
*"Gäller för enheten"* (``applies_to``), *"Nytt mål"* (no baseline).

Every field goes through the field toolkit (:class:`styrmodell._fields.Fields`): the same
input means the same thing in every class, and every message names ``Class.field``. A
:class:`Plan` checks itself as a whole when it is made and lists every problem with its
path and code; its look-up indexes are derived data (``functools.cached_property``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

import attrs

from styrmodell._actions import ActionPlan
from styrmodell._calendar import FollowUpCalendar
from styrmodell._errors import PlanError, Problem
from styrmodell._fields import (
    FieldError,
    Fields,
    as_flag,
    as_id,
    as_optional_date,
    as_optional_id,
    as_text,
    as_texts,
)
from styrmodell._frozenmap import FrozenMap
from styrmodell._messages import REFERENCE_LOCALE, failure, problem, text
from styrmodell._period import Period, as_optional_period
from styrmodell._rollup import RollUp
from styrmodell._thresholds._base import Threshold, is_threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._staged import line_target
from styrmodell._units import Direction, Unit, as_optional_direction, as_optional_unit

__all__ = ["Baseline", "Goal", "Indicator", "OrgUnit", "Perspective", "Plan"]

F = Fields(PlanError)
T = TypeVar("T")


# -- converters of this module's field types (each names its field through *at*) --------


def expected(kind: str) -> str:
    """The code of "expected a/an *kind*" (the article follows the class name's sound)."""
    return "plan.expected_an" if kind[:1] in "AEIOU" else "plan.expected_a"


def _instances(cls: type[T], value: object, at: str) -> tuple[T, ...]:
    """A tuple of *cls* instances from ``None`` or any sequence of them."""
    if type(value) is tuple and all(type(item) is cls for item in value):
        return value  # already converted (the common case on evolve)
    items = F.as_tuple(value, at)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise failure(
                PlanError, expected(cls.__name__), f"{at}[{i}]", value=item, kind=cls.__name__
            )
    return items


def _instance(cls: type[T], value: object, at: str) -> T:
    """*value* if it is an instance of *cls*."""
    if not isinstance(value, cls):
        raise failure(PlanError, expected(cls.__name__), at, value=value, kind=cls.__name__)
    return value


def _as_baseline(value: object, at: str = "value") -> Baseline | None:
    return None if value is None else _instance(Baseline, value, at)


def _as_indicators(value: object, at: str = "value") -> tuple[Indicator, ...]:
    return _instances(Indicator, value, at)


def _as_goals(value: object, at: str = "value") -> tuple[Goal, ...]:
    return _instances(Goal, value, at)


def _as_org_units(value: object, at: str = "value") -> tuple[OrgUnit, ...]:
    return _instances(OrgUnit, value, at)


def _as_perspectives(value: object, at: str = "value") -> tuple[Perspective, ...]:
    return _instances(Perspective, value, at)


def _as_action_plans(value: object, at: str = "value") -> tuple[ActionPlan, ...]:
    return _instances(ActionPlan, value, at)


def _as_calendar(value: object, at: str = "value") -> FollowUpCalendar | None:
    return None if value is None else _instance(FollowUpCalendar, value, at)


def _as_threshold(value: object, at: str = "value") -> Threshold:
    if not is_threshold(value):
        raise failure(PlanError, "plan.expected_threshold", at, value=value)
    return value


_NO_TARGETS: FrozenMap[int, Threshold] = FrozenMap()


def _as_targets(value: object, at: str = "value") -> FrozenMap[int, Threshold]:
    """Year → threshold, sorted by year."""
    if value is None:
        return _NO_TARGETS
    if not isinstance(value, Mapping):
        raise failure(PlanError, "plan.expected_targets", at, value=value)
    if not value:
        return _NO_TARGETS
    previous = 0
    in_order = True
    for year, threshold in value.items():
        if type(year) is not int or not 1 <= year <= 9999:
            F.as_year(year, f"{at} key")
        if not is_threshold(threshold):
            _as_threshold(threshold, f"{at}[{year}]")
        in_order = in_order and year > previous
        previous = year
    if in_order and type(value) is FrozenMap:
        return value
    return FrozenMap(dict(sorted(value.items())))


def _as_breaks(value: object, at: str = "value") -> tuple[int, ...]:
    """Years, sorted, each once (series breaks)."""
    if value is None:
        return ()
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise failure(PlanError, "plan.expected_breaks", at, value=value)
    return tuple(sorted({F.as_year(year, f"{at}[{i}]") for i, year in enumerate(value)}))


def _as_baseline_value(value: object, at: str = "value") -> Decimal | bool:
    if isinstance(value, bool):
        return value
    return F.as_decimal(value, at)


_REPORTING = {"D": "D", "B": "B", "DELÅR": "D", "BOKSLUT": "B"}
_REPORTED: dict[tuple[str, ...], tuple[str, ...]] = {
    (): (),
    ("D",): ("D",),
    ("B",): ("B",),
    ("D", "B"): ("D", "B"),
}


def _as_reporting(value: object, at: str = "value") -> tuple[str, ...]:
    """``"D"`` (delår) and / or ``"B"`` (bokslut) from "(D/B)", "D, B", ["delår", "B"]..."""
    if type(value) is tuple and value in _REPORTED:
        return _REPORTED[value]
    if value is None:
        return ()
    parts: list[str]
    if isinstance(value, str):
        parts = value.strip().strip("()").replace(",", "/").split("/")
    else:
        parts = list(F.as_strings(value, at))
    out: list[str] = []
    for part in parts:
        key = part.strip().upper()
        if not key:
            continue
        if key not in _REPORTING:
            raise failure(PlanError, "plan.expected_reporting", at, value=value)
        if _REPORTING[key] not in out:
            out.append(_REPORTING[key])
    return tuple(sorted(out, key="DB".index))


def _as_level(value: object, at: str = "value") -> int:
    if type(value) is not int or value < 0:
        raise failure(PlanError, "plan.expected_level", at, value=value)
    return value


def _as_years(value: object, at: str = "value") -> tuple[int, int]:
    years: object = value
    if isinstance(value, range):
        if len(value) == 0 or value.step != 1:
            raise failure(PlanError, "plan.expected_years", at, value=value)
        years = (value[0], value[-1])
    if type(years) is int:
        years = (years, years)
    if (
        isinstance(years, tuple | list)
        and len(years) == 2
        and all(type(y) is int for y in years)
        and years[0] <= years[1]
    ):
        return (years[0], years[1])
    raise failure(PlanError, "plan.expected_years", at, value=value)


def _as_levels(value: object, at: str = "value") -> tuple[str, ...]:
    levels = F.as_strings(value, at)
    if not levels:
        raise failure(PlanError, "plan.expected_levels", at)
    return levels


def _as_rollups(value: object, at: str = "value") -> FrozenMap[int, RollUp]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(PlanError, "plan.expected_rollups", at, value=value)
    for level, policy in value.items():
        if type(level) is not int:
            raise failure(PlanError, "plan.expected_level_key", f"{at} key", value=level)
        if not isinstance(policy, RollUp):
            raise failure(
                PlanError, expected("RollUp"), f"{at}[{level}]", value=policy, kind="RollUp"
            )
    return value if type(value) is FrozenMap else FrozenMap(value)


# -- org units and perspectives ---------------------------------------------------------


@attrs.frozen(field_transformer=F.locate)
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

    id: str = attrs.field(converter=as_id)
    name: str = attrs.field(default="", converter=as_text)
    parent: str | None = attrs.field(default=None, converter=as_optional_id, kw_only=True)


@attrs.frozen(field_transformer=F.locate)
class Perspective:
    """A perspective tag on goals, such as the five of balanced scorecard (Kund, Personal...).

    Perspectives are tags, not levels: a goal at any level may carry one or more.

    Example:
        >>> Perspective("kund", "Kundperspektivet").name
        'Kundperspektivet'
    """

    id: str = attrs.field(converter=as_id)
    name: str = attrs.field(default="", converter=as_text)


# -- baseline and indicator -------------------------------------------------------------


@attrs.frozen(field_transformer=F.locate)
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

    value: Decimal | bool = attrs.field(converter=_as_baseline_value)
    period: Period | None = attrs.field(default=None, converter=as_optional_period)
    note: str = attrs.field(default="", converter=as_text, kw_only=True)


def _optional_as_threshold(value: object, at: str = "value") -> Any:
    """:func:`_as_threshold`, or ``None``."""
    return None if value is None else _as_threshold(value, at)


KOLADA_PREFIX = "kolada:"
"""An :attr:`Indicator.source` starting so names a Kolada KPI: ``"kolada:U21468"``."""


def _as_source(value: object, at: str = "value") -> str:
    """:func:`as_text`; ``"kolada:<KPI>"`` must name a KPI id ("N" or "U" and five digits)."""
    source = as_text(value, at)
    if source[: len(KOLADA_PREFIX)].lower() == KOLADA_PREFIX:
        kpi = source[len(KOLADA_PREFIX) :].strip()
        if not (len(kpi) == 6 and kpi[0] in "NU" and kpi[1:].isascii() and kpi[1:].isdigit()):
            raise failure(FieldError, "kolada.source_kpi", at, value=value)
    return source


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Indicator:
    """What is measured for a goal (indikator, mått, nyckeltal), and its target per year.

    An indicator with no target at all ("Mätvärde saknas, målet ska kompletteras") is legal
    and is assessed as ``NOT_ASSESSED``.

    Attributes:
        id: Unique within the plan.
        title: The indicator as the plan words it.
        unit: The :class:`Unit` values are measured in, or ``None``.
        direction: Which way is better, where it is known.
        source: The data source (datakälla): "Egen mätning i Viva", "Kolada N21814";
            ``"kolada:<KPI>"`` ("kolada:U21468") names a Kolada nyckeltal that
            :mod:`styrmodell.kolada` reads the outcomes and references from
            (:attr:`kolada_kpi`).
        baseline: The :class:`Baseline`, or ``None`` ("Nytt mål").
        targets: Year → threshold (the målvärde of each year).
        target: One threshold for every year not in *targets* ("one target for all years").
        by_gender: Whether outcomes are followed up per gender (kvinnor/män).
        frequency: How often it is measured ("Månadsvis (en månads eftersläpning)").
        purpose: Why it is followed (syfte).
        notes: Anything else, e.g. why a target changed from last year's plan.
        reported_in: Reporting occasions: ``"D"`` (delår) and / or ``"B"`` (bokslut).
        interpolate: Judge a year without a target of its own against the straight line
            from the baseline (or the latest earlier stage) to the next stage: *targets*
            may hold stages beyond the plan's years ("9 % 2020, 15 % 2025, 30 % 2030").
        breaks: The years the measure's method changed (series breaks): values on two
            sides of one are not comparable (``Context.breaks``).

    Example:
        >>> from styrmodell import TargetValue, Unit
        >>> ind = Indicator(
        ...     id="jobbcoach", title="Andel i egen försörjning", unit=Unit.PERCENT,
        ...     targets={2023: TargetValue(">=", 50, unit=Unit.PERCENT)},
        ... )
        >>> ind.target_for(2023).comparator
        '>='
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)
    direction: Direction | None = attrs.field(default=None, converter=as_optional_direction)
    source: str = attrs.field(default="", converter=_as_source)
    baseline: Baseline | None = attrs.field(default=None, converter=_as_baseline)
    targets: FrozenMap[int, Threshold] = attrs.field(default=_NO_TARGETS, converter=_as_targets)
    target: Threshold | None = attrs.field(default=None, converter=_optional_as_threshold)
    by_gender: bool = attrs.field(default=False, converter=as_flag)
    frequency: str = attrs.field(default="", converter=as_text)
    purpose: str = attrs.field(default="", converter=as_text)
    notes: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    reported_in: tuple[str, ...] = attrs.field(default=(), converter=_as_reporting)
    interpolate: bool = attrs.field(default=False, converter=as_flag)
    breaks: tuple[int, ...] = attrs.field(default=(), converter=_as_breaks)

    def target_for(self, year: int) -> Threshold | None:
        r"""The threshold for *year*: ``targets[year]``, else ``target``, else ``None``.

        With ``interpolate``, a year with neither is judged on the line to the next stage
        (a :class:`~styrmodell._thresholds._staged.StagedTarget`), where there is one.

        Examples:
            >>> from styrmodell import Baseline, TargetValue, describe
            >>> ind = Indicator(
            ...     id="fossilfritt", unit="percent", baseline=Baseline(8, 2019),
            ...     targets={2030: TargetValue(">=", 30, unit="percent")}, interpolate=True,
            ... )
            >>> describe(ind.target_for(2024))  # doctest: +NORMALIZE_WHITESPACE
            'Mellan utgångsläget 2019 och etappmålet 2030: Grönt: ≥ 18\xa0%, Rött: mindre
            än 18\xa0%'
        """
        found = self.targets.get(year)
        if found is not None:
            return found
        if self.target is not None or not self.interpolate:
            return self.target
        baseline = None
        if (
            self.baseline is not None
            and self.baseline.period is not None
            and isinstance(self.baseline.value, Decimal)
        ):
            baseline = (self.baseline.period.calendar_year, self.baseline.value)
        return line_target(year, self.targets, baseline=baseline)

    @property
    def kolada_kpi(self) -> str | None:
        """The Kolada KPI id when :attr:`source` is ``"kolada:<KPI>"``, else ``None``.

        Example:
            >>> Indicator(id="nojd", source="kolada:U21468").kolada_kpi
            'U21468'
            >>> Indicator(id="egen", source="Kolada N21814").kolada_kpi is None
            True
        """
        if self.source[: len(KOLADA_PREFIX)].lower() != KOLADA_PREFIX:
            return None
        return self.source[len(KOLADA_PREFIX) :].strip()

    @property
    def target_count(self) -> int:
        """How many yearly targets the indicator has (a shared ``target`` counts once)."""
        return len(self.targets) + (1 if self.target is not None else 0)


# -- goal -------------------------------------------------------------------------------


def _optional_as_level(value: object, at: str = "value") -> Any:
    """:func:`_as_level`, or ``None``."""
    return None if value is None else _as_level(value, at)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
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

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    level: int | None = attrs.field(default=None, converter=_optional_as_level)
    children: tuple[Goal, ...] = attrs.field(default=(), converter=_as_goals)
    indicators: tuple[Indicator, ...] = attrs.field(default=(), converter=_as_indicators)
    perspectives: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    responsible: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    reported_in: tuple[str, ...] = attrs.field(default=(), converter=_as_reporting)
    applies_to: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    description: str = attrs.field(default="", converter=as_text)

    def walk(self, path: str = "") -> Iterator[tuple[str, Goal]]:
        """This goal and every goal below it, depth-first, with their paths."""
        stack = [(path, self)]
        while stack:
            here, goal = stack.pop()
            yield here, goal
            stack.extend(
                (f"{here}.children[{i}]", child)
                for i, child in reversed(list(enumerate(goal.children)))
            )


# -- plan -------------------------------------------------------------------------------


_PENDING: Any = object()


def _fill_levels(goals: tuple[Goal, ...], depth: int = 0) -> tuple[Goal, ...]:
    """*goals* with every ``level=None`` set to the goal's depth in the tree.

    A goal is rebuilt only when its level or one of its descendants' levels is filled in.
    Iterative (children before their parent), so a deep tree cannot exhaust the stack.
    """
    # A frame: the goals of one level, their depth, the next index, the goals rebuilt so
    # far (None while none had to be), and the children of the current goal once done.
    stack: list[list[Any]] = [[goals, depth, 0, None, _PENDING]]
    while True:
        frame = stack[-1]
        these, at_depth, i, out, done = frame
        if i == len(these):
            stack.pop()
            result = these if out is None else tuple(out)
            if not stack:
                return result
            stack[-1][4] = result
            continue
        goal = these[i]
        level = goal.level if goal.level is not None else at_depth
        if done is _PENDING and goal.children:
            stack.append([goal.children, level + 1, 0, None, _PENDING])
            continue
        children = goal.children if done is _PENDING else done
        frame[4] = _PENDING
        frame[2] = i + 1
        if goal.level is None or children is not goal.children:
            goal = attrs.evolve(goal, level=level, children=children)
            if out is None:
                out = frame[3] = list(these[:i])
        if out is not None:
            out.append(goal)


def _as_plan_goals(value: object, at: str = "value") -> tuple[Goal, ...]:
    return _fill_levels(_instances(Goal, value, at))


class _Index(NamedTuple):
    """What one walk over a plan finds: its look-up tables and its problems."""

    goals: dict[str, tuple[str, Goal]]
    indicators: dict[str, tuple[str, Goal, Indicator]]
    units: dict[str, OrgUnit]
    problems: tuple[Problem, ...]


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Plan:
    """A verksamhetsplan: a tree of goals over some years, decided by someone.

    Validation collects every problem and raises one :class:`~styrmodell.PlanError` that
    names the path of each (``goals[1].children[0].indicators[2].targets[2024]``): duplicate
    ids, a child not one level below its parent, a level the plan does not name, a target
    year before ``years`` (a year after them is a stage: a long-term goal), a threshold
    whose unit does not fit the indicator's unit, and a responsible or applicable unit,
    perspective or parent unit that does not exist. The error's ``problems`` lists them one
    by one.

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

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    organisation: str = attrs.field(default="", converter=as_text)
    years: tuple[int, int] = attrs.field(converter=_as_years)
    levels: tuple[str, ...] = attrs.field(converter=_as_levels)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_as_plan_goals)
    org_units: tuple[OrgUnit, ...] = attrs.field(default=(), converter=_as_org_units)
    perspectives: tuple[Perspective, ...] = attrs.field(default=(), converter=_as_perspectives)
    decided: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    reference: str = attrs.field(default="", converter=as_text)
    notes: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    rollups: FrozenMap[int, RollUp] = attrs.field(converter=_as_rollups, factory=FrozenMap)
    action_plans: tuple[ActionPlan, ...] = attrs.field(default=(), converter=_as_action_plans)
    calendar: FollowUpCalendar | None = attrs.field(default=None, converter=_as_calendar)

    def __attrs_post_init__(self) -> None:
        problems = self._index.problems
        if problems:
            head = text("plan.problems", REFERENCE_LOCALE, id=self.id, n=len(problems))
            raise PlanError(
                head + "\n  " + "\n  ".join(str(p) for p in problems), problems=problems
            )

    @functools.cached_property
    def _index(self) -> _Index:
        return _check(self)

    # -- look-up --------------------------------------------------------------------------

    def goal(self, goal_id: str) -> Goal:
        """The goal with *goal_id*.

        Raises:
            KeyError: naming the id, when there is none.
        """
        try:
            return self._index.goals[goal_id][1]
        except KeyError:
            raise KeyError(f"plan {self.id!r} has no goal {goal_id!r}") from None

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with *indicator_id*.

        Raises:
            KeyError: naming the id, when there is none.
        """
        try:
            return self._index.indicators[indicator_id][2]
        except KeyError:
            raise KeyError(f"plan {self.id!r} has no indicator {indicator_id!r}") from None

    def path_of(self, item_id: str) -> str:
        """The path of a goal or indicator: ``"goals[1].children[0].indicators[2]"``."""
        index = self._index
        if item_id in index.goals:
            return index.goals[item_id][0]
        if item_id in index.indicators:
            return index.indicators[item_id][0]
        raise KeyError(f"plan {self.id!r} has no goal or indicator {item_id!r}")

    def goal_of(self, indicator_id: str) -> Goal:
        """The goal an indicator belongs to."""
        self.indicator(indicator_id)
        return self._index.indicators[indicator_id][1]

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
        try:
            return self._index.units[unit_id]
        except KeyError:
            raise KeyError(f"plan {self.id!r} has no org unit {unit_id!r}") from None

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


def _check(plan: Plan) -> _Index:
    """Walk *plan* once: its indexes, and every problem with its path (in document order)."""
    problems: list[Problem] = []
    goal_index: dict[str, tuple[str, Goal]] = {}
    indicator_index: dict[str, tuple[str, Goal, Indicator]] = {}
    first, last = plan.years
    n_levels = len(plan.levels)
    units: dict[str, OrgUnit] = {}
    for unit in plan.org_units:
        units.setdefault(unit.id, unit)
    seen: set[str] = set()
    for i, unit in enumerate(plan.org_units):
        if unit.id in seen:
            problems.append(problem("plan.duplicate_org_unit", f"org_units[{i}]", value=unit.id))
        seen.add(unit.id)
        if unit.parent is not None and unit.parent not in units:
            problems.append(
                problem("plan.unknown_parent_unit", f"org_units[{i}].parent", value=unit.parent)
            )
    perspectives: set[str] = set()
    for i, persp in enumerate(plan.perspectives):
        if persp.id in perspectives:
            problems.append(
                problem("plan.duplicate_perspective", f"perspectives[{i}]", value=persp.id)
            )
        perspectives.add(persp.id)
    for level in plan.rollups:
        if not 0 <= level < n_levels:
            problems.append(
                problem("plan.rollup_level", f"rollups[{level}]", value=level, last=n_levels - 1)
            )

    # Depth-first, iteratively: a deep tree cannot exhaust the stack.
    stack: list[tuple[str, Goal, Goal | None]] = [
        (f"goals[{g}]", goal, None) for g, goal in reversed(list(enumerate(plan.goals)))
    ]
    while stack:
        path, goal, parent = stack.pop()
        if parent is None and goal.level not in (None, 0):
            problems.append(
                problem("plan.top_level", f"{path}.level", goal=goal.id, level=goal.level)
            )
        if goal.id in goal_index:
            problems.append(
                problem("plan.duplicate_goal", path, value=goal.id, other=goal_index[goal.id][0])
            )
        else:
            goal_index[goal.id] = (path, goal)
        level = goal.level if goal.level is not None else 0
        if parent is not None and parent.level is not None and level != parent.level + 1:
            problems.append(
                problem(
                    "plan.child_level",
                    f"{path}.level",
                    goal=goal.id,
                    level=level,
                    parent=parent.id,
                    parent_level=parent.level,
                )
            )
        if level >= n_levels:
            problems.append(
                problem(
                    "plan.level_not_named",
                    f"{path}.level",
                    goal=goal.id,
                    level=level,
                    n=n_levels,
                    levels=str(list(plan.levels)),
                )
            )
        for j, unit_id in enumerate(goal.responsible):
            if unit_id not in units:
                problems.append(
                    problem("plan.unknown_org_unit", f"{path}.responsible[{j}]", value=unit_id)
                )
        for j, unit_id in enumerate(goal.applies_to):
            if unit_id not in units:
                problems.append(
                    problem("plan.unknown_org_unit", f"{path}.applies_to[{j}]", value=unit_id)
                )
        for j, persp_id in enumerate(goal.perspectives):
            if persp_id not in perspectives:
                problems.append(
                    problem("plan.unknown_perspective", f"{path}.perspectives[{j}]", value=persp_id)
                )
        for k, ind in enumerate(goal.indicators):
            ipath = f"{path}.indicators[{k}]"
            if ind.id in indicator_index:
                problems.append(
                    problem(
                        "plan.duplicate_indicator",
                        ipath,
                        value=ind.id,
                        other=indicator_index[ind.id][0],
                    )
                )
            else:
                indicator_index[ind.id] = (ipath, goal, ind)
            for year, threshold in ind.targets.items():
                # A year after the plan is a stage (a long-term goal), kept and shown.
                if year < first:
                    problems.append(
                        problem(
                            "plan.target_year",
                            f"{ipath}.targets[{year}]",
                            value=year,
                            first=first,
                            last=last,
                        )
                    )
                _unit_problem(problems, ipath, f".targets[{year}]", ind, threshold)
            if ind.target is not None:
                _unit_problem(problems, ipath, ".target", ind, ind.target)
        stack.extend(
            (f"{path}.children[{c}]", child, goal)
            for c, child in reversed(list(enumerate(goal.children)))
        )
    for a, action_plan in enumerate(plan.action_plans):
        problems.extend(
            action_plan.link_problems(frozenset(goal_index), path=f"action_plans[{a}].")
        )
    return _Index(goal_index, indicator_index, units, tuple(problems))


def _unit_problem(
    problems: list[Problem], ipath: str, where: str, indicator: Indicator, threshold: object
) -> None:
    """The problem of a threshold (at *ipath* + *where*) whose unit does not fit."""
    t_unit = getattr(threshold, "unit", None)
    if (
        t_unit is None
        or indicator.unit is None
        or t_unit is indicator.unit
        # A budget deviation's unit is that of the deviation (percent of budget), not of
        # the outcome (tkr).
        or isinstance(threshold, BudgetDeviation)
    ):
        return
    problems.append(
        problem(
            "plan.unit_mismatch",
            ipath + where,
            unit=t_unit.name,
            indicator=indicator.id,
            measured=indicator.unit.name,
        )
    )
