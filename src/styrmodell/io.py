"""Reading and writing styrmodell's files: plan documents and CSV (outcomes, ledgers, investments).

Swedish terms: *planfil* (a plan file), *gräns* (a limit), *utfall* (outcomes), *internbudget*,
*investeringsbudget*, *CSV för Excel* (semicolons, decimal comma, a byte order mark).

Plan files and every other styrmodell value are JSON or TOML documents (read and written by
``styrmodell.load``, ``loads``, ``dump`` and ``dumps``), with the size caps a reader of
untrusted files can set (:class:`DocumentLimits`; ``docs/explanation/limits.md``). Every reader
raises only :class:`~styrmodell.StyrmodellError` subclasses, whose problems name the file, the
line or path and the value; every CSV writer neutralises text a spreadsheet would run as a
formula, and what it writes reads back.

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

from styrmodell._io.ics import write_ics
from styrmodell._io.investments import read_investments, write_investments
from styrmodell._io.ledger import read_ledger, write_ledger
from styrmodell._io.outcomes import read_outcomes, write_outcomes
from styrmodell._serialization import FORMAT, DocumentLimits

__all__ = [
    "FORMAT",
    "DocumentLimits",
    "read_investments",
    "read_ledger",
    "read_outcomes",
    "write_ics",
    "write_investments",
    "write_ledger",
    "write_outcomes",
]
