r"""Investment budgets: investeringsobjekt with an amount per year.

Swedish terms: *investeringsbudget* (the table), *investeringsobjekt* (an object: a row
number, a name, a group such as the förvaltning SOF or ÄF, and a category such as
"Digitalisering och IT", "Inventarier", "Utrustning"), *investeringsbelopp* (the amount per
year, positive), *Summa* / *Varav summa SOF* (printed sums), *förbrukat* (spent so far, reported
at the investment follow-up occasions in april, augusti, oktober and december).

An :class:`InvestmentBudget` is a value; its totals, the check of its printed sums and the
follow-up of spending are functions (:mod:`styrmodell.ledger`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import LedgerError, Problem
from styrmodell._fields import as_number
from styrmodell._frozenmap import FrozenMap
from styrmodell._ledger_base import (
    F,
    as_key,
    as_label,
    as_money_unit,
    as_threshold,
    items_field,
    ledger_error,
    thresholds_field,
    unit_name,
)
from styrmodell._ledger_lines import line_field
from styrmodell._ledger_results import LedgerDeviation
from styrmodell._messages import failure, problem, text
from styrmodell._numbers import NumberLike
from styrmodell._safe import printable
from styrmodell._thresholds._base import Threshold
from styrmodell._units import Unit

__all__ = [
    "InvestmentBudget",
    "InvestmentFollowUp",
    "InvestmentObject",
    "InvestmentProblem",
    "InvestmentSum",
    "as_row",
    "as_year",
]

_ZERO = Decimal(0)
# A whole number written with ASCII digits only (int() reads other scripts' digits too, and
# refuses more than 4,300 digits with a plain ValueError: the length is checked first).
_DIGITS = re.compile(r"[0-9]{1,9}")


def _whole(value: object) -> object:
    if isinstance(value, str):
        stripped = value.strip()
        if _DIGITS.fullmatch(stripped):
            return int(stripped)
    return value


def as_year(value: object, at: str = "value") -> int:
    """A year from 1000 to 9999, as an int or its digits ("2023")."""
    year = _whole(value)
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise failure(LedgerError, "ledger.expected_year", at, value=value)
    return year


def as_row(value: object, at: str = "value") -> int:
    """A printed row number ≥ 1, as an int or its digits ("4")."""
    row = _whole(value)
    if isinstance(row, bool) or not isinstance(row, int) or row < 1:
        raise failure(LedgerError, "ledger.expected_row", at, value=value)
    return row


def _object_at(obj: InvestmentObject, part: str) -> str:
    if part == "row":
        return "investment object row"
    if part == "name":
        return f"investment object row {obj.row}: name"
    if part == "amounts":  # the messages name the year or the amount
        return f"investment object row {obj.row} {obj.name!r}"
    return f"investment object row {obj.row} {obj.name!r}: {part}"


def _as_amounts(value: object, at: str = "value") -> FrozenMap[int, Decimal]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(LedgerError, "ledger.expected_amounts", f"{at}: amounts", value=value)
    converted: dict[int, Decimal] = {}
    for key, amount in value.items():
        year = as_year(key, f"{at}: year")
        if year in converted:
            raise failure(LedgerError, "investments.year_twice", f"{at}: year", value=key)
        converted[year] = F.as_decimal(amount, f"{at}: amount for {year}")
    return FrozenMap(dict(sorted(converted.items())))


@attrs.frozen(init=False)
class InvestmentObject:
    """One investeringsobjekt: a row of the investment table with an amount per year.

    Args:
        row: The printed row number ("Rad-nummer"); unique in a budget.
        name: "Investeringsobjekt benämning", e.g. "Wifi kommunal verksamhet".
        group: The förvaltning or other group, e.g. "SOF" or "ÄF".
        category: E.g. "Digitalisering och IT", "Inventarier", "Utrustning".
        amounts: Year → amount (an empty cell is an absent year, which counts as zero).
        unit: ``Unit.TKR`` (default) or ``Unit.SEK``.

    Raises:
        LedgerError: naming the object, for a bad row, year, amount or unit.

    Example:
        >>> obj = InvestmentObject(4, "Wifi kommunal verksamhet", "SOF",
        ...                        "Digitalisering och IT", {2023: 700})
        >>> obj.amount(2023), obj.amount(2024)
        (Decimal('700'), Decimal('0'))
    """

    row: int = line_field(as_row, _object_at)
    name: str = line_field(as_key, _object_at)
    group: str = line_field(as_key, _object_at)
    category: str = line_field(as_key, _object_at)
    amounts: FrozenMap[int, Decimal] = line_field(_as_amounts, _object_at, factory=FrozenMap)
    unit: Unit = line_field(as_money_unit, _object_at, default=Unit.TKR)

    def __init__(
        self,
        row: int | str,
        name: str,
        group: str,
        category: str,
        amounts: Mapping[int, NumberLike] | None = None,
        unit: Unit | str = Unit.TKR,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(row, name, group, category, amounts, unit)

    def amount(self, year: int) -> Decimal:
        """The amount for *year*; zero when the cell is empty."""
        return self.amounts.get(year, _ZERO)


def optional_as_key(value: object, at: str = "value") -> Any:
    """:func:`as_key`, or ``None``."""
    return None if value is None else as_key(value, at)


@attrs.frozen(init=False, field_transformer=F.locate)
class InvestmentSum:
    """A sum the investment table prints: "Summa tkr" or "Varav summa SOF" for a year.

    Attributes:
        year: The column.
        amount: The printed number.
        group: The group summed ("SOF"), or ``None`` for the whole table.
        category: The category summed, or ``None``.
        label: The printed label, e.g. "Varav summa SOF".
        unit: The unit it is printed in.

    Example:
        >>> InvestmentSum(2023, "9 110", label="Summa tkr").amount
        Decimal('9110')
        >>> InvestmentSum(2023, 4750, group="SOF").where("en")
        'Of which SOF'
    """

    year: int = attrs.field(converter=as_year)
    amount: Decimal = attrs.field(converter=as_number)
    group: str | None = attrs.field(default=None, converter=optional_as_key)
    category: str | None = attrs.field(default=None, converter=optional_as_key)
    label: str = attrs.field(default="", converter=as_label)
    unit: Unit = attrs.field(default=Unit.TKR, converter=as_money_unit)

    def __init__(
        self,
        year: int | str,
        amount: NumberLike,
        group: str | None = None,
        category: str | None = None,
        label: str = "",
        unit: Unit | str = Unit.TKR,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(year, amount, group, category, label, unit)

    def where(self, locale: str = "sv") -> str:
        """The label, or a made-up one ("Summa", "Varav summa SOF")."""
        if self.label:
            return self.label
        parts = [p for p in (self.group, self.category) if p]
        if not parts:
            return text("investments.where.total", locale)
        return text("investments.where.group", locale, parts=", ".join(parts))


@attrs.frozen
class InvestmentProblem:
    r"""A printed investment sum that does not add up (from :func:`styrmodell.ledger.check`).

    Like :class:`~styrmodell.ledger.LedgerProblem`, a finding about the document, not an error.

    Attributes:
        where: The printed row ("Varav summa SOF").
        year: The column.
        printed: The printed figure.
        computed: The sum of the objects.
        unit: The unit.

    Example:
        >>> InvestmentProblem("Summa tkr", 2024, Decimal(3610), Decimal(3820)).message()
        'Summa tkr, 2024: tryckt 3\xa0610\xa0tkr, beräknat 3\xa0820\xa0tkr'
    """

    where: str
    year: int
    printed: Decimal
    computed: Decimal
    unit: Unit = Unit.TKR

    def message(self, locale: str = "sv") -> str:
        """The problem in a sentence naming the row and the year."""
        return text(
            "investments.check.differs",
            locale,
            where=printable(self.where, newlines=False),
            year=self.year,
            printed=self.unit.format(self.printed, locale),
            computed=self.unit.format(self.computed, locale),
        )

    def __str__(self) -> str:
        return self.message("en")


@attrs.frozen
class InvestmentFollowUp:
    """Spent against budget for one object in one year, as an investment occasion reports.

    Attributes:
        object: The investeringsobjekt.
        year: The budget year.
        budget: The budgeted amount.
        spent: Spent so far (förbrukat).
        remaining: ``budget − spent``; negative when overspent.
        deviation: The deviation as a result (costs negative): positive when underspent.
    """

    object: InvestmentObject
    year: int
    budget: Decimal
    spent: Decimal
    remaining: Decimal
    deviation: LedgerDeviation

    @property
    def overspent(self) -> bool:
        """True when more is spent than budgeted."""
        return self.remaining < 0


def _first_unit(budget: InvestmentBudget) -> Unit:
    return budget.objects[0].unit if budget.objects else Unit.TKR


def optional_as_threshold(value: object, at: str = "value") -> Any:
    """:func:`as_threshold`, or ``None``."""
    return None if value is None else as_threshold(value, at)


@attrs.frozen(init=False, field_transformer=F.locate)
class InvestmentBudget:
    r"""An investeringsbudget: objects with an amount per year, grouped and categorised.

    A budget holds data; :mod:`styrmodell.ledger` holds what works on it (``total``,
    ``totals``, ``check``, ``follow_up``, ``assess``).

    Attributes:
        objects: The :class:`InvestmentObject` values; row numbers are unique.
        unit: ``Unit.TKR`` or ``Unit.SEK``; by default the first object's unit.
        printed: The sums the document prints (:class:`InvestmentSum`), which
            :func:`styrmodell.ledger.check` compares.
        threshold: A threshold (e.g. ``BudgetDeviation.no_negative()``) for follow-up.
        thresholds: Thresholds per group (or per row number as text).

    Raises:
        LedgerError: with one problem per duplicate row and unit mix.

    Example:
        >>> from styrmodell.ledger import total
        >>> budget = InvestmentBudget([
        ...     InvestmentObject(4, "Wifi kommunal verksamhet", "SOF", "Digitalisering och IT",
        ...                      {2023: 700}),
        ...     InvestmentObject(30, "Madrasser", "ÄF", "Inventarier", {2023: 150, 2024: 150}),
        ... ])
        >>> total(budget, 2023), total(budget, 2023, group="ÄF")
        (Decimal('850'), Decimal('150'))
        >>> budget.years, budget.groups
        ((2023, 2024), ('SOF', 'ÄF'))
    """

    objects: tuple[InvestmentObject, ...] = items_field(InvestmentObject)
    unit: Unit = attrs.field(
        default=attrs.Factory(_first_unit, takes_self=True), converter=as_money_unit, kw_only=True
    )
    printed: tuple[InvestmentSum, ...] = items_field(InvestmentSum, kw_only=True)
    threshold: Threshold | None = attrs.field(
        default=None, converter=optional_as_threshold, kw_only=True
    )
    thresholds: FrozenMap[str, Threshold] = thresholds_field()

    def __init__(
        self,
        objects: Iterable[InvestmentObject] = (),
        *,
        unit: Unit | str | None = None,
        printed: Iterable[InvestmentSum] = (),
        threshold: Threshold | None = None,
        thresholds: Mapping[str, Threshold] | None = None,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(
            objects,
            unit=attrs.NOTHING if unit is None else unit,
            printed=printed,
            threshold=threshold,
            thresholds=thresholds,
        )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        rows: set[int] = set()
        unit = self.unit
        for i, obj in enumerate(self.objects):
            at = f"objects[{i}] row {obj.row} {obj.name!r}"
            if obj.row in rows:
                problems.append(problem("ledger.duplicate_row", at))
            rows.add(obj.row)
            if obj.unit is not unit:
                problems.append(
                    problem(
                        "investments.unit_mix",
                        at,
                        unit=unit_name(obj.unit),
                        budget_unit=unit_name(unit),
                    )
                )
        for i, s in enumerate(self.printed):
            if s.unit is not unit:
                problems.append(
                    problem(
                        "investments.unit_mix",
                        f"printed[{i}] {s.where()} {s.year}",
                        unit=unit_name(s.unit),
                        budget_unit=unit_name(unit),
                    )
                )
        if problems:
            raise ledger_error("InvestmentBudget", problems)

    @functools.cached_property
    def years(self) -> tuple[int, ...]:
        """Every year with an amount, ascending."""
        return tuple(sorted({y for obj in self.objects for y in obj.amounts}))

    @functools.cached_property
    def groups(self) -> tuple[str, ...]:
        """The groups, in the order they first occur."""
        return tuple(dict.fromkeys(obj.group for obj in self.objects))

    @functools.cached_property
    def categories(self) -> tuple[str, ...]:
        """The categories, in the order they first occur."""
        return tuple(dict.fromkeys(obj.category for obj in self.objects))

    @functools.cached_property
    def _rows(self) -> dict[int, InvestmentObject]:
        return {obj.row: obj for obj in self.objects}

    def object(self, row: int) -> InvestmentObject:
        """The object on printed row *row*.

        Raises:
            LedgerError: for a row with no object.
        """
        found = self._rows.get(row) if isinstance(row, int) else None
        if found is None:
            raise failure(LedgerError, "investments.no_object", "row", value=row)
        return found
