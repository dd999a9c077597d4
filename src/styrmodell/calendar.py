"""Calendar rules, working days and periods: the parts a follow-up calendar is built from.

Swedish terms: *årshjul* (:class:`~styrmodell.FollowUpCalendar`), *tillfälle* (an
:class:`~styrmodell.Occasion` of a :class:`OccasionKind`, from an :class:`OccasionRule`),
*arbetsdagar* and *helgdagar* (:class:`WorkingDays`; a deadline on a holiday moves by
:class:`Shift`), *innehåll* (:class:`Content`), *täckning* (:class:`Coverage`: the months a
report covers), *periodicitet och eftersläpning* (:class:`Frequency`), *period*
(:class:`PeriodKind`: år, delår, tertial, kvartal, månad), *vad som ingår i en rapport*
(:func:`contents_for`, :class:`ReportEntry`).
"""

from styrmodell._calendar import Content, Coverage, Frequency, OccasionKind, OccasionRule
from styrmodell._contents import ReportEntry, contents_for
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._period import PeriodKind

__all__ = [
    "Content",
    "Coverage",
    "Frequency",
    "OccasionKind",
    "OccasionRule",
    "PeriodKind",
    "ReportEntry",
    "Shift",
    "WorkingDays",
    "contents_for",
]
