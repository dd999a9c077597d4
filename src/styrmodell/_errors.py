"""The one exception hierarchy of styrmodell.

Every error the library raises on bad input is a :class:`StyrmodellError`. The subclasses
also inherit the matching builtin (mostly :class:`ValueError`), so ``except ValueError`` in
existing code keeps working. Messages say what was wrong, where (an id or a path such as
``goals[2].indicators[0].targets[2024]``) and which value came. A :class:`PlanError` or
:class:`SerializationError` that lists several problems also holds them one by one in
``problems``.
"""

from __future__ import annotations

from collections.abc import Iterable

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


class _ProblemsError(StyrmodellError):
    """An error that may list several problems: the message, and each problem by itself."""

    problems: tuple[str, ...]

    def __init__(self, message: str = "", *, problems: Iterable[str] = ()) -> None:
        super().__init__(message)
        listed = tuple(problems)
        self.problems = listed or ((message,) if message else ())


class PlanError(_ProblemsError, ValueError):
    """A plan, goal or indicator is inconsistent; the message names the path of the problem.

    Attributes:
        problems: Every problem, one string each, starting with its path
            (``"goals[1]: duplicate goal id 'g1' (also at goals[0])"``); a plan's validation
            lists all it found. An error about one thing holds its message as the only item.

    Example:
        >>> from styrmodell import Goal, Plan, PlanError
        >>> try:
        ...     Plan(id="p", years=2023, levels=("Mål",), goals=[Goal(id="g"), Goal(id="g")])
        ... except PlanError as exc:
        ...     print(exc.problems)
        ("goals[1]: duplicate goal id 'g' (also at goals[0])",)
    """


class LedgerError(StyrmodellError, ValueError):
    """A budget ledger line or comparison is invalid; the message names the line."""


class CalendarError(StyrmodellError, ValueError):
    """A follow-up calendar, occasion or working-day rule is invalid."""


class ParseError(StyrmodellError, ValueError):
    """A text (an interval, a målvärde, a period label) could not be parsed."""


class SerializationError(_ProblemsError, ValueError):
    """A file or document could not be read or written; lists every problem with its path.

    Attributes:
        problems: Every problem, one string each, as ``"path: message"`` with the path in
            the document (``"goals[0].indicators[1].unit: 'procent' is not a Unit: ..."``);
            the message also names the file, the problems do not. A problem with the whole
            document (not UTF-8, not valid TOML, empty) is the only item.
    """
