"""Reading a sheet of an Excel workbook (.xlsx) into the rows every reader of styrmodell takes.

Swedish terms: *arbetsbok* (workbook), *blad* (sheet), *cell*, *talformat* (number format),
*tal lagrat som text* (a number stored as text).

A sheet is read into the same :class:`~styrmodell._io._csv.Table` as a CSV file: its first
row that is not empty (and does not start with ``#``) is the header, every later row that is
not empty is a :class:`~styrmodell._io._csv.Row` of text cells keyed by the header, and its
``line`` is the row number the spreadsheet shows. The readers of outcomes, ledgers,
investment budgets and target tables therefore read a sheet exactly as they read a CSV
file; only their messages name the cell (``"utfall.xlsx:Utfall!C12"``) instead of the line.

Cells are turned into text the way they are stored, never through binary noise:

- a number is written through its shortest decimal text (``0.1`` stays ``"0.1"``; a
  computed ``0.30000000000000004`` becomes ``"0.3"``, since a spreadsheet keeps 15
  significant digits) and without an exponent;
- a number *formatted as a percentage* is read as the percentage the sheet shows: Excel
  stores 85 % as 0.85, styrmodell writes percentages in percent, so the cell reads ``"85"``;
- a date is ``"2023-12-31"``, a date with a time ``"2023-12-31 08:30:00"``;
- ``TRUE``/``FALSE`` are ``"true"``/``"false"``;
- a number stored as text is read as that text and goes through the same conversion as a
  CSV cell: ``"1 234,5"`` and ``"−58 117"`` are numbers, anything else is a problem
  naming the cell;
- a formula is read as the value the spreadsheet program computed and saved with the file;
- an error value (``#DIV/0!``, ``#N/A``...) is a problem naming the cell.

Cells to the right of the header's last column are not read (notes beside a table).

openpyxl (the ``excel`` extra) is imported when a workbook is read, never before.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from types import ModuleType
from typing import Any

from styrmodell._errors import Problem, SerializationError, StyrmodellError
from styrmodell._io._csv import (
    DEFAULT_LIMITS,
    Limits,
    Row,
    Source,
    Table,
    read_bytes,
    sheet_reference,
)
from styrmodell._messages import failure, problem

__all__ = [
    "XLSX_SUFFIXES",
    "cell_text",
    "is_workbook",
    "number_text",
    "openpyxl",
    "read_sheet",
]

XLSX_SUFFIXES = (".xlsx", ".xlsm")
"""The file names read as workbooks."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)
_SIGNIFICANT = 15  # what a spreadsheet keeps of a number
_FIFTEEN = Context(prec=_SIGNIFICANT, rounding=ROUND_HALF_UP)


def openpyxl() -> ModuleType:
    """The openpyxl module, or a :class:`~styrmodell.SerializationError` naming the extra."""
    try:
        import openpyxl as module
    except ImportError:
        raise failure(SerializationError, "xlsx.needs_openpyxl") from None
    return module


def is_workbook(data: bytes) -> bool:
    r"""Whether *data* starts like a workbook: a zip (.xlsx) or the old binary format (.xls).

    Examples:
        >>> is_workbook(b"PK\x03\x04..."), is_workbook(b"indicator;period\n")
        (True, False)
    """
    return data.startswith((_ZIP, _OLE))


# -- cells ------------------------------------------------------------------------------


def number_text(value: int | float | Decimal, *, percent: bool = False) -> str:
    """A stored number as plain decimal text: shortest, no exponent, at most 15 digits.

    Args:
        value: The number as the workbook stores it.
        percent: The cell is formatted as a percentage: give the percentage (× 100).

    Examples:
        >>> number_text(0.1), number_text(-58117.0), number_text(1e-05)
        ('0.1', '-58117', '0.00001')
        >>> number_text(0.1 + 0.2), number_text(0.855, percent=True)
        ('0.3', '85.5')
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        number = Decimal(repr(value))
        digits = len(number.normalize(Context(prec=40)).as_tuple().digits)
        if digits > _SIGNIFICANT:
            number = _FIFTEEN.plus(number)
    else:
        number = Decimal(value)
    if percent:
        number = number.scaleb(2)
    if number.is_zero():
        return "0"
    with localcontext(Context(prec=400)):
        number = number.normalize()
        shown = format(number, "f")
    return shown


def _is_percent(number_format: str) -> bool:
    """Whether a format code shows its number as a percentage (an unquoted ``%``)."""
    plain: list[str] = []
    quoted = escaped = bracket = False
    for char in number_format:
        if escaped:
            escaped = False
        elif quoted:
            quoted = char != '"'
        elif bracket:
            bracket = char != "]"
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = True
        elif char == "[":
            bracket = True
        else:
            plain.append(char)
    return "%" in plain


class CellError(Exception):
    """A cell holds a spreadsheet error value (``#DIV/0!``); raised by :func:`cell_text`."""


def cell_text(value: object, *, data_type: str = "n", number_format: str = "General") -> str:
    """The text of a cell as :func:`read_sheet` reads it (see the module).

    Raises:
        CellError: for an error value such as ``#DIV/0!``.

    Examples:
        >>> import datetime as dt
        >>> cell_text(dt.datetime(2023, 12, 31)), cell_text(True), cell_text(None)
        ('2023-12-31', 'true', '')
        >>> cell_text(0.91, number_format="0.0%")
        '91'
    """
    if value is None:
        return ""
    if data_type == "e":
        raise CellError(str(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return number_text(value, percent=_is_percent(number_format))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


# -- sheets -----------------------------------------------------------------------------


def _given_name(source: Source) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    found = getattr(source, "name", None)
    return found if isinstance(found, str) and found else None


def _label(source: Source, name: str | None) -> str:
    return name or _given_name(source) or "<xlsx>"


def _suffix(source: Source) -> str:
    if isinstance(source, str | os.PathLike):
        return os.path.splitext(os.fspath(source))[1].lower()
    return ""


def _open(data: bytes, label: str, limits: Limits) -> Any:
    """The workbook in *data*, opened read-only; every failure a SerializationError."""
    if data.startswith(_OLE):
        raise failure(SerializationError, "xlsx.old_format", label)
    if not data.startswith(_ZIP):
        raise failure(SerializationError, "xlsx.not_a_workbook", label)
    module = openpyxl()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise failure(SerializationError, "xlsx.corrupt", label, reason=str(exc)) from None
    if unpacked > limits.unpacked:
        raise failure(
            SerializationError, "xlsx.too_big_unpacked", label, size=unpacked, limit=limits.unpacked
        )
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise failure(SerializationError, "xlsx.opendocument", label)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return module.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
    except Exception as exc:  # openpyxl raises whatever its parsers raise on a bad file
        raise failure(
            SerializationError, "xlsx.corrupt", label, reason=f"{type(exc).__name__}: {exc}"
        ) from None


def _rows(sheet: Any, first: int, width: int | None) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cells) from row *first* on; rows cut or padded to *width* cells."""
    number = first
    for cells in sheet.iter_rows(min_row=first, max_col=width):
        yield number, cells
        number += 1


def _shown(cell: Any) -> str:
    if cell.value is None:
        return ""
    return cell_text(cell.value, data_type=cell.data_type, number_format=cell.number_format)


def _header(sheet: Any, label: str, limits: Limits) -> tuple[int, list[tuple[int, str]]]:
    """The header's row number and its (column, name) pairs; comment and blank rows skipped."""
    where = sheet_reference(sheet.title)
    for number, cells in _rows(sheet, 1, None):
        names: list[tuple[int, str]] = []
        for column, cell in enumerate(cells, start=1):
            try:
                text = _shown(cell).strip()
            except CellError as exc:
                raise failure(
                    SerializationError,
                    "xlsx.error_value",
                    f"{label}:{where}!{_letter(column)}{number}",
                    value=str(exc),
                ) from None
            if len(text) > limits.field:
                raise failure(
                    SerializationError,
                    "io.field_too_long",
                    f"{label}:{where}!{_letter(column)}{number}",
                    limit=limits.field,
                )
            if text:
                names.append((column, text))
        if not names or names[0][1].startswith("#"):
            continue
        return number, names
    raise failure(SerializationError, "io.no_header", f"{label}:{where}")


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _choose(book: Any, label: str, sheet: str | int | None) -> Any:
    sheets = list(book.worksheets)
    titles = [s.title for s in sheets]
    if not sheets:
        raise failure(SerializationError, "xlsx.no_sheets", label)
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 1 <= sheet <= len(sheets):
            return sheets[sheet - 1]
        raise failure(
            SerializationError, "xlsx.unknown_sheet", label, value=sheet, sheets=", ".join(titles)
        )
    if isinstance(sheet, str):
        for found in sheets:
            if found.title == sheet:
                return found
        for found in sheets:  # Excel's sheet names are case-insensitive
            if found.title.casefold() == sheet.strip().casefold():
                return found
        raise failure(
            SerializationError, "xlsx.unknown_sheet", label, value=sheet, sheets=", ".join(titles)
        )
    if sheet is not None:
        raise failure(SerializationError, "xlsx.expected_sheet", label, value=sheet)
    return sheets[0]


def read_sheet(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    required: Sequence[str] = (),
    columns: Sequence[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Table:
    r"""Read one sheet of an .xlsx workbook with a header row into a :class:`Table`.

    Args:
        source: A path, the file's bytes, or a file open in binary mode.
        sheet: The sheet's name (matched as Excel does, ignoring case) or its number from
            1. By default the first sheet whose header holds the *required* columns (or
            *columns*), else the first sheet.
        name: How messages name the file; the path by default.
        required: Columns that must be in the header.
        columns: Columns that choose the sheet when *sheet* is not given, without being
            required (the reader checks the header itself).
        limits: Size caps: the file's bytes, what the zip unpacks to, the longest cell and
            the most rows.

    Raises:
        SerializationError: naming the file, the sheet and the cell for anything unreadable:
            not a workbook (an old .xls, an OpenDocument file, a corrupt zip), no such
            sheet, no header, an error value in a cell, a cell too long, too many rows,
            missing columns.

    Example:
        >>> import io, openpyxl
        >>> book = openpyxl.Workbook()
        >>> book.active.title = "Utfall"
        >>> book.active.append(["indicator", "period", "value"])
        >>> book.active.append(["nki", 2023, 0.1 + 0.2])
        >>> buffer = io.BytesIO()
        >>> book.save(buffer)
        >>> table = read_sheet(buffer.getvalue(), name="utfall.xlsx")
        >>> table.rows[0].cells, table.where(table.rows[0], "value")
        ({'indicator': 'nki', 'period': '2023', 'value': '0.3'}, 'utfall.xlsx:Utfall!C2')
    """
    label = _label(source, name)
    if _suffix(source) == ".xls":
        raise failure(SerializationError, "xlsx.old_format", label)
    data = read_bytes(source, name=label, limits=limits)
    if isinstance(data, str):
        raise failure(SerializationError, "xlsx.not_a_workbook", label)
    book = _open(data, label, limits)
    try:
        return _read(book, data, label, sheet, required, columns or required, limits)
    except StyrmodellError:
        raise
    except Exception as exc:  # a malformed sheet fails inside openpyxl's parser
        raise failure(
            SerializationError, "xlsx.corrupt", label, reason=f"{type(exc).__name__}: {exc}"
        ) from None
    finally:
        book.close()


def _read(
    book: Any,
    data: bytes,
    label: str,
    wanted: str | int | None,
    required: Sequence[str],
    choose_by: Sequence[str],
    limits: Limits,
) -> Table:
    if wanted is None and choose_by:
        for candidate in book.worksheets:
            candidate.reset_dimensions()
            try:
                _, names = _header(candidate, label, limits)
            except SerializationError:
                continue
            if all(column in {n for _, n in names} for column in choose_by):
                wanted = candidate.title
                break
    sheet = _choose(book, label, wanted)
    # Trust no stored size: a wrong one would pad every row to it (or cut the sheet).
    sheet.reset_dimensions()
    header_line, names = _header(sheet, label, limits)
    header = tuple(n for _, n in names)
    letters = tuple(_letter(c) for c, _ in names)
    columns = dict(names)
    where = sheet_reference(sheet.title)
    rows: list[Row] = []
    problems: list[Problem] = []
    found: dict[int, Row] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, cells in _rows(sheet, header_line + 1, names[-1][0]):
            values: dict[str, str] = {}
            for column, cell in enumerate(cells, start=1):
                if column not in columns:
                    continue
                at = f"{label}:{where}!{_letter(column)}{number}"
                try:
                    text = _shown(cell)
                except CellError as exc:
                    problems.append(problem("xlsx.error_value", at, value=str(exc)))
                    continue
                if len(text) > limits.field:
                    raise failure(SerializationError, "io.field_too_long", at, limit=limits.field)
                values[columns[column]] = text
            if not any(v.strip() for v in values.values()):
                continue
            rows.append(Row(number, values))
            found[number] = rows[-1]
            if len(rows) > limits.rows:
                raise failure(
                    SerializationError, "io.too_many_rows", f"{label}:{where}", limit=limits.rows
                )
    if _has_uncomputed(sheet):
        problems += _uncomputed(data, sheet.title, label, header_line, columns, found)
    missing = [c for c in required if c not in header]
    if missing:
        problems.insert(
            0,
            problem(
                "io.missing_columns",
                f"{label}:{where}!{header_line}:{header_line}",
                missing=", ".join(missing),
                header=", ".join(header),
            ),
        )
    if problems:
        raise SerializationError(_summary(label, problems), problems=problems)
    return Table(
        label,
        header,
        tuple(rows),
        "xlsx",
        "",
        sheet=sheet.title,
        letters=letters,
        header_line=header_line,
    )


# A formula with no stored value: what a program that cannot calculate writes (openpyxl,
# many exports). Excel and LibreOffice store the value they computed.
_UNCOMPUTED = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?"
    rb"\s*</(?:\w+:)?c>"
)
_CHUNK = 1 << 20


def _has_uncomputed(sheet: Any) -> bool:
    """Whether the sheet's XML holds a formula without a stored value (a cheap scan)."""
    try:
        source = sheet._get_source()  # openpyxl's read-only sheet: its XML in the zip
    except Exception:  # pragma: no cover - every read-only sheet has one
        return False
    with source:
        tail = b""
        while chunk := source.read(_CHUNK):
            if _UNCOMPUTED.search(tail + chunk):
                return True
            tail = chunk[-256:]
    return False


def _uncomputed(
    data: bytes,
    title: str,
    label: str,
    header_line: int,
    columns: dict[int, str],
    found: dict[int, Row],
) -> list[Problem]:
    """A problem for each cell read as empty that holds a formula no program computed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        formulas = openpyxl().load_workbook(io.BytesIO(data), read_only=True, keep_links=False)
    where = sheet_reference(title)
    out: list[Problem] = []
    try:
        sheet = formulas[title]
        sheet.reset_dimensions()
        for number, cells in _rows(sheet, header_line + 1, max(columns)):
            for column, cell in enumerate(cells, start=1):
                if column not in columns or cell.data_type != "f":
                    continue
                row = found.get(number)
                if row is None or not row.cells.get(columns[column], ""):
                    out.append(
                        problem(
                            "xlsx.formula_not_computed",
                            f"{label}:{where}!{_letter(column)}{number}",
                            value=str(cell.value),
                        )
                    )
    finally:
        formulas.close()
    return out


def _summary(label: str, problems: list[Problem]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    listed = "\n  ".join(str(p) for p in problems)
    return f"{label}: {len(problems)} problems\n  {listed}"
