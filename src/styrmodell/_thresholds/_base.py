"""What every threshold shares: its Context, its Assessment and the Threshold protocol.

Swedish terms: *målvärde* (a target, i.e. a threshold for a year), *utfall* (the value
assessed), *riket* / *liknande kommuner* (references), *föregående år* (history).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard, runtime_checkable

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._locale import language
from styrmodell._numbers import optional_decimal, to_decimal
from styrmodell._status import Status
from styrmodell._thresholds._fields import optional_date

if TYPE_CHECKING:
    from styrmodell._units import Unit

__all__ = ["Assessment", "Context", "Threshold", "is_threshold"]


def _year(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ThresholdError(f"Context.year: expected a year as int, got {value!r}")
    return value


def _as_of(value: object) -> dt.date | None:
    return optional_date(value, what="Context.as_of")


def _references(value: Mapping[str, object] | None) -> FrozenMap[str, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise ThresholdError(
            f"Context.references: expected a mapping of name to number, got {value!r}"
        )
    out: dict[str, Decimal] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise ThresholdError(f"Context.references: expected a name as key, got {key!r}")
        out[key] = to_decimal(number, what=f"Context.references[{key!r}]")
    return FrozenMap(out)


def _history(value: Mapping[int, object] | None) -> FrozenMap[int, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise ThresholdError(
            f"Context.history: expected a mapping of year to number, got {value!r}"
        )
    out: dict[int, Decimal] = {}
    for key, number in value.items():
        if isinstance(key, bool) or not isinstance(key, int):
            raise ThresholdError(f"Context.history: expected a year (int) as key, got {key!r}")
        out[key] = to_decimal(number, what=f"Context.history[{key}]")
    return FrozenMap(out)


def _budget(value: object) -> Decimal | None:
    return optional_decimal(value, what="Context.budget")


@attrs.frozen(kw_only=True)
class Context:
    """Everything besides the value that a threshold may need. Every field is optional.

    A threshold that lacks what it needs (no reference value, no history) returns
    ``Status.NOT_ASSESSED`` with a reason; it never raises for missing context.

    Attributes:
        year: The year assessed (a target's year); ``YearOverYear`` compares with ``year - 1``.
        as_of: The date of the assessment; milestones and durations judge deadlines by it.
        references: Comparison values by name, e.g. ``{"riket": 82}`` (Kolada's "0000").
        history: Earlier outcomes of the same measure by year, e.g. ``{2022: 74}``.
        budget: The budget an outcome is compared with (``BudgetDeviation``).

    Examples:
        >>> Context(year=2023, references={"riket": "82,5"}).references["riket"]
        Decimal('82.5')
    """

    year: int | None = attrs.field(default=None, converter=_year)
    as_of: dt.date | None = attrs.field(default=None, converter=_as_of)
    references: FrozenMap[str, Decimal] = attrs.field(factory=FrozenMap, converter=_references)
    history: FrozenMap[int, Decimal] = attrs.field(factory=FrozenMap, converter=_history)
    budget: Decimal | None = attrs.field(default=None, converter=_budget)


_EMPTY_CONTEXT = Context()


@runtime_checkable
class Threshold(Protocol):
    """What every threshold family provides (a målvärde's rule).

    Thresholds are data: frozen, equal and hashable by value, picklable, serializable.
    ``assess`` is a pure function of the value and the context.
    """

    def assess(self, value: Any, context: Context = ...) -> Assessment:
        """Judge *value* in *context* and say why."""

    def describe(self, locale: str = "sv") -> str:
        """The rule as a plan would print it, in Swedish by default."""

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """A sentence that says why *assessment* got its status."""


_IS_THRESHOLD: dict[type, bool] = {}


def is_threshold(value: object) -> TypeGuard[Threshold]:
    """``isinstance(value, Threshold)``, answered once per type.

    A runtime-checkable Protocol inspects the class's attributes on every call; whether a
    class provides ``assess``, ``describe`` and ``explain`` does not change, so the answer
    is kept per type. Classes themselves are not thresholds.
    """
    kind = type(value)
    known = _IS_THRESHOLD.get(kind)
    if known is None:
        known = isinstance(value, Threshold) and not isinstance(value, type)
        if len(_IS_THRESHOLD) < 1024:
            _IS_THRESHOLD[kind] = known
    return known


@attrs.frozen
class Assessment:
    r"""The result of judging one value against one threshold.

    Attributes:
        status: Green, yellow, red, or not assessed.
        value: The value judged, as coerced (a Decimal, a ``Progress``, a pair of dates...),
            or ``None`` when there was no value.
        threshold: The threshold that judged it.
        reason: A machine-readable code for why, e.g. ``"band"`` (the value fell in a band),
            ``"gap"`` (between bands), ``"no_value"``, ``"better"`` / ``"same"`` /
            ``"worse"`` (compared with a reference or an earlier year),
            ``"missing_reference"``, ``"missing_history"``, ``"missing_year"``,
            ``"missing_budget"``, ``"zero_budget"``, ``"changed"`` (a level to keep was not
            kept), ``"met"`` / ``"within_margin"`` /
            ``"not_met"`` (target values), ``"reached"`` / ``"in_progress"`` / ``"not_due"`` /
            ``"overdue"`` / ``"not_reached"`` / ``"missing_date"`` (milestones),
            ``"within"`` / ``"late"`` / ``"pending"`` (durations), and from
            :func:`~styrmodell.assess` ``"not_yet_available"`` (the data arrive after the
            assessment date) and ``"no_target"``.
        measured: The number actually matched when it differs from *value*: the value
            rounded to the threshold's precision, a difference, a deviation in percent.
        compared_with: What the value was compared with: the reference, the earlier year's
            value, the budget or the target.
        interval: The band interval the measured number fell in, where there is one.

    Examples:
        >>> from styrmodell import Bands, Unit
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
        >>> rule.assess(61).explain()
        '61\xa0% är mer än 60\xa0% → Grönt'
    """

    status: Status
    value: Any
    threshold: Threshold = attrs.field(repr=False)
    reason: str
    measured: Decimal | None = None
    compared_with: Decimal | None = None
    interval: Interval | None = None

    def explain(self, locale: str = "sv") -> str:
        """Why the value got its status, in words: "61 % är mer än 60 % → Grönt"."""
        if self.reason == "not_yet_available":
            text = (
                "Utfallet finns inte tillgängligt ännu"
                if language(locale) == "sv"
                else "The outcome is not available yet"
            )
            return f"{text} → {self.status.label(locale)}"
        return self.threshold.explain(self, locale)


def not_assessed(threshold: Threshold, value: Any, reason: str) -> Assessment:
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
