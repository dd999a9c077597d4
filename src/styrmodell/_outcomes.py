"""Outcomes: measured values of an indicator, and the indexed collection that holds them.

Swedish terms: *utfall* (an outcome), *kön* with Kolada's codes *T* (totalt), *K* (kvinnor)
and *M* (män), *enhet* / *förvaltning* / *nämnd* (the org unit measured), *riket* and
*liknande kommuner* (references), *täljare* / *nämnare* (numerator / denominator of a share).

Reading and writing outcomes as CSV is :mod:`styrmodell.io` (``read_outcomes``,
``write_outcomes``); this module holds the values.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeAlias

import attrs

from styrmodell._errors import PlanError, Problem
from styrmodell._fields import Fields
from styrmodell._frozenmap import FrozenMap
from styrmodell._messages import failure, problem, text
from styrmodell._numbers import (
    EXACT,
    MAX_DECIMALS,
    MAX_INTEGER_DIGITS,
    MAX_SIGNIFICANT,
    check_limits,
)
from styrmodell._period import Period, as_period

__all__ = [
    "Gender",
    "Outcome",
    "OutcomeValue",
    "Outcomes",
    "as_outcome_value",
    "checked_outcome",
]

OutcomeValue: TypeAlias = "Decimal | bool | enum.Enum | tuple[dt.date, dt.date | None] | None"
"""What an outcome's value may be: a number, done / not done, a ``Progress``, a pair of dates
(start, end) for durations, or ``None`` (not measured, "ej mätbart")."""

F = Fields(PlanError)

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_INF = float("inf")


class Gender(enum.Enum):
    """Whom an outcome counts: everyone, women or men (Kolada's ``T``, ``K``, ``M``).

    Example:
        >>> Gender("K") is Gender.WOMEN
        True
        >>> Gender.MEN.label()
        'Män'
        >>> Gender.coerce("k")
        <Gender.WOMEN: 'K'>
    """

    TOTAL = "T"
    WOMEN = "K"
    MEN = "M"

    # Members are singletons compared by identity: hash them by identity too (C speed; the
    # default Enum hash runs Python code, and genders are part of every outcome's key).
    __hash__ = object.__hash__

    def label(self, locale: str = "sv") -> str:
        """The word for the gender: "Totalt", "Kvinnor", "Män" (sv), "Total"... (en)."""
        return text(f"gender.{self.name.lower()}", locale)

    @classmethod
    def coerce(cls, value: object) -> Gender:
        """A Gender from itself, its code ("T", "K", "M", any case) or its name ("WOMEN").

        Raises:
            PlanError: naming the value, for anything else.
        """
        if type(value) is Gender:
            return value
        return F.as_choice(value, "gender", cls)


def as_outcome_value(value: object, at: str, fields: Fields = F) -> OutcomeValue:
    """An outcome value from friendly input: numbers become Decimal (see :data:`OutcomeValue`).

    ``None``, ``True`` / ``False`` and enum members (a ``Progress``) are kept; a pair is
    (start, end) dates, the end may be ``None``; anything else is a number. Errors are of
    the class of *fields* and name *at*.
    """
    if value is None or isinstance(value, bool | enum.Enum):
        return value
    if type(value) is Decimal:
        return check_limits(value, value, what=at, error=fields.error)
    if isinstance(value, tuple | list):
        if len(value) != 2:
            raise failure(fields.error, "outcome.expected_pair", at, value=value)
        start = fields.as_date(_stripped(value[0]), f"{at} start")
        end = None if value[1] is None else fields.as_date(_stripped(value[1]), f"{at} end")
        return (start, end)
    return fields.as_decimal(value, at)


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _plainly_within(number: Decimal) -> bool:
    """Whether *number* is certainly within the limits of numbers, seen cheaply.

    True only where :func:`styrmodell._numbers.check_limits` would return *number* itself
    (finite, not zero, first digit between 10²³ and 10⁻²⁴, at most 28 digits); everything
    else takes the full check.
    """
    if not number.is_finite() or number.is_zero():
        return False
    adjusted = number.adjusted()
    return (
        -MAX_DECIMALS <= adjusted < MAX_INTEGER_DIGITS
        and len(number.as_tuple().digits) <= MAX_SIGNIFICANT
    )


# Outcome is made once per measured value (hundreds of thousands from one file), so its
# fields take what is already right (an id, a Period, a Gender, a Decimal within the limits)
# in one step, and everything else through the toolkit's converters, which name the field.


def _identifier(value: object, at: str = "value") -> str:
    if type(value) is str and value and value == value.strip():
        return value
    return F.as_identifier(value, at)


def _optional_identifier(value: object, at: str = "value") -> str | None:
    if value is None:
        return None
    return _identifier(value, at)


def _period(value: object, at: str = "value") -> Period:
    if type(value) is Period:
        return value
    return F.check(as_period, value, at)


def _gender(value: object, at: str = "value") -> Gender:
    if type(value) is Gender:
        return value
    return F.as_choice(value, at, Gender)


def _from_float(value: float) -> Decimal | None:
    """``to_decimal(value)`` made without going through text, where that is exact; else None.

    An integral float below 10¹⁵ is its int with one decimal place (``55.0`` → ``55.0``, as
    its repr reads); a float whose binary value has at most 15 significant digits (``0.5``,
    ``91.75``) is that value, which is then also its shortest repr. Both are within the
    limits of numbers. Anything else (``91.74``, whose binary value has 46 digits) is for
    :func:`~styrmodell._numbers.to_decimal`.
    """
    if value.is_integer():
        if value and -1e15 < value < 1e15:
            return Decimal(int(value) * 10).scaleb(-1)
        return None
    if value != value or value in (_INF, -_INF):
        return None
    exact = Decimal(value)
    return exact if len(exact.as_tuple().digits) <= 15 else None


def _optional_number(value: object, at: str = "value") -> Decimal | None:
    if value is None:
        return None
    if type(value) is Decimal and _plainly_within(value):
        return value
    if type(value) is float:
        found = _from_float(value)
        if found is not None:
            return found
    return F.as_decimal(value, at)


def _value(value: object, self: Any, field: attrs.Attribute[Any]) -> OutcomeValue:
    """The value as given, or the share ``100 × numerator / denominator`` when it is ``None``.

    The counts are fields set before the value, so a share given by its counts alone gets
    its value here (the checks that the counts go together run after every field is set):
    this converter takes the instance, so it is an ``attrs.Converter``.
    """
    at = "Outcome.value"
    if type(value) is Decimal and _plainly_within(value):
        return value
    if type(value) is float:
        found = _from_float(value)
        if found is not None:
            return found
    if value is None:
        num, den = self.numerator, self.denominator
        if num is None or den is None or den <= 0 or num < 0:
            return None
        share = _HUNDRED * num / den
        return check_limits(share, share, what=at, error=PlanError)
    return as_outcome_value(value, at)


def _references(value: object, at: str = "value") -> FrozenMap[str, Decimal]:
    if value is None or value is _NO_REFERENCES:
        return _NO_REFERENCES
    return _as_references(value, at)


_NO_REFERENCES: FrozenMap[str, Decimal] = FrozenMap()
"""The references of every outcome that has none (shared: one object, not one per outcome)."""


def _as_references(value: object, at: str = "value") -> FrozenMap[str, Decimal]:
    """Reference name → number (``{"riket": 82}``)."""
    if value is None or (isinstance(value, Mapping) and not value):
        return _NO_REFERENCES
    if not isinstance(value, Mapping):
        raise failure(PlanError, "outcome.expected_references", at, value=value)
    out: dict[str, Decimal] = {}
    same = type(value) is FrozenMap
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise failure(PlanError, "outcome.expected_reference_name", at, value=key)
        out[key] = checked = F.as_decimal(number, f"{at}[{key!r}]")
        same = same and checked is number
    return value if same else FrozenMap(out)  # type: ignore[return-value]


@attrs.frozen(field_transformer=F.locate)
class Outcome:
    """A measured value (utfall) of one indicator for one period, gender and org unit.

    A share may carry its *numerator* and *denominator*; then *value* may be left out and is
    ``100 × numerator / denominator`` (percent). :meth:`pool` adds shares from several units
    by pooling numerators and denominators — it never averages percentages.

    Attributes:
        indicator: The indicator's id.
        period: A :class:`Period`, a year (int) or a label ("Delår 2022").
        value: A number (Decimal; int, float and "91,74" are converted), ``True`` /
            ``False``, a ``Progress``, a (start, end) pair of dates, or ``None``.
        gender: ``Gender.TOTAL`` (default), ``WOMEN`` or ``MEN``; "T", "K", "M" accepted.
        org_unit: The org unit measured, or ``None`` for the nämnd as a whole.
        references: Comparison values for the same period, e.g. ``{"riket": 82}``.
        numerator: The count in the share (täljare).
        denominator: The base of the share (nämnare); must be positive.
        budget: The budget the outcome is compared with (budget deviation), in its unit.

    Raises:
        PlanError: for a value that is not a number, bool, Progress or date pair, a
            number beyond the limits of :func:`styrmodell._numbers.to_decimal`, a
            negative or zero denominator, or a numerator without denominator.

    Example:
        >>> o = Outcome("brukarundersokning", 2022, numerator=37, denominator=50)
        >>> o.value
        Decimal('74')
    """

    indicator: str = attrs.field(converter=_identifier)
    period: Period = attrs.field(converter=_period)
    # The counts come before the value: a share given by its counts gets its value from
    # them when the value is set (they stay keyword-only).
    numerator: Decimal | None = attrs.field(converter=_optional_number, default=None, kw_only=True)
    denominator: Decimal | None = attrs.field(
        converter=_optional_number, default=None, kw_only=True
    )
    # The instance-taking converter hides the accepted types from mypy: any value is taken.
    value: OutcomeValue = attrs.field(
        converter=attrs.Converter(_value, takes_self=True, takes_field=True),  # type: ignore[misc]
        default=None,
    )
    gender: Gender = attrs.field(converter=_gender, default=Gender.TOTAL, kw_only=True)
    org_unit: str | None = attrs.field(converter=_optional_identifier, default=None, kw_only=True)
    references: FrozenMap[str, Decimal] = attrs.field(
        converter=_references, default=_NO_REFERENCES, kw_only=True
    )
    budget: Decimal | None = attrs.field(converter=_optional_number, default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        num, den = self.numerator, self.denominator
        if num is None and den is None:
            return
        at = f"Outcome {self.indicator!r} {self.period}"
        if num is None or den is None:
            raise failure(
                PlanError, "outcome.counts_together", at, numerator=repr(num), denominator=repr(den)
            )
        if den <= 0:
            raise failure(PlanError, "outcome.denominator_positive", at, denominator=den)
        if num < 0:
            raise failure(PlanError, "outcome.numerator_negative", at, numerator=num)
        if not isinstance(self.value, Decimal):
            raise failure(PlanError, "outcome.share_not_number", at, value=self.value)

    @property
    def key(self) -> tuple[str, Period, Gender, str | None]:
        """The outcome's place in :class:`Outcomes`: (indicator, period, gender, org unit)."""
        return (self.indicator, self.period, self.gender, self.org_unit)

    @property
    def number(self) -> Decimal | None:
        """The value when it is a number, else ``None``."""
        return self.value if isinstance(self.value, Decimal) else None

    @classmethod
    def pool(cls, outcomes: Iterable[Outcome], *, org_unit: str | None = None) -> Outcome:
        """Add up shares from several org units (enheter ▸ förvaltning ▸ nämnd).

        Numerators and denominators are summed exactly and the share is recomputed from
        the sums; percentages are never averaged. References and budgets are not carried
        over (references are per unit; budgets add up only where every outcome has one).
        Sums beyond the limits of numbers raise :class:`~styrmodell.PlanError`, never
        overflow.

        Args:
            outcomes: Outcomes of the same indicator, period and gender.
            org_unit: The org unit of the result (``None`` for the nämnd as a whole).

        Raises:
            PlanError: for no outcomes, outcomes of different indicators, periods or
                genders, or an outcome without numerator and denominator.

        Example:
            >>> a = Outcome("x", 2022, numerator=1, denominator=4, org_unit="A")
            >>> b = Outcome("x", 2022, numerator=3, denominator=4, org_unit="B")
            >>> Outcome.pool([a, b]).value  # not (25 + 75) / 2 by accident: (1+3)/(4+4)
            Decimal('50')
        """
        items = list(outcomes)
        if not items:
            raise failure(PlanError, "outcome.pool_empty", "Outcome.pool")
        first = items[0]
        num = den = _ZERO
        budget: Decimal | None = _ZERO
        for item in items:
            if (item.indicator, item.period, item.gender) != (
                first.indicator,
                first.period,
                first.gender,
            ):
                raise failure(
                    PlanError,
                    "outcome.pool_mixed",
                    "Outcome.pool",
                    first=str(first.key),
                    other=str(item.key),
                )
            if item.numerator is None or item.denominator is None:
                raise failure(
                    PlanError, "outcome.pool_uncounted", "Outcome.pool", key=str(item.key)
                )
            # Exact: within the limits of numbers, EXACT never rounds a sum.
            num = EXACT.add(num, item.numerator)
            den = EXACT.add(den, item.denominator)
            budget = (
                None if budget is None or item.budget is None else EXACT.add(budget, item.budget)
            )
        return cls(
            first.indicator,
            first.period,
            gender=first.gender,
            org_unit=org_unit,
            numerator=num,
            denominator=den,
            budget=budget,
        )


def checked_outcome(
    indicator: str,
    period: Period,
    value: OutcomeValue,
    gender: Gender,
    org_unit: str | None,
    references: FrozenMap[str, Decimal],
    budget: Decimal | None,
) -> Outcome:
    """An :class:`Outcome` without counts from parts the toolkit's converters made already.

    For a reader that has converted every cell of a column with the same converters the
    fields use (an id stripped and not empty, a Period, a Gender, numbers within the
    limits): the outcome is made the way unpickling makes one, without converting each
    part a second time. A test checks that it equals ``Outcome(...)`` of the same parts.
    Outcomes with a numerator or denominator are made by ``Outcome(...)``, which checks
    that the counts go together.
    """
    made: Outcome = _new(Outcome)
    made.__setstate__(  # type: ignore[attr-defined]  # attrs gives slotted classes one
        {
            "indicator": indicator,
            "period": period,
            "numerator": None,
            "denominator": None,
            "value": value,
            "gender": gender,
            "org_unit": org_unit,
            "references": references,
            "budget": budget,
        }
    )
    return made


_new = object.__new__


_Key: TypeAlias = tuple[str, Period, Gender, "str | None"]
_SeriesKey: TypeAlias = tuple[Gender, "str | None"]
_EMPTY: dict[Any, Any] = {}


_Series: TypeAlias = dict[str, dict[_SeriesKey, dict[Period, Outcome]]]


def _index(items: tuple[Outcome, ...]) -> tuple[_Series, tuple[Problem, ...]]:
    """Indicator → (gender, org unit) → period → outcome, and the problems of *items*.

    The one index every look-up goes through (a key is found in three dictionaries); the
    others (:meth:`Outcomes.unit_series`, :meth:`Outcomes.for_indicator`) are built from it
    when first asked.
    """
    series: _Series = {}
    problems: list[Problem] = []
    repeated: list[tuple[int, _Key]] = []
    # One (gender, unit) key object per pair, shared by every indicator's series: fewer
    # objects for the garbage collector to walk through in a collection of a whole country.
    pairs: dict[_SeriesKey, _SeriesKey] = {}
    for i, item in enumerate(items):
        if type(item) is not Outcome and not isinstance(item, Outcome):
            problems.append(problem("plan.expected_an", f"items[{i}]", value=item, kind="Outcome"))
            continue
        indicator = item.indicator
        of_indicator = series.get(indicator)
        if of_indicator is None:
            of_indicator = series[indicator] = {}
        pair = (item.gender, item.org_unit)
        periods = of_indicator.get(pair)
        if periods is None:
            periods = of_indicator[pairs.setdefault(pair, pair)] = {}
        if periods.setdefault(item.period, item) is not item:
            repeated.append((i, (indicator, item.period, item.gender, item.org_unit)))
    if repeated:
        problems.extend(_repeated(items, repeated))
        problems.sort(key=lambda found: int(found.path[len("items[") : -1]))
    return series, tuple(problems)


def _repeated(items: tuple[Outcome, ...], repeated: list[tuple[int, _Key]]) -> Iterator[Problem]:
    """A problem for each outcome whose key an earlier one has (``first``: that one's index)."""
    first: dict[_Key, int] = {}
    for i, item in enumerate(items):
        if isinstance(item, Outcome):
            first.setdefault(item.key, i)
    for i, (indicator, period, gender, unit) in repeated:
        yield problem(
            "outcomes.duplicate",
            f"items[{i}]",
            indicator=indicator,
            period=str(period),
            gender=gender.value,
            org_unit=unit,
            first=first[(indicator, period, gender, unit)],
        )


def _outcome_items(value: Iterable[Outcome]) -> tuple[Outcome, ...]:
    # A named converter (not a field of the toolkit) so that type checkers see what
    # Outcomes(...) accepts: any iterable of outcomes. Each item is checked in the index.
    if type(value) is tuple:
        return value
    if isinstance(value, Outcomes):
        return value.items
    return F.as_tuple(value, "Outcomes.items")


@attrs.frozen(cache_hash=True)
class Outcomes:
    """An indexed, immutable collection of outcomes.

    Look-up by indicator × period × gender × org unit is O(1); so is the series of one
    indicator for one gender and unit over the years (what history comes from), and every
    series of one indicator in one org unit (:meth:`unit_series`), so a scorecard for one
    unit touches only that unit's outcomes. Two outcomes with the same key are an error.
    Two collections are equal when they hold the same outcomes, in any order.

    Attributes:
        items: The outcomes, in any order.

    Raises:
        PlanError: for a duplicate key, naming it, and for an item that is not an Outcome.

    Example:
        >>> outs = Outcomes([Outcome("x", 2022, 5), Outcome("x", 2022, 4, gender="K")])
        >>> outs.get("x", 2022, gender="K").value
        Decimal('4')
        >>> len(outs)
        2
    """

    items: tuple[Outcome, ...] = attrs.field(converter=_outcome_items, eq=frozenset)

    def __attrs_post_init__(self) -> None:
        problems = self._checked[1]
        if problems:
            raise PlanError("Outcomes: " + "; ".join(str(p) for p in problems), problems=problems)

    @functools.cached_property
    def _checked(self) -> tuple[_Series, tuple[Problem, ...]]:
        return _index(self.items)

    @functools.cached_property
    def _series(self) -> _Series:
        return self._checked[0]

    @functools.cached_property
    def _units(self) -> dict[tuple[str, str | None], dict[Gender, dict[Period, Outcome]]]:
        units: dict[tuple[str, str | None], dict[Gender, dict[Period, Outcome]]] = {}
        for indicator, of_indicator in self._series.items():
            for (gender, unit), periods in of_indicator.items():
                units.setdefault((indicator, unit), {})[gender] = periods
        return units

    @functools.cached_property
    def _by_indicator(self) -> dict[str, tuple[Outcome, ...]]:
        found: dict[str, list[Outcome]] = {}
        for item in self.items:
            found.setdefault(item.indicator, []).append(item)
        return {indicator: tuple(items) for indicator, items in found.items()}

    def _find(
        self, indicator: str, period: Period, gender: Gender, org_unit: str | None
    ) -> Outcome | None:
        found: Outcome | None = (
            self._series.get(indicator, _EMPTY).get((gender, org_unit), _EMPTY).get(period)
        )
        return found

    # -- look-up --------------------------------------------------------------------------

    def get(
        self,
        indicator: str,
        period: Period | int | str,
        *,
        gender: Gender | str = Gender.TOTAL,
        org_unit: str | None = None,
    ) -> Outcome | None:
        """The outcome for indicator × period × gender × org unit, or ``None``."""
        return self._find(
            indicator, F.check(as_period, period, "period"), Gender.coerce(gender), org_unit
        )

    def __getitem__(self, key: tuple[Any, ...]) -> Outcome:
        """``outcomes["id", period]`` or ``outcomes["id", period, gender, org_unit]``."""
        indicator, period, *rest = key
        gender = Gender.coerce(rest[0]) if rest else Gender.TOTAL
        org_unit = rest[1] if len(rest) > 1 else None
        full = (indicator, F.check(as_period, period, "period"), gender, org_unit)
        found = self._find(*full)
        if found is None:
            raise KeyError(full)
        return found

    def __contains__(self, key: object) -> bool:
        """Whether a key (indicator, period, gender, org unit) has an outcome."""
        if not isinstance(key, tuple) or len(key) != 4:
            return False
        indicator, period, gender, org_unit = key
        try:
            return self._find(indicator, period, gender, org_unit) is not None
        except TypeError:  # an unhashable part: no such key
            return False

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.items)

    def for_indicator(self, indicator: str) -> tuple[Outcome, ...]:
        """Every outcome of *indicator*, in the order given."""
        return self._by_indicator.get(indicator, ())

    def series(
        self,
        indicator: str,
        *,
        gender: Gender | str = Gender.TOTAL,
        org_unit: str | None = None,
    ) -> Mapping[Period, Outcome]:
        """The outcomes of one indicator for one gender and unit, by period (read-only)."""
        found = self._series.get(indicator, _EMPTY).get((Gender.coerce(gender), org_unit))
        return FrozenMap(found or {})

    def series_of(
        self, indicator: str
    ) -> Mapping[tuple[Gender, str | None], Mapping[Period, Outcome]]:
        """Every series of *indicator*: (gender, org unit) → period → outcome (read-only).

        Do not mutate what this returns; it is the collection's own index.
        """
        found: Mapping[tuple[Gender, str | None], Mapping[Period, Outcome]] = self._series.get(
            indicator, _EMPTY
        )
        return found

    def unit_series(
        self, indicator: str, org_unit: str | None
    ) -> Mapping[Gender, Mapping[Period, Outcome]]:
        """The series of *indicator* in one org unit, per gender: gender → period → outcome.

        O(1): what a scorecard for one unit needs without scanning the other units. Do not
        mutate what this returns; it is the collection's own index.

        Example:
            >>> outs = Outcomes([Outcome("x", 2022, 5, org_unit="0580"),
            ...                  Outcome("x", 2022, 7, gender="K", org_unit="0580"),
            ...                  Outcome("x", 2022, 6, org_unit="0581")])
            >>> {g.value: len(s) for g, s in outs.unit_series("x", "0580").items()}
            {'T': 1, 'K': 1}
        """
        found: Mapping[Gender, Mapping[Period, Outcome]] = self._units.get(
            (indicator, org_unit), _EMPTY
        )
        return found

    @property
    def indicators(self) -> frozenset[str]:
        """The ids of every indicator with an outcome."""
        return frozenset(self._series)

    @property
    def org_units(self) -> frozenset[str | None]:
        """Every org unit with an outcome (``None`` for the nämnd as a whole)."""
        return frozenset(unit for _, unit in self._units)

    def __add__(self, other: Outcomes | Iterable[Outcome]) -> Outcomes:
        """A new collection with the outcomes of both (duplicates are an error)."""
        if isinstance(other, Outcomes):
            return Outcomes(self.items + other.items)
        return Outcomes(self.items + tuple(other))

    def pooled(
        self,
        indicator: str,
        period: Period | int | str,
        org_units: Iterable[str],
        *,
        gender: Gender | str = Gender.TOTAL,
        into: str | None = None,
    ) -> Outcome:
        """Pool the shares of *org_units* into one outcome for *into* (see :meth:`Outcome.pool`).

        Raises:
            PlanError: for a unit without an outcome, or an outcome without counts.
        """
        found: list[Outcome] = []
        for unit in org_units:
            item = self.get(indicator, period, gender=gender, org_unit=unit)
            if item is None:
                raise failure(
                    PlanError,
                    "outcomes.pooled_missing",
                    "Outcomes.pooled",
                    indicator=indicator,
                    period=str(F.check(as_period, period, "period")),
                    org_unit=unit,
                )
            found.append(item)
        return Outcome.pool(found, org_unit=into)
