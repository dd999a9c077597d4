"""The check of a document's printed figures against its own lines.

Swedish terms: *S:a* (a printed sum), *Varav summa SOF* (a printed sub-total), *tryckt*
(printed), *beräknat* (computed), *Förändr mot budg* (a change column).
"""

from __future__ import annotations

from decimal import Decimal

from styrmodell._ledger import Ledger, index_of
from styrmodell._ledger_base import exact_sum
from styrmodell._ledger_lines import STORED_KINDS, LineKind
from styrmodell._ledger_queries import amount, total
from styrmodell._ledger_results import LedgerProblem, Rule

__all__ = ["check"]

_ZERO = Decimal(0)


def check(ledger: Ledger) -> tuple[LedgerProblem, ...]:
    """Compare the ledger with its own printed figures; every problem, not just the first.

    Checks each printed row figure (nettokostnad = intäkter + kostnader), each printed
    sum (and group sub-total) against the sum of its rows, and each change column
    (base + change = target) on every row and kind. An empty tuple means it all adds up.

    Example:
        >>> from styrmodell.ledger import LedgerLine, PrintedFigure
        >>> ledger = Ledger(
        ...     [LedgerLine("11 Nämndverksamhet", "kostnader", "Budget 2022", -929)],
        ...     printed=[PrintedFigure("nettokostnad", "Budget 2022", -930, label="S:a")],
        ... )
        >>> [(p.rule, p.where, p.printed, p.computed) for p in check(ledger)]
        [('sum', 'S:a', Decimal('-930'), Decimal('-929'))]
    """
    return (*_printed_problems(ledger), *_change_problems(ledger))


def _printed_problems(ledger: Ledger) -> list[LedgerProblem]:
    problems: list[LedgerProblem] = []
    index = index_of(ledger)
    unit = ledger.unit
    for fig in ledger.printed:
        where = fig.where()
        known = fig.scenario in index.scenarios
        if fig.verksamhet is not None:
            known = known and index.names.get(fig.verksamhet.code) == fig.verksamhet
        if fig.group is not None:
            known = known and fig.group in ledger.groups
        if not known:
            problems.append(
                LedgerProblem("unknown", where, fig.kind, fig.scenario, fig.amount, None, unit)
            )
            continue
        rule: Rule
        if fig.verksamhet is not None:
            computed = amount(ledger, fig.verksamhet, fig.scenario, fig.kind)
            rule = "row"
        else:
            computed = total(ledger, fig.scenario, fig.kind, group=fig.group)
            rule = "sum"
        if computed != fig.amount:
            problems.append(
                LedgerProblem(rule, where, fig.kind, fig.scenario, fig.amount, computed, unit)
            )
    return problems


def _change_problems(ledger: Ledger) -> list[LedgerProblem]:
    problems: list[LedgerProblem] = []
    index = index_of(ledger)
    unit = ledger.unit
    for ch in ledger.changes:
        missing = [s for s in (ch.name, ch.base, ch.target) if s not in index.scenarios]
        if missing:
            problems.extend(
                LedgerProblem("unknown", ch.name, LineKind.NET, s, None, None, unit)
                for s in missing
            )
            continue
        for code, v in index.names.items():
            for kind in STORED_KINDS:
                base = index.amounts.get((code, kind, ch.base), _ZERO)
                delta = index.get(code, kind, ch.name)
                target = index.amounts.get((code, kind, ch.target), _ZERO)
                computed = exact_sum((target, -base))
                if (delta or _ZERO) != computed:
                    problems.append(
                        LedgerProblem("change", str(v), kind, ch.name, delta, computed, unit)
                    )
    return problems
