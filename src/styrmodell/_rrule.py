"""Recurrence rules of whole days: reading the RFC 5545 ``RRULE`` text, and its first date.

Swedish terms: *återkommande tillfälle* (a recurring occasion); the rule says on which days.

A follow-up calendar holds each recurring occasion's rule as text (``dateutil.rrule`` objects
compare by identity). This module reads that text strictly — every part, every value, the
combinations RFC 5545 §3.3.10 forbids — in time linear in its length, so no rule reaches
:mod:`dateutil` that it would misread or choke on. It also answers "does this rule ever give
a date?" without walking to the year 9999: the dates of a rule repeat after a known span (the
Gregorian calendar repeats every 400 years, 146,097 days, which is a whole number of weeks),
so a rule that gives nothing in one span never will. Rules that can be seen to be empty from
their parts alone (``BYMONTH=2;BYMONTHDAY=30``) are refused without any search.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from collections.abc import Iterator, Mapping

from dateutil.rrule import rrule, rrulestr

from styrmodell._errors import CalendarError
from styrmodell._messages import failure, short

__all__ = [
    "MAX_COUNT",
    "MAX_INTERVAL",
    "MAX_RULE",
    "build",
    "dates_between",
    "dates_from",
    "first_date",
    "has_dates",
    "normalise",
    "parts_of",
    "rule_from",
]

MAX_RULE = 2000
"""The longest rule text read, in characters (every day of a year listed is ~1,800)."""

MAX_INTERVAL = 9999
"""The largest ``INTERVAL``."""

MAX_COUNT = 9999
"""The largest ``COUNT``."""

_FREQS = ("DAILY", "MONTHLY", "WEEKLY", "YEARLY")
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ALLOWED = (
    "BYDAY",
    "BYMONTH",
    "BYMONTHDAY",
    "BYSETPOS",
    "BYWEEKNO",
    "BYYEARDAY",
    "COUNT",
    "FREQ",
    "INTERVAL",
    "WKST",
)
# name -> (largest absolute value, may be negative)
_NUMBERS = {
    "BYMONTH": (12, False),
    "BYMONTHDAY": (31, True),
    "BYYEARDAY": (366, True),
    "BYWEEKNO": (53, True),
    "BYSETPOS": (366, True),
}
# RFC 5545 §3.3.10: which parts a frequency may not have.
_NOT_WITH = {
    "BYWEEKNO": ("DAILY", "WEEKLY", "MONTHLY"),
    "BYYEARDAY": ("DAILY", "WEEKLY", "MONTHLY"),
    "BYMONTHDAY": ("WEEKLY",),
}
_GREGORIAN_DAYS = 146_097
"""Days in 400 Gregorian years: the calendar (dates and weekdays) repeats after them."""


def _number(text: str, limit: int, signed: bool) -> int | None:
    """A whole number of at most three ASCII digits, 1..limit (or -limit..-1), else None."""
    sign = 1
    if text and text[0] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if not (1 <= len(text) <= 3 and text.isascii() and text.isdigit()):
        return None
    value = int(text)
    if not 1 <= value <= limit or (sign < 0 and not signed):
        return None
    return sign * value


def _weekday(text: str, numbered: bool) -> tuple[int, str] | None:
    """``(n, "MO")`` for "MO", "2MO", "-1FR" (n = 0 when there is no number), else None."""
    day = text[-2:]
    if day not in _WEEKDAYS:
        return None
    head = text[:-2]
    if not head:
        return 0, day
    n = _number(head, 53, True) if numbered else None
    return None if n is None else (n, day)


def _clip(text: str) -> str:
    """A part of a rule as shown in a message: as written, cut short when long."""
    return text if len(text) <= 40 else text[:37] + "..."


def normalise(value: object, at: str = "value") -> str:
    """The rule text, checked part by part, upper case, without ``RRULE:``.

    Raises:
        CalendarError: naming the rule and the part that is wrong.
    """
    if not isinstance(value, str):
        raise failure(CalendarError, "calendar.rule_expected_text", at, value=value)
    if len(value) > MAX_RULE:
        raise failure(CalendarError, "calendar.rule_too_long", at, value=value, limit=MAX_RULE)
    text = value.strip()
    if text[:6].upper() == "RRULE:":
        text = text[6:]
    names: list[str] = []
    values: dict[str, str] = {}
    for raw in text.split(";"):
        part = raw.strip()
        if not part:
            continue
        name, sep, val = part.partition("=")
        name, val = name.strip().upper(), val.strip().upper()
        if not sep or not val:
            raise failure(
                CalendarError, "calendar.rule_part_syntax", at, value=value, part=short(part)
            )
        if name == "UNTIL":
            raise failure(CalendarError, "calendar.rule_until", at, value=value)
        if name not in _ALLOWED:
            raise failure(
                CalendarError,
                "calendar.rule_part_not_allowed",
                at,
                value=value,
                name=_clip(name),
                allowed=", ".join(_ALLOWED),
            )
        if name in values:
            raise failure(CalendarError, "calendar.rule_part_twice", at, value=value, name=name)
        names.append(name)
        values[name] = ",".join(item.strip() for item in val.split(","))
    if not names or names[0] != "FREQ":
        raise failure(CalendarError, "calendar.rule_must_start_freq", at, value=value)
    _check_values(values, at, value)
    return ";".join(f"{name}={values[name]}" for name in names)


def _check_values(values: Mapping[str, str], at: str, value: str) -> None:
    freq = values["FREQ"]
    if freq not in _FREQS:
        raise failure(
            CalendarError, "calendar.rule_bad_freq", at, value=value, freqs=", ".join(_FREQS)
        )
    for name in ("INTERVAL", "COUNT"):
        if name in values:
            text = values[name]
            limit = MAX_INTERVAL if name == "INTERVAL" else MAX_COUNT
            digits = text.lstrip("0")
            if not (text.isascii() and text.isdigit()) or not digits:
                raise failure(
                    CalendarError,
                    "calendar.rule_not_positive",
                    at,
                    value=value,
                    name=name,
                    part=short(text),
                )
            if len(digits) > len(str(limit)) or int(digits) > limit:
                raise failure(
                    CalendarError,
                    "calendar.rule_too_big",
                    at,
                    value=value,
                    name=name,
                    limit=limit,
                    part=short(text),
                )
    for name, (limit, signed) in _NUMBERS.items():
        if name in values and any(
            _number(item, limit, signed) is None for item in values[name].split(",")
        ):
            code = "calendar.rule_bad_signed_numbers" if signed else "calendar.rule_bad_numbers"
            raise failure(
                CalendarError,
                code,
                at,
                value=value,
                name=name,
                part=_clip(values[name]),
                high=limit,
            )
    numbered = freq in ("MONTHLY", "YEARLY") and "BYWEEKNO" not in values
    if "BYDAY" in values:
        days = [_weekday(item, True) for item in values["BYDAY"].split(",")]
        if any(d is None for d in days):
            raise failure(
                CalendarError,
                "calendar.rule_bad_weekdays",
                at,
                value=value,
                part=_clip(values["BYDAY"]),
            )
        if not numbered and any(d is not None and d[0] for d in days):
            raise failure(
                CalendarError,
                "calendar.rule_numbered_weekday",
                at,
                value=value,
                part=_clip(values["BYDAY"]),
            )
    if "WKST" in values and values["WKST"] not in _WEEKDAYS:
        raise failure(
            CalendarError, "calendar.rule_bad_wkst", at, value=value, part=_clip(values["WKST"])
        )
    for name, freqs in _NOT_WITH.items():
        if name in values and freq in freqs:
            raise failure(
                CalendarError, "calendar.rule_part_with_freq", at, value=value, name=name, freq=freq
            )
    if "BYSETPOS" in values and not any(n.startswith("BY") and n != "BYSETPOS" for n in values):
        raise failure(CalendarError, "calendar.rule_setpos_alone", at, value=value)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def parts_of(text: str) -> dict[str, str]:
    """The parts of a normalised rule text: ``{"FREQ": "YEARLY", "BYMONTH": "4,5"}``."""
    return dict(part.split("=", 1) for part in text.split(";"))


@functools.lru_cache(maxsize=1024)
def build(text: str, start: dt.date, *, cache: bool = True) -> rrule:
    """The :mod:`dateutil` rule of a normalised text from *start* (built once, cached).

    With *cache*, the rule keeps the dates it has given (repeated queries are cheap); a
    rule walked once (the search for a first date) goes without: dateutil's cache makes a
    long walk several times slower.
    """
    rule = rrulestr(text, dtstart=_moment(start), cache=cache)
    if not isinstance(rule, rrule):  # pragma: no cover - one RRULE line never gives a set
        raise failure(CalendarError, "calendar.rule_invalid", value=text, reason="not one rule")
    return rule


def _repeat_years(parts: Mapping[str, str]) -> int:
    """After how many years the rule's dates repeat (the shift keeps every date's weekday)."""
    interval = int(parts.get("INTERVAL", "1"))
    freq = parts["FREQ"]
    if freq == "YEARLY":
        return math.lcm(400, interval)
    if freq == "MONTHLY":
        return math.lcm(4800, interval) // 12
    unit = 7 * interval if freq == "WEEKLY" else interval
    return math.lcm(_GREGORIAN_DAYS, unit) // _GREGORIAN_DAYS * 400


def _ints(parts: Mapping[str, str], name: str) -> list[int]:
    return [int(item) for item in parts[name].split(",")] if name in parts else []


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _never(parts: Mapping[str, str], start: dt.date) -> bool:
    """True when the parts alone show the rule gives no date at all (no search needed)."""
    months = _ints(parts, "BYMONTH") or list(range(1, 13))
    monthdays = _ints(parts, "BYMONTHDAY")
    if monthdays and not any(abs(d) <= _MONTH_DAYS[m - 1] for m in months for d in monthdays):
        return True
    yeardays = _ints(parts, "BYYEARDAY")
    if yeardays and not any(
        _day_fits(day, year, months, monthdays, yeardays)
        for year in (2023, 2024)
        for day in _days_of(year)
    ):
        return True
    freq = parts["FREQ"]
    weekdays = {_WEEKDAYS.index(item[-2:]) for item in parts.get("BYDAY", "").split(",") if item}
    setpos = _ints(parts, "BYSETPOS")
    interval = int(parts.get("INTERVAL", "1"))
    if freq == "DAILY":
        # Every interval-th day from the start: a multiple of 7 keeps the start's weekday,
        # and each period holds one day, so only position 1 or -1 can pick it.
        if weekdays and interval % 7 == 0 and start.weekday() not in weekdays:
            return True
        if setpos and not {1, -1} & set(setpos):
            return True
    # A week holds as many days as BYDAY names (the start's weekday without BYDAY).
    return freq == "WEEKLY" and bool(setpos) and min(map(abs, setpos)) > max(len(weekdays), 1)


def _days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range(366 if calendar.isleap(year) else 365)]


def _day_fits(
    day: dt.date, year: int, months: list[int], monthdays: list[int], yeardays: list[int]
) -> bool:
    if day.month not in months:
        return False
    if monthdays:
        length = calendar.monthrange(year, day.month)[1]
        if day.day not in monthdays and day.day - length - 1 not in monthdays:
            return False
    length = 366 if calendar.isleap(year) else 365
    number = day.timetuple().tm_yday
    return number in yeardays or number - length - 1 in yeardays


def first_date(text: str, start: dt.date, end: dt.date | None) -> dt.date | None:
    """The rule's first date in ``[start, end]``, or ``None``; found in bounded time.

    :mod:`dateutil` walks period after period until a date turns up, and stops only after
    the year 9999: for a rule without dates, millions of days. The dates of a rule repeat
    after :func:`_repeat_years`, so one whole span of periods holds a date if any span does.
    Whether there is one is asked of the last span before 9999, where dateutil's own end
    stops the walk (or not asked at all, when the parts alone show there is none); a rule
    that has dates gives its first within one span of *start*.
    """
    parts = parts_of(text)
    if _never(parts, start):
        return None
    late = dt.date(max(9999 - _repeat_years(parts), 1), 1, 1)
    anchor = _anchor(parts, start, late) if late > start else start
    if anchor > start:
        probe = build(_explicit(text, start), anchor, cache=False)
        if probe.after(_moment(anchor), inc=True) is None:
            return None
    # Fewer than a span's years left before 9999, or a date known to exist: either way the
    # walk from the start is bounded.
    found = build(text, start, cache=False).after(_moment(start), inc=True)
    if found is None or (end is not None and found.date() > end):
        return None
    return found.date()


def has_dates(text: str, start: dt.date) -> bool:
    """Whether the rule gives any date on or after *start* (see :func:`first_date`)."""
    return first_date(text, start, None) is not None


@functools.lru_cache(maxsize=256)
def _explicit(text: str, start: dt.date) -> str:
    """The rule with the defaults :mod:`dateutil` takes from its start written out.

    Without ``BYWEEKNO``, ``BYYEARDAY``, ``BYMONTHDAY`` or ``BYDAY``, a yearly rule falls on
    the start's month and day, a monthly one on the start's day, a weekly one on the start's
    weekday. Written out, the rule means the same from any later start.
    """
    parts = parts_of(text)
    if not any(name in parts for name in ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")):
        freq = parts["FREQ"]
        if freq == "YEARLY":
            parts.setdefault("BYMONTH", str(start.month))
            parts["BYMONTHDAY"] = str(start.day)
        elif freq == "MONTHLY":
            parts["BYMONTHDAY"] = str(start.day)
        elif freq == "WEEKLY":
            parts["BYDAY"] = _WEEKDAYS[start.weekday()]
    return ";".join(f"{name}={value}" for name, value in parts.items())


def _anchor(parts: Mapping[str, str], start: dt.date, day: dt.date) -> dt.date:
    """The first day of the last period the rule selects that begins on or before *day*."""
    interval = int(parts.get("INTERVAL", "1"))
    freq = parts["FREQ"]
    if freq == "YEARLY":
        return dt.date(start.year + (day.year - start.year) // interval * interval, 1, 1)
    if freq == "MONTHLY":
        months = (day.year - start.year) * 12 + day.month - start.month
        year, month = divmod(start.month - 1 + months // interval * interval, 12)
        return dt.date(start.year + year, month + 1, 1)
    if freq == "WEEKLY":
        wkst = _WEEKDAYS.index(parts.get("WKST", "MO"))
        week = start - dt.timedelta(days=(start.weekday() - wkst) % 7)
        weeks = (day - week).days // 7 // interval * interval
        return week + dt.timedelta(weeks=weeks)
    return start + dt.timedelta(days=(day - start).days // interval * interval)


def rule_from(text: str, start: dt.date, day: dt.date) -> rrule:
    """A rule giving the same dates as ``build(text, start)`` on and after *day*.

    It starts at the beginning of the last period the rule selects before *day* (a year, a
    month, a week or a day, every ``INTERVAL``-th from *start*), with the defaults taken from
    *start* written out, so asking for the dates of a late year does not walk every period
    since *start* (a daily rule from 1953 asked for 9999 would walk three million days). A
    rule with ``COUNT`` keeps its start: the count runs from it.
    """
    parts = parts_of(text)
    if "COUNT" in parts or day <= start:
        return build(text, start)
    anchor = _anchor(parts, start, day)
    if anchor <= start:
        return build(text, start)
    return build(_explicit(text, start), anchor)


def dates_between(text: str, start: dt.date, lo: dt.date, hi: dt.date) -> list[dt.date]:
    """The rule's dates in ``[lo, hi]`` (``start <= lo``), from the last period before *lo*.

    Bounded for a rule that has dates (every :class:`~styrmodell.OccasionRule`): dateutil
    stops at the first date after *hi*, which comes within one repeat span.
    """
    found = rule_from(text, start, lo).between(_moment(lo), _moment(hi), inc=True)
    return [moment.date() for moment in found]


def dates_from(text: str, start: dt.date, after: dt.date, end: dt.date | None) -> Iterator[dt.date]:
    """The rule's dates on or after *after* (``start <= after``), in order, up to *end*."""
    for moment in rule_from(text, start, after).xafter(_moment(after), inc=True):
        if end is not None and moment.date() > end:
            return
        yield moment.date()
