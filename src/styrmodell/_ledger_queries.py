r"""Figures of a ledger: amounts, totals, group totals, changes, deviations, the frame, a status.

Swedish terms: *S:a* (a printed sum), *Varav summa SOF* (a group's sub-total), *Förändr mot
budg* (a change column), *avvikelse* (deviation from budget), *ram* (frame), *förvaltning*
(a group of verksamheter in the chart).

Each function is pure: it reads the ledger's index and lines, sums exactly, and raises
:class:`~styrmodell.LedgerError` naming the scenario, verksamhet or group it does not know.
They are public through :mod:`styrmodell.ledger`.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

import attrs

from styrmodell._errors import LedgerError
from styrmodell._frozenmap import FrozenMap
from styrmodell._ledger import Ledger, ScenarioChange, as_chart, index_of
from styrmodell._ledger_base import F, exact_sum
from styrmodell._ledger_lines import STORED_KINDS, LedgerLine, LineKind, Verksamhet, as_kind
from styrmodell._ledger_results import FrameCheck, LedgerDeviation
from styrmodell._messages import failure
from styrmodell._numbers import EXACT, NumberLike
from styrmodell._thresholds._base import Assessment, Context, Threshold

__all__ = [
    "amount",
    "assess",
    "change",
    "deviation",
    "deviations",
    "frame_check",
    "group_totals",
    "known_scenario",
    "selected_codes",
    "total",
    "totals",
    "with_change",
]

_ZERO = Decimal(0)


# -- what a query names ------------------------------------------------------------------------


def known_scenario(ledger: Ledger, scenario: str, what: str = "scenario") -> str:
    """*scenario* if the ledger has it, else a :class:`~styrmodell.LedgerError` naming *what*."""
    if scenario not in index_of(ledger).scenarios:
        raise failure(
            LedgerError,
            "ledger.unknown_scenario",
            what,
            value=scenario,
            scenarios=str(list(ledger.scenarios)),
        )
    return scenario


def _code(ledger: Ledger, verksamhet: Verksamhet | str) -> str:
    code = verksamhet.code if isinstance(verksamhet, Verksamhet) else verksamhet
    if code not in index_of(ledger).names:
        raise failure(
            LedgerError,
            "ledger.unknown_verksamhet",
            "verksamhet",
            value=verksamhet,
            verksamhet=str(verksamhet),
            known=str([str(v) for v in ledger.verksamheter]),
        )
    return code


def _group(ledger: Ledger, group: str, chart: Mapping[str, str]) -> frozenset[str]:
    codes = frozenset(code for code in index_of(ledger).names if chart.get(code) == group)
    if not codes:
        raise failure(
            LedgerError,
            "ledger.unknown_group",
            "group",
            value=group,
            groups=str(sorted(set(chart.values()))),
        )
    return codes


def selected_codes(
    ledger: Ledger,
    verksamhet: Verksamhet | str | None,
    group: str | None,
    chart: Mapping[str, str] | None = None,
) -> frozenset[str] | None:
    """The codes one verksamhet or one group selects; ``None`` for the whole ledger."""
    if verksamhet is not None and group is not None:
        raise failure(LedgerError, "ledger.verksamhet_or_group")
    if verksamhet is not None:
        return frozenset((_code(ledger, verksamhet),))
    if group is not None:
        return _group(ledger, group, ledger.chart if chart is None else chart)
    return None


def _kinds(kind: LineKind) -> tuple[LineKind, ...]:
    return STORED_KINDS if kind is LineKind.NET else (kind,)


def _chart_of(ledger: Ledger, chart: Mapping[str, str] | None) -> Mapping[str, str]:
    return ledger.chart if chart is None else as_chart(chart, "chart")


# -- figures -----------------------------------------------------------------------------------


def amount(
    ledger: Ledger, verksamhet: Verksamhet | str, scenario: str, kind: LineKind | str = LineKind.NET
) -> Decimal:
    """One row's figure: a line's amount (zero when the cell is empty) or its nettokostnad.

    Raises:
        LedgerError: for an unknown verksamhet or scenario.

    Example:
        >>> ledger = Ledger([LedgerLine("54 IFO", "kostnader", "Budget 2022", -58117)])
        >>> amount(ledger, "54", "Budget 2022"), amount(ledger, "54", "Budget 2022", "intäkter")
        (Decimal('-58117'), Decimal('0'))
    """
    code = _code(ledger, verksamhet)
    known_scenario(ledger, scenario)
    amounts = index_of(ledger).amounts
    return exact_sum(amounts.get((code, k, scenario), _ZERO) for k in _kinds(as_kind(kind, "kind")))


def total(
    ledger: Ledger,
    scenario: str,
    kind: LineKind | str = LineKind.NET,
    *,
    verksamhet: Verksamhet | str | None = None,
    group: str | None = None,
    chart: Mapping[str, str] | None = None,
) -> Decimal:
    """The sum of *kind* in *scenario*, over the table, one verksamhet, or one group.

    ``total(ledger, "M&B 2023")`` is "S:a Nettokostnad" of that column.

    Raises:
        LedgerError: for an unknown scenario, verksamhet or group.
    """
    known_scenario(ledger, scenario)
    kinds = _kinds(as_kind(kind, "kind"))
    codes = selected_codes(ledger, verksamhet, group, _chart_of(ledger, chart))
    with decimal.localcontext(EXACT):
        result = _ZERO
        for line in ledger.lines:
            if (
                line.scenario == scenario
                and line.kind in kinds
                and (codes is None or line.verksamhet.code in codes)
            ):
                result += line.amount
        return result


def totals(ledger: Ledger, kind: LineKind | str = LineKind.NET) -> FrozenMap[str, Decimal]:
    """Every scenario's sum of *kind* in one pass: ``{"Budget 2022": -317639, ...}``."""
    kind = as_kind(kind, "kind")
    sums: dict[str, Decimal] = dict.fromkeys(ledger.scenarios, _ZERO)
    with decimal.localcontext(EXACT):
        if kind is LineKind.NET:
            for line in ledger.lines:
                sums[line.scenario] += line.amount
        else:
            for line in ledger.lines:
                if line.kind is kind:
                    sums[line.scenario] += line.amount
    return FrozenMap(sums)


def _missing_from_chart(ledger: Ledger, chart: Mapping[str, str]) -> None:
    missing = [str(v) for v in ledger.verksamheter if v.code not in chart]
    if missing:
        raise failure(LedgerError, "ledger.not_in_chart", "chart", names=", ".join(missing))


def group_totals(
    ledger: Ledger,
    scenario: str,
    kind: LineKind | str = LineKind.NET,
    *,
    chart: Mapping[str, str] | None = None,
) -> FrozenMap[str, Decimal]:
    """Sub-totals per group in *scenario*, by the ledger's chart or the *chart* given.

    Raises:
        LedgerError: for an unknown scenario, or naming every verksamhet the chart lacks
            (nothing is left out of a sub-total silently).
    """
    known_scenario(ledger, scenario)
    kinds = _kinds(as_kind(kind, "kind"))
    use = _chart_of(ledger, chart)
    _missing_from_chart(ledger, use)
    sums: dict[str, Decimal] = {}
    for v in ledger.verksamheter:
        sums.setdefault(use[v.code], _ZERO)
    with decimal.localcontext(EXACT):
        for line in ledger.lines:
            if line.scenario == scenario and line.kind in kinds:
                sums[use[line.verksamhet.code]] += line.amount
    return FrozenMap(sums)


def change(
    ledger: Ledger,
    base: str,
    target: str,
    kind: LineKind | str = LineKind.NET,
    *,
    verksamhet: Verksamhet | str | None = None,
    group: str | None = None,
) -> Decimal:
    """``target − base`` ("Förändr mot budg 2022" = "M&B 2023" − "Budget 2022").

    Raises:
        LedgerError: for an unknown scenario, verksamhet or group.
    """
    known_scenario(ledger, base, "base")
    known_scenario(ledger, target, "target")
    after = total(ledger, target, kind, verksamhet=verksamhet, group=group)
    before = total(ledger, base, kind, verksamhet=verksamhet, group=group)
    return exact_sum((after, -before))


def with_change(ledger: Ledger, name: str, *, base: str, target: str) -> Ledger:
    """A ledger with a change column *name* = *target* − *base* added on every row.

    The column gets a line for every row and kind that has a line in *base* or *target*,
    and the :class:`~styrmodell.ledger.ScenarioChange` is recorded so ``check`` verifies it.

    Raises:
        LedgerError: for an unknown base or target, or a *name* already used.
    """
    added = ScenarioChange(name, base, target)
    known_scenario(ledger, base, "base")
    known_scenario(ledger, target, "target")
    if added.name in ledger.scenarios:
        raise failure(LedgerError, "ledger.scenario_exists", "with_change", value=added.name)
    index = index_of(ledger)
    new = []
    for code, v in index.names.items():
        for kind in STORED_KINDS:
            a = index.get(code, kind, base)
            b = index.get(code, kind, target)
            if a is None and b is None:
                continue
            value = exact_sum((b or _ZERO, -(a or _ZERO)))
            new.append(LedgerLine(v, kind, added.name, value, ledger.unit))
    return attrs.evolve(ledger, lines=ledger.lines + tuple(new), changes=(*ledger.changes, added))


# -- deviation, frame, assessment --------------------------------------------------------------


def deviation(
    ledger: Ledger,
    outcome: str,
    budget: str,
    kind: LineKind | str = LineKind.NET,
    *,
    verksamhet: Verksamhet | str | None = None,
    group: str | None = None,
) -> LedgerDeviation:
    """How *outcome* (a prognos or utfall) deviates from *budget*, in the unit and in %.

    Positive is a better result: more income, or a smaller cost (costs are negative).

    Raises:
        LedgerError: for an unknown scenario, verksamhet or group.
    """
    known_scenario(ledger, outcome, "outcome")
    known_scenario(ledger, budget, "budget")
    out = total(ledger, outcome, kind, verksamhet=verksamhet, group=group)
    bud = total(ledger, budget, kind, verksamhet=verksamhet, group=group)
    return LedgerDeviation.of(out, bud, ledger.unit)


def deviations(
    ledger: Ledger,
    outcome: str,
    budget: str,
    kind: LineKind | str = LineKind.NET,
    *,
    by: Literal["verksamhet", "group"] = "verksamhet",
) -> FrozenMap[str, LedgerDeviation]:
    """The deviation of every verksamhet (by code) or every group, in one pass.

    Raises:
        LedgerError: for an unknown scenario, or a verksamhet the chart lacks.
    """
    known_scenario(ledger, outcome, "outcome")
    known_scenario(ledger, budget, "budget")
    kind = as_kind(kind, "kind")
    codes = index_of(ledger).names
    if by == "verksamhet":
        key_of: Mapping[str, str] = {code: code for code in codes}
    elif by == "group":
        _missing_from_chart(ledger, ledger.chart)
        key_of = ledger.chart
    else:
        raise failure(LedgerError, "ledger.expected_by", "by", value=by)
    outs: dict[str, Decimal] = {}
    buds: dict[str, Decimal] = {}
    for code in codes:
        outs[key_of[code]] = buds[key_of[code]] = _ZERO
    net = kind is LineKind.NET
    with decimal.localcontext(EXACT):
        # The index holds each line's amount under its key: no attribute look-ups per line.
        for (code, line_kind, scenario), value in index_of(ledger).amounts.items():
            if net or line_kind is kind:
                if scenario == outcome:
                    outs[key_of[code]] += value
                elif scenario == budget:
                    buds[key_of[code]] += value
    unit = ledger.unit
    return FrozenMap({key: LedgerDeviation.of(outs[key], buds[key], unit) for key in outs})


def frame_check(ledger: Ledger, scenario: str, frame: NumberLike) -> FrameCheck:
    """Whether *scenario*'s nettokostnad keeps within *frame* (a positive amount).

    "Ramen för 2023 uppgår till 333 088 tkr" is ``frame_check(ledger, "M&B 2023", 333088)``.

    Raises:
        LedgerError: for an unknown scenario, or a frame that is not a number ≥ 0.
    """
    value = F.as_decimal(frame, "frame")
    if value < 0:
        raise failure(LedgerError, "ledger.negative_frame", "frame", value=frame)
    net_cost = -total(ledger, scenario)
    return FrameCheck(scenario, value, net_cost, exact_sum((value, -net_cost)), ledger.unit)


def assess(
    ledger: Ledger,
    outcome: str,
    budget: str,
    *,
    kind: LineKind | str = LineKind.NET,
    of: str | None = None,
    threshold: Threshold | None = None,
) -> Assessment:
    """Assess *outcome* against *budget* with the attached (or given) threshold.

    The threshold is *threshold* if given, else ``ledger.thresholds[of]``, else
    ``ledger.threshold``. It receives the outcome total and ``Context(budget=<budget
    total>)`` (a ``BudgetDeviation`` judges their deviation percent).

    Raises:
        LedgerError: for an unknown scenario, verksamhet or group, or no threshold.
    """
    rule = threshold
    if rule is None and of is not None:
        rule = ledger.thresholds.get(of)
    if rule is None:
        rule = ledger.threshold
    if rule is None:
        raise failure(LedgerError, "ledger.no_threshold", "assess", of=repr(of or "the ledger"))
    verksamhet = group = None
    if of is not None:
        names = index_of(ledger).names
        if of in names and of in ledger.groups:
            raise failure(LedgerError, "ledger.code_and_group", "assess", value=of)
        if of in names:
            verksamhet = of
        else:
            group = of
    out = total(ledger, outcome, kind, verksamhet=verksamhet, group=group)
    bud = total(ledger, budget, kind, verksamhet=verksamhet, group=group)
    return rule.assess(out, Context(budget=bud))
