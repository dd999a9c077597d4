"""Swedish public holidays, working days and how a deadline moves off a non-working day.

Swedish terms: *allmän helgdag* (public holiday, lagen (1989:253) om allmänna helgdagar),
*helgdagsafton* (eve: midsommarafton, julafton, nyårsafton — not public holidays by law but
commonly treated as non-working in kommuner), *arbetsdag* / *vardag* (working day),
*klämdag* (a bridge day some employers close).

Everything is computed from rules with :func:`dateutil.easter.easter` and
:class:`dateutil.relativedelta.relativedelta`; no table of dates is stored. The rules hold from
1953 (when midsommardagen and alla helgons dag became Saturdays); annandag pingst was a public
holiday up to 2004 and Sveriges nationaldag from 2005.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

import attrs
from dateutil.easter import easter
from dateutil.relativedelta import FR, SA, SU, relativedelta

from styrmodell._errors import CalendarError
from styrmodell._fields import Fields, as_flag, choice
from styrmodell._frozenmap import FrozenMap
from styrmodell._messages import failure, text

__all__ = ["FIRST_YEAR", "Shift", "WorkingDays", "check_day"]

FIRST_YEAR = 1953
"""The first year the holiday rules here describe (midsommardagen on a Saturday)."""

LAST_YEAR_OF_MARIE_BEBADELSEDAG = 1989
"""Jungfru Marie bebådelsedag was a public holiday (on a Sunday) up to this year."""

_EVES = frozenset({"midsommarafton", "julafton", "nyarsafton"})
# Each key names its holiday in the catalogs as "holiday.<key>".

_WEEK = dt.timedelta(days=7)


@functools.lru_cache(maxsize=512)
def _holiday_keys(year: int) -> tuple[tuple[dt.date, str], ...]:
    """(date, key) of every public holiday and eve of *year*, sorted by date.

    Two holidays can fall on one date (Kristi himmelsfärdsdag on första maj in 2008).
    """
    e = easter(year)
    days = [
        (dt.date(year, 1, 1), "nyarsdagen"),
        (dt.date(year, 1, 6), "trettondedag_jul"),
        (e + relativedelta(days=-2), "langfredagen"),
        (e, "paskdagen"),
        (e + relativedelta(days=+1), "annandag_pask"),
        (dt.date(year, 5, 1), "forsta_maj"),
        (e + relativedelta(days=+39), "kristi_himmelsfardsdag"),
        (e + relativedelta(days=+49), "pingstdagen"),
        # The Saturday of 20–26 June, the Saturday of 31 October – 6 November.
        (dt.date(year, 6, 20) + relativedelta(weekday=SA(+1)), "midsommardagen"),
        (dt.date(year, 10, 31) + relativedelta(weekday=SA(+1)), "alla_helgons_dag"),
        (dt.date(year, 12, 25), "juldagen"),
        (dt.date(year, 12, 26), "annandag_jul"),
        # Eves: the Friday of 19–25 June, 24 and 31 December.
        (dt.date(year, 6, 19) + relativedelta(weekday=FR(+1)), "midsommarafton"),
        (dt.date(year, 12, 24), "julafton"),
        (dt.date(year, 12, 31), "nyarsafton"),
    ]
    if year >= 2005:
        days.append((dt.date(year, 6, 6), "nationaldagen"))
    else:
        days.append((e + relativedelta(days=+50), "annandag_pingst"))
    if year <= LAST_YEAR_OF_MARIE_BEBADELSEDAG:
        # The Sunday of 22–28 March; when that Sunday is palmsöndagen or påskdagen, the
        # Sunday before palmsöndagen (lagen (1952:48) om allmänna helgdagar).
        sunday = dt.date(year, 3, 22) + relativedelta(weekday=SU(+1))
        if sunday in (e, e - _WEEK):
            sunday = e - 2 * _WEEK
        days.append((sunday, "marie_bebadelsedag"))
    return tuple(sorted(days))


@functools.lru_cache(maxsize=512)
def _non_working(year: int, eves: bool) -> frozenset[dt.date]:
    return frozenset(d for d, key in _holiday_keys(year) if eves or key not in _EVES)


_BACK = dt.timedelta(days=-1)
_FORWARD = dt.timedelta(days=1)


class Shift(enum.Enum):
    """How a deadline that falls on a non-working day moves.

    ``PREVIOUS`` suits a deadline ("senast den 15 april": hand it in the working day before),
    ``NEXT`` a meeting that is postponed, ``NONE`` keeps the date as planned.

    Examples:
        >>> import datetime as dt
        >>> WorkingDays().shift(dt.date(2024, 12, 25), Shift.PREVIOUS)
        datetime.date(2024, 12, 24)
    """

    NONE = "none"
    PREVIOUS = "previous"
    NEXT = "next"

    def label(self, locale: str = "sv") -> str:
        """The policy for people: "närmast föregående arbetsdag" (sv), "previous working day".

        Examples:
            >>> Shift.NEXT.label("en")
            'next working day'
        """
        return text(f"shift.{self.value}", locale)


def as_shift(value: object, at: str = "value") -> Shift:
    """A :class:`Shift` from the member, its value or its name (a field converter)."""
    return choice(Shift, value, at)


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999:
        raise failure(CalendarError, "calendar.expected_year", "year", value=year, first=FIRST_YEAR)
    return year


def check_day(value: object, at: str = "value") -> dt.date:
    """*value* if it is a :class:`datetime.date` (not a datetime) of the years 1953–9999.

    For arguments of queries (``is_working_day(day)``); fields of values take ISO text too
    (:func:`as_day`).
    """
    if type(value) is dt.date and value.year >= FIRST_YEAR:  # the common case, fast
        return value
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise failure(CalendarError, "calendar.expected_date", at, value=value)
    _check_year(value.year)
    return value


F = Fields(CalendarError)


def as_day(value: object, at: str = "value") -> dt.date:
    """The field toolkit's date (a date, a datetime's date, ISO text), in the years 1953–9999."""
    if type(value) is dt.date and value.year >= FIRST_YEAR:  # the common case, fast
        return value
    day = F.as_date(value, at)
    if day.year < FIRST_YEAR:
        raise failure(CalendarError, "calendar.date_too_early", at, value=value, first=FIRST_YEAR)
    return day


def _as_closed(value: object, at: str = "value") -> tuple[dt.date, ...]:
    if isinstance(value, str | bytes | dt.date):
        raise failure(CalendarError, "calendar.expected_dates", at, value=value)
    try:
        items = list(value)  # type: ignore[call-overload]
    except TypeError:
        raise failure(CalendarError, "calendar.expected_dates", at, value=value) from None
    return tuple(sorted({as_day(v, f"{at}[{i}]") for i, v in enumerate(items)}))


def _as_max_shift(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 366:
        raise failure(CalendarError, "calendar.expected_max_shift", at, value=value)
    return value


@attrs.frozen(field_transformer=F.locate)
class WorkingDays:
    """Which days are working days (arbetsdagar): Monday–Friday minus Swedish public holidays.

    Attributes:
        eves: treat midsommarafton, julafton and nyårsafton as non-working too. They are no
            public holidays by law, but most kommuner keep their offices closed (or nearly
            so) on them, so a deadline on julafton is in practice no deadline at all.
        closed: further non-working dates of your organisation (klämdagar, a closed week).
        max_shift: the most calendar days a deadline may move off a non-working day. The
            longest run of non-working days in Sweden is five (Wednesday julafton to the
            Sunday after, with ``eves``), so the default of 7 only fails when ``closed``
            makes a longer run; then :meth:`shift` raises rather than move a deadline by
            weeks without saying so.

    Examples:
        >>> import datetime as dt
        >>> days = WorkingDays(eves=True)
        >>> days.is_working_day(dt.date(2024, 6, 21))  # midsommarafton
        False
        >>> WorkingDays().is_working_day(dt.date(2024, 6, 21))
        True
        >>> days.shift(dt.date(2024, 12, 25), Shift.PREVIOUS)
        datetime.date(2024, 12, 23)
    """

    eves: bool = attrs.field(default=False, converter=as_flag)
    closed: tuple[dt.date, ...] = attrs.field(default=(), converter=_as_closed)
    max_shift: int = attrs.field(default=7, converter=_as_max_shift)

    def holidays(self, year: int, locale: str = "sv") -> FrozenMap[dt.date, str]:
        """The public holidays of *year* (and the eves, with ``eves=True``), date → name.

        Two holidays on one date share it: ``"Första maj, Kristi himmelsfärdsdag"`` (2008).
        Dates in ``closed`` are not included: they are no holidays. Names come from the
        message catalogs: Swedish by default ("Kristi himmelsfärdsdag"), English with
        ``locale="en"``. Up to 1989 the list holds Jungfru Marie bebådelsedag, a Sunday.

        Examples:
            >>> WorkingDays().holidays(2024)[dt.date(2024, 5, 9)]
            'Kristi himmelsfärdsdag'
            >>> WorkingDays().holidays(1970, "en")[dt.date(1970, 3, 15)]
            'Feast of the Annunciation'
        """
        _check_year(year)
        names: dict[dt.date, list[str]] = {}
        for day, key in _holiday_keys(year):
            if self.eves or key not in _EVES:
                names.setdefault(day, []).append(text(f"holiday.{key}", locale))
        return FrozenMap({day: ", ".join(n) for day, n in names.items()})

    def holiday_name(self, day: dt.date, locale: str = "sv") -> str | None:
        """The name of the holiday (or eve, with ``eves=True``) on *day*, else ``None``."""
        check_day(day, "day")
        return self.holidays(day.year, locale).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """True for a weekday that is no public holiday, no eve (with ``eves``), not closed."""
        return self._works(check_day(day, "day"))

    def _works(self, day: dt.date) -> bool:
        if day.weekday() >= 5 or (self.closed and day in self.closed):
            return False
        return day not in _non_working(day.year, self.eves)

    def shift(self, day: dt.date, policy: Shift) -> dt.date:
        """Move *day* to a working day by *policy*; a working day stays where it is.

        Raises:
            CalendarError: if reaching a working day would take more than ``max_shift``
                days (only possible with a long run of ``closed`` dates).
        """
        check_day(day, "day")
        if not isinstance(policy, Shift):
            raise failure(CalendarError, "calendar.expected_shift", "policy", value=policy)
        if policy is Shift.NONE or self._works(day):
            return day
        step = _BACK if policy is Shift.PREVIOUS else _FORWARD
        moved = day
        for _ in range(self.max_shift):
            try:
                moved += step
            except OverflowError:
                moved = dt.date.min
            if moved.year < FIRST_YEAR:
                raise failure(
                    CalendarError,
                    f"calendar.shift_outside.{policy.value}",
                    day=day.isoformat(),
                    first=FIRST_YEAR,
                )
            if self._works(moved):
                return moved
        raise failure(
            CalendarError,
            f"calendar.shift_too_far.{policy.value}",
            day=day.isoformat(),
            days=self.max_shift,
        )

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after *day*."""
        if check_day(day, "day") == dt.date.max:
            raise failure(
                CalendarError, "calendar.shift_outside.next", day=day.isoformat(), first=FIRST_YEAR
            )
        return self.shift(day + _FORWARD, Shift.NEXT)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before *day*."""
        if check_day(day, "day") == dt.date(FIRST_YEAR, 1, 1):
            raise failure(
                CalendarError,
                "calendar.shift_outside.previous",
                day=day.isoformat(),
                first=FIRST_YEAR,
            )
        return self.shift(day + _BACK, Shift.PREVIOUS)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``[start, end]`` (both included; 0 if reversed).

        Counted, not walked: weekdays by arithmetic, less the holidays (and closed days) on
        weekdays, so a range of centuries costs no more than its years.

        Examples:
            >>> WorkingDays().working_days_between(dt.date(2024, 12, 23), dt.date(2024, 12, 31))
            5
        """
        check_day(start, "start")
        check_day(end, "end")
        if start > end:
            return 0
        days = (end - start).days + 1
        weeks, rest = divmod(days, 7)
        first = start.weekday()
        count = 5 * weeks + sum((first + i) % 7 < 5 for i in range(rest))
        off: set[dt.date] = set(self.closed)
        for year in range(start.year, end.year + 1):
            off.update(_non_working(year, self.eves))
        return count - sum(1 for d in off if start <= d <= end and d.weekday() < 5)
