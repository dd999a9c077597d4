r"""Reading and writing CSV safely: the base every CSV reader and writer of styrmodell uses.

Swedish terms: *CSV för Excel* (semicolons, decimal comma, a byte order mark).

Reading turns every way a file can be wrong into :class:`~styrmodell.SerializationError`
problems naming the file and line — never ``csv.Error`` or ``UnicodeDecodeError``:

- the bytes are checked against a size cap before anything is parsed;
- the encoding is UTF-8 (a byte order mark is skipped); with ``encoding="auto"`` a file
  that is not UTF-8 is read as cp1252 (Windows' Western European code page, what Swedish
  Excel saves), and :class:`Table` says which was used;
- the separator (``,``, ``;`` or a tab) is taken from the header line;
- line ends may be ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac, some exports);
- a field longer than :attr:`Limits.field` characters is refused with its line;
- ``#`` comment lines and blank lines before the header are skipped.

Writing neutralises cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
``@``, a tab or CR first) by putting ``'`` in front — unless the cell is a number, so a
negative amount still reads as a number.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import IO, Literal

import attrs

from styrmodell._errors import Problem, SerializationError
from styrmodell._messages import failure, problem

__all__ = [
    "Columns",
    "Limits",
    "Row",
    "Source",
    "Table",
    "neutralise",
    "read_bytes",
    "read_columns",
    "read_table",
    "sheet_reference",
    "write_table",
]

Source = str | os.PathLike[str] | bytes | IO[str] | IO[bytes]
"""What a reader takes: a path, the file's bytes, or an open file (text or binary)."""

Encoding = Literal["utf-8", "auto"]


@attrs.frozen(kw_only=True)
class TableLimits:
    r"""Size caps of a table file (CSV or a workbook's sheet), checked before and while parsing.

    Every reader of ``styrmodell.io`` takes them as ``limits=``.

    Attributes:
        bytes: The largest file read, in bytes (256 MiB).
        field: The longest field, in characters (10,000: a goal's description fits many
            times over).
        rows: The most data rows (10 million).
        unpacked: The most bytes a workbook (.xlsx, a zip) may unpack to (1 GiB).

    Examples:
        >>> from styrmodell.io import TableLimits, read_outcomes
        >>> TableLimits().field
        10000
        >>> text = "indicator,period,value\nx,2023,1\n".encode()
        >>> read_outcomes(text, limits=TableLimits(rows=10)).get("x", 2023).value
        Decimal('1')
    """

    bytes: int = 256 * 1024 * 1024
    field: int = 10_000
    rows: int = 10_000_000
    unpacked: int = 1024 * 1024 * 1024


Limits = TableLimits
"""The name the readers' signatures use."""

DEFAULT_LIMITS = TableLimits()


@attrs.frozen
class Row:
    """One data row: its cells by column name, and the line it starts on in the file."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The cell of *column*, stripped; ``""`` when empty or absent."""
        return (self.cells.get(column) or "").strip()


@attrs.frozen
class Table:
    r"""A CSV file read: header, rows, and what was detected.

    Attributes:
        name: How messages name the file (its path, or ``"<csv>"``).
        header: The column names as written (stripped).
        rows: The data rows.
        encoding: ``"utf-8"``, ``"utf-8-sig"`` (with a byte order mark) or ``"cp1252"``.
        delimiter: ``","``, ``";"`` or ``"\\t"`` (``""`` for a sheet of a workbook).
        sheet: The sheet's name when the table was read from a workbook.
        letters: The spreadsheet column letter of each header entry (a workbook only).
        header_line: The line (row) of the header.
    """

    name: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str
    delimiter: str
    sheet: str | None = attrs.field(default=None, kw_only=True)
    letters: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    header_line: int = attrs.field(default=1, kw_only=True)

    def detected(self) -> str:
        """What was detected, for ``--verbose``: ``"cp1252, separator ';'"``."""
        if self.sheet is not None:
            return f"xlsx, sheet {self.sheet!r}"
        sep = "tab" if self.delimiter == "\t" else repr(self.delimiter)
        return f"{self.encoding}, separator {sep}"

    def where(self, row: Row | int, column: str | None = None) -> str:
        """Where a row, or one cell of it, is, for a message.

        A CSV file is named by line (``"budget.csv:12"``); a sheet of a workbook by the
        cell as a spreadsheet names it (``"budget.xlsx:Budget!G12"``), or by the row's
        cells (``"budget.xlsx:Budget!A12:H12"``) when no column is given.

        Examples:
            >>> table = Table("budget.csv", ("code", "amount"), (), "utf-8", ",")
            >>> table.where(12, "amount")
            'budget.csv:12'
            >>> sheet = attrs.evolve(table, name="b.xlsx", sheet="Budget", letters=("A", "C"))
            >>> sheet.where(12, "amount"), sheet.where(12)
            ('b.xlsx:Budget!C12', 'b.xlsx:Budget!A12:C12')
        """
        line = row if isinstance(row, int) else row.line
        return _where(self.name, self.sheet, self.header, self.letters, line, column)


def _where(
    name: str,
    sheet: str | None,
    header: tuple[str, ...],
    letters: tuple[str, ...],
    line: int,
    column: str | None,
) -> str:
    if sheet is None or not letters:
        return f"{name}:{line}"
    ref = sheet_reference(sheet)
    if column is not None and column in header:
        return f"{name}:{ref}!{letters[header.index(column)]}{line}"
    return f"{name}:{ref}!{letters[0]}{line}:{letters[-1]}{line}"


def sheet_reference(sheet: str) -> str:
    """*sheet* as a spreadsheet formula names it: quoted when it holds more than letters.

    Examples:
        >>> sheet_reference("Utfall"), sheet_reference("Utfall 2023"), sheet_reference("Jan's")
        ('Utfall', "'Utfall 2023'", "'Jan''s'")
    """
    if sheet and all(c.isalnum() or c == "_" for c in sheet) and not sheet[0].isdigit():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


@attrs.frozen
class Columns:
    r"""A CSV file read column by column (:func:`read_columns`).

    What a reader that converts a whole column at a time needs, without a dictionary per
    row.

    Attributes:
        name: How messages name the file (its path, or ``"<csv>"``).
        header: The column names as written (stripped).
        lines: The line each data row starts on, in order.
        cells: One tuple per column of the header: its cells, one per row (``""`` where a
            row is shorter than the header).
        encoding: ``"utf-8"``, ``"utf-8-sig"`` (with a byte order mark) or ``"cp1252"``.
        delimiter: ``","``, ``";"`` or ``"\\t"``.
        sheet: The sheet's name when the columns were read from a workbook.
        letters: The spreadsheet column letter of each header entry (a workbook only).
    """

    name: str
    header: tuple[str, ...]
    lines: tuple[int, ...]
    cells: tuple[tuple[str, ...], ...]
    encoding: str
    delimiter: str
    sheet: str | None = attrs.field(default=None, kw_only=True)
    letters: tuple[str, ...] = attrs.field(default=(), kw_only=True)

    def where(self, line: int, column: str | None = None) -> str:
        """Where a row (by its line), or one cell of it, is: as :meth:`Table.where`."""
        return _where(self.name, self.sheet, self.header, self.letters, line, column)

    def column(self, name: str) -> tuple[str, ...] | None:
        """The cells of column *name* (as written, not stripped), or ``None`` without one."""
        try:
            return self.cells[self.header.index(name)]
        except ValueError:
            return None


def _name_of(source: Source, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    return getattr(source, "name", None) or "<csv>"


def read_bytes(source: Source, *, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes | str:
    """The content of *source* (bytes, or text when *source* was an open text file), capped."""
    if isinstance(source, bytes):
        data: bytes | str = source
    elif isinstance(source, str | os.PathLike):
        try:
            size = os.path.getsize(source)
            if size > limits.bytes:
                raise failure(SerializationError, "io.too_big", name, size=size, limit=limits.bytes)
            with open(source, "rb") as handle:
                data = handle.read(limits.bytes + 1)
        except OSError as exc:
            raise failure(
                SerializationError, "io.cannot_read", name, reason=exc.strerror or str(exc)
            ) from None
    else:
        data = source.read(limits.bytes + 1)
    if len(data) > limits.bytes:
        raise failure(SerializationError, "io.too_big", name, size=len(data), limit=limits.bytes)
    return data


def _decode(data: bytes, name: str, encoding: Encoding) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _not_utf8(data[3:], exc, name) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if encoding == "auto":
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass
        raise _not_utf8(data, exc, name) from None


def _not_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> SerializationError:
    line = data.count(b"\n", 0, exc.start) + 1
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    guess = "cp1252"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        guess = "latin-1"
    return failure(
        SerializationError,
        "io.not_utf8",
        f"{name}:{line}",
        value=data[exc.start : exc.start + 1],
        column=column,
        guess=guess,
    )


_SEPARATORS = (",", ";", "\t")


def _delimiter(header_line: str) -> str:
    """The separator of a header line: the most frequent of , ; and tab outside quotes."""
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {sep: outside.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _lines(text: str) -> list[str]:
    # Any line end counts, a lone CR too (csv refuses those without newline="").
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_table(
    source: Source,
    *,
    name: str | None = None,
    required: Sequence[str] = (),
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
    comments: bool = True,
) -> Table:
    r"""Read a CSV file with a header row into a :class:`Table`.

    Args:
        source: A path, the file's bytes, or an open file.
        name: How messages name the file; the path by default.
        required: Columns that must be in the header.
        encoding: ``"utf-8"`` (a byte order mark is allowed), or ``"auto"`` to fall back to
            cp1252 for a file that is not UTF-8.
        limits: Size caps (:class:`Limits`).
        comments: Skip ``#`` lines and blank lines before the header.

    Raises:
        SerializationError: naming the file and line for anything unreadable.

    Examples:
        >>> table = read_table(b"indicator;value\nx;1,5\n")
        >>> table.delimiter, table.rows[0].get("value"), table.rows[0].line
        (';', '1,5', 2)
    """
    label, header, lines, records, used, delimiter = _read(
        source, name, required, encoding, limits, comments
    )
    rows = tuple(
        Row(line, dict(zip(header, cells, strict=False)))
        for line, cells in zip(lines, records, strict=True)
    )
    return Table(label, header, rows, used, delimiter)


def read_columns(
    source: Source,
    *,
    name: str | None = None,
    required: Sequence[str] = (),
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
    comments: bool = True,
) -> Columns:
    r"""Read a CSV file with a header row into :class:`Columns`, column by column.

    The same checks, the same errors and the same rows as :func:`read_table`.

    Examples:
        >>> columns = read_columns(b"indicator;value\nx;1,5\ny;2\n")
        >>> columns.column("value"), columns.lines
        (('1,5', '2'), (2, 3))
    """
    columns: list[list[str]] = []

    def flush(header: tuple[str, ...], rows: list[list[str]]) -> None:
        width = len(header)
        if not columns:
            columns.extend([] for _ in header)
        if min(map(len, rows)) < width:
            rows = [[*row, *[""] * (width - len(row))] for row in rows]
        for column, cells in zip(columns, zip(*rows, strict=True), strict=True):
            column.extend(cells)

    label, header, lines, _, used, delimiter = _read(
        source, name, required, encoding, limits, comments, flush
    )
    cells = tuple(tuple(column) for column in columns) if columns else tuple(() for _ in header)
    return Columns(label, header, tuple(lines), cells, used, delimiter)


_CHUNK = 200
"""Rows a column reader takes at a time: fewer than the garbage collector's first
generation holds (700 new objects), so the lists of rows die young instead of piling up in
the oldest generation, which every full collection walks."""


def _read(
    source: Source,
    name: str | None,
    required: Sequence[str],
    encoding: Encoding,
    limits: Limits,
    comments: bool,
    flush: Callable[[tuple[str, ...], list[list[str]]], None] | None = None,
) -> tuple[str, tuple[str, ...], list[int], list[list[str]], str, str]:
    """The checks and parsing of :func:`read_table`.

    Returns the file's label, the header, the line and the cells of each row, the encoding
    and the delimiter. With *flush*, the rows are handed to it every :data:`_CHUNK` rows
    instead (and the cells returned are empty): a reader that keeps columns does not keep
    a list per row until the end, for the garbage collector to walk through.
    """
    label = _name_of(source, name)
    data = read_bytes(source, name=label, limits=limits)
    if isinstance(data, str):
        text, used = data.removeprefix("\ufeff"), "utf-8"
    else:
        text, used = _decode(data, label, encoding)
    lines = _lines(text)
    start = 0
    if comments:
        while start < len(lines) and (not lines[start].strip() or lines[start].startswith("#")):
            start += 1
    if start >= len(lines) or not lines[start].strip():
        raise failure(SerializationError, "io.no_header", label)
    if len(lines[start]) > limits.field * 10:
        raise failure(
            SerializationError, "io.field_too_long", f"{label}:{start + 1}", limit=limits.field
        )
    delimiter = _delimiter(lines[start])
    # Each line keeps its end, so a line break inside a quoted cell is read as one.
    reader = csv.reader((line + "\n" for line in lines[start:]), delimiter=delimiter, strict=False)
    lines_of_rows: list[int] = []
    rows: list[list[str]] = []
    header: tuple[str, ...] = ()
    width = 0
    problems: list[Problem] = []
    field_limit, max_rows = limits.field, limits.rows
    next_line = start + 1
    try:
        # One pass, no call per row: this loop runs for every row of every file read.
        for cells in reader:
            line = next_line
            next_line = start + reader.line_num + 1
            if cells and max(map(len, cells)) > field_limit:
                raise failure(
                    SerializationError, "io.field_too_long", f"{label}:{line}", limit=field_limit
                )
            if not header:
                header = tuple(cell.strip() for cell in cells)
                width = len(header)
                continue
            if not "".join(cells).strip():  # only blank cells
                continue
            if len(cells) > width:
                problems.append(
                    problem("io.too_many_cells", f"{label}:{line}", got=len(cells), expected=width)
                )
                continue
            lines_of_rows.append(line)
            rows.append(cells)
            if len(lines_of_rows) > max_rows:
                raise failure(SerializationError, "io.too_many_rows", label, limit=max_rows)
            if flush is not None and len(rows) == _CHUNK:
                flush(header, rows)
                rows = []
    except csv.Error as exc:
        where = f"{label}:{start + reader.line_num}"
        if "field larger than field limit" in str(exc):
            raise failure(
                SerializationError, "io.field_too_long", where, limit=limits.field
            ) from None
        raise failure(
            SerializationError, "io.bad_csv", f"{label}:{start + reader.line_num}", reason=str(exc)
        ) from None
    missing = [c for c in required if c not in header]
    if missing:
        hint = ""
        if delimiter == "," and any(";" in h for h in header):
            hint = "semicolon"
        problems.insert(
            0,
            problem(
                "io.missing_columns_hint" if hint else "io.missing_columns",
                label,
                missing=", ".join(missing),
                header=", ".join(header),
            ),
        )
    if problems:
        raise SerializationError(_summary(label, problems), problems=problems)
    if flush is not None and rows:
        flush(header, rows)
        rows = []
    return label, header, lines_of_rows, rows, used, delimiter


def _summary(label: str, problems: list[Problem]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    listed = "\n  ".join(str(p) for p in problems)
    return f"{label}: {len(problems)} problems\n  {listed}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise(cell: str) -> str:
    """*cell* made safe to open in a spreadsheet: no formula starts, unless it is a number.

    Examples:
        >>> neutralise("=cmd|' /C calc'!A0")
        "'=cmd|' /C calc'!A0"
        >>> neutralise("-58117")
        '-58117'
        >>> neutralise("Äldreomsorg")
        'Äldreomsorg'
    """
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    excel: bool = False,
) -> str:
    r"""CSV text with a header row; text cells neutralised (:func:`neutralise`).

    Line breaks inside text cells are written as ``\n`` (in quotes).

    Args:
        columns: The header.
        rows: The cells of each row: text, numbers (``Decimal``, ``int``) or ``None``.
        excel: "CSV för Excel": ``;`` separators, decimal comma, a byte order mark.

    Examples:
        >>> write_table(["name", "amount"], [["=1+1", -5]])
        "name,amount\n'=1+1,-5\n"
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow([_cell(value, excel) for value in row])
    text = out.getvalue()
    return "\ufeff" + text if excel else text


def _cell(value: object, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # Line breaks inside a cell are written as "\n", which csv quotes; a lone CR would
        # not be quoted (it is not in the line terminator) and would end the row on reading.
        return neutralise(value).replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        return "true" if value else "false"
    shown = format(value, "f") if isinstance(value, Decimal) else str(value)
    return shown.replace(".", ",") if excel else shown
