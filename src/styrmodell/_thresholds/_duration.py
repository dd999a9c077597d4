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
        """Judge a ``(start, end)`` pair (or a ``timedelta``) against the limit."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        if isinstance(value, dt.timedelta):
            if self.within.months:
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
        if not (isinstance(value, Sequence) and len(value) == 2):
            raise ThresholdError(
                f"Duration: expected a (start, end) pair of dates or a timedelta, got {value!r}"
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

    def _limit_text(self, locale: str) -> str:
        sv = language(locale) == "sv"
        parts = []
        if self.within.months:
            n = self.within.months
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
