"""Benchmark: assess one plan of 200 indicators for 290 kommuner × 3 genders × 2 years.

348,000 outcomes (the year assessed plus the year before, for history), assessed per
kommun (each kommun is an org unit) in one ``assess`` call. Reports the time, the peak
memory (tracemalloc), the time per outcome at full size and at 1/10 size, and the ratio to
a hand-written loop over the same data that builds the same contexts and calls the same
thresholds. Run: ``.venv/bin/python benchmarks/bench_assess.py``.

Each timed call starts after ``gc.collect()``: the garbage collector stays on while it runs
(``assess`` pays for collecting its own garbage), but it does not pay the debt of building
348,000 outcomes, or of the previous round, in a full collection that scans the whole heap.
The number of full (oldest-generation) collections inside the timed calls is reported.

Reading (``--read``, and at the end of a full run): the same 348,000 outcomes written as
CSV and read back with ``styrmodell.io.read_outcomes``, against a hand-written
``csv.reader`` loop that makes one ``Decimal`` per value into a dict keyed by indicator,
year, gender and unit; and the outcomes of one kommun looked up for all 200 indicators
through ``Outcomes.unit_series`` against the scan of every kommun's series that
``assess(org_unit=k)`` does with ``Outcomes.series_of``. The script also runs on a checkout
from before ``styrmodell.io`` existed (it then reads with ``Outcomes.read_csv`` and scans),
which gives the before figures:
``PYTHONPATH=<old checkout>/src .venv/bin/python benchmarks/bench_assess.py --read``.
"""

from __future__ import annotations

import csv
import gc
import io
import random
import sys
import time
import tracemalloc
from decimal import Decimal

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


_full_collections = [0]


def _count_full_collections(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["generation"] == 2:
        _full_collections[0] += 1


def measure(n_kommuner: int) -> tuple[float, float, int, int]:
    plan = build_plan()
    rows = build_outcomes(n_kommuner)
    outcomes = Outcomes(rows)
    elapsed = hand = float("inf")
    full = 0
    gc.callbacks.append(_count_full_collections)
    for _ in range(3):  # best of three, timed without tracemalloc
        card = None
        gc.collect()
        _full_collections[0] = 0
        start = time.perf_counter()
        card = assess(plan, outcomes, YEAR)
        elapsed = min(elapsed, time.perf_counter() - start)
        full = max(full, _full_collections[0])
        gc.collect()
        start = time.perf_counter()
        hand_loop(plan, rows)
        hand = min(hand, time.perf_counter() - start)
    gc.callbacks.remove(_count_full_collections)
    assert len(card.indicator("i0").results) == n_kommuner * 3
    del card
    gc.collect()
    tracemalloc.start()
    assess(plan, outcomes, YEAR)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {len(rows):,} outcomes: full collections inside a timed assess (most in one): {full}")
    return elapsed, hand, peak, len(rows)


def _csv_of(outcomes: Outcomes) -> bytes:
    try:
        from styrmodell.io import write_outcomes
    except ImportError:  # a checkout from before styrmodell.io: the method it had then
        return str(outcomes.to_csv()).encode()  # type: ignore[attr-defined]
    return write_outcomes(outcomes).encode()


def _reader() -> tuple[str, object]:
    try:
        from styrmodell.io import read_outcomes
    except ImportError:
        read_csv = Outcomes.read_csv  # type: ignore[attr-defined]
        return "Outcomes.read_csv", lambda data: read_csv(io.StringIO(data.decode()))
    return "read_outcomes", read_outcomes


def hand_read(data: bytes) -> dict[tuple[str, int, str, str], Decimal]:
    """What one would write by hand: csv.reader, one Decimal per value, a dict by key."""
    rows = csv.reader(io.StringIO(data.decode("utf-8")))
    header = next(rows)
    at = {name: i for i, name in enumerate(header)}
    i_ind, i_per, i_gen, i_unit, i_val = (
        at[c] for c in ("indicator", "period", "gender", "org_unit", "value")
    )
    return {(r[i_ind], int(r[i_per]), r[i_gen], r[i_unit]): Decimal(r[i_val]) for r in rows if r}


def _best(call: object, rounds: int = 3) -> float:
    """The least CPU time of *rounds* calls (CPU time: the machine is shared)."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        call()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def measure_reading(n_kommuner: int) -> None:
    outcomes = Outcomes(build_outcomes(n_kommuner))
    data = _csv_of(outcomes)
    del outcomes
    name, read = _reader()
    reading = hand = float("inf")
    for _ in range(3):  # interleaved, so both see the same machine
        reading = min(reading, _best(lambda: read(data), 1))  # type: ignore[operator]
        hand = min(hand, _best(lambda: hand_read(data), 1))
    n = n_kommuner * N_INDICATORS * 3 * 2
    print(f"reading {n:,} outcomes from CSV ({len(data) / 1e6:.1f} MB):")
    print(f"  {name}: {reading:.2f} s CPU ({reading / n * 1e6:.2f} µs per outcome)")
    print(
        f"  hand-written csv.reader + Decimal: {hand:.2f} s → {name}/hand = {reading / hand:.1f}×"
    )
    outcomes = read(data)  # type: ignore[operator]
    unit = f"{n_kommuner // 2:04d}"
    indicators = [f"i{i}" for i in range(N_INDICATORS)]

    def scan() -> int:  # what assess(org_unit=k) does: every kommun's series, then filter
        return sum(
            1
            for ind in indicators
            for (_, org_unit), _series in outcomes.series_of(ind).items()
            if org_unit == unit
        )

    def indexed() -> int:
        return sum(len(outcomes.unit_series(ind, unit)) for ind in indicators)

    scanning = _best(scan, 5)
    print(f"  one kommun's series of {N_INDICATORS} indicators, scanned: {scanning * 1e3:.2f} ms")
    if hasattr(outcomes, "unit_series"):
        assert indexed() == scan() == N_INDICATORS * 3
        outcomes.unit_series("i0", unit)  # the index is built on first use
        looked_up = _best(indexed, 5)
        print(
            f"  ... through Outcomes.unit_series: {looked_up * 1e3:.2f} ms "
            f"({scanning / looked_up:.0f}× faster)"
        )


def main() -> None:
    if "--read" in sys.argv[1:]:
        measure_reading(29)
        measure_reading(290)
        return
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
    measure_reading(290)


if __name__ == "__main__":
    main()
