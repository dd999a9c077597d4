"""Benchmark: Bands.classify and Bands.assess against a hand-written if/elif chain.

Run with ``make bench`` (or ``python benchmarks/bench_thresholds.py``). Everything judges the
same 100,000 Decimal values in the same run; the figures are ratios, so they carry over
between machines better than seconds do. Results are written up in docs/performance.md.

Two engines look values up in a band table (``styrmodell._thresholds._bands.BandTable``):
an if/elif chain generated with ``exec`` and bisection over the runs' lower ends. Both are
measured here on the same rule, for ``classify`` and for ``assess``, to decide whether the
generated chain earns its ``exec`` (issue: keep it only if it is more than 20 % faster).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from styrmodell import Bands, Interval, Status, Unit
from styrmodell._thresholds._bands import BandTable

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
    """The fastest of *repeat* runs, in seconds of this process's CPU time.

    CPU time rather than wall time: on a machine shared with other work, waiting for a core
    is not the code's cost. Garbage is collected before each run, so no run pays for another's.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def with_engine(rule: Bands, engine: str) -> Bands:
    """An equal rule whose look-up table uses *engine* (benchmark only: sets the cache)."""
    copy = Bands(
        green=rule.green, yellow=rule.yellow, red=rule.red, unit=rule.unit, precision=rule.precision
    )
    table = BandTable(copy.bands(), copy.precision, engine=engine)  # type: ignore[arg-type]
    object.__setattr__(copy, "_table", table)  # the cached_property's slot
    return copy


def long_rule(n: int) -> Bands:
    """Green and red alternating over *n* unit intervals each: a table of 4n runs."""
    green = [Interval(2 * k, 2 * k + 1, lower_closed=True) for k in range(n)]
    red = [Interval(2 * k + 1, 2 * k + 2, lower_closed=True) for k in range(n)]
    return Bands(green=green, red=red)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="number of values")
    parser.add_argument("--repeat", type=int, default=15, help="runs per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--large", action="store_true", help="also time tables of 3k/30k intervals")
    args = parser.parse_args()

    rng = random.Random(2019)
    values = [Decimal(rng.randint(0, 10_000)) / 100 for _ in range(args.n)]
    rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
    chain, bisection = with_engine(rule, "chain"), with_engine(rule, "bisect")
    expected = hand_written(values)
    for engine in (rule, chain, bisection):
        assert engine.classify(values) == expected, "classify disagrees with the chain"
        assert [engine.assess(v).status for v in values[:1000]] == expected[:1000]

    results: dict[str, list[float]] = {}
    few = max(3, args.repeat // 3)
    for _round in range(args.rounds):  # interleave so machine noise hits all alike
        results.setdefault("hand", []).append(best_of(lambda: hand_written(values), args.repeat))
        for name, engine in (("chain", chain), ("bisect", bisection)):
            results.setdefault(f"classify {name}", []).append(
                best_of(lambda e=engine: e.classify(values), args.repeat)
            )
            results.setdefault(f"assess {name}", []).append(
                best_of(lambda e=engine: [e.assess(v) for v in values], few)
            )
    best = {k: min(v) for k, v in results.items()}
    hand = best["hand"]
    per = 1e9 / args.n
    print(f"values: {args.n:,} Decimals; best of {args.repeat} runs x {args.rounds} rounds")
    print(f"hand-written if/elif chain:   {hand * per:8.1f} ns/value")
    for what, target in (("classify", "1.5x"), ("assess", "3x")):
        for name in ("chain", "bisect"):
            t = best[f"{what} {name}"]
            print(
                f"Bands.{what:<8} ({name:<6}):   {t * per:8.1f} ns/value  "
                f"ratio {t / hand:5.2f}x  (target <= {target})"
            )
        gain = best[f"{what} bisect"] / best[f"{what} chain"] - 1
        print(f"  the chain is {gain:+.1%} faster than bisection for {what}")
    spread = statistics.pstdev(results["hand"]) / hand
    print(f"noise: the hand-written chain's best runs vary by {spread:.1%} between rounds")

    for n in (1_500, 15_000) if args.large else ():
        start = time.perf_counter()
        big = long_rule(n)
        big.classify([Decimal(1)])
        built = time.perf_counter() - start
        probe = [Decimal(rng.randint(0, 4 * n * 100)) / 100 for _ in range(args.n)]
        t = best_of(lambda b=big, p=probe: b.classify(p), 3)
        print(
            f"{2 * n:,} intervals: built and checked in {built * 1e3:.0f} ms; "
            f"classify {t * per:.0f} ns/value (bisection)"
        )


if __name__ == "__main__":
    main()
