"""styrmodell: Swedish municipal goal management (mål- och resultatstyrning) as a domain model.

Goal hierarchies, traffic-light thresholds (grönt / gult / rött), follow-up calendars and
budget ledgers, typed and exact in ``Decimal``. Everything public is importable from here.
"""

from styrmodell._actions import ActionPlan, Activity, Share
from styrmodell._assessment import GoalResult, IndicatorResult, Scorecard, assess
from styrmodell._calendar import (
    Content,
    Coverage,
    FollowUpCalendar,
    Frequency,
    Occasion,
    OccasionKind,
    OccasionRule,
)
from styrmodell._contents import ReportEntry, contents_for
from styrmodell._diff import Change, PlanDiff
from styrmodell._errors import (
    CalendarError,
    LedgerError,
    ParseError,
    PlanError,
    SerializationError,
    StyrmodellError,
    ThresholdError,
)
from styrmodell._goals import Baseline, Goal, Indicator, OrgUnit, Perspective, Plan
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._intervals import Interval
from styrmodell._investments import (
    InvestmentBudget,
    InvestmentFollowUp,
    InvestmentObject,
    InvestmentProblem,
    InvestmentSum,
)
from styrmodell._ledger import (
    FrameCheck,
    Ledger,
    LedgerDeviation,
    LedgerLine,
    LedgerProblem,
    LineKind,
    PrintedFigure,
    ScenarioChange,
    Verksamhet,
)
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._period import Period, PeriodKind
from styrmodell._report import render
from styrmodell._rollup import RollUp
from styrmodell._serialization import converter, dump, dumps, load, loads, make_converter
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._lint import Finding, describe, lint
from styrmodell._thresholds._milestone import Milestone, Progress
from styrmodell._thresholds._parse import parse_threshold
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import TargetValue
from styrmodell._units import Direction, Unit

__all__ = [
    "ActionPlan",
    "Activity",
    "Assessment",
    "Bands",
    "Baseline",
    "BudgetDeviation",
    "CalendarError",
    "Change",
    "CompareToReference",
    "Content",
    "Context",
    "Coverage",
    "Direction",
    "Duration",
    "Finding",
    "FollowUpCalendar",
    "FrameCheck",
    "Frequency",
    "Gender",
    "Goal",
    "GoalResult",
    "Indicator",
    "IndicatorResult",
    "Interval",
    "InvestmentBudget",
    "InvestmentFollowUp",
    "InvestmentObject",
    "InvestmentProblem",
    "InvestmentSum",
    "Ledger",
    "LedgerDeviation",
    "LedgerError",
    "LedgerLine",
    "LedgerProblem",
    "LineKind",
    "Milestone",
    "Occasion",
    "OccasionKind",
    "OccasionRule",
    "OrgUnit",
    "Outcome",
    "Outcomes",
    "ParseError",
    "Period",
    "PeriodKind",
    "Perspective",
    "Plan",
    "PlanDiff",
    "PlanError",
    "PrintedFigure",
    "Progress",
    "ReportEntry",
    "RollUp",
    "ScenarioChange",
    "Scorecard",
    "SerializationError",
    "Share",
    "Shift",
    "Status",
    "StyrmodellError",
    "TargetValue",
    "Threshold",
    "ThresholdError",
    "Unit",
    "Verksamhet",
    "WorkingDays",
    "YearOverYear",
    "assess",
    "contents_for",
    "converter",
    "describe",
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
