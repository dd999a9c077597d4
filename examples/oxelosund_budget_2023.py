"""The Oxelösund Vård- och omsorgsnämnd budget tables (plan 2023–2025), checked and assessed.

Run: python examples/oxelosund_budget_2023.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import styrmodell as sm
import styrmodell.ledger as sl
from styrmodell.io import read_investments, read_ledger
from styrmodell.ledger import amount, assess, check, deviation, frame_check, monthly, totals

HERE = Path(__file__).parent
PROGNOS, BUDGET, CHANGE, MB = (
    "Årsprognos per oktober 2022",
    "Budget 2022",
    "Förändr mot budg 2022",
    "M&B 2023",
)


def main() -> int:
    ledger = read_ledger(
        HERE / "oxelosund_internbudget_2023.csv",
        changes=[sl.ScenarioChange(CHANGE, base=BUDGET, target=MB)],
        threshold=sm.BudgetDeviation.no_negative(),  # "Nämnden håller sin driftsbudget"
    )
    fmt = ledger.unit.format

    print("Internbudget 2022 - 2023 (tkr)")
    for kind in (sl.LineKind.NET, sl.LineKind.INCOME, sl.LineKind.COSTS):
        print(f"\n{kind.label().upper():<38}" + "".join(f"{s:>30}" for s in ledger.scenarios))
        for v in ledger.verksamheter:
            cells = "".join(f"{fmt(amount(ledger, v, s, kind)):>30}" for s in ledger.scenarios)
            print(f"{v!s:<38}{cells}")
        sums = totals(ledger, kind)
        print(f"{'S:a ' + kind.label():<38}" + "".join(f"{fmt(sums[s]):>30}" for s in sums))

    problems = check(ledger)
    print(f"\ncheck(): {len(problems)} problem(s)")
    for problem in problems:
        print("  " + problem.message())

    print(frame_check(ledger, MB, 333088).explain())
    print(f"Avvikelse {PROGNOS} mot {BUDGET}: {deviation(ledger, PROGNOS, BUDGET).format()}")
    print(assess(ledger, PROGNOS, BUDGET).explain())
    print("Per månad (M&B 2023, jämnt):", ", ".join(fmt(m) for m in monthly(ledger, MB)[:3]), "…")

    investments = read_investments(HERE / "oxelosund_investeringsbudget_2023_2025.csv")
    print("\nInvesteringsbudget 2023 - 2025")
    for year, total in totals(investments).items():
        groups = totals(investments, by="group", year=year)
        parts = ", ".join(f"varav {g} {fmt(v)}" for g, v in groups.items())
        print(f"  {year}: {fmt(total)} ({parts})")
    inv_problems = check(investments)
    print(f"check(): {len(inv_problems)} problem(s)")
    for inv_problem in inv_problems:
        print("  " + inv_problem.message())
    return 1 if problems or inv_problems else 0


if __name__ == "__main__":
    sys.exit(main())
