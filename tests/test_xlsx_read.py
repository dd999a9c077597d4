"""Reading sheets of .xlsx workbooks: the CSV row model, cells named Sheet!C12, values as stored."""

from __future__ import annotations

import builtins
import datetime as dt
import io
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from _cases import texts
from _workbooks import needs_libreoffice, recalculated, workbook
from styrmodell import LedgerError, SerializationError
from styrmodell._io._csv import Limits
from styrmodell._io._tables import read_rows
from styrmodell._io._xlsx import cell_text, number_text, read_sheet
from styrmodell.io import read_investments, read_ledger, read_outcomes, sniff

EXAMPLES = Path(__file__).parent.parent / "examples"
LEDGER_HEADER = ["record", "code", "name", "group", "kind", "scenario", "amount", "unit"]


def _one(problems: Any) -> str:
    (found,) = texts(problems.problems)
    return found


# -- cells as stored ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.1, "0.1"),
        (0.1 + 0.2, "0.3"),  # a computed value: Excel keeps 15 significant digits
        (-58117.0, "-58117"),
        (58117, "58117"),
        (1e-05, "0.00001"),
        (1e21, "1000000000000000000000"),
        (123456789.123, "123456789.123"),
        (2.675, "2.675"),
        (0.0, "0"),
        (-0.0, "0"),
    ],
)
def test_numbers_are_read_through_their_shortest_text(value: float, shown: str) -> None:
    assert number_text(value) == shown


def test_a_percentage_cell_reads_as_the_percentage_it_shows() -> None:
    assert number_text(0.855, percent=True) == "85.5"
    assert number_text(0.07, percent=True) == "7"
    for code in ("0%", "0.0%", "#,##0.0\\ %", "0.00%;[Red]-0.00%"):
        assert cell_text(0.91, number_format=code) == "91", code
    # A quoted or escaped % is text in the format: the number is not scaled.
    for code in ('0" %"', "0\\%", "General"):
        assert cell_text(0.91, number_format=code) == "0.91", code


def test_dates_booleans_and_text() -> None:
    assert cell_text(dt.datetime(2023, 8, 31)) == "2023-08-31"
    assert cell_text(dt.datetime(2023, 8, 31, 8, 30)) == "2023-08-31 08:30:00"
    assert cell_text(dt.date(2023, 8, 31)) == "2023-08-31"
    assert cell_text(dt.time(8, 30)) == "08:30:00"
    assert (cell_text(True), cell_text(False)) == ("true", "false")
    assert cell_text("1 234,5") == "1 234,5"


def test_a_sheet_reads_into_rows_with_the_row_numbers_excel_shows() -> None:
    data = workbook(
        {
            "Utfall 2023": [
                [],
                ["# Fiktiva utfall"],
                ["indicator", "period", "value", None, "share"],
                ["nki", 2023, 0.1 + 0.2, "x", 0.855],
                [],
                ["b", dt.datetime(2023, 12, 31), True, None, 1e-5, None, "ignored"],
            ]
        },
        **{"Utfall 2023!E4": "0.0%"},
    )
    table = read_sheet(data, name="u.xlsx")
    assert table.header == ("indicator", "period", "value", "share")
    assert table.letters == ("A", "B", "C", "E")
    assert table.header_line == 3
    assert [r.line for r in table.rows] == [4, 6]
    assert table.rows[0].cells == {
        "indicator": "nki",
        "period": "2023",
        "value": "0.3",
        "share": "85.5",
    }
    assert table.rows[1].cells == {
        "indicator": "b",
        "period": "2023-12-31",
        "value": "true",
        "share": "0.00001",
    }
    assert table.where(table.rows[0], "share") == "u.xlsx:'Utfall 2023'!E4"
    assert table.where(table.rows[1]) == "u.xlsx:'Utfall 2023'!A6:E6"


def test_the_sheet_is_chosen_by_name_number_or_columns() -> None:
    data = workbook({"Om": [["Utfall 2023"]], "Utfall": [["indicator", "period"], ["x", 2023]]})
    assert read_sheet(data).sheet == "Om"
    assert read_sheet(data, required=["indicator"]).sheet == "Utfall"
    assert read_sheet(data, columns=["indicator", "period"]).sheet == "Utfall"
    assert read_sheet(data, sheet="utfall").sheet == "Utfall"  # Excel ignores case
    assert read_sheet(data, sheet=2).sheet == "Utfall"
    with pytest.raises(SerializationError) as info:
        read_sheet(data, sheet="Budget", name="u.xlsx")
    assert _one(info.value) == "u.xlsx: no sheet 'Budget'; the workbook has: Om, Utfall"
    with pytest.raises(SerializationError, match="no sheet 3"):
        read_sheet(data, sheet=3)


def test_error_values_are_problems_naming_sheet_cell_and_value() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Utfall"
    ws.append(["indicator", "period", "value"])
    ws.append(["nki", 2023, "#DIV/0!"])
    ws["C2"].data_type = "e"
    ws.append(["nöjd", 2023, "#N/A"])
    ws["C3"].data_type = "e"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SerializationError) as info:
        read_sheet(buffer.getvalue(), name="utfall.xlsx")
    assert list(texts(info.value.problems)) == [
        "utfall.xlsx:Utfall!C2: the cell holds the error value '#DIV/0!': correct the formula"
        " or the data it uses",
        "utfall.xlsx:Utfall!C3: the cell holds the error value '#N/A': correct the formula"
        " or the data it uses",
    ]


def test_a_formula_no_program_computed_is_a_problem_not_an_empty_cell() -> None:
    data = workbook(
        {"Utfall": [["indicator", "period", "value"], ["nki", 2023, "=1/0"], ["x", 2024, 5]]}
    )
    with pytest.raises(SerializationError) as info:
        read_sheet(data, name="u.xlsx")
    assert _one(info.value).startswith(
        "u.xlsx:Utfall!C2: the cell holds the formula '=1/0', but no value computed by a"
        " spreadsheet program"
    )


@needs_libreoffice
def test_formulas_read_as_the_values_a_spreadsheet_program_saved(tmp_path: Path) -> None:
    data = workbook(
        {
            "Utfall": [
                ["indicator", "period", "numerator", "denominator", "value"],
                ["jobbcoach", 2023, 11, 20, "=C2/D2*100"],
                ["nki", 2023, None, None, "=0.1+0.2"],
            ]
        }
    )
    book = recalculated(data, tmp_path)
    buffer = io.BytesIO()
    book.save(buffer)
    outcomes = read_outcomes(buffer.getvalue())
    assert outcomes.get("jobbcoach", 2023).value == Decimal(55)
    assert outcomes.get("nki", 2023).value == Decimal("0.3")


# -- the readers --------------------------------------------------------------------------


def _ledger_sheet(*rows: list[Any]) -> bytes:
    return workbook({"Budget": [LEDGER_HEADER, *rows]})


def test_a_ledger_sheet_reads_as_its_csv_file_does() -> None:
    csv_ledger = read_ledger(EXAMPLES / "oxelosund_internbudget_2023.csv")
    table = read_rows(EXAMPLES / "oxelosund_internbudget_2023.csv")
    rows = [[_typed(row.cells[c]) for c in LEDGER_HEADER] for row in table.rows]
    assert read_ledger(_ledger_sheet(*rows)) == csv_ledger


def _typed(cell: str) -> Any:
    try:
        return int(cell)
    except ValueError:
        return cell or None


def test_ledger_problems_name_the_cell() -> None:
    data = _ledger_sheet(
        ["line", 54, "IFO", None, "kostnader", "Budget 2022", "tolv", "tkr"],
        ["line", 55, "Vård", None, "utgifter", "Budget 2022", -5, "tkr"],
        ["line", 56, "LSS", None, "kostnader", "Budget 2022", "−1 234,5", "tkr"],
    )
    with pytest.raises(LedgerError) as info:
        read_ledger(data, name="budget.xlsx")
    assert (
        texts(info.value.problems)[0]
        == "budget.xlsx:Budget!G2: amount: expected a number, got 'tolv'"
    )
    assert texts(info.value.problems)[1].startswith("budget.xlsx:Budget!E3: kind: ")
    assert len(texts(info.value.problems)) == 2  # "−1 234,5" as text is a number, as in CSV


def test_a_ledger_sheet_with_the_wrong_header_names_the_header_row() -> None:
    data = workbook({"Budget": [["Rubrik"], [], ["record", "code", "belopp"]]})
    with pytest.raises(LedgerError) as info:
        read_ledger(data, name="b.xlsx")
    assert _one(info.value).startswith("b.xlsx:Budget!A1:A1: CSV header: expected record,")


def test_investments_and_outcomes_read_from_sheets() -> None:
    header = ["record", "row", "name", "group", "category", "year", "amount", "unit"]
    data = workbook(
        {"Investeringar": [header, ["object", 4, "Wifi", "SOF", "IT", 2023, 700, "tkr"]]}
    )
    assert read_investments(data).objects[0].amounts[2023] == Decimal(700)
    outcomes = workbook(
        {
            "Utfall": [
                ["indicator", "period", "gender", "value", "ref:riket"],
                ["nki", 2023, "K", 0.855, 80],
                ["nki", "jan-aug 2023", "T", "72,5", None],
            ]
        },
        **{"Utfall!D2": "0.0%"},
    )
    read = read_outcomes(outcomes)
    assert read.get("nki", 2023, gender="K").value == Decimal("85.5")
    assert read.get("nki", 2023, gender="K").references["riket"] == Decimal(80)
    assert len(read) == 2


def test_outcome_problems_name_the_cell() -> None:
    data = workbook(
        {
            "Info": [["Utfall 2023"]],
            "Utfall": [
                ["# FIKTIVA"],
                ["indicator", "period", "gender", "value", "ref:riket"],
                ["nki", 2023, "K", 5, 80],
                ["nki", 2023, "M", "58 17", "x"],
                ["nki", 2023, "K", 3, None],
            ],
        }
    )
    with pytest.raises(SerializationError) as info:
        read_outcomes(data, name="u.xlsx")
    assert list(texts(info.value.problems)) == [
        "u.xlsx:Utfall!D4: value: expected a number, got '58 17'",
        "u.xlsx:Utfall!E4: ref:riket: expected a number, got 'x'",
        "u.xlsx:Utfall!A5:E5: the same indicator, period, gender and org unit as line 3",
    ]


def test_read_rows_tells_workbooks_from_csv_by_content_and_name(tmp_path: Path) -> None:
    data = workbook({"Utfall": [["indicator", "period"], ["x", 2023]]})
    assert read_rows(data).sheet == "Utfall"
    path = tmp_path / "utfall.xlsx"
    path.write_bytes(data)
    assert read_rows(path).name == str(path)
    assert read_rows(io.BytesIO(data)).sheet == "Utfall"
    assert read_rows(b"indicator;period\nx;2023\n").sheet is None
    with pytest.raises(SerializationError) as info:
        read_rows(b"indicator;period\n", sheet="Utfall", name="u.csv")
    assert _one(info.value) == "u.csv: a CSV file has no sheets, but sheet 'Utfall' was asked for"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "u.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "an old Excel workbook (.xls)",
        ),
        ("u.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old Excel workbook"),
        ("u.xlsx", b"indicator;period\nx;2023\n", "not an Excel workbook (.xlsx)"),
        ("u.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel workbook"),
        ("u.ods", b"PK\x03\x04", "an OpenDocument spreadsheet (.ods)"),
    ],
)
def test_files_that_are_not_workbooks_are_told_apart(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SerializationError) as info:
        read_rows(path)
    assert message in _one(info.value)
    assert _one(info.value).startswith(str(path))


def test_an_opendocument_file_inside_is_named_too() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(SerializationError, match="OpenDocument"):
        read_rows(buffer.getvalue())


def test_without_openpyxl_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "openpyxl", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    with pytest.raises(SerializationError) as info:
        read_rows(b"PK\x03\x04...", name="u.xlsx")
    assert "pip install 'styrmodell[excel]'" in _one(info.value)


def test_limits_cap_rows_cells_and_unpacked_size() -> None:
    data = workbook({"S": [["indicator", "value"], *(["x", i] for i in range(20))]})
    with pytest.raises(SerializationError, match="more than 10 rows"):
        read_sheet(data, limits=Limits(rows=10))
    long = workbook({"S": [["indicator", "value"], ["x" * 200, 1]]})
    with pytest.raises(SerializationError) as info:
        read_sheet(long, name="l.xlsx", limits=Limits(field=100))
    assert _one(info.value).startswith("l.xlsx:S!A2: ")
    with pytest.raises(SerializationError, match="unpacks to"):
        read_sheet(data, limits=Limits(unpacked=1000))
    with pytest.raises(SerializationError, match="bytes, more than the limit"):
        read_sheet(data, limits=Limits(bytes=1000))


def test_sniff_says_what_a_workbook_is() -> None:
    data = workbook({"Info": [["x"]], "Utfall": [["indicator", "period"], ["x", 2023]]})
    found = sniff(data, columns=["indicator"])
    assert (found.format, found.sheet, found.rows) == ("xlsx", "Utfall", 1)
    assert found.describe() == "Excel-arbetsbok, blad 'Utfall', 1 rad"
