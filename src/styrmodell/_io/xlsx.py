r"""Excel workbooks (.xlsx): budget tables with their sums as formulas, and scorecards.

Swedish terms: *arbetsbok* (workbook), *blad* (sheet), *formel* (formula), *internbudget*,
*investeringsbudget*, *måluppfyllelse* (a scorecard), *kontroll* (the printed figures
against what the lines give).

Every writer returns the workbook's bytes and writes them to a path or binary file when
given one. Reading is :func:`styrmodell.io.read_ledger` and friends, which take a workbook
as they take a CSV file (see :mod:`styrmodell._io._xlsx`).

**Ledgers and investment budgets** are written as the document prints them — a block per
kind (nettokostnad, intäkter, kostnader) with a row per verksamhet, or a row per
investment object — with every figure that follows from others as a formula Excel
recalculates: a nettokostnad row is ``=C14+C27``, "S:a" is ``=SUM(C14:C23)``, "Varav summa
SOF" is ``=SUMIF($C$14:$C$23,$C$25,D14:D23)`` (the group's name is read from its cell, so no
text from the data is ever part of a formula). A *Kontroll* sheet sets each printed
figure beside the formula that computes it and their difference, and a *Data* sheet holds
the table's rows in the file format :func:`~styrmodell.io.read_ledger` reads back.

**Scorecards** are one tree sheet — every goal and indicator in plan order, indented by
level and grouped so Excel can fold a goal's rows — with the status as a fill colour *and*
its icon and word, outcomes as numbers in the indicator's unit, women's and men's status
and outcome side by side, a frozen header and an autofilter; a summary sheet counts the
statuses per level, and an *Om rapporten* sheet holds the plan, the year, the as-of date,
when the workbook was made, the data sources, and a note when the outcomes are fictional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from styrmodell._assessment import GoalResult, IndicatorResult, Scorecard, _value_text
from styrmodell._errors import StyrmodellError
from styrmodell._investments import InvestmentBudget
from styrmodell._io import investments as investment_file
from styrmodell._io import ledger as ledger_file
from styrmodell._io._csv import sheet_reference
from styrmodell._io._xlsx_book import (
    Book,
    Formula,
    WorkbookTarget,
    number_format,
    places_of,
)
from styrmodell._ledger import Ledger
from styrmodell._ledger_lines import LineKind, Verksamhet
from styrmodell._messages import failure, text
from styrmodell._outcomes import Gender, Outcome
from styrmodell._status import Status
from styrmodell._thresholds._lint import describe
from styrmodell._units import Unit

__all__ = ["write_investments_xlsx", "write_ledger_xlsx", "write_scorecard_xlsx"]

_EXCEL_DIGITS = 15
_ORDER = (Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED)


def _number(value: Decimal) -> Decimal | str:
    """A number cell, or text when Excel's 15 digits would round it (read back exactly)."""
    digits = len(value.normalize().as_tuple().digits) if not value.is_zero() else 1
    if digits > _EXCEL_DIGITS:
        return format(value, "f")
    return value


def _data_sheet(
    book: Book, title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """The table's rows in its file format: what :func:`~styrmodell.io.read_ledger` reads."""
    ws = book.sheet(title)
    book.header(ws, 1, columns)
    count = 1
    for r, row in enumerate(rows, start=2):
        count = r
        for c, value in enumerate(row, start=1):
            if isinstance(value, Decimal):
                book.put(ws, r, c, _number(value))
            elif value is not None and value != "":
                book.put(ws, r, c, value)
    book.finish(ws, freeze="A2", filter_rows=(1, count), columns=len(columns))


# -- ledgers ----------------------------------------------------------------------------


def _capital(word: str) -> str:
    """*word* with a capital first letter, as a label on a row ("S:a Nettokostnad")."""
    return word[:1].upper() + word[1:]


def _ledger_format(ledger: Ledger) -> str:
    amounts = [line.amount for line in ledger.lines] + [f.amount for f in ledger.printed]
    places = max((places_of(a) for a in amounts), default=0)
    return number_format(None, places)


def write_ledger_xlsx(
    ledger: Ledger,
    target: WorkbookTarget | None = None,
    *,
    locale: str = "sv",
) -> bytes:
    """Write *ledger* as an Excel workbook, its sums as formulas Excel recalculates.

    Sheets: the budget table (a block per kind, the nettokostnad rows, group sub-totals
    and "S:a" rows as formulas), *Kontroll* (each printed figure beside the formula that
    computes it, and their difference: zero where :func:`styrmodell.ledger.check` finds
    nothing), and *Data* (the rows of the ledger file, which
    :func:`~styrmodell.io.read_ledger` reads back).

    Args:
        ledger: The ledger.
        target: A path or a binary file to write to; ``None`` only returns the bytes.
        locale: The language of labels and sheet names.

    Returns:
        The workbook's bytes.

    Raises:
        SerializationError: when openpyxl (the ``excel`` extra) is missing or the file
            cannot be written.

    Example:
        >>> import io, openpyxl
        >>> from styrmodell.ledger import LedgerLine
        >>> ledger = Ledger([LedgerLine("54 IFO", "intäkter", "Budget 2022", 2045),
        ...                  LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117)])
        >>> book = openpyxl.load_workbook(io.BytesIO(write_ledger_xlsx(ledger)))
        >>> book.sheetnames
        ['Internbudget', 'Kontroll', 'Data']
        >>> sheet = book["Internbudget"]
        >>> for r in (2, 3, 4):
        ...     print(sheet.cell(r, 2).value, sheet.cell(r, 3).value)
        NETTOKOSTNAD None
        IFO =C7+C11
        S:a Nettokostnad =SUM(C3:C3)
    """
    if not isinstance(ledger, Ledger):
        raise failure(StyrmodellError, "xlsx.expected", "write_ledger_xlsx", value=ledger)
    book = Book()
    sheet = _LedgerSheet(book, ledger, locale)
    sheet.write()
    sheet.check_sheet()
    _data_sheet(
        book, text("xlsx.sheet.data", locale), ledger_file.COLUMNS, ledger_file.records(ledger)
    )
    return book.save(target)


class _LedgerSheet:
    """The budget table of a ledger: where each row is, then the cells."""

    def __init__(self, book: Book, ledger: Ledger, locale: str) -> None:
        self.book = book
        self.ledger = ledger
        self.locale = locale
        self.ws = book.sheet(text("xlsx.sheet.ledger", locale))
        self.format = _ledger_format(ledger)
        scenarios = dict.fromkeys(ledger.scenarios)
        scenarios.update(dict.fromkeys(f.scenario for f in ledger.printed))
        self.scenarios = tuple(scenarios)
        rows: dict[str, Verksamhet] = {v.code: v for v in ledger.verksamheter}
        for fig in ledger.printed:
            if fig.verksamhet is not None:
                rows.setdefault(fig.verksamhet.code, fig.verksamhet)
        self.verksamheter = tuple(rows.values())
        self.groups = ledger.groups
        self.grouped = bool(ledger.chart)
        self.first = 4 if self.grouped else 3  # the first scenario column
        self.amounts = {
            (ln.verksamhet.code, ln.kind, ln.scenario): ln.amount for ln in ledger.lines
        }
        # Where things are: per kind, the block's title row, its verksamhet rows, its group
        # rows and its total row.
        self.rows: dict[tuple[LineKind, str], int] = {}
        self.group_rows: dict[tuple[LineKind, str], int] = {}
        self.totals: dict[LineKind, int] = {}
        self.spans: dict[LineKind, tuple[int, int]] = {}
        row = 2  # the first block's title
        for kind in (LineKind.NET, LineKind.INCOME, LineKind.COSTS):
            row += 1
            first = row
            for v in self.verksamheter:
                self.rows[(kind, v.code)] = row
                row += 1
            self.spans[kind] = (first, max(first, row - 1))
            for group in self.groups:
                self.group_rows[(kind, group)] = row
                row += 1
            self.totals[kind] = row
            row += 2

    def letter(self, scenario: str) -> str:
        return str(self.book.utils.get_column_letter(self.first + self.scenarios.index(scenario)))

    def write(self) -> None:
        book, ws, locale = self.book, self.ws, self.locale
        unit = self.ledger.unit.suffix(locale)
        head = [
            text("xlsx.column.code", locale),
            f"{text('xlsx.column.verksamhet', locale)} ({unit})",
        ]
        if self.grouped:
            head.append(text("xlsx.column.group", locale))
        book.header(ws, 1, [*head, *self.scenarios])
        for kind in (LineKind.NET, LineKind.INCOME, LineKind.COSTS):
            first, last = self.spans[kind]
            book.put(ws, first - 1, 2, kind.label(locale).upper(), bold=True)
            for v in self.verksamheter:
                row = self.rows[(kind, v.code)]
                book.put(ws, row, 1, v.code)
                book.put(ws, row, 2, v.name)
                if self.grouped and v.code in self.ledger.chart:
                    book.put(ws, row, 3, self.ledger.chart[v.code])
                for scenario in self.scenarios:
                    self._cell(kind, v.code, scenario, row)
            for group in self.groups:
                row = self.group_rows[(kind, group)]
                book.put(
                    ws, row, 2, text("xlsx.ledger.group_total", locale, group=group), italic=True
                )
                book.put(ws, row, 3, group, italic=True)
                for scenario in self.scenarios:
                    c = self.letter(scenario)
                    book.put(
                        ws,
                        row,
                        self.first + self.scenarios.index(scenario),
                        Formula(f"=SUMIF($C${first}:$C${last},$C{row},{c}{first}:{c}{last})"),
                        format=self.format,
                        italic=True,
                    )
            row = self.totals[kind]
            book.put(
                ws,
                row,
                2,
                text("xlsx.ledger.total", locale, kind=_capital(kind.label(locale))),
                bold=True,
            )
            for scenario in self.scenarios:
                c = self.letter(scenario)
                book.put(
                    ws,
                    row,
                    self.first + self.scenarios.index(scenario),
                    Formula(f"=SUM({c}{first}:{c}{last})"),
                    format=self.format,
                    bold=True,
                )
        book.finish(ws, freeze=f"{self.letter(self.scenarios[0]) if self.scenarios else 'C'}2")

    def _cell(self, kind: LineKind, code: str, scenario: str, row: int) -> None:
        column = self.first + self.scenarios.index(scenario)
        if kind is LineKind.NET:
            c = self.letter(scenario)
            income = self.rows[(LineKind.INCOME, code)]
            costs = self.rows[(LineKind.COSTS, code)]
            self.book.put(
                self.ws, row, column, Formula(f"={c}{income}+{c}{costs}"), format=self.format
            )
            return
        found = self.amounts.get((code, kind, scenario))
        if found is not None:
            self.book.put(self.ws, row, column, _number(found), format=self.format)

    def source(self, kind: LineKind, code: str | None, group: str | None, scenario: str) -> str:
        """The formula's cell in the budget sheet for a printed figure, as a reference."""
        sheet = sheet_reference(self.ws.title)
        c = self.letter(scenario)
        if code is not None:
            return f"{sheet}!{c}{self.rows[(kind, code)]}"
        if group is not None and (kind, group) in self.group_rows:
            return f"{sheet}!{c}{self.group_rows[(kind, group)]}"
        return f"{sheet}!{c}{self.totals[kind]}"

    def check_sheet(self) -> None:
        book, locale, ledger = self.book, self.locale, self.ledger
        ws = book.sheet(text("xlsx.sheet.check", locale))
        book.header(
            ws,
            1,
            [
                text("xlsx.column.row", locale),
                text("xlsx.column.kind", locale),
                text("xlsx.column.scenario", locale),
                text("xlsx.column.printed", locale),
                text("xlsx.column.computed", locale),
                text("xlsx.column.difference", locale),
            ],
        )
        last = 1
        for r, fig in enumerate(ledger.printed, start=2):
            last = r
            book.put(ws, r, 1, fig.where(locale))
            book.put(ws, r, 2, fig.kind.label(locale))
            book.put(ws, r, 3, fig.scenario)
            book.put(ws, r, 4, _number(fig.amount), format=self.format)
            code = fig.verksamhet.code if fig.verksamhet is not None else None
            if fig.group is not None and (fig.kind, fig.group) not in self.group_rows:
                # A group the chart does not know sums nothing, as styrmodell.ledger.total.
                formula = "=0"
            else:
                formula = "=" + self.source(fig.kind, code, fig.group, fig.scenario)
            book.put(ws, r, 5, Formula(formula), format=self.format)
            book.put(ws, r, 6, Formula(f"=D{r}-E{r}"), format=self.format, bold=True)
        book.finish(ws, freeze="A2", filter_rows=(1, last), columns=6)


# -- investment budgets -----------------------------------------------------------------


def write_investments_xlsx(
    budget: InvestmentBudget,
    target: WorkbookTarget | None = None,
    *,
    locale: str = "sv",
) -> bytes:
    """Write *budget* as an Excel workbook, its sums as formulas Excel recalculates.

    Sheets: the investment table (row number, object, group, category and an amount per
    year, then "Summa" as ``=SUM(...)`` and a sub-total per group and per category as
    ``=SUMIF(...)``), *Kontroll* (each printed sum beside its formula and their
    difference) and *Data* (the rows :func:`~styrmodell.io.read_investments` reads back).

    Args:
        budget: The investment budget.
        target: A path or a binary file to write to; ``None`` only returns the bytes.
        locale: The language of labels and sheet names.

    Returns:
        The workbook's bytes.

    Raises:
        SerializationError: when openpyxl (the ``excel`` extra) is missing or the file
            cannot be written.

    Example:
        >>> import io, openpyxl
        >>> from styrmodell.ledger import InvestmentObject
        >>> budget = InvestmentBudget([InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})])
        >>> book = openpyxl.load_workbook(io.BytesIO(write_investments_xlsx(budget)))
        >>> book["Investeringsbudget"].cell(4, 5).value
        '=SUM(E2:E2)'
    """
    if not isinstance(budget, InvestmentBudget):
        raise failure(StyrmodellError, "xlsx.expected", "write_investments_xlsx", value=budget)
    book = Book()
    ws = book.sheet(text("xlsx.sheet.investments", locale))
    years = sorted(
        {y for obj in budget.objects for y in obj.amounts} | {s.year for s in budget.printed}
    )
    amounts = [a for obj in budget.objects for a in obj.amounts.values()]
    fmt = number_format(None, max((places_of(a) for a in amounts), default=0))
    unit = budget.unit.suffix(locale)
    book.header(
        ws,
        1,
        [
            text("xlsx.column.row_number", locale),
            text("xlsx.column.object", locale),
            text("xlsx.column.group", locale),
            text("xlsx.column.category", locale),
            *(f"{year} ({unit})" for year in years),
        ],
    )
    letter = book.utils.get_column_letter
    column = {year: 5 + i for i, year in enumerate(years)}
    first = 2
    for r, obj in enumerate(budget.objects, start=first):
        book.put(ws, r, 1, obj.row)
        book.put(ws, r, 2, obj.name)
        book.put(ws, r, 3, obj.group)
        book.put(ws, r, 4, obj.category)
        for year, amount in obj.amounts.items():
            book.put(ws, r, column[year], _number(amount), format=fmt)
    last = max(first, first + len(budget.objects) - 1)
    row = first + len(budget.objects) + 1
    total_row = row
    book.put(ws, row, 2, text("xlsx.investments.total", locale, unit=unit), bold=True)
    for year in years:
        c = letter(column[year])
        book.put(
            ws, row, column[year], Formula(f"=SUM({c}{first}:{c}{last})"), format=fmt, bold=True
        )
    where: dict[tuple[str, str], int] = {}
    for by, col, values in (
        ("group", 3, dict.fromkeys(o.group for o in budget.objects)),
        ("category", 4, dict.fromkeys(o.category for o in budget.objects)),
    ):
        for value in values:
            row += 1
            where[(by, value)] = row
            book.put(ws, row, 2, text("xlsx.investments.part", locale, part=value), italic=True)
            book.put(ws, row, col, value, italic=True)
            k = letter(col)
            for year in years:
                c = letter(column[year])
                book.put(
                    ws,
                    row,
                    column[year],
                    Formula(f"=SUMIF(${k}${first}:${k}${last},${k}{row},{c}{first}:{c}{last})"),
                    format=fmt,
                    italic=True,
                )
    book.finish(ws, freeze="E2")

    check = book.sheet(text("xlsx.sheet.check", locale))
    book.header(
        check,
        1,
        [
            text("xlsx.column.label", locale),
            text("xlsx.column.group", locale),
            text("xlsx.column.category", locale),
            text("xlsx.column.year", locale),
            text("xlsx.column.printed", locale),
            text("xlsx.column.computed", locale),
            text("xlsx.column.difference", locale),
        ],
    )
    sheet = sheet_reference(ws.title)
    end = 1
    for r, s in enumerate(budget.printed, start=2):
        end = r
        book.put(check, r, 1, s.label)
        if s.group is not None:
            book.put(check, r, 2, s.group)
        if s.category is not None:
            book.put(check, r, 3, s.category)
        book.put(check, r, 4, s.year)
        book.put(check, r, 5, _number(s.amount), format=fmt)
        c = letter(column[s.year])
        span = f"{sheet}!${c}${first}:${c}${last}"
        criteria = ""
        if s.group is not None:
            criteria += f",{sheet}!$C${first}:$C${last},B{r}"
        if s.category is not None:
            criteria += f",{sheet}!$D${first}:$D${last},C{r}"
        formula = f"=SUMIFS({span}{criteria})" if criteria else f"={sheet}!{c}{total_row}"
        book.put(check, r, 6, Formula(formula), format=fmt)
        book.put(check, r, 7, Formula(f"=E{r}-F{r}"), format=fmt, bold=True)
    book.finish(check, freeze="A2", filter_rows=(1, end), columns=7)
    _data_sheet(
        book,
        text("xlsx.sheet.data", locale),
        investment_file.COLUMNS,
        investment_file.records(budget),
    )
    return book.save(target)


# -- scorecards -------------------------------------------------------------------------


def _outcome_cell(
    outcome: Outcome | None, result: IndicatorResult, locale: str
) -> tuple[object, str | None]:
    """An outcome as a cell value and its number format: numbers stay numbers."""
    if outcome is None or outcome.value is None:
        return None, None
    value = outcome.value
    unit = result.indicator.unit
    if isinstance(value, Decimal):
        fmt = number_format(unit, places_of(value), locale)
        if unit is Unit.PERCENT:
            # Excel holds a percentage as a fraction; its format shows it × 100.
            return _number(value.scaleb(-2)), fmt
        return _number(value), fmt
    return _value_text(outcome, result.indicator, locale), None


# The widest some columns of the tree sheet may be, in characters: longer text wraps, so a
# printout fits a landscape page.
_WIDEST = {"goal": 48, "target": 36, "why": 40, "source": 18, "responsible": 14, "id": 16}


class _ScorecardSheet:
    """The tree sheet of a scorecard: a row per goal and indicator, in plan order."""

    def __init__(self, book: Book, card: Scorecard, locale: str) -> None:
        self.book = book
        self.card = card
        self.locale = locale
        self.genders = [
            g
            for g in (Gender.WOMEN, Gender.MEN)
            if any(g in ind.by_gender() for ind in card.all_indicators())
        ]
        keys = ["level", "goal", "status", "outcome", "period", "target"]
        names = [text(f"xlsx.column.{key}", locale) for key in keys]
        for g in self.genders:
            label = g.label(locale)
            keys += [f"status_{g.value}", f"outcome_{g.value}"]
            names += [
                text("xlsx.column.gender_status", locale, gender=label),
                text("xlsx.column.gender_outcome", locale, gender=label),
            ]
        for key in ("responsible", "source", "why", "id"):
            keys.append(key)
            names.append(text(f"xlsx.column.{key}", locale))
        self.names = names
        self.column = {key: number for number, key in enumerate(keys, start=1)}

    def write(self, banner: str | None) -> None:
        book, card, locale = self.book, self.card, self.locale
        ws = book.sheet(text("xlsx.sheet.scorecard", locale))
        ws.sheet_properties.outlinePr.summaryBelow = False
        top = 1
        if banner is not None:
            # Fictional outcomes are said above the table, where a printout shows them.
            book.put(ws, 1, 1, banner, bold=True, fill="FFC7CE", colour="9C0006", width=0)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(self.names))
            top = 2
        book.header(ws, top, self.names)
        self.row = top + 1
        self.ws = ws
        for goal in card.goals:
            self._goal(goal)
        book.finish(
            ws,
            freeze=f"C{top + 1}",
            filter_rows=(top, self.row - 1),
            columns=len(self.names),
            title_row=top,
            landscape=True,
            widest={self.column[key]: width for key, width in _WIDEST.items()},
        )
        book.fit_rows(ws)

    def put(self, key: str, value: object, **style: Any) -> None:
        self.book.put(self.ws, self.row, self.column[key], value, **style)

    def _goal(self, goal: GoalResult) -> None:
        levels = self.card.plan.levels
        self.put("level", levels[goal.level] if goal.level < len(levels) else "")
        self.put("goal", goal.goal.title or goal.id, bold=True, indent=goal.level)
        self.book.status(self.ws, self.row, self.column["status"], goal.status, self.locale)
        self.put("responsible", ", ".join(goal.responsible))
        self.put("why", goal.explain(self.locale))
        self.put("id", goal.id)
        self.ws.row_dimensions[self.row].outline_level = min(goal.level, 7)
        self.row += 1
        for ind in goal.indicators:
            self._indicator(ind, goal.level + 1, goal)
        for child in goal.children:
            self._goal(child)

    def _indicator(self, ind: IndicatorResult, depth: int, goal: GoalResult) -> None:
        locale = self.locale
        self.put("goal", ind.indicator.title or ind.id, indent=depth)
        self.book.status(self.ws, self.row, self.column["status"], ind.status, locale)
        value, fmt = _outcome_cell(ind.outcome, ind, locale)
        if value is not None:
            self.put("outcome", value, format=fmt)
        if ind.outcome is not None:
            # Indented: a period is text, and would run into the number right of it.
            self.put("period", ind.outcome.period.label(locale), indent=1)
        if ind.threshold is not None:
            self.put("target", describe(ind.threshold, locale))
        else:
            self.put("target", text("assess.no_target", locale))
        per_gender = ind.by_gender()
        for g in self.genders:
            found = per_gender.get(g)
            if found is None:
                continue
            status = self.column[f"status_{g.value}"]
            self.book.status(self.ws, self.row, status, found.status, locale)
            value, fmt = _outcome_cell(ind.outcomes.get((g, ind.org_unit)), ind, locale)
            if value is not None:
                self.put(f"outcome_{g.value}", value, format=fmt)
        self.put("responsible", ", ".join(goal.responsible))
        self.put("source", ind.indicator.source)
        self.put("why", ind.explain(locale))
        self.put("id", ind.id)
        self.ws.row_dimensions[self.row].outline_level = min(depth, 7)
        self.row += 1


def write_scorecard_xlsx(
    card: Scorecard,
    target: WorkbookTarget | None = None,
    *,
    locale: str = "sv",
    sources: Sequence[str] = (),
    fictional: bool = False,
    generated: dt.datetime | None = None,
) -> bytes:
    r"""Write a scorecard as an Excel workbook: a tree sheet, a summary, and its provenance.

    The tree sheet has a row per goal and indicator in plan order (indented by level and
    grouped, so Excel folds a goal's rows), the status as a fill colour *and* its icon and
    word, the outcome as a number in the indicator's unit (a percentage as Excel keeps
    one), the period, the target in words, each gender's status and outcome where an
    indicator is followed up per kön, the responsible units, the data source and why; its
    header is frozen and filtered. The summary sheet counts statuses per level; *Om
    rapporten* names the plan, year, as-of date, when the workbook was made and from
    which sources, and says so when the outcomes are fictional.

    Args:
        card: What :func:`~styrmodell.assess` returned.
        target: A path or a binary file to write to; ``None`` only returns the bytes.
        locale: The language of words, labels and sheet names.
        sources: Where the data came from, one line each ("Utfall: utfall-2023.csv").
        fictional: The outcomes are made up (a demo): say so on the first sheet too.
        generated: When the workbook is made; now by default.

    Returns:
        The workbook's bytes.

    Raises:
        SerializationError: when openpyxl (the ``excel`` extra) is missing or the file
            cannot be written.

    Example:
        >>> import io, openpyxl
        >>> import styrmodell as sm
        >>> plan = sm.Plan(id="p", title="VP", years=2023, levels=("Nämndmål",), goals=[
        ...     sm.Goal(id="g", title="Nöjda brukare", indicators=[sm.Indicator(
        ...         id="i", title="Nöjdhet", unit=sm.Unit.PERCENT,
        ...         targets={2023: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)})])])
        >>> card = sm.assess(plan, [sm.Outcome("i", 2023, 85)], 2023)
        >>> sheet = openpyxl.load_workbook(io.BytesIO(write_scorecard_xlsx(card))).active
        >>> [sheet.cell(3, c).value for c in (2, 3, 4)], sheet["D3"].number_format
        (['Nöjdhet', '● Grönt', 0.85], '#,##0\\ %')
    """
    if not isinstance(card, Scorecard):
        raise failure(StyrmodellError, "xlsx.expected", "write_scorecard_xlsx", value=card)
    made = generated or dt.datetime.now().replace(microsecond=0)
    book = Book(made)
    sheet = _ScorecardSheet(book, card, locale)
    sheet.write(text("xlsx.about.fictional", locale) if fictional else None)
    _summary_sheet(book, card, locale)
    _about_sheet(book, card, locale, sources, fictional, made)
    return book.save(target)


def _summary_sheet(book: Book, card: Scorecard, locale: str) -> None:
    ws = book.sheet(text("xlsx.sheet.summary", locale))
    book.header(
        ws,
        1,
        [
            text("xlsx.column.level", locale),
            *(" " for _ in _ORDER),
            text("xlsx.column.total", locale),
        ],
    )
    for c, status in enumerate(_ORDER, start=2):
        book.status(ws, 1, c, status, locale)
    r = 2
    for number, name in enumerate(card.plan.levels):
        counts = card.counts(number)
        book.put(ws, r, 1, name)
        for c, status in enumerate(_ORDER, start=2):
            book.put(ws, r, c, counts[status])
        book.put(ws, r, 6, Formula(f"=SUM(B{r}:E{r})"), bold=True)
        r += 1
    counts = card.indicator_counts()
    book.put(ws, r, 1, text("xlsx.summary.indicators", locale))
    for c, status in enumerate(_ORDER, start=2):
        book.put(ws, r, c, counts[status])
    book.put(ws, r, 6, Formula(f"=SUM(B{r}:E{r})"), bold=True)
    book.finish(ws, freeze="B2")


def _about_sheet(
    book: Book,
    card: Scorecard,
    locale: str,
    sources: Sequence[str],
    fictional: bool,
    made: dt.datetime,
) -> None:
    ws = book.sheet(text("xlsx.sheet.about", locale))
    plan = card.plan
    rows: list[tuple[str, Any]] = [
        (text("xlsx.about.plan", locale), plan.title or plan.id),
    ]
    if plan.organisation:
        rows.append((text("xlsx.about.organisation", locale), plan.organisation))
    if plan.decided is not None:
        rows.append((text("xlsx.about.decided", locale), plan.decided))
    if plan.reference:
        rows.append((text("xlsx.about.reference", locale), plan.reference))
    rows.append((text("xlsx.about.year", locale), card.year))
    rows.append((text("xlsx.about.as_of", locale), card.as_of if card.as_of is not None else "–"))
    if card.org_unit is not None:
        rows.append((text("xlsx.about.org_unit", locale), card.org_unit))
    rows.append((text("xlsx.about.generated", locale), made))
    for source in sources:
        rows.append((text("xlsx.about.source", locale), source))
    indicator_sources = dict.fromkeys(
        ind.indicator.source for ind in card.all_indicators() if ind.indicator.source
    )
    for source in indicator_sources:
        rows.append((text("xlsx.about.indicator_source", locale), source))
    for note in plan.notes:
        rows.append((text("xlsx.about.note", locale), note))
    r = 1
    if fictional:
        book.put(
            ws,
            r,
            1,
            text("xlsx.about.fictional", locale),
            bold=True,
            fill="FFC7CE",
            colour="9C0006",
        )
        r += 2
    for key, value in rows:
        book.put(ws, r, 1, key, bold=True)
        cell = book.put(ws, r, 2, value, wrap=isinstance(value, str) and len(value) > 60)
        if not isinstance(value, str):  # a year or a date under the text above it
            cell.alignment = book.styles.Alignment(horizontal="left")
        r += 1
    r += 1
    book.put(ws, r, 1, text("xlsx.about.legend", locale), bold=True)
    for status in _ORDER:
        r += 1
        book.status(ws, r, 1, status, locale)
    book.finish(ws)
