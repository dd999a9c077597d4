"""Investment budgets: investeringsobjekt with an amount per year, summed exactly.

Swedish terms: *investeringsbudget* (the table), *investeringsobjekt* (an object: a row
number, a name, a group such as the förvaltning SOF or ÄF, and a category such as
"Digitalisering och IT", "Inventarier", "Utrustning"), *investeringsbelopp* (the amount per
year, positive), *Summa* / *Varav summa SOF* (printed sums), *förbrukat* (spent so far, reported
at the investment follow-up occasions in april, augusti, oktober and december).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from styrmodell._errors import LedgerError
from styrmodell._frozenmap import FrozenMap
from styrmodell._ledger import (
    LedgerDeviation,
    _text,
    exact_sum,
    money_unit,
    threshold_or_none,
    thresholds_by_key,
)
from styrmodell._locale import language
from styrmodell._numbers import NumberLike, to_decimal
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._units import Unit

__all__ = [
    "InvestmentBudget",
    "InvestmentFollowUp",
    "InvestmentObject",
    "InvestmentProblem",
    "InvestmentSum",
]

_ZERO = Decimal(0)


def _year(value: object, what: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise LedgerError(f"{what}: expected a year such as 2023, got {value!r}")
    return value


def _row(value: object, what: str = "row") -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise LedgerError(f"{what}: expected a row number ≥ 1, got {value!r}")
    return value


def _label(value: object) -> str:
    return _text(value, "label", allow_empty=True)


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value, "group or category")


def _sum_year(value: object) -> int:
    return _year(value, "printed sum year")


def _sum_amount(value: object) -> Decimal:
    return to_decimal(value, what="printed sum amount", error=LedgerError)


def _sum_unit(value: object) -> Unit:
    return money_unit(value, what="printed sum unit")


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

    row: int
    name: str
    group: str
    category: str
    amounts: FrozenMap[int, Decimal]
    unit: Unit = Unit.TKR

    def __init__(
        self,
        row: int,
        name: str,
        group: str,
        category: str,
        amounts: Mapping[int, NumberLike] | None = None,
        unit: Unit | str = Unit.TKR,
    ) -> None:
        r = _row(row, "investment object row")
        where = f"investment object row {r}"
        n = _text(name, f"{where}: name")
        where = f"{where} {n!r}"
        if amounts is None:
            amounts = {}
        if not isinstance(amounts, Mapping):
            raise LedgerError(f"{where}: amounts: expected a mapping of year to amount")
        converted = {
            _year(y, f"{where}: year"): to_decimal(
                v, what=f"{where}: amount for {y}", error=LedgerError
            )
            for y, v in amounts.items()
        }
        self.__attrs_init__(
            r,
            n,
            _text(group, f"{where}: group"),
            _text(category, f"{where}: category"),
            FrozenMap(dict(sorted(converted.items()))),
            money_unit(unit, what=f"{where}: unit"),
        )

    def amount(self, year: int) -> Decimal:
        """The amount for *year*; zero when the cell is empty."""
        return self.amounts.get(year, _ZERO)


@attrs.frozen
class InvestmentSum:
    """A sum the investment table prints: "Summa tkr" or "Varav summa SOF" for a year.

    Attributes:
        year: The column.
        amount: The printed number.
        group: The group summed ("SOF"), or ``None`` for the whole table.
        category: The category summed, or ``None``.
        label: The printed label, e.g. "Varav summa SOF".
        unit: The unit it is printed in.
    """

    year: int = attrs.field(converter=_sum_year)
    amount: Decimal = attrs.field(converter=_sum_amount)
    group: str | None = attrs.field(default=None, converter=_optional_text)
    category: str | None = attrs.field(default=None, converter=_optional_text)
    label: str = attrs.field(default="", converter=_label)
    unit: Unit = attrs.field(default=Unit.TKR, converter=_sum_unit)

    def where(self, locale: str = "sv") -> str:
        """The label, or a made-up one ("Summa", "Varav summa SOF")."""
        if self.label:
            return self.label
        sv = language(locale) == "sv"
        parts = [p for p in (self.group, self.category) if p]
        if not parts:
            return "Summa" if sv else "Total"
        return ("Varav summa " if sv else "Of which ") + ", ".join(parts)


@attrs.frozen
class InvestmentProblem:
    """A printed investment sum that does not add up (from :meth:`InvestmentBudget.check`).

    Attributes:
        where: The printed row ("Varav summa SOF").
        year: The column.
        printed: The printed figure.
        computed: The sum of the objects.
        unit: The unit.
    """

    where: str
    year: int
    printed: Decimal
    computed: Decimal
    unit: Unit = Unit.TKR

    def message(self, locale: str = "sv") -> str:
        """The problem in a sentence naming the row and the year."""
        p, c = self.unit.format(self.printed, locale), self.unit.format(self.computed, locale)
        if language(locale) == "sv":
            return f"{self.where}, {self.year}: tryckt {p}, beräknat {c}"
        return f"{self.where}, {self.year}: printed {p}, computed {c}"

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


def _objects(value: Iterable[InvestmentObject]) -> tuple[InvestmentObject, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise LedgerError(
            f"InvestmentBudget.objects: expected InvestmentObject values, got {value!r}"
        )
    objects = tuple(value)
    for i, obj in enumerate(objects):
        if not isinstance(obj, InvestmentObject):
            raise LedgerError(
                f"InvestmentBudget.objects[{i}]: expected an InvestmentObject, got {obj!r}"
            )
    return objects


def _sums(value: Iterable[InvestmentSum]) -> tuple[InvestmentSum, ...]:
    sums = tuple(value)
    for i, s in enumerate(sums):
        if not isinstance(s, InvestmentSum):
            raise LedgerError(
                f"InvestmentBudget.printed[{i}]: expected an InvestmentSum, got {s!r}"
            )
    return sums


def _budget_unit(value: object) -> Unit:
    return money_unit(value, what="InvestmentBudget.unit")


def _thresholds(value: object) -> FrozenMap[str, Threshold]:
    return thresholds_by_key(value, owner="InvestmentBudget")


_CSV_COLUMNS = ("record", "row", "name", "group", "category", "year", "amount", "unit")


@attrs.frozen
class InvestmentBudget:
    r"""An investeringsbudget: objects with an amount per year, totals per year, group, category.

    Attributes:
        objects: The :class:`InvestmentObject` values; row numbers are unique.
        unit: ``Unit.TKR`` or ``Unit.SEK``; by default the first object's unit.
        printed: The sums the document prints (:class:`InvestmentSum`); :meth:`check`
            compares them.
        threshold: A threshold (e.g. ``BudgetDeviation.no_negative()``) for follow-up.
        thresholds: Thresholds per group (or per row number as text).

    Raises:
        LedgerError: listing every duplicate row and unit mix.

    Example:
        >>> budget = InvestmentBudget([
        ...     InvestmentObject(4, "Wifi kommunal verksamhet", "SOF", "Digitalisering och IT",
        ...                      {2023: 700}),
        ...     InvestmentObject(30, "Madrasser", "ÄF", "Inventarier", {2023: 150, 2024: 150}),
        ... ])
        >>> budget.total(2023), budget.total(2023, group="ÄF")
        (Decimal('850'), Decimal('150'))
        >>> budget.unit.format(budget.total(2023))
        '850\xa0tkr'
    """

    objects: tuple[InvestmentObject, ...] = attrs.field(default=(), converter=_objects)
    unit: Unit = attrs.field(kw_only=True, converter=_budget_unit)
    printed: tuple[InvestmentSum, ...] = attrs.field(default=(), kw_only=True, converter=_sums)
    threshold: Threshold | None = attrs.field(
        default=None, kw_only=True, converter=threshold_or_none
    )
    thresholds: FrozenMap[str, Threshold] = attrs.field(
        factory=FrozenMap, kw_only=True, converter=_thresholds
    )

    @unit.default
    def _default_unit(self) -> Unit:
        return self.objects[0].unit if self.objects else Unit.TKR

    def __attrs_post_init__(self) -> None:
        problems = []
        rows: set[int] = set()
        for i, obj in enumerate(self.objects):
            if obj.row in rows:
                problems.append(f"objects[{i}] row {obj.row} {obj.name!r}: duplicate row")
            rows.add(obj.row)
            if obj.unit is not self.unit:
                problems.append(
                    f"objects[{i}] row {obj.row} {obj.name!r}: unit {obj.unit.suffix()} in a "
                    f"budget in {self.unit.suffix()}"
                )
        for i, s in enumerate(self.printed):
            if s.unit is not self.unit:
                problems.append(
                    f"printed[{i}] {s.where()} {s.year}: unit {s.unit.suffix()} in a budget "
                    f"in {self.unit.suffix()}"
                )
        if problems:
            raise LedgerError("InvestmentBudget: " + "; ".join(problems))

    # -- what is in it -----------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        """Every year with an amount, ascending."""
        return tuple(sorted({y for obj in self.objects for y in obj.amounts}))

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups, in the order they first occur."""
        return tuple(dict.fromkeys(obj.group for obj in self.objects))

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories, in the order they first occur."""
        return tuple(dict.fromkeys(obj.category for obj in self.objects))

    def object(self, row: int) -> InvestmentObject:
        """The object on printed row *row*.

        Raises:
            LedgerError: for a row with no object.
        """
        for obj in self.objects:
            if obj.row == row:
                return obj
        raise LedgerError(f"row: no investment object on row {row!r}")

    def _select(self, group: str | None, category: str | None) -> list[InvestmentObject]:
        if group is not None and group not in self.groups:
            raise LedgerError(f"group: unknown group {group!r}; the budget has {list(self.groups)}")
        if category is not None and category not in self.categories:
            raise LedgerError(
                f"category: unknown category {category!r}; the budget has {list(self.categories)}"
            )
        return [
            obj
            for obj in self.objects
            if (group is None or obj.group == group)
            and (category is None or obj.category == category)
        ]

    # -- totals ------------------------------------------------------------------------------

    def total(self, year: int, *, group: str | None = None, category: str | None = None) -> Decimal:
        """The sum for *year*, over the table or one group and/or category."""
        year = _year(year, "year")
        return exact_sum(obj.amount(year) for obj in self._select(group, category))

    def totals(
        self, *, by: Literal["year", "group", "category"] = "year", year: int | None = None
    ) -> FrozenMap[Any, Decimal]:
        """Sums per year (``by="year"``), or per group / category in *year*.

        Example: ``budget.totals(by="group", year=2023)`` → ``{"SOF": 4750, "ÄF": 4360}``.
        """
        if by == "year":
            return FrozenMap({y: self.total(y) for y in self.years})
        if year is None:
            raise LedgerError(f"totals(by={by!r}): give the year")
        if by == "group":
            return FrozenMap({g: self.total(year, group=g) for g in self.groups})
        if by == "category":
            return FrozenMap({c: self.total(year, category=c) for c in self.categories})
        raise LedgerError(f"by: expected 'year', 'group' or 'category', got {by!r}")

    # -- check and follow-up -----------------------------------------------------------------

    def check(self) -> tuple[InvestmentProblem, ...]:
        """Compare every printed sum with the sum of its objects; every problem, not the first."""
        problems = []
        groups, categories = set(self.groups), set(self.categories)
        for s in self.printed:
            if (s.group is not None and s.group not in groups) or (
                s.category is not None and s.category not in categories
            ):
                computed = _ZERO
            else:
                computed = self.total(s.year, group=s.group, category=s.category)
            if computed != s.amount:
                problems.append(InvestmentProblem(s.where(), s.year, s.amount, computed, self.unit))
        return tuple(problems)

    def follow_up(
        self, year: int, spent: Mapping[int, NumberLike]
    ) -> tuple[InvestmentFollowUp, ...]:
        """Spent against budget for every object with a budget or spending in *year*.

        Args:
            year: The budget year.
            spent: Row number → spent so far (objects not listed have spent nothing).

        Raises:
            LedgerError: for a row with no object, or a non-number (naming the row).
        """
        year = _year(year, "year")
        rows = {obj.row: obj for obj in self.objects}
        amounts: dict[int, Decimal] = {}
        for row, value in spent.items():
            if row not in rows:
                raise LedgerError(f"spent: no investment object on row {row!r}")
            amounts[row] = to_decimal(
                value, what=f"spent on row {row} {rows[row].name!r}", error=LedgerError
            )
        out = []
        for obj in self.objects:
            budget = obj.amount(year)
            used = amounts.get(obj.row, _ZERO)
            if year not in obj.amounts and obj.row not in amounts:
                continue
            out.append(
                InvestmentFollowUp(
                    obj,
                    year,
                    budget,
                    used,
                    exact_sum((budget, -used)),
                    LedgerDeviation.of(-used, -budget, self.unit),
                )
            )
        return tuple(out)

    def assess(
        self,
        year: int,
        spent: Mapping[int, NumberLike],
        *,
        of: str | int | None = None,
        threshold: Threshold | None = None,
    ) -> Assessment:
        """Assess spending against budget ("Nämnden håller sin budget på samtliga investeringar").

        Spending counts as a cost: the threshold gets ``−spent`` as the outcome and
        ``Context(budget=−budget)``, so underspending is a positive deviation.

        Args:
            year: The budget year.
            spent: Row number → spent so far.
            of: ``None`` (the whole budget), a group, or a row number.
            threshold: Overrides ``thresholds[of]`` and ``threshold``.

        Raises:
            LedgerError: for an unknown group or row, or no threshold.
        """
        rule = threshold
        if rule is None and of is not None:
            rule = self.thresholds.get(str(of))
        if rule is None:
            rule = self.threshold
        if rule is None:
            raise LedgerError(f"assess: no threshold for {of or 'the budget'!r}")
        if isinstance(of, int) and not isinstance(of, bool):
            self.object(of)
        elif of is not None and of not in self.groups:
            raise LedgerError(f"of: unknown group {of!r}; the budget has {list(self.groups)}")
        items = [
            f
            for f in self.follow_up(year, spent)
            if of is None or f.object.row == of or f.object.group == of
        ]
        used = exact_sum(f.spent for f in items)
        budget = exact_sum(f.budget for f in items)
        return rule.assess(-used, Context(budget=-budget))

    # -- CSV ---------------------------------------------------------------------------------

    @classmethod
    def from_csv(cls, text: str, **fields: Any) -> InvestmentBudget:
        """Read an investment budget from CSV text.

        Columns: ``record,row,name,group,category,year,amount,unit``. ``record`` is
        ``object`` (one row per object and year; an object with no amounts has one row with
        ``year`` and ``amount`` empty) or ``printed`` (a printed sum: ``name`` is the label,
        ``group`` / ``category`` narrow it, ``row`` is empty).

        Raises:
            LedgerError: listing every bad row by its number.
        """
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or tuple(reader.fieldnames) != _CSV_COLUMNS:
            raise LedgerError(
                f"CSV header: expected {','.join(_CSV_COLUMNS)}, got {reader.fieldnames!r}"
            )
        objects: dict[int, dict[str, Any]] = {}
        printed: list[InvestmentSum] = []
        problems: list[str] = []
        for number, row in enumerate(reader, start=2):
            try:
                if None in row or any(v is None for v in row.values()):
                    raise LedgerError(f"expected {len(_CSV_COLUMNS)} columns")
                record = row["record"].strip()
                if record == "object":
                    r = _row(row["row"])
                    spec = objects.setdefault(
                        r,
                        {
                            "name": row["name"],
                            "group": row["group"],
                            "category": row["category"],
                            "unit": row["unit"] or "tkr",
                            "amounts": {},
                        },
                    )
                    for key in ("name", "group", "category"):
                        if spec[key].strip() != row[key].strip():
                            raise LedgerError(
                                f"row {r}: {key} {row[key]!r} differs from {spec[key]!r}"
                            )
                    if row["year"].strip():
                        y = _year(row["year"], f"row {r}: year")
                        if y in spec["amounts"]:
                            raise LedgerError(f"row {r}: year {y} given twice")
                        spec["amounts"][y] = row["amount"]
                elif record == "printed":
                    printed.append(
                        InvestmentSum(
                            row["year"],
                            row["amount"],
                            group=row["group"].strip() or None,
                            category=row["category"].strip() or None,
                            label=row["name"],
                            unit=row["unit"] or "tkr",
                        )
                    )
                else:
                    raise LedgerError(f"record: expected 'object' or 'printed', got {record!r}")
            except LedgerError as exc:
                problems.append(f"row {number}: {exc}")
        built = []
        for r, spec in objects.items():
            try:
                built.append(InvestmentObject(r, **spec))
            except LedgerError as exc:
                problems.append(str(exc))
        if problems:
            raise LedgerError("CSV: " + "; ".join(problems))
        return cls(built, printed=printed, **fields)

    def to_csv(self) -> str:
        """The budget as CSV text (objects and printed sums); see :meth:`from_csv`."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        unit = "tkr" if self.unit is Unit.TKR else "kr"
        for obj in self.objects:
            if not obj.amounts:
                writer.writerow(
                    ("object", obj.row, obj.name, obj.group, obj.category, "", "", unit)
                )
            for year, amount in obj.amounts.items():
                writer.writerow(
                    ("object", obj.row, obj.name, obj.group, obj.category, year, str(amount), unit)
                )
        for s in self.printed:
            writer.writerow(
                (
                    "printed",
                    "",
                    s.label,
                    s.group or "",
                    s.category or "",
                    s.year,
                    str(s.amount),
                    unit,
                )
            )
        return out.getvalue()
