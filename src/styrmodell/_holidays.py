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
from dateutil.relativedelta import FR, SA, relativedelta

from styrmodell._errors import CalendarError
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import language

__all__ = ["FIRST_YEAR", "Shift", "WorkingDays"]

FIRST_YEAR = 1953
"""The first year the holiday rules here describe (midsommardagen on a Saturday)."""

# key: (Swedish name, English name)
_NAMES: dict[str, tuple[str, str]] = {
    "nyarsdagen": ("Nyårsdagen", "New Year's Day"),
    "trettondedag_jul": ("Trettondedag jul", "Epiphany"),
    "langfredagen": ("Långfredagen", "Good Friday"),
    "paskdagen": ("Påskdagen", "Easter Sunday"),
    "annandag_pask": ("Annandag påsk", "Easter Monday"),
    "forsta_maj": ("Första maj", "May Day"),
    "kristi_himmelsfardsdag": ("Kristi himmelsfärdsdag", "Ascension Day"),
    "pingstdagen": ("Pingstdagen", "Whit Sunday"),
    "annandag_pingst": ("Annandag pingst", "Whit Monday"),
    "nationaldagen": ("Sveriges nationaldag", "National Day of Sweden"),
    "midsommardagen": ("Midsommardagen", "Midsummer Day"),
    "alla_helgons_dag": ("Alla helgons dag", "All Saints' Day"),
    "juldagen": ("Juldagen", "Christmas Day"),
    "annandag_jul": ("Annandag jul", "Boxing Day"),
    "midsommarafton": ("Midsommarafton", "Midsummer Eve"),
    "julafton": ("Julafton", "Christmas Eve"),
    "nyarsafton": ("Nyårsafton", "New Year's Eve"),
}

_EVES = frozenset({"midsommarafton", "julafton", "nyarsafton"})


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
        """A short description of the policy in Swedish or English."""
        return _SHIFT_LABELS[language(locale)][self.name]


_SHIFT_LABELS = {
    "sv": {
        "NONE": "flyttas inte",
        "PREVIOUS": "närmast föregående arbetsdag",
        "NEXT": "närmast följande arbetsdag",
    },
    "en": {"NONE": "not moved", "PREVIOUS": "previous working day", "NEXT": "next working day"},
}


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= 9999:
        raise CalendarError(
            f"year: expected a year {FIRST_YEAR}–9999 (the Swedish holiday rules used here "
            f"start in {FIRST_YEAR}), got {year!r}"
        )


def _check_date(value: object, what: str) -> dt.date:
    if type(value) is dt.date and value.year >= FIRST_YEAR:  # the common case, fast
        return value
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise CalendarError(f"{what}: expected a datetime.date, got {value!r}")
    _check_year(value.year)
    return value


def _to_dates(values: object) -> tuple[dt.date, ...]:
    if isinstance(values, (str, bytes, dt.date)):
        raise CalendarError(f"closed: expected a collection of dates, got {values!r}")
    try:
        items = list(values)  # type: ignore[call-overload]
    except TypeError:
        raise CalendarError(f"closed: expected a collection of dates, got {values!r}") from None
    return tuple(
        sorted({_check_date(v, f"closed[{i}]") for i, v in enumerate(items)}),
    )


def _check_max_shift(instance: object, attribute: object, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 366:
        raise CalendarError(f"max_shift: expected a whole number of days 1–366, got {value!r}")


@attrs.frozen
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

    eves: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    closed: tuple[dt.date, ...] = attrs.field(default=(), converter=_to_dates)
    max_shift: int = attrs.field(default=7, validator=_check_max_shift)

    def holidays(self, year: int, locale: str = "sv") -> FrozenMap[dt.date, str]:
        """The public holidays of *year* (and the eves, with ``eves=True``), date → name.

        Two holidays on one date share it: ``"Första maj, Kristi himmelsfärdsdag"`` (2008).
        Dates in ``closed`` are not included: they are no holidays. Names are Swedish by
        default ("Kristi himmelsfärdsdag"), English with ``locale="en"``.

        Examples:
            >>> WorkingDays().holidays(2024)[dt.date(2024, 5, 9)]
            'Kristi himmelsfärdsdag'
        """
        _check_year(year)
        index = 0 if language(locale) == "sv" else 1
        names: dict[dt.date, list[str]] = {}
        for day, key in _holiday_keys(year):
            if self.eves or key not in _EVES:
                names.setdefault(day, []).append(_NAMES[key][index])
        return FrozenMap({day: ", ".join(n) for day, n in names.items()})

    def holiday_name(self, day: dt.date, locale: str = "sv") -> str | None:
        """The name of the holiday (or eve, with ``eves=True``) on *day*, else ``None``."""
        _check_date(day, "day")
        return self.holidays(day.year, locale).get(day)

    def is_working_day(self, day: dt.date) -> bool:
        """True for a weekday that is no public holiday, no eve (with ``eves``), not closed."""
        return self._works(_check_date(day, "day"))

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
        _check_date(day, "day")
        if not isinstance(policy, Shift):
            raise CalendarError(f"policy: expected a Shift, got {policy!r}")
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
                raise CalendarError(
                    f"{day.isoformat()}: the {policy.label('en')} lies outside the years "
                    f"{FIRST_YEAR}–9999"
                )
            if self._works(moved):
                return moved
        raise CalendarError(
            f"{day.isoformat()}: no working day within {self.max_shift} days "
            f"({policy.label('en')}); raise max_shift or shorten 'closed'"
        )

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after *day*."""
        return self.shift(_check_date(day, "day") + dt.timedelta(days=1), Shift.NEXT)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before *day*."""
        return self.shift(_check_date(day, "day") - dt.timedelta(days=1), Shift.PREVIOUS)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``[start, end]`` (both included; 0 if reversed)."""
        _check_date(start, "start")
        _check_date(end, "end")
        count = 0
        day = start
        while day <= end:
            count += self.is_working_day(day)
            day += dt.timedelta(days=1)
        return count
