"""Benchmark: the national pipeline on frames — read CSV → assess → roll-up for every kommun.

The 348,000 outcomes of ``bench_assess.py`` (200 indicators × 290 kommuner × 3 genders ×
2 years; half the indicators a target value, half a change from the year before) written
as CSV, then:

- **styrmodell.frames**: ``pl.scan_csv`` → ``assess_frame`` → ``rollup_frame``, collected;
- **hand-written polars**: the same work as one would write it for this plan only — a
  self-join on the year before, the two rules as ``when/then``, the worst colour per goal
  and then per top goal, per kommun and gender;
- **the object path**: ``read_outcomes`` and ``assess(plan, outcomes, org_unit=k)``; one
  call is timed (best of 3) and multiplied by 290, the kommuner a national run assesses
  (each call scans every kommun's series, so the calls cost alike).

Each is the best of three rounds (the object path: reading once, best of three calls).
Run once: ``.venv/bin/python benchmarks/bench_frames.py``. Prints the ratios that
``docs/performance.md`` quotes.
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from bench_assess import N_INDICATORS, YEAR, build_plan

from styrmodell import assess
from styrmodell.frames import assess_frame, rollup_frame
from styrmodell.io import read_outcomes

N_KOMMUNER = 290


def write_csv(path: Path, n_kommuner: int) -> int:
    rng = random.Random(1)
    rows = [
        (f"i{i}", year, gender, f"{k:04d}", rng.randint(0, 100))
        for k in range(n_kommuner)
        for i in range(N_INDICATORS)
        for gender in ("T", "K", "M")
        for year in (YEAR - 1, YEAR)
    ]
    frame = pl.DataFrame(
        rows, schema=["indicator", "period", "gender", "org_unit", "value"], orient="row"
    )
    frame.write_csv(path)
    return frame.height


def styrmodell_frames(plan, path: Path) -> int:
    outcomes = pl.scan_csv(path, schema_overrides={"org_unit": pl.String}).rename(
        {"period": "year"}
    )
    results = assess_frame(plan, outcomes, year=YEAR)
    goals = rollup_frame(plan, results).collect()
    return goals.height


def hand_polars(plan, path: Path) -> int:
    goal_of = {ind.id: goal.id for _, goal in plan.walk() for ind in goal.indicators}
    target = [ind.id for ind in plan.all_indicators() if int(ind.id[1:]) % 2]
    data = pl.scan_csv(path, schema_overrides={"org_unit": pl.String})
    keys = ["indicator", "gender", "org_unit"]
    now = data.filter(pl.col("period") == YEAR)
    before = data.filter(pl.col("period") == YEAR - 1).select(
        *keys, pl.col("value").alias("before")
    )
    rank = (  # 0 red, 1 yellow, 2 green
        pl.when(pl.col("indicator").is_in(target))
        .then(pl.when(pl.col("value") >= 50).then(2).otherwise(0))
        .when(pl.col("before").is_null())
        .then(None)
        .when(pl.col("value") > pl.col("before"))
        .then(2)
        .when(pl.col("value") == pl.col("before"))
        .then(1)
        .otherwise(0)
    )
    judged = now.join(before, on=keys, how="left").with_columns(
        rank=rank, goal=pl.col("indicator").replace_strict(goal_of)
    )
    goals = judged.group_by("goal", "org_unit", "gender").agg(pl.col("rank").min())
    top = (
        goals.group_by("org_unit", "gender")
        .agg(pl.col("rank").min())
        .with_columns(goal=pl.lit("top"))
    )
    return pl.concat([goals, top.select(goals.collect_schema().names())]).collect().height


def best(call, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    plan = build_plan()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "outcomes.csv"
        n = write_csv(path, N_KOMMUNER)
        print(f"{n:,} outcomes, {N_INDICATORS} indicators × {N_KOMMUNER} kommuner × 3 × 2 years")
        frames = best(lambda: styrmodell_frames(plan, path))
        hand = best(lambda: hand_polars(plan, path))
        print(f"  styrmodell.frames (scan_csv → assess_frame → rollup_frame): {frames:.3f} s")
        print(f"  hand-written polars pipeline:                               {hand:.3f} s")
        print(f"  → frames / hand = {frames / hand:.2f}×")
        if "--no-objects" in sys.argv:
            return
        start = time.perf_counter()
        outcomes = read_outcomes(path)
        reading = time.perf_counter() - start
        one = best(lambda: assess(plan, outcomes, YEAR, org_unit="0000"))
        objects = reading + N_KOMMUNER * one
        print(f"  object path: read_outcomes {reading:.2f} s + 290 × assess {one:.3f} s")
        print(f"             = {objects:.1f} s → objects / frames = {objects / frames:.0f}×")


if __name__ == "__main__":
    main()
