"""Fuzz the workbook readers: mutated zips, hostile cells, huge sheets — only StyrmodellError out.

And what the workbook writers write reads back, for every ledger and investment budget the
strategies make.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import texts
from _workbooks import workbook
from styrmodell._io._csv import Limits
from styrmodell._io._xlsx import read_sheet
from styrmodell.io import (
    read_investments,
    read_ledger,
    read_outcomes,
    write_investments_xlsx,
    write_ledger_xlsx,
)
from styrmodell.strategies import investment_budgets, ledgers

EXAMPLES = Path(__file__).parent.parent / "examples"
LEDGER = read_ledger(EXAMPLES / "oxelosund_internbudget_2023.csv")
LEDGER_BOOK = write_ledger_xlsx(LEDGER)
SMALL = settings(suppress_health_check=[HealthCheck.too_slow])
# Each example of these writes and reads whole workbooks (a tenth of a second or more).
FEW = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=20)


def _refused_or_read(read: Any, data: bytes, **kwargs: Any) -> sm.StyrmodellError | None:
    """Read *data*: the error when refused (only a StyrmodellError naming the file may come
    out), ``None`` when read."""
    refused: sm.StyrmodellError | None = None
    try:
        read(data, name="fuzz.xlsx", **kwargs)
    except sm.StyrmodellError as exc:
        refused = exc
    if refused is not None:
        found = texts(refused.problems)
        assert found
        assert all(p.startswith("fuzz.xlsx") for p in found), found
    return refused


@SMALL
@given(st.data())
def test_fuzz_mutated_workbook_bytes(data: st.DataObject) -> None:
    mutated = bytearray(LEDGER_BOOK)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        op = data.draw(st.sampled_from(["flip", "cut", "insert", "zero"]))
        if op == "flip":
            mutated[at] ^= data.draw(st.integers(1, 255))
        elif op == "cut":
            del mutated[at:]
            if not mutated:
                break
        elif op == "insert":
            mutated[at:at] = data.draw(st.binary(min_size=1, max_size=20))
        else:
            mutated[at : at + 8] = bytes(8)
    _refused_or_read(read_ledger, bytes(mutated))


def _rezip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


SHEET_XML = "xl/worksheets/sheet3.xml"  # the Data sheet of a ledger workbook


@SMALL
@given(st.data())
def test_fuzz_mutated_sheet_xml_inside_a_valid_zip(data: st.DataObject) -> None:
    parts = _parts(LEDGER_BOOK)
    xml = bytearray(parts[SHEET_XML])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(xml) - 1))
        xml[at : at + data.draw(st.integers(0, 10))] = data.draw(
            st.sampled_from(
                [
                    b"",
                    b"<",
                    b'"',
                    b"&#0;",
                    b'<c r="XFD1048576" t="n"><v>1e999</v></c>',
                    b'<c r="A2" t="s"><v>99999</v></c>',
                    b'<c r="B2" t="n"><v>' + b"9" * 5000 + b"</v></c>",
                    b'<c r="B2" t="b"><v>x</v></c>',
                    b'<c r="B2" t="e"><v>#REF!</v></c>',
                    b'<row r="-1">',
                    b'<c r="ZZZZ9"><f>SUM(A1)</f></c>',
                    b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                ]
            )
        )
    parts[SHEET_XML] = bytes(xml)
    _refused_or_read(read_ledger, _rezip(parts))


HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
    st.text(max_size=30).map(lambda s: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", s)),
    st.sampled_from(["=1+1", "line", "printed", "chart", "kostnader", "nettokostnad", "#N/A"]),
)


@FEW
@given(st.lists(st.lists(HOSTILE, min_size=8, max_size=8), max_size=6))
def test_fuzz_cells_of_every_type_in_a_ledger_sheet(rows: list[list[Any]]) -> None:
    header = ["record", "code", "name", "group", "kind", "scenario", "amount", "unit"]
    data = workbook({"Budget": [header, *rows]})
    _refused_or_read(read_ledger, data)
    outcomes = [
        "indicator",
        "period",
        "gender",
        "org_unit",
        "value",
        "numerator",
        "denominator",
        "budget",
    ]
    _refused_or_read(read_outcomes, workbook({"Utfall": [outcomes, *rows]}))


def test_a_sheet_declaring_a_huge_size_is_read_by_its_cells() -> None:
    parts = _parts(workbook({"S": [["indicator", "period"], ["x", 2023]]}))
    name = "xl/worksheets/sheet1.xml"
    parts[name] = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', parts[name])
    table = read_sheet(_rezip(parts))
    assert [r.cells for r in table.rows] == [{"indicator": "x", "period": "2023"}]


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    parts = _parts(workbook({"S": [["a"], ["b"]]}))
    parts["xl/padding.bin"] = bytes(50_000_000)  # compresses to about 50 kB
    data = _rezip(parts)
    assert len(data) < 200_000
    refused = _refused_or_read(read_ledger, data, limits=Limits(unpacked=10_000_000))
    assert refused is not None
    assert [p.code for p in refused.problems] == ["xlsx.too_big_unpacked"]


def test_many_rows_are_capped() -> None:
    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Utfall")
    ws.append(["indicator", "period", "value"])
    for i in range(5000):
        ws.append([f"i{i}", 2023, i])
    buffer = io.BytesIO()
    book.save(buffer)
    refused = _refused_or_read(read_outcomes, buffer.getvalue(), limits=Limits(rows=1000))
    assert refused is not None
    assert [p.code for p in refused.problems] == ["io.too_many_rows"]
    assert len(read_outcomes(buffer.getvalue())) == 5000


@FEW
@given(ledgers())
def test_fuzz_every_ledger_reads_back_from_its_workbook(ledger: sm.Ledger) -> None:
    assert read_ledger(write_ledger_xlsx(ledger)) == ledger


@FEW
@given(investment_budgets())
def test_fuzz_every_investment_budget_reads_back_from_its_workbook(
    budget: sm.InvestmentBudget,
) -> None:
    assert read_investments(write_investments_xlsx(budget)) == budget
