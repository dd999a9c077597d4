r"""What every workbook styrmodell writes shares: cells, styles, number formats, saving.

Swedish terms: *talformat* (number format), *fyllnadsfärg* (fill colour), *låsta rubriker*
(frozen panes), *autofilter*, *kolumnbredd* (column width).

Number formats are written as Excel stores them — in its own invariant syntax, ``,`` for
the thousands and ``.`` for the decimal sign — and every spreadsheet program shows them in
the reader's locale: ``#,##0.0\ %`` is "85,5 %" under a Swedish locale and "85.5 %" under
an English one, ``#,##0\ "tkr"`` is "−333 088 tkr". The escaped space before the unit is
how Excel itself stores the Swedish formats.

Text from data is written as text, never as a formula: a title that starts with ``=`` is a
string cell with Excel's quote prefix, so editing it in Excel keeps it text.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from styrmodell._errors import SerializationError
from styrmodell._io._xlsx import openpyxl
from styrmodell._messages import failure
from styrmodell._safe import printable
from styrmodell._status import Status
from styrmodell._units import Unit

__all__ = [
    "ICONS",
    "MAX_WIDTH",
    "Book",
    "WorkbookTarget",
    "number_format",
    "places_of",
]

WorkbookTarget = str | os.PathLike[str] | IO[bytes]
"""Where a workbook is written: a path, or a file open in binary mode."""

ICONS = {Status.GREEN: "●", Status.YELLOW: "◐", Status.RED: "○", Status.NOT_ASSESSED: "–"}
"""The icon beside each status word: a status is never told by colour alone."""

# Excel's own "Good", "Neutral" and "Bad" cell styles, and a grey for not assessed:
# (fill, text) colours that keep the word readable in print and for colour-blind readers.
_COLOURS = {
    Status.GREEN: ("C6EFCE", "006100"),
    Status.YELLOW: ("FFEB9C", "9C5700"),
    Status.RED: ("FFC7CE", "9C0006"),
    Status.NOT_ASSESSED: ("EDEDED", "3F3F3F"),
}
_HEADER_FILL = "DDEBF7"
_FONT = "Calibri"  # the workbook's default font (openpyxl's and Excel's)
MAX_WIDTH = 60
"""The widest column, in characters; longer text wraps."""
_MAX_PLACES = 6
# The characters XML 1.0 cannot hold (openpyxl refuses them).
_ILLEGAL = {c for c in range(32) if c not in (9, 10, 13)}


def places_of(value: Decimal) -> int:
    """The decimals *value* is written with (at most six), for its number format.

    Examples:
        >>> places_of(Decimal("85")), places_of(Decimal("34.483")), places_of(Decimal("1E+3"))
        (0, 3, 0)
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    return min(-exponent, _MAX_PLACES)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def number_format(unit: Unit | None, places: int = 0, locale: str = "sv") -> str:
    r"""The Excel number format code for a value in *unit* with *places* decimals.

    A percentage is stored as a fraction (0.855 for 85,5 %), as Excel does.

    Examples:
        >>> number_format(Unit.PERCENT, 1), number_format(Unit.TKR)
        ('#,##0.0\\ %', '#,##0\\ "tkr"')
        >>> number_format(None, 2)
        '#,##0.00'
    """
    digits = "#,##0" + ("." + "0" * places if places else "")
    if unit is Unit.PERCENT:
        return digits + "\\ %"
    suffix = unit.suffix(locale) if unit is not None else ""
    return f"{digits}\\ {_quoted(suffix)}" if suffix else digits


def _safe_text(value: str) -> str:
    if any(ord(c) in _ILLEGAL for c in value):
        return printable(value)
    return value


class Book:
    """A workbook being written: sheets, cells with styles, column widths; saved to bytes."""

    def __init__(self, generated: dt.datetime | None = None) -> None:
        module = openpyxl()
        self.styles = module.styles
        self.utils = module.utils
        self.workbook = module.Workbook()
        self._first = True
        self._widths: dict[Any, dict[int, int]] = {}
        if generated is not None:
            naive = generated.replace(tzinfo=None)
            self.workbook.properties.created = naive
        self.workbook.properties.creator = "styrmodell"

    def sheet(self, title: str) -> Any:
        """A new sheet (the workbook's first sheet is reused for the first call)."""
        # Excel: at most 31 characters, none of []:*?/\ in a sheet name.
        name = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"
        if self._first:
            ws = self.workbook.active
            ws.title = name
            self._first = False
        else:
            ws = self.workbook.create_sheet(name)
        self._widths[ws] = {}
        return ws

    def put(
        self,
        ws: Any,
        row: int,
        column: int,
        value: object,
        *,
        format: str | None = None,
        bold: bool = False,
        italic: bool = False,
        indent: int = 0,
        wrap: bool = False,
        fill: str | None = None,
        colour: str | None = None,
        width: int | None = None,
    ) -> Any:
        """Write *value* to a cell: text stays text, numbers numbers, ``"=..."`` formulas.

        Text is given as ``str``; a formula as :class:`Formula`. Returns the cell.
        """
        cell = ws.cell(row=row, column=column)
        if isinstance(value, Formula):
            cell.value = value.text
        elif isinstance(value, str):
            text = _safe_text(value)
            cell.value = text
            if cell.data_type != "s":  # "=x", "#N/A": keep them text
                cell.data_type = "s"
                cell.quotePrefix = True
            shown = max((len(line) for line in text.split("\n")), default=0)
            self._width(ws, column, width if width is not None else shown + indent * 2)
        elif isinstance(value, bool):
            cell.value = value
        elif isinstance(value, int | Decimal):
            cell.value = value
            self._width(ws, column, width if width is not None else len(f"{value:,}") + 4)
        elif isinstance(value, dt.date):
            cell.value = value
            cell.number_format = (
                "yyyy-mm-dd" if not isinstance(value, dt.datetime) else ("yyyy-mm-dd hh:mm")
            )
            self._width(ws, column, 16)
        elif value is not None:
            raise TypeError(f"cannot write {type(value).__name__} to a cell")  # pragma: no cover
        if format is not None:
            cell.number_format = format
        styles = self.styles
        if bold or italic or colour:
            # Named, or a program without the default font falls back to a serif one.
            cell.font = styles.Font(name=_FONT, size=11, bold=bold, italic=italic, color=colour)
        if fill:
            cell.fill = styles.PatternFill(fill_type="solid", start_color=fill, end_color=fill)
        if indent or wrap:
            cell.alignment = styles.Alignment(indent=indent, wrap_text=wrap, vertical="top")
        return cell

    def status(self, ws: Any, row: int, column: int, status: Status, locale: str) -> Any:
        """A status cell: icon and word, on the status's fill colour."""
        fill, colour = _COLOURS[status]
        return self.put(
            ws,
            row,
            column,
            f"{ICONS[status]} {status.label(locale)}",
            fill=fill,
            colour=colour,
            bold=True,
        )

    def header(self, ws: Any, row: int, names: Sequence[str]) -> None:
        """A bold header row on a light fill."""
        for column, name in enumerate(names, start=1):
            self.put(ws, row, column, name, bold=True, fill=_HEADER_FILL, wrap=True)

    def _width(self, ws: Any, column: int, chars: int) -> None:
        widths = self._widths.setdefault(ws, {})
        widths[column] = max(widths.get(column, 0), chars)

    def finish(
        self,
        ws: Any,
        *,
        freeze: str | None = None,
        filter_rows: tuple[int, int] | None = None,
        columns: int | None = None,
        title_row: int | None = None,
        landscape: bool = False,
        widest: dict[int, int] | None = None,
    ) -> None:
        """Column widths from the content, frozen panes, an autofilter, and the printout.

        A printout is A4, as wide as one page, with the header row repeated on each page.
        *widest* caps the width of some columns (in characters); longer text wraps.
        """
        letter = self.utils.get_column_letter
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if title_row is not None:
            ws.print_title_rows = f"{title_row}:{title_row}"
        limits = widest or {}
        for column, chars in self._widths.get(ws, {}).items():
            widest_here = limits.get(column, MAX_WIDTH)
            ws.column_dimensions[letter(column)].width = min(max(chars + 2, 8), widest_here)
        if freeze:
            ws.freeze_panes = freeze
        if filter_rows is not None and columns:
            first, last = filter_rows
            ws.auto_filter.ref = f"A{first}:{letter(columns)}{max(last, first)}"

    def fit_rows(self, ws: Any) -> None:
        """Wrap text wider than its column, and make each row tall enough to show it.

        Spreadsheet programs do not all fit a row's height to wrapped text on opening,
        so the height is set here from the number of lines each cell needs.
        """
        styles = self.styles
        letter = self.utils.get_column_letter
        widths = {
            column: ws.column_dimensions[letter(column)].width or 10
            for column in self._widths.get(ws, {})
        }
        merged = {c for span in ws.merged_cells.ranges for c in span.cells}
        for row in ws.iter_rows():
            lines = 1
            for cell in row:
                if not isinstance(cell.value, str) or cell.data_type == "f":
                    continue
                if (cell.row, cell.column) in merged:
                    continue
                width = max(int(widths.get(cell.column, 10)) - 1, 4)
                needed = sum(
                    max(1, -(-(len(part) + cell.alignment.indent * 2) // width))
                    for part in cell.value.split("\n")
                )
                if needed > 1:
                    cell.alignment = styles.Alignment(
                        indent=cell.alignment.indent, wrap_text=True, vertical="top"
                    )
                lines = max(lines, needed)
            if lines > 1:
                ws.row_dimensions[row[0].row].height = 15 * min(lines, 20)
                for cell in row:  # a tall row reads from the top in every cell
                    if cell.alignment.vertical != "top":
                        cell.alignment = styles.Alignment(
                            indent=cell.alignment.indent,
                            wrap_text=cell.alignment.wrap_text,
                            vertical="top",
                        )

    def save(self, target: WorkbookTarget | None) -> bytes:
        """The workbook's bytes, also written to *target* when given."""
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        data = buffer.getvalue()
        if target is None:
            return data
        if isinstance(target, str | os.PathLike):
            try:
                with open(target, "wb") as handle:
                    handle.write(data)
            except OSError as exc:
                raise failure(
                    SerializationError,
                    "xlsx.cannot_write",
                    os.fspath(target),
                    reason=exc.strerror or str(exc),
                ) from None
        else:
            target.write(data)
        return data


class Formula:
    """A formula to write into a cell (``Formula("=SUM(C3:C12)")``)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Formula({self.text!r})"
