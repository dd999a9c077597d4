"""Oxelösund's elderly-care nyckeltal from a Kolada snapshot, beside riket and similar kommuner.

The vård- och omsorgsnämnd's plan 2023–2025 (examples/oxelosund_von_2023.py) has three
mått that Kolada publishes: nöjdhet med hemtjänsten (U21468), nöjdhet med det särskilda
boendet (U23471) and personalkontinuitet i hemtjänsten (U21401). Its KF-mål ask for "minst i
nivå med genomsnittet vid senaste mätning i likvärdiga kommuner". This example names the
three nyckeltal as the mått's sources (``source="kolada:U21468"``), loads a small snapshot
shipped beside it, reads the outcomes and references with ``kolada.inputs``, assesses the
three mått against the plan's målvärden, and prints each with riket, Kolada's group of
similar kommuner, the mean of a list of kommuner chosen by us, and the kommun's place among
Södermanland's kommuner as a ``Rank`` in Kolada's quartile colours — then the report with its
list of sources.

The snapshot (examples/oxelosund_kolada_snapshot.json) is ILLUSTRATIVE: hand-written in
Kolada's shape with made-up values (its "note" says so), not Oxelösund's or Kolada's
figures. A real one is made with ``styrmodell.kolada.fetch`` and written with
``styrmodell.dump``. Run: ``python examples/oxelosund_kolada.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import attrs

import styrmodell as sm
from styrmodell import Gender, Goal, Indicator, Plan, Scorecard, kolada

# The plan itself is modelled in full in examples/oxelosund_von_2023.py.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from oxelosund_von_2023 import build_plan

HERE = Path(__file__).resolve().parent

SNAPSHOT = HERE / "oxelosund_kolada_snapshot.json"
YEAR = 2025
OXELOSUND = "0481"
RIKET = kolada.COUNTRY
LIKNANDE = "G99481"  # Kolada's group "Liknande kommuner äldreomsorg, Oxelösund" (illustrative id)
EGNA = ["0480", "0482", "0483"]  # our own choice: Nyköping, Flen, Katrineholm
SORMLAND = ["0428", "0461", "0480", "0481", "0482", "0483", "0484", "0486", "0488"]
KPIS = {"U21468": "nojd-hemtjanst", "U23471": "nojd-sabo", "U21401": "personalkontinuitet"}


def snapshot() -> kolada.Snapshot:
    """The snapshot, read offline through the library's converter."""
    return sm.load(SNAPSHOT, kolada.Snapshot)


def kolada_plan() -> Plan:
    """The nämnd's plan with the three mått's sources naming their Kolada nyckeltal."""
    sources = {indicator: f"kolada:{kpi}" for kpi, indicator in KPIS.items()}

    def named(goal: Goal) -> Goal:
        return attrs.evolve(
            goal,
            children=[named(child) for child in goal.children],
            indicators=[
                attrs.evolve(i, source=sources[i.id]) if i.id in sources else i
                for i in goal.indicators
            ],
        )

    plan = build_plan()
    return attrs.evolve(plan, goals=[named(goal) for goal in plan.goals])


def inputs(snap: kolada.Snapshot, plan: Plan) -> kolada.Inputs:
    """Oxelösund's outcomes per gender, each carrying riket, the similar kommuner and ours."""
    return kolada.inputs(
        plan,
        snap,
        OXELOSUND,
        references={"riket": RIKET, "liknande kommuner": LIKNANDE},
        comparisons={"jämförelsekommuner": EGNA},
    )


def outcomes(snap: kolada.Snapshot) -> sm.Outcomes:
    """Oxelösund's outcomes of the three Kolada mått (see :func:`inputs`)."""
    return inputs(snap, kolada_plan()).outcomes


def scorecard() -> Scorecard:
    """The plan assessed for 2025 from the snapshot (only the three Kolada mått have data)."""
    plan = kolada_plan()
    return inputs(snapshot(), plan).assess(plan, YEAR)


def placed(population: kolada.Population, value: object, indicator: Indicator) -> str:
    """Oxelösund's place among the population as Kolada colours quartiles (our calculation)."""
    rule = sm.Rank.quartiles(indicator.direction or sm.Direction.HIGHER_IS_BETTER)
    context = sm.Context(population=population.values, member=OXELOSUND)
    return rule.assess(value, context).explain()


def level_with(indicator: Indicator) -> sm.CompareToReference:
    """The KF-mål: "minst i nivå med genomsnittet ... i likvärdiga kommuner"."""
    return sm.CompareToReference(
        reference="liknande kommuner",
        direction=indicator.direction or sm.Direction.HIGHER_IS_BETTER,
        unit=indicator.unit,
        yellow=False,
    )


def main() -> None:
    snap = snapshot()
    plan = kolada_plan()
    given = inputs(snap, plan)
    card = given.assess(plan, YEAR)
    print(f"Oxelösund, vård- och omsorgsnämnden {YEAR}: nyckeltal ur en ögonblicksbild av Kolada")
    print(snap.note)
    for kpi, indicator_id in KPIS.items():
        indicator = plan.indicator(indicator_id)
        unit = indicator.unit
        result = card.indicator(indicator_id)
        print()
        print(f"{indicator.title} (Kolada {kpi})")
        for gender in Gender:
            own = kolada.reference(snap, kpi, OXELOSUND, YEAR, gender=gender)
            row = snap.row(kpi, OXELOSUND, YEAR, gender)
            if own is not None:
                print(f"  {own.describe(unit=unit, places=1)}")
            elif row is not None:  # Kolada has a row but no usable value: no outcome, never 0
                status = f" ({row.status})" if row.status else ""
                print(f"  Oxelösund, {gender.label().lower()} {YEAR}: inget värde{status}")
        by_gender = result.by_gender()
        for gender, assessment in by_gender.items():
            print(f"  Målvärde {YEAR}, {gender.label().lower()}: {assessment.explain()}")
        if not by_gender:
            print(f"  Målvärde {YEAR}: {result.status.label()} (inget utfall)")
        for ref in (
            kolada.reference(snap, kpi, RIKET, YEAR),
            kolada.reference(snap, kpi, LIKNANDE, YEAR, name="liknande kommuner"),
            kolada.comparison(snap, kpi, YEAR, EGNA, title="Nyköping, Flen och Katrineholm"),
        ):
            if ref is not None:
                print(f"  {ref.describe(unit=unit, places=1)}")
        outcome = result.outcome
        if outcome is not None and outcome.number is not None:
            kf = level_with(indicator).assess(
                outcome.number, sm.Context(references=outcome.references)
            )
            print(f"  KF-mål, i nivå med likvärdiga kommuner: {kf.explain()}")
        population = kolada.population(
            snap, kpi, YEAR, among=SORMLAND, title="Södermanlands kommuner"
        )
        print(f"  {population.describe()}")
        if outcome is not None and outcome.number is not None:
            print(f"  Placering (egen beräkning): {placed(population, outcome.number, indicator)}")
    print()
    # The nämnd's report, with where every Kolada value came from after the table.
    print(kolada.report(card, given, "markdown"), end="")


if __name__ == "__main__":
    main()
