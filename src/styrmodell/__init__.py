"""styrmodell: Swedish municipal goal management (mål- och resultatstyrning) as a domain model.

Goal hierarchies, traffic-light thresholds (grönt / gult / rött), follow-up calendars and
budget ledgers, typed and exact in ``Decimal``. What a user needs first is importable from
here; records a user meets second live in themed public submodules: ``styrmodell.results``
(what ``assess`` and friends return), ``styrmodell.calendar`` (calendar rules, working days,
periods), ``styrmodell.types`` (the read-only mapping fields hold), ``styrmodell.families``
(the registry of threshold families), ``styrmodell.strategies`` (hypothesis).

Importing the package loads the values layer and the threshold protocol. Every other name —
the threshold families included — is loaded on first use (:pep:`562`), and so are the public
submodules: ``import styrmodell`` stays cheap, and ``styrmodell.results`` works without an
import of its own. The built-in families register themselves when the registry is first
asked (by files, lint, describe, the strategies), so every one of them is always known.
"""

import importlib as _importlib
import typing as _typing

from styrmodell._errors import (
    CalendarError,
    LedgerError,
    ParseError,
    PlanError,
    Problem,
    SerializationError,
    StyrmodellError,
    ThresholdError,
)
from styrmodell._intervals import Interval
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._units import Direction, Unit

if _typing.TYPE_CHECKING:
    from styrmodell._actions import ActionPlan, Activity
    from styrmodell._assessment import Scorecard, assess
    from styrmodell._calendar import FollowUpCalendar, Occasion
    from styrmodell._diff import diff
    from styrmodell._goals import Baseline, Goal, Indicator, OrgUnit, Perspective, Plan
    from styrmodell._investments import InvestmentBudget
    from styrmodell._ledger import Ledger
    from styrmodell._outcomes import Gender, Outcome, Outcomes
    from styrmodell._parse._grammar import parse_threshold
    from styrmodell._period import Period
    from styrmodell._plan_lint import lint
    from styrmodell._report import render
    from styrmodell._rollup import RollUp
    from styrmodell._serialization import converter, dump, dumps, load, loads, make_converter
    from styrmodell._thresholds._attainment import Attainment
    from styrmodell._thresholds._average import PeriodAverage
    from styrmodell._thresholds._bands import Bands
    from styrmodell._thresholds._budget import BudgetDeviation
    from styrmodell._thresholds._change import YearOverYear
    from styrmodell._thresholds._duration import Duration
    from styrmodell._thresholds._lint import Finding, describe
    from styrmodell._thresholds._milestone import Milestone, Progress
    from styrmodell._thresholds._rank import Rank
    from styrmodell._thresholds._reference import CompareToReference
    from styrmodell._thresholds._relative import RelativeChange
    from styrmodell._thresholds._target import TargetValue

__all__ = [
    "ActionPlan",
    "Activity",
    "Assessment",
    "Attainment",
    "Bands",
    "Baseline",
    "BudgetDeviation",
    "CalendarError",
    "CompareToReference",
    "Context",
    "Direction",
    "Duration",
    "Finding",
    "FollowUpCalendar",
    "Gender",
    "Goal",
    "Indicator",
    "Interval",
    "InvestmentBudget",
    "Ledger",
    "LedgerError",
    "Milestone",
    "Occasion",
    "OrgUnit",
    "Outcome",
    "Outcomes",
    "ParseError",
    "Period",
    "PeriodAverage",
    "Perspective",
    "Plan",
    "PlanError",
    "Problem",
    "Progress",
    "Rank",
    "Reason",
    "RelativeChange",
    "RollUp",
    "Scorecard",
    "SerializationError",
    "Status",
    "StyrmodellError",
    "TargetValue",
    "Threshold",
    "ThresholdError",
    "Unit",
    "YearOverYear",
    "assess",
    "converter",
    "describe",
    "diff",
    "dump",
    "dumps",
    "lint",
    "load",
    "loads",
    "make_converter",
    "parse_threshold",
    "render",
]

__version__ = "0.1.0"

# Where each name loaded on first use lives (the names imported above load with the package).
_LAZY: dict[str, str] = {
    "Attainment": "styrmodell._thresholds._attainment",
    "PeriodAverage": "styrmodell._thresholds._average",
    "Bands": "styrmodell._thresholds._bands",
    "BudgetDeviation": "styrmodell._thresholds._budget",
    "YearOverYear": "styrmodell._thresholds._change",
    "Duration": "styrmodell._thresholds._duration",
    "Milestone": "styrmodell._thresholds._milestone",
    "Progress": "styrmodell._thresholds._milestone",
    "Rank": "styrmodell._thresholds._rank",
    "CompareToReference": "styrmodell._thresholds._reference",
    "RelativeChange": "styrmodell._thresholds._relative",
    "TargetValue": "styrmodell._thresholds._target",
    "ActionPlan": "styrmodell._actions",
    "Activity": "styrmodell._actions",
    "Baseline": "styrmodell._goals",
    "Finding": "styrmodell._thresholds._lint",
    "FollowUpCalendar": "styrmodell._calendar",
    "Gender": "styrmodell._outcomes",
    "Goal": "styrmodell._goals",
    "Indicator": "styrmodell._goals",
    "InvestmentBudget": "styrmodell._investments",
    "Ledger": "styrmodell._ledger",
    "Occasion": "styrmodell._calendar",
    "OrgUnit": "styrmodell._goals",
    "Outcome": "styrmodell._outcomes",
    "Outcomes": "styrmodell._outcomes",
    "Period": "styrmodell._period",
    "Perspective": "styrmodell._goals",
    "Plan": "styrmodell._goals",
    "RollUp": "styrmodell._rollup",
    "Scorecard": "styrmodell._assessment",
    "assess": "styrmodell._assessment",
    "converter": "styrmodell._serialization",
    "describe": "styrmodell._thresholds._lint",
    "diff": "styrmodell._diff",
    "dump": "styrmodell._serialization",
    "dumps": "styrmodell._serialization",
    "lint": "styrmodell._plan_lint",
    "load": "styrmodell._serialization",
    "loads": "styrmodell._serialization",
    "make_converter": "styrmodell._serialization",
    "parse_threshold": "styrmodell._parse._grammar",
    "render": "styrmodell._report",
}

# The public submodules, each loaded on first use (``styrmodell.results.GoalResult``).
_SUBMODULES = (
    "calendar",
    "families",
    "frames",
    "io",
    "kolada",
    "ledger",
    "results",
    "strategies",
    "types",
)

if not _typing.TYPE_CHECKING:  # for type checkers the names are the imports above

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is not None:
            value = getattr(_importlib.import_module(module), name)
            globals()[name] = value  # loaded once; later look-ups are plain attributes
            return value
        if name in _SUBMODULES:
            return _importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*__all__, *_SUBMODULES, *(k for k in globals() if k.startswith("__"))})
