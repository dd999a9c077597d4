r"""Outcomes as CSV: :func:`read_outcomes` and :func:`write_outcomes`.

Swedish terms: *utfall* (outcomes), *CSV för Excel* (semicolons, decimal comma).

One row per outcome, with a header row. Columns (only ``indicator`` and ``period`` are
required; a missing column is an empty cell in every row):

====================  ====================================================================
``indicator``         the indicator's id
``period``            a label: ``2022``, ``Delår 2022``, ``jan-okt 2022``, ``T1 2023``...
``gender``            ``T``, ``K`` or ``M`` (empty: ``T``, everyone)
``org_unit``          the org unit's id (empty: the nämnd as a whole)
``value``             a number (``91,74`` or ``91.74``), ``true`` / ``false`` (done / not
                      done), ``done`` / ``started`` / ``not_started`` (a ``Progress``), a
                      pair of dates ``2023-01-05/2023-03-20``, or empty (not measured)
``numerator``         the count of a share (täljare)
``denominator``       the base of a share (nämnare)
``budget``            the budget the outcome is compared with
``ref:<name>``        a reference value, e.g. ``ref:riket``
====================  ====================================================================

Reading is built on :func:`styrmodell._io._csv.read_columns` (the checks of
:func:`~styrmodell._io._csv.read_table`, column by column): only
:class:`~styrmodell.SerializationError` comes out, each problem naming the file, the line
and the column (``utfall.csv:7: value: expected a number, got '58 17'``), every bad row at
once. Cells are parsed column by column: each distinct text of a column (a period label, a
gender, a number) is read once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import repeat
from typing import IO, Any, cast, overload

from styrmodell._errors import PlanError, Problem, SerializationError
from styrmodell._fields import Fields
from styrmodell._frozenmap import FrozenMap
from styrmodell._io._csv import (
    DEFAULT_LIMITS,
    Columns,
    Encoding,
    Limits,
    Source,
    write_table,
)
from styrmodell._io._tables import read_column_table
from styrmodell._messages import failure, problem
from styrmodell._outcomes import (
    _NO_REFERENCES,
    Gender,
    Outcome,
    Outcomes,
    OutcomeValue,
    as_outcome_value,
    checked_outcome,
)
from styrmodell._period import as_period
from styrmodell._thresholds._milestone import Progress

__all__ = ["COLUMNS", "REFERENCE_PREFIX", "read_outcomes", "write_outcomes"]

COLUMNS = (
    "indicator",
    "period",
    "gender",
    "org_unit",
    "value",
    "numerator",
    "denominator",
    "budget",
)
"""The fixed columns, in the order :func:`write_outcomes` writes them; one ``ref:<name>``
column per reference name follows."""

REFERENCE_PREFIX = "ref:"
"""The prefix of a reference column: ``ref:riket``."""

F = Fields(SerializationError)

_TRUE = frozenset({"true", "ja", "yes"})
_FALSE = frozenset({"false", "nej", "no"})
_PROGRESS = {p.value: p for p in Progress}
# Plain decimals that are within the limits of numbers by their shape alone: at most 15
# digits before the decimal sign and 9 after it. They become Decimal directly, exactly what
# styrmodell._numbers.to_decimal makes of them (a test checks it); anything else goes
# through to_decimal.
_PLAIN = re.compile(r"-?\d{1,15}(?:[.,]\d{1,9})?")


_BLANK = frozenset({""})


class _Bad:
    """A cell that could not be read: the problem, to be placed at each line that has it."""

    __slots__ = ("problem",)

    def __init__(self, found: Problem) -> None:
        self.problem = found


def _number(text: str, column: str) -> Decimal:
    if _PLAIN.fullmatch(text):
        return Decimal(text.replace(",", "."))
    return F.as_decimal(text, column)


def _value(text: str, column: str) -> OutcomeValue:
    low = text.lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    progress = _PROGRESS.get(low)
    if progress is not None:
        return progress
    if "/" in text:
        start, _, end = text.partition("/")
        return as_outcome_value((start, end.strip() or None), column, F)
    return _number(text, column)


def _gender(text: str, column: str) -> Gender:
    return F.as_choice(text, column, Gender)


def _period(text: str, column: str) -> Any:
    return F.check(as_period, text, column)


class _Missing:
    """An empty cell in a required column."""


_MISSING = _Missing()


def _column(
    cells: Sequence[str], column: str, read: Callable[[str, str], Any], empty: Any
) -> tuple[list[Any], list[int]]:
    """Every cell of a column read by *read*, and the indexes of the cells it could not read.

    Each distinct text is read once; empty cells give *empty*.
    """
    distinct = set(cells)
    if distinct <= _BLANK:
        return [empty] * len(cells), list(range(len(cells))) if empty is _MISSING else []
    seen: dict[str, Any] = {}
    bad: set[str] = set()
    for cell in distinct:
        text = cell.strip()
        if not text:
            found = empty
        else:
            try:
                found = read(text, column)
            except SerializationError as exc:
                found = _Bad(exc.problems[0])
        if type(found) is _Bad or found is _MISSING:
            bad.add(cell)
        seen[cell] = found
    out = list(map(seen.__getitem__, cells))
    return out, [i for i, cell in enumerate(cells) if cell in bad] if bad else []


def _text(text: str, column: str) -> str:
    return text


def read_outcomes(
    source: Source,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    encoding: Encoding = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
) -> Outcomes:
    r"""Read outcomes from a CSV file with a header row (see the module for the columns).

    Lines at the top that start with ``#`` are comments, as are blank lines among them: a
    file can say where its numbers come from, or that they are made up. The header is the
    first other line; a ``#`` further down is data. The separator (``,``, ``;`` or tab)
    is taken from the header; a UTF-8 byte order mark is skipped.

    Args:
        source: A path, the file's bytes, or an open file (text or binary): CSV, or an
            Excel workbook (.xlsx, with the ``excel`` extra) with the same columns in a
            sheet, whose problems name the cell (``utfall.xlsx:Utfall!E7: value: ...``).
        sheet: The workbook's sheet (name or number from 1); by default the first sheet
            whose header holds ``indicator`` and ``period``.
        name: How messages name the file; its path by default.
        encoding: ``"utf-8"``, or ``"auto"`` to read a file that is not UTF-8 as cp1252
            (what Swedish Excel saves as "CSV").
        limits: Size caps on the file, a field and the rows
            (:class:`~styrmodell._io._csv.Limits`).

    Returns:
        The :class:`~styrmodell.Outcomes`.

    Raises:
        SerializationError: only this, listing every problem with file, line, column and
            value: a file that is not UTF-8 (with the line, and how to save it as UTF-8),
            malformed CSV, a missing ``indicator`` or ``period`` column, a cell that is
            not what its column holds (``"58 17"`` is not a number: spaces only between
            groups of three digits), a number beyond the limits, a numerator without a
            denominator, and two rows for the same indicator, period, gender and unit.

    Examples:
        >>> text = b"# FIKTIVA UTFALL\nindicator;period;value\njobbcoach;2023;55,5\n"
        >>> read_outcomes(text).get("jobbcoach", 2023).value
        Decimal('55.5')
        >>> read_outcomes(b"indicator,period,value\nx,2023,58 17\n", name="utfall.csv")
        Traceback (most recent call last):
        ...
        styrmodell._errors.SerializationError: utfall.csv:2: value: expected a number, got '58 17'
    """
    table = read_column_table(
        source,
        sheet=sheet,
        name=name,
        required=("indicator", "period"),
        encoding=encoding,
        limits=limits,
    )
    label = table.name
    header = table.header
    problems: list[Problem] = []
    references: list[tuple[str, str]] = []
    seen: set[str] = set()
    twice: set[str] = set()
    for column in header:
        if column in seen:
            if column not in twice:  # once per name, however often it repeats
                twice.add(column)
                problems.append(problem("outcomes.duplicate_column", label, value=column))
            continue
        seen.add(column)
        if column.startswith(REFERENCE_PREFIX):
            ref = column[len(REFERENCE_PREFIX) :].strip()
            if ref:
                references.append((column, ref))
            else:
                problems.append(problem("outcomes.reference_column", label, value=column))
    lines = table.lines
    n_rows = len(lines)

    def read(
        column: str, parse: Callable[[str, str], Any], empty: Any
    ) -> tuple[list[Any], list[int]]:
        cells = table.column(column)
        if cells is None:
            return [empty] * n_rows, []
        return _column(cells, column, parse, empty)

    columns = [
        read("indicator", _text, _MISSING),
        read("period", _period, _MISSING),
        read("gender", _gender, Gender.TOTAL),
        read("org_unit", _text, None),
        read("value", _value, None),
        read("numerator", _number, None),
        read("denominator", _number, None),
        read("budget", _number, None),
    ]
    refs = [(ref, *read(column, _number, None)) for column, ref in references]
    bad_rows: dict[int, list[Problem]] = {}
    # Column by column, so each row's problems come in the order of its columns.
    for column, (values, bad) in [
        *zip(COLUMNS, columns, strict=True),
        *((ref, (values, bad)) for ref, values, bad in refs),
    ]:
        for i in bad:
            cell = values[i]
            at = table.where(lines[i], _column_of(column, references))
            bad_rows.setdefault(i, []).append(
                problem("outcomes.required", f"{at}: {column}")
                if cell is _MISSING
                else _at(cell.problem, at)
            )
    indicators, periods, genders, units, values, numerators, denominators, budgets = (
        values for values, _ in columns
    )
    if refs:
        row_references: list[FrozenMap[str, Decimal]] = [
            FrozenMap(
                {ref: cell for ref, cell in zip(names, cells, strict=True) if cell is not None}
            )
            if any(cell is not None for cell in cells)
            else _NO_REFERENCES
            for names, cells in zip(
                repeat([ref for ref, _, _ in refs]),
                zip(*(values for _, values, _ in refs), strict=True),
            )
        ]
    else:
        row_references = [_NO_REFERENCES] * len(lines)
    if not bad_rows and numerators.count(None) == denominators.count(None) == len(lines):
        # The common file: every cell read, no shares given by counts. Every part is
        # converted already, column by column, so no outcome converts its parts again.
        items = list(
            map(
                checked_outcome,
                indicators,
                periods,
                values,
                genders,
                units,
                row_references,
                budgets,
            )
        )
        item_lines = list(lines)
    else:
        items, item_lines = _row_by_row(table, lines, bad_rows, problems, columns, row_references)
    try:
        outcomes = Outcomes(tuple(items))
    except PlanError as exc:
        # Two rows with the same indicator, period, gender and org unit.
        problems.extend(_repeated_row(found, table, item_lines) for found in exc.problems)
        problems.sort(key=_line_of)
    else:
        if not problems:
            return outcomes
    raise SerializationError(_summary(label, problems), problems=problems)


def _row_by_row(
    table: Columns,
    lines: Sequence[int],
    bad_rows: dict[int, list[Problem]],
    problems: list[Problem],
    columns: list[tuple[list[Any], list[int]]],
    row_references: list[FrozenMap[str, Decimal]],
) -> tuple[list[Outcome], list[int]]:
    """The outcomes of the rows, one by one.

    Bad rows are skipped (their problems are added to *problems*); a row with counts is
    made by ``Outcome(...)``, which checks that they go together.
    """
    items: list[Outcome] = []
    item_lines: list[int] = []
    for i, (
        line,
        indicator,
        period,
        gender,
        org_unit,
        value,
        numerator,
        denominator,
        budget,
    ) in enumerate(zip(lines, *(values for values, _ in columns), strict=True)):
        found = bad_rows.get(i)
        if found is not None:
            problems.extend(found)
            continue
        if numerator is None and denominator is None:
            items.append(
                checked_outcome(
                    indicator, period, value, gender, org_unit, row_references[i], budget
                )
            )
        else:
            try:
                items.append(
                    Outcome(
                        indicator,
                        period,
                        value=value,
                        gender=gender,
                        org_unit=org_unit,
                        references=row_references[i],
                        numerator=numerator,
                        denominator=denominator,
                        budget=budget,
                    )
                )
            except PlanError as exc:
                problems.extend(_row_problem(p, table.where(line)) for p in exc.problems)
                continue
        item_lines.append(line)
    return items, item_lines


def _repeated_row(found: Problem, table: Columns, item_lines: list[int]) -> Problem:
    """A duplicate among the outcomes (``items[i]``) as a problem of its line in the file."""
    first = cast("int", dict(found.params)["first"])
    line = item_lines[int(found.path[len("items[") : -1])]
    return problem("outcomes.duplicate_row", table.where(line), other=item_lines[first])


def _column_of(column: str, references: list[tuple[str, str]]) -> str:
    """The header's column for a column as the reader names it (a reference by its name)."""
    for header, ref in references:
        if ref == column:
            return header
    return column


_LAST_NUMBER = re.compile(r"(\d+)$")


def _line_of(found: Problem) -> int:
    """The line a problem's path names (``utfall.csv:7: value`` → 7; ``...!E7`` → 7)."""
    head = found.path.split(": ", 1)[0]
    number = _LAST_NUMBER.search(head)
    return int(number.group(1)) if number else 0


def _at(found: Problem, at: str) -> Problem:
    """*found* (whose path is a column) at the line *at*: ``utfall.csv:7: value``."""
    return Problem(
        f"{at}: {found.path}" if found.path else at,
        found.message,
        code=found.code,
        value=found.value,
        params=dict(found.params),
    )


def _row_problem(found: Problem, at: str) -> Problem:
    """A problem of the outcome a row makes (its counts do not go together...) at its line."""
    field = found.path.removeprefix("Outcome.") if found.path.startswith("Outcome.") else ""
    return Problem(
        f"{at}: {field}" if field else at,
        found.message,
        code=found.code,
        value=found.value,
        params=dict(found.params),
    )


def _summary(label: str, problems: list[Problem]) -> str:
    if len(problems) == 1:
        return str(problems[0])
    listed = "\n  ".join(str(p) for p in problems)
    return f"{label}: {len(problems)} problems\n  {listed}"


def _value_cell(value: OutcomeValue) -> object:
    if value is None or isinstance(value, bool | Decimal):
        return value
    if isinstance(value, tuple):
        start, end = value
        return f"{start.isoformat()}/{'' if end is None else end.isoformat()}"
    return str(value.value)


def _rows(outcomes: Iterable[Outcome], references: list[str]) -> Iterable[list[object]]:
    for item in outcomes:
        yield [
            item.indicator,
            item.period.label("sv"),
            item.gender.value,
            item.org_unit,
            _value_cell(item.value),
            item.numerator,
            item.denominator,
            item.budget,
            *(item.references.get(name) for name in references),
        ]


@overload
def write_outcomes(
    outcomes: Outcomes | Iterable[Outcome], target: None = None, *, excel: bool = False
) -> str: ...


@overload
def write_outcomes(
    outcomes: Outcomes | Iterable[Outcome],
    target: str | os.PathLike[str] | IO[str],
    *,
    excel: bool = False,
) -> None: ...


def write_outcomes(
    outcomes: Outcomes | Iterable[Outcome],
    target: str | os.PathLike[str] | IO[str] | None = None,
    *,
    excel: bool = False,
) -> str | None:
    r"""Write outcomes as CSV that :func:`read_outcomes` reads back.

    The columns are :data:`COLUMNS`, then one ``ref:<name>`` column per reference name
    (sorted). Text cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``
    first) get a ``'`` in front; numbers stay numbers.

    Args:
        outcomes: The outcomes.
        target: A path or an open text file to write to; ``None`` returns the text.
        excel: "CSV för Excel": ``;`` separators, decimal comma and a byte order mark.

    Returns:
        The CSV text when *target* is ``None``, else ``None``.

    Example:
        >>> from styrmodell import Outcome
        >>> print(write_outcomes([Outcome("x", 2023, "91,74", references={"riket": 90})]))
        indicator,period,gender,org_unit,value,numerator,denominator,budget,ref:riket
        x,2023,T,,91.74,,,,90
        <BLANKLINE>
    """
    items = outcomes.items if isinstance(outcomes, Outcomes) else tuple(outcomes)
    references = sorted({name for item in items for name in item.references})
    text = write_table(
        [*COLUMNS, *(REFERENCE_PREFIX + name for name in references)],
        _rows(items, references),
        excel=excel,
    )
    if target is None:
        return text
    if isinstance(target, str | os.PathLike):
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as exc:
            raise failure(
                SerializationError,
                "outcomes.cannot_write",
                os.fspath(target),
                reason=exc.strerror or str(exc),
            ) from None
    else:
        target.write(text)
    return None
