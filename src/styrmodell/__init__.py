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
    "Interval",
    "LedgerError",
    "Milestone",
    "ParseError",
    "PlanError",
    "Progress",
    "SerializationError",
    "Status",
    "StyrmodellError",
    "TargetValue",
    "Threshold",
    "ThresholdError",
    "Unit",
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
