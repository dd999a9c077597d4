"""What every format of a report shows: the scorecard as lines, and the facts about the report.

Swedish terms: *ansvarig* (the responsible unit), *föregående* (the previous value),
*avvikelse* (a budget deviation), *källa* (a data source), *fiktiva utfall* (made-up outcomes),
*framtagen* (the date the report was made), *per* (the as-of date).

The text, Markdown and HTML writers lay out the same :class:`Report`: each decides only how a
line looks, never what it says. Every word comes from the ``report`` catalog; numbers are
written at the precision the indicator's target declares.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

import attrs

from styrmodell._assessment import (
    GoalResult,
    IndicatorResult,
    Scorecard,
    _target_text,
    _value_text,
    one_line,
)
from styrmodell._errors import StyrmodellError
from styrmodell._goals import Indicator, Plan
from styrmodell._locale import format_number
from styrmodell._messages import ntext, text
from styrmodell._numbers import EXACT
from styrmodell._outcomes import Gender, Outcome
from styrmodell._status import Status
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._registry import family_of
from styrmodell._trend import Trend, TrendKind
from styrmodell._units import Unit, unit_text

__all__ = ["ORDER", "GenderCell", "Line", "Report", "Section", "build", "made_on"]

ORDER = (Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED)
"""The statuses in the order every summary lists them."""

KOLADA_PREFIX = "kolada:"
"""An indicator whose ``source`` starts with this names a Kolada KPI (``kolada:U21468``)."""


@attrs.frozen
class GenderCell:
    """The status and outcome of one gender of an indicator followed up per kön."""

    status: Status
    value: str


@attrs.frozen
class Line:
    """One goal or indicator of the report, as every format shows it.

    Attributes:
        kind: ``"goal"`` or ``"indicator"``.
        depth: How far below the top of the tree it sits (goals: their level).
        label: The goal's level name ("Nämndmål"); empty for an indicator.
        title: The title (or the id when there is none), on one line.
        status: The status.
        responsible: The goal's responsible units as the plan names them.
        outcome: The outcome at the indicator's precision; a budget deviation in the unit
            and in percent.
        previous: The previous value with its year, where the scorecard knows it.
        genders: The status and outcome per gender, for the gender columns.
        target: The target as :func:`~styrmodell.describe` says it.
        has_target: Whether the indicator has a target for the year (for a goal: False).
        notes: What else the reader needs: why it is not assessed, what a deviation was
            computed from, where the data come from.
        history: The outcomes by year as (year, value, text), oldest first, the year
            assessed last: for a sparkline.
        unit: The indicator's unit.
    """

    kind: Literal["goal", "indicator"]
    depth: int
    label: str
    title: str
    status: Status
    responsible: str = ""
    outcome: str = ""
    previous: str = ""
    genders: Mapping[Gender, GenderCell] = attrs.field(factory=dict)
    target: str = ""
    has_target: bool = False
    notes: tuple[str, ...] = ()
    history: tuple[tuple[int, Decimal, str], ...] = ()
    unit: Unit | None = None

    @property
    def is_goal(self) -> bool:
        """True for a goal, False for an indicator."""
        return self.kind == "goal"

    @property
    def name(self) -> str:
        """A goal's "level: title", an indicator's title."""
        return f"{self.label}: {self.title}" if self.is_goal and self.label else self.title


@attrs.frozen
class Section:
    """A top-level goal (a målområde) and how its indicators fared, for a summary chart."""

    title: str
    status: Status
    counts: Mapping[Status, int]

    @property
    def total(self) -> int:
        """How many indicators the goal has, at any depth below it."""
        return sum(self.counts.values())


@attrs.frozen
class Report:
    """Everything a report shows, in the locale it is written in.

    Attributes:
        locale: The locale of the words and numbers.
        heading: "Måluppfyllelse 2023: <plan>".
        organisation: The plan's organisation.
        facts: The as-of date, the date made, and the data sources, one sentence each.
        fictional: The warning that the outcomes are made up, or ``""``.
        lines: The goals and indicators, depth-first.
        sections: The top-level goals with the counts of their indicators.
        levels: Per level name, how many goals have each status; the last entry (named
            "Mått") counts the indicators.
        genders: The gender columns to show.
    """

    locale: str
    heading: str
    organisation: str
    facts: tuple[str, ...]
    fictional: str
    lines: tuple[Line, ...]
    sections: tuple[Section, ...]
    levels: tuple[tuple[str, Mapping[Status, int]], ...]
    genders: tuple[Gender, ...]

    @property
    def has_responsible(self) -> bool:
        """Whether any goal names a responsible unit (the column is shown then)."""
        return any(line.responsible for line in self.lines)

    @property
    def has_previous(self) -> bool:
        """Whether any indicator has a previous value (the column is shown then)."""
        return any(line.previous for line in self.lines)

    def word(self, code: str, /, **params: object) -> str:
        """The message *code* of the report catalog in the report's locale."""
        return text(code, self.locale, **params)


def made_on(made: dt.date | None = None) -> dt.date:
    """The date a report was made: *made*, else ``SOURCE_DATE_EPOCH``'s day, else today.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention) makes a
    report byte for byte the same whenever it is made.
    """
    if made is not None:
        if not isinstance(made, dt.date):
            raise StyrmodellError(f"render: made: expected a datetime.date, got {made!r}")
        return made.date() if isinstance(made, dt.datetime) else made
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and len(epoch) <= 12:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


# -- numbers at the indicator's precision ---------------------------------------------------


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def declared_places(threshold: Threshold | None) -> tuple[int | None, bool]:
    """(decimals, fixed) the target declares for its numbers.

    *fixed* is True when the target reports at a precision (``precision=0.1``: every value
    is shown with one decimal, as it is judged); otherwise the decimals are the most its
    band edges are written with ("91,74": two), and ``None`` when it has no numbers.
    """
    if threshold is None:
        return None, False
    precision = getattr(threshold, "precision", None)
    if isinstance(precision, Decimal) and precision.is_finite():
        return _decimals(precision), True
    try:
        family = family_of(threshold)
    except StyrmodellError:
        return None, False
    as_bands = family.as_bands
    bands = as_bands(threshold) if as_bands is not None else None
    if bands is None or isinstance(threshold, BudgetDeviation):
        return None, False
    precision = getattr(bands, "precision", None)
    if isinstance(precision, Decimal) and precision.is_finite():
        return _decimals(precision), True
    edges = [
        end
        for intervals in (bands.green, bands.yellow, bands.red)
        for interval in intervals
        for end in (interval.lower, interval.upper)
        if isinstance(end, Decimal) and end.is_finite()
    ]
    return (max(map(_decimals, edges)) if edges else None), False


def number_text(
    value: Decimal, unit: Unit | None, locale: str, places: int | None, *, fixed: bool
) -> str:
    """*value* in *unit* at the declared *places*.

    With *fixed*, exactly *places* decimals; otherwise a value written with more decimals
    than the target's (a share computed from counts, 10/29 = 34,48…) is rounded to those
    decimals, at least one — a value with fewer is shown as it is.
    """
    if places is not None and not fixed:
        places = max(places, 1) if _decimals(value) > places else None
    if unit is None:
        return format_number(value, locale, places=places)
    return unit_text(value, unit, locale, places=places)


def _outcome_text(
    outcome: Outcome | None, indicator: Indicator, threshold: Threshold | None, locale: str
) -> str:
    if outcome is None or not isinstance(outcome.value, Decimal):
        return _value_text(outcome, indicator, locale)
    places, fixed = declared_places(threshold)
    return number_text(outcome.value, indicator.unit, locale, places, fixed=fixed)


# -- one indicator --------------------------------------------------------------------------


def _deviation(ind: IndicatorResult, locale: str) -> tuple[str, str] | None:
    """(outcome cell, note) of a budget deviation: "−1 032 tkr (−0,3 %)", what it came from."""
    a = ind.assessment
    if not isinstance(ind.threshold, BudgetDeviation):
        return None
    if not isinstance(a.value, Decimal) or a.compared_with is None or a.measured is None:
        return None
    unit = ind.indicator.unit
    places, fixed = declared_places(ind.threshold._bands)
    percent = rounded(a.measured, places if fixed and places is not None else 2)
    amount = EXACT.subtract(a.value, a.compared_with)
    shown = number_text(_trim(percent), Unit.PERCENT, locale, None, fixed=fixed)
    cell = text(
        "report.deviation",
        locale,
        amount=_money(amount, unit, locale),
        percent=_signed(shown, percent),
    )
    note = text(
        "report.deviation.note",
        locale,
        outcome=_amount(a.value, unit, locale),
        budget=_amount(a.compared_with, unit, locale),
    )
    return cell, note


def _trim(value: Decimal) -> Decimal:
    """*value* without trailing zeros after the decimal sign (never in exponent form)."""
    whole = value.to_integral_value()
    return whole.quantize(Decimal(1)) if value == whole else value.normalize()


def _signed(written: str, value: Decimal) -> str:
    """A deviation's text with "+" before a positive one (a negative one has its "−")."""
    return f"+{written}" if value > 0 else written


def _amount(value: Decimal, unit: Unit | None, locale: str) -> str:
    return unit_text(value, unit, locale) if unit is not None else format_number(value, locale)


def _money(value: Decimal, unit: Unit | None, locale: str) -> str:
    return _signed(_amount(value, unit, locale), value)


def _notes(ind: IndicatorResult, locale: str) -> list[str]:
    notes: list[str] = []
    if ind.status is Status.NOT_ASSESSED:
        notes.append(one_line(ind.explain(locale)))
    source = ind.indicator.source.strip()
    if source.lower().startswith(KOLADA_PREFIX):
        kpi = source[len(KOLADA_PREFIX) :].strip()
        notes.append(text("report.source.kolada", locale, kpi=one_line(kpi)))
    elif source:
        notes.append(text("report.source", locale, source=one_line(source)))
    return notes


def _history(ind: IndicatorResult, locale: str) -> tuple[tuple[int, Decimal, str], ...]:
    """The outcomes by year behind the indicator's main status, oldest first."""
    outcome = ind.outcome
    if outcome is None or not isinstance(outcome.value, Decimal):
        return ()
    found = dict(ind.history.items())
    found[outcome.period.calendar_year] = outcome.value
    places, fixed = declared_places(ind.threshold)
    unit = ind.indicator.unit
    return tuple(
        (year, value, number_text(value, unit, locale, places, fixed=fixed))
        for year, value in sorted(found.items())
    )


def _previous(history: Sequence[tuple[int, Decimal, str]], trend: Trend, locale: str) -> str:
    """The previous value with its year, and the trend since it ("↑ Förbättrat")."""
    if len(history) < 2:
        return ""
    year, _, shown = history[-2]
    previous = text("report.previous", locale, value=shown, year=str(year))
    if trend.kind is TrendKind.UNKNOWN:
        return previous
    return text("report.previous_trend", locale, previous=previous, trend=trend.short(locale))


def indicator_line(ind: IndicatorResult, depth: int, locale: str) -> Line:
    """The report's line for one indicator."""
    notes = _notes(ind, locale)
    outcome = _outcome_text(ind.outcome, ind.indicator, ind.threshold, locale)
    deviation = _deviation(ind, locale)
    if deviation is not None:
        outcome = deviation[0]
        notes.insert(0, deviation[1])
    genders: dict[Gender, GenderCell] = {}
    per_gender = ind.by_gender()
    for gender in (Gender.WOMEN, Gender.MEN):
        found = per_gender.get(gender)
        if found is not None:
            value = _outcome_text(
                ind.outcomes.get((gender, ind.org_unit)), ind.indicator, ind.threshold, locale
            )
            genders[gender] = GenderCell(found.status, value)
    history = _history(ind, locale)
    return Line(
        kind="indicator",
        depth=depth,
        label="",
        title=one_line(ind.indicator.title or ind.id),
        status=ind.status,
        outcome=outcome,
        previous=_previous(history, ind.trend, locale),
        genders=genders,
        target=one_line(_target_text(ind.threshold, locale)),
        has_target=ind.threshold is not None,
        notes=tuple(notes),
        history=history,
        unit=ind.indicator.unit,
    )


# -- goals ----------------------------------------------------------------------------------


def _responsible(plan: Plan, units: Iterable[str]) -> str:
    return ", ".join(one_line(u) for u in units)


def goal_line(result: GoalResult, plan: Plan, locale: str) -> Line:
    """The report's line for one goal."""
    levels = plan.levels
    notes: tuple[str, ...] = ()
    if result.status is Status.NOT_ASSESSED:
        notes = (one_line(result.explain(locale)),)
    return Line(
        kind="goal",
        depth=result.depth,
        label=one_line(levels[result.level]) if result.level < len(levels) else "",
        title=one_line(result.goal.title or result.goal.id),
        status=result.status,
        responsible=_responsible(plan, result.goal.responsible),
        notes=notes,
    )


def _lines(card: Scorecard, locale: str) -> Iterator[Line]:
    def visit(result: GoalResult) -> Iterator[Line]:
        yield goal_line(result, card.plan, locale)
        for ind in result.indicators:
            yield indicator_line(ind, result.depth + 1, locale)
        for child in result.children:
            yield from visit(child)

    for goal in card.goals:
        yield from visit(goal)


def _indicators_below(result: GoalResult) -> Iterator[IndicatorResult]:
    yield from result.indicators
    for child in result.children:
        yield from _indicators_below(child)


def _sections(card: Scorecard) -> tuple[Section, ...]:
    out = []
    for goal in card.goals:
        counts = dict.fromkeys(ORDER, 0)
        for ind in _indicators_below(goal):
            counts[ind.status] += 1
        out.append(Section(one_line(goal.goal.title or goal.id), goal.status, counts))
    return tuple(out)


def _levels(card: Scorecard, locale: str) -> tuple[tuple[str, Mapping[Status, int]], ...]:
    out: list[tuple[str, Mapping[Status, int]]] = []
    for number, name in enumerate(card.plan.levels):
        counts = dict.fromkeys(ORDER, 0)
        for goal in card.walk():
            if goal.level == number:
                counts[goal.status] += 1
        out.append((one_line(name), counts))
    counts = dict.fromkeys(ORDER, 0)
    for ind in card.all_indicators():
        counts[ind.status] += 1
    out.append((text("report.indicators", locale), counts))
    return tuple(out)


def _heading(card: Scorecard, locale: str) -> str:
    plan = one_line(card.plan.title or card.plan.id)
    return text("report.heading", locale, year=card.year, plan=plan)


def _facts(card: Scorecard, locale: str, made: dt.date, sources: Sequence[str]) -> list[str]:
    facts = []
    if card.as_of is not None:
        facts.append(text("report.fact.as_of", locale, date=card.as_of))
    else:
        facts.append(text("report.fact.no_as_of", locale, year=card.year))
    facts.append(text("report.fact.made", locale, date=made))
    shown = [one_line(s) for s in sources if s.strip()]
    uses_kolada = any(
        ind.indicator.source.strip().lower().startswith(KOLADA_PREFIX)
        for ind in card.all_indicators()
    )
    if uses_kolada and not any("kolada" in s.lower() for s in shown):
        shown.append(text("report.source.kolada.short", locale))
    if shown:
        facts.append(ntext("report.fact.sources", len(shown), locale, sources="; ".join(shown)))
    return facts


def build(
    card: Scorecard,
    locale: str,
    *,
    made: dt.date | None = None,
    sources: Sequence[str] = (),
    fictional: bool = False,
) -> Report:
    """The :class:`Report` of *card* in *locale*."""
    lines = tuple(_lines(card, locale))
    genders = tuple(
        g for g in (Gender.WOMEN, Gender.MEN) if any(g in line.genders for line in lines)
    )
    return Report(
        locale=locale,
        heading=_heading(card, locale),
        organisation=one_line(card.plan.organisation),
        facts=tuple(_facts(card, locale, made_on(made), sources)),
        fictional=text("report.fictional", locale) if fictional else "",
        lines=lines,
        sections=_sections(card),
        levels=_levels(card, locale),
        genders=genders,
    )


def status_word(status: Status, locale: str) -> str:
    """The icon and the word, "● Grönt": a status is never shown by colour alone."""
    return f"{ICONS[status]} {status.label(locale)}"


ICONS = {Status.GREEN: "●", Status.YELLOW: "◐", Status.RED: "○", Status.NOT_ASSESSED: "–"}


def rounded(value: Decimal, places: int) -> Decimal:
    """*value* rounded half-up to *places* decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
