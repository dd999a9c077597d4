"""How long `import styrmodell` takes, against its four runtime dependencies alone.

Issue 9 asks that `import styrmodell` cost at most 1.3 times `import attrs, cattrs, dateutil,
babel`: the median of 7 fresh interpreters each, with bytecode cached (a first, untimed run
writes it to a temporary cache). The cases are timed in alternation, so a machine busy with
something else slows them alike. Each interpreter times its own import — interpreter start-up
is not counted — twice over: the CPU time of the process (`time.process_time`; what the
target is judged on, as it holds steady on a shared machine) and the wall-clock time.

Also shown, for the whole picture (no target): the first use of every top-level name
(`from styrmodell import *`, which is what `import styrmodell` cost before names loaded on
first use), and the modules of styrmodell that cost most in that full load by
`python -X importtime` (self time: each module's own regexes, attrs classes and data).

Run: `python benchmarks/bench_import.py [runs]` (`make bench` runs every benchmark).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
TARGET = 1.3
DEPENDENCIES = "attrs, cattrs, dateutil, babel"

CASES = {
    "dependencies": f"import {DEPENDENCIES}",
    "import styrmodell": "import styrmodell",
    "every top-level name": "from styrmodell import *",
}


def _env(cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as after an install
    env["PYTHONPYCACHEPREFIX"] = cache  # never write into the source tree
    return env


def _time(statement: str, env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) of *statement* in a fresh interpreter."""
    code = (
        "import time\n"
        "w, c = time.perf_counter(), time.process_time()\n"
        f"{statement}\n"
        "print(time.process_time() - c, time.perf_counter() - w)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    cpu, wall = done.stdout.split()
    return float(cpu), float(wall)


def _importtime(env: dict[str, str], top: int = 10) -> list[tuple[float, str]]:
    # Import statements for every module behind a top-level name: `-X importtime` reports
    # what `import` loads, not what `importlib.import_module` (the lazy names) does.
    import styrmodell

    modules = sorted(set(styrmodell._LAZY.values()))
    code = f"import {DEPENDENCIES}\nimport styrmodell\n" + "\n".join(f"import {m}" for m in modules)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, _, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        if self_us.isdigit() and name.startswith("styrmodell"):
            rows.append((int(self_us) / 1000, name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="styrmodell-pycache-") as cache:
        env = _env(cache)
        for statement in CASES.values():  # write the bytecode once
            _time(statement, env)
        cpu: dict[str, list[float]] = {name: [] for name in CASES}
        wall: dict[str, list[float]] = {name: [] for name in CASES}
        for _ in range(RUNS):
            for name, statement in CASES.items():
                c, w = _time(statement, env)
                cpu[name].append(c)
                wall[name].append(w)
        cpu_median = {name: statistics.median(values) for name, values in cpu.items()}
        wall_median = {name: statistics.median(values) for name, values in wall.items()}
        base_cpu, base_wall = cpu_median["dependencies"], wall_median["dependencies"]
        print(f"median of {RUNS} fresh interpreters, bytecode cached, import alone")
        print(f"  {'':24} {'CPU time':>21}   {'wall clock':>21}")
        for name in CASES:
            c, w = cpu_median[name], wall_median[name]
            print(
                f"  {name:24} {c * 1000:7.1f} ms {c / base_cpu:5.2f} ×   "
                f"{w * 1000:7.1f} ms {w / base_wall:5.2f} ×"
            )
        ratio = cpu_median["import styrmodell"] / base_cpu
        verdict = "meets" if ratio <= TARGET else "MISSES"
        print(f"import ratio {ratio:.3f} (CPU time; {verdict} the target of {TARGET})")
        print("\nmodules of styrmodell costing most in the full load (self time, ms):")
        for ms, name in _importtime(env):
            print(f"  {ms:6.1f}  {name}")


if __name__ == "__main__":
    main()
