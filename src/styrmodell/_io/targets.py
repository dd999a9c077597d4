r"""A plan's target table → a draft :class:`~styrmodell.Plan`: ``styrmodell import``.

Swedish terms: *måltabell* (a plan's table of goals, indicators and målvärden per year),
*utkast* (the draft plan written from it).

The table is the one a verksamhetsplan prints, copied from Word or Excel into a CSV file
(``;``, ``,`` or tab; UTF-8 or Windows-1252). Its header names the columns, in any order:

==========================================  ==============================================
goal columns (``KF-mål``, ``Nämndmål``...)  every column left of the indicator column that
                                            is none of the others: one per level, top
                                            first; an empty cell repeats the goal above (a
                                            merged cell in Word)
``Indikator`` / ``Mått`` / ``Nyckeltal``    the indicator's title
``Enhet``                                   its unit (``%``, ``dagar``, ``tkr``, ``st``...)
``Riktning``                                ``högre är bättre`` / ``lägre är bättre``
``Källa`` / ``Datakälla``                   where its values come from ("Kolada U21468"
                                            links the Kolada KPI: ``kolada:U21468``)
``Ingångsvärde`` / ``Utgångsläge``          its baseline: ``48 %``, ``48 (2022)``,
                                            ``72 jan-okt 2022``
``2024``, ``Målvärde 2025``...              the målvärde of that year, as the plan writes it
``Målvärde``                                a målvärde for every year (or for the year the
                                            text names: "Målvärde 2026: 92 %"), or targets
                                            staged by year ("9 % 2020, 15 % 2025, 30 %
                                            2030": one target for each year named)
==========================================  ==============================================

Every målvärde cell is read by :func:`~styrmodell.parse_threshold` with the indicator's
unit, direction and the column's year. A cell it cannot read is left out of the draft and
listed with its line, column and the parser's message; an empty cell, or ``-``, is no
target. Ids are made from the titles (``"Nöjd kund-index"`` → ``nojd-kund-index``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import attrs

from styrmodell._errors import (
    ParseError,
    PlanError,
    Problem,
    SerializationError,
    ThresholdError,
)
from styrmodell._goals import KOLADA_PREFIX, Baseline, Goal, Indicator, Plan
from styrmodell._io._csv import Encoding, Row, Source, Table
from styrmodell._io._tables import read_rows
from styrmodell._messages import failure, problem
from styrmodell._parse._grammar import read, read_schedule
from styrmodell._parse._words import UNITS
from styrmodell._thresholds._base import Threshold
from styrmodell._units import Direction, Unit

__all__ = ["Draft", "Unread", "read_target_table"]

_INDICATOR = frozenset({"indikator", "indikatorer", "mått", "mätetal", "nyckeltal", "indicator"})
_UNIT = frozenset({"enhet", "unit"})
_DIRECTION = frozenset({"riktning", "direction"})
_SOURCE = frozenset({"källa", "datakälla", "källa/mätmetod", "source"})
_BASELINE = frozenset(
    {"ingångsvärde", "utgångsläge", "utgångsvärde", "nuläge", "bokslutsvärde", "baseline"}
)
_ALL_YEARS = frozenset({"målvärde", "målvärden", "målnivå", "target"})
_NO_TARGET = frozenset({"", "-", "–", "—", "--", "…", "..."})
_DIRECTIONS = {
    "högre är bättre": Direction.HIGHER_IS_BETTER,
    "högre": Direction.HIGHER_IS_BETTER,
    "öka": Direction.HIGHER_IS_BETTER,
    "ökande": Direction.HIGHER_IS_BETTER,
    "↑": Direction.HIGHER_IS_BETTER,
    "higher_is_better": Direction.HIGHER_IS_BETTER,
    "higher is better": Direction.HIGHER_IS_BETTER,
    "lägre är bättre": Direction.LOWER_IS_BETTER,
    "lägre": Direction.LOWER_IS_BETTER,
    "minska": Direction.LOWER_IS_BETTER,
    "minskande": Direction.LOWER_IS_BETTER,
    "↓": Direction.LOWER_IS_BETTER,
    "lower_is_better": Direction.LOWER_IS_BETTER,
    "lower is better": Direction.LOWER_IS_BETTER,
}
# "48 %", "1 500 st (2022)", "72 jan-okt 2022": a number, a unit word, the period measured.
_BASELINE_NUMBER = re.compile(r"[-−+]?(?:\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:[.,]\d+)?")
_MAX_BASELINE = 60
_YEAR_COLUMN = re.compile(r"(?:(?:målvärde|mål|målnivå|target)\s*)?((?:19|20)\d\d)", re.IGNORECASE)
_MAX_ID = 40
_KOLADA = re.compile(r"kolada\s*:?\s*([NU]\d{5})", re.IGNORECASE)


@attrs.frozen
class Unread:
    """A cell of the table that did not go into the draft.

    Attributes:
        line: The line of the file the row starts on.
        column: The column's name as the header writes it.
        problem: Why: the parser's message (code ``parse.*``), or the import's
            (``import.*``).
    """

    line: int
    column: str
    problem: Problem


@attrs.frozen
class Draft:
    """What :func:`read_target_table` made of a table.

    Attributes:
        plan: The draft plan: goals, indicators and every målvärde read.
        unread: The cells left out, in the order of the table.
        ignored: Columns the import does not know, left out.
        targets: How many målvärden the draft holds.
    """

    plan: Plan
    unread: tuple[Unread, ...] = ()
    ignored: tuple[str, ...] = ()
    targets: int = 0


@attrs.define
class _Goal:
    title: str
    children: dict[str, _Goal] = attrs.Factory(dict)
    indicators: list[Indicator] = attrs.Factory(list)


@attrs.frozen
class _Columns:
    goals: tuple[str, ...]
    indicator: str
    unit: str | None
    direction: str | None
    source: str | None
    baseline: str | None
    all_years: str | None
    years: tuple[tuple[str, int], ...]
    ignored: tuple[str, ...]


def read_target_table(
    source: Source,
    *,
    name: str | None = None,
    sheet: str | int | None = None,
    plan_id: str | None = None,
    title: str | None = None,
    years: tuple[int, int] | None = None,
    encoding: Encoding = "auto",
    locale: str | None = None,
) -> Draft:
    r"""Read a plan's target table (CSV, or a sheet of an .xlsx workbook) into a draft plan.

    Args:
        source: A path, the file's bytes, or an open file: a CSV file or an .xlsx workbook
            (read by the same code, :func:`styrmodell._io._tables.read_rows`).
        name: How messages name the file; the path by default.
        sheet: The sheet of a workbook, by name or number; the first by default.
        plan_id: The plan's id; made from the file's name by default.
        title: The plan's title; the file's name by default.
        years: The plan's first and last year; by default those of the year columns (and
            of the years the målvärden name). Years the table holds widen them.
        encoding: ``"auto"`` (UTF-8, else Windows-1252) or ``"utf-8"``.
        locale: The language of the parser's messages (English if not given).

    Returns:
        The :class:`Draft`: the plan, and every cell that did not go into it.

    Raises:
        SerializationError: for a file that cannot be read as a table, a table without an
            indicator column, a goal column or a målvärde column, or no year at all.

    Examples:
        >>> table = (
        ...     "Nämndmål;Indikator;Enhet;2024;2025\n"
        ...     "Nöjda brukare;Nöjd kund-index;;minst 75;minst 77\n"
        ...     ";Väntetid särskilt boende;dagar;högst 60;se bilaga\n"
        ... ).encode()
        >>> draft = read_target_table(table, name="mal.csv", plan_id="von")
        >>> [i.id for i in draft.plan.all_indicators()]
        ['nojd-kund-index', 'vantetid-sarskilt-boende']
        >>> draft.targets, [(u.line, u.column) for u in draft.unread]
        (3, [(3, '2025')])
    """
    table = read_rows(source, sheet=sheet, name=name, encoding=encoding)
    columns = _columns(table)
    unread: list[Unread] = []
    tops: dict[str, _Goal] = {}
    seen_years: set[int] = set(years) if years is not None else set()
    ids: set[str] = set()
    count = 0
    current: list[str] = []
    for row in table.rows:
        path = _goal_path(row, columns.goals, current)
        if not path:
            if any(row.get(c) for c in (columns.indicator, *(c for c, _ in columns.years))):
                unread.append(_unread(row, columns.goals[0], "import.no_goal"))
            continue
        goal = _goal_at(tops, path)
        indicator_title = row.get(columns.indicator)
        if not indicator_title:
            for column, _ in columns.years:
                if row.get(column) not in _NO_TARGET:
                    unread.append(_unread(row, column, "import.no_indicator"))
            continue
        made, read_here, problems = _indicator(row, columns, indicator_title, ids, locale)
        unread += problems
        count += read_here
        seen_years.update(made.targets)
        goal.indicators.append(made)
    seen_years.update(y for _, y in columns.years)
    if not seen_years:
        raise failure(SerializationError, "import.no_years", table.name)
    stem = Path(table.name).stem if table.name != "<csv>" else "plan"
    plan = Plan(
        id=plan_id or _slug(stem, "plan"),
        title=title if title is not None else stem,
        years=(min(seen_years), max(seen_years)),
        levels=columns.goals,
        goals=_goals(tops.values(), ids),
    )
    return Draft(plan, tuple(unread), columns.ignored, count)


def _key(header: str) -> str:
    return " ".join(header.casefold().rstrip(":").split())


def _columns(table: Table) -> _Columns:
    indicator = next((h for h in table.header if _key(h) in _INDICATOR), None)
    if indicator is None:
        raise failure(
            SerializationError, "import.no_indicator_column", table.name, header=table.header
        )
    found: dict[str, str] = {}
    years: list[tuple[str, int]] = []
    goals: list[str] = []
    ignored: list[str] = []
    left = True
    for header in table.header:
        key = _key(header)
        matched = _YEAR_COLUMN.fullmatch(key)
        if header == indicator:
            left = False
        elif matched is not None:
            years.append((header, int(matched.group(1))))
        elif key in _UNIT and "unit" not in found:
            found["unit"] = header
        elif key in _DIRECTION and "direction" not in found:
            found["direction"] = header
        elif key in _SOURCE and "source" not in found:
            found["source"] = header
        elif key in _BASELINE and "baseline" not in found:
            found["baseline"] = header
        elif key in _ALL_YEARS and "all" not in found:
            found["all"] = header
        elif left and key:
            goals.append(header)
        else:
            ignored.append(header)
    if not goals:
        raise failure(SerializationError, "import.no_goal_column", table.name)
    if not years and "all" not in found:
        raise failure(SerializationError, "import.no_target_column", table.name)
    return _Columns(
        goals=tuple(goals),
        indicator=indicator,
        unit=found.get("unit"),
        direction=found.get("direction"),
        source=found.get("source"),
        baseline=found.get("baseline"),
        all_years=found.get("all"),
        years=tuple(years),
        ignored=tuple(ignored),
    )


def _goal_path(row: Row, columns: tuple[str, ...], current: list[str]) -> tuple[str, ...]:
    """The goal titles of *row*, top first; an empty cell repeats the row above's.

    A new goal at one level starts afresh below it: the levels under it are what the row
    says, not what the rows above said.
    """
    for level, column in enumerate(columns):
        cell = " ".join(row.get(column).split())
        if cell:
            del current[level:]
            current.append(cell)
    return tuple(current)


def _goal_at(tops: dict[str, _Goal], path: tuple[str, ...]) -> _Goal:
    level = tops
    goal = None
    for title in path:
        goal = level.setdefault(title, _Goal(title))
        level = goal.children
    assert goal is not None
    return goal


def _goals(made: Iterable[_Goal], ids: set[str]) -> tuple[Goal, ...]:
    return tuple(
        Goal(
            id=_unique(_slug(g.title, "mal"), ids),
            title=g.title,
            children=_goals(g.children.values(), ids),
            indicators=tuple(g.indicators),
        )
        for g in made
    )


def _slug(title: str, fallback: str) -> str:
    plain = unicodedata.normalize("NFKD", title.casefold())
    ascii_only = "".join(ch for ch in plain if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:_MAX_ID].strip("-")
    return slug or fallback


def _unique(slug: str, ids: set[str]) -> str:
    found, n = slug, 1
    while found in ids:
        n += 1
        found = f"{slug}-{n}"
    ids.add(found)
    return found


def _unread(row: Row, column: str, code: str, **params: object) -> Unread:
    return Unread(row.line, column, problem(code, **params))


def _unit(row: Row, column: str | None) -> tuple[Unit | None, Unread | None]:
    if column is None:
        return None, None
    cell = row.get(column)
    if not cell:
        return None, None
    word = UNITS.get(cell.casefold())
    if word is not None and word.unit is not None:
        return word.unit, None
    for unit in Unit:
        if cell.casefold() in (unit.value, unit.name.casefold()):
            return unit, None
    return None, _unread(row, column, "import.unit", value=cell)


def _direction(row: Row, column: str | None) -> tuple[Direction | None, Unread | None]:
    if column is None:
        return None, None
    cell = _key(row.get(column))
    if not cell:
        return None, None
    found = _DIRECTIONS.get(cell)
    if found is not None:
        return found, None
    return None, _unread(row, column, "import.direction", value=row.get(column))


def _baseline(row: Row, column: str | None) -> tuple[Baseline | None, Unread | None]:
    if column is None:
        return None, None
    cell = " ".join(row.get(column).split())
    if cell.casefold() in _NO_TARGET or cell.casefold() in ("nytt mål", "saknas", "ny"):
        return None, None
    number = _BASELINE_NUMBER.match(cell) if len(cell) <= _MAX_BASELINE else None
    if number is not None:
        rest = cell[number.end() :].strip()
        word = rest.split(" ", 1)[0].casefold()
        if word in UNITS:
            rest = rest[len(word) :].strip()
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1].strip()
        try:
            return Baseline(number.group(), rest or None), None
        except PlanError:
            pass
    return None, _unread(row, column, "import.baseline", value=cell)


def _indicator(
    row: Row, columns: _Columns, title: str, ids: set[str], locale: str | None
) -> tuple[Indicator, int, list[Unread]]:
    unread: list[Unread] = []
    unit, bad_unit = _unit(row, columns.unit)
    direction, bad_direction = _direction(row, columns.direction)
    baseline, bad_baseline = _baseline(row, columns.baseline)
    unread += [u for u in (bad_unit, bad_direction, bad_baseline) if u is not None]
    targets: dict[int, Threshold] = {}
    every_year: Threshold | None = None
    cells = list(columns.years)
    if columns.all_years is not None:
        cells.append((columns.all_years, 0))
    for column, year in cells:
        cell = row.get(column)
        if cell in _NO_TARGET:
            continue
        found: tuple[tuple[int | None, Threshold], ...]
        try:
            reading = read(cell, unit=unit, direction=direction, year=year or None, locale=locale)
            found = ((year or reading.year, reading.threshold),)
        except (ParseError, ThresholdError) as exc:
            staged = _schedule(cell, unit, direction, locale) if not year else None
            if staged is None:
                unread.append(Unread(row.line, column, _first(exc)))
                continue
            found = tuple(staged.items())
        for at, rule in found:
            if at is None:
                every_year = rule
            elif at in targets:
                unread.append(_unread(row, column, "import.twice", year=at))
            else:
                targets[at] = rule
    rules = (*targets.values(), every_year)
    units = {u for t in rules if (u := getattr(t, "unit", None)) is not None}
    if unit is None and len(units) == 1:
        unit = units.pop()
    source = _source(row.get(columns.source)) if columns.source else ""
    made = functools.partial(
        Indicator,
        id=_unique(_slug(title, "matt"), ids),
        title=title,
        unit=unit,
        direction=direction,
        baseline=baseline,
        targets=targets,
        target=every_year,
    )
    try:
        indicator = made(source=source)
    except PlanError as exc:  # a source the plan refuses ("kolada:" and no KPI id)
        if columns.source is None or not exc.problems:
            raise
        unread.append(Unread(row.line, columns.source, exc.problems[0]))
        indicator = made()
    return indicator, len(targets) + (every_year is not None), unread


def _source(cell: str) -> str:
    """The source as written; "Kolada U21468" names the KPI the way plans link it."""
    found = _KOLADA.fullmatch(cell)
    return f"{KOLADA_PREFIX}{found[1].upper()}" if found is not None else cell


def _schedule(
    cell: str, unit: Unit | None, direction: Direction | None, locale: str | None
) -> dict[int, Threshold] | None:
    """Targets staged by year in one cell ("9 % 2020, 15 % 2025, 30 % 2030"), or ``None``."""
    try:
        return read_schedule(cell, unit=unit, direction=direction, locale=locale)
    except (ParseError, ThresholdError):
        return None


def _first(exc: ParseError | ThresholdError) -> Problem:
    return exc.problems[0] if exc.problems else Problem("", str(exc))
