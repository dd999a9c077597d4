"""Benchmark: Bands.classify and Bands.assess against a hand-written if/elif chain.

Run with ``make bench`` (or ``python benchmarks/bench_thresholds.py``). Both sides judge the
same 100,000 Decimal values in the same run; the figures are ratios, so they carry over
between machines better than seconds do. Results are written up in docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from styrmodell import Bands, Status, Unit

GREEN, YELLOW, RED = Status.GREEN, Status.YELLOW, Status.RED
SIXTY, FORTY = Decimal(60), Decimal(40)


def hand_written(values: list[Decimal]) -> list[Status]:
    """What a developer writes without the library: "Grönt: mer än 60% Gult: 40-60% …"."""
    out = []
    for v in values:
        if v > SIXTY:
            out.append(GREEN)
        elif v >= FORTY:
            out.append(YELLOW)
        else:
            out.append(RED)
    return out


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of *repeat* runs, in seconds (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="number of values")
    parser.add_argument("--repeat", type=int, default=15, help="runs per measurement")
    args = parser.parse_args()

    rng = random.Random(2019)
    values = [Decimal(rng.randint(0, 10_000)) / 100 for _ in range(args.n)]
    rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
    assert rule.classify(values) == hand_written(values), "classify disagrees with the chain"
    assert [rule.assess(v).status for v in values[:1000]] == hand_written(values[:1000])

    results = {}
    for _round in range(3):  # interleave the three so machine noise hits all alike
        results.setdefault("hand", []).append(best_of(lambda: hand_written(values), args.repeat))
        results.setdefault("classify", []).append(
            best_of(lambda: rule.classify(values), args.repeat)
        )
        results.setdefault("assess", []).append(
            best_of(lambda: [rule.assess(v) for v in values], max(3, args.repeat // 3))
        )
    hand = min(results["hand"])
    classify = min(results["classify"])
    assess = min(results["assess"])
    per = 1e9 / args.n
    print(f"values: {args.n:,} Decimals; best of {args.repeat} runs x 3 rounds")
    print(f"hand-written if/elif chain: {hand * per:8.1f} ns/value")
    print(
        f"Bands.classify:             {classify * per:8.1f} ns/value  ratio {classify / hand:5.2f}x"
        "  (target <= 1.5x)"
    )
    print(
        f"Bands.assess:               {assess * per:8.1f} ns/value  ratio {assess / hand:5.2f}x"
        "  (target <= 3x)"
    )
    spread = statistics.pstdev(results["hand"]) / hand
    print(f"noise: the hand-written chain's best runs vary by {spread:.1%} between rounds")


if __name__ == "__main__":
    main()
