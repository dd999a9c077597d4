r"""The investment budget CSV format: objects with an amount per year, and printed sums.

Swedish terms: *investeringsbudget*, *investeringsobjekt*, *Rad-nummer* (the printed row
number), *Summa tkr* / *Varav summa SOF* (printed sums).

Columns: ``record,row,name,group,category,year,amount,unit`` (in any order). ``record`` is

- ``object``: one row per object and year (an object with no amounts has one row with
  ``year`` and ``amount`` empty); ``row`` is the printed row number, and every row of an
  object repeats its ``name``, ``group``, ``category`` and ``unit``;
- ``printed``: a printed sum; ``name`` is its label, ``group`` / ``category`` narrow it,
  ``row`` is empty.

An empty ``unit`` is tkr.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import LedgerError, Problem
from styrmodell._investments import (
    InvestmentBudget,
    InvestmentObject,
    InvestmentSum,
    as_row,
    as_year,
)
from styrmodell._io._budget_csv import (
    Cells,
    Target,
    check_header,
    escape,
    located,
    raise_if,
    unit_cell,
    write_to,
)
from styrmodell._io._csv import DEFAULT_LIMITS, Encoding, Limits, Source, write_table
from styrmodell._io._tables import read_rows
from styrmodell._ledger_base import F, as_key, as_label, ledger_error, unit_name
from styrmodell._messages import problem
from styrmodell._units import Unit

__all__ = ["COLUMNS", "read_investments", "records", "write_investments"]

COLUMNS = ("record", "row", "name", "group", "category", "year", "amount", "unit")
"""The columns of an investment budget file, in the order :func:`write_investments` writes."""


@attrs.define
class _Object:
    """An object as its rows are read: what every row repeats, and the amounts so far."""

    line: int
    name: str
    group: str
    category: str
    unit: Unit
    amounts: dict[int, Decimal] = attrs.Factory(dict)


def read_investments(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
    **fields: Any,
) -> InvestmentBudget:
    r"""Read an :class:`~styrmodell.InvestmentBudget` from a CSV file.

    The separator (``,``, ``;`` or tab) is taken from the header; see the module for the
    columns.

    Args:
        source: A path, the file's bytes, or an open file: CSV, or an Excel workbook
            (.xlsx, with the ``excel`` extra) holding the same columns in a sheet.
        sheet: The workbook's sheet (name or number from 1); by default the first sheet
            whose header holds the columns.
        name: How problems name the file; the path by default.
        encoding: ``"utf-8"`` (a byte order mark is allowed), or ``"auto"`` to read a file
            that is not UTF-8 as cp1252 (what Swedish Excel saves).
        limits: Size caps (:class:`styrmodell._io._csv.Limits`).
        **fields: Further :class:`~styrmodell.InvestmentBudget` fields (``threshold``...).

    Raises:
        SerializationError: for a file that cannot be read as CSV, naming the file and line.
        LedgerError: with one problem per bad cell or row, located by the file's line.

    Example:
        >>> data = (
        ...     "record,row,name,group,category,year,amount,unit\n"
        ...     "object,4,Wifi kommunal verksamhet,SOF,Digitalisering och IT,2023,700,tkr\n"
        ... ).encode()
        >>> read_investments(data).objects[0].amounts
        FrozenMap({2023: Decimal('700')})
    """
    table = read_rows(
        source, sheet=sheet, name=name, columns=COLUMNS, encoding=encoding, limits=limits
    )
    check_header(table, COLUMNS)
    objects: dict[int, _Object] = {}
    printed: list[InvestmentSum] = []
    problems: list[Problem] = []
    for row in table.rows:
        cells = Cells(table, row, problems)
        record = cells.text("record")
        if record == "object":
            _object_row(cells, objects)
        elif record == "printed":
            found = _printed(cells)
            if found is not None:
                printed.append(found)
        else:
            cells.fail([problem("investments.csv_record", "record", value=record)])
    built = []
    for number, spec in objects.items():
        try:
            built.append(
                InvestmentObject(
                    number, spec.name, spec.group, spec.category, spec.amounts, spec.unit
                )
            )
        except LedgerError as exc:
            problems.extend(located(p, f"{table.name}:{spec.line}") for p in exc.problems)
    raise_if(table.name, problems)
    if not built and printed:
        fields.setdefault("unit", printed[0].unit)
    try:
        return InvestmentBudget(built, printed=printed, **fields)
    except LedgerError as exc:
        raise ledger_error(table.name, [located(p, table.name) for p in exc.problems]) from None


def _object_row(cells: Cells, objects: dict[int, _Object]) -> None:
    number = cells.read("row", as_row)
    name = cells.read("name", as_key)
    group = cells.read("group", as_key)
    category = cells.read("category", as_key)
    unit = cells.read("unit", unit_cell)
    year = cells.read("year", as_year) if cells.text("year") else None
    amount = cells.read("amount", F.as_decimal) if year is not None else None
    if year is None and cells.text("amount"):
        cells.fail([problem("investments.csv_amount_without_year", "year")])
    if cells.bad:
        return
    spec = objects.setdefault(number, _Object(cells.row.line, name, group, category, unit))
    for column, value, first in (
        ("name", name, spec.name),
        ("group", group, spec.group),
        ("category", category, spec.category),
        ("unit", unit_name(unit), unit_name(spec.unit)),
    ):
        if value != first:
            cells.fail(
                [
                    problem(
                        "investments.csv_differs",
                        column,
                        value=value,
                        first=repr(first),
                        row=number,
                        line=spec.line,
                    )
                ]
            )
    if year is None or amount is None or cells.bad:
        return
    if year in spec.amounts:
        cells.fail([problem("investments.csv_year_twice", "year", value=year, row=number)])
        return
    spec.amounts[year] = amount


def _printed(cells: Cells) -> InvestmentSum | None:
    year = cells.read("year", as_year)
    amount = cells.read("amount", F.as_decimal)
    group = cells.read("group", as_key) if cells.text("group") else None
    category = cells.read("category", as_key) if cells.text("category") else None
    label = cells.read("name", as_label)
    unit = cells.read("unit", unit_cell)
    if cells.text("row"):
        cells.fail([problem("investments.csv_printed_row", "row", value=cells.text("row"))])
    if cells.bad:
        return None
    return cells.build(
        lambda: InvestmentSum(year, amount, group=group, category=category, label=label, unit=unit)
    )


def write_investments(
    budget: InvestmentBudget, target: Target | None = None, *, excel: bool = False
) -> str:
    r"""Write *budget* as CSV: its objects and printed sums (see :func:`read_investments`).

    Thresholds are not written: pass them to :func:`read_investments`. Text cells that a
    spreadsheet would run as a formula get a ``'`` in front (reading takes it off); amounts
    and years stay numbers.

    Args:
        budget: The investment budget.
        target: A path or an open text file to write to; ``None`` only returns the text.
        excel: "CSV för Excel": ``;`` separators, decimal comma, a byte order mark.

    Returns:
        The CSV text.

    Raises:
        SerializationError: when the file cannot be written.

    Example:
        >>> budget = InvestmentBudget([InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})])
        >>> print(write_investments(budget), end="")
        record,row,name,group,category,year,amount,unit
        object,4,Wifi,SOF,IT,2023,700,tkr
    """
    return write_to(write_table(COLUMNS, records(budget), excel=excel), target)


def records(budget: InvestmentBudget) -> list[tuple[object, ...]]:
    """The rows of an investment budget file (:data:`COLUMNS`): objects and printed sums."""
    rows: list[tuple[object, ...]] = []
    for obj in budget.objects:
        cells = (obj.row, escape(obj.name), escape(obj.group), escape(obj.category))
        unit = unit_name(obj.unit)
        if not obj.amounts:
            rows.append(("object", *cells, None, None, unit))
        for year, amount in obj.amounts.items():
            rows.append(("object", *cells, year, amount, unit))
    for s in budget.printed:
        rows.append(
            (
                "printed",
                None,
                escape(s.label),
                escape(s.group or ""),
                escape(s.category or ""),
                s.year,
                s.amount,
                unit_name(s.unit),
            )
        )
    return rows
