"""Pathological inputs at 1k, 10k and 100k characters (or items), through public APIs.

Every shape named in the hardening issue is timed at three sizes; the last column is the time
at 100k divided by the time at 10k, which is about 10 for linear work (100 for quadratic).
Each measurement runs in a forked child process and counts its processor time (the machine
may be shared). It is capped: thirty times the previous size's time (at least 2 s, at most
``--cap``), so a shape that is still super-linear (or allocates without bound) is reported as
timed out instead of stopping the script; the whole run stays within a few minutes.

Run: ``.venv/bin/python benchmarks/bench_adversarial.py [--cap SECONDS] [--only NAME]``
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import multiprocessing as mp
import time
from collections.abc import Callable
from typing import Any

import styrmodell as sm
import styrmodell.io as sm_io
from styrmodell.calendar import Frequency

SIZES = (1_000, 10_000, 100_000)


def _catch(call: Callable[[], Any]) -> None:
    with contextlib.suppress(sm.StyrmodellError):
        call()


def threshold(text: str) -> Callable[[], None]:
    return lambda: _catch(lambda: sm.parse_threshold(text, year=2023))


def frequency(text: str) -> Callable[[], None]:
    return lambda: _catch(lambda: Frequency.parse(text))


def interval(text: str) -> Callable[[], None]:
    return lambda: _catch(lambda: sm.Interval.parse(text))


def never_matching_rules(n: int) -> Callable[[], None]:
    """*n* calendar rules that can never give a date (30 February), in one plan file."""
    start = dt.date(2000, 1, 1)
    rules = [
        {
            "kind": "delårsrapport",
            "rule": f"FREQ=DAILY;BYMONTH=2;BYMONTHDAY={30 + i % 2}",
            # All different: nothing may be answered from a cache.
            "start": (start + dt.timedelta(days=i)).isoformat(),
        }
        for i in range(n)
    ]
    doc = json.dumps({"format": "styrmodell/1", "name": "Årshjul", "rules": rules})
    return lambda: _catch(lambda: sm.loads(doc, sm.FollowUpCalendar))


def many_bands(n: int) -> Callable[[], None]:
    """``Bands`` with *n* intervals, green and red alternating (the overlap check)."""
    green = [f"[{2 * i}, {2 * i + 1})" for i in range(n // 2)]
    red = [f"[{2 * i + 1}, {2 * i + 2})" for i in range(n - n // 2)]
    return lambda: _catch(lambda: sm.Bands(green=green, red=red))


def plan_file(n: int) -> Callable[[], None]:
    """A JSON plan with *n* goals, each with an indicator and a target."""
    goals = [
        {
            "id": f"g{i}",
            "title": f"Nämndmål {i}",
            "indicators": [
                {
                    "id": f"i{i}",
                    "unit": "PERCENT",
                    "targets": {
                        "2024": {
                            "type": "target_value",
                            "comparator": ">=",
                            "target": str(50 + i % 7),
                        }
                    },
                }
            ],
        }
        for i in range(n)
    ]
    doc = json.dumps(
        {
            "format": "styrmodell/1",
            "id": "p",
            "years": [2023, 2025],
            "levels": ["Nämndmål"],
            "goals": goals,
        }
    )
    return lambda: sm.loads(doc, sm.Plan)


def outcomes_csv(n: int) -> Callable[[], None]:
    rows = "".join(f"i{i},2023,T,,{i % 97},,,\n" for i in range(n))
    text = "indicator,period,gender,org_unit,value,numerator,denominator,budget\n" + rows
    data = text.encode()
    return lambda: sm_io.read_outcomes(data)


def ledger_csv(n: int) -> Callable[[], None]:
    rows = "".join(
        f"line,{i % 900 + 100},Verksamhet {i % 900},,kostnader,Budget {2000 + i // 900},"
        f"-{i % 5000},tkr\n"
        for i in range(n)
    )
    text = "record,code,name,group,kind,scenario,amount,unit\n" + rows
    data = text.encode()
    return lambda: sm_io.read_ledger(data)


SHAPES: dict[str, Callable[[int], Callable[[], None]]] = {
    'parse_threshold("1" * n)': lambda n: threshold("1" * n),
    'parse_threshold("<" * n)': lambda n: threshold("<" * n),
    'parse_threshold("1," * n/2) (unit pattern)': lambda n: threshold("1," * (n // 2)),
    'parse_threshold("1 %" * n/3) (unit pattern)': lambda n: threshold("1 %" * (n // 3)),
    'parse_threshold("Grönt" + ":" * n) (tag pattern)': lambda n: threshold("Grönt" + ":" * n),
    'parse_threshold("Grönt " * n/6) (tag pattern)': lambda n: threshold("Grönt " * (n // 6)),
    'parse_threshold("a har " * n/6 + "b")': lambda n: threshold("a har " * (n // 6) + "b"),
    'parse_threshold("x har " + "y " * n/2 + "vid")': lambda n: threshold(
        "x har " + "y " * (n // 2) + "vid"
    ),
    'Frequency.parse("1" * n)': lambda n: frequency("1" * n),
    'Frequency.parse("1" * n + " månaders eftersläpning")': lambda n: frequency(
        "1" * n + " månaders eftersläpning"
    ),
    'Interval.parse("[" + "1" * n + ", 2]")': lambda n: interval("[" + "1" * n + ", 2]"),
    'Interval.parse("[1" + " " * n + ", 2]")': lambda n: interval("[1" + " " * n + ", 2]"),
    "never-matching OccasionRules (n rules)": never_matching_rules,
    "Bands with n intervals": many_bands,
    "plan file with n goals (JSON)": plan_file,
    "outcomes CSV of n rows": outcomes_csv,
    "ledger CSV of n rows": ledger_csv,
}


def _child(shape: str, n: int, out: Any) -> None:
    try:
        # Warm up: the message catalogs, lazily compiled patterns, generated code.
        _catch(lambda: sm.loads("", sm.Context))
        SHAPES[shape](1)()
        call = SHAPES[shape](n)
        out.send(("ready", 0.0))
        # Processor time of this process: the machine may be shared. Fast shapes run again
        # until 50 ms have passed; the best run counts.
        best, spent = float("inf"), 0.0
        while spent < 0.05:
            start = time.process_time()
            call()
            elapsed = time.process_time() - start
            best, spent = min(best, elapsed), spent + elapsed
        out.send(("ok", best))
    except BaseException as exc:  # report what escaped, whatever it is
        out.send(("error", f"{type(exc).__name__}: {str(exc)[:80]}"))


def measure(shape: str, n: int, cap: float) -> tuple[str, float | str]:
    """(``"ok"``, seconds), (``"timeout"``, cap) or (``"error"``, what escaped).

    The cap counts from when the input is built and the code warmed up.
    """
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(shape, n, send))
    child.start()
    send.close()
    result: tuple[str, float | str] = ("timeout", cap)
    if receive.poll(max(60.0, cap)):
        result = receive.recv()
        if result[0] == "ready":
            result = receive.recv() if receive.poll(cap) else ("timeout", cap)
    child.kill()
    child.join()
    return result


def _duration(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cap",
        type=float,
        default=30.0,
        help="at most this many seconds (wall clock) per measurement",
    )
    parser.add_argument("--only", default="", help="shapes whose name contains this")
    args = parser.parse_args()
    print(f"processor time; caps up to {args.cap:.0f} s (wall clock); {dt.date.today()}")
    print(f"| shape | {' | '.join(f'{n:,}' for n in SIZES)} | 100k ÷ 10k |")
    print(f"|---|{'---:|' * len(SIZES)}---:|")
    for shape in SHAPES:
        if args.only not in shape:
            continue
        cells, seconds = [], {}
        timed_out = False
        previous = 0.0
        for n in SIZES:
            if timed_out:
                cells.append("—")
                continue
            # Linear work takes about ten times as long at ten times the size: allow thirty
            # times the previous size's time (at least 2 s), but never more than the cap.
            cap = min(args.cap, max(2.0, 30 * previous)) if previous else args.cap
            status, value = measure(shape, n, cap)
            if status == "ok":
                assert isinstance(value, float)
                seconds[n] = previous = value
                cells.append(_duration(value))
            elif status == "timeout":
                cells.append(f"> {_duration(cap)} (timed out)")
                timed_out = True
            else:
                cells.append(f"escaped: {str(value)[:60]}")
        if SIZES[1] in seconds and SIZES[2] in seconds and seconds[SIZES[1]] > 0:
            ratio = f"{seconds[SIZES[2]] / seconds[SIZES[1]]:.1f}×"
        elif timed_out:
            ratio = "super-linear (timed out)"
        else:
            ratio = "—"
        print(f"| {shape} | {' | '.join(cells)} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
