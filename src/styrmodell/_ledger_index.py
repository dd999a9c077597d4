"""The look-up a ledger builds over its lines once: amounts by key, rows, columns, problems.

Swedish terms: *rad* (a row: a verksamhet), *kolumn* (a scenario).

:func:`index_lines` makes one pass over the lines; a :class:`~styrmodell.Ledger` keeps the
result as a cached property and every query reads it. The same pass finds what makes a set
of lines inconsistent (a duplicate line, a unit mix, a code with two names), so a ledger is
checked and indexed at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from styrmodell._errors import Problem
from styrmodell._ledger_base import unit_name
from styrmodell._ledger_lines import LedgerLine, LineKind, Verksamhet, line_where
from styrmodell._messages import problem
from styrmodell._units import Unit

__all__ = ["LedgerIndex", "index_lines"]

Key = tuple[str, LineKind, str]
"""``(code, kind, scenario)``."""


@attrs.frozen(eq=False)
class LedgerIndex:
    """What :func:`index_lines` finds in a tuple of lines.

    Attributes:
        amounts: ``(code, kind, scenario)`` → amount; a key that is absent counts as zero.
        names: Code → verksamhet, in the order the rows first occur.
        scenarios: The scenarios, in the order they first occur.
        problems: Duplicate lines, unit mixes and codes with two names, one problem each.
    """

    amounts: dict[Key, Decimal]
    names: dict[str, Verksamhet]
    scenarios: tuple[str, ...]
    problems: tuple[Problem, ...]

    def get(self, code: str, kind: LineKind, scenario: str) -> Decimal | None:
        """The amount of one line, or ``None`` when the cell is empty."""
        return self.amounts.get((code, kind, scenario))


def _at(i: int, line: LedgerLine) -> str:
    return f"lines[{i}] {line_where(line)}"


def index_lines(
    lines: Sequence[LedgerLine], unit: Unit, at: Callable[[int, LedgerLine], str] = _at
) -> LedgerIndex:
    """Index *lines* of a ledger in *unit*; *at* names line *i* in a problem.

    Examples:
        >>> index = index_lines([LedgerLine("54 IFO", "kostnader", "Budget 2022", -1)], Unit.TKR)
        >>> index.get("54", LineKind.COSTS, "Budget 2022"), index.problems
        (Decimal('-1'), ())
    """
    amounts: dict[Key, Decimal] = {}
    names: dict[str, Verksamhet] = {}
    scenarios: dict[str, None] = {}
    problems: list[Problem] = []
    for i, line in enumerate(lines):
        v = line.verksamhet
        key = (v.code, line.kind, line.scenario)
        if key in amounts:
            problems.append(problem("ledger.duplicate_line", at(i, line)))
        amounts[key] = line.amount
        if line.unit is not unit:
            problems.append(
                problem(
                    "ledger.unit_mix",
                    at(i, line),
                    unit=unit_name(line.unit),
                    ledger_unit=unit_name(unit),
                )
            )
        known = names.setdefault(v.code, v)
        if known is not v and known != v:
            problems.append(
                problem("ledger.two_names", at(i, line), code=repr(v.code), name=repr(known.name))
            )
        scenarios[line.scenario] = None
    return LedgerIndex(amounts, names, tuple(scenarios), tuple(problems))
