"""Year over year: "Förbättrat / Oförändrat / Försämrat jämfört mot 2018".

Swedish terms: *förbättrat*, *oförändrat*, *försämrat*, *ökning*, *minskning*, *samma nivå
som*, *jämfört med föregående år*, *jämfört med tidigare* (the latest earlier outcome);
">2022" in a plan means better than 2022's outcome.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_flag, as_optional_year
from styrmodell._messages import text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status, as_status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands, difference_bands
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F, as_tolerance
from styrmodell._thresholds._finding import Finding
from styrmodell._thresholds._kernel import Case, Kernel, YearDifference
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_optional_direction, as_optional_unit

__all__ = ["YearOverYear"]

_COLOURS = (Status.GREEN, Status.YELLOW, Status.RED)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class YearOverYear:
    """Compares the value with an earlier year's outcome from ``Context.history``.

    The year compared with is the previous year, a fixed *base_year*, or — with
    ``latest=True``, "ökning jämfört med tidigare" — the latest earlier year with an
    outcome, which need not be the year before. The year used is recorded in the
    assessment (``Assessment.compared_year``) and named by explain.

    Better than that year → green; within ±tolerance → *unchanged*; worse → red. With no
    direction (:meth:`same_level`) the level itself is the goal: unchanged → green, any
    change beyond the tolerance → red.

    Attributes:
        direction: Which way is better ("Ökning": higher; "Minskar": lower), or ``None``
            when keeping the level is the goal ("Oförändrat", "Samma nivå som 2009").
        base_year: The year compared with ("jämfört med 2010"); ``None`` means the
            previous year, ``context.year - 1``, or with *latest* the latest earlier one.
        latest: Compare with the latest earlier outcome in the history ("jämfört med
            tidigare"): the latest year before ``context.year`` (any year, without one).
        tolerance: How much change still counts as unchanged, in the unit.
        unchanged: The status of an unchanged value: ``YELLOW`` ("Oförändrat" as gult),
            ``GREEN`` ("Oförändrat eller minskning", "Samma nivå som 2009") or ``RED``
            (">2022": only an improvement is enough).
        unit: The unit of the values, for text.

    Examples:
        >>> from styrmodell import Context, Direction, YearOverYear
        >>> rule = YearOverYear(direction=Direction.HIGHER_IS_BETTER, base_year=2018)
        >>> rule.assess(76, Context(history={2018: 74})).explain()
        '76 är förbättrat jämfört med 2018 (74) → Grönt'
        >>> earlier = YearOverYear(direction=Direction.HIGHER_IS_BETTER, latest=True)
        >>> found = earlier.assess(76, Context(year=2023, history={2019: 78, 2021: 74}))
        >>> found.compared_year, found.explain()
        (2021, '76 är förbättrat jämfört med senaste tidigare utfall, 2021 (74) → Grönt')
    """

    direction: Direction | None = attrs.field(default=None, converter=as_optional_direction)
    base_year: int | None = attrs.field(default=None, converter=as_optional_year)
    latest: bool = attrs.field(default=False, converter=as_flag)
    tolerance: Decimal = attrs.field(default=Decimal(0), converter=as_tolerance)
    unchanged: Status = attrs.field(default=Status.YELLOW, converter=as_status)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)

    def __attrs_post_init__(self) -> None:
        if self.latest and self.base_year is not None:
            raise ThresholdError(
                "YearOverYear: give a base_year or latest=True (the latest earlier outcome), "
                f"not both: got base_year={self.base_year}"
            )
        if not self.unchanged.is_colour:
            raise ThresholdError("YearOverYear.unchanged: expected GREEN, YELLOW or RED")
        if self.direction is None and self.unchanged is not Status.GREEN:
            raise ThresholdError(
                "YearOverYear: give a direction (which way is better), or use "
                "YearOverYear.same_level(...) when keeping the level is the goal: without a "
                f"direction an unchanged value is green, got unchanged={self.unchanged.name}"
            )
        self._bands  # noqa: B018 - built (and so checked) with the rule

    @functools.cached_property
    def _bands(self) -> Bands:
        return difference_bands(self.direction, self.tolerance, self.unchanged)

    @classmethod
    def same_level(
        cls,
        *,
        base_year: int | None = None,
        tolerance: object = 0,
        unit: Unit | str | None = None,
        latest: bool = False,
    ) -> YearOverYear:
        """Keep the level: "Oförändrat", "Oförändrad nivå", "Samma nivå som 2009".

        Within ±*tolerance* of the earlier year is green; any larger change, up or down,
        is red.

        Examples:
            >>> from styrmodell import Context, YearOverYear, describe
            >>> rule = YearOverYear.same_level(base_year=2009, tolerance=2)
            >>> describe(rule)
            'Grönt: oförändrat (±2) jämfört med 2009, Rött: förändrat jämfört med 2009'
            >>> rule.assess(125, Context(history={2009: 120})).status.label()
            'Rött'
        """
        # Passed on as given: the fields' converters read them (and name them in errors).
        given: dict[str, Any] = {
            "base_year": base_year,
            "tolerance": tolerance,
            "unit": unit,
            "latest": latest,
        }
        return cls(direction=None, unchanged=Status.GREEN, **given)

    def compared_year(self, context: Context) -> int | None:
        """The year this rule compares with in *context* (``None`` when unknown).

        With *latest*, the latest year of ``context.history`` before ``context.year``.
        """
        if self.base_year is not None:
            return self.base_year
        if self.latest:
            earlier = [y for y in context.history if context.year is None or y < context.year]
            return max(earlier, default=None)
        return None if context.year is None else context.year - 1

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Compare *value* with ``context.history`` of the base year (or the previous year).

        Without that year's value the result is ``NOT_ASSESSED`` with
        ``Reason.MISSING_HISTORY`` (or ``Reason.MISSING_YEAR`` when no year is known at all;
        with *latest*, no earlier outcome is ``MISSING_HISTORY``).
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        year = self.compared_year(ctx)
        if year is None:
            if self.latest:
                return not_assessed(self, v, Reason.MISSING_HISTORY)
            return not_assessed(self, v, Reason.MISSING_YEAR)
        earlier = ctx.history.get(year)
        if earlier is None:
            return not_assessed(self, v, Reason.MISSING_HISTORY)
        diff = EXACT.subtract(v, earlier)
        inner = self._bands.assess(diff)
        if diff.copy_abs() <= self.tolerance:
            reason = Reason.SAME
        elif self.direction is None:
            reason = Reason.CHANGED
        else:
            higher = diff > 0
            better = higher if self.direction is Direction.HIGHER_IS_BETTER else not higher
            reason = Reason.BETTER if better else Reason.WORSE
        return Assessment(
            inner.status,
            v,
            self,
            reason,
            measured=diff,
            compared_with=earlier,
            compared_year=year,
        )


def _when(rule: YearOverYear, locale: str, year: int | None = None) -> str:
    """The words for the year compared with; *year* is the one an assessment used."""
    if rule.latest:
        if year is None:
            return text("change.when.earlier", locale)
        return text("change.when.latest", locale, year=year)
    if rule.base_year is None:
        return text("change.when.previous", locale)
    return text("change.when.year", locale, year=rule.base_year)


def describe_change(rule: YearOverYear, locale: str) -> str:
    """The rule in plan language, e.g. "Grönt: förbättrat jämfört med 2018, …"."""
    when = _when(rule, locale)
    same = text("change.describe.unchanged", locale)
    if rule.tolerance:
        tolerance = _text.number(rule.tolerance, rule.unit, locale)
        same = text("threshold.describe.tolerance", locale, text=same, tolerance=tolerance)

    def at(what: str) -> str:
        return text("change.describe.part", locale, what=what, when=when)

    if rule.direction is None:
        changed = text("change.describe.changed", locale)
        return _text.rule_text([(Status.GREEN, at(same)), (Status.RED, at(changed))], locale)
    up, down = text("change.way.higher", locale), text("change.way.lower", locale)
    better, worse = (up, down) if rule.direction is Direction.HIGHER_IS_BETTER else (down, up)
    by_status: dict[Status, list[str]] = {}
    by_status.setdefault(Status.GREEN, []).append(
        text("change.describe.improved", locale, way=better)
    )
    by_status.setdefault(rule.unchanged, []).append(same)
    by_status.setdefault(Status.RED, []).append(text("change.describe.worsened", locale, way=worse))
    parts = []
    for status in _COLOURS:
        if status in by_status:
            joined = by_status[status][0]
            for more in by_status[status][1:]:
                joined = text("words.or", locale, first=joined, second=more)
            parts.append((status, at(joined)))
    return _text.rule_text(parts, locale)


def explain_change(a: Assessment, locale: str) -> str:
    """Why, in words, e.g. "76 är förbättrat jämfört med 2018 (74) → Grönt"."""
    rule: YearOverYear = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.reason is Reason.MISSING_YEAR:
        return text("change.explain.missing_year", locale, status=status)
    if a.reason is Reason.MISSING_HISTORY:
        if rule.latest:
            return text("change.explain.missing_earlier", locale, status=status)
        if rule.base_year is None:
            return text("change.explain.missing_previous", locale, status=status)
        return text("change.explain.missing_history", locale, year=rule.base_year, status=status)
    earlier = (
        _text.number(a.compared_with, rule.unit, locale) if a.compared_with is not None else ""
    )
    return text(
        f"change.explain.{a.reason.value}",
        locale,
        value=_text.number(a.value, rule.unit, locale),
        when=_when(rule, locale, a.compared_year),
        earlier=earlier,
        status=status,
    )


def lint_change(rule: YearOverYear) -> list[Finding]:
    """An "unchanged" without a tolerance is only the earlier year's exact value."""
    if rule.tolerance != 0 or rule.unit is Unit.COUNT:
        return []
    if rule.direction is None:
        code, kind = "lint.same.unchanged_green", "unreachable"
    elif rule.unchanged is Status.YELLOW:
        code, kind = "lint.same.unchanged_yellow", "empty_yellow"
    else:
        return []
    return [Finding(kind=kind, severity="warning", code=code)]  # type: ignore[arg-type]


def change_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Valid rules, "keep the level" ones included."""
    base_years = st.none() | st.integers(min_value=2005, max_value=2030)
    tolerances = _draw.decimals(st, min_value=0, max_value=5, places=1)
    return st.one_of(
        st.builds(
            YearOverYear,
            direction=st.sampled_from(Direction),
            base_year=base_years,
            tolerance=tolerances,
            unchanged=st.sampled_from((Status.RED, Status.YELLOW, Status.GREEN)),
            unit=st.just(unit),
        ),
        st.builds(
            YearOverYear.same_level, base_year=base_years, tolerance=tolerances, unit=st.just(unit)
        ),
    )


def change_values(st: ModuleType, rule: YearOverYear) -> Any:
    """Numbers around the earlier year's level (the bands are on the change)."""
    return _draw.near(st, [Decimal(0)])


def change_contexts(st: ModuleType, rule: YearOverYear) -> Any:
    """A context with a year and the compared year's outcome."""

    def with_history(year: int) -> Any:
        if rule.latest:
            # The latest earlier outcome need not be the year before.
            bases: Any = st.integers(min_value=year - 5, max_value=year - 1)
        else:
            bases = st.just(rule.base_year if rule.base_year is not None else year - 1)
        history = st.dictionaries(
            bases, _draw.decimals(st, min_value=-100, max_value=100), min_size=1, max_size=3
        )
        return st.builds(Context, year=st.just(year), history=history)

    return _draw.years(st).flatmap(with_history)


def change_kernel(rule: YearOverYear, context: Context) -> Kernel:
    """The change from the compared year, on the rule's bands.

    Each stretch's reason is as :meth:`YearOverYear.assess` gives it (a sample of the
    stretch decides: the reasons change only at ±tolerance, where the bands are cut).
    """

    def reason(diff: Decimal) -> Reason:
        if diff.copy_abs() <= rule.tolerance:
            return Reason.SAME
        if rule.direction is None:
            return Reason.CHANGED
        better = (diff > 0) is (rule.direction is Direction.HIGHER_IS_BETTER)
        return Reason.BETTER if better else Reason.WORSE

    cases = [Case(iv, s, reason(iv.sample())) for s, ivs in rule._bands.bands() for iv in ivs]
    return Kernel(measure=YearDifference(year=rule.base_year), cases=cases)


YEAR_OVER_YEAR = register(
    Family(
        type=YearOverYear,
        tag="year_over_year",
        describe=describe_change,
        explain=explain_change,
        strategy=change_strategy,
        values=change_values,
        contexts=change_contexts,
        as_bands=lambda rule: rule._bands,
        lint=lint_change,
        kernel=change_kernel,
    )
)
