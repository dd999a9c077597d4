"""Durations: "förvaltningen har erbjudit verkställighet inom 3 månader".

Swedish terms: *inom* (within), *efter* (after), *verkställighet* (execution of a decision),
*handläggningstid*, *utredningstid*.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._messages import failure, ntext, text
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._kernel import Case, Kernel, Value
from styrmodell._thresholds._milestone import dated_contexts
from styrmodell._thresholds._registry import Family, register

__all__ = ["Duration"]

MAX_MONTHS = 1200
"""A limit of at most a hundred years: longer is no time limit a plan sets."""
MAX_DAYS = 36_600
"""A limit in days of at most a hundred years."""
_MAX_TEXT = 40


@functools.cache
def _limit_text() -> re.Pattern[str]:
    # Compiled on first use; a bounded count of digits keeps int() and relativedelta small.
    return re.compile(
        r"\s*(?P<n>\d{1,6})\s*(?P<unit>months?|mån(?:ader|ad)?|days?|dagar|dag|weeks?|veckor|vecka)\s*",
        re.IGNORECASE,
    )


def _bounded(months: int, days: int, value: object, at: str) -> relativedelta:
    if months > MAX_MONTHS or days > MAX_DAYS:
        raise failure(ThresholdError, "duration.too_long", at, value=value)
    return relativedelta(months=months, days=days)


def _within(value: object, at: str = "value") -> relativedelta:
    if isinstance(value, relativedelta):
        rd = value.normalized()
        absolute = (rd.year, rd.month, rd.day, rd.weekday, rd.hour, rd.minute, rd.second)
        if any(x is not None for x in absolute) or rd.hours or rd.minutes or rd.seconds:
            raise failure(ThresholdError, "duration.expected_calendar_units", at, value=value)
        if rd.years < 0 or rd.months < 0 or rd.days < 0 or rd == relativedelta():
            raise failure(ThresholdError, "duration.expected_positive", at, value=value)
        # relativedelta folds 12 months into a year again: read it back with _months().
        return _bounded(int(rd.years * 12 + rd.months), int(rd.days), value, at)
    if isinstance(value, dt.timedelta):
        if value.days <= 0 or value.seconds or value.microseconds:
            raise failure(ThresholdError, "duration.expected_whole_days", at, value=value)
        return _bounded(0, value.days, value, at)
    if isinstance(value, str) and len(value) <= _MAX_TEXT:
        m = _limit_text().fullmatch(value)
        if m and int(m["n"]) > 0:
            n, unit = int(m["n"]), m["unit"].lower()
            if unit.startswith(("month", "mån")):
                return _bounded(n, 0, value, at)
            if unit.startswith(("week", "veck")):
                return _bounded(0, 7 * n, value, at)
            return _bounded(0, n, value, at)
    raise failure(ThresholdError, "duration.expected_limit", at, value=value)


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


@attrs.frozen(field_transformer=F.locate)
class Duration:
    """Green when something happened within a time limit of its start, red when later.

    The value is a pair of dates ``(start, end)``; ``end`` may be ``None`` while still
    pending, in which case the result is red once ``context.as_of`` is past the limit and
    otherwise ``NOT_ASSESSED`` (``Reason.PENDING``). A ``timedelta`` value is accepted when
    the limit is in days or weeks (months have no fixed length in days).

    Attributes:
        within: The limit: a ``relativedelta`` of months/days, a ``timedelta`` or text such
            as ``"3 månader"``; at most a hundred years.

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import Duration, describe
        >>> rule = Duration("3 månader")
        >>> rule.assess((dt.date(2019, 1, 15), dt.date(2019, 4, 15))).status
        <Status.GREEN: 'green'>
        >>> describe(rule)
        'Grönt: inom 3 månader, Rött: efter 3 månader'
    """

    within: relativedelta = attrs.field(converter=_within)

    def deadline(self, start: dt.date) -> dt.date:
        """The last day that still counts as within the limit.

        Raises:
            ThresholdError: when that day is past the calendar's end (year 9999).
        """
        try:
            result: dt.date = start + self.within
        except (ValueError, OverflowError):
            raise ThresholdError(
                f"Duration: {self.within!r} after {start} is past the end of the calendar"
            ) from None
        return result

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge a ``(start, end)`` pair, a ``timedelta`` or a ``relativedelta`` against the limit.

        A ``relativedelta`` is judged when the answer holds for every start date ("2 months
        10 days" is within "3 months"); otherwise ``ThresholdError`` asks for the dates.
        """
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
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
            return Assessment(status, value, self, _REASON[status])
        if isinstance(value, relativedelta):
            status = self._compare_relative(value)
            return Assessment(status, value, self, _REASON[status])
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
                return Assessment(Status.RED, pair, self, Reason.LATE)
            return Assessment(Status.NOT_ASSESSED, pair, self, Reason.PENDING)
        if end <= limit:
            return Assessment(Status.GREEN, pair, self, Reason.WITHIN)
        return Assessment(Status.RED, pair, self, Reason.LATE)

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
            rd = _within(value, "Duration")
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


_REASON = {Status.GREEN: Reason.WITHIN, Status.RED: Reason.LATE}


def _limit_words(limit: relativedelta, locale: str) -> str:
    months, days = _months(limit), int(limit.days)
    parts = []
    if months:
        parts.append(ntext("duration.months", months, locale))
    if days or not parts:
        parts.append(ntext("duration.days", days, locale))
    said = parts[0]
    for more in parts[1:]:
        said = text("words.and", locale, first=said, second=more)
    return said


def describe_duration(rule: Duration, locale: str) -> str:
    """The rule in plan language, e.g. "Grönt: inom 3 månader, Rött: efter 3 månader"."""
    limit = _limit_words(rule.within, locale)
    return _text.rule_text(
        [
            (Status.GREEN, text("duration.describe.within", locale, limit=limit)),
            (Status.RED, text("duration.describe.after", locale, limit=limit)),
        ],
        locale,
    )


def explain_duration(a: Assessment, locale: str) -> str:
    """Why, in words, e.g. "15 januari 2019 – 15 april 2019: inom 3 månader → Grönt"."""
    rule: Duration = a.threshold  # type: ignore[assignment]
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=a.status.label(locale))
    if isinstance(a.value, dt.timedelta):
        lead = ntext("duration.days", a.value.days, locale)
    elif isinstance(a.value, relativedelta):
        lead = _limit_words(a.value, locale)
    else:
        start, end = a.value
        lead = text(
            "duration.explain.span",
            locale,
            start=start,
            end=end if end else text("duration.explain.ongoing", locale),
        )
    return text(
        f"duration.explain.{a.reason.value}",
        locale,
        lead=lead,
        limit=_limit_words(rule.within, locale),
        status=a.status.label(locale),
    )


def duration_strategy(st: ModuleType) -> Any:
    """Valid limits in months or days."""
    return st.one_of(
        st.integers(1, 24).map(lambda n: Duration(relativedelta(months=n))),
        st.integers(1, 365).map(lambda n: Duration(relativedelta(days=n))),
    )


def duration_values(st: ModuleType, rule: Duration) -> Any:
    """``(start, end)`` pairs of dates."""
    start = st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31))
    return st.tuples(start, st.integers(0, 800)).map(
        lambda p: (p[0], p[0] + dt.timedelta(days=p[1]))
    )


def duration_kernel(rule: Duration, context: Context) -> Kernel:
    """A number of days (what a frame's value column can hold) against a limit in days.

    Green below the limit's next whole day, as a ``timedelta`` is judged by its whole days.
    A limit in months depends on the start date, which a number of days does not hold.
    """
    if _months(rule.within):
        raise failure(ThresholdError, "frames.duration_months", "Duration.within")
    after = Decimal(int(rule.within.days) + 1)
    return Kernel(
        measure=Value(),
        cases=(
            Case(Interval(Decimal(0), after, lower_closed=True), Status.GREEN, Reason.WITHIN),
            Case(Interval.at_least(after), Status.RED, Reason.LATE),
        ),
    )


DURATION = register(
    Family(
        type=Duration,
        tag="duration",
        describe=describe_duration,
        explain=explain_duration,
        strategy=duration_strategy,
        values=duration_values,
        contexts=dated_contexts,
        kernel=duration_kernel,
    )
)
