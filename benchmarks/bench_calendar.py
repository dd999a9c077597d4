"""Benchmark: working days and a calendar's occurrences vs hand-written code in the same run.

Run: python benchmarks/bench_calendar.py [years]

1. ``WorkingDays.is_working_day`` for every day of *years* years (default 150, from 1953) vs
   a hand-written check: a per-year set of holiday dates computed inline with
   ``dateutil.easter`` and ``relativedelta``, and ``weekday() < 5``.
2. ``WorkingDays.shift`` (previous working day) for the same days vs a hand-written loop on
   that set.
3. ``FollowUpCalendar.year`` for every year of Oxelösund's årshjul (monthly nyckeltal, four
   reports, delår, bokslut, handlingsplan; 18 occasions a year) vs a hand-written expansion:
   ``rrule.between`` per rule plus the hand-written shift, no Occasion objects.
Target: ≤ 3 for the calendar; ≤ 5 for the per-day calls, which validate every date.

Then, without targets: the .ics export of those years, the time to refuse an OccasionRule
that gives no date (each shape once; before the bounded search a daily rule took 6.5 s),
and Frequency.parse / Period.parse on 1k, 10k and 100k characters of the shapes that were
super-linear (the 100k ÷ 10k ratio is about 10 when the time is linear).
"""

from __future__ import annotations

import datetime as dt
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateutil.easter import easter
from dateutil.relativedelta import SA, relativedelta
from dateutil.rrule import rrulestr

import styrmodell as sm
from styrmodell.io import write_ics

ONE = dt.timedelta(days=1)


def holiday_sets(first: int, last: int) -> dict[int, set[dt.date]]:
    out = {}
    for y in range(first, last + 1):
        e = easter(y)
        out[y] = {
            dt.date(y, 1, 1),
            dt.date(y, 1, 6),
            e - 2 * ONE,
            e,
            e + ONE,
            dt.date(y, 5, 1),
            e + 39 * ONE,
            e + 49 * ONE,
            dt.date(y, 6, 20) + relativedelta(weekday=SA(+1)),
            dt.date(y, 10, 31) + relativedelta(weekday=SA(+1)),
            dt.date(y, 12, 25),
            dt.date(y, 12, 26),
            dt.date(y, 6, 6) if y >= 2005 else e + 50 * ONE,
        }
    return out


def best_of(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> None:
    years = int(argv[1]) if len(argv) > 1 else 150
    first, last = 1953, 1953 + years - 1
    days = [
        dt.date(first, 1, 1) + i * ONE
        for i in range((dt.date(last, 12, 31) - dt.date(first, 1, 1)).days + 1)
    ]
    wd = sm.calendar.WorkingDays()

    def base_is() -> list[bool]:
        sets = holiday_sets(first, last)
        return [d.weekday() < 5 and d not in sets[d.year] for d in days]

    def lib_is() -> list[bool]:
        return [wd.is_working_day(d) for d in days]

    assert base_is() == lib_is()

    def base_shift() -> list[dt.date]:
        sets = holiday_sets(first - 1, last)
        out = []
        for d in days:
            m = d
            while m.weekday() >= 5 or m in sets[m.year]:
                m -= ONE
            out.append(m)
        return out

    def lib_shift() -> list[dt.date]:
        return [
            wd.shift(d, sm.calendar.Shift.PREVIOUS) for d in days if d.year > first or d.month > 1
        ]

    example = runpy.run_path(
        str(Path(__file__).resolve().parent.parent / "examples" / "calendars.py")
    )
    oxe: sm.FollowUpCalendar = example["oxelosund"]()
    oxe = sm.FollowUpCalendar(
        oxe.name,
        rules=[
            sm.calendar.OccasionRule(
                r.kind,
                r.rule,
                start=dt.date(2000, 1, 1),
                covers=r.covers,
                lag=r.lag,
                recipient=r.recipient,
                contents=r.contents,
                reported=r.reported,
            )
            for r in oxe.rules
        ],
    )
    cal_years = range(2001, 2001 + min(years, 100))

    def base_year() -> int:
        sets = holiday_sets(2000, cal_years[-1] + 1)
        count = 0
        rules = [rrulestr(r.rule, dtstart=dt.datetime(2000, 1, 1), cache=True) for r in oxe.rules]
        for y in cal_years:
            found = set()
            for rule in rules:
                for moment in rule.between(dt.datetime(y, 1, 1), dt.datetime(y, 12, 31), inc=True):
                    m = moment.date()
                    while m.weekday() >= 5 or m in sets[m.year]:
                        m -= ONE
                    found.add((m, id(rule)))
            count += len(found)
        return count

    def lib_year() -> int:
        return sum(len(oxe.year(y)) for y in cal_years)

    rows = [
        (f"is_working_day, {len(days):,} days", best_of(base_is), best_of(lib_is)),
        (f"shift(PREVIOUS), {len(days):,} days", best_of(base_shift), best_of(lib_shift)),
        (f"FollowUpCalendar.year, {len(cal_years)} years", best_of(base_year), best_of(lib_year)),
    ]
    print(f"{'case':42} {'baseline':>10} {'styrmodell':>11} {'ratio':>7}")
    for name, base, lib in rows:
        print(f"{name:42} {base * 1000:8.1f}ms {lib * 1000:9.1f}ms {lib / base:6.2f}x")
    span = (dt.date(2001, 1, 1), dt.date(2100, 12, 31))
    ics_time = best_of(lambda: write_ics(oxe, between=span), 1)
    print(f"write_ics for {len(cal_years)} years ({lib_year():,} events): {ics_time * 1000:.0f} ms")
    hardening()


def refuse(text: str) -> None:
    try:
        sm.OccasionRule("x", text, start=dt.date(2024, 1, 1))
    except sm.CalendarError:
        return
    raise AssertionError(f"{text} was not refused")


def hardening() -> None:
    print("\nrefusing a rule that gives no date:")
    for text in (
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
        "FREQ=WEEKLY;INTERVAL=3;BYMONTH=2;BYDAY=MO,TU;BYSETPOS=3",
    ):
        print(f"  {text:58} {best_of(lambda t=text: refuse(t), 1) * 1000:8.1f} ms")
    print("\nlinear parsing (time at 1k / 10k / 100k characters; ratio 100k / 10k):")
    from styrmodell._calendar import _parse_frequency

    def frequency(text: str) -> Any:
        _parse_frequency.cache_clear()  # time the reading, not the cache
        return sm.Frequency.parse(text)

    shapes: list[tuple[str, Callable[[int], Any]]] = [
        ("Frequency.parse('1' * n)", lambda n: frequency("1" * n)),
        ("Frequency.parse('en ' * n)", lambda n: frequency("en " * (n // 3))),
        (
            "Frequency.parse('publicerasss' * n)",
            lambda n: frequency("publicerasss" * (n // 12)),
        ),
        ("Period.parse('jan-' * n)", lambda n: _refused(sm.Period.parse, "jan-" * (n // 4))),
        (
            "OccasionRule(BYMONTH=1,1,...)",
            lambda n: _refused(refuse, "FREQ=YEARLY;BYMONTH=" + "1," * (n // 2)),
        ),
    ]
    for name, fn in shapes:
        times = [best_of(lambda k=k, f=fn: f(k), 3) for k in (1_000, 10_000, 100_000)]
        ms = " / ".join(f"{t * 1000:.2f}" for t in times)
        print(f"  {name:40} {ms:>28} ms  {times[2] / times[1]:5.1f}x")


def _refused(fn: Callable[[str], Any], text: str) -> None:
    try:
        fn(text)
    except sm.StyrmodellError:
        return


if __name__ == "__main__":
    main(sys.argv)
