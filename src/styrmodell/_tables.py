r"""The functions both budget tables answer: ``total``, ``totals``, ``check`` and ``assess``.

Swedish terms: *internbudget* (a :class:`~styrmodell.Ledger`), *investeringsbudget* (an
:class:`~styrmodell.InvestmentBudget`).

A ledger's columns are scenarios and an investment budget's are years, so the same question
("the sum of a column", "do the printed sums add up", "is it within budget") takes one
function for both; each dispatches on the table it is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal, overload

from styrmodell import _investment_queries as investments
from styrmodell import _ledger_check, _ledger_queries
from styrmodell._errors import LedgerError
from styrmodell._frozenmap import FrozenMap
from styrmodell._investments import InvestmentBudget, InvestmentProblem
from styrmodell._ledger import Ledger
from styrmodell._ledger_lines import LineKind, Verksamhet
from styrmodell._ledger_results import LedgerProblem
from styrmodell._messages import failure
from styrmodell._numbers import NumberLike
from styrmodell._thresholds._base import Assessment, Threshold

__all__ = ["assess", "check", "total", "totals"]

Table = Ledger | InvestmentBudget


def _not_a_table(table: object) -> LedgerError:
    return failure(LedgerError, "ledger.expected_table", "table", value=table)


@overload
def total(
    table: Ledger,
    scenario: str,
    kind: LineKind | str = ...,
    *,
    verksamhet: Verksamhet | str | None = ...,
    group: str | None = ...,
    chart: Mapping[str, str] | None = ...,
) -> Decimal: ...
@overload
def total(
    table: InvestmentBudget,
    year: int,
    *,
    group: str | None = ...,
    category: str | None = ...,
) -> Decimal: ...
def total(table: Table, *args: Any, **kwargs: Any) -> Decimal:
    r"""The sum of a column: a ledger's scenario, or an investment budget's year.

    For a :class:`~styrmodell.Ledger`: ``total(ledger, scenario, kind=NET, *,
    verksamhet=None, group=None, chart=None)`` — the sum of *kind* (nettokostnad by
    default) in *scenario*, over the table, one verksamhet, or one group of the chart
    (or of *chart*). ``total(ledger, "M&B 2023")`` is the printed "S:a Nettokostnad".

    For an :class:`~styrmodell.InvestmentBudget`: ``total(budget, year, *, group=None,
    category=None)`` — the sum of *year* over the table or one group and/or category.

    Raises:
        LedgerError: for an unknown scenario, year, verksamhet, group or category.

    Examples:
        >>> from styrmodell.ledger import InvestmentObject, LedgerLine
        >>> ledger = Ledger([
        ...     LedgerLine("54 IFO", "intäkter", "Budget 2022", 2045),
        ...     LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117),
        ... ])
        >>> total(ledger, "Budget 2022"), total(ledger, "Budget 2022", "intäkter")
        (Decimal('-56072'), Decimal('2045'))
        >>> budget = InvestmentBudget([InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})])
        >>> total(budget, 2023, group="SOF")
        Decimal('700')
    """
    if isinstance(table, Ledger):
        return _ledger_queries.total(table, *args, **kwargs)
    if isinstance(table, InvestmentBudget):
        return investments.total(table, *args, **kwargs)
    raise _not_a_table(table)


@overload
def totals(table: Ledger, kind: LineKind | str = ...) -> FrozenMap[str, Decimal]: ...
@overload
def totals(
    table: InvestmentBudget,
    *,
    by: Literal["year", "group", "category"] = ...,
    year: int | None = ...,
) -> FrozenMap[Any, Decimal]: ...
def totals(table: Table, *args: Any, **kwargs: Any) -> FrozenMap[Any, Decimal]:
    """Every column's sum in one pass, or an investment year split by group or category.

    For a :class:`~styrmodell.Ledger`: ``totals(ledger, kind=NET)`` — scenario → sum of
    *kind*, e.g. the printed "S:a Nettokostnad" row.

    For an :class:`~styrmodell.InvestmentBudget`: ``totals(budget)`` — year → sum;
    ``totals(budget, by="group", year=2023)`` (or ``by="category"``) — the year per group.

    Raises:
        LedgerError: for an unknown kind or *by*, or a split without *year*.

    Examples:
        >>> from styrmodell.ledger import InvestmentObject
        >>> budget = InvestmentBudget([
        ...     InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700}),
        ...     InvestmentObject(30, "Madrasser", "ÄF", "Inventarier", {2023: 150, 2024: 150}),
        ... ])
        >>> dict(totals(budget))
        {2023: Decimal('850'), 2024: Decimal('150')}
        >>> dict(totals(budget, by="group", year=2023))
        {'SOF': Decimal('700'), 'ÄF': Decimal('150')}
    """
    if isinstance(table, Ledger):
        return _ledger_queries.totals(table, *args, **kwargs)
    if isinstance(table, InvestmentBudget):
        return investments.totals(table, *args, **kwargs)
    raise _not_a_table(table)


@overload
def check(table: Ledger) -> tuple[LedgerProblem, ...]: ...
@overload
def check(table: InvestmentBudget) -> tuple[InvestmentProblem, ...]: ...
def check(table: Table) -> tuple[LedgerProblem, ...] | tuple[InvestmentProblem, ...]:
    """Compare a table with the figures its document prints; every problem, not the first.

    For a :class:`~styrmodell.Ledger`: each printed row figure (nettokostnad = intäkter +
    kostnader), each printed sum and group sub-total, and each change column (base + change
    = target on every row and kind), as :class:`~styrmodell.ledger.LedgerProblem` values.

    For an :class:`~styrmodell.InvestmentBudget`: each printed sum ("Summa tkr", "Varav
    summa SOF") against its objects, as :class:`~styrmodell.ledger.InvestmentProblem` values.

    An empty tuple means it all adds up. The problems are findings about the document, not
    errors: nothing is raised for a figure that does not add up.

    Examples:
        >>> from styrmodell.ledger import LedgerLine, PrintedFigure
        >>> ledger = Ledger(
        ...     [LedgerLine("11 Nämndverksamhet", "kostnader", "Budget 2022", -929)],
        ...     printed=[PrintedFigure("nettokostnad", "Budget 2022", -929, label="S:a")],
        ... )
        >>> check(ledger)
        ()
    """
    if isinstance(table, Ledger):
        return _ledger_check.check(table)
    if isinstance(table, InvestmentBudget):
        return investments.check(table)
    raise _not_a_table(table)


@overload
def assess(
    table: Ledger,
    outcome: str,
    budget: str,
    *,
    kind: LineKind | str = ...,
    of: str | None = ...,
    threshold: Threshold | None = ...,
) -> Assessment: ...
@overload
def assess(
    table: InvestmentBudget,
    year: int,
    spent: Mapping[int, NumberLike],
    *,
    of: str | int | None = ...,
    threshold: Threshold | None = ...,
) -> Assessment: ...
def assess(table: Table, *args: Any, **kwargs: Any) -> Assessment:
    """Green, yellow or red for a table's outcome against its budget.

    For a :class:`~styrmodell.Ledger`: ``assess(ledger, outcome, budget, *, kind=NET,
    of=None, threshold=None)`` — the total of scenario *outcome* (a prognos or an utfall)
    judged against the total of scenario *budget*, over the table, one verksamhet code or
    one group (*of*).

    For an :class:`~styrmodell.InvestmentBudget`: ``assess(budget, year, spent, *,
    of=None, threshold=None)`` — spending (row → spent so far) against the year's budget,
    over the table, one group or one row (*of*). Spending counts as a cost, so underspending
    is a positive deviation.

    The threshold is *threshold* if given, else the table's ``thresholds[of]``, else its
    ``threshold``; it receives the outcome and ``Context(budget=...)``, which a
    :class:`~styrmodell.BudgetDeviation` judges by the deviation in percent.

    Raises:
        LedgerError: for an unknown scenario, verksamhet, group or row, or no threshold.

    Examples:
        >>> from styrmodell import BudgetDeviation
        >>> from styrmodell.ledger import LedgerLine
        >>> ledger = Ledger([
        ...     LedgerLine("54 IFO", "kostnader", "Budget 2022", -1000),
        ...     LedgerLine("54 IFO", "kostnader", "Prognos", -990),
        ... ], threshold=BudgetDeviation.no_negative())
        >>> assess(ledger, "Prognos", "Budget 2022").status
        <Status.GREEN: 'green'>
    """
    if isinstance(table, Ledger):
        return _ledger_queries.assess(table, *args, **kwargs)
    if isinstance(table, InvestmentBudget):
        return investments.assess(table, *args, **kwargs)
    raise _not_a_table(table)
