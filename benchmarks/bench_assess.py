"""Benchmark: assess one plan of 200 indicators for 290 kommuner × 3 genders × 2 years.

348,000 outcomes (the year assessed plus the year before, for history), assessed per
kommun (each kommun is an org unit) in one ``assess`` call. Reports the time, the peak
memory (tracemalloc), the time per outcome at full size and at 1/10 size, and the ratio to
a hand-written loop over the same data that builds the same contexts and calls the same
thresholds. Run: ``.venv/bin/python benchmarks/bench_assess.py``.
"""

from __future__ import annotations

import random
import time
import tracemalloc

from styrmodell import (
    Context,
    Direction,
    Gender,
    Goal,
    Indicator,
    Outcome,
    Outcomes,
    Plan,
    TargetValue,
    Unit,
    YearOverYear,
    assess,
)

YEAR = 2023
N_INDICATORS = 200


def build_plan() -> Plan:
    goals = []
    for g in range(20):
        inds = []
        for i in range(10):
            k = g * 10 + i
            rule = (
                TargetValue(">=", 50, unit=Unit.PERCENT)
                if k % 2
                else YearOverYear(direction=Direction.HIGHER_IS_BETTER, unit=Unit.PERCENT)
            )
            inds.append(Indicator(id=f"i{k}", unit=Unit.PERCENT, target=rule))
        goals.append(Goal(id=f"g{g}", indicators=inds))
    return Plan(
        id="bench",
        years=YEAR,
        levels=("KF-mål", "Nämndmål"),
        goals=[Goal(id="top", children=goals)],
    )


def build_outcomes(n_kommuner: int) -> list[Outcome]:
    rng = random.Random(1)
    out = []
    for k in range(n_kommuner):
        unit = f"{k:04d}"
        for i in range(N_INDICATORS):
            for gender in Gender:
                for year in (YEAR - 1, YEAR):
                    out.append(
                        Outcome(f"i{i}", year, rng.randint(0, 100), gender=gender, org_unit=unit)
                    )
    return out


def hand_loop(plan: Plan, rows: list[Outcome]) -> int:
    """What one would write by hand: dicts of values, the same thresholds and contexts."""
    previous: dict[tuple[str, Gender, str | None], object] = {}
    current: list[Outcome] = []
    for o in rows:
        if o.period.calendar_year == YEAR - 1:
            previous[(o.indicator, o.gender, o.org_unit)] = o.value
        else:
            current.append(o)
    rules = {ind.id: ind.target_for(YEAR) for ind in plan.all_indicators()}
    n = 0
    for o in current:
        before = previous.get((o.indicator, o.gender, o.org_unit))
        history = {} if before is None else {YEAR - 1: before}
        context = Context(year=YEAR, references=o.references, history=history)
        rules[o.indicator].assess(o.value, context)  # type: ignore[union-attr]
        n += 1
    return n


def measure(n_kommuner: int) -> tuple[float, float, int, float]:
    plan = build_plan()
    rows = build_outcomes(n_kommuner)
    outcomes = Outcomes(rows)
    elapsed = hand = float("inf")
    for _ in range(3):  # best of three, timed without tracemalloc
        start = time.perf_counter()
        card = assess(plan, outcomes, YEAR)
        elapsed = min(elapsed, time.perf_counter() - start)
        start = time.perf_counter()
        hand_loop(plan, rows)
        hand = min(hand, time.perf_counter() - start)
    assert len(card.indicator("i0").results) == n_kommuner * 3
    tracemalloc.start()
    assess(plan, outcomes, YEAR)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, hand, peak, len(rows)


def main() -> None:
    small, small_hand, _, small_n = measure(29)
    full, full_hand, peak, full_n = measure(290)
    per_small = small / small_n * 1e6
    per_full = full / full_n * 1e6
    print(f"outcomes: {full_n:,} (1/10: {small_n:,})")
    print(f"assess, full size:      {full:.2f} s  ({per_full:.2f} µs per outcome)")
    print(f"assess, 1/10 size:      {small:.3f} s  ({per_small:.2f} µs per outcome)")
    print(f"scaling (per outcome full / 1/10): {per_full / per_small:.2f}×")
    print(f"hand-written loop, full: {full_hand:.2f} s → assess/hand = {full / full_hand:.2f}×")
    print(f"hand-written loop, 1/10: {small_hand:.3f} s → assess/hand = {small / small_hand:.2f}×")
    print(f"peak memory during assess (tracemalloc): {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
