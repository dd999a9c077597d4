"""What the ledger and investment CSV formats share: cells, problems by line, writing.

Swedish terms: *rad* (a line of the file), *kolumn* (a column).

Text cells that a spreadsheet would run as a formula are written with a ``'`` in front
(:func:`styrmodell._io._csv.neutralise`); reading takes that mark off again, so what is
written reads back as it was. A value that itself starts with ``'`` before a formula sign
gets one more ``'`` on writing, which reading takes off: the mark is never ambiguous.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, TypeVar

import attrs

from styrmodell._errors import LedgerError, Problem, SerializationError, StyrmodellError
from styrmodell._io._csv import Row, Table
from styrmodell._ledger_base import as_money_unit, ledger_error
from styrmodell._messages import failure
from styrmodell._units import Unit

__all__ = [
    "BAD",
    "Cells",
    "Target",
    "check_header",
    "escape",
    "located",
    "raise_if",
    "unescape",
    "unit_cell",
    "write_to",
]

T = TypeVar("T")

Target = str | os.PathLike[str] | IO[str]
"""Where a writer writes: a path, or an open text file."""

# What a spreadsheet reads as the start of a formula (as styrmodell._io._csv.neutralise).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape(value: str) -> str:
    """*value* with one more ``'`` when it already starts with ``'`` before a formula sign."""
    if value.startswith("'") and value.lstrip("'").startswith(_FORMULA_START):
        return "'" + value
    return value


def unescape(cell: str) -> str:
    """A cell as written, without the ``'`` the writer put before a formula sign."""
    if cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START):
        return cell[1:]
    return cell


def located(found: Problem, at: str) -> Problem:
    """*found* placed at *at* (``"file.csv:12"``): ``"file.csv:12: amount: ..."``."""
    return attrs.evolve(found, path=f"{at}: {found.path}" if found.path else at)


def check_header(table: Table, columns: Sequence[str]) -> None:
    """Raise a :class:`~styrmodell.LedgerError` unless the header holds exactly *columns*."""
    if sorted(table.header) != sorted(columns):
        raise failure(
            LedgerError,
            "ledger.csv_header",
            table.where(table.header_line),
            expected=",".join(columns),
            got=",".join(table.header),
        )


class _Bad:
    """The marker for a cell that could not be read (its problem is already listed)."""


BAD: Any = _Bad()


class Cells:
    """Reads the cells of one row, collecting a problem per bad cell, located by line."""

    def __init__(self, table: Table, row: Row, problems: list[Problem]) -> None:
        self.table = table
        self.at = table.where(row)
        self.row = row
        self.problems = problems
        self.bad = False

    def text(self, column: str) -> str:
        """The cell of *column*, stripped, without the writer's formula mark."""
        return unescape(self.row.get(column))

    def read(self, column: str, convert: Callable[[object, str], T]) -> T:
        """The cell of *column* converted, or :data:`BAD` with its problem listed."""
        try:
            return convert(self.text(column), column)
        except StyrmodellError as exc:
            self.fail(exc.problems)
            return BAD  # type: ignore[no-any-return]

    def fail(self, problems: Iterable[Problem]) -> None:
        """List *problems* (of this row) at the row's line, or at the cell a problem names.

        A problem whose path is a column is placed at that cell ("budget.xlsx:Budget!G12"
        in a workbook; a CSV file names the line).
        """
        self.bad = True
        for p in problems:
            at = self.table.where(self.row, p.path) if p.path in self.row.cells else self.at
            self.problems.append(located(p, at))

    def build(self, make: Callable[[], T]) -> T | None:
        """``make()``, or ``None`` with its problems listed at the row's line."""
        try:
            return make()
        except StyrmodellError as exc:
            self.fail(exc.problems)
            return None


def raise_if(name: str, problems: list[Problem]) -> None:
    """Raise one :class:`~styrmodell.LedgerError` listing *problems* of file *name*, if any."""
    if problems:
        raise ledger_error(name, problems)


def unit_cell(value: object, at: str = "value") -> Unit:
    """The unit column: ``tkr`` or ``kr``; an empty cell is tkr."""
    return Unit.TKR if value == "" else as_money_unit(value, at)


def write_to(text: str, target: Target | None) -> str:
    """Write *text* to *target* (a path or an open text file) when given; return *text*."""
    if target is None:
        return text
    if isinstance(target, str | os.PathLike):
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise failure(
                SerializationError,
                "ledger.cannot_write",
                os.fspath(target),
                reason=exc.strerror or str(exc),
            ) from None
    else:
        target.write(text)
    return text
