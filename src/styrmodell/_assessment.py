"""Assessment of a whole plan: every indicator judged, every goal rolled up, in a scorecard.

Swedish terms: *måluppfyllelse* (goal attainment), *bedömning* (assessment), *utfall*
(outcome), *målvärde* (target), *ej bedömd* (not assessed: no outcome or no target),
*styrkort* (:class:`Scorecard`), *per kön* (per gender, side by side).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._calendar import Frequency
from styrmodell._errors import PlanError
from styrmodell._frozenmap import FrozenMap
from styrmodell._goals import Goal, Indicator, Plan
from styrmodell._locale import format_number
from styrmodell._messages import failure, text
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._period import Period
from styrmodell._reason import Reason
from styrmodell._rollup import RollUp
from styrmodell._safe import printable
from styrmodell._status import Status
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._thresholds._lint import describe
from styrmodell._thresholds._registry import family_of
from styrmodell._trend import UNKNOWN, Trend, TrendKind, compare
from styrmodell._units import Direction

__all__ = ["GoalResult", "IndicatorResult", "Scorecard", "assess"]

_STATUSES = (Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED)


@attrs.frozen
class _NoTarget:
    """Stands in as the threshold of an indicator that has no target for the year."""

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        return Assessment(Status.NOT_ASSESSED, value, self, Reason.NO_TARGET)

    def describe(self, locale: str = "sv") -> str:
        return text("assess.no_target", locale)

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        return text("assess.no_target.explain", locale, status=assessment.status.label(locale))


NO_TARGET = _NoTarget()

# Line breaks of every kind, and tabs, become one space: a title in a table or a tree is one
# line, whatever its text held.
_BREAKS = str.maketrans(dict.fromkeys("\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def one_line(value: str) -> str:
    """*value* on one line, control characters shown as escapes: text from data, safe to print."""
    return printable(value.replace("\r\n", " ").translate(_BREAKS), newlines=False)


_SeriesKey = tuple[Gender, "str | None"]


@attrs.frozen
class IndicatorResult:
    """How one indicator fared in the year assessed.

    Attributes:
        indicator: The indicator.
        goal_id: The id of the goal it measures.
        path: Its path in the plan (``"goals[0].children[1].indicators[0]"``).
        threshold: The target for the year, or ``None`` when the plan gives none.
        assessment: The main assessment: gender TOTAL for the org unit assessed.
        outcome: The outcome behind the main assessment, or ``None``.
        results: Every assessment made, by (gender, org unit): per gender side by side
            and per org unit where outcomes exist.
        outcomes: The outcome behind each entry of *results*.
        org_unit: The org unit assessed (``None``: the nämnd as a whole).
        trends: The :class:`~styrmodell.results.Trend` of each entry of *results* against
            the previous available period of the same months (the main one: :attr:`trend`).
        history: The earlier years' outcomes behind the main status, by year (the same
            months of each year, as ``YearOverYear`` sees them): for reports.

    Example:
        >>> from styrmodell import Goal, Indicator, Outcome, Plan, TargetValue, Unit, assess
        >>> plan = Plan(id="p", years=2023, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     indicators=[Indicator(id="nki", title="Nöjd kund-index", unit=Unit.INDEX,
        ...                           targets={2023: TargetValue(">=", 75)})])])
        >>> result = assess(plan, [Outcome("nki", 2023, 78), Outcome("nki", 2023, 81,
        ...                                gender="K")], 2023).indicator("nki")
        >>> result.status, result.explain()
        (<Status.GREEN: 'green'>, '78 uppfyller målvärdet ≥ 75 → Grönt')
        >>> sorted(g.name for g in result.by_gender())
        ['TOTAL', 'WOMEN']
    """

    indicator: Indicator
    goal_id: str
    path: str
    threshold: Threshold | None = attrs.field(repr=False)
    assessment: Assessment = attrs.field(repr=False)
    outcome: Outcome | None = attrs.field(repr=False)
    results: FrozenMap[_SeriesKey, Assessment] = attrs.field(repr=False, factory=FrozenMap)
    outcomes: FrozenMap[_SeriesKey, Outcome] = attrs.field(repr=False, factory=FrozenMap)
    org_unit: str | None = None
    trends: FrozenMap[_SeriesKey, Trend] = attrs.field(repr=False, factory=FrozenMap)

    @property
    def trend(self) -> Trend:
        """The main trend (TOTAL, for the org unit assessed); unknown when there is none.

        Example:
            >>> from styrmodell import Goal, Indicator, Outcome, Plan, TargetValue
            >>> plan = Plan(id="p", years=2023, levels=("Nämndmål",), goals=[Goal(id="g",
            ...     indicators=[Indicator(id="nki", targets={2023: TargetValue(">=", 75)})])])
            >>> card = assess(plan, [Outcome("nki", 2021, 80), Outcome("nki", 2023, 78)], 2023)
            >>> card.indicator("nki").trend.describe()
            '↓ Försämrat jämfört med 2021'
        """
        return self.trends.get((Gender.TOTAL, self.org_unit), UNKNOWN)

    def trend_by_gender(self) -> FrozenMap[Gender, Trend]:
        """The trends per gender, side by side, for the org unit assessed."""
        unit = self.org_unit
        return FrozenMap({g: t for (g, u), t in self.trends.items() if u == unit})

    history: FrozenMap[int, Decimal] = attrs.field(repr=False, factory=FrozenMap)

    @property
    def id(self) -> str:
        """The indicator's id."""
        return self.indicator.id

    @property
    def status(self) -> Status:
        """The main status (TOTAL, for the org unit assessed)."""
        return self.assessment.status

    def by_gender(self) -> FrozenMap[Gender, Assessment]:
        """The assessments per gender, side by side, for the org unit assessed."""
        unit = self.org_unit
        return FrozenMap({g: a for (g, u), a in self.results.items() if u == unit})

    def for_unit(self, org_unit: str | None, gender: Gender | str = Gender.TOTAL) -> Assessment:
        """The assessment for one org unit and gender (NOT_ASSESSED when there was none)."""
        key = (Gender.coerce(gender), org_unit)
        found = self.results.get(key)
        if found is not None:
            return found
        return (self.threshold or NO_TARGET).assess(None)

    @property
    def org_units(self) -> tuple[str | None, ...]:
        """The org units with an outcome, sorted (``None`` — the whole nämnd — first)."""
        units = {u for (_, u) in self.results}
        return tuple(sorted(units, key=lambda u: (u is not None, u or "")))

    def explain(self, locale: str = "sv") -> str:
        """Why the indicator got its status, in words.

        The reasons :func:`assess` itself gives — no target for the year, no outcome, an
        outcome whose data arrive later — are worded here; every other reason by the
        threshold's family.
        """
        status = self.assessment.status.label(locale)
        reason = self.assessment.reason
        if reason == Reason.NO_TARGET:
            return text("assess.no_target.explain", locale, status=status)
        if reason == Reason.NOT_YET_AVAILABLE:
            return text("assess.not_yet_available.explain", locale, status=status)
        if reason == Reason.NO_VALUE and self.outcome is None:
            return text("assess.no_outcome.explain", locale, status=status)
        return self.assessment.explain(locale)


@attrs.frozen
class GoalResult:
    """How one goal fared: its status rolled up from its indicators and child goals.

    Attributes:
        goal: The goal.
        path: Its path in the plan.
        level: Its level number.
        status: The rolled-up status.
        policy: The roll-up policy that decided it.
        indicators: The results of its own indicators.
        children: The results of its child goals.
        perspectives: Its perspectives, including those inherited from goals above it.
        responsible: Its responsible units, including those inherited from above.
        pooled: Under ``RollUp.pooled``, the assessment of the pooled share; else ``None``.
        depth: How deep it sits in the tree (0 at the top). It differs from *level* when a
            goal skips levels (a resultatmål directly under an övergripande mål): indent by
            depth, label by level (:meth:`Scorecard.level_name`).

    Example:
        >>> from styrmodell import Goal, Indicator, Outcome, Plan, TargetValue, assess
        >>> plan = Plan(id="p", years=2023, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     title="Nöjda brukare", indicators=[
        ...         Indicator(id="a", targets={2023: TargetValue(">=", 75)}),
        ...         Indicator(id="b", targets={2023: TargetValue(">=", 90)})])])
        >>> goal = assess(plan, [Outcome("a", 2023, 78), Outcome("b", 2023, 80)], 2023)["g"]
        >>> goal.explain()
        'Rött: 1 gröna, 1 röda; Sämsta färgen styr'
    """

    goal: Goal = attrs.field(repr=False)
    path: str
    level: int
    status: Status
    policy: RollUp = attrs.field(repr=False)
    indicators: tuple[IndicatorResult, ...] = attrs.field(repr=False)
    children: tuple[GoalResult, ...] = attrs.field(repr=False)
    perspectives: tuple[str, ...] = attrs.field(repr=False, default=())
    responsible: tuple[str, ...] = attrs.field(repr=False, default=())
    pooled: Assessment | None = attrs.field(repr=False, default=None)
    depth: int = attrs.field(repr=False, default=0)

    @property
    def id(self) -> str:
        """The goal's id."""
        return self.goal.id

    def indicators_below(self) -> Iterator[IndicatorResult]:
        """Its own indicators, then those of its child goals, depth-first."""
        yield from self.indicators
        for child in self.children:
            yield from child.indicators_below()

    @property
    def parts(self) -> tuple[IndicatorResult | GoalResult, ...]:
        """What the status was rolled up from: indicators, then child goals."""
        return (*self.indicators, *self.children)

    def counts(self) -> dict[Status, int]:
        """How many parts have each status."""
        out = dict.fromkeys(_STATUSES, 0)
        for part in self.parts:
            out[part.status] += 1
        return out

    def reasons(self, locale: str = "sv") -> list[str]:
        """One line per part: "<title>: <status> (<why>)"; titles made safe to print."""
        lines = []
        for ind in self.indicators:
            title = one_line(ind.indicator.title or ind.id)
            why = one_line(ind.explain(locale))
            lines.append(f"{title}: {ind.status.label(locale)} ({why})")
        for child in self.children:
            title = one_line(child.goal.title or child.id)
            lines.append(f"{title}: {child.status.label(locale)}")
        return lines

    def explain(self, locale: str = "sv") -> str:
        """The roll-up in words: "Gult: 2 gröna, 1 gula; Sämsta färgen styr"."""
        if not self.parts:
            return text("assess.goal.empty", locale)
        if self.policy.kind == "improving":
            kinds = [ind.trend.kind for ind in self.indicators_below()]
            return text(
                "assess.goal.improving",
                locale,
                status=self.status.label(locale),
                improved=kinds.count(TrendKind.IMPROVED),
                known=sum(1 for k in kinds if k.is_comparison),
                policy=self.policy.describe(locale),
            )
        if self.pooled is not None:
            counts = [c for c in _counts(self) if c is not None]
            return text(
                "assess.goal.pooled",
                locale,
                status=self.status.label(locale),
                numerator=sum((n for n, _ in counts), Decimal(0)),
                denominator=sum((d for _, d in counts), Decimal(0)),
                explain=self.pooled.explain(locale),
            )
        tally = ", ".join(
            text(f"assess.count.{status.value}", locale, n=n)
            for status, n in self.counts().items()
            if n
        )
        return text(
            "assess.goal.explain",
            locale,
            status=self.status.label(locale),
            tally=tally,
            policy=self.policy.describe(locale),
        )


def _counts(goal: GoalResult) -> list[tuple[Decimal, Decimal] | None]:
    """The numerator and denominator of the main outcome of every indicator below *goal*."""
    out: list[tuple[Decimal, Decimal] | None] = []
    for ind in goal.indicators_below():
        outcome = ind.outcome
        if outcome is None or outcome.numerator is None or outcome.denominator is None:
            out.append(None)
        else:
            out.append((outcome.numerator, outcome.denominator))
    return out


def _matches(values: Iterable[str], wanted: str | Iterable[str] | None) -> bool:
    if wanted is None:
        return True
    wanted_set = {wanted} if isinstance(wanted, str) else set(wanted)
    return bool(wanted_set.intersection(values))


@attrs.frozen(eq=False)
class Scorecard:
    """The result of :func:`assess`: every goal and indicator with its status and why.

    Example:
        >>> from styrmodell import Bands, Goal, Indicator, Outcome, Outcomes, Plan, Unit
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)")
        >>> plan = Plan(id="p", years=2019, levels=("Nämndsmål",), goals=[
        ...     Goal(id="g", title="Hög tillgänglighet",
        ...          indicators=[Indicator(id="tel", targets={2019: rule})])])
        >>> card = assess(plan, Outcomes([Outcome("tel", 2019, 61)]), 2019)
        >>> card["g"].status, card.indicator("tel").status
        (<Status.GREEN: 'green'>, <Status.GREEN: 'green'>)
    """

    plan: Plan = attrs.field(repr=False)
    year: int
    as_of: dt.date | None
    org_unit: str | None
    goals: tuple[GoalResult, ...] = attrs.field(repr=False)

    @functools.cached_property
    def _goal_index(self) -> dict[str, GoalResult]:
        return {result.id: result for result in self.walk()}

    @functools.cached_property
    def _indicator_index(self) -> dict[str, IndicatorResult]:
        return {ind.id: ind for result in self.walk() for ind in result.indicators}

    def __getitem__(self, goal_id: str) -> GoalResult:
        try:
            return self._goal_index[goal_id]
        except KeyError:
            raise KeyError(f"scorecard has no goal {goal_id!r}") from None

    def indicator(self, indicator_id: str) -> IndicatorResult:
        """The result of one indicator (KeyError naming the id if there is none)."""
        try:
            return self._indicator_index[indicator_id]
        except KeyError:
            raise KeyError(f"scorecard has no indicator {indicator_id!r}") from None

    def walk(self) -> Iterator[GoalResult]:
        """Every goal result, depth-first."""

        def visit(result: GoalResult) -> Iterator[GoalResult]:
            yield result
            for child in result.children:
                yield from visit(child)

        for root in self.goals:
            yield from visit(root)

    def all_indicators(self) -> tuple[IndicatorResult, ...]:
        """Every indicator result, in plan order."""
        return tuple(ind for goal in self.walk() for ind in goal.indicators)

    # -- counts and filters ---------------------------------------------------------------

    def counts(self, level: int | str | None = None) -> dict[Status, int]:
        """How many goals have each status, at one level (number or name) or at all levels."""
        wanted = self._level_number(level)
        out = dict.fromkeys(_STATUSES, 0)
        for goal in self.walk():
            if wanted is None or goal.level == wanted:
                out[goal.status] += 1
        return out

    def level_name(self, goal: GoalResult) -> str:
        """The name of *goal*'s level ("Nämndmål"), for a label beside its title."""
        levels = self.plan.levels
        return levels[goal.level] if goal.level < len(levels) else str(goal.level)

    def counts_by_level(self) -> dict[str, dict[Status, int]]:
        """Goal counts per status for each level, by level name."""
        return {name: self.counts(i) for i, name in enumerate(self.plan.levels)}

    def indicator_counts(self, gender: Gender | str = Gender.TOTAL) -> dict[Status, int]:
        """How many indicators have each status (for one gender of the unit assessed)."""
        g = Gender.coerce(gender)
        out = dict.fromkeys(_STATUSES, 0)
        for ind in self.all_indicators():
            out[ind.for_unit(self.org_unit, g).status] += 1
        return out

    def _level_number(self, level: int | str | None) -> int | None:
        if level is None or isinstance(level, int):
            return level
        try:
            return self.plan.levels.index(level)
        except ValueError:
            raise KeyError(f"plan has no level {level!r}; levels: {self.plan.levels}") from None

    def filter_goals(
        self,
        *,
        perspective: str | Iterable[str] | None = None,
        responsible: str | Iterable[str] | None = None,
        level: int | str | None = None,
        status: Status | None = None,
    ) -> tuple[GoalResult, ...]:
        """The goals tagged with a perspective, owned by a unit, at a level, with a status.

        Perspectives and responsible units are inherited down the tree.
        """
        wanted = self._level_number(level)
        return tuple(
            g
            for g in self.walk()
            if _matches(g.perspectives, perspective)
            and _matches(g.responsible, responsible)
            and (wanted is None or g.level == wanted)
            and (status is None or g.status is status)
        )

    def filter_indicators(
        self,
        *,
        perspective: str | Iterable[str] | None = None,
        responsible: str | Iterable[str] | None = None,
        gender: Gender | str | None = None,
        status: Status | None = None,
    ) -> tuple[IndicatorResult, ...]:
        """The indicators under matching goals.

        With *gender*, only those with an outcome for that gender, and *status* is judged
        for that gender.
        """
        g = None if gender is None else Gender.coerce(gender)
        out: list[IndicatorResult] = []
        for goal in self.walk():
            if not (
                _matches(goal.perspectives, perspective) and _matches(goal.responsible, responsible)
            ):
                continue
            for ind in goal.indicators:
                if g is not None and (g, self.org_unit) not in ind.results:
                    continue
                judged = ind.for_unit(self.org_unit, g or Gender.TOTAL)
                if status is not None and judged.status is not status:
                    continue
                out.append(ind)
        return tuple(out)

    # -- export ---------------------------------------------------------------------------

    def rows(self, locale: str = "sv") -> list[dict[str, str]]:
        """One flat row per goal and per indicator, depth-first, for export.

        Columns: ``kind`` ("goal" / "indicator"), ``id``, ``path``, ``level``, ``title``,
        ``status`` (the label for *locale*), ``reason``, ``value``, ``target``, and the
        statuses per gender side by side: ``status_T``, ``status_K``, ``status_M`` (empty
        when there is no outcome for that gender), and ``trend`` ("↑ Förbättrat jämfört
        med 2022"; empty without an outcome).
        """
        out: list[dict[str, str]] = []
        for goal in self.walk():
            out.append(
                {
                    "kind": "goal",
                    "id": goal.id,
                    "path": goal.path,
                    "level": self.plan.levels[goal.level],
                    "title": goal.goal.title,
                    "status": goal.status.label(locale),
                    "reason": goal.explain(locale),
                    "value": "",
                    "target": "",
                    "status_T": "",
                    "status_K": "",
                    "status_M": "",
                    "trend": "",
                }
            )
            for ind in goal.indicators:
                per_gender = ind.by_gender()
                out.append(
                    {
                        "kind": "indicator",
                        "id": ind.id,
                        "path": ind.path,
                        "level": self.plan.levels[goal.level],
                        "title": ind.indicator.title,
                        "status": ind.status.label(locale),
                        "reason": ind.explain(locale),
                        "value": _value_text(ind.outcome, ind.indicator, locale),
                        "target": _target_text(ind.threshold, locale),
                        **{
                            f"status_{gender.value}": (
                                per_gender[gender].status.label(locale)
                                if gender in per_gender
                                else ""
                            )
                            for gender in Gender
                        },
                        "trend": ind.trend.describe(locale) if ind.outcome is not None else "",
                    }
                )
        return out

    def explain(self, locale: str = "sv", *, reasons: bool = True) -> str:
        """Why every goal and indicator got its status: an indented tree, one line each.

        Each indicator line ends with its assessment's explanation ("61 % är mer än 60 % →
        Grönt"), where it is followed up per kön the status per gender, and where an
        earlier period can be compared with, the trend ("· ↑ Förbättrat jämfört med 2022").
        For a report to hand to a nämnd — a table with outcomes and targets, as text,
        Markdown or HTML — use :func:`~styrmodell.render`.
        """
        marks = {Status.GREEN: "●", Status.YELLOW: "◐", Status.RED: "○", Status.NOT_ASSESSED: "–"}
        lines: list[str] = []
        for goal in self.walk():
            pad = "  " * goal.depth
            level = self.level_name(goal)
            lines.append(
                f"{pad}{marks[goal.status]} [{goal.status.label(locale)}] "
                f"{one_line(level)}: "
                f"{one_line(goal.goal.title or goal.id)}"
            )
            for ind in goal.indicators:
                line = (
                    f"{pad}    {marks[ind.status]} "
                    f"{one_line(ind.indicator.title or ind.id)}: "
                    f"{ind.status.label(locale)}"
                )
                if reasons:
                    line += f" — {one_line(ind.explain(locale))}"
                per_gender = ind.by_gender()
                if len(per_gender) > 1:
                    side = ", ".join(
                        f"{g.label(locale)} {per_gender[g].status.label(locale)}"
                        for g in Gender
                        if g in per_gender
                    )
                    line += f" [{side}]"
                trend = ind.trend
                if trend.kind is not TrendKind.UNKNOWN:
                    line += f" · {trend.describe(locale)}"
                lines.append(line)
        totals = self.counts()
        summary = ", ".join(f"{s.label(locale)} {n}" for s, n in totals.items())
        lines.append(text("assess.total", locale, summary=summary))
        return "\n".join(lines)


def _target_text(threshold: Threshold | None, locale: str) -> str:
    """The target as :func:`~styrmodell.describe` says it, or "Målvärde saknas"."""
    if threshold is None:
        return text("assess.no_target", locale)
    return describe(threshold, locale)


def _value_text(outcome: Outcome | None, indicator: Indicator, locale: str) -> str:
    if outcome is None or outcome.value is None:
        return ""
    value = outcome.value
    if isinstance(value, Decimal):
        if indicator.unit is not None:
            return indicator.unit.format(value, locale)
        return format_number(value, locale)
    if isinstance(value, bool):
        return text("assess.value.yes" if value else "assess.value.no", locale)
    if isinstance(value, tuple):
        return "–".join("" if d is None else d.isoformat() for d in value)
    label = getattr(value, "label", None)
    return str(label(locale)) if callable(label) else str(value.name)


# -- assess -----------------------------------------------------------------------------


def _year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise failure(PlanError, "assess.expected_year", "assess", value=value)
    return value


def _available(p: Period, as_of: dt.date | None, frequency: Frequency | None) -> bool:
    """Whether the outcome for *p* can be known on *as_of* (the data-availability rule)."""
    if as_of is None:
        return True
    if frequency is None or frequency.cadence is None:
        return p.end <= as_of
    return frequency.available_from(p) <= as_of


def _choose(
    series: Mapping[Period, Outcome],
    year: int,
    period: Period | None,
    as_of: dt.date | None,
    frequency: Frequency | None = None,
    full_year: Period | None = None,
) -> Outcome | None:
    """The outcome to judge: *period*'s, else the full year's, else the latest of *year*.

    *full_year* is ``Period.year(year)`` when the full year may be used (its data are
    available by *as_of*); the common case is then one look-up instead of a scan of the
    series. Outcomes whose data arrive after *as_of* (by *frequency*) are never chosen.
    """
    if period is not None:
        outcome = series.get(period)
        return outcome if outcome is not None and _available(period, as_of, frequency) else None
    if full_year is not None:
        found = series.get(full_year)
        if found is not None:
            return found
    best: Outcome | None = None
    best_key: tuple[int, dt.date, int] | None = None
    for p, outcome in series.items():
        if p.calendar_year != year:
            continue
        if not _available(p, as_of, frequency):
            continue
        key = (1 if p.is_full_year else 0, p.end, p.month_count)
        if best_key is None or key > best_key:
            best, best_key = outcome, key
    return best


def _history(series: Mapping[Period, Outcome], chosen: Period) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    for p, outcome in series.items():
        if (
            p.calendar_year < chosen.calendar_year
            and p.first_month == chosen.first_month
            and p.last_month == chosen.last_month
            and isinstance(outcome.value, Decimal)
        ):
            out[p.calendar_year] = outcome.value
    return out


def _previous(series: Mapping[Period, Outcome], chosen: Period) -> Outcome | None:
    """The latest outcome with a number before *chosen*'s year, of the same months."""
    best: Outcome | None = None
    for p, outcome in series.items():
        if (
            p.calendar_year < chosen.calendar_year
            and p.first_month == chosen.first_month
            and p.last_month == chosen.last_month
            and isinstance(outcome.value, Decimal)
            and (best is None or p.calendar_year > best.period.calendar_year)
        ):
            best = outcome
    return best


def trend_direction(indicator: Indicator, threshold: Threshold | None) -> Direction | None:
    """Which way is better for a trend: the indicator's direction, else its target's."""
    if indicator.direction is not None:
        return indicator.direction
    said = getattr(threshold, "direction", None)
    if isinstance(said, Direction):
        return said
    if threshold is None:
        return None
    as_bands = family_of(threshold).as_bands
    bands = as_bands(threshold) if as_bands is not None else None
    found = getattr(bands, "direction", None)
    return found if isinstance(found, Direction) else None


def _trend(
    indicator: Indicator,
    direction: Direction | None,
    series: Mapping[Period, Outcome],
    outcome: Outcome,
) -> Trend:
    if not isinstance(outcome.value, Decimal):
        return UNKNOWN
    previous = _previous(series, outcome.period)
    if previous is None:
        return compare(outcome.value, None, direction)
    year, before = previous.period.calendar_year, outcome.period.calendar_year
    # A series break (a survey's method changed) between the two years: not comparable.
    breaks = getattr(indicator, "breaks", ()) or ()
    broken = any(isinstance(b, int) and year < b <= before for b in breaks)
    return compare(
        outcome.value,
        previous.value,
        direction,
        tolerance=indicator.trend_tolerance,
        year=year,
        period=previous.period,
        broken=broken,
    )


class _Ranks:
    """The populations rank targets are judged among, and the member assessed."""

    def __init__(
        self,
        populations: Mapping[tuple[str, int, Gender], Mapping[str, object]],
        member: str | None,
    ) -> None:
        self._populations = populations
        self.member = member
        self._frozen: dict[tuple[str, int, Gender], FrozenMap[str, Any]] = {}

    def population(self, indicator: str, year: int, gender: Gender) -> FrozenMap[str, Any]:
        key = (indicator, year, gender)
        found = self._frozen.get(key)
        if found is None:
            values = self._populations.get(key)
            found = self._frozen[key] = FrozenMap() if values is None else FrozenMap(values)
        return found


def _assess_indicator(
    indicator: Indicator,
    goal: Goal,
    path: str,
    outcomes: Outcomes,
    year: int,
    period: Period | None,
    as_of: dt.date | None,
    org_unit: str | None,
    ranks: _Ranks,
) -> IndicatorResult:
    threshold = indicator.target_for(year)
    judge: Any = threshold if threshold is not None else NO_TARGET
    results: dict[_SeriesKey, Assessment] = {}
    used: dict[_SeriesKey, Outcome] = {}
    trends: dict[_SeriesKey, Trend] = {}
    direction = trend_direction(indicator, threshold)
    histories: dict[_SeriesKey, FrozenMap[int, Decimal]] = {}
    frequency = Frequency.parse(indicator.frequency) if indicator.frequency else None
    full_year: Period | None = Period.year(year)
    if full_year is not None and not _available(full_year, as_of, frequency):
        full_year = None
    baseline = indicator.baseline
    for key, series in outcomes.series_of(indicator.id).items():
        outcome = _choose(series, year, period, as_of, frequency, full_year)
        if outcome is None:
            continue
        outcomes_before = _history(series, outcome.period)
        found = dict(outcomes_before)
        if baseline is not None and baseline.period is not None:
            # The baseline is the history of its year where no outcome is (per gender too).
            start = baseline.value_for(key[0])
            at = baseline.period
            if (
                start is not None
                and at.calendar_year < outcome.period.calendar_year
                and (at.first_month, at.last_month)
                == (outcome.period.first_month, outcome.period.last_month)
            ):
                found.setdefault(at.calendar_year, start)
        history = FrozenMap(found)
        context = Context(
            year=year,
            as_of=as_of,
            references=outcome.references,
            history=history,
            budget=outcome.budget,
            breaks=indicator.breaks,
            population=ranks.population(indicator.id, outcome.period.calendar_year, key[0]),
            member=ranks.member,
        )
        own = indicator.target_for(year, key[0]) if indicator.gender_targets else threshold
        rule: Any = own if own is not None else NO_TARGET
        results[key] = rule.assess(outcome.value, context)
        used[key] = outcome
        trends[key] = _trend(indicator, direction, series, outcome)
        # Reports show earlier outcomes, never a baseline, as "utfall per år".
        histories[key] = FrozenMap(outcomes_before)
    main_key = (Gender.TOTAL, org_unit)
    main = results.get(main_key)
    if main is None:
        wanted = period if period is not None else Period.year(year)
        if not _available(wanted, as_of, frequency):
            # The data arrive later (a yearly survey, a monthly figure with a lag): say so,
            # never a false red.
            main = Assessment(Status.NOT_ASSESSED, None, judge, Reason.NOT_YET_AVAILABLE)
        else:
            main = judge.assess(None, Context(year=year, as_of=as_of))
    return IndicatorResult(
        indicator=indicator,
        goal_id=goal.id,
        path=path,
        threshold=threshold,
        assessment=main,
        outcome=used.get(main_key),
        results=FrozenMap(results),
        outcomes=FrozenMap(used),
        org_unit=org_unit,
        trends=FrozenMap(trends),
        history=histories.get(main_key, FrozenMap()),
    )


def assess(
    plan: Plan,
    outcomes: Outcomes | Iterable[Outcome],
    year: int,
    *,
    as_of: dt.date | None = None,
    rollup: RollUp = RollUp.WORST,
    period: Period | None = None,
    org_unit: str | None = None,
    populations: Mapping[tuple[str, int, Gender], Mapping[str, object]] | None = None,
    member: str | None = None,
) -> Scorecard:
    """Assess every indicator of *plan* for *year* and roll the goals up into a scorecard.

    For each indicator the target for *year* judges the outcome of each gender and org unit
    that has one. The outcome used is the one for *period* if given; otherwise the full
    year, or failing that the latest period of *year* (ending by *as_of*, if given). Each
    threshold gets its :class:`Context` built here: the year, *as_of*, the outcome's
    references and budget, and history from earlier years' outcomes of the same series
    and months.

    Args:
        plan: The plan.
        outcomes: The outcomes (an :class:`Outcomes` or any iterable of :class:`Outcome`).
        year: The year assessed.
        as_of: The date of the assessment (milestones, durations, choice of period).
        rollup: The roll-up policy for levels the plan sets none for.
        period: Assess the outcomes of this period (e.g. ``Period.delar(2023)``).
        org_unit: Whose outcomes give the main status (``None``: the nämnd as a whole).
        populations: For rank targets: ``(indicator id, year, gender)`` → the value of every
            unit of the comparison group (e.g. every kommun), which reaches the rule as
            ``Context.population``; ``kolada.inputs`` builds it from a snapshot.
        member: Which unit of each population is the one assessed (a kommun's id).

    Returns:
        The :class:`Scorecard`.

    Raises:
        PlanError: for a year that is not an int or a rollup that is not a RollUp.

    Example:
        >>> import datetime as dt
        >>> from styrmodell import Goal, Indicator, Milestone, Outcome, Plan, Progress
        >>> plan = Plan(id="p", years=2024, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     indicators=[Indicator(id="plan", title="Plan klar",
        ...                           targets={2024: Milestone(due=dt.date(2024, 6, 30))})])])
        >>> card = assess(plan, [Outcome("plan", "jan-apr 2024", Progress.STARTED)], 2024,
        ...               as_of=dt.date(2024, 4, 30))
        >>> card["g"].status, card.indicator("plan").explain()
        (<Status.YELLOW: 'yellow'>, 'Påbörjat, ännu ej genomfört (senast 30 juni 2024) → Gult')
    """
    year = _year(year)
    if not isinstance(rollup, RollUp):
        raise failure(PlanError, "assess.expected_rollup", "assess", value=rollup)
    if not isinstance(outcomes, Outcomes):
        outcomes = Outcomes(outcomes)
    if as_of is not None and not isinstance(as_of, dt.date):
        raise failure(PlanError, "assess.expected_as_of", "assess", value=as_of)
    if period is not None and not isinstance(period, Period):
        raise failure(PlanError, "assess.expected_period", "assess", value=period)
    ranks = _Ranks(populations or {}, member)

    def visit(
        goal: Goal,
        path: str,
        perspectives: tuple[str, ...],
        responsible: tuple[str, ...],
        depth: int = 0,
    ) -> GoalResult:
        perspectives = (*perspectives, *(p for p in goal.perspectives if p not in perspectives))
        responsible = (*responsible, *(r for r in goal.responsible if r not in responsible))
        indicators = tuple(
            _assess_indicator(
                ind,
                goal,
                f"{path}.indicators[{k}]",
                outcomes,
                year,
                period,
                as_of,
                org_unit,
                ranks,
            )
            for k, ind in enumerate(goal.indicators)
        )
        children = tuple(
            visit(child, f"{path}.children[{c}]", perspectives, responsible, depth + 1)
            for c, child in enumerate(goal.children)
        )
        level = goal.level or 0
        policy = plan.rollups.get(level, rollup)
        result = GoalResult(
            goal=goal,
            path=path,
            level=level,
            status=Status.NOT_ASSESSED,
            policy=policy,
            indicators=indicators,
            children=children,
            perspectives=perspectives,
            responsible=responsible,
            depth=depth,
        )
        if policy.kind == "pooled":
            pooled = policy.pool(_counts(result))
            return attrs.evolve(result, status=pooled.status, pooled=pooled)
        if policy.kind == "improving":
            trends = [ind.trend.kind for ind in result.indicators_below()]
            return attrs.evolve(result, status=policy.judge_trends(trends))
        status = policy([i.status for i in indicators] + [c.status for c in children])
        return attrs.evolve(result, status=status)

    roots = tuple(visit(goal, f"goals[{i}]", (), ()) for i, goal in enumerate(plan.goals))
    return Scorecard(plan=plan, year=year, as_of=as_of, org_unit=org_unit, goals=roots)
