"""The one exception hierarchy of styrmodell, and the :class:`Problem` every collecting error lists.

Every error the library raises on bad input is a :class:`StyrmodellError`. The subclasses
also inherit the matching builtin (mostly :class:`ValueError`), so ``except ValueError`` in
existing code keeps working. Messages say what was wrong, where (an id or a path such as
``goals[2].indicators[0].targets[2024]``) and which value came.

Errors that check a whole thing (a plan, a file, a ledger, a calendar) collect every problem
they find rather than stopping at the first, and hold them one by one in ``problems``: a
tuple of :class:`Problem` values, each with its path, a machine-readable code, the message
and the offending value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = [
    "CalendarError",
    "LedgerError",
    "ParseError",
    "PlanError",
    "Problem",
    "SerializationError",
    "StyrmodellError",
    "ThresholdError",
]


class _Absent:
    """The marker for "no offending value" (``None`` can itself be the offending value)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()
"""No offending value (a :class:`Problem` about a missing thing)."""


def _params(value: Mapping[str, object] | None) -> tuple[tuple[str, object], ...]:
    if not value:
        return ()
    return tuple(sorted(dict(value).items()))


@attrs.frozen
class Problem:
    """One problem found in an input: where, what kind, what it says, and the value.

    Attributes:
        path: Where the problem is: a path in a document (``goals[0].indicators[1].unit``),
            ``file:line`` for a row of a CSV file, or ``""`` for the input as a whole.
        message: The problem in words (English, as in the exception's text).
        code: A stable machine-readable code (``"duplicate_id"``, ``"not_a_number"``,
            ``"unknown_key"``...): the text layer renders it in other locales, and programs
            can branch on it. ``""`` when the problem has no code of its own.
        value: The offending value as it was read, or :data:`ABSENT`.
        params: Named parameters of the message (for rendering it in another locale).

    Examples:
        >>> p = Problem("goals[1]", "duplicate goal id 'g' (also at goals[0])", code="duplicate_id")
        >>> str(p)
        "goals[1]: duplicate goal id 'g' (also at goals[0])"
        >>> Problem("", "not valid TOML").code
        ''
    """

    path: str
    message: str
    code: str = attrs.field(default="", kw_only=True)
    value: Any = attrs.field(default=ABSENT, kw_only=True, eq=False, repr=False)
    params: tuple[tuple[str, object], ...] = attrs.field(
        default=(), kw_only=True, converter=_params, eq=False, repr=False
    )

    @classmethod
    def of(cls, text: str | Problem) -> Problem:
        """The problem itself, or a problem with no path whose message is *text*.

        Examples:
            >>> str(Problem.of("not UTF-8 text"))
            'not UTF-8 text'
        """
        return text if isinstance(text, Problem) else cls("", text)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def located(self, prefix: str) -> Problem:
        """The same problem with *prefix* put in front of its path (``"file.toml"``)."""
        if not prefix:
            return self
        path = f"{prefix}.{self.path}" if self.path and self.path[0] != "[" else prefix + self.path
        return attrs.evolve(self, path=path)


class StyrmodellError(Exception):
    """Base class of every error raised by styrmodell.

    Attributes:
        problems: Every problem as a :class:`Problem` (path, code, message, value). A check
            of a whole thing (a plan, a file, a ledger) lists all it found; an error about
            one thing holds that one problem; ``str(problem)`` is ``"path: message"``.
    """

    problems: tuple[Problem, ...]

    def __init__(self, message: str = "", *, problems: Iterable[str | Problem] = ()) -> None:
        super().__init__(message)
        listed = tuple(Problem.of(p) for p in problems)
        self.problems = listed or ((Problem.of(message),) if message else ())

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, self.problems))


def _rebuild(
    cls: type[StyrmodellError], args: tuple[Any, ...], problems: tuple[Problem, ...]
) -> StyrmodellError:
    return cls(*args, problems=problems)


class ThresholdError(StyrmodellError, ValueError):
    """A threshold, interval or value to assess is invalid (NaN, overlap, reversed bounds...)."""


class PlanError(StyrmodellError, ValueError):
    """A plan, goal or indicator is inconsistent; the message names the path of the problem.

    Example:
        >>> from styrmodell import Goal, Plan, PlanError
        >>> try:
        ...     Plan(id="p", years=2023, levels=("Mål",), goals=[Goal(id="g"), Goal(id="g")])
        ... except PlanError as exc:
        ...     print(*exc.problems)
        goals[1]: duplicate goal id 'g' (also at goals[0])
    """


class LedgerError(StyrmodellError, ValueError):
    """A budget ledger line or comparison is invalid; each problem names its line."""


class CalendarError(StyrmodellError, ValueError):
    """A follow-up calendar, occasion or working-day rule is invalid."""


class ParseError(StyrmodellError, ValueError):
    """A text (an interval, a målvärde, a period label) could not be parsed."""


class SerializationError(StyrmodellError, ValueError):
    """A file or document could not be read or written; lists every problem with its path.

    Each problem's path is the place in the document
    (``goals[0].indicators[1].unit: 'procent' is not a Unit: ...``); the message also names
    the file, the problems do not. A problem with the whole document (not UTF-8, not valid
    TOML, empty) is the only item.
    """
