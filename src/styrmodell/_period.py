"""Periods that outcomes and baselines are measured over.

Swedish terms: *år* / *helår* (a calendar year), *delår* (the interim report period, january to
august), *tertial* (four months: T1 jan–apr, T2 maj–aug, T3 sep–dec), *kvartal* (Q1..Q4),
*månad* and month ranges as the plans write them ("jan-okt 2022", "nov 2022").
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from typing import NamedTuple

import attrs

from styrmodell._errors import ParseError, PlanError, StyrmodellError
from styrmodell._fields import FieldError, Fields, choice
from styrmodell._messages import failure, text

__all__ = ["MAX_LABEL", "Period", "PeriodKind", "as_year", "month_number"]


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


def as_period_kind(value: object, at: str = "value") -> PeriodKind:
    """A :class:`PeriodKind` from the member, its value or its name (a field converter)."""
    return choice(PeriodKind, value, at)


_KIND_RANK = {kind: i for i, kind in enumerate(PeriodKind)}

# -- reading vocabulary --------------------------------------------------------------------
# The month names the plans write, in Swedish and English, as Period.parse and
# Frequency.parse read them. This is vocabulary for reading, not wording for people (labels
# come from the message catalogs), and this is its one place.
_MONTH_NAMES = (
    ("jan", "januari", "january"),
    ("feb", "februari", "february"),
    ("mar", "mars", "march"),
    ("apr", "april"),
    ("maj", "may"),
    ("jun", "juni", "june"),
    ("jul", "juli", "july"),
    ("aug", "augusti", "august"),
    ("sep", "sept", "september"),
    ("okt", "oct", "oktober", "october"),
    ("nov", "november"),
    ("dec", "december"),
)
_MONTH_NUMBER = {word: i for i, words in enumerate(_MONTH_NAMES, start=1) for word in words}


def month_number(word: str) -> int | None:
    """The month (1–12) a plan's month word names ("okt", "oktober", "Oct"), else ``None``.

    Examples:
        >>> month_number("Augusti"), month_number("sept"), month_number("vår")
        (8, 9, None)
    """
    return _MONTH_NUMBER.get(word.lower())


_MIN_YEAR = 1000
_MAX_YEAR = 9999

F = Fields(PlanError)


def as_year(value: object, at: str = "value") -> int:
    """*value* if it is a year 1000–9999 as int (the years a period, a plan may have)."""
    if type(value) is int and _MIN_YEAR <= value <= _MAX_YEAR:
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise failure(PlanError, "period.expected_year", at, value=value)
    raise failure(
        PlanError, "period.year_out_of_range", at, value=value, low=_MIN_YEAR, high=_MAX_YEAR
    )


def _as_month(value: object, at: str = "value") -> int:
    if type(value) is int and 1 <= value <= 12:
        return value
    raise failure(PlanError, "period.expected_month", at, value=value)


def _default_kind(self: Period) -> PeriodKind:
    if (self.first_month, self.last_month) == (1, 12):
        return PeriodKind.YEAR
    if self.first_month == self.last_month:
        return PeriodKind.MONTH
    return PeriodKind.MONTHS


_FITS = {
    PeriodKind.YEAR: frozenset({(1, 12)}),
    PeriodKind.DELAR: frozenset({(1, 8)}),
    PeriodKind.TERTIAL: frozenset({(1, 4), (5, 8), (9, 12)}),
    PeriodKind.QUARTER: frozenset({(1, 3), (4, 6), (7, 9), (10, 12)}),
}
"""The months each fixed kind may span (MONTH: one month; MONTHS: any range)."""


@attrs.frozen(order=True, cache_hash=True, field_transformer=F.locate)
class Period:
    """A span of whole months within one calendar year.

    Build periods with the named constructors (:meth:`year`, :meth:`months`, :meth:`delar`,
    :meth:`tertial`, :meth:`quarter`, :meth:`month`) or parse a plan's label with
    :meth:`parse`. Periods are hashable and ordered by year, then first month, then last
    month, so a year sorts before its own months. A period is a key of many look-ups (every
    outcome has one), so its hash is computed once.

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

    calendar_year: int = attrs.field(converter=as_year)
    first_month: int = attrs.field(default=1, converter=_as_month)
    last_month: int = attrs.field(default=12, converter=_as_month)
    kind: PeriodKind = attrs.field(
        default=attrs.Factory(_default_kind, takes_self=True),
        converter=as_period_kind,
        order=lambda kind: kind.rank,
    )

    def __attrs_post_init__(self) -> None:
        first, last, kind = self.first_month, self.last_month, self.kind
        if first > last:
            raise failure(
                PlanError,
                "period.reversed",
                "Period",
                first=first,
                last=last,
                year=self.calendar_year,
            )
        fits = _FITS.get(kind)
        if (fits is not None and (first, last) not in fits) or (
            kind is PeriodKind.MONTH and first != last
        ):
            raise failure(
                PlanError,
                "period.kind_mismatch",
                "Period",
                first=first,
                last=last,
                kind=kind.value,
                year=self.calendar_year,
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
            raise failure(PlanError, "period.expected_tertial", "Period.tertial", value=number)
        first = 4 * (number - 1) + 1
        return cls(year, first, first + 3, PeriodKind.TERTIAL)

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        """Quarter 1..4 of *year*: "Q2 2023" (april–june)."""
        if isinstance(number, bool) or number not in (1, 2, 3, 4):
            raise failure(PlanError, "period.expected_quarter", "Period.quarter", value=number)
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
        Reading takes time linear in the text; a label is short, so text longer than
        :data:`MAX_LABEL` characters is refused at once.

        Raises:
            ParseError: naming the text, for anything else.

        Example:
            >>> Period.parse("Delår 2022") == Period.delar(2022)
            True
        """
        if not isinstance(text, str):
            raise failure(ParseError, "period.parse_expected_text", "Period.parse", value=text)
        if len(text) > MAX_LABEL:
            raise failure(ParseError, "period.parse_unreadable", "Period.parse", value=text)
        return _parse_label(text)

    # -- dates and relations ------------------------------------------------------------

    # start and end are computed, not cached: a cached_property on a slotted attrs class
    # adds a __getattr__ hook that makes every attribute look-up of a Period three times
    # slower (measured), and a Period is read far more often than its dates are.

    @property
    def start(self) -> dt.date:
        """The first day of the period."""
        return dt.date(self.calendar_year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the period (inclusive)."""
        return _end(self.calendar_year, self.last_month)

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
        "Q2 2023". The words come from the message catalogs; :meth:`parse` reads every
        Swedish and English label back.
        """
        return _label(self, locale)

    def __str__(self) -> str:
        return _label(self, "sv")


@functools.lru_cache(maxsize=4096)
def _end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)  # not from 1 January of the next year: 9999 is the last
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


MAX_LABEL = 40
"""The longest text :meth:`Period.parse` tries to read ("Delårsrapport: 2022" is 18)."""


@functools.lru_cache(maxsize=4096)
def _label(period: Period, locale: str) -> str:
    year = period.calendar_year
    kind = period.kind
    if kind is PeriodKind.YEAR:
        return text("period.label.year", locale, year=year)
    if kind is PeriodKind.DELAR:
        return text("period.label.delar", locale, year=year)
    if kind is PeriodKind.TERTIAL:
        number = (period.first_month - 1) // 4 + 1
        return text("period.label.tertial", locale, number=number, year=year)
    if kind is PeriodKind.QUARTER:
        number = (period.first_month - 1) // 3 + 1
        return text("period.label.quarter", locale, number=number, year=year)
    first = text(f"month.short.{period.first_month}", locale)
    if kind is PeriodKind.MONTH:
        return text("period.label.month", locale, month=first, year=year)
    last = text(f"month.short.{period.last_month}", locale)
    return text("period.label.months", locale, first=first, last=last, year=year)


class _Patterns(NamedTuple):
    year: re.Pattern[str]
    delar: re.Pattern[str]
    tertial: re.Pattern[str]
    quarter: re.Pattern[str]
    range: re.Pattern[str]
    month: re.Pattern[str]
    iso_month: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    # Compiled on first use (import stays cheap). Each is matched whole against the
    # normalised, bounded label, so each runs in time linear in the text.
    word = r"([a-zåäö]+)\.?"
    return _Patterns(
        *(
            re.compile(pattern, re.ASCII)
            for pattern in (
                r"(?:(?:helår|bokslut|år|year|full year|annual) )?(\d{4})",
                r"(?:delår|delårsrapport|delarsrapport|delar|interim) ?:? ?(\d{4})",
                r"(?:t|tertial ?)(\d) ?(\d{4})|(\d{4}) ?-? ?t(\d)",
                r"(?:q|kvartal ?|quarter ?)(\d) ?(\d{4})|(\d{4}) ?-? ?q(\d)",
                word + r" ?- ?" + word + r" (\d{4})",
                word + r" (\d{4})",
                r"(\d{4})-(\d{2})",
            )
        )
    )


@functools.lru_cache(maxsize=1024)
def _parse_label(text: str) -> Period:
    # A file of outcomes repeats its few labels on every row: each is read once.
    norm = " ".join(text.replace("\u2013", "-").replace("\u2212", "-").split()).lower()
    return _parse(norm, text)


def _parse(norm: str, original: str) -> Period:
    def bad(code: str, **params: object) -> ParseError:
        return failure(ParseError, code, "Period.parse", value=original, **params)

    def year_of(digits: str) -> int:
        year = int(digits)  # four digits
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise bad("period.parse_bad_year", low=_MIN_YEAR, high=_MAX_YEAR)
        return year

    def month_of(word: str) -> int:
        number = month_number(word)
        if number is None:
            raise bad("period.parse_unknown_month", month=repr(word))
        return number

    patterns = _patterns()
    if m := patterns.year.fullmatch(norm):
        return Period.year(year_of(m[1]))
    if m := patterns.delar.fullmatch(norm):
        return Period.delar(year_of(m[1]))
    if m := patterns.tertial.fullmatch(norm):
        number, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        if number not in "123":
            raise bad("period.parse_bad_tertial", number=number)
        return Period.tertial(year_of(year), int(number))
    if m := patterns.quarter.fullmatch(norm):
        number, year = (m[1], m[2]) if m[1] else (m[4], m[3])
        if number not in "1234":
            raise bad("period.parse_bad_quarter", number=number)
        return Period.quarter(year_of(year), int(number))
    if m := patterns.range.fullmatch(norm):
        first, last = month_of(m[1]), month_of(m[2])
        if first > last:
            raise bad("period.parse_reversed", first=m[1], last=m[2])
        return Period.months(year_of(m[3]), first, last)
    if m := patterns.month.fullmatch(norm):
        return Period.month(year_of(m[2]), month_of(m[1]))
    if m := patterns.iso_month.fullmatch(norm):
        month = int(m[2])
        if not 1 <= month <= 12:
            raise bad("period.parse_bad_month", number=m[2])
        return Period.month(year_of(m[1]), month)
    raise bad("period.parse_unreadable")


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
