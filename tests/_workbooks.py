"""Workbooks for the xlsx tests: made with openpyxl, evaluated in Python, run through LibreOffice.

:class:`Evaluator` computes the formulas styrmodell writes (``+``, ``-``, ``SUM``, ``SUMIF``,
``SUMIFS``, references across sheets) from the cells they refer to, so a test checks that
every formula refers to the cells it should — without a spreadsheet program.
:func:`recalculated` lets LibreOffice open, recalculate and save a workbook, when it is
installed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc)"
)


def workbook(sheets: dict[str, Iterable[Sequence[Any]]], **formats: str) -> bytes:
    """The bytes of a workbook with *sheets* of rows; ``formats`` maps "Sheet!C2" to a format."""
    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = book.active if first else book.create_sheet()
        first = False
        ws.title = title
        for row in rows:
            ws.append(list(row))
    for where, code in formats.items():
        title, cell = where.split("!")
        book[title][cell].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def recalculated(data: bytes, folder: Path) -> Any:
    """*data* opened, recalculated and saved by LibreOffice; the result with its values."""
    assert SOFFICE is not None
    source = folder / "in.xlsx"
    source.write_bytes(data)
    out = folder / "out"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return openpyxl.load_workbook(out / "in.xlsx", data_only=True)


# -- a small evaluator for the formulas styrmodell writes --------------------------------

_TOKEN = re.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d+)?)"
    r"|(?P<ref>(?:(?:'(?:[^']|'')+'|[^\W\d][\w]*)!)?\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)"
    r"|(?P<name>[A-Z]+)(?=\()"
    r"|(?P<op>[-+(),]))"
)


class Evaluator:
    """Computes a workbook's formulas from its cells (values as Decimal, empty as None)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.cache: dict[tuple[str, str], Any] = {}

    def value(self, sheet: str, cell: str) -> Any:
        key = (sheet, cell)
        if key not in self.cache:
            raw = self.book[sheet][cell].value
            if (
                isinstance(raw, str)
                and raw.startswith("=")
                and self.book[sheet][cell].data_type == "f"
            ):
                self.cache[key] = self.formula(sheet, raw[1:])
            elif isinstance(raw, int | float):
                self.cache[key] = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
            else:
                self.cache[key] = raw
        return self.cache[key]

    def formula(self, sheet: str, text: str) -> Any:
        return _Formula(self, sheet, text).result


class _Formula:
    """One formula parsed and computed (its own tokens: formulas refer to formulas)."""

    def __init__(self, evaluator: Evaluator, sheet: str, text: str) -> None:
        tokens = [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in _TOKEN.finditer(text)]
        assert "".join(t[1] for t in tokens) == text.replace(" ", ""), text
        self.value = evaluator.value
        self.tokens, self.at, self.sheet = tokens, 0, sheet
        self.result = self._expr()
        assert self.at == len(tokens), text

    def _expr(self) -> Any:
        value = self._term()
        while self.at < len(self.tokens) and self.tokens[self.at][1] in "+-":
            op = self.tokens[self.at][1]
            self.at += 1
            right = self._term()
            value = _num(value) + _num(right) if op == "+" else _num(value) - _num(right)
        return value

    def _term(self) -> Any:
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "number":
            return Decimal(text)
        if kind == "op" and text == "-":
            return -_num(self._term())
        if kind == "ref":
            cells = self._cells(text)
            return cells[0] if len(cells) == 1 and ":" not in text else cells
        if kind == "name":
            assert self.tokens[self.at][1] == "("
            self.at += 1
            args = [self._expr()]
            while self.tokens[self.at][1] == ",":
                self.at += 1
                args.append(self._expr())
            assert self.tokens[self.at][1] == ")"
            self.at += 1
            return self._call(text, args)
        raise AssertionError(f"unexpected {text!r}")

    def _cells(self, ref: str) -> list[Any]:
        sheet = self.sheet
        if "!" in ref:
            name, ref = ref.rsplit("!", 1)
            sheet = name[1:-1].replace("''", "'") if name.startswith("'") else name
        ref = ref.replace("$", "")
        first, _, last = ref.partition(":")
        last = last or first
        (c1, r1), (c2, r2) = _split(first), _split(last)
        out = []
        for row in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                out.append(self.value(sheet, f"{openpyxl.utils.get_column_letter(col)}{row}"))
        return out

    def _call(self, name: str, args: list[Any]) -> Decimal:
        if name == "SUM":
            return sum((_num(v) for a in args for v in _list(a)), Decimal(0))
        if name == "SUMIF":
            span, criterion, values = (_list(a) for a in args)
            return sum(
                (_num(v) for k, v in zip(span, values, strict=True) if k == criterion[0]),
                Decimal(0),
            )
        if name == "SUMIFS":
            values = _list(args[0])
            keep = [True] * len(values)
            for span, criterion in zip(args[1::2], args[2::2], strict=True):
                keep = [
                    k and s == _list(criterion)[0] for k, s in zip(keep, _list(span), strict=True)
                ]
            return sum((_num(v) for k, v in zip(keep, values, strict=True) if k), Decimal(0))
        raise AssertionError(f"unknown function {name}")


def _split(cell: str) -> tuple[int, int]:
    letters = cell.rstrip("0123456789")
    return column_index_from_string(letters), int(cell[len(letters) :])


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _num(value: Any) -> Decimal:
    if value is None:
        return Decimal(0)
    assert isinstance(value, Decimal), value
    return value


def formulas(book: Any) -> list[tuple[str, str]]:
    """Every (sheet, cell) holding a formula."""
    return [
        (ws.title, cell.coordinate)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
