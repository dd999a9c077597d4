"""What every threshold shares: its Context, its Assessment and the Threshold protocol.

Swedish terms: *målvärde* (a target, i.e. a threshold for a year), *utfall* (the value
assessed), *riket* / *liknande kommuner* (references), *föregående år* (history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, runtime_checkable

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import (
    Fields,
    as_optional_date,
    as_optional_id,
    as_optional_number,
    as_optional_year,
)
from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._messages import failure, text
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds._registry import family_of

if TYPE_CHECKING:
    from styrmodell._units import Unit

__all__ = ["Assessment", "Context", "Threshold", "crosses_break", "is_threshold"]

F = Fields(ThresholdError)


def _references(value: object, at: str = "value") -> FrozenMap[str, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(ThresholdError, "context.expected_references", at, value=value)
    out: dict[str, Decimal] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise failure(ThresholdError, "context.expected_reference_name", at, value=key)
        out[key] = F.as_decimal(number, f"{at}[{key!r}]")
    return FrozenMap(out)


def _history(value: object, at: str = "value") -> FrozenMap[int, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(ThresholdError, "context.expected_history", at, value=value)
    out: dict[int, Decimal] = {}
    for key, number in value.items():
        if isinstance(key, bool) or not isinstance(key, int):
            raise failure(ThresholdError, "context.expected_history_year", at, value=key)
        out[key] = F.as_decimal(number, f"{at}[{key}]")
    return FrozenMap(out)


def _population(value: object, at: str = "value") -> FrozenMap[str, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(ThresholdError, "context.expected_population", at, value=value)
    out: dict[str, Decimal] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise failure(ThresholdError, "context.expected_member", at, value=key)
        out[key] = F.as_decimal(number, f"{at}[{key!r}]")
    return FrozenMap(out)


def _breaks(value: object, at: str = "value") -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise failure(ThresholdError, "context.expected_breaks", at, value=value)
    return tuple(sorted({F.as_year(year, f"{at}[{i}]") for i, year in enumerate(value)}))


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Context:
    """Everything besides the value that a threshold may need. Every field is optional.

    A threshold that lacks what it needs (no reference value, no history) returns
    ``Status.NOT_ASSESSED`` with a reason; it never raises for missing context.

    Attributes:
        year: The year assessed (a target's year); ``YearOverYear`` compares with ``year - 1``.
        as_of: The date of the assessment (a date, a datetime or ISO text such as
            ``"2019-08-31"``); milestones and durations judge deadlines by it.
        references: Comparison values by name, e.g. ``{"riket": 82}`` (Kolada's "0000").
        history: Earlier outcomes of the same measure by year, e.g. ``{2022: 74}``.
        budget: The budget an outcome is compared with (``BudgetDeviation``).
        population: The same measure and year for every unit of a comparison group, by
            the unit's id (all kommuner, a län, liknande kommuner), e.g. Kolada's values
            for all 290 kommuner (``Rank``).
        member: Which unit of *population* is assessed (a kommun's id such as ``"0180"``).
        breaks: The years the measure's method changed (a series break): a value from
            such a year on is not comparable with one from before it (``RelativeChange``,
            ``PeriodAverage``; see :func:`crosses_break`).

    Examples:
        >>> Context(year=2023, references={"riket": "82,5"}).references["riket"]
        Decimal('82.5')
    """

    year: int | None = attrs.field(default=None, converter=as_optional_year)
    as_of: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    references: FrozenMap[str, Decimal] = attrs.field(converter=_references, factory=FrozenMap)
    history: FrozenMap[int, Decimal] = attrs.field(converter=_history, factory=FrozenMap)
    budget: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    population: FrozenMap[str, Decimal] = attrs.field(converter=_population, factory=FrozenMap)
    member: str | None = attrs.field(default=None, converter=as_optional_id)
    breaks: tuple[int, ...] = attrs.field(converter=_breaks, factory=tuple)


def crosses_break(context: Context, a: int, b: int) -> bool:
    """Whether values of years *a* and *b* lie on two sides of a series break.

    A break in year *y* means the method changed from *y* on: a value of *y* or later is
    not comparable with one from before *y*.

    Examples:
        >>> crosses_break(Context(breaks=[2021]), 2019, 2022)
        True
        >>> crosses_break(Context(breaks=[2021]), 2021, 2023)
        False
    """
    lo, hi = (a, b) if a <= b else (b, a)
    return any(lo < year <= hi for year in context.breaks)


_EMPTY_CONTEXT = Context()


@runtime_checkable
class Threshold(Protocol):
    """What every threshold family provides (a målvärde's rule): ``assess``.

    Thresholds are data: frozen, equal and hashable by value, picklable, serializable.
    ``assess`` is a pure function of the value and the context. Everything else a family
    offers — its wording for :func:`~styrmodell.describe` and :meth:`Assessment.explain`,
    its lint, its strategies — is registered with its :class:`~styrmodell.families.Family`
    entry: functions over the value, so a family of your own inherits nothing.
    """

    def assess(self, value: Any, context: Context = ...) -> Assessment:
        """Judge *value* in *context* and say why."""


_IS_THRESHOLD: dict[type, bool] = {}


def is_threshold(value: object) -> TypeGuard[Threshold]:
    """``isinstance(value, Threshold)``, answered once per type.

    A runtime-checkable Protocol inspects the class's attributes on every call; whether a
    class provides ``assess`` does not change, so the answer is kept per type. Classes
    themselves are not thresholds.
    """
    kind = type(value)
    known = _IS_THRESHOLD.get(kind)
    if known is None:
        known = isinstance(value, Threshold) and not isinstance(value, type)
        if len(_IS_THRESHOLD) < 1024:
            _IS_THRESHOLD[kind] = known
    return known


def _reason(value: object) -> Reason:
    # Assessments are made once per value judged: members pass without a look-up.
    if type(value) is Reason:
        return value
    return F.as_choice(value, "Assessment.reason", Reason)


@attrs.frozen
class Assessment:
    r"""The result of judging one value against one threshold.

    Attributes:
        status: Green, yellow, red, or not assessed.
        value: The value judged, as coerced (a Decimal, a ``Progress``, a pair of dates...),
            or ``None`` when there was no value.
        threshold: The threshold that judged it.
        reason: Why, as a :class:`~styrmodell.Reason` (the codes are documented there);
            its code string (``"gap"``) is accepted too.
        measured: The number actually matched when it differs from *value*: the value
            rounded to the threshold's precision, a difference, a deviation in percent.
        compared_with: What the value was compared with: the reference, the earlier year's
            value, the budget or the target.
        interval: The band interval the measured number fell in, where there is one.
        years: The years the measured number was computed from, where it was computed from
            several (a mean over a period, a base of several years); ``()`` otherwise.

    Examples:
        >>> from styrmodell import Bands, Unit
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
        >>> rule.assess(61).explain()
        '61\xa0% är mer än 60\xa0% → Grönt'
        >>> rule.assess(61).reason
        <Reason.BAND: 'band'>
    """

    status: Status
    value: Any
    threshold: Threshold = attrs.field(repr=False)
    reason: Reason = attrs.field(converter=_reason)
    measured: Decimal | None = None
    compared_with: Decimal | None = None
    interval: Interval | None = None
    years: tuple[int, ...] = ()

    def explain(self, locale: str = "sv") -> str:
        """Why the value got its status, in words: "61 % är mer än 60 % → Grönt".

        The wording is the threshold family's (its registered ``explain``); the reasons
        :func:`~styrmodell.assess` gives without a family — the data are not available yet,
        the indicator has no target — are worded here.
        """
        if self.reason is Reason.NOT_YET_AVAILABLE or self.reason is Reason.NO_TARGET:
            return text(f"assessment.{self.reason.value}", locale, status=self.status.label(locale))
        return family_of(self.threshold).explain(self, locale)


def not_assessed(threshold: Threshold, value: Any, reason: Reason) -> Assessment:
    """An ``Assessment`` with ``Status.NOT_ASSESSED``."""
    return Assessment(Status.NOT_ASSESSED, value, threshold, reason)


def unit_of(threshold: object) -> Unit | None:
    """The unit a threshold declares, if any."""
    return getattr(threshold, "unit", None)


def context_or_default(context: Context | None) -> Context:
    """*context*, or the empty context; rejects anything that is not a Context."""
    if context is None:
        return _EMPTY_CONTEXT
    if not isinstance(context, Context):
        raise ThresholdError(f"context: expected a styrmodell.Context, got {context!r}")
    return context
