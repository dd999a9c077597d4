"""Benchmark: totals and deviations over a 1,000,000-line ledger vs a hand-written Decimal loop.

Run: python benchmarks/bench_ledger.py [lines]

Both sides work on the same amounts in the same run, timed in turn (best of five each, so a
change of load on the machine hits both). The baseline is the loop a developer would write
over plain tuples ``(code, kind, scenario, amount)``: sums per scenario and kind, and per
verksamhet the outcome, the budget, their difference and the percent. The ledger side calls
``styrmodell.ledger.totals`` (intäkter, kostnader, nettokostnad) and
``styrmodell.ledger.deviations``.
Target: ledger / baseline ≤ 2.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import styrmodell as sm
import styrmodell.ledger as sl
from styrmodell.ledger import deviations, totals

SCENARIOS = ("Budget 2023", "Utfall 2023", "Årsprognos per oktober 2023", "M&B 2024")
KINDS = (sl.LineKind.INCOME, sl.LineKind.COSTS)


def build(n: int) -> tuple[list[tuple[str, sl.LineKind, str, Decimal]], sm.Ledger, float]:
    rnd = random.Random(2023)
    per_code = len(SCENARIOS) * len(KINDS)
    codes = [f"{i:06d}" for i in range(n // per_code + 1)]
    rows = []
    for code in codes:
        for scenario in SCENARIOS:
            for kind in KINDS:
                sign = 1 if kind is sl.LineKind.INCOME else -1
                rows.append((code, kind, scenario, Decimal(sign * rnd.randint(0, 10**7))))
                if len(rows) == n:
                    break
            if len(rows) == n:
                break
        if len(rows) == n:
            break
    names = {code: sl.Verksamhet(code, f"Verksamhet {code}") for code in codes}
    start = time.perf_counter()
    ledger = sm.Ledger([sl.LedgerLine(names[c], k, s, a) for c, k, s, a in rows], unit=sm.Unit.TKR)
    return rows, ledger, time.perf_counter() - start


def baseline(rows: list[tuple[str, sl.LineKind, str, Decimal]]) -> tuple[Any, Any]:
    income: dict[str, Decimal] = {}
    costs: dict[str, Decimal] = {}
    for _code, kind, scenario, amount in rows:
        if kind is sl.LineKind.INCOME:
            income[scenario] = income.get(scenario, Decimal(0)) + amount
        else:
            costs[scenario] = costs.get(scenario, Decimal(0)) + amount
    net = {s: income.get(s, Decimal(0)) + costs.get(s, Decimal(0)) for s in SCENARIOS}
    outcome: dict[str, Decimal] = {}
    budget: dict[str, Decimal] = {}
    for code, _kind, scenario, amount in rows:
        if scenario == "Utfall 2023":
            outcome[code] = outcome.get(code, Decimal(0)) + amount
        elif scenario == "Budget 2023":
            budget[code] = budget.get(code, Decimal(0)) + amount
    deviations = {}
    for code in budget.keys() | outcome.keys():
        o, b = outcome.get(code, Decimal(0)), budget.get(code, Decimal(0))
        deviations[code] = (o - b, (o - b) / abs(b) * 100 if b else None)
    return (income, costs, net), deviations


def library(ledger: sm.Ledger) -> tuple[Any, Any]:
    sums = tuple(totals(ledger, kind) for kind in sl.LineKind)
    return sums, deviations(ledger, "Utfall 2023", "Budget 2023")


def timed(fn: Callable[[Any], Any], arg: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn(arg)
    return time.perf_counter() - start, result


def best_of_both(rows: Any, ledger: sm.Ledger, repeat: int = 5) -> tuple[float, Any, float, Any]:
    """The best time of each side, the two run in turn so a change of load hits both."""
    t_base = t_lib = float("inf")
    base = lib = None
    for _ in range(repeat):
        t, base = timed(baseline, rows)
        t_base = min(t_base, t)
        t, lib = timed(library, ledger)
        t_lib = min(t_lib, t)
    return t_base, base, t_lib, lib


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rows, ledger, build_time = build(n)
    t_base, (base_totals, base_dev), t_lib, (lib_totals, lib_dev) = best_of_both(rows, ledger)
    # Same answers, or the timing means nothing.
    income, costs, net = base_totals
    assert dict(lib_totals[0]) == income
    assert dict(lib_totals[1]) == costs
    assert dict(lib_totals[2]) == net
    for code, (amount, percent) in base_dev.items():
        assert lib_dev[code].amount == amount
        assert lib_dev[code].percent == percent
    print(f"lines: {len(ledger.lines):,}  (building the Ledger: {build_time:.2f} s)")
    print(f"baseline Decimal loop: {t_base * 1000:8.1f} ms")
    print(f"Ledger totals+deviations: {t_lib * 1000:8.1f} ms")
    print(f"ratio ledger/baseline: {t_lib / t_base:.2f}x (target ≤ 2x)")


if __name__ == "__main__":
    main()
