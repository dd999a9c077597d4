"""Dump + load of a plan with 10,000 indicators against json.dumps/json.loads of the same data;
and how loading scales with the size of a plan (3,000 and 30,000 goals).

The baseline is the standard library alone on the data already unstructured (plain dicts,
lists and strings): what any JSON round trip costs before a single value is checked. Our
figure adds unstructuring, structuring with every hook and every class's own validation
(each threshold builds its band table, the plan checks ids, levels, years and units).

Run: ``.venv/bin/python benchmarks/bench_serialization.py``
"""

from __future__ import annotations

import gc
import json
import time
from typing import Any

import styrmodell as sm

GOALS = 100
INDICATORS_PER_GOAL = 100
YEARS = (2023, 2024, 2025)
REPEAT = 7


def threshold(i: int, year: int) -> Any:
    """A målvärde; plans repeat a handful of rules, so values vary over a small range."""
    k = (i + year) % 20
    family = i % 4
    if family == 0:
        return sm.Bands(
            green=f"({60 + k}, inf)",
            yellow=f"[{40 + k}, {60 + k}]",
            red=f"(-inf, {40 + k})",
            unit=sm.Unit.PERCENT,
        )
    if family == 1:
        return sm.TargetValue(">=", 50 + k, unit=sm.Unit.PERCENT)
    if family == 2:
        return sm.CompareToReference(reference="riket", tolerance=k % 3, unit=sm.Unit.PERCENT)
    return sm.YearOverYear(direction=sm.Direction.HIGHER_IS_BETTER, unit=sm.Unit.PERCENT)


def build_plan() -> Any:
    goals = []
    for g in range(GOALS):
        indicators = [
            sm.Indicator(
                id=f"i{g}-{n}",
                title=f"Andel brukare som är nöjda, enhet {n}",
                unit=sm.Unit.PERCENT,
                targets={year: threshold(g * INDICATORS_PER_GOAL + n, year) for year in YEARS},
            )
            for n in range(INDICATORS_PER_GOAL)
        ]
        goals.append(sm.Goal(id=f"g{g}", title=f"Nämndmål {g}", indicators=indicators))
    return sm.Plan(
        id="bench",
        title="Verksamhetsplan 2023–2025",
        years=(YEARS[0], YEARS[-1]),
        levels=("Nämndmål",),
        goals=goals,
    )


def scaling_plan(goals: int) -> str:
    """A JSON plan of *goals* goals, each with one indicator and three targets (about 930
    bytes per goal), written directly as text so that building it costs nothing."""
    doc = {
        "format": "styrmodell/1",
        "id": "big",
        "years": [2023, 2025],
        "levels": ["Nämndmål"],
        "goals": [
            {
                "id": f"g{g}",
                "title": f"Nämndmål nummer {g} om nöjda brukare i hemtjänsten",
                "description": "x" * 100,
                "indicators": [
                    {
                        "id": f"i{g}",
                        "title": f"Andel nöjda {g}",
                        "unit": "PERCENT",
                        "targets": {
                            str(year): {
                                "type": "bands",
                                "green": f"({60 + g % 7}, inf)",
                                "yellow": f"[40, {60 + g % 7}]",
                                "red": "(-inf, 40)",
                            }
                            for year in YEARS
                        },
                    }
                ],
            }
            for g in range(goals)
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def timed(fn: Any) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        fn()
        return time.process_time() - start
    finally:
        gc.enable()


def main() -> None:
    plan = build_plan()
    text = sm.dumps(plan)
    assert sm.loads(text, sm.Plan) == plan
    data = json.loads(text)  # the same data, already unstructured

    def baseline() -> None:
        json.loads(json.dumps(data, ensure_ascii=False, indent=2))

    def ours() -> None:
        sm.loads(sm.dumps(plan), sm.Plan)

    # Interleaved rounds, best of each: the machine's load changes less within a round.
    # Processor time, each call after a full collection with the collector off (loads pauses
    # it anyway), so that neither side pays for the other's garbage.
    runs: dict[str, list[float]] = {"base": [], "dump": [], "load": [], "ours": []}
    for _ in range(REPEAT):
        for name, fn in [
            ("base", baseline),
            ("dump", lambda: sm.dumps(plan)),
            ("load", lambda: sm.loads(text, sm.Plan)),
            ("ours", ours),
        ]:
            runs[name].append(timed(fn))
    t_base, t_dump, t_load, t_ours = (min(runs[k]) for k in ("base", "dump", "load", "ours"))
    n = GOALS * INDICATORS_PER_GOAL
    print(f"plan: {n} indicators, {n * len(YEARS)} targets, {len(text) / 1e6:.1f} MB of JSON")
    print(f"json.dumps + json.loads (baseline): {t_base * 1e3:8.1f} ms")
    print(f"sm.dumps:                           {t_dump * 1e3:8.1f} ms")
    print(f"sm.loads:                           {t_load * 1e3:8.1f} ms")
    print(f"sm.dumps + sm.loads:                {t_ours * 1e3:8.1f} ms  {t_ours / t_base:.2f}x")

    # Loading is linear in the size of the plan: ten times the goals, ten times the time.
    small, large = scaling_plan(3_000), scaling_plan(30_000)
    times = {}
    for name, doc in (("small", small), ("large", large)):
        times[name] = min(timed(lambda d=doc: sm.loads(d, sm.Plan)) for _ in range(3))
    print(
        f"sm.loads of 3,000 goals ({len(small) / 1e6:.1f} MB): {times['small']:.2f} s; "
        f"of 30,000 goals ({len(large) / 1e6:.1f} MB): {times['large']:.2f} s; "
        f"ratio {times['large'] / times['small']:.1f}x (linear: 10x)"
    )


if __name__ == "__main__":
    main()
