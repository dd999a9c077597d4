"""A rule applied to a period's mean or sum: "i genomsnitt under planperioden", "under fyra år".

Swedish terms: *i genomsnitt* (on average), *planperioden* (the plan period), *de senaste
fyra åren* (the last four years), *sammantaget* / *totalt* (in total: a sum).
"""

from __future__ import annotations

from decimal import Decimal
from types import ModuleType
from typing import Any, Literal

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_optional_year
from styrmodell._messages import failure, ntext, text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw
from styrmodell._thresholds._bands import band_values, bands_strategy
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    Threshold,
    context_or_default,
    crosses_break,
    is_threshold,
    not_assessed,
)
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._measured import QUOTIENT
from styrmodell._thresholds._registry import Family, family_of, is_registered, register
from styrmodell._thresholds._relative import years_text
from styrmodell._thresholds._target import target_strategy
from styrmodell._units import Unit

__all__ = ["Aggregate", "PeriodAverage"]

Aggregate = Literal["mean", "sum"]
_OWN = frozenset({Reason.NO_YEARS, Reason.NOT_COMPARABLE, Reason.MISSING_YEAR})


def _aggregate(value: object, at: str = "value") -> Aggregate:
    if value == "mean":
        return "mean"
    if value == "sum":
        return "sum"
    raise failure(ThresholdError, "average.expected_aggregate", at, value=value)


def _number_rule(value: object, at: str = "value") -> Threshold:
    if (
        not is_threshold(value)
        or not is_registered(value)
        or family_of(value).as_bands is None
        or isinstance(value, PeriodAverage)
    ):
        raise failure(ThresholdError, "average.expected_rule", at, value=value)
    return value


def _span(value: object, at: str = "value") -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 50:
        raise failure(ThresholdError, "average.expected_span", at, value=value)
    return value


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class PeriodAverage:
    r"""A rule that judges a number, applied to the mean (or sum) of a window of years.

    The window is the plan period (*first* to *last*) or the last *span* years up to
    ``Context.year``. The values are ``Context.history`` with the value assessed as the
    year's own (``None`` gives ``Reason.NO_VALUE``, as for every family). Mid-window — or
    when a year lacks a value — the years so far that have one are judged, and the
    assessment says which (``Assessment.years``; ``explain`` shows them).
    ``Assessment.value`` is the mean or sum judged. After the window, the window's years
    are judged (the value assessed is outside it).

    Not assessed (never a false red): no year of the window has a value
    (``Reason.NO_YEARS``), the years lie on both sides of a series break
    (``Reason.NOT_COMPARABLE``), no ``Context.year`` (``Reason.MISSING_YEAR``).

    Attributes:
        rule: The rule for the mean: a threshold of a family that judges a number (one
            with the ``as_bands`` capability: Bands, TargetValue, ...).
        first: The window's first year (with *last*: the plan period).
        last: The window's last year.
        span: The number of years up to the year assessed (instead of *first*/*last*).
        aggregate: ``"mean"`` ("i genomsnitt") or ``"sum"`` ("sammantaget").

    Examples:
        >>> from styrmodell import Context, PeriodAverage, TargetValue
        >>> rule = PeriodAverage.period(TargetValue(">=", 75, unit="percent"), 2023, 2026)
        >>> rule.assess(78, Context(year=2024, history={2023: 74})).explain()
        'Medelvärde för 2023–2024 (2 av 4 år): 76\xa0% uppfyller målvärdet ≥ 75\xa0% → Grönt'
    """

    rule: Threshold = attrs.field(converter=_number_rule)
    first: int | None = attrs.field(default=None, converter=as_optional_year)
    last: int | None = attrs.field(default=None, converter=as_optional_year)
    span: int | None = attrs.field(default=None, converter=_span)
    aggregate: Aggregate = attrs.field(default="mean", converter=_aggregate)

    def __attrs_post_init__(self) -> None:
        fixed = self.first is not None and self.last is not None and self.first <= self.last
        only_fixed = fixed and self.span is None
        only_span = self.first is None and self.last is None and self.span is not None
        if not (only_fixed or only_span):
            raise failure(ThresholdError, "average.expected_window", "PeriodAverage", value=self)

    @classmethod
    def period(
        cls, rule: Threshold, first: int, last: int, *, aggregate: Aggregate = "mean"
    ) -> PeriodAverage:
        """*rule* on the mean (or sum) of *first*–*last* ("i genomsnitt under planperioden")."""
        return cls(rule=rule, first=first, last=last, aggregate=aggregate)

    @classmethod
    def recent(cls, rule: Threshold, span: int, *, aggregate: Aggregate = "mean") -> PeriodAverage:
        """*rule* on the mean (or sum) of the last *span* years ("under fyra år").

        Examples:
            >>> from styrmodell import Bands, PeriodAverage, describe
            >>> describe(PeriodAverage.recent(Bands.higher_is_better(60, 40), 4), "en")
            ... # doctest: +NORMALIZE_WHITESPACE
            'Mean of the last 4 years: Green: at least 60, Yellow: at least 40 and less than 60,
            Red: less than 40'
        """
        return cls(rule=rule, span=span, aggregate=aggregate)

    def window(self, year: int) -> range:
        """The window's years for an assessment in *year* (up to *year* at most)."""
        if self.span is not None:
            return range(year - self.span + 1, year + 1)
        assert self.first is not None
        assert self.last is not None
        return range(self.first, min(self.last, year) + 1)

    def size(self) -> int:
        """The number of years in a whole window."""
        if self.span is not None:
            return self.span
        assert self.first is not None
        assert self.last is not None
        return self.last - self.first + 1

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge the mean (or sum) of the window's years that have a value with ``rule``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        if ctx.year is None:
            return Assessment(Status.NOT_ASSESSED, None, self, Reason.MISSING_YEAR)
        numbers: dict[int, Decimal] = {}
        for year in self.window(ctx.year):
            number = v if year == ctx.year else ctx.history.get(year)
            if number is not None:
                numbers[year] = number
        years = tuple(numbers)
        if not years:
            return Assessment(Status.NOT_ASSESSED, None, self, Reason.NO_YEARS)
        if crosses_break(ctx, years[0], years[-1]):
            return Assessment(Status.NOT_ASSESSED, None, self, Reason.NOT_COMPARABLE, years=years)
        total = Decimal(0)
        for number in numbers.values():
            total = EXACT.add(total, number)
        judged = total
        if self.aggregate == "mean" and len(years) > 1:
            judged = QUOTIENT.divide(total, len(years))
        inner = self.rule.assess(judged, ctx)
        return attrs.evolve(inner, threshold=self, value=judged, years=years)


def _window_text(rule: PeriodAverage, locale: str) -> str:
    if rule.span is not None:
        return ntext("average.window.recent", rule.span, locale)
    assert rule.first is not None
    assert rule.last is not None
    return years_text(tuple(range(rule.first, rule.last + 1)), locale)


def describe_average(rule: PeriodAverage, locale: str) -> str:
    """In words: "Medelvärde för 2023–2026: Grönt: ≥ 75 %, Rött: mindre än 75 %"."""
    inner = family_of(rule.rule).describe(rule.rule, locale)
    return text(
        f"average.describe.{rule.aggregate}",
        locale,
        window=_window_text(rule, locale),
        rule=inner,
    )


def explain_average(a: Assessment, locale: str) -> str:
    """In words: "Medelvärde för 2023–2024 (2 av 4 år): 76 % uppfyller målvärdet ≥ 75 % → Grönt"."""
    rule: PeriodAverage = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.value is None and a.reason in _OWN:
        years = years_text(a.years, locale) if a.years else ""
        return text(
            f"average.explain.{a.reason.value}",
            locale,
            window=_window_text(rule, locale),
            years=years,
            status=status,
        )
    inner = family_of(rule.rule).explain(attrs.evolve(a, threshold=rule.rule), locale)
    return ntext(
        f"average.explain.{rule.aggregate}",
        rule.size(),
        locale,
        years=years_text(a.years, locale),
        count=len(a.years),
        explanation=inner,
    )


def average_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Bands or a target on the mean or sum of a plan period or the last few years."""
    inner = bands_strategy(st, unit=unit, gaps=False) | target_strategy(st, unit=unit)
    aggregates = st.sampled_from(["mean", "sum"])
    periods = st.builds(
        lambda rule, first, n, how: PeriodAverage.period(rule, first, first + n, aggregate=how),
        inner,
        st.integers(2011, 2026),
        st.integers(0, 4),
        aggregates,
    )
    recent = st.builds(PeriodAverage.recent, inner, st.integers(1, 5), aggregate=aggregates)
    return periods | recent


def average_values(st: ModuleType, rule: PeriodAverage) -> Any:
    """The year's own value, around the rule's bounds."""
    bands = family_of(rule.rule).as_bands
    assert bands is not None
    return band_values(st, bands(rule.rule))


def average_contexts(st: ModuleType, rule: PeriodAverage) -> Any:
    """A year in the window with values for some of the window's years."""
    numbers = _draw.decimals(st, min_value=-300, max_value=300, places=1)

    def with_history(year: int) -> Any:
        window = list(rule.window(year))
        return st.builds(
            Context,
            year=st.just(year),
            history=st.dictionaries(st.sampled_from(window), numbers) if window else st.just({}),
        )

    if rule.first is not None and rule.last is not None:
        return st.integers(rule.first, rule.last).flatmap(with_history)
    return _draw.years(st).flatmap(with_history)


PERIOD_AVERAGE = register(
    Family(
        type=PeriodAverage,
        tag="period_average",
        describe=describe_average,
        explain=explain_average,
        strategy=average_strategy,
        values=average_values,
        contexts=average_contexts,
        as_bands=lambda rule: family_of(rule.rule).as_bands(rule.rule),  # type: ignore[misc]
    )
)
