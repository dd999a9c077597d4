r"""Budget tables: the internbudget (:class:`Ledger`) and the investeringsbudget, and their work.

Swedish terms: *internbudget*, *årsprognos*, *utfall*, *ram*, *nettokostnad* (intäkter +
kostnader), *investeringsbudget*, *investeringsobjekt*, *avvikelse*, *periodisering*,
*helårsprognos*.

The tables are values that hold data (:class:`Ledger`, :class:`InvestmentBudget` and their
records); everything that works on them is a function here, pure and exact in ``Decimal``:

- both tables: :func:`total`, :func:`totals`, :func:`check`, :func:`assess`;
- ledgers: :func:`amount`, :func:`group_totals`, :func:`change`, :func:`with_change`,
  :func:`deviation`, :func:`deviations`, :func:`frame_check`, :func:`monthly`,
  :func:`forecast`, and :func:`periodise` for any amount;
- investment budgets: :func:`follow_up`.

Reading and writing their CSV files is in :mod:`styrmodell.io`.

The tables themselves, :class:`~styrmodell.Ledger` and :class:`~styrmodell.InvestmentBudget`,
are at the top level of ``styrmodell``.

Example:
    >>> from styrmodell import Ledger
    >>> from styrmodell.ledger import LedgerLine, check, deviation, total
    >>> ledger = Ledger([
    ...     LedgerLine("54 Individ och familjeomsorg", "kostnader", "Budget 2022", -58117),
    ...     LedgerLine("54 Individ och familjeomsorg", "kostnader", "Prognos okt 2022", -60513),
    ... ])
    >>> total(ledger, "Budget 2022")
    Decimal('-58117')
    >>> deviation(ledger, "Prognos okt 2022", "Budget 2022").format()
    '−2\xa0396\xa0tkr (−4,1\xa0%)'
    >>> check(ledger)
    ()
"""

from styrmodell._investment_queries import follow_up
from styrmodell._investments import (
    InvestmentFollowUp,
    InvestmentObject,
    InvestmentProblem,
    InvestmentSum,
)
from styrmodell._ledger import PrintedFigure, ScenarioChange
from styrmodell._ledger_lines import LedgerLine, LineKind, Verksamhet
from styrmodell._ledger_months import MAX_PARTS, forecast, monthly, periodise
from styrmodell._ledger_queries import (
    amount,
    change,
    deviation,
    deviations,
    frame_check,
    group_totals,
    with_change,
)
from styrmodell._ledger_results import FrameCheck, LedgerDeviation, LedgerProblem
from styrmodell._tables import assess, check, total, totals

__all__ = [
    "MAX_PARTS",
    "FrameCheck",
    "InvestmentFollowUp",
    "InvestmentObject",
    "InvestmentProblem",
    "InvestmentSum",
    "LedgerDeviation",
    "LedgerLine",
    "LedgerProblem",
    "LineKind",
    "PrintedFigure",
    "ScenarioChange",
    "Verksamhet",
    "amount",
    "assess",
    "change",
    "check",
    "deviation",
    "deviations",
    "follow_up",
    "forecast",
    "frame_check",
    "group_totals",
    "monthly",
    "periodise",
    "total",
    "totals",
    "with_change",
]
