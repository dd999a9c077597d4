"""What goes into a report: the goals and indicators of a plan for one occasion.

Swedish terms: *innehåll* (contents) of a *månadsrapport*, *delårsrapport* or *bokslut*;
*D/B* (delår/bokslut) flags; data that are *inte tillgängliga än* (not yet available).

This module joins the calendar and the plan, and sits above both: it imports them, and
neither imports it. That is why :func:`contents_for` is a function of an occasion and a plan
and not a method of :class:`~styrmodell.FollowUpCalendar`: a calendar knows nothing of plans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from styrmodell._calendar import Content, Frequency, Occasion
from styrmodell._errors import CalendarError, PlanError
from styrmodell._fields import Fields, as_flag, as_optional_date, as_text
from styrmodell._goals import Goal, Indicator, Plan
from styrmodell._messages import failure, text
from styrmodell._period import Period
from styrmodell._reason import Reason, as_optional_reason

__all__ = ["Availability", "ReportEntry", "contents_for"]

Availability = Callable[[Indicator, Period], "dt.date | None"]
"""When an indicator's outcome for a period is published (``None``: use its frequency).

What ``contents_for(..., available=...)`` takes; ``styrmodell.kolada.availability(snapshot)``
gives one from Kolada's publication dates.
"""

F = Fields(PlanError)


def _as_goal(value: object, at: str = "value") -> Goal:
    if not isinstance(value, Goal):
        raise failure(PlanError, "calendar.expected_instance", at, value=value, kind="Goal")
    return value


def _as_optional_indicator(value: object, at: str = "value") -> Indicator | None:
    if value is not None and not isinstance(value, Indicator):
        raise failure(PlanError, "calendar.expected_instance", at, value=value, kind="Indicator")
    return value


@attrs.frozen(field_transformer=F.locate)
class ReportEntry:
    """One goal or indicator that goes into an occasion, and whether its data are there yet.

    Attributes:
        path: Where it sits in the plan: ``goals[0].children[1]`` or
            ``goals[0].children[1].indicators[0]``.
        goal: The goal (for an indicator: the goal it measures).
        indicator: The indicator, or ``None`` for a goal entry.
        available: False when the indicator's data for the occasion's period arrive after
            the occasion is due: assess it as ``NOT_ASSESSED`` with reason
            :attr:`Reason.NOT_YET_AVAILABLE <styrmodell.Reason.NOT_YET_AVAILABLE>`, never as
            a false red.
        available_from: The first day the data are there (indicators with a period only).
        reason: ``None``, or :attr:`Reason.NOT_YET_AVAILABLE
            <styrmodell.Reason.NOT_YET_AVAILABLE>` (equal to ``"not_yet_available"``).
        published: ``available_from`` is the source's publication date (the
            ``available`` hook of :func:`contents_for`), not derived from the frequency.
    """

    path: str = attrs.field(converter=as_text)
    goal: Goal = attrs.field(converter=_as_goal)
    indicator: Indicator | None = attrs.field(default=None, converter=_as_optional_indicator)
    available: bool = attrs.field(default=True, converter=as_flag)
    available_from: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    reason: Reason | None = attrs.field(default=None, converter=as_optional_reason)
    published: bool = attrs.field(default=False, converter=as_flag, kw_only=True)

    @property
    def id(self) -> str:
        """The indicator's id, or the goal's."""
        return self.indicator.id if self.indicator is not None else self.goal.id

    def explain(self, locale: str = "sv") -> str:
        """Why it can or cannot be assessed yet, in the words of *locale*."""
        if self.available or self.indicator is None or self.available_from is None:
            return text("contents.can_be_assessed", locale)
        if self.published:
            return text("kolada.contents.published", locale, when=self.available_from.isoformat())
        return text(
            "contents.not_yet_available",
            locale,
            when=self.available_from.isoformat(),
            frequency=Frequency.parse(self.indicator.frequency).label(locale),
        )


def _flags_match(flags: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    return not wanted or not flags or bool(set(flags) & set(wanted))


def contents_for(
    occasion: Occasion, plan: Plan, *, available: Availability | None = None
) -> tuple[ReportEntry, ...]:
    """The goals and indicators of *plan* that go into *occasion*, with their availability.

    Which goals: none, unless the occasion contains ``Content.GOALS`` or reports by D/B
    flags. Then every goal whose ``reported_in`` shares a flag with ``occasion.reported``
    (goals without flags, and occasions without flags, match everything).

    Which indicators of those goals: by the same flags (the indicator's own, else its
    goal's); for an occasion without flags, those measured at least as often as its period
    (a yearly figure does not go into a report per mars).

    Availability (:class:`~styrmodell.Frequency`): an indicator whose data for the
    occasion's period arrive after ``occasion.due`` is ``available=False``, reason
    ``Reason.NOT_YET_AVAILABLE``. *available*, when given, is asked first for the day an
    indicator's outcome for the period is published (e.g.
    ``styrmodell.kolada.availability(snapshot)``: Kolada's publication dates); when it
    answers ``None`` the frequency decides.

    A function of the occasion and the plan, not a method of the calendar: it needs both,
    and the calendar module does not know plans (a plan holds its calendar, so the calendar
    importing the plan would make a circle).

    Raises:
        CalendarError: when *occasion* is no :class:`~styrmodell.Occasion`.
        PlanError: when *plan* is no :class:`~styrmodell.Plan`.

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import Goal, Indicator, Period
        >>> plan = Plan(id="p", years=2024, levels=["Mål"], goals=[Goal(
        ...     id="g", reported_in="D/B", indicators=[Indicator(id="sjuk",
        ...     frequency="Månadsvis (en månads eftersläpning)")])])
        >>> delar = Occasion("delårsrapport", dt.date(2024, 9, 30), Period.delar(2024),
        ...                  reported="D")
        >>> [(e.id, e.available) for e in contents_for(delar, plan)]
        [('g', True), ('sjuk', False)]
        >>> contents_for(delar, plan)[1].explain("en")
        "Not yet available: the outcome arrives 2024-10-01 at the earliest (monthly, 1 month's lag)"
    """
    if not isinstance(occasion, Occasion):
        raise failure(CalendarError, "contents.expected_occasion", "contents_for", value=occasion)
    if not isinstance(plan, Plan):
        raise failure(PlanError, "contents.expected_plan", "contents_for", value=plan)
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
            published = None if available is None else available(indicator, period)
            ready = frequency.available_from(period) if published is None else published
            there = occasion.due >= ready
            out.append(
                ReportEntry(
                    f"{path}.indicators[{k}]",
                    goal,
                    indicator,
                    available=there,
                    available_from=ready,
                    reason=None if there else Reason.NOT_YET_AVAILABLE,
                    published=published is not None,
                )
            )
    return tuple(out)
