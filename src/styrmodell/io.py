"""Reading and writing styrmodell's files: CSV for outcomes, ledgers and investment budgets.

Every reader raises only :class:`~styrmodell.StyrmodellError` subclasses, naming the file and
line; every writer neutralises text a spreadsheet would run as a formula.

Example:
    >>> from styrmodell import Ledger
    >>> from styrmodell.ledger import LedgerLine
    >>> from styrmodell.io import read_ledger, write_ledger
    >>> ledger = Ledger([LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117)])
    >>> read_ledger(write_ledger(ledger).encode()) == ledger
    True
"""

from styrmodell._io.investments import read_investments, write_investments
from styrmodell._io.ledger import read_ledger, write_ledger

__all__ = [
    "read_investments",
    "read_ledger",
    "write_investments",
    "write_ledger",
]
