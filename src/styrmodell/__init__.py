"""styrmodell: Swedish municipal goal management (mål- och resultatstyrning) as a domain model.

Goal hierarchies, traffic-light thresholds (grönt / gult / rött), follow-up calendars and
budget ledgers, typed and exact in ``Decimal``. Everything public is importable from here.
"""

from styrmodell._errors import (
    CalendarError,
    LedgerError,
    ParseError,
    PlanError,
    SerializationError,
    StyrmodellError,
    ThresholdError,
)
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
from styrmodell._serialization import converter, dump, dumps, load, loads
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._lint import Finding, describe, lint
from styrmodell._thresholds._milestone import Milestone, Progress
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import TargetValue
from styrmodell._units import Direction, Unit

__all__ = [
    "Assessment",
    "Bands",
    "BudgetDeviation",
    "CalendarError",
    "CompareToReference",
    "Context",
    "Direction",
    "Duration",
    "Finding",
    "FrameCheck",
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
    "ParseError",
    "PlanError",
    "PrintedFigure",
    "Progress",
    "ScenarioChange",
    "SerializationError",
    "Status",
    "StyrmodellError",
    "TargetValue",
    "Threshold",
    "ThresholdError",
    "Unit",
    "Verksamhet",
    "YearOverYear",
    "converter",
    "describe",
    "dump",
    "dumps",
    "lint",
    "load",
    "loads",
]

__version__ = "0.1.0"
