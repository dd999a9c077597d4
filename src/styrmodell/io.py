"""Reading and writing styrmodell's values as files: CSV for outcomes, ledgers and investments.

Swedish terms: *utfall* (outcomes), *internbudget*, *investeringsbudget*, *CSV för Excel*
(semicolons, decimal comma, a byte order mark).

Every reader raises only :class:`~styrmodell.StyrmodellError` subclasses, whose problems name
the file, the line and the value; every writer neutralises text a spreadsheet would run as a
formula, and what it writes reads back.

Example:
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

from styrmodell._io.ics import write_ics
from styrmodell._io.investments import read_investments, write_investments
from styrmodell._io.ledger import read_ledger, write_ledger
from styrmodell._io.outcomes import read_outcomes, write_outcomes

__all__ = [
    "read_investments",
    "read_ledger",
    "read_outcomes",
    "write_ics",
    "write_investments",
    "write_ledger",
    "write_outcomes",
]
