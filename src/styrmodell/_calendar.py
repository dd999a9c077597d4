"""Follow-up calendars: when what is reported to whom, on Swedish working days.

Swedish terms: *årshjul* (the yearly cycle of planning and follow-up), *uppföljningsplan*,
*uppföljningstillfälle* (an :class:`Occasion`), *månadsrapport*, *tertialrapport*,
*delårsrapport* (januari–augusti), *årsredovisning* / *bokslut*, *verksamhetsberättelse*,
*budgetbeslut*, *internkontrollplan*, *granskningsrapport*, *handlingsplan*;
*per mars* (the period up to and including March), *mottagare* (nämnd, kommunstyrelsen (KS),
kommunfullmäktige (KF)), *delår/bokslut (D/B)* (which occasions report a goal).

A :class:`FollowUpCalendar` holds recurring :class:`OccasionRule` s (an RFC 5545 ``RRULE``
text, expanded with :mod:`dateutil.rrule` when asked) and one-off :class:`Occasion` s. Its
queries return occasions whose ``due`` date has been moved off weekends and public holidays
by each occasion's :class:`~styrmodell.Shift` policy; ``planned`` keeps the date as planned.

Words for people (kinds, contents, recipients, labels) come from the message catalogs; data
in them (a title, your own kind of occasion) pass through :func:`styrmodell._safe.printable`.
The calendar knows nothing of plans: what of a plan goes into an occasion is
:func:`styrmodell.contents_for`, and the iCalendar file is :func:`styrmodell.io.write_ics`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from styrmodell._errors import CalendarError, PlanError
from styrmodell._fields import Fields, as_text, choice
from styrmodell._holidays import FIRST_YEAR, Shift, WorkingDays, as_day, as_shift, check_day
from styrmodell._messages import failure, ntext, problem, short, text
from styrmodell._period import Period, PeriodKind, month_number
from styrmodell._rrule import build, dates_between, dates_from, first_date, normalise
from styrmodell._safe import printable

__all__ = [
    "Content",
    "Coverage",
    "FollowUpCalendar",
    "Frequency",
    "Occasion",
    "OccasionKind",
    "OccasionRule",
]

F = Fields(CalendarError)


class OccasionKind(enum.StrEnum):
    """The kinds of follow-up occasion the plans name; any other non-empty text is allowed too.

    Members are strings (``OccasionKind.DELARSRAPPORT == "delårsrapport"``), so a field that
    takes a kind takes either a member or your own word ("brukarenkät").
    """

    MANADSRAPPORT = "månadsrapport"
    TERTIALRAPPORT = "tertialrapport"
    DELARSRAPPORT = "delårsrapport"
    ARSREDOVISNING = "årsredovisning"
    BUDGETBESLUT = "budgetbeslut"
    INTERNKONTROLLPLAN = "internkontrollplan"
    HANDLINGSPLAN = "handlingsplan"
    VERKSAMHETSBERATTELSE = "verksamhetsberättelse"

    def label(self, locale: str = "sv") -> str:
        """The kind for people: "Delårsrapport" (sv) or "Interim report" (en).

        Examples:
            >>> OccasionKind.DELARSRAPPORT.label("en")
            'Interim report'
        """
        return text(f"occasion_kind.{self.name.lower()}", locale)


class Content(enum.StrEnum):
    """What a report contains, in the plans' words; any other non-empty text is allowed too."""

    BUDGET = "budgetuppföljning"
    FORECAST = "prognos"
    GOALS = "mål"
    INVESTMENTS = "investeringar"
    KEY_FIGURES = "nyckeltal"
    ACTIVITIES = "aktiviteter"
    INTERNAL_CONTROL = "internkontroll"
    AUDIT_REPORT = "granskningsrapport"

    def label(self, locale: str = "sv") -> str:
        """The content for people: "prognos" (sv) or "forecast" (en).

        Examples:
            >>> Content.KEY_FIGURES.label("en")
            'key figures'
        """
        return text(f"content.{self.name.lower()}", locale)


_RECIPIENTS = {"KS": "recipient.ks", "KF": "recipient.kf", "nämnd": "recipient.namnd"}
"""The recipients that have a name in the catalogs; any other is shown as written."""


class Coverage(enum.Enum):
    """Which period an occasion from a rule covers, counted from its *reference month*.

    The reference month is the due month less the rule's ``lag`` months: a report "per mars"
    due in April has ``lag=1`` and reference month March.

    * ``YEAR_TO_DATE``: january to the reference month ("per mars" → jan–mar); december
      gives the whole year.
    * ``DELAR``: the delår, january–august of the reference month's year.
    * ``MONTH``, ``QUARTER``, ``TERTIAL``: the month, quarter or tertial of the reference month.
    * ``YEAR``: the reference month's calendar year (an årsredovisning due in March with
      ``lag=3`` covers the year before).
    * ``NEXT_YEAR``: the year after (a budget decided in June for the coming year).
    * ``NONE``: no period.
    """

    YEAR_TO_DATE = "year_to_date"
    DELAR = "delar"
    MONTH = "month"
    QUARTER = "quarter"
    TERTIAL = "tertial"
    YEAR = "year"
    NEXT_YEAR = "next_year"
    NONE = "none"

    def period(self, reference: dt.date) -> Period | None:
        """The period this coverage gives for a reference date (only its month counts).

        Examples:
            >>> Coverage.YEAR_TO_DATE.period(dt.date(2024, 3, 1)).label()
            'jan-mar 2024'
        """
        y, m = reference.year, reference.month
        if self is Coverage.YEAR_TO_DATE:
            return Period(y, 1, m)
        if self is Coverage.DELAR:
            return Period.delar(y)
        if self is Coverage.MONTH:
            return Period.month(y, m)
        if self is Coverage.QUARTER:
            return Period.quarter(y, (m - 1) // 3 + 1)
        if self is Coverage.TERTIAL:
            return Period.tertial(y, (m - 1) // 4 + 1)
        if self is Coverage.YEAR:
            return Period.year(y)
        if self is Coverage.NEXT_YEAR:
            return Period.year(y + 1)
        return None


# -- field converters ---------------------------------------------------------------------


def as_coverage(value: object, at: str = "value") -> Coverage:
    """A :class:`Coverage` from the member, its value or its name (a field converter)."""
    return choice(Coverage, value, at)


def _as_filled(value: object, at: str = "value") -> str:
    """Text with something in it besides spaces."""
    if not isinstance(value, str) or not value.strip():
        raise failure(CalendarError, "calendar.expected_filled", at, value=value)
    return value


def _as_kind(value: object, at: str = "value") -> str:
    if isinstance(value, OccasionKind):
        return value
    word = _as_filled(value, at).strip()
    try:
        return OccasionKind(word.lower())
    except ValueError:
        return word


def _as_contents(value: object, at: str = "value") -> tuple[str, ...]:
    if (  # already read: members, no repeats
        type(value) is tuple
        and all(type(item) is Content for item in value)
        and len(set(value)) == len(value)
    ):
        return value
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise failure(CalendarError, "calendar.expected_texts", at, value=value)
    out: dict[str, None] = {}
    for i, item in enumerate(value):
        if isinstance(item, Content):
            out[item] = None
            continue
        word = _as_filled(item, f"{at}[{i}]").strip()
        try:
            out[Content(word.lower())] = None
        except ValueError:
            out[word] = None
    return tuple(out)


_FLAGS = ("D", "B")
_READ_FLAGS = frozenset({(), ("D",), ("B",), ("D", "B")})


def _as_reported(value: object, at: str = "value") -> tuple[str, ...]:
    """Read "D/B", "B", ["B", "D"] or () as a tuple of flags in the order D, B."""
    if value is None:
        return ()
    if type(value) is tuple and all(type(f) is str for f in value) and value in _READ_FLAGS:
        return value
    items: Iterable[object]
    if isinstance(value, str):
        items = value.replace(",", "/").split("/")
    elif isinstance(value, Iterable):
        items = value
    else:
        raise failure(CalendarError, "calendar.expected_flags", at, value=value)
    flags = set()
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        if not isinstance(item, str) or item.strip().upper() not in _FLAGS:
            raise failure(CalendarError, "calendar.expected_flags", at, value=value)
        flags.add(item.strip().upper())
    return tuple(f for f in _FLAGS if f in flags)


def _as_period(value: object, at: str = "value") -> Period | None:
    if value is not None and not isinstance(value, Period):
        raise failure(CalendarError, "calendar.expected_period", at, value=value)
    return value


def _as_lag(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36:
        raise failure(CalendarError, "calendar.expected_lag", at, value=value)
    return value


def _shown(word: str) -> str:
    """Data on one line for people: control characters and bidi overrides made visible."""
    return printable(word, newlines=False)


# -- Occasion -----------------------------------------------------------------------------


@attrs.frozen(field_transformer=F.locate)
class Occasion:
    """One follow-up occasion (uppföljningstillfälle): what is due, when, covering what, to whom.

    Attributes:
        kind: An :class:`OccasionKind` or your own word; known kinds are normalised to the
            member ("Delårsrapport" → ``OccasionKind.DELARSRAPPORT``).
        due: The deadline. For an occasion you build, the date as planned; the calendar's
            queries return it moved to a working day by ``shift``. A date (ISO text is read)
            of the years 1953–9999.
        period: The :class:`~styrmodell.Period` the occasion covers ("per mars" →
            jan–mar), or ``None`` (a budget decision, a plan to hand in).
        recipient: Who receives it: ``"nämnd"``, ``"KS"`` (kommunstyrelsen), ``"KF"``
            (kommunfullmäktige), or any other text (``"kommunchef"``).
        contents: What it contains: :class:`Content` members or your own words; order kept,
            duplicates dropped.
        reported: Which goals it reports by their D/B flags: ``("D",)`` at a delårsrapport
            reports the goals marked D or D/B, ``("B",)`` at a bokslut those marked B or D/B,
            ``()`` reports no goals by flag. Accepts ``"D/B"``.
        shift: How the deadline moves off a non-working day (default: to the working day
            before, as for any "senast" deadline).
        title: A title for people; empty means one is made from the kind and the period.
        description: Free text, e.g. the plan's words about the occasion.
        planned: The date as planned, before any shift; defaults to ``due``.

    Examples:
        >>> from styrmodell import Period
        >>> o = Occasion("delårsrapport", dt.date(2024, 10, 15), Period.delar(2024), "KF",
        ...              contents=["budgetuppföljning", "prognos", "mål"], reported="D/B")
        >>> o.label()
        'Delårsrapport 2024 till kommunfullmäktige (KF)'
        >>> o.reported
        ('D', 'B')
    """

    kind: str = attrs.field(converter=_as_kind)
    due: dt.date = attrs.field(converter=as_day)
    period: Period | None = attrs.field(default=None, converter=_as_period)
    recipient: str = attrs.field(default="nämnd", converter=_as_filled)
    contents: tuple[str, ...] = attrs.field(default=(), converter=_as_contents)
    reported: tuple[str, ...] = attrs.field(default=(), converter=_as_reported)
    shift: Shift = attrs.field(default=Shift.PREVIOUS, converter=as_shift)
    title: str = attrs.field(default="", converter=as_text)
    description: str = attrs.field(default="", converter=as_text)
    planned: dt.date = attrs.field(
        default=attrs.Factory(lambda self: self.due, takes_self=True), converter=as_day
    )

    @property
    def is_shifted(self) -> bool:
        """True when the deadline was moved off a non-working day."""
        return self.due != self.planned

    def kind_label(self, locale: str = "sv") -> str:
        """The kind for people: "Månadsrapport", "Interim report", or your own word."""
        return kind_label_of(self, locale, _shown)

    def recipient_label(self, locale: str = "sv") -> str:
        """The recipient for people: "kommunstyrelsen (KS)" for "KS", your own text otherwise."""
        return recipient_label_of(self, locale, _shown)

    def contents_label(self, locale: str = "sv") -> str:
        """The contents for people: "budgetuppföljning, prognos" or "budget follow-up, ..."."""
        return ", ".join(content_labels_of(self, locale, _shown))

    def name(self, locale: str = "sv") -> str:
        """The title, or kind and period: "Månadsrapport jan-mar 2024", "Delårsrapport 2024"."""
        return name_of(self, locale, _shown)

    def label(self, locale: str = "sv") -> str:
        """Name and recipient: "Delårsrapport 2024 till kommunfullmäktige (KF)"."""
        return label_of(self, locale, _shown)

    def _sort_key(self) -> tuple[Any, ...]:
        period = (
            (0, self.period.start, self.period.end, self.period.kind.rank)
            if self.period
            else (1, dt.date.min, dt.date.min, 0)
        )
        return (
            self.due,
            self.planned,
            str(self.kind),
            self.title,
            self.recipient,
            period,
            self.contents,
            self.reported,
            self.shift.value,
            self.description,
        )


# The words of an occasion, with a function for the data in them: printable() for a
# terminal or a report, the .ics writer's own cleaning for a calendar file.
Clean = Callable[[str], str]


def kind_label_of(occasion: Occasion, locale: str, clean: Clean) -> str:
    if isinstance(occasion.kind, OccasionKind):
        return occasion.kind.label(locale)
    return clean(occasion.kind[:1].upper() + occasion.kind[1:])


def recipient_label_of(occasion: Occasion, locale: str, clean: Clean) -> str:
    code = _RECIPIENTS.get(occasion.recipient)
    return text(code, locale) if code else clean(occasion.recipient)


def content_labels_of(occasion: Occasion, locale: str, clean: Clean) -> list[str]:
    return [c.label(locale) if isinstance(c, Content) else clean(c) for c in occasion.contents]


def name_of(occasion: Occasion, locale: str, clean: Clean) -> str:
    if occasion.title:
        return clean(occasion.title)
    kind = kind_label_of(occasion, locale, clean)
    if occasion.period is None:
        return kind
    if occasion.period.kind in (PeriodKind.YEAR, PeriodKind.DELAR):
        return text("occasion.name", locale, kind=kind, period=occasion.period.calendar_year)
    return text("occasion.name", locale, kind=kind, period=occasion.period.label(locale))


def label_of(occasion: Occasion, locale: str, clean: Clean) -> str:
    return text(
        "occasion.label",
        locale,
        name=name_of(occasion, locale, clean),
        recipient=recipient_label_of(occasion, locale, clean),
    )


# -- OccasionRule -------------------------------------------------------------------------


def _as_rule(value: object, at: str = "value") -> str:
    return normalise(value, at)


def _as_optional_day(value: object, at: str = "value") -> dt.date | None:
    return None if value is None else as_day(value, at)


@attrs.frozen(field_transformer=F.locate)
class OccasionRule:
    """A recurring occasion: an RFC 5545 ``RRULE`` of planned dates plus what each covers.

    The rule is held as text (``dateutil.rrule`` objects compare by identity, so they are
    built when needed and cached) and read strictly: the parts ``FREQ`` (``YEARLY``,
    ``MONTHLY``, ``WEEKLY``, ``DAILY``), ``INTERVAL``, ``COUNT``, ``BYMONTH``,
    ``BYMONTHDAY``, ``BYYEARDAY``, ``BYWEEKNO``, ``BYDAY``, ``BYSETPOS``, ``WKST``, each
    value checked, in the combinations RFC 5545 allows. Times of day (``BYHOUR``...),
    ``UNTIL`` (use ``end``) and ``DTSTART`` (use ``start``) are not accepted. A rule that
    gives no date is refused when it is built, quickly: by its parts alone
    (``BYMONTH=2;BYMONTHDAY=30``) or by a search bounded by the span after which the
    rule's dates repeat.

    Attributes:
        kind: As for :class:`Occasion`.
        rule: The ``RRULE`` value, e.g. ``"FREQ=YEARLY;BYMONTH=4,5,11;BYMONTHDAY=15"``;
            normalised to upper case without the ``RRULE:`` prefix.
        start: The first day the rule may produce (``DTSTART``).
        end: The last day it may produce, or ``None`` for no end.
        covers: Which period each occasion covers (:class:`Coverage`).
        lag: Months from the reference month to the due month: 1 for a report "per mars"
            due in April.
        recipient, contents, reported, shift, title, description: As for :class:`Occasion`.

    Raises:
        CalendarError: for a rule that is not valid, or gives no date from ``start`` (to
            ``end``).

    Examples:
        >>> rule = OccasionRule("månadsrapport", "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=15",
        ...                     start=dt.date(2024, 1, 1), covers="year_to_date", lag=1,
        ...                     recipient="KS")
        >>> [o.name() for o in rule.occasions(between=(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))]
        ['Månadsrapport jan-mar 2024', 'Månadsrapport jan-maj 2024']
        >>> from styrmodell import CalendarError
        >>> try:
        ...     OccasionRule("x", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start=dt.date(2024, 1, 1))
        ... except CalendarError as exc:
        ...     print(exc.problems[0].message)
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' gives no date from 2024-01-01
    """

    kind: str = attrs.field(converter=_as_kind)
    rule: str = attrs.field(converter=_as_rule)
    start: dt.date = attrs.field(converter=as_day, kw_only=True)
    end: dt.date | None = attrs.field(default=None, converter=_as_optional_day, kw_only=True)
    covers: Coverage = attrs.field(default=Coverage.NONE, converter=as_coverage, kw_only=True)
    lag: int = attrs.field(default=0, converter=_as_lag, kw_only=True)
    recipient: str = attrs.field(default="nämnd", converter=_as_filled, kw_only=True)
    contents: tuple[str, ...] = attrs.field(default=(), converter=_as_contents, kw_only=True)
    reported: tuple[str, ...] = attrs.field(default=(), converter=_as_reported, kw_only=True)
    shift: Shift = attrs.field(default=Shift.PREVIOUS, converter=as_shift, kw_only=True)
    title: str = attrs.field(default="", converter=as_text, kw_only=True)
    description: str = attrs.field(default="", converter=as_text, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise failure(
                CalendarError,
                "calendar.rule_end_before_start",
                "OccasionRule",
                end=self.end.isoformat(),
                start=self.start.isoformat(),
                rule=self.rule,
            )
        try:
            first = first_date(self.rule, self.start, self.end)
        except (ValueError, TypeError, OverflowError) as exc:
            raise failure(
                CalendarError,
                "calendar.rule_invalid",
                "OccasionRule.rule",
                value=self.rule,
                reason=str(exc),
            ) from None
        if first is None:
            if self.end is None:
                raise failure(
                    CalendarError,
                    "calendar.rule_no_date",
                    "OccasionRule.rule",
                    value=self.rule,
                    start=self.start.isoformat(),
                )
            raise failure(
                CalendarError,
                "calendar.rule_no_date_until",
                "OccasionRule.rule",
                value=self.rule,
                start=self.start.isoformat(),
                end=self.end.isoformat(),
            )
        # The first occurrence must give a valid period (a year after 9999 would not).
        self.occasion(first)

    def to_rrule(self) -> Any:
        """The :class:`dateutil.rrule.rrule` of planned dates (built on demand, cached).

        It starts at ``start`` but does not know ``end``: :meth:`dates` and
        :meth:`iter_dates` apply it.
        """
        return build(self.rule, self.start)

    def dates(self, between: tuple[dt.date, dt.date] | Period) -> tuple[dt.date, ...]:
        """The planned dates in ``[start, end]`` of *between* (both included)."""
        lo, hi = _between(between)
        lo, hi = max(lo, self.start), min(hi, self.end or hi)
        if lo > hi:
            return ()
        return tuple(dates_between(self.rule, self.start, lo, hi))

    def iter_dates(self, after: dt.date) -> Iterator[dt.date]:
        """Planned dates on or after *after*, in order (endless for a rule without end)."""
        after = max(check_day(after, "after"), self.start)
        yield from dates_from(self.rule, self.start, after, self.end)

    def occasion(self, planned: dt.date) -> Occasion:
        """The occasion this rule gives for one planned date (not yet shifted)."""
        return self._occasion(planned, planned)

    def _occasion(self, planned: dt.date, due: dt.date) -> Occasion:
        reference = planned - relativedelta(months=self.lag)
        try:
            period = self.covers.period(reference)
        except PlanError:  # from Period, for the year 10000
            raise failure(
                CalendarError,
                "calendar.rule_no_period",
                "OccasionRule",
                kind=str(self.kind),
                covers=self.covers.value,
                planned=planned.isoformat(),
                lag=self.lag,
            ) from None
        return Occasion(
            self.kind,
            due,
            period,
            self.recipient,
            contents=self.contents,
            reported=self.reported,
            shift=self.shift,
            title=self.title,
            description=self.description,
            planned=planned,
        )

    def occasions(self, between: tuple[dt.date, dt.date] | Period) -> tuple[Occasion, ...]:
        """The occasions planned in *between* (not yet shifted to working days)."""
        return tuple(self.occasion(d) for d in self.dates(between))


def _between(value: object) -> tuple[dt.date, dt.date]:
    if isinstance(value, Period):
        return value.start, value.end
    if not isinstance(value, tuple) or len(value) != 2:
        raise failure(CalendarError, "calendar.expected_range", "between", value=value)
    lo = check_day(value[0], "between[0]")
    hi = check_day(value[1], "between[1]")
    if lo > hi:
        raise failure(
            CalendarError,
            "calendar.range_reversed",
            "between",
            start=lo.isoformat(),
            end=hi.isoformat(),
        )
    return lo, hi


# -- FollowUpCalendar ---------------------------------------------------------------------


T = TypeVar("T")


def _items_of(cls: type[T], value: object, at: str) -> tuple[T, ...]:
    """A tuple of *cls* instances; names every item that is not one."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise failure(CalendarError, "calendar.expected_collection", at, value=value)
    items = tuple(value)
    problems = [
        problem("calendar.expected_instance", f"{at}[{i}]", value=item, kind=cls.__name__)
        for i, item in enumerate(items)
        if not isinstance(item, cls)
    ]
    if problems:
        raise CalendarError("\n".join(map(str, problems)), problems=problems)
    return items


def _as_rules(value: object, at: str = "value") -> tuple[OccasionRule, ...]:
    return _items_of(OccasionRule, value, at)


def _as_occasions(value: object, at: str = "value") -> tuple[Occasion, ...]:
    return _items_of(Occasion, value, at)


def _as_working_days(value: object, at: str = "value") -> WorkingDays:
    if not isinstance(value, WorkingDays):
        raise failure(
            CalendarError, "calendar.expected_instance", at, value=value, kind="WorkingDays"
        )
    return value


@attrs.frozen(field_transformer=F.locate)
class FollowUpCalendar:
    """An årshjul: recurring rules and one-off occasions on Swedish working days.

    Attributes:
        name: The calendar's name ("Vård- och omsorgsnämnden, Oxelösund"); it also makes the
            .ics UIDs unique between calendars.
        rules: Recurring :class:`OccasionRule` s.
        occasions: One-off :class:`Occasion` s (their ``due`` is the planned date).
        working_days: Which days are working days (default: Monday–Friday minus public
            holidays; ``WorkingDays(eves=True)`` also closes midsommarafton, julafton,
            nyårsafton).

    Raises:
        CalendarError: for a bad field; a collection with several items that are not rules
            (or occasions) names each in ``problems``.

    Every query returns occasions sorted by due date, without duplicates, with ``due`` moved
    to a working day by the occasion's :class:`~styrmodell.Shift` policy and ``planned``
    kept as planned.

    Examples:
        >>> cal = FollowUpCalendar("Exempel", rules=[OccasionRule(
        ...     "delårsrapport", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1",
        ...     start=dt.date(2024, 1, 1), covers="delar", recipient="KF")])
        >>> [(o.name(), o.due) for o in cal.occurrences(between=Period.year(2027))]
        [('Delårsrapport 2027', datetime.date(2027, 10, 1))]
        >>> cal.next_due(after=dt.date(2028, 1, 1)).due  # 1 Oct 2028 is a Sunday
        datetime.date(2028, 9, 29)
    """

    name: str = attrs.field(converter=_as_filled)
    rules: tuple[OccasionRule, ...] = attrs.field(default=(), converter=_as_rules)
    occasions: tuple[Occasion, ...] = attrs.field(default=(), converter=_as_occasions)
    working_days: WorkingDays = attrs.field(
        default=attrs.Factory(WorkingDays), converter=_as_working_days
    )

    def _realise(self, occasion: Occasion) -> Occasion:
        due = self.working_days.shift(occasion.planned, occasion.shift)
        return occasion if due == occasion.due else attrs.evolve(occasion, due=due)

    def _due_in(self, lo: dt.date, hi: dt.date) -> Iterator[Occasion]:
        margin = dt.timedelta(days=self.working_days.max_shift)
        first, last = dt.date(FIRST_YEAR, 1, 1), dt.date.max
        # Clamped before adding, so a range that ends in 9999 does not overflow.
        wide = (max(lo, first + margin) - margin, min(hi, last - margin) + margin)
        shift = self.working_days.shift
        for rule in self.rules:
            for planned in rule.dates(wide):
                due = shift(planned, rule.shift)
                if lo <= due <= hi:  # built once, already moved: no occasion built for nothing
                    yield rule._occasion(planned, due)
        for occasion in self.occasions:
            if wide[0] <= occasion.planned <= wide[1]:
                realised = self._realise(occasion)
                if lo <= realised.due <= hi:
                    yield realised

    def occurrences(self, *, between: tuple[dt.date, dt.date] | Period) -> tuple[Occasion, ...]:
        """Every occasion due in ``between`` (start and end included, or a Period).

        An occasion planned just outside the range but moved into it counts; one moved out
        of it does not.
        """
        lo, hi = _between(between)
        return tuple(sorted(set(self._due_in(lo, hi)), key=Occasion._sort_key))

    def year(self, year: int) -> tuple[Occasion, ...]:
        """The occasions due in calendar year *year*."""
        return self.occurrences(between=(dt.date(year, 1, 1), dt.date(year, 12, 31)))

    def due_on(self, day: dt.date) -> tuple[Occasion, ...]:
        """The occasions due on *day* (after shifting)."""
        return self.occurrences(between=(day, day))

    def next_due(self, *, after: dt.date) -> Occasion | None:
        """The first occasion due strictly after *after*, or ``None`` if there is none.

        Ties (two occasions due the same day) go to the first in the calendar's order;
        use :meth:`due_on` with its date to get them all.
        """
        check_day(after, "after")
        margin = dt.timedelta(days=self.working_days.max_shift)
        best: Occasion | None = None

        def consider(occasion: Occasion) -> None:
            nonlocal best
            if occasion.due > after and (best is None or occasion._sort_key() < best._sort_key()):
                best = occasion

        for occasion in self.occasions:
            consider(self._realise(occasion))
        start = max(after, dt.date(FIRST_YEAR, 1, 1) + margin) - margin
        for rule in self.rules:
            for planned in rule.iter_dates(start):
                if best is not None and planned - margin > best.due:
                    break
                due = self.working_days.shift(planned, rule.shift)
                if due > after and (best is None or due <= best.due):
                    consider(rule._occasion(planned, due))
        return best


# -- when data arrive: Frequency ----------------------------------------------------------

# Vocabulary for reading a plan's frequency text (not wording for people: labels come from
# the catalogs). Month names are read with the periods' vocabulary (month_number).
_CADENCE_WORDS = (
    ("month", ("månadsvis", "månatlig", "varje månad", "per månad", "monthly")),
    ("quarter", ("kvartalsvis", "per kvartal", "varje kvartal", "quarterly")),
    ("tertial", ("tertialvis", "per tertial", "varje tertial")),
    (
        "year",
        (
            "årligen",
            "årsvis",
            "årlig",
            "helår",
            "en gång per år",
            "varje år",
            "yearly",
            "annual",
            "bokslut",
        ),
    ),
)
_NUMBER_WORDS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
}
_CADENCE_MONTHS = {"month": 1, "quarter": 3, "tertial": 4, "year": 12}


@functools.cache
def _frequency_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A number starts only where no digit stands before it, so a run of digits is tried
    # once, not once per digit: matching stays linear in the text.
    lag = re.compile(
        r"((?<!\d)\d+|en|ett|två|tre|fyra|fem|sex|one|two|three|four|five|six)\s+"
        r"(?:månad(?:s|ers)?|months?'?)\s*(?:eftersläpning|lag|fördröjning)"
    )
    published = re.compile(r"publicera[st]*\s+(?:i|under)\s+([a-zåäö]+)")
    return lag, published


def _as_cadence(value: object, at: str = "value") -> str | None:
    if value is not None and value not in _CADENCE_MONTHS:
        raise failure(
            CalendarError,
            "frequency.expected_cadence",
            at,
            value=value,
            choices=repr(sorted(_CADENCE_MONTHS)),
        )
    return value


def _as_frequency_lag(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36:
        raise failure(CalendarError, "frequency.expected_lag", at, value=value)
    return value


@attrs.frozen(field_transformer=F.locate)
class Frequency:
    """How often an indicator is measured and how long its data take to arrive.

    This is the one rule for "is the outcome available yet?": the value covering a period
    is available from the first day after the end of the measuring period that contains the
    period's end, plus ``lag`` months. A monthly figure with a month's lag for jan–aug is
    there on 1 October; a yearly survey published in April for 2023 on 1 April 2024.

    Attributes:
        cadence: ``"month"``, ``"quarter"``, ``"tertial"``, ``"year"``, or ``None`` when
            unknown (then data count as available right after the period).
        lag: Months after the measuring period's end before the figure is available.

    Examples:
        >>> f = Frequency.parse("Månadsvis (en månads eftersläpning)")
        >>> f
        Frequency(cadence='month', lag=1)
        >>> f.available_from(Period.delar(2023))
        datetime.date(2023, 10, 1)
        >>> Frequency.parse("Årligen, publiceras i april").available_from(Period.delar(2023))
        datetime.date(2024, 4, 1)
    """

    cadence: str | None = attrs.field(default=None, converter=_as_cadence)
    lag: int = attrs.field(default=0, converter=_as_frequency_lag)

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Read a plan's *uppföljningstillfälle* / frequency text; unknown words give ``None``.

        Understood: "Månadsvis", "Kvartalsvis", "Tertialvis", "Årligen", "Helår", with
        "(en månads eftersläpning)", "(2 månaders eftersläpning)" or "publiceras i april"
        (for a yearly figure: available in April of the following year). Reading takes
        time linear in the text, however long.

        Raises:
            CalendarError: for text that is no text, or a lag beyond 36 months.
        """
        if not isinstance(text, str):
            raise failure(
                CalendarError, "frequency.parse_expected_text", "Frequency.parse", value=text
            )
        return _parse_frequency(text)

    def measuring_end(self, day: dt.date) -> dt.date:
        """The last day of the measuring period (month, quarter, tertial, year) holding *day*."""
        if self.cadence is None:
            return day
        size = _CADENCE_MONTHS[self.cadence]
        last_month = ((day.month - 1) // size + 1) * size
        return dt.date(day.year, last_month, 1) + relativedelta(day=31)

    def available_from(self, period: Period) -> dt.date:
        """The first day the outcome covering *period* can be known."""
        end = self.measuring_end(period.end)
        return end + dt.timedelta(days=1) + relativedelta(months=self.lag)

    def fits(self, period: Period) -> bool:
        """Whether the indicator is measured often enough to say something about *period*."""
        return self.cadence is None or _CADENCE_MONTHS[self.cadence] <= period.month_count

    def label(self, locale: str = "sv") -> str:
        """For people: "månadsvis, 1 månads eftersläpning" or "monthly, 1 month's lag"."""
        words = text(f"frequency.cadence.{self.cadence or 'unknown'}", locale)
        if not self.lag:
            return words
        lag = ntext("frequency.lag", self.lag, locale)
        return text("frequency.with_lag", locale, cadence=words, lag=lag)


@functools.lru_cache(maxsize=1024)
def _parse_frequency(original: str) -> Frequency:
    low = " ".join(original.lower().split())
    cadence = next((name for name, words in _CADENCE_WORDS if any(w in low for w in words)), None)
    lag_pattern, published_pattern = _frequency_patterns()
    lag = 0
    if m := lag_pattern.search(low):
        number = m[1]
        if number.isdigit():
            lag = int(number) if len(number) <= 3 else 999  # beyond 36 either way
            if not 0 <= lag <= 36:
                raise failure(
                    CalendarError,
                    "frequency.parse_bad_lag",
                    "Frequency.parse",
                    value=original,
                    lag=short(number, 20) if len(number) > 6 else number,
                )
        else:
            lag = _NUMBER_WORDS[number]
    elif (m := published_pattern.search(low)) and (month := month_number(m[1])) is not None:
        # Published in month M of the year after a calendar year: M - 1 months' lag.
        lag = month - 1
    return Frequency(cadence, lag)
