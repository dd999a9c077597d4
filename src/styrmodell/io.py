"""Reading and writing styrmodell's files: plan documents, CSV and Excel workbooks.

Swedish terms: *planfil* (a plan file), *gräns* (a limit), *utfall* (outcomes), *internbudget*,
*investeringsbudget*, *CSV för Excel* (semicolons, decimal comma, a byte order mark),
*arbetsbok* (an Excel workbook).

Plan files and every other styrmodell value are JSON or TOML documents (read and written by
``styrmodell.load``, ``loads``, ``dump`` and ``dumps``), with the size caps a reader of
untrusted files can set (:class:`DocumentLimits`; ``docs/explanation/limits.md``).

Every table reader takes a CSV file (``,`` ``;`` or tab; UTF-8 with or without a byte order
mark, or cp1252 with ``encoding="auto"``) or an .xlsx workbook (with the ``excel`` extra), and
raises only :class:`~styrmodell.StyrmodellError` subclasses, whose problems name the file, the
line (or the sheet and cell) and the value. Every CSV writer neutralises text a spreadsheet
would run as a formula and writes "CSV för Excel" with ``excel=True``; what it writes reads
back. The ``*_xlsx`` writers make workbooks; :func:`sniff` says what a file is.

Examples:
    >>> from styrmodell import Plan, load
    >>> from styrmodell.io import DocumentLimits
    >>> plan = load("examples/oxelosund_von_2023.toml", Plan, limits=DocumentLimits(bytes=10**6))
    >>> plan.years
    (2023, 2025)
    >>> from styrmodell import Ledger, Outcome
    >>> from styrmodell.io import read_ledger, read_outcomes, write_ledger, write_outcomes
    >>> text = write_outcomes([Outcome("x", 2023, 55)])
    >>> read_outcomes(text.encode()).get("x", 2023).value
    Decimal('55')
    >>> from styrmodell.ledger import LedgerLine
    >>> ledger = Ledger([LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117)])
    >>> read_ledger(write_ledger(ledger).encode()) == ledger
    True
"""

from styrmodell._io._csv import TableLimits
from styrmodell._io._tables import Layout, sniff
from styrmodell._io.ics import write_ics
from styrmodell._io.investments import read_investments, write_investments
from styrmodell._io.ledger import read_ledger, write_ledger
from styrmodell._io.outcomes import read_outcomes, write_outcomes
from styrmodell._io.scorecard import write_scorecard_csv
from styrmodell._io.xlsx import write_investments_xlsx, write_ledger_xlsx, write_scorecard_xlsx
from styrmodell._serialization import FORMAT, DocumentLimits

__all__ = [
    "FORMAT",
    "DocumentLimits",
    "Layout",
    "TableLimits",
    "read_investments",
    "read_ledger",
    "read_outcomes",
    "sniff",
    "write_ics",
    "write_investments",
    "write_investments_xlsx",
    "write_ledger",
    "write_ledger_xlsx",
    "write_outcomes",
    "write_scorecard_csv",
    "write_scorecard_xlsx",
]
