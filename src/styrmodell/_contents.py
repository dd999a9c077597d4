"""What goes into a report: the goals and indicators of a plan for one occasion.

Swedish terms: *innehåll* (contents) of a *månadsrapport*, *delårsrapport* or *bokslut*;
*D/B* (delår/bokslut) flags; data that are *inte tillgängliga än* (not yet available).
This module joins the calendar and the plan, so it imports both at run time.
"""

from __future__ import annotations

import datetime as dt

import attrs

from styrmodell._calendar import Content, Frequency, Occasion
from styrmodell._errors import CalendarError, PlanError
from styrmodell._goals import Goal, Indicator, Plan
from styrmodell._locale import language

__all__ = ["ReportEntry", "contents_for"]


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
