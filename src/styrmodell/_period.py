"""Periods that outcomes and baselines are measured over.

Swedish terms: *år* / *helår* (a calendar year), *delår* (the interim report period, january to
august), *tertial* (four months: T1 jan–apr, T2 maj–aug, T3 sep–dec), *kvartal* (Q1..Q4),
*månad* and month ranges as the plans write them ("jan-okt 2022", "nov 2022").
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from typing import Any

import attrs

from styrmodell._errors import ParseError, PlanError, StyrmodellError
from styrmodell._fields import FieldError
from styrmodell._locale import language
from styrmodell._messages import failure

__all__ = ["Period", "PeriodKind"]


class PeriodKind(enum.Enum):
    """What kind of period a :class:`Period` is; decides its label.

    Two periods with the same months but a different kind (``Period.delar(2022)`` and
    ``Period.months(2022, 1, 8)``) cover the same dates but are different periods: a plan's
    "Delår 2022" is a reporting occasion, "jan-aug 2022" is just a range of months.
    """

    YEAR = "year"
    DELAR = "delar"
    TERTIAL = "tertial"
    QUARTER = "quarter"
    MONTHS = "months"
    MONTH = "month"

    @property
    def rank(self) -> int:
        """A fixed order among kinds, used only to order periods with identical months."""
        return _KIND_RANK[self]


_KIND_RANK = {kind: i for i, kind in enumerate(PeriodKind)}

_MONTHS_SV = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_SV = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_FULL_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBER: dict[str, int] = {}
for _names in (_MONTHS_SV, _MONTHS_EN, _FULL_SV, _FULL_EN):
    for _i, _name in enumerate(_names, start=1):
        _MONTH_NUMBER[_name.lower()] = _i
_MONTH_NUMBER.update({"sept": 9, "mars": 3})

_MIN_YEAR = 1000
_MAX_YEAR = 9999


def _check_year(instance: Any, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanError(f"Period.{attribute.name}: expected a year as int, got {value!r}")
    if not _MIN_YEAR <= value <= _MAX_YEAR:
        raise PlanError(
            f"Period.{attribute.name}: expected a year between {_MIN_YEAR} and {_MAX_YEAR}, "
            f"got {value!r}"
        )


def _check_month(instance: Any, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise PlanError(f"Period.{attribute.name}: expected a month number 1..12, got {value!r}")


def _default_kind(self: Period) -> PeriodKind:
    if (self.first_month, self.last_month) == (1, 12):
        return PeriodKind.YEAR
    if self.first_month == self.last_month:
        return PeriodKind.MONTH
    return PeriodKind.MONTHS


def _kind(value: object) -> PeriodKind:
    if isinstance(value, PeriodKind):
        return value
    if isinstance(value, str):
        try:
            return PeriodKind(value)
        except ValueError:
            pass
    raise PlanError(
        f"Period.kind: expected a PeriodKind or one of "
        f"{[k.value for k in PeriodKind]}, got {value!r}"
    )


@attrs.frozen(order=True)
class Period:
    """A span of whole months within one calendar year.

    Build periods with the named constructors (:meth:`year`, :meth:`months`, :meth:`delar`,
    :meth:`tertial`, :meth:`quarter`, :meth:`month`) or parse a plan's label with
    :meth:`parse`. Periods are hashable and ordered by year, then first month, then last
    month, so a year sorts before its own months.

    Attributes:
        calendar_year: The year, e.g. 2022.
        first_month: The first month (1 = january).
        last_month: The last month, inclusive.
        kind: What kind of period this is (decides its label); by default a full year,
            a single month or a month range, inferred from the months.

    Raises:
        PlanError: for a year or month out of range, reversed months, or a kind that
            does not fit the months (a delår is january–august, a tertial four months...).

    Example:
        >>> Period.parse("jan-okt 2022") == Period.months(2022, 1, 10)
        True
        >>> Period.delar(2022).end
        datetime.date(2022, 8, 31)
        >>> Period.tertial(2023, 1).label("en")
        'T1 2023'
    """

    calendar_year: int = attrs.field(validator=_check_year)
    first_month: int = attrs.field(default=1, validator=_check_month)
    last_month: int = attrs.field(default=12, validator=_check_month)
    kind: PeriodKind = attrs.field(
        default=attrs.Factory(_default_kind, takes_self=True),
        converter=_kind,
        order=lambda kind: kind.rank,
    )

    def __attrs_post_init__(self) -> None:
        if self.first_month > self.last_month:
            raise PlanError(
                f"Period: first month {self.first_month} is after last month "
                f"{self.last_month} in {self.calendar_year}"
            )
        months = (self.first_month, self.last_month)
        ok = {
            PeriodKind.YEAR: months == (1, 12),
            PeriodKind.DELAR: months == (1, 8),
            PeriodKind.TERTIAL: months in ((1, 4), (5, 8), (9, 12)),
            PeriodKind.QUARTER: months in ((1, 3), (4, 6), (7, 9), (10, 12)),
            PeriodKind.MONTH: self.first_month == self.last_month,
            PeriodKind.MONTHS: True,
        }[self.kind]
        if not ok:
            raise PlanError(
                f"Period: months {self.first_month}..{self.last_month} do not make a "
                f"{self.kind.value} in {self.calendar_year}"
            )

    # -- named constructors -------------------------------------------------------------

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year, "2023" (also *helår*, *bokslut*).

        The same year gives the same (immutable) object, so a collection of outcomes holds
        one ``Period`` per year instead of one per outcome.
        """
        if cls is Period and type(year) is int:
            found = _YEARS.get(year)
            if found is None:
                found = _YEARS[year] = cls(year, 1, 12, PeriodKind.YEAR)
            return found
        return cls(year, 1, 12, PeriodKind.YEAR)

    @classmethod
    def months(cls, year: int, first: int, last: int) -> Period:
        """The months *first*..*last* (inclusive) of *year*.

        Example:
            >>> Period.months(2022, 1, 10).label()
            'jan-okt 2022'
        """
        return cls(year, first, last, PeriodKind.MONTHS)

    @classmethod
    def delar(cls, year: int) -> Period:
        """The delår (interim report period) january–august of *year*: "Delår 2022"."""
        return cls(year, 1, 8, PeriodKind.DELAR)

    @classmethod
    def tertial(cls, year: int, number: int) -> Period:
        """Tertial 1, 2 or 3 of *year* (jan–apr, maj–aug, sep–dec): "T1 2023"."""
        if isinstance(number, bool) or number not in (1, 2, 3):
            raise PlanError(f"Period.tertial: expected tertial 1, 2 or 3, got {number!r}")
        first = 4 * (number - 1) + 1
        return cls(year, first, first + 3, PeriodKind.TERTIAL)

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        """Quarter 1..4 of *year*: "Q2 2023" (april–june)."""
        if isinstance(number, bool) or number not in (1, 2, 3, 4):
            raise PlanError(f"Period.quarter: expected quarter 1..4, got {number!r}")
        first = 3 * (number - 1) + 1
        return cls(year, first, first + 2, PeriodKind.QUARTER)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """A single month: ``month(2022, 11)`` is "nov 2022"."""
        return cls(year, month, month, PeriodKind.MONTH)

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse a period label as the plans write it.

        Accepted: "2022", "Helår 2022", "Bokslut 2022", "jan-okt 2022" (any case, hyphen or
        en dash, Swedish or English month names), "nov 2022", "november 2022", "Delår 2022",
        "T1 2023", "Tertial 1 2023", "Q2 2023", "Kvartal 2 2023", and the ISO month "2022-11".

        Raises:
            ParseError: naming the text, for anything else.

        Example:
            >>> Period.parse("Delår 2022") == Period.delar(2022)
            True
        """
        if not isinstance(text, str):
            raise ParseError(f"Period.parse: expected a period label as str, got {text!r}")
        norm = " ".join(text.replace("\u2013", "-").replace("\u2212", "-").split()).lower()
        try:
            period = _parse(norm)
        except StyrmodellError as exc:
            raise ParseError(f"Period.parse: {text!r} is not a valid period ({exc})") from None
        if period is None:
            raise ParseError(
                f"Period.parse: cannot read {text!r} as a period; expected e.g. '2022', "
                "'jan-okt 2022', 'nov 2022', 'Delår 2022', 'T1 2023' or 'Q2 2023'"
            )
        return period

    # -- dates and relations ------------------------------------------------------------

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        return dt.date(self.calendar_year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        last_day = calendar.monthrange(self.calendar_year, self.last_month)[1]
        return dt.date(self.calendar_year, self.last_month, last_day)

    @property
    def month_count(self) -> int:
        """How many months the period spans (12 for a year, 8 for a delår)."""
        return self.last_month - self.first_month + 1

    @property
    def is_full_year(self) -> bool:
        """True when the period covers january to december."""
        return (self.first_month, self.last_month) == (1, 12)

    def __contains__(self, day: object) -> bool:
        """Whether a date falls within the period."""
        if isinstance(day, dt.datetime):
            day = day.date()
        if not isinstance(day, dt.date):
            return False
        return self.start <= day <= self.end

    def shifted(self, years: int) -> Period:
        """The same months in another year: ``Period.delar(2023).shifted(-1)`` is "Delår 2022"."""
        return attrs.evolve(self, calendar_year=self.calendar_year + years)

    # -- text ---------------------------------------------------------------------------

    def label(self, locale: str = "sv") -> str:
        """The period as a plan writes it: "2022", "jan-okt 2022", "Delår 2022", "nov 2022".

        English labels: "2022", "Jan-Oct 2022", "Interim 2022", "Nov 2022", "T1 2023",
        "Q2 2023". :meth:`parse` reads every label back.
        """
        sv = language(locale) == "sv"
        year = self.calendar_year
        names = _MONTHS_SV if sv else _MONTHS_EN
        if self.kind is PeriodKind.YEAR:
            return str(year)
        if self.kind is PeriodKind.DELAR:
            return f"Delår {year}" if sv else f"Interim {year}"
        if self.kind is PeriodKind.TERTIAL:
            return f"T{(self.first_month - 1) // 4 + 1} {year}"
        if self.kind is PeriodKind.QUARTER:
            return f"Q{(self.first_month - 1) // 3 + 1} {year}"
        if self.kind is PeriodKind.MONTH:
            return f"{names[self.first_month - 1]} {year}"
        return f"{names[self.first_month - 1]}-{names[self.last_month - 1]} {year}"

    def __str__(self) -> str:
        return self.label("sv")


_MONTH_WORD = r"([a-zåäö]+)\.?"
_RE_YEAR = re.compile(r"(?:(?:helår|bokslut|år|year|full year|annual)\s+)?(\d{4})")
_RE_DELAR = re.compile(r"(?:delår|delårsrapport|delarsrapport|delar|interim)\s*:?\s*(\d{4})")
_RE_TERTIAL = re.compile(r"(?:t|tertial\s*)(\d)\s*(\d{4})|(\d{4})\s*-?\s*t(\d)")
_RE_QUARTER = re.compile(r"(?:q|kvartal\s*|quarter\s*)(\d)\s*(\d{4})|(\d{4})\s*-?\s*q(\d)")
_RE_RANGE = re.compile(_MONTH_WORD + r"\s*-\s*" + _MONTH_WORD + r"\s+(\d{4})")
_RE_MONTH = re.compile(_MONTH_WORD + r"\s+(\d{4})")
_RE_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _month(word: str) -> int:
    try:
        return _MONTH_NUMBER[word]
    except KeyError:
        raise PlanError(f"unknown month {word!r}") from None


def _parse(norm: str) -> Period | None:
    if m := _RE_YEAR.fullmatch(norm):
        return Period.year(int(m[1]))
    if m := _RE_DELAR.fullmatch(norm):
        return Period.delar(int(m[1]))
    if m := _RE_TERTIAL.fullmatch(norm):
        number, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        return Period.tertial(int(year), int(number))
    if m := _RE_QUARTER.fullmatch(norm):
        number, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        return Period.quarter(int(year), int(number))
    if m := _RE_RANGE.fullmatch(norm):
        return Period.months(int(m[3]), _month(m[1]), _month(m[2]))
    if m := _RE_MONTH.fullmatch(norm):
        return Period.month(int(m[2]), _month(m[1]))
    if m := _RE_ISO_MONTH.fullmatch(norm):
        return Period.month(int(m[1]), int(m[2]))
    return None


_YEARS: dict[int, Period] = {}
"""``Period.year`` of each year asked for (periods are immutable; the years are few)."""


def as_period(value: object, at: str = "value") -> Period:
    """A :class:`Period` from itself, a year (``2022``) or a label (a field converter).

    Labels are what :meth:`Period.parse` reads: ``"Delår 2022"``, ``"jan-okt 2022"``,
    ``"T1 2023"``...

    Examples:
        >>> as_period(2022) == Period.year(2022)
        True
    """
    if type(value) is Period:
        return value
    if type(value) is int:
        if 1 <= value <= 9999:
            return Period.year(value)
    elif isinstance(value, str) and len(value) <= 100:
        try:
            return Period.parse(value)
        except StyrmodellError:
            pass
    elif isinstance(value, Period):
        return value
    raise failure(FieldError, "field.expected_period", at, value=value)


def as_optional_period(value: object, at: str = "value") -> Period | None:
    """A :class:`Period` or ``None`` (a field converter)."""
    return None if value is None else as_period(value, at)
