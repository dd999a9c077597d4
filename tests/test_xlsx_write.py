"""Workbooks styrmodell writes: read back with openpyxl, formulas evaluated and recalculated."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import styrmodell as sm
from _workbooks import Evaluator, formulas, needs_libreoffice, recalculated
from styrmodell import (
    InvestmentBudget,
    Ledger,
    Plan,
    SerializationError,
    StyrmodellError,
)
from styrmodell.io import (
    read_investments,
    read_ledger,
    read_outcomes,
    write_investments_xlsx,
    write_ledger_xlsx,
    write_scorecard_xlsx,
)
from styrmodell.ledger import (
    InvestmentObject,
    InvestmentSum,
    LedgerLine,
    PrintedFigure,
    check,
    total,
)

EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="module")
def ledger() -> Ledger:
    return read_ledger(EXAMPLES / "oxelosund_internbudget_2023.csv")


@pytest.fixture(scope="module")
def investments() -> InvestmentBudget:
    return read_investments(EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv")


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


# -- ledgers ----------------------------------------------------------------------------


def test_the_oxelosund_ledger_reads_back_from_its_workbook(ledger: Ledger) -> None:
    data = write_ledger_xlsx(ledger)
    assert read_ledger(data) == ledger
    assert read_ledger(data, sheet="Data") == ledger
    assert _book(data).sheetnames == ["Internbudget", "Kontroll", "Data"]


def test_every_printed_sum_is_a_formula_that_gives_the_printed_figure(ledger: Ledger) -> None:
    assert check(ledger) == ()
    book = _book(write_ledger_xlsx(ledger))
    evaluator = Evaluator(book)
    control = book["Kontroll"]
    assert control.max_row - 1 == len(ledger.printed) == 52
    for row in range(2, control.max_row + 1):
        assert control[f"E{row}"].data_type == "f"
        printed = evaluator.value("Kontroll", f"D{row}")
        assert evaluator.value("Kontroll", f"E{row}") == printed
        assert evaluator.value("Kontroll", f"F{row}") == 0


def test_the_budget_sheet_sums_are_formulas_equal_to_the_ledger_totals(ledger: Ledger) -> None:
    book = _book(write_ledger_xlsx(ledger))
    sheet = book["Internbudget"]
    evaluator = Evaluator(book)
    labels = {sheet[f"B{r}"].value: r for r in range(1, sheet.max_row + 1)}
    header = [c.value for c in sheet[1]]
    for label, kind in (
        ("S:a Nettokostnad", "nettokostnad"),
        ("S:a Intäkter", "intäkter"),
        ("S:a Kostnader", "kostnader"),
    ):
        row = labels[label]
        for scenario in ledger.scenarios:
            column = openpyxl.utils.get_column_letter(header.index(scenario) + 1)
            assert sheet[f"{column}{row}"].value.startswith("=SUM(")
            assert evaluator.value(sheet.title, f"{column}{row}") == total(ledger, scenario, kind)
    # The printed "S:a Nettokostnad" of M&B 2023: the ram of 333 088 tkr.
    assert total(ledger, "M&B 2023") == Decimal(-333088)
    # Every formula of the workbook evaluates (no reference to a missing sheet or cell).
    for where in formulas(book):
        assert isinstance(evaluator.value(*where), Decimal), where


def test_group_sub_totals_use_the_chart() -> None:
    ledger = Ledger(
        [
            LedgerLine("54 IFO", "kostnader", "B", -100),
            LedgerLine("55 Vård", "kostnader", "B", -50),
            LedgerLine("56 LSS", "kostnader", "B", -7),
            LedgerLine("56 LSS", "intäkter", "B", 2),
        ],
        chart={"54": "SOF", "56": "SOF", "55": "ÄF"},
        printed=[
            PrintedFigure("nettokostnad", "B", -105, group="SOF", label="Varav summa SOF"),
            PrintedFigure("kostnader", "B", -50, group="ÄF", label="Varav ÄF"),
            PrintedFigure("nettokostnad", "B", -155, label="S:a"),
        ],
    )
    assert check(ledger) == ()
    book = _book(write_ledger_xlsx(ledger))
    evaluator = Evaluator(book)
    sheet = book["Internbudget"]
    sumifs = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=SUMIF(")]
    assert len(sumifs) == 6  # two groups in each of three blocks
    for row in range(2, 5):
        assert evaluator.value("Kontroll", f"F{row}") == 0
    assert read_ledger(write_ledger_xlsx(ledger)) == ledger


@needs_libreoffice
def test_libreoffice_recalculates_the_sums_to_the_printed_figures(
    ledger: Ledger, tmp_path: Path
) -> None:
    book = recalculated(write_ledger_xlsx(ledger), tmp_path)
    control = book["Kontroll"]
    rows = list(control.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(ledger.printed)
    for (where, _kind, scenario, printed, computed, difference), figure in zip(
        rows, ledger.printed, strict=True
    ):
        assert (where, scenario) == (figure.where(), figure.scenario)
        assert Decimal(printed) == Decimal(computed) == figure.amount
        assert difference == 0
    # What LibreOffice saved (values computed) reads back as the same ledger.
    assert read_ledger(_saved(book)) == ledger


def _saved(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_text_from_data_stays_text_and_big_numbers_stay_exact() -> None:
    ledger = Ledger(
        [
            LedgerLine('54 =HYPERLINK("x")', "kostnader", "'=B", -1),
            LedgerLine("55 #N/A", "kostnader", "'=B", Decimal("1234567890123456.78")),
        ]
    )
    data = write_ledger_xlsx(ledger)
    sheet = _book(data)["Internbudget"]
    names = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("x")']
    assert names
    assert all(c.data_type == "s" and c.quotePrefix for c in names)
    assert read_ledger(data) == ledger
    # 18 significant digits are more than Excel keeps: written as text, read back exactly.
    assert any(
        c.value == "1234567890123456.78" for row in _book(data)["Data"].iter_rows() for c in row
    )


def test_decimal_amounts_get_a_format_with_their_decimals() -> None:
    ledger = Ledger([LedgerLine("54 IFO", "kostnader", "B", "-2,25")])
    sheet = _book(write_ledger_xlsx(ledger))["Internbudget"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == Decimal("-2.25"))
    assert cell.number_format == "#,##0.00"


def test_a_ledger_workbook_in_english() -> None:
    book = _book(
        write_ledger_xlsx(Ledger([LedgerLine("54 IFO", "kostnader", "B", -1)]), locale="en")
    )
    assert book.sheetnames == ["Budget", "Check", "Data"]
    assert book["Budget"]["B1"].value == "Activity (verksamhet) (kSEK)"


# -- investment budgets -----------------------------------------------------------------


def test_the_oxelosund_investment_budget_reads_back_and_its_sums_hold(
    investments: InvestmentBudget,
) -> None:
    data = write_investments_xlsx(investments)
    assert read_investments(data) == investments
    book = _book(data)
    evaluator = Evaluator(book)
    control = book["Kontroll"]
    assert control.max_row - 1 == len(investments.printed)
    for row in range(2, control.max_row + 1):
        assert evaluator.value("Kontroll", f"E{row}") == evaluator.value("Kontroll", f"F{row}")
        assert evaluator.value("Kontroll", f"G{row}") == 0
    sheet = book["Investeringsbudget"]
    summa = next(r for r in range(1, sheet.max_row + 1) if sheet[f"B{r}"].value == "Summa tkr")
    assert [evaluator.value(sheet.title, f"{c}{summa}") for c in "EFG"] == [9110, 3610, 3910]


def test_investment_sums_by_group_and_category() -> None:
    budget = InvestmentBudget(
        [
            InvestmentObject(1, "Wifi", "SOF", "IT", {2023: 700}),
            InvestmentObject(2, "Larm", "ÄF", "IT", {2023: 500, 2024: 100}),
            InvestmentObject(3, "Madrasser", "ÄF", "Inventarier", {2024: "150,5"}),
        ],
        printed=[
            InvestmentSum(2023, 500, group="ÄF", category="IT", label="ÄF IT"),
            InvestmentSum(2024, "250,5", group="ÄF", label="Varav ÄF"),
            InvestmentSum(2024, "250,5", label="Summa"),
        ],
    )
    data = write_investments_xlsx(budget)
    book = _book(data)
    evaluator = Evaluator(book)
    assert [evaluator.value("Kontroll", f"G{r}") for r in (2, 3, 4)] == [0, 0, 0]
    assert read_investments(data) == budget


@needs_libreoffice
def test_libreoffice_recalculates_the_investment_sums(
    investments: InvestmentBudget, tmp_path: Path
) -> None:
    book = recalculated(write_investments_xlsx(investments), tmp_path)
    for row in book["Kontroll"].iter_rows(min_row=2, values_only=True):
        assert row[4] == row[5]
        assert row[6] == 0


# -- scorecards -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def card() -> sm.Scorecard:
    plan = sm.load(EXAMPLES / "oxelosund_von_2023.toml", Plan)
    outcomes = read_outcomes(EXAMPLES / "oxelosund_outcomes_2023.csv")
    return sm.assess(plan, outcomes, 2023, as_of=dt.date(2023, 12, 31))


MADE = dt.datetime(2024, 1, 15, 9, 30)


def test_the_scorecard_tree_has_every_goal_and_indicator_with_status_word_and_fill(
    card: sm.Scorecard,
) -> None:
    book = _book(write_scorecard_xlsx(card, generated=MADE))
    assert book.sheetnames == ["Måluppfyllelse", "Sammanfattning", "Om rapporten"]
    sheet = book["Måluppfyllelse"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Nivå", "Mål / mått", "Status", "Utfall", "Period", "Målvärde"]
    ids = [sheet.cell(r, header.index("Id") + 1).value for r in range(2, sheet.max_row + 1)]
    expected = []
    for goal in card.walk():
        expected.append(goal.id)
        expected += [ind.id for ind in goal.indicators]
    assert ids == expected
    words = {
        sm.Status.GREEN: ("● Grönt", "C6EFCE"),
        sm.Status.YELLOW: ("◐ Gult", "FFEB9C"),
        sm.Status.RED: ("○ Rött", "FFC7CE"),
        sm.Status.NOT_ASSESSED: ("– Ej bedömd", "EDEDED"),
    }
    statuses = [goal.status for goal in card.walk() for _ in [0]]
    assert statuses  # the plan has goals
    row = 2
    for goal in card.walk():
        for status in [goal.status, *(ind.status for ind in goal.indicators)]:
            cell = sheet.cell(row, 3)
            word, fill = words[status]
            assert cell.value == word
            assert cell.fill.start_color.rgb.endswith(fill)
            row += 1


def test_the_scorecard_sheet_is_frozen_filtered_and_sized(card: sm.Scorecard) -> None:
    sheet = _book(write_scorecard_xlsx(card, generated=MADE))["Måluppfyllelse"]
    assert sheet.freeze_panes == "C2"
    assert (
        sheet.auto_filter.ref
        == f"A1:{openpyxl.utils.get_column_letter(sheet.max_column)}{sheet.max_row}"
    )
    assert 20 <= sheet.column_dimensions["B"].width <= 50
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$1:$1"
    # Goals fold: an indicator's row is one outline level below its goal's.
    levels = [sheet.row_dimensions[r].outline_level for r in range(2, 6)]
    assert levels[1] == levels[0] + 1


def test_outcomes_are_numbers_in_the_indicators_unit(card: sm.Scorecard) -> None:
    sheet = _book(write_scorecard_xlsx(card, generated=MADE))["Måluppfyllelse"]
    ids = {sheet.cell(r, sheet.max_column).value: r for r in range(2, sheet.max_row + 1)}
    jobbcoach = sheet.cell(ids["jobbcoach"], 4)
    assert jobbcoach.value == pytest.approx(0.55)  # 55 %, as Excel holds a percentage
    assert jobbcoach.number_format == "#,##0\\ %"
    count = sheet.cell(ids["digital-sof"], 4)
    assert (count.value, count.number_format) == (2, "#,##0")
    assert sheet.cell(ids["resursfordelning-af"], 4).value == "Ja"


def test_per_gender_columns_keep_status_and_outcome() -> None:
    plan = Plan(
        id="p",
        years=2023,
        levels=("Nämndmål",),
        goals=[
            sm.Goal(
                id="g",
                title="Nöjda",
                indicators=[
                    sm.Indicator(
                        id="nki",
                        title="NKI",
                        unit=sm.Unit.INDEX,
                        by_gender=True,
                        targets={2023: sm.TargetValue(">=", 75)},
                    )
                ],
            )
        ],
    )
    outcomes = [
        sm.Outcome("nki", 2023, 78),
        sm.Outcome("nki", 2023, "81,5", gender="K"),
        sm.Outcome("nki", 2023, 70, gender="M"),
    ]
    card = sm.assess(plan, outcomes, 2023)
    sheet = _book(write_scorecard_xlsx(card, generated=MADE, locale="en"))["Scorecard"]
    header = [c.value for c in sheet[1]]
    assert header[6:10] == ["Women: status", "Women: outcome", "Men: status", "Men: outcome"]
    assert [c.value for c in sheet[3]][6:10] == ["● Green", 81.5, "○ Red", 70]
    assert sheet["I3"].fill.start_color.rgb.endswith("FFC7CE")
    assert sheet["H3"].number_format == "#,##0.0"


def test_the_about_sheet_says_when_and_from_what(card: sm.Scorecard) -> None:
    data = write_scorecard_xlsx(
        card, generated=MADE, sources=["Utfall: oxelosund_outcomes_2023.csv"], fictional=True
    )
    book = _book(data)
    about = {row[0]: row[1] for row in book["Om rapporten"].iter_rows(values_only=True) if row[0]}
    assert about["Plan"] == card.plan.title
    assert about["Bedömt år"] == 2023
    assert about["Avser läget per"] == dt.datetime(2023, 12, 31)
    assert about["Skapad"] == MADE
    assert about["Datakälla"] == "Utfall: oxelosund_outcomes_2023.csv"
    fictional = "FIKTIVA UTFALL: påhittade för en demonstration, inte verkliga resultat"
    assert fictional in about
    tree = book["Måluppfyllelse"]
    assert tree["A1"].value == fictional  # above the table, where a printout shows it
    assert tree["A2"].value == "Nivå"
    assert tree.freeze_panes == "C3"
    assert book.properties.created == MADE


def test_the_summary_counts_statuses_per_level(card: sm.Scorecard) -> None:
    book = _book(write_scorecard_xlsx(card, generated=MADE))
    sheet = book["Sammanfattning"]
    evaluator = Evaluator(book)
    for r, (name, counts) in enumerate(card.counts_by_level().items(), start=2):
        assert sheet.cell(r, 1).value == name
        assert [sheet.cell(r, c).value for c in range(2, 6)] == list(counts.values())
        assert evaluator.value(sheet.title, f"F{r}") == sum(counts.values())


def test_writers_write_to_paths_and_files_and_say_when_they_cannot(
    card: sm.Scorecard, tmp_path: Path
) -> None:
    path = tmp_path / "card.xlsx"
    data = write_scorecard_xlsx(card, path, generated=MADE)
    assert path.read_bytes() == data
    handle = io.BytesIO()
    write_scorecard_xlsx(card, handle, generated=MADE)
    assert openpyxl.load_workbook(handle).sheetnames[0] == "Måluppfyllelse"
    with pytest.raises(SerializationError, match="cannot write the workbook"):
        write_scorecard_xlsx(card, tmp_path / "missing" / "card.xlsx")
    with pytest.raises(StyrmodellError, match="expected a ledger"):
        write_ledger_xlsx(card)  # type: ignore[arg-type]


@needs_libreoffice
def test_libreoffice_opens_the_scorecard(card: sm.Scorecard, tmp_path: Path) -> None:
    book = recalculated(write_scorecard_xlsx(card, generated=MADE), tmp_path)
    summary = book["Sammanfattning"]
    for r, counts in enumerate(card.counts_by_level().values(), start=2):
        assert summary.cell(r, 6).value == sum(counts.values())
