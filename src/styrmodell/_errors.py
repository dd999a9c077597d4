"""The one exception hierarchy of styrmodell.

Every error the library raises on bad input is a :class:`StyrmodellError`. The subclasses
also inherit the matching builtin (mostly :class:`ValueError`), so ``except ValueError`` in
existing code keeps working. Messages say what was wrong, where (an id or a path such as
``goals[2].indicators[0].targets[2024]``) and which value came.
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "LedgerError",
    "ParseError",
    "PlanError",
    "SerializationError",
    "StyrmodellError",
    "ThresholdError",
]


class StyrmodellError(Exception):
    """Base class of every error raised by styrmodell."""


class ThresholdError(StyrmodellError, ValueError):
    """A threshold, interval or value to assess is invalid (NaN, overlap, reversed bounds...)."""


class PlanError(StyrmodellError, ValueError):
    """A plan, goal or indicator is inconsistent; the message names the path of the problem."""


class LedgerError(StyrmodellError, ValueError):
    """A budget ledger line or comparison is invalid; the message names the line."""


class CalendarError(StyrmodellError, ValueError):
    """A follow-up calendar, occasion or working-day rule is invalid."""


class ParseError(StyrmodellError, ValueError):
    """A text (an interval, a målvärde, a period label) could not be parsed."""


class SerializationError(StyrmodellError, ValueError):
    """A file or document could not be read or written; lists every problem with its path."""
