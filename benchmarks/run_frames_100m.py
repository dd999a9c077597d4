"""The 100 M run: ~100 million values assessed and rolled up in bounded memory (issue 13).

6,000 indicators × 290 kommuner × 3 genders × 20 years = 104.4 M outcomes, generated as
Parquet (one file per year), then read with ``pl.scan_parquet`` → ``assess_frame`` →
``rollup_frame`` → ``sink_parquet`` on polars' streaming engine. Each size runs in a
fresh process, whose wall time and peak RSS (``ru_maxrss``) are reported — a scale curve
from 1/100 of the kommuner to all of them.

This is a script, not part of ``make test``: it takes minutes and GiBs of disk. Run it when
the machine is quiet::

    .venv/bin/python benchmarks/run_frames_100m.py                # 1/100, 1/10, 1/2, 1
    .venv/bin/python benchmarks/run_frames_100m.py 0.01 0.1       # only these fractions

A fraction scales the number of kommuner (at least one).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_INDICATORS = 6_000
N_KOMMUNER = 290
GENDERS = ("T", "K", "M")
YEARS = range(2005, 2025)
YEAR = 2024


def build_plan():  # type: ignore[no-untyped-def]
    from styrmodell import Direction, Goal, Indicator, Plan, TargetValue, Unit, YearOverYear

    goals = []
    for g in range(N_INDICATORS // 10):
        inds = []
        for i in range(10):
            k = g * 10 + i
            rule = (
                TargetValue(">=", 50, unit=Unit.PERCENT)
                if k % 2
                else YearOverYear(direction=Direction.HIGHER_IS_BETTER, unit=Unit.PERCENT)
            )
            inds.append(Indicator(id=f"i{k}", unit=Unit.PERCENT, targets={YEAR: rule}))
        goals.append(Goal(id=f"g{g}", indicators=inds))
    return Plan(
        id="national",
        years=YEAR,
        levels=("KF-mål", "Nämndmål"),
        goals=[Goal(id="top", children=goals)],
    )


def generate(folder: Path, n_kommuner: int) -> int:
    import polars as pl

    indicators = pl.DataFrame({"indicator": [f"i{k}" for k in range(N_INDICATORS)]})
    units = pl.DataFrame({"org_unit": [f"{k:04d}" for k in range(n_kommuner)]})
    genders = pl.DataFrame({"gender": list(GENDERS)})
    grid = indicators.join(units, how="cross").join(genders, how="cross")
    total = 0
    for year in YEARS:
        values = (pl.int_range(0, pl.len()) * 7919 + year * 104729) % 101
        chunk = grid.with_columns(year=pl.lit(year, pl.Int64), value=values.cast(pl.Int64))
        chunk.write_parquet(folder / f"{year}.parquet")
        total += chunk.height
    return total


def run(folder: str) -> None:
    """One size, in this process: assess and roll up, then print the figures."""
    import polars as pl

    from styrmodell.frames import assess_frame, rollup_frame

    plan = build_plan()
    start = time.perf_counter()
    outcomes = pl.scan_parquet(f"{folder}/*.parquet")
    results = assess_frame(plan, outcomes, year=YEAR)
    results.sink_parquet(f"{folder}/results.out", engine="streaming")
    goals = rollup_frame(plan, pl.scan_parquet(f"{folder}/results.out"))
    goals.sink_parquet(f"{folder}/goals.out", engine="streaming")
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"{wall:.1f} {rss:.2f}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--run":
        run(sys.argv[2])
        return
    fractions = [float(a) for a in sys.argv[1:]] or [0.01, 0.1, 0.5, 1.0]
    print("fraction  kommuner  outcomes       wall (s)  peak RSS (GiB)")
    for fraction in fractions:
        n = max(1, round(N_KOMMUNER * fraction))
        with tempfile.TemporaryDirectory() as tmp:
            total = generate(Path(tmp), n)
            out = subprocess.run(
                [sys.executable, __file__, "--run", tmp],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            wall, rss = float(out[-2]), float(out[-1])
        print(f"{fraction:<9} {n:<9} {total:<14,} {wall:<9.1f} {rss:.2f}", flush=True)


if __name__ == "__main__":
    main()
