r"""The ledger CSV format: lines, printed figures and the chart of a budget table.

Swedish terms: *internbudget* (the table a ledger file holds), *S:a* (a printed sum),
*Varav summa SOF* (a printed sub-total), *CSV för Excel* (semicolons, decimal comma).

Columns: ``record,code,name,group,kind,scenario,amount,unit`` (in any order). ``record`` is

- ``line``: a :class:`~styrmodell.ledger.LedgerLine` (``code``, ``name``, ``kind``, ``scenario``,
  ``amount``, ``unit``); a ``group``, if given, puts the code in the chart;
- ``printed``: a :class:`~styrmodell.ledger.PrintedFigure` — with a ``code`` a row figure, without
  one a sum whose label is ``name``; with a ``group`` a sub-total;
- ``chart``: ``code`` → ``group``.

Amounts may be written "−58 117", "-58117" or "2,5"; an empty ``unit`` is tkr.
"""

from __future__ import annotations

from typing import Any

from styrmodell._errors import LedgerError, Problem
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
from styrmodell._ledger import Ledger, PrintedFigure
from styrmodell._ledger_base import F, as_key, as_label, as_money_unit, ledger_error, unit_name
from styrmodell._ledger_index import index_lines
from styrmodell._ledger_lines import LedgerLine, Verksamhet, as_kind, as_line_kind
from styrmodell._messages import problem
from styrmodell._units import Unit

__all__ = ["COLUMNS", "read_ledger", "records", "write_ledger"]

COLUMNS = ("record", "code", "name", "group", "kind", "scenario", "amount", "unit")
"""The columns of a ledger file, in the order :func:`write_ledger` writes them."""


def read_ledger(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
    **fields: Any,
) -> Ledger:
    r"""Read a :class:`~styrmodell.Ledger` from a CSV file.

    The separator (``,``, ``;`` or tab) is taken from the header, so "CSV för Excel" reads
    as well; see the module for the columns.

    Args:
        source: A path, the file's bytes, or an open file: CSV, or an Excel workbook
            (.xlsx, with the ``excel`` extra) holding the same columns in a sheet.
        sheet: The workbook's sheet (name or number from 1); by default the first sheet
            whose header holds the columns.
        name: How problems name the file; the path by default.
        encoding: ``"utf-8"`` (a byte order mark is allowed), or ``"auto"`` to read a file
            that is not UTF-8 as cp1252 (what Swedish Excel saves).
        limits: Size caps (:class:`styrmodell._io._csv.Limits`).
        **fields: Further :class:`~styrmodell.Ledger` fields (``changes``, ``threshold``,
            ``chart``...); a ``chart`` given here replaces the file's.

    Raises:
        SerializationError: for a file that cannot be read as CSV (size, encoding, a field
            too long, a row with too many cells), naming the file and line.
        LedgerError: with one problem per bad cell or row (``"budget.csv:12: amount:
            expected a number, got 'tolv'"``), duplicate line or unit mix.

    Example:
        >>> data = (
        ...     "record,code,name,group,kind,scenario,amount,unit\n"
        ...     "line,54,Individ och familjeomsorg,,kostnader,Budget 2022,−58 117,tkr\n"
        ... ).encode()
        >>> read_ledger(data).lines[0].amount
        Decimal('-58117')
    """
    table = read_rows(
        source, sheet=sheet, name=name, columns=COLUMNS, encoding=encoding, limits=limits
    )
    check_header(table, COLUMNS)
    lines: list[LedgerLine] = []
    places: list[str] = []
    printed: list[PrintedFigure] = []
    chart: dict[str, str] = {}
    problems: list[Problem] = []
    for row in table.rows:
        cells = Cells(table, row, problems)
        record = cells.text("record")
        if record == "line":
            line = _line(cells, chart)
            if line is not None:
                lines.append(line)
                places.append(table.where(row))
        elif record == "printed":
            figure = _printed(cells)
            if figure is not None:
                printed.append(figure)
        elif record == "chart":
            code, group = cells.read("code", as_key), cells.read("group", as_key)
            if not cells.bad:
                _chart(cells, chart, code, group)
        else:
            cells.fail([problem("ledger.csv_record", "record", value=record)])
    raise_if(table.name, problems)
    unit = _ledger_unit(fields, lines)
    if unit is not None:
        # The ledger finds these too; here they are named by the line of the file.
        found = index_lines(lines, unit, at=lambda i, _: places[i])
        raise_if(table.name, list(found.problems))
    if chart:
        fields.setdefault("chart", chart)
    if not lines and printed:
        fields.setdefault("unit", printed[0].unit)
    try:
        return Ledger(lines, printed=printed, **fields)
    except LedgerError as exc:
        raise ledger_error(table.name, [located(p, table.name) for p in exc.problems]) from None


def _ledger_unit(fields: dict[str, Any], lines: list[LedgerLine]) -> Unit | None:
    given = fields.get("unit", lines[0].unit if lines else Unit.TKR)
    try:
        return as_money_unit(given, "unit")
    except LedgerError:
        return None  # the ledger names the bad unit


def _line(cells: Cells, chart: dict[str, str]) -> LedgerLine | None:
    code = cells.read("code", as_key)
    name = cells.read("name", as_label)
    kind = cells.read("kind", as_line_kind)
    scenario = cells.read("scenario", as_key)
    amount = cells.read("amount", F.as_decimal)
    unit = cells.read("unit", unit_cell)
    group = cells.read("group", as_key) if cells.text("group") else None
    if cells.bad or (group is not None and not _chart(cells, chart, code, group)):
        return None
    return LedgerLine(Verksamhet(code, name), kind, scenario, amount, unit)


def _printed(cells: Cells) -> PrintedFigure | None:
    code = cells.text("code")
    kind = cells.read("kind", as_kind)
    scenario = cells.read("scenario", as_key)
    amount = cells.read("amount", F.as_decimal)
    unit = cells.read("unit", unit_cell)
    name = cells.read("name", as_label)
    group = cells.read("group", as_key) if cells.text("group") else None
    if cells.bad:
        return None
    return cells.build(
        lambda: PrintedFigure(
            kind,
            scenario,
            amount,
            verksamhet=Verksamhet(code, name) if code else None,
            group=group,
            label="" if code else name,
            unit=unit,
        )
    )


def _chart(cells: Cells, chart: dict[str, str], code: str, group: str) -> bool:
    known = chart.setdefault(code, group)
    if known != group:
        cells.fail(
            [
                problem(
                    "ledger.csv_two_groups",
                    "group",
                    code=repr(code),
                    first=repr(known),
                    value=group,
                )
            ]
        )
        return False
    return True


def write_ledger(ledger: Ledger, target: Target | None = None, *, excel: bool = False) -> str:
    r"""Write *ledger* as CSV: its lines, printed figures and chart (see :func:`read_ledger`).

    Change columns and thresholds are not written: pass them to :func:`read_ledger`. Text
    cells that a spreadsheet would run as a formula get a ``'`` in front (reading takes it
    off); amounts stay numbers, so a negative amount still reads as a number.

    Args:
        ledger: The ledger.
        target: A path or an open text file to write to; ``None`` only returns the text.
        excel: "CSV för Excel": ``;`` separators, decimal comma, a byte order mark.

    Returns:
        The CSV text.

    Raises:
        SerializationError: when the file cannot be written.

    Example:
        >>> from styrmodell.ledger import LedgerLine
        >>> print(write_ledger(Ledger([LedgerLine("54 =IFO", "kostnader", "B", -1)])), end="")
        record,code,name,group,kind,scenario,amount,unit
        line,54,'=IFO,,kostnader,B,-1,tkr
    """
    return write_to(write_table(COLUMNS, records(ledger), excel=excel), target)


def records(ledger: Ledger) -> list[tuple[object, ...]]:
    """The rows of a ledger file (:data:`COLUMNS`): lines, printed figures, the chart.

    Text that starts with ``'`` before a formula sign has one more ``'`` (see
    :func:`~styrmodell._io._budget_csv.escape`); amounts are numbers.
    """
    rows: list[tuple[object, ...]] = []
    for line in ledger.lines:
        v = line.verksamhet
        rows.append(
            (
                "line",
                escape(v.code),
                escape(v.name),
                "",
                line.kind.value,
                escape(line.scenario),
                line.amount,
                unit_name(line.unit),
            )
        )
    for fig in ledger.printed:
        code = fig.verksamhet.code if fig.verksamhet else ""
        name = fig.verksamhet.name if fig.verksamhet else fig.label
        rows.append(
            (
                "printed",
                escape(code),
                escape(name),
                escape(fig.group or ""),
                fig.kind.value,
                escape(fig.scenario),
                fig.amount,
                unit_name(fig.unit),
            )
        )
    for code, group in ledger.chart.items():
        rows.append(("chart", escape(code), "", escape(group), "", "", None, ""))
    return rows
