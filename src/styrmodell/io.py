"""Reading and writing styrmodell's files: CSV and Excel workbooks.

Every reader takes a CSV file (any of ``,`` ``;`` or tab, UTF-8 with or without a byte order
mark, or cp1252 with ``encoding="auto"``) or an .xlsx workbook (with the ``excel`` extra),
and raises only :class:`~styrmodell.StyrmodellError` subclasses, naming the file and line,
or the sheet and cell. Every CSV writer neutralises text a spreadsheet would run as a
formula and writes "CSV för Excel" (``;``, decimal comma, a byte order mark) with
``excel=True``; the ``*_xlsx`` writers make workbooks. :func:`sniff` says what a file is.

Example:
    >>> from styrmodell import Ledger
    >>> from styrmodell.ledger import LedgerLine
    >>> from styrmodell.io import read_ledger, write_ledger
    >>> ledger = Ledger([LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117)])
    >>> read_ledger(write_ledger(ledger).encode()) == ledger
    True
"""

from styrmodell._io._tables import Layout, sniff
from styrmodell._io.investments import read_investments, write_investments
from styrmodell._io.ledger import read_ledger, write_ledger
from styrmodell._io.scorecard import write_scorecard_csv
from styrmodell._io.xlsx import write_investments_xlsx, write_ledger_xlsx, write_scorecard_xlsx

__all__ = [
    "Layout",
    "read_investments",
    "read_ledger",
    "sniff",
    "write_investments",
    "write_investments_xlsx",
    "write_ledger",
    "write_ledger_xlsx",
    "write_scorecard_csv",
    "write_scorecard_xlsx",
]
