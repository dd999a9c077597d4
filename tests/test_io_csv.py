"""The CSV base: every way a file can be wrong becomes a SerializationError with file and line."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import SerializationError
from styrmodell._io._csv import Limits, neutralise, read_table, write_table


def test_line_ends_of_every_kind_are_read() -> None:
    for end in ("\n", "\r\n", "\r"):
        table = read_table(end.join(["a,b", "1,2", "3,4"]).encode())
        assert [r.cells for r in table.rows] == [{"a": "1", "b": "2"}, {"a": "3", "b": "4"}]
        assert [r.line for r in table.rows] == [2, 3]


def test_the_separator_comes_from_the_header() -> None:
    assert read_table(b"a;b\n1,5;2\n").rows[0].cells == {"a": "1,5", "b": "2"}
    assert read_table(b"a\tb\n1\t2\n").delimiter == "\t"
    assert read_table(b'"x,y";b\n1;2\n').delimiter == ";"


def test_comments_and_blank_lines_before_the_header_are_skipped() -> None:
    table = read_table(b"# FIKTIVA\n\n# more\na,b\n1,2\n")
    assert table.header == ("a", "b")
    assert table.rows[0].line == 5


def test_a_byte_order_mark_is_skipped_and_reported() -> None:
    table = read_table(b"\xef\xbb\xbfa,b\n1,2\n")
    assert table.header == ("a", "b")
    assert table.encoding == "utf-8-sig"


def test_cp1252_is_refused_by_default_with_line_and_advice() -> None:
    data = "a;b\nÅtgärd;1\n".encode("cp1252")
    with pytest.raises(SerializationError) as info:
        read_table(data, name="utfall.csv")
    message = str(info.value)
    assert message.startswith("utfall.csv:2: not UTF-8 text")
    assert "cp1252" in message
    assert "CSV UTF-8" in message


def test_cp1252_is_read_when_asked_and_said() -> None:
    table = read_table("a;b\nÅtgärd;1\n".encode("cp1252"), encoding="auto")
    assert table.rows[0].get("a") == "Åtgärd"
    assert table.detected() == "cp1252, separator ';'"


@pytest.mark.parametrize("size", [10_001, 200_000])
def test_a_huge_field_is_refused_with_its_line(size: int) -> None:
    data = b'a,b\n1,2\n"' + b"x" * size + b'",1\n'
    with pytest.raises(SerializationError, match=r"<csv>:3: a field is longer than 10000"):
        read_table(data)


def test_a_file_over_the_byte_limit_is_refused_before_parsing(tmp_path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a\n" + b"1\n" * 100)
    with pytest.raises(SerializationError, match="more than the limit of 50"):
        read_table(path, limits=Limits(bytes=50))


def test_missing_columns_in_a_semicolon_file_read_as_commas_say_so() -> None:
    with pytest.raises(SerializationError) as info:
        read_table(b'"indicator;period";x\n', required=["indicator"])
    assert "missing column(s) indicator" in str(info.value)


def test_a_row_with_more_cells_than_the_header_is_a_problem() -> None:
    with pytest.raises(SerializationError, match=r"<csv>:3: 3 cells, but the header has 2"):
        read_table(b"a,b\n1,2\n1,2,3\n")


def test_an_empty_file_has_no_header() -> None:
    with pytest.raises(SerializationError, match="no header row"):
        read_table(b"# only a comment\n")


def test_formula_starts_are_neutralised_but_numbers_stay_numbers() -> None:
    assert neutralise("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0"
    assert neutralise("+1+1") == "'+1+1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("\t=1") == "'\t=1"
    assert neutralise("-58117") == "-58117"
    assert neutralise("-2,5") == "-2,5"
    assert neutralise("-2+3") == "'-2+3"


def test_excel_csv_has_semicolons_decimal_comma_and_a_bom() -> None:
    text = write_table(["namn", "belopp"], [["Äldreomsorg", Decimal("-58117.5")]], excel=True)
    assert text == "\ufeffnamn;belopp\nÄldreomsorg;-58117,5\n"
    back = read_table(text.encode("utf-8"))
    assert back.rows[0].cells == {"namn": "Äldreomsorg", "belopp": "-58117,5"}


cells = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@given(st.lists(st.tuples(cells, cells), max_size=10))
def test_what_is_written_reads_back(rows: list[tuple[str, str]]) -> None:
    text = write_table(["a", "b"], rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))[1:]

    def written(cell: str) -> str:
        return neutralise(cell).replace("\r\n", "\n").replace("\r", "\n")

    assert [tuple(r) for r in parsed] == [(written(a), written(b)) for a, b in rows]


@given(st.binary(max_size=300))
def test_any_bytes_give_a_table_or_a_serialization_error(data: bytes) -> None:
    problems: tuple[object, ...] = ()
    try:
        read_table(data, required=["a"], limits=Limits(field=50))
    except SerializationError as exc:
        problems = exc.problems
        assert problems
