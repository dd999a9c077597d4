r"""Tables from CSV files and Excel sheets alike, and what was detected in them.

Swedish terms: *avgränsare* (separator), *decimaltecken* (decimal sign), *teckenkodning*
(encoding), *CSV för Excel* (semicolons, decimal comma, a byte order mark).

:func:`read_rows` is the one entry of every reader of styrmodell's tables (outcomes,
ledgers, investment budgets, target tables for ``styrmodell import``): it reads a CSV file
or a sheet of an .xlsx workbook into the same :class:`~styrmodell._io._csv.Table`.
:func:`sniff` says what it found — CSV or a workbook, the encoding, the separator, the
decimal sign, the sheet — for ``--verbose``.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence

import attrs

from styrmodell._errors import SerializationError
from styrmodell._io._csv import (
    DEFAULT_LIMITS,
    Columns,
    Encoding,
    Limits,
    Source,
    Table,
    read_bytes,
    read_columns,
    read_table,
)
from styrmodell._io._xlsx import XLSX_SUFFIXES, is_workbook, read_sheet
from styrmodell._messages import failure, ntext, text

__all__ = ["Layout", "read_column_table", "read_rows", "sniff"]


def _given_name(source: Source) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    found = getattr(source, "name", None)
    return found if isinstance(found, str) and found else None


def _suffix(source: Source) -> str:
    if isinstance(source, str | os.PathLike):
        return os.path.splitext(os.fspath(source))[1].lower()
    return ""


def read_rows(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    required: Sequence[str] = (),
    columns: Sequence[str] = (),
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    r"""Read a table from a CSV file or a sheet of an .xlsx workbook, whichever *source* is.

    A workbook is known by its content (a zip, or the old .xls format, which is refused
    with advice) or by its suffix; anything else is read as CSV
    (:func:`~styrmodell._io._csv.read_table`).

    Args:
        source: A path, the file's bytes, or an open file.
        sheet: The sheet of a workbook (see :func:`read_sheet`); a CSV file has none, so
            giving one for a CSV file is an error.
        name: How messages name the file.
        required: Columns that must be in the header.
        columns: For a workbook without *sheet*: read the first sheet whose header holds
            these columns.
        encoding: For CSV: ``"utf-8"`` or ``"auto"`` (cp1252 when not UTF-8).
        limits: Size caps.

    Raises:
        SerializationError: naming the file and line (CSV) or sheet and cell (xlsx).

    Examples:
        >>> read_rows(b"indicator;value\nnki;1,5\n").rows[0].cells
        {'indicator': 'nki', 'value': '1,5'}
    """
    given = name or _given_name(source)
    suffix = _suffix(source)
    if suffix == ".ods":
        raise failure(SerializationError, "xlsx.opendocument", given or "<xlsx>")
    if suffix in (*XLSX_SUFFIXES, ".xls"):
        return read_sheet(
            source, sheet=sheet, name=given, required=required, columns=columns, limits=limits
        )
    data = read_bytes(source, name=given or "<file>", limits=limits)
    if isinstance(data, bytes) and is_workbook(data):
        return read_sheet(
            data,
            sheet=sheet,
            name=given or "<xlsx>",
            required=required,
            columns=columns,
            limits=limits,
        )
    if sheet is not None:
        raise failure(SerializationError, "xlsx.csv_has_no_sheets", given or "<csv>", value=sheet)
    text: bytes | io.StringIO = data if isinstance(data, bytes) else io.StringIO(data)
    return read_table(
        text, name=given or "<csv>", required=required, encoding=encoding, limits=limits
    )


def read_column_table(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    required: Sequence[str] = (),
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
) -> Columns:
    r"""Read a CSV file or a sheet of a workbook column by column (see :func:`read_rows`).

    A CSV file is read by :func:`~styrmodell._io._csv.read_columns`; a sheet is read by
    :func:`~styrmodell._io._xlsx.read_sheet` and turned into columns, which name their cells
    as the sheet does (:meth:`~styrmodell._io._csv.Columns.where`).

    Examples:
        >>> read_column_table(b"indicator;value\nnki;1,5\n").column("value")
        ('1,5',)
    """
    given = name or _given_name(source)
    suffix = _suffix(source)
    if suffix not in (*XLSX_SUFFIXES, ".xls", ".ods") and sheet is None:
        data = read_bytes(source, name=given or "<file>", limits=limits)
        if not (isinstance(data, bytes) and is_workbook(data)):
            text: bytes | io.StringIO = data if isinstance(data, bytes) else io.StringIO(data)
            return read_columns(
                text, name=given or "<csv>", required=required, encoding=encoding, limits=limits
            )
        source = data
    table = read_rows(
        source, sheet=sheet, name=given, required=required, encoding=encoding, limits=limits
    )
    cells = tuple(tuple(row.cells.get(column, "") for row in table.rows) for column in table.header)
    return Columns(
        table.name,
        table.header,
        tuple(row.line for row in table.rows),
        cells,
        table.encoding,
        table.delimiter,
        sheet=table.sheet,
        letters=table.letters,
    )


# A number written with a decimal comma ("1,5", "−58 117,25") or a decimal point ("1.5").
_COMMA = re.compile(r"[+\-\u2212]?\d{1,3}(?:[ \u00a0]\d{3})*,\d+|[+\-\u2212]?\d+,\d+")
_POINT = re.compile(r"[+\-\u2212]?\d+\.\d+")


@attrs.frozen
class Layout:
    r"""What :func:`sniff` found in a table file.

    Attributes:
        format: ``"csv"`` or ``"xlsx"``.
        encoding: ``"utf-8"``, ``"utf-8-sig"`` (with a byte order mark) or ``"cp1252"``;
            ``""`` for a workbook.
        separator: ``","``, ``";"`` or ``"\t"``; ``""`` for a workbook.
        decimal: ``","`` or ``"."`` when the numbers written as text use one of them,
            ``""`` when none (or both) do; a workbook's numbers are stored as numbers.
        sheet: The sheet read, for a workbook.
        header: The columns.
        rows: The number of data rows.
    """

    format: str
    encoding: str
    separator: str
    decimal: str
    sheet: str | None
    header: tuple[str, ...]
    rows: int

    @classmethod
    def of(cls, table: Table) -> Layout:
        """The layout of a table read by :func:`read_rows`."""
        comma = point = 0
        for row in table.rows:
            for cell in row.cells.values():
                value = cell.strip()
                if _COMMA.fullmatch(value):
                    comma += 1
                elif _POINT.fullmatch(value):
                    point += 1
        decimal = "," if comma and not point else "." if point and not comma else ""
        if table.sheet is not None:
            return cls("xlsx", "", "", "", table.sheet, table.header, len(table.rows))
        return cls(
            "csv", table.encoding, table.delimiter, decimal, None, table.header, len(table.rows)
        )

    def describe(self, locale: str = "sv") -> str:
        """What was detected, in words: "CSV, cp1252, avgränsare ';', decimalkomma, 40 rader".

        Examples:
            >>> Layout("csv", "cp1252", ";", ",", None, ("a",), 40).describe()
            "CSV, teckenkodning cp1252, avgränsare ';', decimalkomma, 40 rader"
            >>> Layout("xlsx", "", "", "", "Utfall", ("a",), 1).describe("en")
            "Excel workbook, sheet 'Utfall', 1 row"
        """
        rows = ntext("xlsx.layout.rows", self.rows, locale)
        if self.format == "xlsx":
            return text("xlsx.layout.workbook", locale, sheet=repr(self.sheet), rows=rows)
        separator = (
            text("xlsx.layout.tab", locale) if self.separator == "\t" else repr(self.separator)
        )
        decimal = {
            ",": text("xlsx.layout.decimal_comma", locale),
            ".": text("xlsx.layout.decimal_point", locale),
        }.get(self.decimal, text("xlsx.layout.no_decimals", locale))
        return text(
            "xlsx.layout.csv",
            locale,
            encoding=self.encoding,
            separator=separator,
            decimal=decimal,
            rows=rows,
        )


def sniff(
    source: Source,
    *,
    sheet: str | int | None = None,
    columns: Sequence[str] = (),
    encoding: Encoding = "auto",
    limits: Limits = DEFAULT_LIMITS,
) -> Layout:
    r"""What a table file is: CSV or a workbook, its encoding, separator and decimal sign.

    The file is read as :func:`read_rows` reads it (``encoding="auto"`` by default, so a
    file Swedish Excel saved is described rather than refused).

    Raises:
        SerializationError: as :func:`read_rows`.

    Example:
        >>> data = "indikator;värde\nnki;72,5\n".encode("cp1252")
        >>> sniff(data).describe("en")
        "CSV, encoding cp1252, separator ';', decimal comma, 1 row"
    """
    table = read_rows(source, sheet=sheet, columns=columns, encoding=encoding, limits=limits)
    return Layout.of(table)
