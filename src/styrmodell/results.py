"""Result records: what :func:`~styrmodell.assess`, a plan diff and an action plan return.

Swedish terms: *måluppfyllelse per mål och mått* (:class:`GoalResult`,
:class:`IndicatorResult`), *ändringar mellan två planer* (:class:`PlanDiff`, :class:`Change`),
*andel genomförda aktiviteter* (:class:`Share`), *trend beside the colour* (:class:`Trend`,
:class:`TrendKind`: förbättrat / oförändrat / försämrat / ej jämförbar).

A :class:`~styrmodell.Scorecard` hands these out (``card["g"]``, ``card.indicator("i")``);
import them from here to annotate or to match on them::

    from styrmodell.results import GoalResult, IndicatorResult
"""

from styrmodell._actions import Share
from styrmodell._assessment import GoalResult, IndicatorResult
from styrmodell._diff import Change, PlanDiff
from styrmodell._trend import Trend, TrendKind

__all__ = ["Change", "GoalResult", "IndicatorResult", "PlanDiff", "Share", "Trend", "TrendKind"]
