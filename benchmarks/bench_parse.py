"""Time the målvärde parser on the pathological shapes of the hardening issue, past its limit.

``parse_threshold`` refuses a text over 10,000 characters at once; this benchmark reads the
shapes at 10,000 and 100,000 characters with the limit lifted (``read(..., max_length=None)``),
to show the parser itself is linear: the 100k ÷ 10k ratio of a linear reader is about 10.
Processor time, best of a few runs (the machine may be shared). Run it once:

    .venv/bin/python benchmarks/bench_parse.py
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import styrmodell as sm
from styrmodell._parse._grammar import read

SIZES = (10_000, 100_000)

SHAPES: dict[str, Callable[[int], str]] = {
    '"1" * n': lambda n: "1" * n,
    '"<" * n': lambda n: "<" * n,
    '"1," * n/2 (unit pattern)': lambda n: "1," * (n // 2),
    '"1 %" * n/3 (unit pattern)': lambda n: "1 %" * (n // 3),
    '"Grönt" + ":" * n (tag pattern)': lambda n: "Grönt" + ":" * n,
    '"Grönt " * n/6 (tag pattern)': lambda n: "Grönt " * (n // 6),
    '"a har " * n/6 + "b"': lambda n: "a har " * (n // 6) + "b",
    '"x har " + "y " * n/2 + "vid"': lambda n: "x har " + "y " * (n // 2) + "vid",
    '"Grönt: minst 1 % " * n/17 (a legend of many parts)': lambda n: (
        "Grönt: minst 1 % " * (n // 17)
    ),
    '"minst " * n/6 + "5"': lambda n: "minst " * (n // 6) + "5",
    '"(" * n/2 + ")" * n/2 (notes)': lambda n: "(" * (n // 2) + ")" * (n // 2),
    '"1 000 " * n/6 (thousands groups)': lambda n: "1 000 " * (n // 6),
    '"<p>" * n/3 (HTML)': lambda n: "<p>" * (n // 3),
}


def best(text: str, *, runs: int = 3) -> tuple[float, str]:
    """The best processor time of *runs* reads, and what came out (a family or an error)."""
    outcome = ""
    fastest = float("inf")
    for _ in range(runs):
        start = time.process_time()
        try:
            outcome = type(read(text, year=2023, max_length=None).threshold).__name__
        except sm.StyrmodellError as exc:
            outcome = type(exc).__name__
        fastest = min(fastest, time.process_time() - start)
    return fastest, outcome


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    with contextlib.suppress(sm.StyrmodellError):
        read("Minst 85 %")  # warm up: catalogs, vocabulary
    print(f"| shape | {' | '.join(f'{n:,} chars' for n in SIZES)} | 100k ÷ 10k | result |")
    print(f"|---|{'---:|' * len(SIZES)}---:|---|")
    for name, make in SHAPES.items():
        times = []
        outcome = ""
        for n in SIZES:
            seconds, outcome = best(make(n))
            times.append(seconds)
        ratio = times[1] / times[0] if times[0] > 0 else float("nan")
        cells = " | ".join(_ms(t) for t in times)
        print(f"| `{name}` | {cells} | {ratio:.1f}× | {outcome} |", flush=True)


if __name__ == "__main__":
    main()
