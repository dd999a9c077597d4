"""Assess a few real indicators of Hässleholm's omsorgsnämnd plan 2019–2021.

The rules (målvärden) are the plan's own, written with styrmodell; the outcomes are
FICTIONAL, made up for this demonstration. Run with ``make demo``.
"""

from __future__ import annotations

import datetime as dt

import styrmodell as sm
from styrmodell import Bands, CompareToReference, Context, Direction, Milestone, Unit

PERCENT = Unit.PERCENT

# (indicator as in the plan, its rule, a fictional outcome, the context it is judged in)
INDICATORS = [
    (
        "Telefon: direkt gott eller medelgott svar inom 60 sek.",
        Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=PERCENT),
        "61",
        Context(year=2019),
    ),
    (
        "Brukare nöjda med sin hemtjänst",
        CompareToReference(reference="riket", tolerance=1, unit=PERCENT),
        "88",
        Context(year=2019, references={"riket": "89.5"}),
    ),
    (
        "Antal tillsvidareanställda medarbetare per chef",
        Bands(
            green="(-inf, 30]",
            yellow="[31, 40]",
            red="(40, inf)",
            unit=Unit.COUNT,
            direction=Direction.LOWER_IS_BETTER,
            precision=1,
        ),
        "34",
        Context(year=2019),
    ),
    (
        "Korttidsfrånvaro dag 1–14 (%)",
        Bands(
            green="(-inf, 2.2)",
            yellow="[2.3, 2.9]",
            red="(3, inf)",
            unit=PERCENT,
            direction=Direction.LOWER_IS_BETTER,
            precision="0.1",
        ),
        "2.2",
        Context(year=2019),
    ),
    (
        "GAP-analys ska genomföras",
        Milestone(),
        sm.Progress.STARTED,
        Context(year=2019, as_of=dt.date(2019, 8, 31)),
    ),
]


def main() -> None:
    print("Hässleholm, omsorgsnämnden – målstyrning 2019 (utfallen är påhittade)\n")
    for title, rule, outcome, context in INDICATORS:
        assessment = rule.assess(outcome, context)
        print(f"{assessment.status.label():9} {title}")
        print(f"          Målvärde: {sm.describe(rule)}")
        print(f"          {assessment.explain()}")
        for finding in sm.lint(rule):
            print(f"          Lint ({finding.severity}): {finding.message()}")
        print()


if __name__ == "__main__":
    main()
