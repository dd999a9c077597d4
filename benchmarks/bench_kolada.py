"""A Kolada fetch of 10 KPIs × 290 kommuner × 4 years against a v3 look-alike on 127.0.0.1.

Measures the time and the number of requests of ``styrmodell.kolada.fetch`` (KPI metadata,
the data in 25-id chunks, municipality titles) and, as the baseline in the same run, the
same data requests made with bare httpx and ``json.loads`` — what any client pays before a
single row is checked. Then writing and reading the 34,800-row snapshot through the
library's converter. The server is the tests' look-alike (tests/_kolada_server.py), on this
machine, so the figures are the client's and the server's CPU, not the network's.

Run: ``.venv/bin/python benchmarks/bench_kolada.py``
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import styrmodell as sm  # noqa: E402
from _kolada_server import fill, kpi, running  # noqa: E402
from styrmodell import kolada  # noqa: E402

KPIS = [f"N{n:05d}" for n in range(10)]
KOMMUNER = [f"{n:04d}" for n in range(1000, 1290)]
YEARS = [2021, 2022, 2023, 2024]
REPEAT = 5


def best(times: list[float]) -> str:
    return f"best {min(times):.3f} s, median {statistics.median(times):.3f} s"


def main() -> None:
    with running() as fake:
        fake.kpis += [kpi(k) for k in KPIS]
        fake.municipalities += [{"id": m, "title": f"Kommun {m}", "type": "K"} for m in KOMMUNER]
        fill(fake, KPIS, KOMMUNER, YEARS)
        base = f"{fake.base}/v3/"

        times: list[float] = []
        requests = 0
        snap = None
        for _ in range(REPEAT):
            fake.log.clear()
            start = time.perf_counter()
            snap = kolada.fetch(KPIS, KOMMUNER, YEARS, base_url=base)
            times.append(time.perf_counter() - start)
            requests = len(fake.log)
        assert snap is not None
        data_paths = [
            f"{base}{r.path}?per_page=5000" for r in snap.requests if r.path.startswith("data/")
        ]

        bare: list[float] = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            with httpx.Client() as client:
                items = [json.loads(client.get(url).content)["values"] for url in data_paths]
            bare.append(time.perf_counter() - start)
        assert sum(len(i) for i in items) == len(KPIS) * len(KOMMUNER) * len(YEARS)

    text = sm.dumps(snap)
    dumps = []
    loads = []
    for _ in range(3):
        start = time.perf_counter()
        text = sm.dumps(snap)
        dumps.append(time.perf_counter() - start)
        start = time.perf_counter()
        back = sm.loads(text, kolada.Snapshot)
        loads.append(time.perf_counter() - start)
    assert back == snap

    print(f"fetch of {len(KPIS)} KPIs × {len(KOMMUNER)} kommuner × {len(YEARS)} years")
    print(f"  rows (kpi × kommun × year × gender): {len(snap.rows):,}")
    print(f"  requests: {requests} ({len(data_paths)} data, {requests - len(data_paths)} metadata)")
    print(f"  styrmodell.kolada.fetch: {best(times)}")
    print(f"  bare httpx + json.loads of the same data pages: {best(bare)}")
    print(f"  ratio: {min(times) / min(bare):.1f}×")
    print(f"snapshot document: {len(text.encode()):,} bytes")
    print(f"  styrmodell.dumps: {best(dumps)}")
    print(f"  styrmodell.loads: {best(loads)}")


if __name__ == "__main__":
    main()
