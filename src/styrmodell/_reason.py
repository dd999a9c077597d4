"""Reason: why an assessment got its status, as one documented set of codes.

Swedish terms: *skäl* (a reason); *ej bedömd* (not assessed) always comes with one.
"""

from __future__ import annotations

import enum

from styrmodell._fields import choice

__all__ = ["Reason"]


class Reason(enum.StrEnum):
    """Every reason an :class:`~styrmodell.Assessment` can give, one code each.

    This is the one list of reason codes (``Assessment.reason`` documents none of its own).
    A ``Reason`` is a string enum: ``assessment.reason == "gap"`` holds, and the code is
    what files and frames carry; ``Assessment`` accepts the code string too. Each family's
    ``explain`` words the reasons it gives for people. A family of your own picks from these
    codes (a number in a band, a gap, no value, a missing reference...), so code that reads
    reasons never meets one it does not know.

    Examples:
        >>> Reason.GAP == "gap"
        True
        >>> Reason("no_target")
        <Reason.NO_TARGET: 'no_target'>
    """

    # A number matched against bands (Bands, TargetValue, BudgetDeviation...).
    BAND = "band"
    """The value fell in a band; ``Assessment.interval`` is the interval."""
    GAP = "gap"
    """The value fell between the bands: no colour (lint reports such gaps)."""
    NO_VALUE = "no_value"
    """There was no value to judge (no outcome)."""

    # Comparisons with a reference or an earlier year.
    BETTER = "better"
    """Better than what it was compared with, beyond the tolerance."""
    SAME = "same"
    """Within the tolerance of what it was compared with."""
    WORSE = "worse"
    """Worse than what it was compared with, beyond the tolerance."""
    CHANGED = "changed"
    """A level to keep ("Oförändrat") was not kept."""
    MISSING_REFERENCE = "missing_reference"
    """The reference value (riket, liknande kommuner...) was not in the context."""
    MISSING_HISTORY = "missing_history"
    """The earlier year's value was not in the context."""
    MISSING_YEAR = "missing_year"
    """The year assessed was not given, so no earlier year can be found."""

    # Budget deviation.
    MISSING_BUDGET = "missing_budget"
    """No budget was given to compare the outcome with."""
    ZERO_BUDGET = "zero_budget"
    """The budget is zero: a deviation in percent is undefined."""

    # Target values.
    MET = "met"
    """The target value was met."""
    WITHIN_MARGIN = "within_margin"
    """Not met, but within the yellow margin."""
    NOT_MET = "not_met"
    """Not met."""

    # Milestones.
    REACHED = "reached"
    """The milestone was reached."""
    IN_PROGRESS = "in_progress"
    """Started, and the due date has not passed."""
    NOT_DUE = "not_due"
    """Not started, and the due date has not passed: too early to judge."""
    OVERDUE = "overdue"
    """The due date passed before the milestone was reached."""
    NOT_REACHED = "not_reached"
    """The milestone was not reached (a final judgement)."""
    MISSING_DATE = "missing_date"
    """No assessment date was given to compare the due date with."""

    # Durations.
    WITHIN = "within"
    """Done within the time limit."""
    LATE = "late"
    """Done after the time limit, or still pending past it."""
    PENDING = "pending"
    """Not done yet and still within the time limit."""

    # From styrmodell.assess.
    NOT_YET_AVAILABLE = "not_yet_available"
    """The data arrive after the assessment date: too early, never a false red."""
    NO_TARGET = "no_target"
    """The indicator has no target for the year."""

    # Ranks, changes from a base, period averages, attainment, series breaks.
    MISSING_POPULATION = "missing_population"
    """No population (the comparison group's values) was in the context."""
    POPULATION_TOO_SMALL = "population_too_small"
    """The population has fewer units than the rank needs."""
    NOT_IN_POPULATION = "not_in_population"
    """The unit assessed (``Context.member``) was not given or is not in the population."""
    ZERO_BASE = "zero_base"
    """The base is zero: a change in percent of it is undefined."""
    NO_YEARS = "no_years"
    """No year of the period has a value yet."""
    NOT_COMPARABLE = "not_comparable"
    """The values lie on two sides of a series break (the method changed)."""
    INTERPOLATED = "interpolated"
    """Judged against the straight line to the next stage (a year without its own target)."""


def as_optional_reason(value: object, at: str = "value") -> Reason | None:
    """A :class:`Reason` or ``None`` (a field converter)."""
    return None if value is None else choice(Reason, value, at)
