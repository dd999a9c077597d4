"""Hypothesis strategies for budget ledgers and investment budgets.

Re-exported from :mod:`styrmodell.strategies`; importing this module imports hypothesis.
Every strategy is valid by construction (no NaN, no infinities, no duplicate lines) and
shrinks towards small ledgers with small whole amounts.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from styrmodell._investment_queries import total as investment_total
from styrmodell._investments import InvestmentBudget, InvestmentObject, InvestmentSum
from styrmodell._ledger import Ledger, PrintedFigure
from styrmodell._ledger_lines import LedgerLine, LineKind, Verksamhet
from styrmodell._ledger_queries import amount, total
from styrmodell._units import Unit

__all__ = [
    "investment_budgets",
    "investment_objects",
    "ledger_amounts",
    "ledger_lines",
    "ledgers",
    "verksamheter",
]

_SCENARIOS = ("Budget 2022", "Årsprognos per oktober 2022", "M&B 2023", "Utfall 2023")
_NAMES = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=0, max_size=12
).map(str.strip)


def ledger_amounts(
    *, max_abs: int = 10**9, places: int = 0, allow_zero: bool = True
) -> st.SearchStrategy[Decimal]:
    """Finite Decimal amounts with at most *places* decimals, ``|amount| ≤ max_abs``."""
    step = Decimal(1).scaleb(-places)
    scaled = max_abs * 10**places
    return (
        st.integers(-scaled, scaled)
        .filter(lambda n: allow_zero or n != 0)
        .map(lambda n: Decimal(n) * step)
    )


def verksamheter(*, codes: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Verksamhet]:
    """Verksamheter with a 2-digit code (or *codes*) and a short name."""
    code_strategy = codes if codes is not None else st.integers(10, 99).map(str)
    return st.builds(Verksamhet, code_strategy, _NAMES)


def ledger_lines(
    *,
    unit: Unit = Unit.TKR,
    scenarios: st.SearchStrategy[str] | None = None,
    amounts: st.SearchStrategy[Decimal] | None = None,
) -> st.SearchStrategy[LedgerLine]:
    """Single ledger lines (intäkter or kostnader) in *unit*."""
    return st.builds(
        LedgerLine,
        verksamheter(),
        st.sampled_from((LineKind.INCOME, LineKind.COSTS)),
        scenarios if scenarios is not None else st.sampled_from(_SCENARIOS),
        amounts if amounts is not None else ledger_amounts(),
        st.just(unit),
    )


@st.composite
def _ledgers(
    draw: st.DrawFn,
    unit: Unit,
    max_verksamheter: int,
    scenarios: tuple[str, ...],
    amounts: st.SearchStrategy[Decimal],
    printed: bool,
    chart: bool,
) -> Ledger:
    codes = draw(
        st.lists(st.integers(10, 99).map(str), min_size=1, max_size=max_verksamheter, unique=True)
    )
    rows = [Verksamhet(code, draw(_NAMES)) for code in codes]
    lines = []
    for i, v in enumerate(rows):
        for kind in (LineKind.INCOME, LineKind.COSTS):
            for j, scenario in enumerate(scenarios):
                # Every row and every scenario has at least one line (a costs line).
                must = kind is LineKind.COSTS and (i == 0 or j == 0)
                if must or draw(st.booleans()):
                    lines.append(LedgerLine(v, kind, scenario, draw(amounts), unit))
    ledger = Ledger(lines, unit=unit)
    if chart:
        groups = st.sampled_from(("SOF", "ÄF"))
        ledger = Ledger(lines, unit=unit, chart={v.code: draw(groups) for v in rows})
    if printed:
        figures = []
        for scenario in ledger.scenarios:
            for v in rows:
                figures.append(
                    PrintedFigure(
                        LineKind.NET,
                        scenario,
                        amount(ledger, v, scenario),
                        verksamhet=v,
                        unit=unit,
                    )
                )
            for kind in LineKind:
                figures.append(
                    PrintedFigure(
                        kind, scenario, total(ledger, scenario, kind), label="S:a", unit=unit
                    )
                )
        ledger = Ledger(lines, unit=unit, chart=ledger.chart, printed=figures)
    return ledger


def ledgers(
    *,
    unit: Unit = Unit.TKR,
    max_verksamheter: int = 6,
    scenarios: tuple[str, ...] = _SCENARIOS[:3],
    amounts: st.SearchStrategy[Decimal] | None = None,
    printed: bool = False,
    chart: bool = False,
) -> st.SearchStrategy[Ledger]:
    """Valid ledgers: unique lines over a few verksamheter and *scenarios*.

    Args:
        unit: The ledger's unit.
        max_verksamheter: At most this many rows.
        scenarios: The scenario names to draw lines for (each line present or absent).
        amounts: Amounts of the lines; whole numbers up to 10⁹ by default.
        printed: Add printed nettokostnad rows and "S:a" sums that agree with the lines.
        chart: Put every verksamhet in group "SOF" or "ÄF".
    """
    return _ledgers(
        unit,
        max_verksamheter,
        tuple(scenarios),
        amounts if amounts is not None else ledger_amounts(),
        printed,
        chart,
    )


def investment_objects(
    *,
    row: st.SearchStrategy[int] | None = None,
    years: tuple[int, ...] = (2023, 2024, 2025),
    unit: Unit = Unit.TKR,
) -> st.SearchStrategy[InvestmentObject]:
    """Investment objects with a row number, group SOF/ÄF, a category and amounts per year."""
    return st.builds(
        InvestmentObject,
        row if row is not None else st.integers(1, 99),
        _NAMES.filter(bool),
        st.sampled_from(("SOF", "ÄF")),
        st.sampled_from(("Digitalisering och IT", "Inventarier", "Utrustning")),
        st.dictionaries(st.sampled_from(years), ledger_amounts(max_abs=10**6).map(abs)),
        st.just(unit),
    )


@st.composite
def _investment_budgets(
    draw: st.DrawFn, max_objects: int, years: tuple[int, ...], printed: bool
) -> InvestmentBudget:
    rows = draw(st.lists(st.integers(1, 99), max_size=max_objects, unique=True))
    objects = [draw(investment_objects(row=st.just(r), years=years)) for r in rows]
    budget = InvestmentBudget(objects)
    if printed:
        sums = [InvestmentSum(y, investment_total(budget, y), label="Summa tkr") for y in years]
        for g in budget.groups:
            sums += [InvestmentSum(y, investment_total(budget, y, group=g), group=g) for y in years]
        budget = InvestmentBudget(objects, printed=sums)
    return budget


def investment_budgets(
    *, max_objects: int = 8, years: tuple[int, ...] = (2023, 2024, 2025), printed: bool = False
) -> st.SearchStrategy[InvestmentBudget]:
    """Valid investment budgets with unique rows; *printed* adds sums that agree."""
    return _investment_budgets(max_objects, tuple(years), printed)
