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
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from styrmodell._errors import CalendarError, PlanError
from styrmodell._holidays import Shift, WorkingDays, _check_date
from styrmodell._locale import language
from styrmodell._period import _FULL_SV, Period, PeriodKind

if TYPE_CHECKING:
    # _goals imports this module (Plan.calendar holds a FollowUpCalendar), so the plan's
    # types are for type checkers here; contents_for imports Plan when it runs. ReportEntry
    # is a result, never structured by the converter, so its annotations stay unresolved.
    from styrmodell._goals import Goal, Indicator, Plan  # noqa: TC004

__all__ = [
    "Content",
    "Coverage",
    "FollowUpCalendar",
    "Frequency",
    "Occasion",
    "OccasionKind",
    "OccasionRule",
    "ReportEntry",
]


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
        """The kind for people: "Delårsrapport" (sv) or "Interim report" (en)."""
        return _KIND_LABELS[self][language(locale) == "en"]


_KIND_LABELS = {
    OccasionKind.MANADSRAPPORT: ("Månadsrapport", "Monthly report"),
    OccasionKind.TERTIALRAPPORT: ("Tertialrapport", "Four-month report"),
    OccasionKind.DELARSRAPPORT: ("Delårsrapport", "Interim report"),
    OccasionKind.ARSREDOVISNING: ("Årsredovisning", "Annual report"),
    OccasionKind.BUDGETBESLUT: ("Budgetbeslut", "Budget decision"),
    OccasionKind.INTERNKONTROLLPLAN: ("Internkontrollplan", "Internal control plan"),
    OccasionKind.HANDLINGSPLAN: ("Handlingsplan", "Action plan"),
    OccasionKind.VERKSAMHETSBERATTELSE: ("Verksamhetsberättelse", "Annual activity report"),
}


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
        """The content for people: "prognos" (sv) or "forecast" (en)."""
        return self.value if language(locale) == "sv" else _CONTENT_EN[self]


_CONTENT_EN = {
    Content.BUDGET: "budget follow-up",
    Content.FORECAST: "forecast",
    Content.GOALS: "goals",
    Content.INVESTMENTS: "investments",
    Content.KEY_FIGURES: "key figures",
    Content.ACTIVITIES: "activities",
    Content.INTERNAL_CONTROL: "internal control",
    Content.AUDIT_REPORT: "audit report",
}

_RECIPIENTS = {
    "KS": ("kommunstyrelsen (KS)", "municipal executive board (KS)"),
    "KF": ("kommunfullmäktige (KF)", "municipal council (KF)"),
    "nämnd": ("nämnden", "the committee (nämnd)"),
}


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


# -- field converters and validators ----------------------------------------------------


def _text(what: str, *, empty: bool = False) -> Any:
    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or (not empty and not value.strip()):
            kind = "a text" if empty else "a non-empty text"
            raise CalendarError(f"{type(instance).__name__}.{what}: expected {kind}, got {value!r}")

    return check


def _kind(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, OccasionKind):
        try:
            return OccasionKind(value.strip().lower())
        except ValueError:
            return value.strip()
    return value


def _contents(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise CalendarError(f"contents: expected a collection of texts, got {value!r}")
    out: dict[str, None] = {}
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise CalendarError(f"contents[{i}]: expected a non-empty text, got {item!r}")
        if not isinstance(item, Content):
            try:
                item = Content(item.strip().lower())
            except ValueError:
                item = item.strip()
        out[item] = None
    return tuple(out)


_FLAGS = ("D", "B")


def _reported(value: object) -> tuple[str, ...]:
    """Read "D/B", "B", ["B", "D"] or () as a tuple of flags in the order D, B."""
    if value is None:
        return ()
    items: Iterable[object]
    items = re.split(r"\s*[/,]\s*", value.strip()) if isinstance(value, str) else value  # type: ignore[assignment]
    if not isinstance(items, Iterable):
        raise CalendarError(f"reported: expected 'D', 'B', 'D/B' or a collection, got {value!r}")
    flags = set()
    for item in items:
        if item == "":
            continue
        if not isinstance(item, str) or item.upper() not in _FLAGS:
            raise CalendarError(
                f"reported: expected the flags D (delår) and/or B (bokslut), got {value!r}"
            )
        flags.add(item.upper())
    return tuple(f for f in _FLAGS if f in flags)


def _shift(value: object) -> Shift:
    if isinstance(value, Shift):
        return value
    if isinstance(value, str):
        try:
            return Shift(value)
        except ValueError:
            pass
    raise CalendarError(f"shift: expected a Shift ('none', 'previous', 'next'), got {value!r}")


def _date_field(what: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
        _check_date(value, f"{type(instance).__name__}.{what}")

    return check


def _period_field(
    instance: object, attribute: attrs.Attribute[Period | None], value: object
) -> None:
    if value is not None and not isinstance(value, Period):
        raise CalendarError(f"Occasion.period: expected a Period or None, got {value!r}")


# -- Occasion ---------------------------------------------------------------------------


@attrs.frozen
class Occasion:
    """One follow-up occasion (uppföljningstillfälle): what is due, when, covering what, to whom.

    Attributes:
        kind: An :class:`OccasionKind` or your own word; known kinds are normalised to the
            member ("Delårsrapport" → ``OccasionKind.DELARSRAPPORT``).
        due: The deadline. For an occasion you build, the date as planned; the calendar's
            queries return it moved to a working day by ``shift``.
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

    kind: str = attrs.field(converter=_kind, validator=_text("kind"))
    due: dt.date = attrs.field(validator=_date_field("due"))
    period: Period | None = attrs.field(default=None, validator=_period_field)
    recipient: str = attrs.field(default="nämnd", validator=_text("recipient"))
    contents: tuple[str, ...] = attrs.field(default=(), converter=_contents)
    reported: tuple[str, ...] = attrs.field(default=(), converter=_reported)
    shift: Shift = attrs.field(default=Shift.PREVIOUS, converter=_shift)
    title: str = attrs.field(default="", validator=_text("title", empty=True))
    description: str = attrs.field(default="", validator=_text("description", empty=True))
    planned: dt.date = attrs.field(
        default=attrs.Factory(lambda self: self.due, takes_self=True),
        validator=_date_field("planned"),
    )

    @property
    def is_shifted(self) -> bool:
        """True when the deadline was moved off a non-working day."""
        return self.due != self.planned

    def kind_label(self, locale: str = "sv") -> str:
        """The kind for people: "Månadsrapport", "Interim report", or your own word."""
        if isinstance(self.kind, OccasionKind):
            return self.kind.label(locale)
        return self.kind[:1].upper() + self.kind[1:]

    def recipient_label(self, locale: str = "sv") -> str:
        """The recipient for people: "kommunstyrelsen (KS)" for "KS", your own text otherwise."""
        names = _RECIPIENTS.get(self.recipient)
        return names[language(locale) == "en"] if names else self.recipient

    def name(self, locale: str = "sv") -> str:
        """The title, or kind and period: "Månadsrapport jan-mar 2024", "Delårsrapport 2024"."""
        if self.title:
            return self.title
        if self.period is None:
            return self.kind_label(locale)
        if self.period.kind in (PeriodKind.YEAR, PeriodKind.DELAR):
            return f"{self.kind_label(locale)} {self.period.calendar_year}"
        return f"{self.kind_label(locale)} {self.period.label(locale)}"

    def label(self, locale: str = "sv") -> str:
        """Name and recipient: "Delårsrapport 2024 till kommunfullmäktige (KF)"."""
        word = "till" if language(locale) == "sv" else "to"
        return f"{self.name(locale)} {word} {self.recipient_label(locale)}"

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


# -- OccasionRule -----------------------------------------------------------------------

_RRULE_PARTS = {
    "FREQ",
    "INTERVAL",
    "COUNT",
    "BYMONTH",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYDAY",
    "BYSETPOS",
    "WKST",
}
_FREQS = {"YEARLY", "MONTHLY", "WEEKLY", "DAILY"}


def _normalise_rule(value: object) -> str:
    if not isinstance(value, str):
        raise CalendarError(f"OccasionRule.rule: expected RRULE text, got {value!r}")
    text = value.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = [p.strip() for p in text.split(";") if p.strip()]
    names: list[str] = []
    out = []
    for part in parts:
        name, sep, val = part.partition("=")
        name = name.strip().upper()
        if not sep or not val.strip():
            raise CalendarError(f"OccasionRule.rule: {value!r}: expected NAME=VALUE, got {part!r}")
        if name == "UNTIL":
            raise CalendarError(
                f"OccasionRule.rule: {value!r}: give the last date as end=..., not UNTIL"
            )
        if name not in _RRULE_PARTS:
            raise CalendarError(
                f"OccasionRule.rule: {value!r}: {name} is not allowed in a rule of whole days "
                f"(allowed: {', '.join(sorted(_RRULE_PARTS))})"
            )
        if name in names:
            raise CalendarError(f"OccasionRule.rule: {value!r}: {name} given twice")
        if name in ("INTERVAL", "COUNT") and not (val.strip().isdigit() and int(val) >= 1):
            raise CalendarError(
                f"OccasionRule.rule: {value!r}: {name} must be a whole number ≥ 1, got {val!r}"
            )
        names.append(name)
        out.append(f"{name}={val.strip().upper()}")
    if not out or names[0] != "FREQ":
        raise CalendarError(f"OccasionRule.rule: {value!r}: must start with FREQ=")
    freq = out[0].partition("=")[2]
    if freq not in _FREQS:
        raise CalendarError(
            f"OccasionRule.rule: {value!r}: FREQ must be one of {', '.join(sorted(_FREQS))}"
        )
    return ";".join(out)


@functools.lru_cache(maxsize=256)
def _build_rrule(text: str, start: dt.date) -> rrule:
    begin = dt.datetime(start.year, start.month, start.day)
    rule = rrulestr(text, dtstart=begin, cache=True)
    if not isinstance(rule, rrule):  # pragma: no cover - one RRULE line never gives a set
        raise CalendarError(f"OccasionRule.rule: {text!r} is not a single rule")
    return rule


def _check_lag(instance: object, attribute: object, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36:
        raise CalendarError(
            f"OccasionRule.lag: expected a whole number of months 0–36, got {value!r}"
        )


def _coverage(value: object) -> Coverage:
    if isinstance(value, Coverage):
        return value
    if isinstance(value, str):
        try:
            return Coverage(value)
        except ValueError:
            pass
    raise CalendarError(
        f"OccasionRule.covers: expected a Coverage ({', '.join(c.value for c in Coverage)}), "
        f"got {value!r}"
    )


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_date(value, f"OccasionRule.{attribute.name}")


@attrs.frozen
class OccasionRule:
    """A recurring occasion: an RFC 5545 ``RRULE`` of planned dates plus what each covers.

    The rule is held as text (``dateutil.rrule`` objects compare by identity, so they are
    built when needed and cached). Times of day (``BYHOUR``...), ``UNTIL`` (use ``end``) and
    ``DTSTART`` (use ``start``) are not accepted.

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

    Examples:
        >>> rule = OccasionRule("månadsrapport", "FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=15",
        ...                     start=dt.date(2024, 1, 1), covers="year_to_date", lag=1,
        ...                     recipient="KS")
        >>> [o.name() for o in rule.occasions(between=(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))]
        ['Månadsrapport jan-mar 2024', 'Månadsrapport jan-maj 2024']
    """

    kind: str = attrs.field(converter=_kind, validator=_text("kind"))
    rule: str = attrs.field(converter=_normalise_rule)
    start: dt.date = attrs.field(kw_only=True, validator=_date_field("start"))
    end: dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)
    covers: Coverage = attrs.field(default=Coverage.NONE, kw_only=True, converter=_coverage)
    lag: int = attrs.field(default=0, kw_only=True, validator=_check_lag)
    recipient: str = attrs.field(default="nämnd", kw_only=True, validator=_text("recipient"))
    contents: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_contents)
    reported: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_reported)
    shift: Shift = attrs.field(default=Shift.PREVIOUS, kw_only=True, converter=_shift)
    title: str = attrs.field(default="", kw_only=True, validator=_text("title", empty=True))
    description: str = attrs.field(
        default="", kw_only=True, validator=_text("description", empty=True)
    )

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise CalendarError(
                f"OccasionRule: end {self.end.isoformat()} is before start "
                f"{self.start.isoformat()} ({self.rule})"
            )
        try:
            rule = _build_rrule(self.rule, self.start)
            first = rule.after(
                dt.datetime(self.start.year, self.start.month, self.start.day), inc=True
            )
        except (ValueError, TypeError, OverflowError) as exc:
            raise CalendarError(
                f"OccasionRule.rule: {self.rule!r} is not a valid RRULE ({exc})"
            ) from None
        if first is None or (self.end is not None and first.date() > self.end):
            raise CalendarError(
                f"OccasionRule.rule: {self.rule!r} gives no date from {self.start.isoformat()}"
                + (f" to {self.end.isoformat()}" if self.end else "")
            )
        # The first occurrence must give a valid period (a lag back past year 1953 would not).
        self.occasion(first.date())

    def to_rrule(self) -> rrule:
        """The :class:`dateutil.rrule.rrule` of planned dates (built on demand, cached).

        It starts at ``start`` but does not know ``end``: :meth:`dates` and
        :meth:`iter_dates` apply it.
        """
        return _build_rrule(self.rule, self.start)

    def dates(self, between: tuple[dt.date, dt.date] | Period) -> tuple[dt.date, ...]:
        """The planned dates in ``[start, end]`` of *between* (both included)."""
        lo, hi = _between(between)
        lo, hi = max(lo, self.start), min(hi, self.end or hi)
        if lo > hi:
            return ()
        found = self.to_rrule().between(
            dt.datetime(lo.year, lo.month, lo.day), dt.datetime(hi.year, hi.month, hi.day), inc=True
        )
        return tuple(d.date() for d in found)

    def iter_dates(self, after: dt.date) -> Iterator[dt.date]:
        """Planned dates on or after *after*, in order (endless for a rule without end)."""
        rule = self.to_rrule()
        begin = dt.datetime(after.year, after.month, after.day)
        for moment in rule.xafter(begin, inc=True):
            if self.end is not None and moment.date() > self.end:
                return
            yield moment.date()

    def occasion(self, planned: dt.date) -> Occasion:
        """The occasion this rule gives for one planned date (not yet shifted)."""
        reference = planned - relativedelta(months=self.lag)
        try:
            period = self.covers.period(reference)
        except Exception as exc:  # a PlanError from Period for years out of range
            raise CalendarError(
                f"OccasionRule {self.kind!r}: no {self.covers.value} period for "
                f"{planned.isoformat()} with lag {self.lag} ({exc})"
            ) from None
        return Occasion(
            self.kind,
            planned,
            period,
            self.recipient,
            contents=self.contents,
            reported=self.reported,
            shift=self.shift,
            title=self.title,
            description=self.description,
        )

    def occasions(self, between: tuple[dt.date, dt.date] | Period) -> tuple[Occasion, ...]:
        """The occasions planned in *between* (not yet shifted to working days)."""
        return tuple(self.occasion(d) for d in self.dates(between))


def _between(value: object) -> tuple[dt.date, dt.date]:
    if isinstance(value, Period):
        return value.start, value.end
    if not isinstance(value, tuple) or len(value) != 2:
        raise CalendarError(f"between: expected (start, end) dates or a Period, got {value!r}")
    lo = _check_date(value[0], "between[0]")
    hi = _check_date(value[1], "between[1]")
    if lo > hi:
        raise CalendarError(f"between: start {lo.isoformat()} is after end {hi.isoformat()}")
    return lo, hi


# -- FollowUpCalendar -------------------------------------------------------------------


def _tuple_of(value: object, cls: type, what: str) -> tuple[Any, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise CalendarError(f"FollowUpCalendar.{what}: expected a collection, got {value!r}")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise CalendarError(
                f"FollowUpCalendar.{what}[{i}]: expected {cls.__name__}, got {item!r}"
            )
    return items


def _rules(value: object) -> tuple[OccasionRule, ...]:
    return _tuple_of(value, OccasionRule, "rules")


def _occasions(value: object) -> tuple[Occasion, ...]:
    return _tuple_of(value, Occasion, "occasions")


@attrs.frozen
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

    name: str = attrs.field(validator=_text("name"))
    rules: tuple[OccasionRule, ...] = attrs.field(default=(), converter=_rules)
    occasions: tuple[Occasion, ...] = attrs.field(default=(), converter=_occasions)
    working_days: WorkingDays = attrs.field(
        factory=WorkingDays, validator=attrs.validators.instance_of(WorkingDays)
    )

    def _realise(self, occasion: Occasion) -> Occasion:
        due = self.working_days.shift(occasion.planned, occasion.shift)
        return occasion if due == occasion.due else attrs.evolve(occasion, due=due)

    def _candidates(self, lo: dt.date, hi: dt.date) -> Iterator[Occasion]:
        margin = dt.timedelta(days=self.working_days.max_shift)
        first, last = dt.date(1953, 1, 1), dt.date.max
        # Clamped before adding, so a range that ends in 9999 does not overflow.
        wide = (max(lo, first + margin) - margin, min(hi, last - margin) + margin)
        for rule in self.rules:
            yield from rule.occasions(wide)
        for occasion in self.occasions:
            if wide[0] <= occasion.planned <= wide[1]:
                yield occasion

    def occurrences(self, *, between: tuple[dt.date, dt.date] | Period) -> tuple[Occasion, ...]:
        """Every occasion due in ``between`` (start and end included, or a Period).

        An occasion planned just outside the range but moved into it counts; one moved out
        of it does not.
        """
        lo, hi = _between(between)
        found = {occ for occ in map(self._realise, self._candidates(lo, hi)) if lo <= occ.due <= hi}
        return tuple(sorted(found, key=Occasion._sort_key))

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
        _check_date(after, "after")
        margin = dt.timedelta(days=self.working_days.max_shift)
        best: Occasion | None = None

        def consider(occasion: Occasion) -> None:
            nonlocal best
            if occasion.due > after and (best is None or occasion._sort_key() < best._sort_key()):
                best = occasion

        for occasion in self.occasions:
            consider(self._realise(occasion))
        start = max(after, dt.date(1953, 1, 1) + margin) - margin
        for rule in self.rules:
            for planned in rule.iter_dates(start):
                if best is not None and planned - margin > best.due:
                    break
                consider(self._realise(rule.occasion(planned)))
        return best

    def to_ics(
        self,
        *,
        between: tuple[dt.date, dt.date] | Period,
        locale: str = "sv",
        stamp: dt.datetime | None = None,
    ) -> str:
        """The occasions in *between* as an iCalendar (RFC 5545) text a nämnd can subscribe to.

        Each occasion is an all-day ``VEVENT`` on its (shifted) due date, with a UID that
        stays the same between exports as long as the occasion's kind, planned date, period,
        recipient and title do. Lines end in CRLF and are folded at 75 octets.

        Args:
            between: The range to export (dates or a Period).
            locale: Language of the summaries and descriptions.
            stamp: The ``DTSTAMP`` (a timezone-aware datetime); default: now, in UTC.
        """
        if stamp is None:
            stamp = dt.datetime.now(dt.UTC)
        if not isinstance(stamp, dt.datetime) or stamp.utcoffset() is None:
            raise CalendarError(f"stamp: expected a timezone-aware datetime, got {stamp!r}")
        return _ics(self, self.occurrences(between=between), locale, stamp)

    def contents_for(self, occasion: Occasion, plan: Plan) -> tuple[ReportEntry, ...]:
        """The goals and indicators of *plan* that go into *occasion*; see :func:`contents_for`."""
        return contents_for(occasion, plan)

    def _uid(self, occasion: Occasion) -> str:
        period = occasion.period.label() if occasion.period else ""
        key = "\x1f".join(
            (
                self.name,
                str(occasion.kind),
                occasion.planned.isoformat(),
                period,
                occasion.recipient,
                occasion.title,
            )
        )
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@styrmodell"


# -- when data arrive: Frequency -------------------------------------------------------

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
_CADENCE_MONTHS = {"month": 1, "quarter": 3, "tertial": 4, "year": 12}
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
_MONTH_WORDS = {name: i for i, name in enumerate(_FULL_SV, start=1)}
_RE_LAG = re.compile(
    r"(\d+|en|ett|två|tre|fyra|fem|sex|one|two|three|four|five|six)\s+"
    r"(?:månad(?:s|ers)?|months?'?)\s*(?:eftersläpning|lag|fördröjning)"
)
_RE_PUBLISHED = re.compile(r"publicera[st]*\s+(?:i|under)\s+([a-zåäö]+)")


def _check_cadence(instance: object, attribute: object, value: Any) -> None:
    if value is not None and value not in _CADENCE_MONTHS:
        raise CalendarError(
            f"Frequency.cadence: expected one of {sorted(_CADENCE_MONTHS)} or None, got {value!r}"
        )


def _check_lag_months(instance: object, attribute: object, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 36:
        raise CalendarError(f"Frequency.lag: expected 0–36 months, got {value!r}")


@attrs.frozen
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

    cadence: str | None = attrs.field(default=None, validator=_check_cadence)
    lag: int = attrs.field(default=0, validator=_check_lag_months)

    @classmethod
    def parse(cls, text: str) -> Frequency:
        """Read a plan's *uppföljningstillfälle* / frequency text; unknown words give ``None``.

        Understood: "Månadsvis", "Kvartalsvis", "Tertialvis", "Årligen", "Helår", with
        "(en månads eftersläpning)", "(2 månaders eftersläpning)" or "publiceras i april"
        (for a yearly figure: available in April of the following year).
        """
        if not isinstance(text, str):
            raise CalendarError(f"Frequency.parse: expected a text, got {text!r}")
        low = " ".join(text.lower().split())
        cadence = next(
            (name for name, words in _CADENCE_WORDS if any(w in low for w in words)), None
        )
        lag = 0
        if m := _RE_LAG.search(low):
            lag = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1]]
        elif (m := _RE_PUBLISHED.search(low)) and m[1] in _MONTH_WORDS:
            # Published in month M of the year after a calendar year: M - 1 months' lag.
            lag = _MONTH_WORDS[m[1]] - 1
        try:
            return cls(cadence, lag)
        except CalendarError as exc:
            raise CalendarError(f"Frequency.parse: {text!r}: {exc}") from None

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
        sv = language(locale) == "sv"
        words = {
            None: ("okänd frekvens", "unknown frequency"),
            "month": ("månadsvis", "monthly"),
            "quarter": ("kvartalsvis", "quarterly"),
            "tertial": ("tertialvis", "every four months"),
            "year": ("årligen", "yearly"),
        }[self.cadence][0 if sv else 1]
        if self.lag:
            unit = (
                ("månads" if self.lag == 1 else "månaders")
                if sv
                else ("month's" if self.lag == 1 else "months'")
            )
            words += f", {self.lag} {unit} {'eftersläpning' if sv else 'lag'}"
        return words


@attrs.frozen
class ReportEntry:
    """One goal or indicator that goes into an occasion, and whether its data are there yet.

    Attributes:
        path: Where it sits in the plan: ``goals[0].children[1]`` or
            ``goals[0].children[1].indicators[0]``.
        goal: The goal (for an indicator: the goal it measures).
        indicator: The indicator, or ``None`` for a goal entry.
        available: False when the indicator's data for the occasion's period arrive after
            the occasion is due: assess it as ``NOT_ASSESSED`` with reason
            ``"not_yet_available"``, never as a false red.
        available_from: The first day the data are there (indicators with a period only).
        reason: ``""`` or ``"not_yet_available"``.
    """

    path: str
    goal: Goal
    indicator: Indicator | None = None
    available: bool = True
    available_from: dt.date | None = None
    reason: str = ""

    @property
    def id(self) -> str:
        """The indicator's id, or the goal's."""
        return self.indicator.id if self.indicator is not None else self.goal.id

    def explain(self, locale: str = "sv") -> str:
        """Why it can or cannot be assessed yet, in Swedish or English."""
        sv = language(locale) == "sv"
        if self.available or self.indicator is None or self.available_from is None:
            return "Kan bedömas" if sv else "Can be assessed"
        freq = Frequency.parse(self.indicator.frequency).label(locale)
        when = self.available_from.isoformat()
        if sv:
            return f"Ej tillgängligt än: utfallet finns tidigast {when} ({freq})"
        return f"Not yet available: the outcome arrives {when} at the earliest ({freq})"


def _flags_match(flags: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return not wanted or not flags or bool(set(flags) & set(wanted))


def contents_for(occasion: Occasion, plan: Plan) -> tuple[ReportEntry, ...]:
    """The goals and indicators of *plan* that go into *occasion*, with their availability.

    Which goals: none, unless the occasion contains ``Content.GOALS`` or reports by D/B
    flags. Then every goal whose ``reported_in`` shares a flag with ``occasion.reported``
    (goals without flags, and occasions without flags, match everything).

    Which indicators of those goals: by the same flags (the indicator's own, else its
    goal's); for an occasion without flags, those measured at least as often as its period
    (a yearly figure does not go into a report per mars).

    Availability (:class:`Frequency`): an indicator whose data for the occasion's period
    arrive after ``occasion.due`` is ``available=False``, reason ``"not_yet_available"``.
    """
    from styrmodell._goals import Plan

    if not isinstance(occasion, Occasion):
        raise CalendarError(f"contents_for: expected an Occasion, got {occasion!r}")
    if not isinstance(plan, Plan):
        raise PlanError(f"contents_for: expected a Plan, got {plan!r}")
    if Content.GOALS not in occasion.contents and not occasion.reported:
        return ()
    out: list[ReportEntry] = []
    for path, goal in plan.walk():
        if not _flags_match(goal.reported_in, occasion.reported):
            continue
        out.append(ReportEntry(path, goal))
        for k, indicator in enumerate(goal.indicators):
            flags = indicator.reported_in or goal.reported_in
            if not _flags_match(flags, occasion.reported):
                continue
            frequency = Frequency.parse(indicator.frequency)
            period = occasion.period
            if period is None:
                out.append(ReportEntry(f"{path}.indicators[{k}]", goal, indicator))
                continue
            if not occasion.reported and not frequency.fits(period):
                continue
            ready = frequency.available_from(period)
            available = occasion.due >= ready
            out.append(
                ReportEntry(
                    f"{path}.indicators[{k}]",
                    goal,
                    indicator,
                    available=available,
                    available_from=ready,
                    reason="" if available else "not_yet_available",
                )
            )
    return tuple(out)


# -- iCalendar (RFC 5545) ---------------------------------------------------------------


def _ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _ics_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _description(occasion: Occasion, locale: str) -> str:
    sv = language(locale) == "sv"
    lines = []
    if occasion.period is not None:
        lines.append("Period: " + occasion.period.label(locale))
    lines.append(("Mottagare: " if sv else "Recipient: ") + occasion.recipient_label(locale))
    if occasion.contents:
        words = [c.label(locale) if isinstance(c, Content) else c for c in occasion.contents]
        lines.append(("Innehåll: " if sv else "Contents: ") + ", ".join(words))
    if occasion.reported:
        lines.append(
            ("Mål som redovisas: " if sv else "Goals reported: ") + "/".join(occasion.reported)
        )
    if occasion.is_shifted:
        lines.append(
            (
                f"Planerat {occasion.planned.isoformat()}, flyttat till "
                f"{occasion.shift.label(locale)}"
            )
            if sv
            else f"Planned {occasion.planned.isoformat()}, moved to the "
            f"{occasion.shift.label(locale)}"
        )
    if occasion.description:
        lines.append(occasion.description)
    return "\n".join(lines)


def _ics(
    calendar: FollowUpCalendar,
    occasions: tuple[Occasion, ...],
    locale: str,
    stamp: dt.datetime,
) -> str:
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lang = language(locale).upper()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//styrmodell//styrmodell årshjul//{lang}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ics_text(calendar.name)}",
    ]
    seen: dict[str, int] = {}
    for occasion in occasions:
        uid = calendar._uid(occasion)
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # equal identity, different contents: keep UIDs unique
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        kind = occasion.kind_label(locale)
        # An all-day event without DTEND lasts one day (RFC 5545 §3.6.1): only for 9999-12-31.
        end = (
            [f"DTEND;VALUE=DATE:{_ics_date(occasion.due + dt.timedelta(days=1))}"]
            if occasion.due < dt.date.max
            else []
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{_ics_date(occasion.due)}",
            *end,
            f"SUMMARY:{_ics_text(occasion.label(locale))}",
            f"DESCRIPTION:{_ics_text(_description(occasion, locale))}",
            f"CATEGORIES:{_ics_text(kind)}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
