"""Figures of an investment budget: totals, the check of its printed sums, the follow-up.

Swedish terms: *Summa tkr* / *Varav summa SOF* (printed sums), *förbrukat* (spent so far),
*kvar* (remaining), *investeringsuppföljning* (the follow-up in april, augusti, oktober and
december), "Nämnden håller sin budget på samtliga investeringar" (a budget-deviation goal).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

from styrmodell._errors import LedgerError
from styrmodell._frozenmap import FrozenMap
from styrmodell._investments import (
    InvestmentBudget,
    InvestmentFollowUp,
    InvestmentObject,
    InvestmentProblem,
    as_year,
)
from styrmodell._ledger_base import F, exact_sum
from styrmodell._ledger_results import LedgerDeviation
from styrmodell._messages import failure
from styrmodell._numbers import NumberLike
from styrmodell._thresholds._base import Assessment, Context, Threshold

__all__ = ["assess", "check", "follow_up", "total", "totals"]

_ZERO = Decimal(0)


def _select(
    budget: InvestmentBudget, group: str | None, category: str | None
) -> list[InvestmentObject]:
    if group is not None and group not in budget.groups:
        raise failure(
            LedgerError,
            "investments.unknown_group",
            "group",
            value=group,
            known=str(list(budget.groups)),
        )
    if category is not None and category not in budget.categories:
        raise failure(
            LedgerError,
            "investments.unknown_category",
            "category",
            value=category,
            known=str(list(budget.categories)),
        )
    return [
        obj
        for obj in budget.objects
        if (group is None or obj.group == group) and (category is None or obj.category == category)
    ]


def total(
    budget: InvestmentBudget, year: int, *, group: str | None = None, category: str | None = None
) -> Decimal:
    """The sum for *year*, over the table or one group and/or category."""
    year = as_year(year, "year")
    return exact_sum(obj.amount(year) for obj in _select(budget, group, category))


def totals(
    budget: InvestmentBudget,
    *,
    by: Literal["year", "group", "category"] = "year",
    year: int | None = None,
) -> FrozenMap[Any, Decimal]:
    """Sums per year (``by="year"``), or per group / category in *year*."""
    if by == "year":
        return FrozenMap({y: total(budget, y) for y in budget.years})
    if by not in ("group", "category"):
        raise failure(LedgerError, "investments.expected_by", "by", value=by)
    if year is None:
        raise failure(LedgerError, "investments.totals_year", f"totals(by={by!r})")
    if by == "group":
        return FrozenMap({g: total(budget, year, group=g) for g in budget.groups})
    return FrozenMap({c: total(budget, year, category=c) for c in budget.categories})


def check(budget: InvestmentBudget) -> tuple[InvestmentProblem, ...]:
    """Compare every printed sum with the sum of its objects; every problem, not the first."""
    problems = []
    groups, categories = set(budget.groups), set(budget.categories)
    for s in budget.printed:
        if (s.group is not None and s.group not in groups) or (
            s.category is not None and s.category not in categories
        ):
            computed = _ZERO
        else:
            computed = total(budget, s.year, group=s.group, category=s.category)
        if computed != s.amount:
            problems.append(InvestmentProblem(s.where(), s.year, s.amount, computed, budget.unit))
    return tuple(problems)


def follow_up(
    budget: InvestmentBudget, year: int, spent: Mapping[int, NumberLike]
) -> tuple[InvestmentFollowUp, ...]:
    """Spent against budget for every object with a budget or spending in *year*.

    Args:
        budget: The investment budget.
        year: The budget year.
        spent: Row number → spent so far (objects not listed have spent nothing).

    Raises:
        LedgerError: for a row with no object, or a non-number (naming the row).

    Example:
        >>> budget = InvestmentBudget([InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})])
        >>> found = follow_up(budget, 2023, {4: 650})
        >>> found[0].remaining, found[0].overspent
        (Decimal('50'), False)
    """
    year = as_year(year, "year")
    if not isinstance(spent, Mapping):
        raise failure(LedgerError, "field.expected_mapping", "spent", value=spent)
    rows = {obj.row: obj for obj in budget.objects}
    amounts: dict[int, Decimal] = {}
    for row, value in spent.items():
        obj = rows.get(row)
        if obj is None:
            raise failure(LedgerError, "investments.no_object", "spent", value=row)
        amounts[row] = F.as_decimal(value, f"spent on row {row} {obj.name!r}")
    out = []
    for obj in budget.objects:
        if year not in obj.amounts and obj.row not in amounts:
            continue
        planned = obj.amount(year)
        used = amounts.get(obj.row, _ZERO)
        out.append(
            InvestmentFollowUp(
                obj,
                year,
                planned,
                used,
                exact_sum((planned, -used)),
                LedgerDeviation.of(-used, -planned, budget.unit),
            )
        )
    return tuple(out)


def assess(
    budget: InvestmentBudget,
    year: int,
    spent: Mapping[int, NumberLike],
    *,
    of: str | int | None = None,
    threshold: Threshold | None = None,
) -> Assessment:
    """Assess spending against budget ("Nämnden håller sin budget på samtliga investeringar").

    Spending counts as a cost: the threshold gets ``−spent`` as the outcome and
    ``Context(budget=−budget)``, so underspending is a positive deviation.

    Raises:
        LedgerError: for an unknown group or row, or no threshold.
    """
    rule = threshold
    if rule is None and of is not None:
        rule = budget.thresholds.get(str(of))
    if rule is None:
        rule = budget.threshold
    if rule is None:
        raise failure(
            LedgerError, "investments.no_threshold", "assess", of=repr(of or "the budget")
        )
    if isinstance(of, int) and not isinstance(of, bool):
        budget.object(of)
    elif of is not None and of not in budget.groups:
        raise failure(
            LedgerError, "investments.unknown_group", "of", value=of, known=str(list(budget.groups))
        )
    items = [
        f
        for f in follow_up(budget, year, spent)
        if of is None or f.object.row == of or f.object.group == of
    ]
    used = exact_sum(f.spent for f in items)
    planned = exact_sum(f.budget for f in items)
    return rule.assess(-used, Context(budget=-planned))
