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
from styrmodell._period import Period, PeriodKind
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Assessment, Context, Threshold
from styrmodell._units import Direction, Unit

__all__ = [
    "Assessment",
    "Bands",
    "CalendarError",
    "Context",
    "Direction",
    "Interval",
    "LedgerError",
    "ParseError",
    "Period",
    "PeriodKind",
    "PlanError",
    "SerializationError",
    "Status",
    "StyrmodellError",
    "Threshold",
    "ThresholdError",
    "Unit",
]

__version__ = "0.1.0"
