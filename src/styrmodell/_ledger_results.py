r"""What the ledger functions answer: a deviation, a frame check, a figure that does not add up.

Swedish terms: *avvikelse* (deviation from budget, in tkr and per cent), *ram* (the frame a
nämnd's nettokostnad must keep within), *marginal* (what is left of the frame), *tryckt*
(printed), *beräknat* (computed), *skillnad* (difference).

These are results, not errors: :func:`styrmodell.ledger.check` returns the figures of a
document that do not add up as :class:`LedgerProblem` values, and the caller decides what to
do with them (a :class:`~styrmodell.LedgerError` is raised only for input that cannot be a
ledger at all).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from styrmodell._ledger_base import deviation_percent
from styrmodell._ledger_lines import LineKind
from styrmodell._messages import text
from styrmodell._numbers import EXACT
from styrmodell._safe import printable
from styrmodell._units import Unit

__all__ = ["FrameCheck", "LedgerDeviation", "LedgerProblem", "signed"]


def signed(unit: Unit, value: Decimal, locale: str, places: int | None = None) -> str:
    """*value* in *unit* with a ``+`` in front when it is positive ("+2 058 tkr")."""
    shown = unit.format(value, locale, places=places)
    return shown if value <= 0 else "+" + shown


@attrs.frozen
class LedgerDeviation:
    r"""How an outcome (or a prognos) deviates from a budget.

    Attributes:
        outcome: The outcome or prognos (e.g. "Årsprognos per oktober 2022").
        budget: The budget compared with.
        amount: ``outcome − budget``: positive is a better result (more income or a smaller
            cost, since costs are negative).
        percent: ``(outcome − budget) / |budget| × 100``, or ``None`` when the budget is zero.
        unit: The ledger's unit.

    Example:
        >>> d = LedgerDeviation.of(Decimal(-315581), Decimal(-317639))
        >>> d.amount
        Decimal('2058')
        >>> d.format()
        '+2\xa0058\xa0tkr (+0,6\xa0%)'
    """

    outcome: Decimal
    budget: Decimal
    amount: Decimal
    percent: Decimal | None
    unit: Unit = Unit.TKR

    @classmethod
    def of(cls, outcome: Decimal, budget: Decimal, unit: Unit = Unit.TKR) -> LedgerDeviation:
        """The deviation of *outcome* from *budget*."""
        amount = EXACT.subtract(outcome, budget)
        return cls(outcome, budget, amount, deviation_percent(outcome, budget), unit)

    def format(self, locale: str = "sv", *, places: int = 1) -> str:
        """The amount and the percent to *places* decimals: "+2 058 tkr (+0,6 %)"."""
        shown = signed(self.unit, self.amount, locale)
        if self.percent is None:
            return shown
        return f"{shown} ({signed(Unit.PERCENT, self.percent, locale, places)})"


@attrs.frozen
class FrameCheck:
    r"""Whether a scenario's nettokostnad keeps within its frame (ram).

    Attributes:
        scenario: The scenario checked, e.g. "M&B 2023".
        frame: The frame as printed, a positive amount ("333 088 tkr").
        net_cost: The nettokostnad as a positive cost (``−`` the net total).
        margin: ``frame − net_cost``: zero or positive when the frame holds, negative by
            how much it is exceeded.
        unit: The ledger's unit.

    Example:
        >>> check = FrameCheck("M&B 2023", Decimal(333088), Decimal(333088), Decimal(0))
        >>> check.holds
        True
        >>> check.explain()
        'Nettokostnaden 333\xa0088\xa0tkr ryms inom ramen 333\xa0088\xa0tkr (M&B 2023)'
    """

    scenario: str
    frame: Decimal
    net_cost: Decimal
    margin: Decimal
    unit: Unit = Unit.TKR

    @property
    def holds(self) -> bool:
        """True when the nettokostnad is within the frame."""
        return self.margin >= 0

    def explain(self, locale: str = "sv") -> str:
        """The check in a sentence: "Nettokostnaden 333 088 tkr ryms inom ramen 333 088 tkr"."""
        fmt = self.unit.format
        params = {
            "cost": fmt(self.net_cost, locale),
            "frame": fmt(self.frame, locale),
            "scenario": printable(self.scenario, newlines=False),
        }
        if not self.holds:
            return text("ledger.frame.exceeds", locale, over=fmt(-self.margin, locale), **params)
        if self.margin:
            return text("ledger.frame.margin", locale, margin=fmt(self.margin, locale), **params)
        return text("ledger.frame.holds", locale, **params)


Rule = Literal["row", "sum", "change", "unknown"]


@attrs.frozen
class LedgerProblem:
    r"""One printed figure that does not add up, found by :func:`styrmodell.ledger.check`.

    A finding about the document, not an error: the ledger is a valid value whose printed
    figures disagree with its lines. (Input that cannot be a ledger raises
    :class:`~styrmodell.LedgerError`, whose ``problems`` are :class:`~styrmodell.Problem`
    values.)

    Attributes:
        rule: ``"row"`` (a printed row figure, e.g. nettokostnad ≠ intäkter + kostnader),
            ``"sum"`` (a printed sum ≠ the sum of its rows), ``"change"`` (a change column ≠
            target − base), or ``"unknown"`` (a printed figure names a scenario or verksamhet
            the ledger lacks).
        where: The row: ``"54 Individ och familjeomsorg"``, ``"S:a Nettokostnad"``...
        kind: The kind of figure.
        scenario: The column.
        printed: The figure as the document prints it (``None`` for a missing one).
        computed: What the other figures give (``None`` when it cannot be computed).
        unit: The ledger's unit.

    Example:
        >>> p = LedgerProblem("sum", "S:a", LineKind.NET, "Budget 2022", Decimal(-1), Decimal(-2))
        >>> p.difference
        Decimal('1')
        >>> p.message()
        'S:a, nettokostnad, Budget 2022: tryckt −1\xa0tkr, beräknat −2\xa0tkr (skillnad 1\xa0tkr)'
    """

    rule: Rule
    where: str
    kind: LineKind
    scenario: str
    printed: Decimal | None
    computed: Decimal | None
    unit: Unit = Unit.TKR

    @property
    def difference(self) -> Decimal | None:
        """``printed − computed``, when both are known."""
        if self.printed is None or self.computed is None:
            return None
        return EXACT.subtract(self.printed, self.computed)

    def message(self, locale: str = "sv") -> str:
        """The problem in a sentence naming the row and the column."""
        params = {
            "where": printable(self.where, newlines=False),
            "kind": self.kind.label(locale),
            "scenario": printable(self.scenario, newlines=False),
        }
        if self.rule == "unknown":
            return text("ledger.check.unknown", locale, **params)
        fmt = self.unit.format
        printed = "–" if self.printed is None else fmt(self.printed, locale)
        computed = "–" if self.computed is None else fmt(self.computed, locale)
        diff = self.difference
        if diff is None:
            return text(
                "ledger.check.differs", locale, printed=printed, computed=computed, **params
            )
        return text(
            "ledger.check.differs_by",
            locale,
            printed=printed,
            computed=computed,
            difference=fmt(diff, locale),
            **params,
        )

    def __str__(self) -> str:
        return self.message("en")
