"""Durations: "förvaltningen har erbjudit verkställighet inom 3 månader".

Swedish terms: *inom* (within), *efter* (after), *verkställighet* (execution of a decision),
*handläggningstid*, *utredningstid*.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from styrmodell._errors import ThresholdError
from styrmodell._locale import language
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._registry import Family, register

__all__ = ["Duration"]

_TEXT = re.compile(
    r"^\s*(?P<n>\d+)\s*(?P<unit>months?|mån(?:ader|ad)?|days?|dagar|dag|weeks?|veckor|vecka)\s*$",
    re.IGNORECASE,
)


def _within(value: object) -> relativedelta:
    if isinstance(value, relativedelta):
        rd = value.normalized()
        absolute = (rd.year, rd.month, rd.day, rd.weekday, rd.hour, rd.minute, rd.second)
        if any(x is not None for x in absolute) or rd.hours or rd.minutes or rd.seconds:
            raise ThresholdError(
                f"Duration.within: expected years, months, weeks or days only, got {value!r}"
            )
        if rd.years < 0 or rd.months < 0 or rd.days < 0 or rd == relativedelta():
            raise ThresholdError(f"Duration.within: expected a positive duration, got {value!r}")
        # relativedelta folds 12 months into a year again: read it back with _months().
        return relativedelta(months=rd.years * 12 + rd.months, days=rd.days)
    if isinstance(value, dt.timedelta):
        if value.days <= 0 or value.seconds or value.microseconds:
            raise ThresholdError(
                f"Duration.within: expected a positive number of whole days, got {value!r}"
            )
        return relativedelta(days=value.days)
    if isinstance(value, str):
        m = _TEXT.match(value)
        if m and int(m["n"]) > 0:
            n, unit = int(m["n"]), m["unit"].lower()
            if unit.startswith(("month", "mån")):
                return relativedelta(months=n)
            if unit.startswith(("week", "veck")):
                return relativedelta(days=7 * n)
            return relativedelta(days=n)
    raise ThresholdError(
        "Duration.within: expected a relativedelta, a timedelta or text such as '3 months' "
        f"or '3 månader', got {value!r}"
    )


def _day(value: object) -> object:
    """A datetime as its date (a deadline is a day; mixing the two cannot be compared)."""
    return value.date() if isinstance(value, dt.datetime) else value


def _months(rd: relativedelta) -> int:
    """All of *rd*'s months, its years included (relativedelta keeps 12 months as a year)."""
    return int(rd.years * 12 + rd.months)


def _span(rd: relativedelta) -> tuple[int, int]:
    """The fewest and most days *rd* (months and days) can span from some start date."""
    months = _months(rd)
    if not months:
        return rd.days, rd.days
    return 28 * months - 3 + rd.days, 31 * months + rd.days


@attrs.frozen
class Duration:
    """Green when something happened within a time limit of its start, red when later.

    The value is a pair of dates ``(start, end)``; ``end`` may be ``None`` while still
    pending, in which case the result is red once ``context.as_of`` is past the limit and
    otherwise ``NOT_ASSESSED`` (``"pending"``). A ``timedelta`` value is accepted when the
    limit is in days or weeks (months have no fixed length in days).

    Attributes:
        within: The limit: a ``relativedelta`` of months/days, a ``timedelta`` or text such
            as ``"3 månader"``.

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import Duration
        >>> rule = Duration("3 månader")
        >>> rule.assess((dt.date(2019, 1, 15), dt.date(2019, 4, 15))).status
        <Status.GREEN: 'green'>
        >>> rule.describe()
        'Grönt: inom 3 månader, Rött: efter 3 månader'
    """

    within: relativedelta = attrs.field(converter=_within)

    def deadline(self, start: dt.date) -> dt.date:
        """The last day that still counts as within the limit."""
        result: dt.date = start + self.within
        return result

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge a ``(start, end)`` pair, a ``timedelta`` or a ``relativedelta`` against the limit.

        A ``relativedelta`` is judged when the answer holds for every start date ("2 months
        10 days" is within "3 months"); otherwise ``ThresholdError`` asks for the dates.
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        if isinstance(value, dt.timedelta):
            if _months(self.within):
                raise ThresholdError(
                    f"Duration: a timedelta ({value}) cannot be compared with a limit in months; "
                    "give the (start, end) dates"
                )
            if value < dt.timedelta(0):
                raise ThresholdError(
                    f"Duration: expected a duration of zero or more, got {value!r}"
                )
            status = Status.GREEN if value.days <= self.within.days else Status.RED
            return Assessment(status, value, self, "within" if status is Status.GREEN else "late")
        if isinstance(value, relativedelta):
            status = self._compare_relative(value)
            return Assessment(status, value, self, "within" if status is Status.GREEN else "late")
        if not (isinstance(value, Sequence) and len(value) == 2):
            raise ThresholdError(
                "Duration: expected a (start, end) pair of dates, a timedelta or a "
                f"relativedelta, got {value!r}"
            )
        start, end = (_day(v) for v in value)
        if not isinstance(start, dt.date) or not (end is None or isinstance(end, dt.date)):
            raise ThresholdError(f"Duration: expected dates as (start, end), got {value!r}")
        if end is not None and end < start:
            raise ThresholdError(f"Duration: end {end} is before start {start}")
        pair = (start, end)
        limit = self.deadline(start)
        if end is None:
            if ctx.as_of is not None and ctx.as_of > limit:
                return Assessment(Status.RED, pair, self, "late")
            return Assessment(Status.NOT_ASSESSED, pair, self, "pending")
        if end <= limit:
            return Assessment(Status.GREEN, pair, self, "within")
        return Assessment(Status.RED, pair, self, "late")

    def _compare_relative(self, value: relativedelta) -> Status:
        """Green or red for a relativedelta, when that holds whatever the start date.

        *m* months from any start date span between ``28·m − 3`` days (a month-end clamped to
        February) and ``31·m`` days. When the value's longest possible span is within the
        limit's shortest, it is green; when its shortest is past the limit's longest, red;
        otherwise ("2 months 40 days" against "3 months") it depends on the start date.
        """
        if value == relativedelta():
            return Status.GREEN
        try:
            rd = _within(value)
        except ThresholdError:
            raise ThresholdError(
                "Duration: expected a relativedelta of years, months, weeks or days, "
                f"more than zero, got {value!r}"
            ) from None
        limit = self.within
        # Adding more months and more days never gives an earlier date.
        if _months(rd) <= _months(limit) and rd.days <= limit.days:
            return Status.GREEN
        if _months(rd) >= _months(limit) and rd.days >= limit.days:
            return Status.RED
        lo, hi = _span(rd)
        limit_lo, limit_hi = _span(limit)
        if hi <= limit_lo:
            return Status.GREEN
        if lo > limit_hi:
            return Status.RED
        raise ThresholdError(
            f"Duration: {value!r} against a limit of {self.within!r} depends on the start "
            "date; give the (start, end) dates"
        )

    def _limit_text(self, locale: str) -> str:
        sv = language(locale) == "sv"
        parts = []
        if _months(self.within):
            n = _months(self.within)
            parts.append(
                f"{n} {'månader' if n != 1 else 'månad'}"
                if sv
                else f"{n} {'months' if n != 1 else 'month'}"
            )
        if self.within.days:
            n = self.within.days
            parts.append(
                f"{n} {'dagar' if n != 1 else 'dag'}"
                if sv
                else f"{n} {'days' if n != 1 else 'day'}"
            )
        return (" och " if sv else " and ").join(parts)

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Grönt: inom 3 månader, Rött: efter 3 månader"."""
        sv = language(locale) == "sv"
        limit = self._limit_text(locale)
        return _text.rule_text(
            [
                (Status.GREEN, f"inom {limit}" if sv else f"within {limit}"),
                (Status.RED, f"efter {limit}" if sv else f"after {limit}"),
            ],
            locale,
        )

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words, e.g. "15 januari 2019 – 15 april 2019: inom 3 månader → Grönt"."""
        sv = language(locale) == "sv"
        a = assessment
        limit = self._limit_text(locale)
        if a.reason == "no_value":
            return _text.verdict("Inget utfall" if sv else "No outcome", a.status, locale)
        if isinstance(a.value, dt.timedelta):
            n = a.value.days
            lead = f"{n} {('dag' if n == 1 else 'dagar') if sv else ('day' if n == 1 else 'days')}"
        elif isinstance(a.value, relativedelta):
            lead = Duration(a.value)._limit_text(locale)
        else:
            start, end = a.value
            s = _text.date_text(start, locale)
            e = _text.date_text(end, locale) if end else ("pågår" if sv else "pending")
            lead = f"{s} – {e}"
        word = {
            "within": ("inom", "within"),
            "late": ("efter", "after"),
            "pending": ("ännu inom", "still within"),
        }[a.reason][0 if sv else 1]
        return _text.verdict(f"{lead}: {word} {limit}", a.status, locale)


register(
    Family(
        type=Duration,
        tag="duration",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
    )
)
